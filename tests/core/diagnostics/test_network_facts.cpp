// The network facts of the support bundle and the interface check: the routing tables parsed
// from literal /proc text, and the machine's own interfaces (every Linux host has "lo").

#include "diagnostics/NetworkFacts.h"

#include <QTest>

using namespace opendo::diagnostics;

class NetworkFactsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ipv4Routes();
    void ipv4RoutesSkipMalformedLines();
    void ipv6Routes();
    void emptyTables();
    void loopbackIsNotUsable();
    void usability();
    void describesInterfaces();
    void describesRoutesOfThisMachine();
};

void NetworkFactsTest::ipv4Routes()
{
    const QString proc =
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"
        "                                                       \n"
        "eth0\t00000000\t0100000A\t0003\t0\t0\t100\t00000000\t0\t0\t0"
        "                                                                               \n"
        "eth0\t0000000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
        "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n"
        "wg0\t0102A8C0\t00000000\t0005\t0\t0\t50\tFFFFFFFF\t0\t0\t0\n"
        "eth1\t0000A8C0\t0101A8C0\t0203\t0\t0\t10\t0000FFFF\t0\t0\t0\n";
    QCOMPARE(parseIpv4Routes(proc),
             "default via 10.0.0.1 dev eth0 metric 100\n"
             "10.0.0.0/24 dev eth0\n"
             "172.17.0.0/16 dev docker0\n"
             "192.168.2.1 dev wg0 metric 50\n"
             "unreachable 192.168.0.0/16 via 192.168.1.1 dev eth1 metric 10\n");
}

void NetworkFactsTest::ipv4RoutesSkipMalformedLines()
{
    const QString proc = "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"
                         "eth0\tnothex\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
                         "eth0\t0000000A\n"
                         "eth0\t0000000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
    QCOMPARE(parseIpv4Routes(proc), "10.0.0.0/24 dev eth0\n");
}

void NetworkFactsTest::ipv6Routes()
{
    const QString proc =
        "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
        "fe800000000000000000000000000001 00000400 00000001 00000000 00000003     eth0\n"
        "20010db8000000000000000000000000 40 00000000000000000000000000000000 00 "
        "00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0\n"
        "fe800000000000000000000000000000 40 00000000000000000000000000000000 00 "
        "00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0\n"
        "00000000000000000000000000000001 80 00000000000000000000000000000000 00 "
        "00000000000000000000000000000000 00000000 00000002 00000000 80200001       lo\n"
        "20010db8000000000000000000000005 80 00000000000000000000000000000000 00 "
        "fe800000000000000000000000000001 00000000 00000001 00000000 01000003     eth0\n"
        "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
        "00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n"
        "garbage line\n";
    QCOMPARE(parseIpv6Routes(proc), "default via fe80::1 dev eth0 metric 1024\n"
                                    "2001:db8::/64 dev eth0 metric 256\n"
                                    "fe80::/64 dev eth0 metric 256\n"
                                    "local ::1 dev lo metric 0\n"
                                    "unreachable default dev lo metric 4294967295\n");
}

void NetworkFactsTest::emptyTables()
{
    QCOMPARE(parseIpv4Routes("Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"),
             "(no routes)\n");
    QCOMPARE(parseIpv6Routes(""), "(no routes)\n");
}

void NetworkFactsTest::loopbackIsNotUsable()
{
    const QList<InterfaceFact> facts = networkInterfaces();
    const auto lo = std::find_if(facts.begin(), facts.end(),
                                 [](const InterfaceFact& f) { return f.name == "lo"; });
    QVERIFY2(lo != facts.end(), "no interface named lo");
    QVERIFY(lo->loopback);
    QVERIFY(!isUsable(*lo));
    QVERIFY(!lo->virtualType);
}

void NetworkFactsTest::usability()
{
    InterfaceFact eth;
    eth.name = "eth0";
    eth.up = true;
    eth.running = true;
    eth.addresses = {QHostAddress("fe80::1")};
    QVERIFY(!isUsable(eth)); // link-local only
    eth.addresses.append(QHostAddress("10.0.0.5"));
    QVERIFY(isUsable(eth));
    InterfaceFact down = eth;
    down.up = false;
    QVERIFY(!isUsable(down));
    InterfaceFact notRunning = eth;
    notRunning.running = false;
    QVERIFY(!isUsable(notRunning));
    InterfaceFact loopback = eth;
    loopback.loopback = true;
    QVERIFY(!isUsable(loopback));
    InterfaceFact none = eth;
    none.addresses.clear();
    QVERIFY(!isUsable(none));
}

void NetworkFactsTest::describesInterfaces()
{
    InterfaceFact eth;
    eth.name = "eth0";
    eth.up = true;
    eth.running = true;
    eth.addresses = {QHostAddress("10.0.0.5"), QHostAddress("fe80::1")};
    InterfaceFact docker;
    docker.name = "docker0";
    docker.virtualType = true;
    const QString text = describeInterfaces({eth, docker});
    QVERIFY2(text.contains("eth0: up, running, usable\n"), qPrintable(text));
    QVERIFY2(text.contains("    inet 10.0.0.5\n"), qPrintable(text));
    QVERIFY2(text.contains("    inet6 fe80::1 (link-local)\n"), qPrintable(text));
    QVERIFY2(text.contains("docker0: down, virtual, not usable\n    (no addresses)\n"),
             qPrintable(text));

    const QString here = describeInterfaces(networkInterfaces());
    QVERIFY2(here.contains("lo: up, running, loopback, not usable\n"), qPrintable(here));
}

void NetworkFactsTest::describesRoutesOfThisMachine()
{
    const QString text = describeRoutes();
    QVERIFY2(text.startsWith("IPv4 routes (/proc/net/route):\n"), qPrintable(text));
    QVERIFY2(text.contains("\nIPv6 routes (/proc/net/ipv6_route):\n"), qPrintable(text));
}

QTEST_GUILESS_MAIN(NetworkFactsTest)
#include "test_network_facts.moc"
