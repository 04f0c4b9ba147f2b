// Cache servers announced by DNS-SD on the local link: listed once PTR, SRV and A are all held,
// whatever packets they came in; gone on a goodbye or when their TTL runs out; other service
// types, queries and invented floods neither list anything false nor grow without bound.

#include "discovery/local/CacheServerTable.h"
#include "discovery/local/DnsSdService.h"
#include "support/CacheServerAnnouncer.h"

#include <QTest>

using namespace opendo::discovery::local;
using opendo::test::cacheServerAnnouncement;

namespace {

const QHostAddress kBox(QStringLiteral("192.168.1.20"));

LinkCacheServer server(const QString& name, const QHostAddress& address, quint16 port)
{
    return {name, address, port};
}

} // namespace

class CacheServerTableTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void announcementListsTheServer()
    {
        CacheServerTable table;
        QVERIFY(table.absorb(cacheServerAnnouncement("Branch cache", kBox, 8080), 0));
        QCOMPARE(table.servers(), QList<LinkCacheServer>{server("Branch cache", kBox, 8080)});
        // The same again changes nothing.
        QVERIFY(!table.absorb(cacheServerAnnouncement("Branch cache", kBox, 8080), 10));
    }

    void partsInSeparatePacketsAreJoined()
    {
        const DnsMessage whole = cacheServerAnnouncement("Branch cache", kBox, 8080);
        CacheServerTable table;
        for (const DnsRecord& r : whole.answers + whole.additionals) {
            DnsMessage one;
            one.response = true;
            one.answers << r;
            table.absorb(one, 0);
            const bool complete = r.type == DnsType::A; // the last part
            QCOMPARE(table.servers().size(), complete ? 1 : 0);
        }
    }

    void serverWithoutAddressIsNotListed()
    {
        DnsMessage m = cacheServerAnnouncement("Branch cache", kBox, 8080);
        m.additionals.removeIf([](const DnsRecord& r) { return r.type == DnsType::A; });
        CacheServerTable table;
        QVERIFY(!table.absorb(m, 0));
        QVERIFY(table.servers().isEmpty());
    }

    void otherServicesAndQueriesAreIgnored()
    {
        CacheServerTable table;
        // An OpenDO peer's advertisement is not a cache server.
        LocalAdvert peer{QByteArray(20, 'p'), kBox, 7680, {}};
        QVERIFY(!table.absorb(advertisement(peer, 120), 0));
        // A query carrying the records (known answers) is not an announcement.
        DnsMessage query = cacheServerAnnouncement("Branch cache", kBox, 8080);
        query.response = false;
        QVERIFY(!table.absorb(query, 0));
        QVERIFY(table.servers().isEmpty());
    }

    void goodbyeRemovesAtOnceAndExpiryLater()
    {
        CacheServerTable table;
        table.absorb(cacheServerAnnouncement("A", kBox, 8080, 120), 0);
        table.absorb(cacheServerAnnouncement("B", QHostAddress("192.168.1.21"), 80, 10), 0);
        QCOMPARE(table.servers().size(), 2);
        QVERIFY(table.absorb(cacheServerAnnouncement("A", kBox, 8080, 0), 1000));
        QCOMPARE(table.servers().size(), 1);
        QCOMPARE(table.servers().first().name, QString("B"));
        QVERIFY(!table.expire(9999));
        QVERIFY(table.expire(10'000)); // B's 10 s are over
        QVERIFY(table.servers().isEmpty());
    }

    void listIsSortedAndBounded()
    {
        CacheServerTable table;
        table.absorb(cacheServerAnnouncement("Zeta", kBox, 8081), 0);
        table.absorb(cacheServerAnnouncement("Alpha", kBox, 8082), 0);
        QCOMPARE(table.servers().first().name, QString("Alpha"));
        // A flood of invented servers: the list and the maps behind it stay bounded.
        for (int i = 0; i < 1000; ++i)
            table.absorb(cacheServerAnnouncement(QString("flood-%1").arg(i, 4, 10, QChar('0')),
                                                 QHostAddress(quint32(0x0a000000 + i)),
                                                 quint16(9000 + i)),
                         1);
        QCOMPARE(table.servers().size(), CacheServerTable::kMaxServers);
        // The older announcements were pushed out first; a server announced after the flood
        // gets in (room is made by dropping what expires soonest).
        QVERIFY(std::none_of(table.servers().cbegin(), table.servers().cend(),
                             [](const LinkCacheServer& s) { return s.name == "Alpha"; }));
        QVERIFY(table.absorb(cacheServerAnnouncement("Branch", kBox, 8080), 2));
        QCOMPARE(table.servers().first(), server("Branch", kBox, 8080));
        QCOMPARE(table.servers().size(), CacheServerTable::kMaxServers);
    }
};

QTEST_GUILESS_MAIN(CacheServerTableTest)
#include "test_cache_server_table.moc"
