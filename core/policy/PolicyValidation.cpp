#include "policy/PolicyValidation.h"

#include "policy/CacheHostList.h"
#include "policy/PolicyCatalog.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

namespace opendo::policy {
namespace {

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct PolicyValidationText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::policy)
};

// Text settings end up in REG_SZ values and in logs; a cap keeps hostile input bounded.
constexpr qsizetype kMaxTextLength = 4096;

QString allowedList(const PolicyDefinition& def)
{
    QStringList parts;
    for (const AllowedValue& a : def.allowed)
        parts << QStringLiteral("%1 (%2)").arg(a.value).arg(PolicyCatalog::meaningOf(def, a.value));
    return parts.join(QStringLiteral(", "));
}

ValueCheck fail(QString message)
{
    return ValueCheck{false, {}, std::move(message)};
}

ValueCheck checkNumber(const PolicyDefinition& def, const QString& input)
{
    const QString text = input.trimmed();
    bool ok = false;
    qint64 n = text.toLongLong(&ok, 10);
    if (!ok && def.type == PolicyType::Boolean) {
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
            n = 1;
            ok = true;
        } else if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
            n = 0;
            ok = true;
        }
    }
    const QString key = QString::fromLatin1(def.key);
    if (!ok)
        return fail(PolicyValidationText::tr("%1: \"%2\" is not a whole number.").arg(key, input));

    if (def.type == PolicyType::Enumeration || def.type == PolicyType::Boolean) {
        for (const AllowedValue& a : def.allowed) {
            if (a.value == n)
                return ValueCheck{true, QString::number(n), {}};
        }
        return fail(PolicyValidationText::tr("%1: %2 is not one of the allowed values: %3.")
                        .arg(key, QString::number(n), allowedList(def)));
    }
    if (n < def.minimum || n > def.maximum) {
        const QString unit = QString::fromUtf8(def.unit);
        return fail(PolicyValidationText::tr("%1: %2 is outside the allowed range %3 to %4%5.")
                        .arg(key, QString::number(n), QString::number(def.minimum),
                             QString::number(def.maximum),
                             unit.isEmpty() ? QString() : QStringLiteral(" ") + unit));
    }
    return ValueCheck{true, QString::number(n), {}};
}

ValueCheck checkGuid(const PolicyDefinition& def, const QString& input)
{
    const QString text = input.trimmed();
    // QUuid accepts braces; Windows tools write both forms, so both are fine on input.
    static const QRegularExpression shape(QStringLiteral(
        "^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$"));
    const QUuid uuid = QUuid::fromString(text);
    if (!shape.match(text).hasMatch() || uuid.isNull() ||
        (text.startsWith(QLatin1Char('{')) != text.endsWith(QLatin1Char('}')))) {
        return fail(PolicyValidationText::tr("%1: \"%2\" is not a GUID; a group id looks like "
                                             "1f2e3d4c-5b6a-4789-8123-456789abcdef.")
                        .arg(QString::fromLatin1(def.key), input));
    }
    return ValueCheck{true, uuid.toString(QUuid::WithoutBraces), {}};
}

ValueCheck checkText(const PolicyDefinition& def, const QString& input)
{
    const QString key = QString::fromLatin1(def.key);
    if (input.size() > kMaxTextLength)
        return fail(
            PolicyValidationText::tr("%1: the value is %2 characters long; at most %3 are allowed.")
                .arg(key)
                .arg(input.size())
                .arg(kMaxTextLength));
    for (const QChar c : input) {
        if (c.category() == QChar::Other_Control)
            return fail(
                PolicyValidationText::tr("%1: the value contains a control character (U+%2).")
                    .arg(key)
                    .arg(c.unicode(), 4, 16, QLatin1Char('0')));
    }
    QString text = input.trimmed();
    if (text.isEmpty())
        return fail(PolicyValidationText::tr(
                        "%1: the value is empty; reset the setting instead to leave it "
                        "unconfigured.")
                        .arg(key));
    if (def.type == PolicyType::List) {
        QStringList items;
        for (const QString& item : text.split(QLatin1Char(','))) {
            const QString t = item.trimmed();
            if (t.isEmpty())
                return fail(PolicyValidationText::tr(
                                "%1: \"%2\" has an empty item; separate items with single "
                                "commas.")
                                .arg(key, input));
            QString why;
            if (key == QLatin1String("DOCacheHost") && !parseCacheHost(t, &why))
                return fail(PolicyValidationText::tr(
                                "%1: \"%2\" is not a cache server: %3. Give host names or IP "
                                "addresses, e.g. cache1.example.com,10.0.0.7.")
                                .arg(key, t, why));
            items << t;
        }
        text = items.join(QLatin1Char(','));
    }
    return ValueCheck{true, text, {}};
}

} // namespace

ValueCheck checkValue(const PolicyDefinition& def, const QString& input)
{
    switch (def.type) {
    case PolicyType::Integer:
    case PolicyType::Enumeration:
    case PolicyType::Boolean:
        return checkNumber(def, input);
    case PolicyType::Guid:
        return checkGuid(def, input);
    case PolicyType::Path:
    case PolicyType::List:
        return checkText(def, input);
    case PolicyType::BusinessHours:
        break;
    }
    return fail(
        PolicyValidationText::tr("%1 has no value of its own; set its From, To, In and Out values.")
            .arg(QString::fromLatin1(def.key)));
}

QList<PolicyIssue> checkCombination(const PolicyState& candidate)
{
    QList<PolicyIssue> issues;
    const PolicySnapshot effective = resolveEffective(candidate);
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        if (!def.isComposite())
            continue;
        const QStringList children = PolicyCatalog::childrenOf(QString::fromLatin1(def.key));
        bool configured = false;
        for (const QString& child : children)
            configured = configured || candidate.configured(child).has_value();
        if (!configured || children.size() != 4)
            continue;
        const qint64 from = effective.number(children[0]);
        const qint64 to = effective.number(children[1]);
        if (from == to) {
            issues << PolicyIssue{
                children[1],
                PolicyValidationText::tr(
                    "%1: the business-hours window ends at %2:00, the hour it starts; a window "
                    "needs a different start and end hour (it may wrap past midnight).")
                    .arg(QString::fromLatin1(def.key))
                    .arg(to, 2, 10, QLatin1Char('0'))};
        }
    }
    return issues;
}

} // namespace opendo::policy
