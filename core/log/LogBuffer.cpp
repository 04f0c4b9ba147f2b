#include "log/LogBuffer.h"

#include <QMutex>
#include <deque>

namespace opendo::log {

namespace {

struct State
{
    QMutex mutex;
    std::deque<LogRecord> records;
    qint64 lastSeq = 0;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

State& state()
{
    static State s;
    return s;
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    LogLevel level = LogLevel::Info;
    switch (type) {
    case QtDebugMsg:
        level = LogLevel::Debug;
        break;
    case QtInfoMsg:
        level = LogLevel::Info;
        break;
    case QtWarningMsg:
        level = LogLevel::Warning;
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        level = LogLevel::Critical;
        break;
    }
    LogBuffer::append(level, context.category ? QString::fromLatin1(context.category) : QString(),
                      message);
    if (QtMessageHandler previous = state().previous)
        previous(type, context, message);
}

} // namespace

QString logLevelKey(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

std::optional<LogLevel> logLevelFromKey(const QString& key)
{
    for (LogLevel l : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Critical}) {
        if (logLevelKey(l) == key)
            return l;
    }
    return std::nullopt;
}

void LogBuffer::install()
{
    State& s = state();
    QMutexLocker lock(&s.mutex);
    if (s.installed)
        return;
    s.installed = true;
    s.previous = qInstallMessageHandler(handler);
}

void LogBuffer::append(LogLevel level, const QString& category, const QString& message)
{
    State& s = state();
    QMutexLocker lock(&s.mutex);
    LogRecord r;
    r.seq = ++s.lastSeq;
    r.at = QDateTime::currentDateTime();
    r.level = level;
    r.category = category;
    r.message = message;
    s.records.push_back(std::move(r));
    while (s.records.size() > size_t(kCapacity))
        s.records.pop_front();
}

QList<LogRecord> LogBuffer::since(qint64 afterSeq, int max)
{
    State& s = state();
    QMutexLocker lock(&s.mutex);
    QList<LogRecord> out;
    if (s.records.empty() || afterSeq >= s.lastSeq)
        return out;
    // Sequence numbers are consecutive, so the first wanted record is found by arithmetic.
    const qint64 first = s.records.front().seq;
    qint64 start = qMax(afterSeq + 1, first);
    start = qMax(start, s.lastSeq - qint64(max) + 1);
    for (auto it = s.records.begin() + (start - first); it != s.records.end(); ++it)
        out.append(*it);
    return out;
}

qint64 LogBuffer::lastSeq()
{
    State& s = state();
    QMutexLocker lock(&s.mutex);
    return s.lastSeq;
}

} // namespace opendo::log
