// Every preset the editor offers: valid, applicable as one set, and really what it claims to be.

#include "persistence/Database.h"
#include "policy/PolicyCatalog.h"
#include "policy/PolicyPresets.h"
#include "policy/PolicyStore.h"
#include "policy/PolicyValidation.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace opendo::policy;
using opendo::persistence::Database;

Q_DECLARE_METATYPE(opendo::policy::PolicyLayer)
Q_DECLARE_METATYPE(opendo::policy::PolicySource)

namespace {

QMap<QString, QString> valuesOf(const PolicyPreset& preset)
{
    QMap<QString, QString> values;
    for (const PolicyChange& change : preset.changes)
        values.insert(change.key, change.value.value_or(QStringLiteral("<unset>")));
    return values;
}

QMap<QString, QString> presetValues(const QString& id)
{
    for (const PolicyPreset& preset : policyPresets()) {
        if (preset.id == id)
            return valuesOf(preset);
    }
    return {};
}

} // namespace

class PolicyPresetsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theFourScenariosAreOffered();
    void presetsAreDistinctAndExplained();
    void valuesPassTheCatalogValidation_data();
    void valuesPassTheCatalogValidation();
    void applyingToAFreshStoreSetsEveryValue_data();
    void applyingToAFreshStoreSetsEveryValue();
    void officeLanSharesOnlyOnTheLocalNetwork();
    void branchGroupUsesGroupModeWithAFreshGuid();
    void remoteVpnKeepsPeeringOffTheTunnel();
    void limitedSiteLimitsBandwidthDuringBusinessHours();
};

void PolicyPresetsTest::theFourScenariosAreOffered()
{
    const QList<PolicyPreset> presets = policyPresets();
    QVERIFY2(presets.size() >= 4, qPrintable(QString::number(presets.size())));
    QSet<QString> ids;
    for (const PolicyPreset& preset : presets)
        ids.insert(preset.id);
    for (const char* id : {"office-lan", "branch-group", "remote-vpn", "limited-site"})
        QVERIFY2(ids.contains(QLatin1String(id)), id);
}

void PolicyPresetsTest::presetsAreDistinctAndExplained()
{
    const QList<PolicyPreset> presets = policyPresets();
    QSet<QString> ids, names, explanations;
    QList<QMap<QString, QString>> sets;
    for (const PolicyPreset& preset : presets) {
        QVERIFY2(!preset.id.isEmpty(), qPrintable(preset.name));
        QVERIFY2(!preset.name.trimmed().isEmpty(), qPrintable(preset.id));
        QVERIFY2(!preset.explanation.trimmed().isEmpty(), qPrintable(preset.id));
        QVERIFY2(!preset.changes.isEmpty(), qPrintable(preset.id));
        const QMap<QString, QString> values = valuesOf(preset);
        QVERIFY2(values.size() == preset.changes.size(),
                 qPrintable(preset.id + " sets a key twice"));
        QVERIFY2(!sets.contains(values), qPrintable(preset.id + " repeats another preset"));
        sets << values;
        ids.insert(preset.id);
        names.insert(preset.name);
        explanations.insert(preset.explanation);
    }
    QCOMPARE(ids.size(), presets.size());
    QCOMPARE(names.size(), presets.size());
    QCOMPARE(explanations.size(), presets.size());
}

void PolicyPresetsTest::valuesPassTheCatalogValidation_data()
{
    QTest::addColumn<QString>("id");
    for (const PolicyPreset& preset : policyPresets())
        QTest::newRow(qPrintable(preset.id)) << preset.id;
}

void PolicyPresetsTest::valuesPassTheCatalogValidation()
{
    QFETCH(QString, id);
    PolicyState candidate;
    for (const auto& [key, value] : presetValues(id).asKeyValueRange()) {
        const PolicyDefinition* def = PolicyCatalog::find(key);
        QVERIFY2(def, qPrintable(key));
        // The catalog's own spelling: the store and every exporter key on it.
        QCOMPARE(QString::fromLatin1(def->key), key);
        QVERIFY2(!def->isComposite(), qPrintable(key));
        QVERIFY2(!def->isDeprecated(), qPrintable(key));
        const ValueCheck check = checkValue(*def, value);
        QVERIFY2(check.ok, qPrintable(key + ": " + check.error));
        QCOMPARE(check.canonical, value);
        candidate.policy.insert(key, value);
    }
    const QList<PolicyIssue> issues = checkCombination(candidate);
    QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).message));
}

