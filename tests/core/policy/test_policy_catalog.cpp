// Checks the policy catalog against the fact columns of the DO policy reference table
// (tests/core/policy/data/do-policies-facts.tsv), one data row per policy.

#include "policy/PolicyCatalog.h"
#include "policy/PolicyState.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <optional>

using opendo::policy::PolicyCatalog;
using opendo::policy::PolicyCategory;
using opendo::policy::PolicyDefinition;
using opendo::policy::PolicySource;
using opendo::policy::PolicyType;

namespace {

const QStringList& factColumns()
{
    static const QStringList columns{QStringLiteral("key"),
                                     QStringLiteral("gp_name"),
                                     QStringLiteral("registry_value"),
                                     QStringLiteral("type"),
                                     QStringLiteral("unit"),
                                     QStringLiteral("min"),
                                     QStringLiteral("max"),
                                     QStringLiteral("default"),
                                     QStringLiteral("allowed_values"),
                                     QStringLiteral("min_windows_version"),
                                     QStringLiteral("deprecated")};
    return columns;
}

// A TSV file: lines starting with '#' are comments, the first other line names the columns.
struct Table
{
    QStringList header;
    QList<QStringList> rows;
};

std::optional<Table> readTable(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    Table table;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList cells = line.split(QLatin1Char('\t'));
        if (table.header.isEmpty()) {
            table.header = cells;
            continue;
        }
        if (cells.size() != table.header.size()) {
            *error = QStringLiteral("%1: row '%2' has %3 cells, header has %4")
                         .arg(path, cells.value(0))
                         .arg(cells.size())
                         .arg(table.header.size());
            return std::nullopt;
        }
        table.rows.append(cells);
    }
    return table;
}

// The same table reduced to the fact columns, in factColumns() order.
std::optional<Table> factsOf(const Table& table, QString* error)
{
    QList<qsizetype> indexes;
    for (const QString& column : factColumns()) {
        const qsizetype index = table.header.indexOf(column);
        if (index < 0) {
            *error = QStringLiteral("column '%1' is missing").arg(column);
            return std::nullopt;
        }
        indexes.append(index);
    }
    Table facts;
    facts.header = factColumns();
    for (const QStringList& row : table.rows) {
        QStringList projected;
        for (qsizetype index : indexes)
            projected.append(row.at(index));
        facts.rows.append(projected);
    }
    return facts;
}

// Removes "( ... )" groups, innermost first, and normalises the remaining white space.
QString withoutParentheticals(QString text)
{
    static const QRegularExpression group(QStringLiteral("\\([^()]*\\)"));
    while (text.contains(group))
        text.remove(group);
    return text.simplified();
}

// Removes "( ... )" groups that annotate where a name comes from, e.g. "(assumed; ...)" or
// "(ADMX policy name ...)", but keeps parts of the name such as "(in GB)".
QString withoutSourceAnnotations(QString text)
{
    static const QRegularExpression annotation(
        QStringLiteral("\\s*\\((?:assumed|ADMX|policy writes)[^()]*\\)"));
    return text.remove(annotation).simplified();
}

QList<qint64> integersIn(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("\\d+"));
    QList<qint64> numbers;
    for (auto it = number.globalMatch(text); it.hasNext();)
        numbers.append(it.next().captured().toLongLong());
    return numbers;
}

std::optional<qint64> firstInteger(const QString& text)
{
    const QList<qint64> numbers = integersIn(text);
    return numbers.isEmpty() ? std::nullopt : std::optional<qint64>(numbers.first());
}

// The integers of a default cell that are candidate default values: explanations in
// parentheses ("(3 days)", "(5 TB)") and version or source names ("Windows 10",
// "reference 2024", "CSP 2023+") are not.
QList<qint64> defaultCandidates(const QString& cell)
{
    static const QRegularExpression versionOrSource(
        QStringLiteral("\\b(?:Windows\\s+\\d+|(?:CSP|reference|ADMX|ADML)\\s+\\d{4}\\+?)"),
        QRegularExpression::CaseInsensitiveOption);
    QString text = withoutParentheticals(cell);
    text.remove(versionOrSource);
    QList<qint64> numbers = integersIn(text);
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    return numbers;
}

