#include "diagnostics/SupportBundle.h"

#include "agent/PeerActivityJson.h"
#include "diagnostics/ArchiveWriter.h"
#include "diagnostics/NetworkFacts.h"
#include "diagnostics/ReportHtml.h"
#include "stats/ConnectionRecordJson.h"
#include "stats/PerfSnapJson.h"
#include "transfer/JobStatusJson.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSysInfo>

namespace opendo::diagnostics {

namespace {

const QString kRoot = QStringLiteral("opendo-support/");
const QString kRedacted = QStringLiteral("***");

QByteArray jsonBytes(const QJsonDocument& document)
{
    return document.toJson(QJsonDocument::Indented);
}

// Stable, untranslated names of the policy sources for JSON.
QString sourceKey(policy::PolicySource source)
{
    switch (source) {
    case policy::PolicySource::Policy:
        return QStringLiteral("policy");
    case policy::PolicySource::Local:
        return QStringLiteral("local");
    case policy::PolicySource::Default:
        break;
    }
    return QStringLiteral("default");
}

QJsonValue optionalString(const std::optional<QString>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QByteArray policyJson(const policy::PolicySnapshot& policies)
{
    QJsonArray settings;
    for (const policy::EffectivePolicy& p : policies.settings)
        settings.append(QJsonObject{{QStringLiteral("Key"), p.key},
                                    {QStringLiteral("Value"), p.value},
                                    {QStringLiteral("Source"), sourceKey(p.source)},
                                    {QStringLiteral("PolicyValue"), optionalString(p.policyValue)},
                                    {QStringLiteral("LocalValue"), optionalString(p.localValue)}});
    return jsonBytes(QJsonDocument(settings));
}

// A setting whose name says it holds a secret keeps only whether it is set.
bool isSecretName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("password|passwd|secret|token|key$|keys$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

QByteArray agentSettingsJson(const QMap<QString, QString>& settings)
{
    QJsonObject o;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        o[it.key()] =
            isSecretName(it.key()) && !it.value().isEmpty() ? kRedacted : redactSecrets(it.value());
    return jsonBytes(QJsonDocument(o));
}

QByteArray statusJson(const QList<transfer::JobStatus>& jobs)
{
    QJsonArray array;
    for (const transfer::JobStatus& job : jobs)
        array.append(transfer::jobStatusToJson(job));
    return jsonBytes(QJsonDocument(array));
}

// The DO error codes of the last weeks, newest last, each with its meaning where OpenDO has one.
QByteArray errorEventsJson(const QList<stats::ErrorEvent>& events)
{
    QJsonArray array;
    for (const stats::ErrorEvent& e : events) {
        QJsonObject row{{QStringLiteral("At"), e.at.toUTC().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("Code"), log::errorCodeText(e.code)},
                        {QStringLiteral("Component"), e.category},
                        {QStringLiteral("Message"), e.message}};
        if (const auto meaning = log::errorCodeMeaning(e.code))
            row.insert(QStringLiteral("Meaning"), meaning->meaning);
        array.append(row);
    }
    return jsonBytes(QJsonDocument(array));
}

QByteArray connectionsJson(const DiagnosticInputs& facts)
{
    QList<stats::ConnectionRecord> records = facts.endedConnections;
    for (const transfer::PeerSnapshot& p : facts.activity.peers)
        records.append(stats::connectionRecordOf(p));
    return jsonBytes(QJsonDocument(stats::connectionRecordsToJson(records)));
}

QString logText(const QList<log::LogRecord>& records)
{
    QString text;
    for (const log::LogRecord& r : records) {
        QString message = r.message;
        message.replace(QLatin1Char('\n'), QStringLiteral("\n    ")); // continuation lines
        text += r.at.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
                log::logLevelKey(r.level).leftJustified(8) + QLatin1Char(' ') +
                (r.category.isEmpty() ? QStringLiteral("default") : r.category) +
                QStringLiteral(": ") + message + QLatin1Char('\n');
    }
    if (text.isEmpty())
        text = QStringLiteral("(no log records)\n");
    return text;
}

QString networkText()
{
    return QStringLiteral("Network interfaces:\n") + describeInterfaces(networkInterfaces()) +
           QLatin1Char('\n') + describeRoutes();
}

QString gib(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("unknown");
    return QString::number(double(bytes) / (1024.0 * 1024 * 1024), 'f', 1) +
           QStringLiteral(" GB (") + QString::number(bytes) + QStringLiteral(" bytes)");
}

QString orNone(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("(none)") : text;
}

QString systemText(const SupportBundleInputs& inputs)
{
    const DiagnosticInputs& f = inputs.facts;
    const DiagnosticReport& r = inputs.report;
    QString t;
    auto line = [&t](const QString& name, const QString& value) {
        t += (name + QLatin1Char(':')).leftJustified(28) + value + QLatin1Char('\n');
    };
    line(QStringLiteral("Host"), QSysInfo::machineHostName());
    line(QStringLiteral("Operating system"), QSysInfo::prettyProductName());
    line(QStringLiteral("Kernel"),
         QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion());
    line(QStringLiteral("Architecture"), QSysInfo::currentCpuArchitecture());
    line(QStringLiteral("OpenDO version"), orNone(r.agentVersion));
    line(QStringLiteral("Report started"), r.startedAt.toString(Qt::ISODateWithMs));
    t += QLatin1Char('\n');
    line(QStringLiteral("Data directory"), orNone(r.dataDir));
    line(QStringLiteral("Cache directory"), orNone(f.cacheDir));
    line(QStringLiteral("Database"), orNone(f.databasePath));
    line(QStringLiteral("Database check"), orNone(f.databaseCheck));
    line(QStringLiteral("Listening on"), orNone(f.activity.listenEndpoint));
    if (!f.listenError.isEmpty())
        line(QStringLiteral("Not listening because"), f.listenError);
    line(QStringLiteral("Discovery service"), orNone(f.discoveryUrl));
    line(QStringLiteral("Origin URL"), orNone(f.originUrl));
    line(QStringLiteral("Origin proxy"),
         f.originProxy.type() == QNetworkProxy::NoProxy
             ? QStringLiteral("direct")
             : f.originProxy.hostName() + QLatin1Char(':') + QString::number(f.originProxy.port()));
    t += QLatin1Char('\n');
    const transfer::SystemFacts& s = f.system;
    line(QStringLiteral("RAM"), gib(s.totalRamBytes));
    line(QStringLiteral("Cache drive size"), gib(s.cacheDriveTotalBytes));
    line(QStringLiteral("Cache drive free"), gib(f.device.diskFreeBytes));
    line(QStringLiteral("Battery"),
         s.batteryPercent
             ? QString::number(*s.batteryPercent) + QStringLiteral(" %, ") +
                   (s.onBattery ? QStringLiteral("on battery") : QStringLiteral("on AC power"))
             : QStringLiteral("none"));
    line(QStringLiteral("Uploaded to internet peers"),
         gib(f.uploadedThisMonthInternet) + QStringLiteral(" this month"));
    t += QStringLiteral("\nInterfaces (as the upload gates see them):\n");
    if (s.interfaces.isEmpty())
        t += QStringLiteral("    (none)\n");
    for (const transfer::NetworkInterfaceFact& i : s.interfaces) {
        t += QStringLiteral("    ") + i.name;
        if (!i.description.isEmpty() && i.description != i.name)
            t += QStringLiteral(" (") + i.description + QLatin1Char(')');
        t += i.up ? QStringLiteral(" up\n") : QStringLiteral(" down\n");
    }
    return t;
}

QString readmeText()
{
    return QStringLiteral(
        "OpenDO support bundle\n"
        "=====================\n"
        "\n"
        "Created by OpenDO for a help desk: everything needed to judge this device's Delivery\n"
        "Optimization without access to it. Secrets (swarm keys, tokens, passwords in addresses)\n"
        "were removed before the files were written.\n"
        "\n"
        "README.txt          this file\n"
        "report.html         the troubleshooter's findings as a page that opens in any browser:\n"
        "                    checks by group with verdict, evidence and remedy, why each download\n"
        "                    uses peers or not, the downloads and the key settings in effect\n"
        "checks.json         the same findings as JSON (every check, the per-download traces)\n"
        "policy.json         every setting: effective value and its source (policy, local,\n"
        "                    default), plus the values configured by policy and locally\n"
        "agent-settings.json the agent's own settings (values that are secrets are masked)\n"
        "status.json         every download with the Get-DeliveryOptimizationStatus fields\n"
        "perfsnap.json       the device figures of Get-DeliveryOptimizationPerfSnap\n"
        "perfsnap-month.json this month's bytes by source and peer class, average speeds and\n"
        "                    the upload cap's use (Get-DeliveryOptimizationPerfSnapThisMonth)\n"
        "peers.json          download mode in effect, the discovery service, the peers it\n"
        "                    offered and the live peer connections\n"
        "connections.json    the peer connections open now and the latest that ended: file,\n"
        "                    address, class, bytes each way, why each ended\n"
        "errors.json         the DO error codes (0x80D0xxxx) the agent raised in the last 15\n"
        "                    days, with time, component, message and meaning\n"
        "log.txt             the agent's recent log: time (UTC), level, component, message\n"
        "network.txt         network interfaces with their addresses, IPv4 and IPv6 routes\n"
        "system.txt          operating system, directories, RAM, cache drive, battery and the\n"
        "                    interfaces the peering gates look at\n");
}

QByteArray textBytes(const QString& text)
{
    return redactSecrets(text).toUtf8();
}

} // namespace

QList<QPair<QString, QByteArray>> supportBundleFiles(const SupportBundleInputs& inputs)
{
    const DiagnosticInputs& facts = inputs.facts;
    auto json = [](const QJsonObject& o) { return jsonBytes(QJsonDocument(o)); };
    // Every file is text and goes through the redaction, JSON included.
    const QList<QPair<QString, QString>> files = {
        {QStringLiteral("README.txt"), readmeText()},
        {QStringLiteral("report.html"), renderHtmlReport(inputs.report, facts)},
        {QStringLiteral("checks.json"),
         QString::fromUtf8(json(diagnosticReportToJson(inputs.report)))},
        {QStringLiteral("policy.json"), QString::fromUtf8(policyJson(facts.policies))},
        {QStringLiteral("agent-settings.json"),
         QString::fromUtf8(agentSettingsJson(facts.agentSettings))},
        {QStringLiteral("status.json"), QString::fromUtf8(statusJson(facts.jobs))},
        {QStringLiteral("perfsnap.json"),
         QString::fromUtf8(json(stats::perfSnapToJson(facts.device, facts.activity, facts.jobs)))},
        {QStringLiteral("perfsnap-month.json"),
         QString::fromUtf8(json(stats::perfSnapMonthToJson(
             facts.month, QDate::currentDate(),
             facts.policies.number(QStringLiteral("DOMonthlyUploadDataCap")))))},
        {QStringLiteral("peers.json"),
         QString::fromUtf8(json(agent::peerActivityToJson(facts.activity)))},
        {QStringLiteral("connections.json"), QString::fromUtf8(connectionsJson(facts))},
        {QStringLiteral("errors.json"), QString::fromUtf8(errorEventsJson(facts.errorEvents))},
        {QStringLiteral("log.txt"), logText(inputs.log)},
        {QStringLiteral("network.txt"), networkText()},
        {QStringLiteral("system.txt"), systemText(inputs)},
    };
    QList<QPair<QString, QByteArray>> out;
    out.reserve(files.size());
    for (const auto& [name, text] : files)
        out.append({kRoot + name, textBytes(text)});
    return out;
}

QString writeSupportBundle(const QString& path, const SupportBundleInputs& inputs)
{
    auto failure = [&path](const QString& reason) {
        return QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
    };
    if (path.isEmpty())
        return QStringLiteral("cannot write the support bundle: no file name given");
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    if (!QDir().mkpath(dir))
        return failure(
            QStringLiteral("cannot create the directory %1").arg(QDir::toNativeSeparators(dir)));
    if (info.isDir())
        return failure(QStringLiteral("it is a directory"));

    TarGzWriter writer(inputs.report.startedAt.isValid() ? inputs.report.startedAt.toUTC()
                                                         : QDateTime::currentDateTimeUtc());
    for (const auto& [name, content] : supportBundleFiles(inputs))
        if (!writer.addFile(name, content))
            return failure(QStringLiteral("the archive cannot hold the name %1").arg(name));
    const QByteArray archive = writer.finish();

    // QSaveFile writes a temporary file next to the target and renames it on commit, so a
    // failed or interrupted write leaves the old file (or none) and no partial bundle.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(file.errorString());
    if (file.write(archive) != archive.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(reason);
    }
    if (!file.commit())
        return failure(file.errorString());
    return {};
}

QString redactSecrets(QString text)
{
    using RE = QRegularExpression;
    // scheme://user:password@host → scheme://***@host
    static const RE userInfo(
        QStringLiteral("([a-z][a-z0-9+.-]*://)[^/\\s@:\"'<>]+:[^/\\s@\"'<>]*@"),
        RE::CaseInsensitiveOption);
    // ?token=… &key=… (also &amp;key=… in HTML, and names like access_token or api_key)
    static const RE queryValue(
        QStringLiteral("([?&;](?:[a-z0-9]+[_.-])?(?:token|key|secret|password|passwd|sig|"
                       "signature|swarmkey)=)[^&\\s\"'<>#]+"),
        RE::CaseInsensitiveOption);
    // "swarm key 6f…", "SwarmKey": "6f…", key=0x6f… : 32+ hex digits shortly after "key"
    static const RE keyHex(QStringLiteral("(key[^0-9a-f\\r\\n]{0,8}(?:0x)?)[0-9a-f]{32,}"),
                           RE::CaseInsensitiveOption);
    // Authorization: Bearer eyJ… (a token, not the word in prose)
    static const RE bearer(QStringLiteral("\\bBearer\\s+[A-Za-z0-9._~+/-]{8,}=*"));
    static const RE privateKey(QStringLiteral("-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?"
                                              "-----END \\1PRIVATE KEY-----"));

    text.replace(privateKey, QStringLiteral("-----BEGIN \\1PRIVATE KEY----- *** "
                                            "-----END \\1PRIVATE KEY-----"));
    text.replace(userInfo, QStringLiteral("\\1***@"));
    text.replace(queryValue, QStringLiteral("\\1***"));
    text.replace(keyHex, QStringLiteral("\\1***"));
    text.replace(bearer, QStringLiteral("Bearer ***"));
    return text;
}

} // namespace opendo::diagnostics
