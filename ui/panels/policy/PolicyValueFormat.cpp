#include "panels/policy/PolicyValueFormat.h"

#include "policy/PolicyCatalog.h"

#include <QCoreApplication>

namespace opendo::ui {

using namespace opendo::policy;

namespace {
// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct PolicyValueFormatText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::ui)
};
} // namespace

QString formatPolicyValue(const PolicyDefinition& def, const QString& value)
{
    if (value.isEmpty())
        return PolicyValueFormatText::tr("Not configured");
    if (!def.isNumeric())
        return value;
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok)
        return value;
    const QString meaning = PolicyCatalog::meaningOf(def, n);
    const QString text =
        def.type == PolicyType::Integer ? PolicyCatalog::withUnit(n, def) : QString::number(n);
    return meaning.isEmpty() ? text : PolicyValueFormatText::tr("%1 (%2)").arg(text, meaning);
}

QString formatRange(const PolicyDefinition& def)
{
    if (def.type == PolicyType::Integer)
        return PolicyValueFormatText::tr("%1 to %2 %3")
            .arg(def.minimum)
            .arg(def.maximum)
            .arg(QString::fromUtf8(def.unit))
            .trimmed();
    if (def.type == PolicyType::Guid)
        return PolicyValueFormatText::tr("a GUID");
    if (def.type == PolicyType::List)
        return PolicyValueFormatText::tr("comma-separated list");
    if (def.type == PolicyType::Path)
        return PolicyValueFormatText::tr("drive, folder or environment variable");
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