// "N=meaning" items of an allowed_values cell ("0=HTTP only;1=LAN;..."). Ranges such as
// "1-100=..." are not single values and are skipped.
QList<qint64> enumeratedValues(const QString& cell)
{
    static const QRegularExpression item(QStringLiteral("^\\s*(\\d+)\\s*="));
    QList<qint64> values;
    for (const QString& part : cell.split(QLatin1Char(';'))) {
        const QRegularExpressionMatch match = item.match(part);
        if (match.hasMatch())
            values.append(match.captured(1).toLongLong());
    }
    return values;
}

bool typeCompatible(const QString& tsvType, const QString& tsvUnit, PolicyType type)
{
    if (tsvType == QLatin1String("int")) {
        return tsvUnit == QLatin1String("enum") ? type == PolicyType::Enumeration
                                                : type == PolicyType::Integer;
    }
    if (tsvType == QLatin1String("bool"))
        return type == PolicyType::Boolean;
    if (tsvType == QLatin1String("string")) {
        return type == PolicyType::Guid || type == PolicyType::Path ||
               type == PolicyType::BusinessHours;
    }
    if (tsvType == QLatin1String("list"))
        return type == PolicyType::List;
    return false;
}

QString latin1(const char* text)
{
    return QString::fromLatin1(text ? text : "");
}

QString factsPath()
{
    return opendo::test::testsDir() + QStringLiteral("/core/policy/data/do-policies-facts.tsv");
}

} // namespace

class TestPolicyCatalog : public QObject
{
    Q_OBJECT

private:
    Table m_facts;

    void addFactRows();
    QString cell(const QStringList& row, const char* column) const
    {
        return row.value(m_facts.header.indexOf(QLatin1String(column)));
    }

private Q_SLOTS:
    void initTestCase();

    void fixtureMatchesReference();
    void catalogSizeMatchesFixture();
    void keysAreUnique();
    void everyEntryIsDescribed();
    void displayOrderGroupsCategories();
    void findIsCaseInsensitive();
    void findByRegistryValue();
    void childrenOfBusinessHours();
    void displayHelpers();

    void names_data() { addFactRows(); }
    void names();
    void type_data() { addFactRows(); }
    void type();
    void range_data() { addFactRows(); }
    void range();
    void defaultValue_data() { addFactRows(); }
    void defaultValue();
    void allowedValues_data() { addFactRows(); }
    void allowedValues();
    void deprecation_data() { addFactRows(); }
    void deprecation();
};

void TestPolicyCatalog::initTestCase()
{
    QString error;
    const std::optional<Table> table = readTable(factsPath(), &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->header, factColumns());
    QVERIFY2(table->rows.size() >= 30, "the facts fixture looks truncated");
    m_facts = *table;
}

void TestPolicyCatalog::addFactRows()
{
    QTest::addColumn<QStringList>("row");
    for (const QStringList& row : std::as_const(m_facts.rows))
        QTest::addRow("%s", qPrintable(row.first())) << row;
}

void TestPolicyCatalog::fixtureMatchesReference()
{
    const QString referencePath = qEnvironmentVariable("OPENDO_REFERENCE_TSV");
    if (referencePath.isEmpty())
        QSKIP("OPENDO_REFERENCE_TSV is not set");
    QString error;
    const std::optional<Table> reference = readTable(referencePath, &error);
    QVERIFY2(reference, qPrintable(error));
    const std::optional<Table> facts = factsOf(*reference, &error);
    QVERIFY2(facts, qPrintable(error));
    QCOMPARE(facts->header, m_facts.header);
    QCOMPARE(facts->rows.size(), m_facts.rows.size());
    for (qsizetype i = 0; i < facts->rows.size(); ++i) {
        const QStringList& mine = m_facts.rows.at(i);
        const QStringList& theirs = facts->rows.at(i);
        for (qsizetype c = 0; c < theirs.size(); ++c) {
            QVERIFY2(mine.at(c) == theirs.at(c),
                     qPrintable(
                         QStringLiteral("row %1, column %2: fixture '%3', reference '%4'")
                             .arg(theirs.first(), factColumns().at(c), mine.at(c), theirs.at(c))));
        }
    }
}

void TestPolicyCatalog::catalogSizeMatchesFixture()
{
    QCOMPARE(qsizetype(PolicyCatalog::all().size()), m_facts.rows.size());
}

