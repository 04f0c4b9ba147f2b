// Which cache servers a download asks, from DOCacheHost, DHCP option 235 or DNS-SD as
// DOCacheHostSource says, and how the option is read from the DHCP clients' lease files.

#include "common/DhcpLeaseOptions.h"
#include "transfer/CacheServerPlan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::policy;
using namespace opendo::transfer;

namespace {

PolicySnapshot snapshot(const QMap<QString, QString>& policy)
{
    PolicyState state;
    state.policy = policy;
    return resolveEffective(state);
}

QStringList authorities(const CacheServerPlan& plan)
{
    return opendo::policy::cacheHostAuthorities(plan.hosts);
}

const DhcpOptionFound kLease{QStringLiteral("mcc1.corp.example, 10.0.0.9"),
                             QStringLiteral("/var/lib/dhcp/dhclient.leases")};
// What DNS-SD found on the link.
const QList<CacheHostEntry> kLinkServers{{QStringLiteral("192.168.1.20"), 8080}};

} // namespace

class CacheServerPlanTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sources_data()
    {
        QTest::addColumn<QString>("source");    // DOCacheHostSource, "" = not set
        QTest::addColumn<QString>("cacheHost"); // DOCacheHost
        QTest::addColumn<QString>("option235"); // "" = no lease carries it
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<bool>("problem");

        const QStringList policyHosts{"cache.corp.example", "10.0.0.7:8080"};
        const QStringList dhcpHosts{"mcc1.corp.example", "10.0.0.9"};
        const QString hostList = "cache.corp.example,10.0.0.7:8080";
        QTest::addRow("unset: DOCacheHost only")
            << "" << hostList << kLease.value << policyHosts << false;
        QTest::addRow("unset, nothing: DNS-SD")
            << ""
            << "" << kLease.value << QStringList{"192.168.1.20:8080"} << false;
        QTest::addRow("1: DOCacheHost wins")
            << "1" << hostList << kLease.value << policyHosts << false;
        QTest::addRow("1: option when DOCacheHost is empty")
            << "1"
            << "" << kLease.value << dhcpHosts << false;
        QTest::addRow("1: no option, no host") << "1"
                                               << ""
                                               << "" << QStringList{} << true;
        QTest::addRow("2: option wins") << "2" << hostList << kLease.value << dhcpHosts << false;
        QTest::addRow("2: no option, DOCacheHost") << "2" << hostList << "" << policyHosts << true;
        QTest::addRow("2: malformed option, DOCacheHost")
            << "2" << hostList << "http://mcc1/, 10.0.0.9" << policyHosts << true;
        QTest::addRow("2: empty list") << "2"
                                       << ""
                                       << " , " << QStringList{} << true;
        QTest::addRow("0: DNS-SD off, DOCacheHost")
            << "0" << hostList << kLease.value << policyHosts << false;
        QTest::addRow("0: DNS-SD off, nothing") << "0"
                                                << "" << kLease.value << QStringList{} << false;
    }

    void sources()
    {
        QFETCH(QString, source);
        QFETCH(QString, cacheHost);
        QFETCH(QString, option235);
        QFETCH(QStringList, expected);
        QFETCH(bool, problem);
        QMap<QString, QString> policy;
        if (!source.isEmpty())
            policy["DOCacheHostSource"] = source;
        if (!cacheHost.isEmpty())
            policy["DOCacheHost"] = cacheHost;
        const DhcpOptionFound lease{option235, kLease.leaseFile};
        const CacheServerPlan plan =
            cacheServerPlan(snapshot(policy), true, false, lease, kLinkServers);
        QCOMPARE(authorities(plan), expected);
        QCOMPARE(plan.servers.size(), expected.size());
        QCOMPARE(!plan.hostsProblem.isEmpty(), problem);
        const bool fromLink = expected == QStringList{"192.168.1.20:8080"};
        if (!expected.isEmpty())
            QVERIFY2(
                plan.hostsSource.contains(fromLink ? QStringLiteral("DNS-SD")
                                          : expected == QStringList{"mcc1.corp.example", "10.0.0.9"}
                                              ? kLease.leaseFile
                                              : QStringLiteral("DOCacheHost")),
                qPrintable(plan.hostsSource));
        QCOMPARE(plan.announcedOnLink, fromLink);
        QCOMPARE(cacheHostsFromDhcp(snapshot(policy)), source == "1" || source == "2");
        QCOMPARE(cacheHostsFromDnsSd(snapshot(policy)), source.isEmpty() && cacheHost.isEmpty());
    }

    // Anyone on the link can announce a cache server: a download without metainfo, whose bytes
    // nothing can verify, does not ask such a server; servers an administrator named are kept.
    void announcedServersOnlyServeVerifiableDownloads()
    {
        const CacheServerPlan announced =
            cacheServerPlan(snapshot({}), true, false, {}, kLinkServers);
        QCOMPARE(announced.servers.size(), 1);
        const CacheServerPlan unverified = withoutUnverifiedServers(announced);
        QVERIFY(unverified.servers.isEmpty());
        QCOMPARE(unverified.hosts.size(), 1); // still shown, with the reason it is skipped
        QVERIFY(unverified.skippedReason.contains("verified"));

        const CacheServerPlan named =
            cacheServerPlan(snapshot({{"DOCacheHost", "cache"}}), true, false, {}, kLinkServers);
        QCOMPARE(authorities(named), QStringList{"cache"});
        QCOMPARE(withoutUnverifiedServers(named).servers, named.servers);
        QVERIFY(withoutUnverifiedServers(named).skippedReason.isEmpty());
    }

    // The discovery service's assignment comes after what the device names (DOCacheHost, DHCP
    // option 235) and before DNS-SD; it is trusted like DOCacheHost, so plain URLs use it too.
    void serviceAssignmentRanksBetweenPolicyAndDnsSd()
    {
        const QList<policy::CacheHostEntry> service = {{"mcc.service.example", 8080}};
        const CacheServerPlan assigned =
            cacheServerPlan(snapshot({}), true, false, {}, kLinkServers, service);
        QCOMPARE(authorities(assigned), QStringList{"mcc.service.example:8080"});
        QCOMPARE(assigned.hostsSource, QString("the discovery service"));
        QVERIFY(!assigned.announcedOnLink);
        QCOMPARE(withoutUnverifiedServers(assigned).servers, assigned.servers);

        const CacheServerPlan named = cacheServerPlan(snapshot({{"DOCacheHost", "cache"}}), true,
                                                      false, {}, kLinkServers, service);
        QCOMPARE(authorities(named), QStringList{"cache"});
        const CacheServerPlan fromDhcp = cacheServerPlan(
            snapshot({{"DOCacheHostSource", "1"}}), true, false, kLease, kLinkServers, service);
        QVERIFY(fromDhcp.hostsSource.contains(kLease.leaseFile));
        // DOCacheHostSource 0 switches DNS-SD off, not the service.
        const CacheServerPlan noDnsSd = cacheServerPlan(snapshot({{"DOCacheHostSource", "0"}}),
                                                        true, false, {}, kLinkServers, service);
        QCOMPARE(authorities(noDnsSd), QStringList{"mcc.service.example:8080"});
    }

    void vpnKeepsTheHostsButSkipsThem()
    {
        const PolicySnapshot policies =
            snapshot({{"DOCacheHostSource", "2"}, {"DODisallowCacheServerDownloadsOnVPN", "1"}});
        const CacheServerPlan plan = cacheServerPlan(policies, true, true, kLease);
        QCOMPARE(plan.hosts.size(), 2);
        QVERIFY(plan.servers.isEmpty());
        QVERIFY(!plan.skippedReason.isEmpty());
    }

    void fallbackDelayFollowsThePriority()
    {
        const PolicySnapshot policies = snapshot({{"DOCacheHost", "cache"},
                                                  {"DODelayCacheServerFallbackForeground", "30"},
                                                  {"DODelayCacheServerFallbackBackground", "600"}});
        QCOMPARE(cacheServerPlan(policies, true, false).fallbackDelaySeconds, 30);
        QCOMPARE(cacheServerPlan(policies, false, false).fallbackDelaySeconds, 600);
    }

    void leaseFormats_data()
    {
        QTest::addColumn<QByteArray>("lease");
        QTest::addColumn<QString>("value");
        QTest::addRow("dhclient, two leases: the last is current")
            << QByteArray("lease {\n  option unknown-235 \"old.example\";\n}\n"
                          "lease {\n  option unknown-235 \"mcc1.corp.example,10.0.0.9\";\n}\n")
            << "mcc1.corp.example,10.0.0.9";
        QTest::addRow("dhclient, declared name")
            << QByteArray("lease {\n  option ms-cache-235 \"mcc1\";\n}\n") << "mcc1";
        QTest::addRow("NetworkManager")
            << QByteArray("new_ip_address=10.0.0.5\nnew_unknown_235=mcc1.corp.example\n")
            << "mcc1.corp.example";
        QTest::addRow("systemd-networkd, hex")
            << QByteArray("ADDRESS=10.0.0.5\nOPTION_235=") +
                   QByteArray("mcc1.corp.example,10.0.0.9").toHex() + "\n"
            << "mcc1.corp.example,10.0.0.9";
        QTest::addRow("option 234 only")
            << QByteArray("lease {\n  option unknown-234 \"g\";\n}\n") << "";
        QTest::addRow("empty") << QByteArray() << "";
    }

    void leaseFormats()
    {
        QFETCH(QByteArray, lease);
        QFETCH(QString, value);
        QCOMPARE(dhcpOptionFromLease(lease, 235), value);
    }

    void findsTheFirstLeaseThatCarriesTheOption()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString empty = dir.filePath("empty");
        const QString other = dir.filePath("other");
        const QString carrying = dir.filePath("carrying");
        for (const QString& folder : {empty, other, carrying})
            QVERIFY(QDir().mkpath(folder));
        auto write = [](const QString& path, const QByteArray& text) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        QVERIFY(write(other + "/a.lease", "lease {\n  option unknown-234 \"group\";\n}\n"));
        QVERIFY(write(carrying + "/b.lease", "lease {\n  option unknown-235 \"mcc\";\n}\n"));
        const QStringList folders{dir.filePath("missing"), empty, other, carrying};
        const DhcpOptionFound found = findDhcpOption(235, folders);
        QCOMPARE(found.value, QStringLiteral("mcc"));
        QCOMPARE(found.leaseFile, carrying + "/b.lease");
        QCOMPARE(findDhcpOption(234, folders).leaseFile, other + "/a.lease");
        QVERIFY(!findDhcpOption(235, {empty, other}).found());
    }

    void leaseFoldersSetting()
    {
        QCOMPARE(dhcpLeaseFolders(QString()), defaultDhcpLeaseFolders());
        QCOMPARE(dhcpLeaseFolders(" , "), defaultDhcpLeaseFolders());
        QCOMPARE(dhcpLeaseFolders("/a, /b"), (QStringList{"/a", "/b"}));
    }
};

QTEST_GUILESS_MAIN(CacheServerPlanTest)
#include "test_cache_server_plan.moc"
