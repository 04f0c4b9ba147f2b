#include "discovery/GroupIdResolver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>

namespace opendo::discovery {

namespace {

constexpr qint64 kMaxConfigFileBytes = 1024 * 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("opendo::discovery::GroupIdResolver", text);
}

QByteArray readSmallFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(kMaxConfigFileBytes);
}

GroupIdResolution fromSetting(const QString& value, const char* name, const QString& label)
{
    GroupIdResolution r;
    r.groupId = value.trimmed();
    r.source = QStringLiteral("%1 (%2)").arg(label, QString::fromLatin1(name));
    return r;
}

GroupIdResolution adSite(const GroupIdInputs& in)
{
    return fromSetting(in.adSite, "AdSite", tr("AD site"));
}

GroupIdResolution domainSid(const GroupIdInputs& in)
{
    return fromSetting(in.domainSid, "AdDomainSid", tr("domain SID"));
}

GroupIdResolution tenant(const GroupIdInputs& in)
{
    return fromSetting(in.entraTenantId, "EntraTenantId", tr("Entra tenant id"));
}

GroupIdResolution defaultOrder(const GroupIdInputs& in)
{
    const GroupIdResolution candidates[] = {adSite(in), domainSid(in), tenant(in)};
    for (const GroupIdResolution& c : candidates) {
        if (!c.groupId.isEmpty())
            return c;
    }
    GroupIdResolution none;
    none.problem = tr("no group id: set DOGroupId, or DOGroupIdSource with its source (AdSite, "
                      "AdDomainSid or EntraTenantId agent setting, a DHCP option 234 lease, or a "
                      "DNS search suffix)");
    return none;
}

GroupIdResolution fromDhcp(const GroupIdInputs& inputs)
{
    for (const QString& dir : inputs.leaseDirectories) {
        const QFileInfoList files =
            QDir(dir).entryInfoList({QStringLiteral("*.lease*"), QStringLiteral("*")},
                                    QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo& info : files) {
            const QString value = dhcpOption234From(readSmallFile(info.filePath()));
            if (!value.isEmpty())
                return {value, tr("DHCP option 234 (%1)").arg(info.filePath()), {}};
        }
    }
    return {};
}

GroupIdResolution fromDns(const GroupIdInputs& inputs)
{
    for (const QString& path : inputs.resolvConfPaths) {
        const QString suffix = dnsSuffixFrom(readSmallFile(path));
        if (!suffix.isEmpty())
            return {suffix, tr("DNS suffix (%1)").arg(path), {}};
    }
    return {};
}

} // namespace

QString dnsSuffixFrom(const QByteArray& resolvConf)
{
    QString domain;
    for (const QByteArray& raw : resolvConf.split('\n')) {
        const QString line = QString::fromUtf8(raw).simplified();
        if (line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() < 2)
            continue;
        // resolv.conf: the last "search" or "domain" line wins; the first suffix of a search
        // list is the device's own domain.
        if ((words[0] == QLatin1String("search") || words[0] == QLatin1String("domain")) &&
            words[1] != QLatin1String("."))
            domain = words[1].toLower();
    }
    while (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    return domain;
}

QString dhcpOption234From(const QByteArray& leaseFile)
{
    // dhclient writes unknown options as "option unknown-234 VALUE;" (or under a name the
    // administrator declared as code 234), NetworkManager and networkd as "OPTION_234=VALUE"
    // / "PRIVATE_234=HEX"; the last lease in a file is the current one.
    static const QRegularExpression dhclient(
        QStringLiteral(R"re(option\s+(?:unknown-234|[\w-]*234[\w-]*)\s+"?([^";]+)"?\s*;)re"));
    static const QRegularExpression keyValue(
        QStringLiteral(
            R"re(^(?:OPTION_234|PRIVATE_234|new_unknown_234)\s*=\s*'?([^'\n]+)'?\s*$)re"),
        QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(leaseFile);
    QString value;
    auto matches = dhclient.globalMatch(text);
    while (matches.hasNext())
        value = matches.next().captured(1).trimmed();
    if (!value.isEmpty())
        return value;
    matches = keyValue.globalMatch(text);
    while (matches.hasNext())
        value = matches.next().captured(1).trimmed();
    // systemd-networkd saves private options as hex of the raw bytes; the GUID is their text.
    static const QRegularExpression hex(QStringLiteral("^(?:[0-9A-Fa-f]{2})+$"));
    if (hex.match(value).hasMatch()) {
        const QByteArray raw = QByteArray::fromHex(value.toLatin1());
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8(raw);
        if (!utf8.hasError() && !decoded.isEmpty() && decoded.at(0).isPrint())
            return decoded.trimmed();
    }
    return value;
}

GroupIdResolution resolveGroupId(const policy::PolicySnapshot& policies,
                                 const GroupIdInputs& inputs)
{
    // DOGroupId wins when set (the reference page's reading; the ADML says the opposite, see
    // the policy catalog's help text).
    if (const policy::EffectivePolicy* id = policies.find(QStringLiteral("DOGroupId"));
        id && !id->value.trimmed().isEmpty())
        return {id->value.trimmed(), QStringLiteral("DOGroupId"), {}};
    switch (policies.number(QStringLiteral("DOGroupIdSource"))) {
    case 1:
        if (auto r = adSite(inputs); !r.groupId.isEmpty())
            return r;
        break;
    case 2:
        if (auto r = domainSid(inputs); !r.groupId.isEmpty())
            return r;
        break;
    case 3:
        if (auto r = fromDhcp(inputs); !r.groupId.isEmpty())
            return r;
        break;
    case 4:
        if (auto r = fromDns(inputs); !r.groupId.isEmpty())
            return r;
        break;
    case 5:
        if (auto r = tenant(inputs); !r.groupId.isEmpty())
            return r;
        break;
    default:
        break;
    }
    return defaultOrder(inputs);
}

} // namespace opendo::discovery