void TestPolicyCatalog::keysAreUnique()
{
    QSet<QString> keys;
    QSet<QString> registryValues;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        const QString key = latin1(def.key).toLower();
        QVERIFY2(!keys.contains(key), def.key);
        keys.insert(key);
        const QString value = latin1(def.registryValue).toLower();
        if (!value.isEmpty()) {
            QVERIFY2(!registryValues.contains(value), def.registryValue);
            registryValues.insert(value);
        }
    }
}

void TestPolicyCatalog::everyEntryIsDescribed()
{
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        QVERIFY2(!latin1(def.description).trimmed().isEmpty(), def.key);
        QVERIFY2(!latin1(def.description).contains(QLatin1Char('\n')), def.key);
        QVERIFY2(!PolicyCatalog::description(def).isEmpty(), def.key);
        QVERIFY2(!latin1(def.gpName).isEmpty(), def.key);
        QVERIFY2(!latin1(def.minWindowsVersion).isEmpty(), def.key);
        QVERIFY2(def.sourceNote && def.replacement && def.unit && def.defaultText, def.key);
        QVERIFY2(def.parentKey, def.key);
        for (const auto& allowed : def.allowed)
            QVERIFY2(allowed.meaning && *allowed.meaning, def.key);
        if (*def.replacement)
            QVERIFY2(def.isDeprecated(), def.key); // only deprecated settings are replaced
    }
}

void TestPolicyCatalog::displayOrderGroupsCategories()
{
    // Each category forms one contiguous block in display order.
    QList<PolicyCategory> seen;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        if (!seen.isEmpty() && seen.last() == def.category)
            continue;
        QVERIFY2(!seen.contains(def.category), def.key);
        seen.append(def.category);
    }
    QCOMPARE(seen.size(), 6);
}

void TestPolicyCatalog::findIsCaseInsensitive()
{
    const PolicyDefinition* exact = PolicyCatalog::find(QStringLiteral("DODownloadMode"));
    QVERIFY(exact);
    QCOMPARE(QLatin1String(exact->key), QLatin1String("DODownloadMode"));
    QCOMPARE(PolicyCatalog::find(QStringLiteral("dodownloadmode")), exact);
    QCOMPARE(PolicyCatalog::find(QStringLiteral("DODOWNLOADMODE")), exact);
    QVERIFY(PolicyCatalog::find(QStringLiteral("dominbackgroundqos")));
    QVERIFY(!PolicyCatalog::find(QStringLiteral("DODownloadModeX")));
    QVERIFY(!PolicyCatalog::find(QStringLiteral("DownloadMode")));
    QVERIFY(!PolicyCatalog::find(QString()));
    for (const PolicyDefinition& def : PolicyCatalog::all())
        QCOMPARE(PolicyCatalog::find(latin1(def.key).toLower()), &def);
}

void TestPolicyCatalog::findByRegistryValue()
{
    const PolicyDefinition* def =
        PolicyCatalog::findByRegistryValue(QStringLiteral("domaxcachesize"));
    QVERIFY(def);
    QCOMPARE(QLatin1String(def->key), QLatin1String("DOMaxCacheSize"));
    // The business-hours groups have no value of their own.
    QVERIFY(!PolicyCatalog::findByRegistryValue(QString()));
    QVERIFY(!PolicyCatalog::findByRegistryValue(
        QStringLiteral("DOSetHoursToLimitForegroundDownloadBandwidth")));
    QVERIFY(PolicyCatalog::findByRegistryValue(
        QStringLiteral("DOSetHoursToLimitForegroundDownloadBandwidth_from")));
}

