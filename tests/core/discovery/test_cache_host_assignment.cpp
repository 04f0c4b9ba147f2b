// do-discovery --cache-host rules: "[SUBNET=]HOST[:PORT][,HOST…]" parse into the servers a
// device is told to use; the first rule whose subnet holds the device's address (as seen or as
// the NAT map makes it) applies, a rule without a subnet applies to all; anything that is not a
// subnet or a host is refused with the reason.

#include "discovery/server/CacheHostAssignment.h"

#include <QTest>

using namespace opendo::discovery;

namespace {

QList<CacheHostAssignment> rules(const QStringList& specs)
{
    QList<CacheHostAssignment> out;
    for (const QString& spec : specs) {
        QString why;
        const auto rule = parseCacheHostAssignment(spec, &why);
        if (!rule)
            qFatal("rule %s: %s", qPrintable(spec), qPrintable(why));
        out << *rule;
    }
    return out;
}

} // namespace

class CacheHostAssignmentTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesRules()
    {
        QString why;
        const auto all = parseCacheHostAssignment("cache.example.com", &why);
        QVERIFY2(all, qPrintable(why));
        QVERIFY(!all->subnet);
        QCOMPARE(opendo::policy::cacheHostAuthorities(all->hosts),
                 QStringList{"cache.example.com"});

        const auto branch = parseCacheHostAssignment(" 10.1.0.0/16 = mcc1:8080, [fd00::7]:80 ");
        QVERIFY(branch);
        QVERIFY(branch->subnet);
        QCOMPARE(branch->subnet->first, QHostAddress("10.1.0.0"));
        QCOMPARE(branch->subnet->second, 16);
        QCOMPARE(opendo::policy::cacheHostAuthorities(branch->hosts),
                 (QStringList{"mcc1:8080", "[fd00::7]"}));
    }

    void refusesWhatIsNotARule_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("subnet without prefix") << "10.1.0.0=mcc1"
                                               << "not a subnet";
        QTest::newRow("not an address") << "branch/16=mcc1"
                                        << "not a subnet";
        QTest::newRow("prefix too long") << "10.1.0.0/33=mcc1"
                                         << "not a subnet";
        QTest::newRow("url") << "http://mcc1/"
                             << "not a URL";
        QTest::newRow("empty item") << "mcc1,,mcc2"
                                    << "empty";
        QString many;
        for (int i = 0; i <= kMaxAssignedCacheHosts; ++i)
            many += QString("%1mcc%2").arg(i ? "," : "").arg(i);
        QTest::newRow("too many") << many << "more than 16";
    }

    void refusesWhatIsNotARule()
    {
        QFETCH(QString, rule);
        QFETCH(QString, reason);
        QString why;
        QVERIFY(!parseCacheHostAssignment(rule, &why));
        QVERIFY2(why.contains(reason) && why.contains("Invalid cache host rule"), qPrintable(why));
    }

    void firstMatchingRuleApplies()
    {
        const auto list =
            rules({"10.1.0.0/16=branch-a", "203.0.113.0/24=branch-b", "hq", "never-reached"});
        const QHostAddress none;
        QCOMPARE(opendo::policy::cacheHostAuthorities(
                     cacheHostsFor(list, QHostAddress("10.1.2.3"), none)),
                 QStringList{"branch-a"});
        // Behind a NAT: the address the service maps the device to decides as well.
        QCOMPARE(opendo::policy::cacheHostAuthorities(
                     cacheHostsFor(list, QHostAddress("127.0.0.5"), QHostAddress("203.0.113.7"))),
                 QStringList{"branch-b"});
        QCOMPARE(opendo::policy::cacheHostAuthorities(
                     cacheHostsFor(list, QHostAddress("192.0.2.1"), none)),
                 QStringList{"hq"});
        QVERIFY(cacheHostsFor(rules({"10.1.0.0/16=branch-a"}), QHostAddress("192.0.2.1"), none)
                    .isEmpty());
        QVERIFY(cacheHostsFor({}, QHostAddress("10.1.2.3"), none).isEmpty());
    }
};

QTEST_APPLESS_MAIN(CacheHostAssignmentTest)
#include "test_cache_host_assignment.moc"
