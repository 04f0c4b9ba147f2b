#include "StderrLog.h"

#include <QDateTime>
#include <QString>
#include <cstdio>

void logToStderr(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    static const char* const kLevels[] = {"debug", "warning", "critical", "fatal", "info"};
    const QByteArray line =
        QStringLiteral("%1 %2 %3: %4\n")
            .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs),
                 QLatin1String(kLevels[qBound(0, int(type), 4)]),
                 QLatin1String(context.category ? context.category : "default"), message)
            .toLocal8Bit();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}
