#include "LogCommand.h"

#include "CliText.h"
#include "agent/Agent.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace opendo::cli {

namespace {

const char* const kLogUsage = QT_TRANSLATE_NOOP(
    "doctl",
    "usage: doctl log [--follow] [--json] [--level debug|info|warning|critical] "
    "[--component NAME] [--lines N]\n"
    "  NAME matches a log category or its last part (swarm, peer, transfer, agent, discovery…)\n");
constexpr int kFollowPollMs = 200;

bool matches(const log::LogRecord& r, log::LogLevel minimum, const QString& component)
{
    if (int(r.level) < int(minimum))
        return false;
    if (component.isEmpty())
        return true;
    return r.category == component || r.category.endsWith(u'.' + component);
}

void print(const log::LogRecord& r, bool json, QTextStream& out)
{
    if (json) {
        QJsonObject o;
        o[QStringLiteral("Seq")] = r.seq;
        o[QStringLiteral("Time")] = r.at.toString(Qt::ISODateWithMs);
        o[QStringLiteral("Level")] = log::logLevelKey(r.level);
        o[QStringLiteral("Component")] = r.category;
        o[QStringLiteral("Message")] = r.message;
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    out << r.at.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) << ' '
        << log::logLevelKey(r.level) << ' ' << r.category << ": " << r.message << '\n';
}

} // namespace

int runLogCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                  const CommandOptions& options)
{
    Q_UNUSED(agent);
    QString error;
    const bool follow = args.takeFlag(QStringLiteral("follow"));
    const bool json = args.takeFlag(QStringLiteral("json"));
    const auto level = args.takeOption(QStringLiteral("level"), &error);
    const auto component = args.takeOption(QStringLiteral("component"), &error);
    const auto lines = args.takeOption(QStringLiteral("lines"), &error);
    std::optional<log::LogLevel> minimum = log::LogLevel::Debug;
    if (level)
        minimum = log::logLevelFromKey(level->toLower());
    bool linesOk = true;
    const int maxLines = lines ? lines->toInt(&linesOk) : 200;
    if (!error.isEmpty() || !minimum || !linesOk || maxLines < 0 || !args.remaining().isEmpty()) {
        err << (error.isEmpty() ? QString() : errorLine(error))
            << QCoreApplication::translate("doctl", kLogUsage);
        return 2;
    }
    const QString name = component.value_or(QString());
    QList<log::LogRecord> shown;
    qint64 last = 0;
    for (const log::LogRecord& r : agent::Agent::logRecords(0)) {
        last = r.seq;
        if (matches(r, *minimum, name))
            shown.append(r);
    }
    for (qsizetype i = qMax<qsizetype>(0, shown.size() - maxLines); i < shown.size(); ++i)
        print(shown[i], json, out);
    out.flush();
    while (follow && !options.abandoned()) {
        QThread::msleep(kFollowPollMs);
        for (const log::LogRecord& r : agent::Agent::logRecords(last)) {
            last = r.seq;
            if (matches(r, *minimum, name))
                print(r, json, out);
        }
        out.flush();
    }
    return 0;
}

} // namespace opendo::cli
