#include "panels/policy/PolicyValueFormat.h"

#include "policy/PolicyCatalog.h"

#include <QCoreApplication>

namespace opendo::ui {

using namespace opendo::policy;

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("opendo::ui", text);
}
bool isHour(const PolicyDefinition& def)
{
    return QLatin1String(def.unit) == QLatin1String("hour of day");
}
} // namespace

QString formatPolicyValue(const PolicyDefinition& def, const QString& value)
{
    if (value.isEmpty())
        return tr("Not configured");
    if (!def.isNumeric())
        return value;
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok)
        return value;
    if (isHour(def))
        return QStringLiteral("%1:00").arg(n, 2, 10, QLatin1Char('0'));
    const QString meaning = PolicyCatalog::meaningOf(def, n);
    QString text = QString::number(n);
    const QString unit = QString::fromUtf8(def.unit);
    if (def.type == PolicyType::Integer && !unit.isEmpty())
        text += unit == QLatin1String("percent") ? QStringLiteral(" %") : QLatin1Char(' ') + unit;
    return meaning.isEmpty() ? text : tr("%1 (%2)").arg(text, meaning);
}

QString formatRange(const PolicyDefinition& def)
{
    if (def.type == PolicyType::Integer)
        return tr("%1 to %2 %3")
            .arg(def.minimum)
            .arg(def.maximum)
            .arg(QString::fromUtf8(def.unit))
            .trimmed();
    if (def.type == PolicyType::Guid)
        return tr("a GUID");
    if (def.type == PolicyType::List)
        return tr("comma-separated list");
    if (def.type == PolicyType::Path)
        return tr("drive, folder or environment variable");
    return {};
}

QString formatAllowedValues(const PolicyDefinition& def)
{
    QStringList lines;
    for (const AllowedValue& a : def.allowed)
        lines << QStringLiteral("%1 = %2").arg(a.value).arg(PolicyCatalog::meaningOf(def, a.value));
    return lines.join(QLatin1Char('\n'));
}

} // namespace opendo::ui
