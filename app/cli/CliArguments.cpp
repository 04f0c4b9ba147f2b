#include "CliArguments.h"

#include <QCoreApplication>

namespace opendo::cli {

bool CliArguments::takeFlag(const QString& name)
{
    return m_args.removeAll(QStringLiteral("--") + name) > 0;
}

std::optional<QString> CliArguments::takeOption(const QString& name, QString* error)
{
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        if (m_args[i].startsWith(flag + QLatin1Char('='))) {
            const QString value = m_args[i].mid(flag.size() + 1);
            m_args.removeAt(i);
            return value;
        }
        if (m_args[i] == flag) {
            if (i + 1 >= m_args.size()) {
                *error = QCoreApplication::translate("doctl", "%1 needs a value").arg(flag);
                return std::nullopt;
            }
            const QString value = m_args[i + 1];
            m_args.remove(i, 2);
            return value;
        }
    }
    return std::nullopt;
}

std::optional<QString> CliArguments::takePositional()
{
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        // A lone "-" or a negative-looking value is still positional; only --options are not.
        if (!m_args[i].startsWith(QLatin1String("--"))) {
            const QString value = m_args[i];
            m_args.removeAt(i);
            return value;
        }
    }
    return std::nullopt;
}

} // namespace opendo::cli