void TestPolicyCatalog::childrenOfBusinessHours()
{
    int composites = 0;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        const QStringList children = PolicyCatalog::childrenOf(latin1(def.key));
        if (!def.isComposite()) {
            QVERIFY2(children.isEmpty(), def.key);
            if (*def.parentKey) {
                const PolicyDefinition* parent = PolicyCatalog::find(latin1(def.parentKey));
                QVERIFY2(parent && parent->isComposite(), def.key);
                QVERIFY2(PolicyCatalog::childrenOf(latin1(def.parentKey)).contains(latin1(def.key)),
                         def.key);
            }
            continue;
        }
        ++composites;
        QVERIFY2(!*def.registryValue, def.key);
        const QString key = latin1(def.key);
        const QStringList expected{key + QStringLiteral("_From"), key + QStringLiteral("_To"),
                                   key + QStringLiteral("_In"), key + QStringLiteral("_Out")};
        QCOMPARE(children, expected);
        QCOMPARE(PolicyCatalog::childrenOf(key.toLower()), expected);
        for (qsizetype i = 0; i < children.size(); ++i) {
            const PolicyDefinition* child = PolicyCatalog::find(children.at(i));
            QVERIFY(child);
            QCOMPARE(QLatin1String(child->parentKey), QLatin1String(def.key));
            QCOMPARE(child->type, PolicyType::Integer);
            QCOMPARE(child->category, PolicyCategory::BusinessHours);
            const bool isHour = i < 2;
            QCOMPARE(QLatin1String(child->unit), QLatin1String(isHour ? "hour of day" : "percent"));
            QCOMPARE(child->minimum, qint64(0));
            QCOMPARE(child->maximum, qint64(isHour ? 23 : 100));
        }
    }
    QCOMPARE(composites, 2);
    QVERIFY(PolicyCatalog::childrenOf(QStringLiteral("DOMaxCacheSize")).isEmpty());
    QVERIFY(PolicyCatalog::childrenOf(QStringLiteral("NoSuchPolicy")).isEmpty());
}

void TestPolicyCatalog::displayHelpers()
{
    const PolicyDefinition* mode = PolicyCatalog::find(QStringLiteral("DODownloadMode"));
    QVERIFY(mode);
    QVERIFY(!PolicyCatalog::meaningOf(*mode, 1).isEmpty());
    QVERIFY(PolicyCatalog::meaningOf(*mode, 42).isEmpty());
    QVERIFY(PolicyCatalog::defaultDisplay(*mode).startsWith(QLatin1String("1 (")));

    const PolicyDefinition* age = PolicyCatalog::find(QStringLiteral("DOMaxCacheAge"));
    QVERIFY(age);
    QVERIFY(PolicyCatalog::defaultDisplay(*age).contains(QLatin1String("259200")));

    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        const QString shown = PolicyCatalog::defaultDisplay(def);
        QVERIFY2(!shown.isEmpty(), def.key);
        if (def.defaultNumber)
            QVERIFY2(shown.contains(QString::number(*def.defaultNumber)), def.key);
    }

    QSet<QString> categories;
    for (PolicyCategory c : {PolicyCategory::DownloadModeAndPeers, PolicyCategory::Cache,
                             PolicyCategory::Bandwidth, PolicyCategory::BusinessHours,
                             PolicyCategory::CacheServer, PolicyCategory::VpnAndPowerGates})
        categories.insert(PolicyCatalog::categoryName(c));
    QCOMPARE(categories.size(), 6);
    QVERIFY(!categories.contains(QString()));

    QSet<QString> types;
    for (PolicyType t :
         {PolicyType::Integer, PolicyType::Enumeration, PolicyType::Boolean, PolicyType::Guid,
          PolicyType::Path, PolicyType::List, PolicyType::BusinessHours})
        types.insert(PolicyCatalog::typeName(t));
    QCOMPARE(types.size(), 7);
    QVERIFY(!types.contains(QString()));

    QSet<QString> sources;
    for (PolicySource s : {PolicySource::Policy, PolicySource::Local, PolicySource::Default})
        sources.insert(opendo::policy::sourceName(s));
    QCOMPARE(sources.size(), 3);
    QVERIFY(!sources.contains(QString()));

    QCOMPARE(PolicyCatalog::registryKeyPath(),
             QStringLiteral("SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization"));
    QCOMPARE(PolicyCatalog::omaUriPrefix(),
             QStringLiteral("./Device/Vendor/MSFT/Policy/Config/DeliveryOptimization/"));
}