void PolicyPresetsTest::applyingToAFreshStoreSetsEveryValue_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<PolicyLayer>("layer");
    QTest::addColumn<PolicySource>("source");
    for (const PolicyPreset& preset : policyPresets()) {
        QTest::addRow("%s/policy", qPrintable(preset.id))
            << preset.id << PolicyLayer::Policy << PolicySource::Policy;
        QTest::addRow("%s/local", qPrintable(preset.id))
            << preset.id << PolicyLayer::Local << PolicySource::Local;
    }
}

void PolicyPresetsTest::applyingToAFreshStoreSetsEveryValue()
{
    QFETCH(QString, id);
    QFETCH(PolicyLayer, layer);
    QFETCH(PolicySource, source);
    QList<PolicyChange> changes;
    for (const PolicyPreset& preset : policyPresets()) {
        if (preset.id == id)
            changes = preset.changes;
    }
    QVERIFY(!changes.isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    {
        Database db;
        QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
        PolicyStore store(db.handle());
        QVERIFY2(store.load(&error), qPrintable(error));
        const PolicyApplyResult result = store.apply({layer, changes});
        QVERIFY2(result.ok, qPrintable(result.issues.value(0).message));
    }
    // Read back from the file, so what counts is what was committed.
    Database db;
    QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
    PolicyStore store(db.handle());
    QVERIFY2(store.load(&error), qPrintable(error));
    const PolicySnapshot snapshot = resolveEffective(store.state());
    for (const PolicyChange& change : changes) {
        const EffectivePolicy* e = snapshot.find(change.key);
        QVERIFY2(e, qPrintable(change.key));
        QCOMPARE(e->value, change.value.value_or(QString()));
        QCOMPARE(e->source, source);
    }
    QCOMPARE(store.state().layer(layer).size(), changes.size());
}

void PolicyPresetsTest::officeLanSharesOnlyOnTheLocalNetwork()
{
    const QMap<QString, QString> v = presetValues("office-lan");
    QCOMPARE(v.value("DODownloadMode"), QString("1"));            // LAN
    QCOMPARE(v.value("DORestrictPeerSelectionBy"), QString("1")); // subnet
    QVERIFY(!v.contains("DOGroupId"));
}

void PolicyPresetsTest::branchGroupUsesGroupModeWithAFreshGuid()
{
    const QMap<QString, QString> v = presetValues("branch-group");
    QCOMPARE(v.value("DODownloadMode"), QString("2")); // Group
    const QString group = v.value("DOGroupId");
    QVERIFY2(!QUuid::fromString(group).isNull(), qPrintable(group));
    QCOMPARE(group, group.toLower());
    QVERIFY(v.value("DOMonthlyUploadDataCap").toLongLong() > 0);
    // Two sites deploying "the preset" separately must not end up in one group by accident.
    QVERIFY(presetValues("branch-group").value("DOGroupId") != group);
}

void PolicyPresetsTest::remoteVpnKeepsPeeringOffTheTunnel()
{
    const QMap<QString, QString> v = presetValues("remote-vpn");
    QCOMPARE(v.value("DOAllowVPNPeerCaching"), QString("0"));
    QCOMPARE(v.value("DODisallowCacheServerDownloadsOnVPN"), QString("1"));
    const QStringList keywords = v.value("DOVpnKeywords").split(',');
    QVERIFY2(keywords.contains("VPN"), qPrintable(keywords.join(',')));
    QVERIFY(v.value("DOMinBatteryPercentageAllowedToUpload").toInt() > 0);
    QVERIFY(v.value("DOMinRAMAllowedToPeer").toInt() > 0);
    QVERIFY(v.value("DODownloadMode") != "0"); // peering stays on outside the VPN
}

void PolicyPresetsTest::limitedSiteLimitsBandwidthDuringBusinessHours()
{
    const QMap<QString, QString> v = presetValues("limited-site");
    for (const char* group : {"DOSetHoursToLimitBackgroundDownloadBandwidth",
                              "DOSetHoursToLimitForegroundDownloadBandwidth"}) {
        const QString key = QLatin1String(group);
        const QStringList children = PolicyCatalog::childrenOf(key);
        QCOMPARE(children.size(), 4);
        for (const QString& child : children)
            QVERIFY2(v.contains(child), qPrintable(child));
        QVERIFY2(v.value(children[0]) != v.value(children[1]), group); // start != end
        const int in = v.value(children[2]).toInt();
        const int out = v.value(children[3]).toInt();
        QVERIFY2(in > 0 && in < 100, qPrintable(key + " in=" + QString::number(in)));
        QVERIFY2(in < out, qPrintable(key)); // tighter during business hours than outside
    }
    QVERIFY(v.value("DODelayBackgroundDownloadFromHttp").toLongLong() > 0);
}

QTEST_GUILESS_MAIN(PolicyPresetsTest)
#include "test_policy_presets.moc"
