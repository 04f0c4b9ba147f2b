#include "CliText.h"

#include <QCoreApplication>

namespace opendo::cli {

QString errorLine(const QString& message)
{
    return QCoreApplication::translate("doctl", "error: %1").arg(message) + u'\n';
}

QString warningLine(const QString& message)
{
    return QCoreApplication::translate("doctl", "warning: %1").arg(message) + u'\n';
}

} // namespace opendo::cli