// Key, Group Policy name, registry value name and minimum Windows version.
void TestPolicyCatalog::names()
{
    QFETCH(QStringList, row);
    const PolicyDefinition* def = PolicyCatalog::find(cell(row, "key"));
    QVERIFY2(def, "key missing from the catalog");
    QCOMPARE(latin1(def->key), cell(row, "key"));
    QCOMPARE(latin1(def->gpName), withoutSourceAnnotations(cell(row, "gp_name")));

    // "DOVpnKeywords (assumed; ...)" -> "DOVpnKeywords"; "(policy writes ...)" -> "".
    const QString registryValue = withoutParentheticals(cell(row, "registry_value"));
    QCOMPARE(latin1(def->registryValue), registryValue);
    if (!registryValue.isEmpty())
        QCOMPARE(PolicyCatalog::findByRegistryValue(registryValue), def);
    if (cell(row, "registry_value").contains(QLatin1String("(assumed")))
        QVERIFY2(*def->sourceNote, "an assumed registry value name needs a sourceNote");

    const QString minWindows = cell(row, "min_windows_version");
    QVERIFY2(minWindows.startsWith(latin1(def->minWindowsVersion)),
             qPrintable(QStringLiteral("'%1' does not start '%2'")
                            .arg(latin1(def->minWindowsVersion), minWindows)));
}

void TestPolicyCatalog::type()
{
    QFETCH(QStringList, row);
    const PolicyDefinition* def = PolicyCatalog::find(cell(row, "key"));
    QVERIFY(def);
    const QString tsvType = cell(row, "type");
    const QString tsvUnit = cell(row, "unit");
    QVERIFY2(typeCompatible(tsvType, tsvUnit, def->type),
             qPrintable(QStringLiteral("TSV type %1/%2 vs catalog %3")
                            .arg(tsvType, tsvUnit, PolicyCatalog::typeName(def->type))));
    if (def->type == PolicyType::Integer)
        QCOMPARE(latin1(def->unit), tsvUnit);
    QCOMPARE(def->isComposite(), !*def->registryValue);
}

void TestPolicyCatalog::range()
{
    QFETCH(QStringList, row);
    const PolicyDefinition* def = PolicyCatalog::find(cell(row, "key"));
    QVERIFY(def);
    const QString minCell = cell(row, "min");
    const QString maxCell = cell(row, "max");
    if (!def->isNumeric()) {
        QVERIFY2(minCell.isEmpty() && maxCell.isEmpty(), "TSV gives a range for a text type");
        QCOMPARE(def->minimum, qint64(0));
        QCOMPARE(def->maximum, qint64(0));
        return;
    }
    const std::optional<qint64> min = firstInteger(minCell);
    const std::optional<qint64> max = firstInteger(maxCell);
    QVERIFY2(min && max, "TSV has no numeric range for a numeric type");
    QCOMPARE(def->minimum, *min);
    QCOMPARE(def->maximum, *max); // the first of several alternatives
    if (integersIn(maxCell).size() > 1)
        QVERIFY2(*def->sourceNote, "the TSV lists alternative maxima: a sourceNote is needed");
    if (def->type == PolicyType::Boolean) {
        QCOMPARE(def->minimum, qint64(0));
        QCOMPARE(def->maximum, qint64(1));
    }
}

void TestPolicyCatalog::defaultValue()
{
    QFETCH(QStringList, row);
    const PolicyDefinition* def = PolicyCatalog::find(cell(row, "key"));
    QVERIFY(def);
    const QString defaultCell = cell(row, "default");
    const QList<qint64> candidates = defaultCandidates(defaultCell);

    if (!def->isNumeric()) {
        QVERIFY2(!def->defaultNumber, "a text or composite setting has a numeric default");
        QVERIFY2(candidates.isEmpty(), "TSV gives a number as default of a text type");
        if (defaultCell.startsWith(QLatin1String("not "))) // "not set", "not configured"
            QCOMPARE(latin1(def->defaultText), QString());
        return;
    }
    if (candidates.isEmpty()) {
        QVERIFY2(defaultCell.contains(QLatin1String("not set")) ||
                     defaultCell.contains(QLatin1String("not configured")),
                 "unexpected default cell: no number and not 'not set'/'not configured'");
        QVERIFY2(!def->defaultNumber, "TSV says not set, catalog has a default");
        return;
    }
    QVERIFY2(def->defaultNumber, "TSV names a default, catalog has none");
    QVERIFY2(candidates.contains(*def->defaultNumber),
             qPrintable(QStringLiteral("catalog default %1 is not mentioned in '%2'")
                            .arg(*def->defaultNumber)
                            .arg(defaultCell)));
    QVERIFY(*def->defaultNumber >= def->minimum && *def->defaultNumber <= def->maximum);
    const bool disputed = candidates.size() > 1 ||
                          defaultCell.contains(QLatin1String("disputed")) ||
                          defaultCell.contains(QLatin1String("conflict"));
    if (disputed)
        QVERIFY2(*def->sourceNote, "sources disagree on the default: a sourceNote is needed");
}

