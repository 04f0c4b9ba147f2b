// Policy values in a real SQLite file: precedence, persistence and all-or-nothing apply.

#include "persistence/Database.h"
#include "policy/PolicyStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::policy;
using opendo::persistence::Database;

class PolicyStoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void defaultsWhenNothingConfigured();
    void policyWinsOverLocal();
    void valuesSurviveReopen();
    void oneInvalidValueRejectsTheWholeSet();
    void combinationRuleRejectsTheWholeSet();
    void unknownKeyRejectsTheWholeSet();
    void databaseFailureChangesNothing();
    void removingACompositeRemovesItsValues();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PolicyStore> m_store;
    void reopen();
    QString onDisk(const QString& layer, const QString& key);
};

void PolicyStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void PolicyStoreTest::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void PolicyStoreTest::reopen()
{
    m_store.reset();
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->path(), &error), qPrintable(error));
    m_store = std::make_unique<PolicyStore>(m_db->handle());
    QVERIFY2(m_store->load(&error), qPrintable(error));
}

QString PolicyStoreTest::onDisk(const QString& layer, const QString& key)
{
    QSqlQuery q(m_db->handle());
    q.prepare("SELECT value FROM policy_values WHERE layer = ? AND key = ?");
    q.addBindValue(layer);
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return QStringLiteral("<absent>");
    return q.value(0).toString();
}

void PolicyStoreTest::defaultsWhenNothingConfigured()
{
    const PolicySnapshot s = resolveEffective(m_store->state());
    const EffectivePolicy* mode = s.find("DODownloadMode");
    QVERIFY(mode);
    QCOMPARE(mode->value, QString("1"));
    QCOMPARE(mode->source, PolicySource::Default);
    QCOMPARE(s.find("DOGroupId")->value, QString());
}

void PolicyStoreTest::policyWinsOverLocal()
{
    QVERIFY(m_store->apply({PolicyLayer::Local, {{"DODownloadMode", "3"}}}).ok);
    QCOMPARE(resolveEffective(m_store->state()).find("DODownloadMode")->source,
             PolicySource::Local);
    QVERIFY(m_store->apply({PolicyLayer::Policy, {{"dodownloadmode", "2"}}}).ok);
    const PolicySnapshot snapshot = resolveEffective(m_store->state());
    const EffectivePolicy* e = snapshot.find("DODownloadMode");
    QCOMPARE(e->value, QString("2"));
    QCOMPARE(e->source, PolicySource::Policy);
    QCOMPARE(e->localValue.value_or(QString()), QString("3"));
    QVERIFY(m_store->apply({PolicyLayer::Policy, {{"DODownloadMode", std::nullopt}}}).ok);
    QCOMPARE(resolveEffective(m_store->state()).find("DODownloadMode")->value, QString("3"));
}

void PolicyStoreTest::valuesSurviveReopen()
{
    QVERIFY(m_store
                ->apply({PolicyLayer::Policy,
                         {{"DOMaxCacheSize", "35"},
                          {"DOGroupId", "{1F2E3D4C-5B6A-4789-8123-456789ABCDEF}"}}})
                .ok);
    reopen();
    QCOMPARE(m_store->state().policy.value("DOMaxCacheSize"), QString("35"));
    QCOMPARE(m_store->state().policy.value("DOGroupId"),
             QString("1f2e3d4c-5b6a-4789-8123-456789abcdef"));
}

void PolicyStoreTest::oneInvalidValueRejectsTheWholeSet()
{
    QVERIFY(m_store->apply({PolicyLayer::Policy, {{"DOMaxCacheSize", "30"}}}).ok);
    const PolicyState before = m_store->state();
    const PolicyApplyResult r = m_store->apply(
        {PolicyLayer::Policy,
         {{"DOMaxCacheSize", "40"}, {"DODownloadMode", "2"}, {"DOMinRAMAllowedToPeer", "0"}}});
    QVERIFY(!r.ok);
    QCOMPARE(r.issues.size(), 1);
    QCOMPARE(r.issues.front().key, QString("DOMinRAMAllowedToPeer"));
    QVERIFY(m_store->state() == before);
    QCOMPARE(onDisk("policy", "DOMaxCacheSize"), QString("30"));
    QCOMPARE(onDisk("policy", "DODownloadMode"), QString("<absent>"));
}

void PolicyStoreTest::combinationRuleRejectsTheWholeSet()
{
    const PolicyApplyResult r =
        m_store->apply({PolicyLayer::Local,
                        {{"DOMaxCacheAge", "600"},
                         {"DOSetHoursToLimitForegroundDownloadBandwidth_From", "9"},
                         {"DOSetHoursToLimitForegroundDownloadBandwidth_To", "9"}}});
    QVERIFY(!r.ok);
    QVERIFY(m_store->state().local.isEmpty());
    QCOMPARE(onDisk("local", "DOMaxCacheAge"), QString("<absent>"));
}

void PolicyStoreTest::unknownKeyRejectsTheWholeSet()
{
    const PolicyApplyResult r =
        m_store->apply({PolicyLayer::Policy, {{"DOMaxCacheAge", "600"}, {"DOTurbo", "1"}}});
    QVERIFY(!r.ok);
    QVERIFY(r.issues.front().message.contains("DOTurbo"));
    QVERIFY(m_store->state().policy.isEmpty());
}

void PolicyStoreTest::databaseFailureChangesNothing()
{
    QVERIFY(m_store->apply({PolicyLayer::Policy, {{"DOMaxCacheAge", "600"}}}).ok);
    // Another connection takes the table away, so the write fails half-way through its work.
    {
        QSqlQuery q(m_db->handle());
        QVERIFY(q.exec("ALTER TABLE policy_values RENAME TO policy_values_moved"));
    }
    const PolicyState before = m_store->state();
    const PolicyApplyResult r =
        m_store->apply({PolicyLayer::Policy, {{"DOMaxCacheAge", "700"}, {"DOMaxCacheSize", "5"}}});
    QVERIFY(!r.ok);
    QVERIFY(r.issues.front().message.contains("nothing was changed"));
    QVERIFY(m_store->state() == before);
    {
        QSqlQuery q(m_db->handle());
        QVERIFY(q.exec("ALTER TABLE policy_values_moved RENAME TO policy_values"));
    }
    QCOMPARE(onDisk("policy", "DOMaxCacheAge"), QString("600"));
    QCOMPARE(onDisk("policy", "DOMaxCacheSize"), QString("<absent>"));
}

void PolicyStoreTest::removingACompositeRemovesItsValues()
{
    QVERIFY(m_store
                ->apply({PolicyLayer::Policy,
                         {{"DOSetHoursToLimitBackgroundDownloadBandwidth_From", "7"},
                          {"DOSetHoursToLimitBackgroundDownloadBandwidth_In", "25"}}})
                .ok);
    QCOMPARE(resolveEffective(m_store->state())
                 .find("DOSetHoursToLimitBackgroundDownloadBandwidth")
                 ->source,
             PolicySource::Policy);
    QVERIFY(m_store
                ->apply({PolicyLayer::Policy,
                         {{"DOSetHoursToLimitBackgroundDownloadBandwidth", std::nullopt}}})
                .ok);
    QVERIFY(m_store->state().policy.isEmpty());
}

QTEST_GUILESS_MAIN(PolicyStoreTest)
#include "test_policy_store.moc"