void TestPolicyCatalog::allowedValues()
{
    QFETCH(QStringList, row);
    const PolicyDefinition* def = PolicyCatalog::find(cell(row, "key"));
    QVERIFY(def);
    const QString allowedCell = cell(row, "allowed_values");

    QList<qint64> catalogValues;
    for (const auto& allowed : def->allowed) {
        QVERIFY2(def->isNumeric(), "allowed values on a text type");
        QVERIFY2(allowed.value >= def->minimum && allowed.value <= def->maximum,
                 qPrintable(QStringLiteral("%1 is outside the range").arg(allowed.value)));
        QVERIFY2(!catalogValues.contains(allowed.value), "duplicate allowed value");
        catalogValues.append(allowed.value);
        QCOMPARE(PolicyCatalog::meaningOf(*def, allowed.value).isEmpty(), false);
    }

    const QString ellipsis = QStringLiteral("...");
    if (allowedCell.contains(ellipsis)) {
        // "0=12 AM ... 23=11 PM" shows a range by its ends rather than listing values.
        const std::optional<qint64> low = firstInteger(allowedCell.section(ellipsis, 0, 0));
        const std::optional<qint64> high = firstInteger(allowedCell.section(ellipsis, 1));
        QVERIFY(low && high);
        QCOMPARE(def->minimum, *low);
        QCOMPARE(def->maximum, *high);
        return;
    }
    const QList<qint64> listed = enumeratedValues(allowedCell);
    for (qint64 value : listed) {
        QVERIFY2(catalogValues.contains(value),
                 qPrintable(
                     QStringLiteral("value %1 from '%2' is missing").arg(value).arg(allowedCell)));
    }
    if (def->type == PolicyType::Enumeration || def->type == PolicyType::Boolean) {
        // Choices are exactly the listed ones: the catalog invents none.
        QVERIFY2(!listed.isEmpty(), "no enumerated values in the TSV for a choice type");
        QCOMPARE(catalogValues.size(), listed.size());
    }
}

void TestPolicyCatalog::deprecation()
{
    QFETCH(QStringList, row);
    const PolicyDefinition* def = PolicyCatalog::find(cell(row, "key"));
    QVERIFY(def);
    const QString deprecated = cell(row, "deprecated");
    if (!deprecated.startsWith(QLatin1String("yes"))) {
        QVERIFY2(deprecated.startsWith(QLatin1String("no")), "deprecated is neither yes nor no");
        QVERIFY2(!def->isDeprecated(), "catalog deprecates a current setting");
        if (deprecated.contains(QLatin1String("deprecated"))) {
            // A deprecated value of a current setting must be mentioned somewhere.
            bool mentioned = latin1(def->sourceNote).contains(QLatin1String("deprecated"));
            for (const auto& allowed : def->allowed)
                mentioned =
                    mentioned || latin1(allowed.meaning).contains(QLatin1String("deprecated"));
            QVERIFY2(mentioned, "a deprecated value is not mentioned");
        }
        return;
    }
    QVERIFY2(def->isDeprecated(), "TSV marks the setting deprecated");
    static const QRegularExpression version(QStringLiteral("Windows \\d+ \\w+"));
    const QString since = version.match(deprecated).captured();
    QVERIFY2(!since.isEmpty(), "no deprecation version in the TSV");
    QVERIFY2(latin1(def->deprecation).contains(since),
             qPrintable(QStringLiteral("deprecation '%1' does not name '%2'")
                            .arg(latin1(def->deprecation), since)));
    // "use DOA / DOB" names the replacements.
    static const QRegularExpression useClause(QStringLiteral("\\buse ([^;)]*)"));
    static const QRegularExpression keyName(QStringLiteral("\\bDO\\w+"));
    const QString use = useClause.match(deprecated).captured(1);
    for (auto it = keyName.globalMatch(use); it.hasNext();) {
        const QString replacement = it.next().captured();
        QVERIFY2(latin1(def->replacement).contains(replacement), qPrintable(replacement));
        QVERIFY2(PolicyCatalog::find(replacement), qPrintable(replacement));
    }
}

QTEST_GUILESS_MAIN(TestPolicyCatalog)
#include "test_policy_catalog.moc"
