// The table of agents found on the local link, fed with hand-built multicast DNS responses:
// parts of one instance in separate packets, expiry, goodbyes, our own echo, records that
// belong to other services, and a flood of invented instances.

#include "discovery/local/DnsSdService.h"
#include "discovery/local/LocalPeerTable.h"

#include <QTest>

using namespace opendo::discovery::local;

namespace {

QByteArray peerId(char fill)
{
    return QByteArray(20, fill);
}

LocalAdvert advertOf(char fill, const char* address, quint16 port, QByteArray tag = {})
{
    return {peerId(fill), QHostAddress(QString::fromLatin1(address)), port, std::move(tag)};
}

} // namespace

class LocalPeerTableTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anAdvertisementMakesAPeer();
    void partsInSeparatePacketsAreJoined();
    void recordsExpireWithTheirTtl();
    void goodbyeRemovesAtOnce();
    void ownAdvertisementIsIgnored();
    void otherServicesAndQueriesAreIgnored();
    void inventedInstancesStayBounded();
    void agentsWithCommonIdPrefixesKeepTheirAddresses();
    void knownAnswersListFreshCompletePeers();
    void aQueryListingUsWithHalfTheTtlIsNotForUs();
};

void LocalPeerTableTest::anAdvertisementMakesAPeer()
{
    LocalPeerTable table(peerId('o'));
    const LocalAdvert a = advertOf('a', "192.0.2.10", 7680, groupTagOf(QStringLiteral("g-1")));
    QVERIFY(table.absorb(advertisement(a, kAdvertTtlSeconds), 0));
    QCOMPARE(table.peers().size(), 1);
    const LocalPeer& p = table.peers().first();
    QCOMPARE(p.peerId, a.peerId);
    QCOMPARE(p.address, a.address);
    QCOMPARE(p.port, quint16(7680));
    QCOMPARE(p.groupTag, a.groupTag);
    QCOMPARE(p.groupTag.size(), 16);
    QVERIFY(table.hasAddress(QHostAddress(QStringLiteral("192.0.2.10"))));
    QVERIFY(!table.hasAddress(QHostAddress(QStringLiteral("192.0.2.11"))));
    // The same again changes nothing.
    QVERIFY(!table.absorb(advertisement(a, kAdvertTtlSeconds), 10));
}

void LocalPeerTableTest::partsInSeparatePacketsAreJoined()
{
    LocalPeerTable table;
    const DnsMessage whole = advertisement(advertOf('b', "192.0.2.20", 9000), 120);
    DnsMessage ptrOnly = whole;
    ptrOnly.additionals.clear();
    DnsMessage rest = whole;
    rest.answers.clear();
    QVERIFY(!table.absorb(ptrOnly, 0));
    QVERIFY(table.peers().isEmpty());
    QVERIFY(table.absorb(rest, 5));
    QCOMPARE(table.peers().size(), 1);
    QCOMPARE(table.peers().first().port, quint16(9000));
}

void LocalPeerTableTest::recordsExpireWithTheirTtl()
{
    LocalPeerTable table;
    table.absorb(advertisement(advertOf('c', "192.0.2.30", 7680), 10), 1000);
    QVERIFY(!table.expire(10'999));
    QCOMPARE(table.peers().size(), 1);
    QVERIFY(table.expire(11'000));
    QVERIFY(table.peers().isEmpty());
}

void LocalPeerTableTest::goodbyeRemovesAtOnce()
{
    LocalPeerTable table;
    const LocalAdvert c = advertOf('c', "192.0.2.30", 7680);
    table.absorb(advertisement(c, kAdvertTtlSeconds), 0);
    QVERIFY(table.absorb(advertisement(c, 0), 100));
    QVERIFY(table.peers().isEmpty());
}

void LocalPeerTableTest::ownAdvertisementIsIgnored()
{
    LocalPeerTable table(peerId('o'));
    QVERIFY(!table.absorb(advertisement(advertOf('o', "192.0.2.1", 7680), 120), 0));
    QVERIFY(table.peers().isEmpty());
}

void LocalPeerTableTest::otherServicesAndQueriesAreIgnored()
{
    LocalPeerTable table;
    DnsMessage printer = advertisement(advertOf('d', "192.0.2.40", 631), 120);
    printer.answers.first().name = dnsName(QStringLiteral("_ipp._tcp.local"));
    QVERIFY(!table.absorb(printer, 0));
    QVERIFY(table.peers().isEmpty());

    DnsMessage query = advertisement(advertOf('e', "192.0.2.41", 7680), 120);
    query.response = false; // known answers in a query are no announcement
    QVERIFY(!table.absorb(query, 0));

    DnsMessage notHex = advertisement(advertOf('f', "192.0.2.42", 7680), 120);
    notHex.answers.first().target.first() = QByteArray(40, 'z');
    QVERIFY(!table.absorb(notHex, 0));
    QVERIFY(table.peers().isEmpty());
}

void LocalPeerTableTest::inventedInstancesStayBounded()
{
    LocalPeerTable table;
    const LocalAdvert real = advertOf('r', "192.0.2.50", 7680);
    table.absorb(advertisement(real, kAdvertTtlSeconds), 0);
    for (int i = 0; i < 3 * LocalPeerTable::kMaxEntries; ++i) {
        QByteArray id = QByteArray::number(i).rightJustified(20, 'x');
        LocalAdvert fake{id, QHostAddress(quint32(0xC6120000u + quint32(i))), 7680, {}};
        // Shorter-lived than the real peer's records: they cannot push it out.
        table.absorb(advertisement(fake, 60), 1);
    }
    QVERIFY(table.peers().size() <= LocalPeerTable::kMaxEntries);
    QVERIFY(table.hasAddress(real.address));
    // One arriving after the flood still gets in.
    const LocalAdvert late = advertOf('l', "192.0.2.51", 7681);
    table.absorb(advertisement(late, kAdvertTtlSeconds), 2);
    QVERIFY(table.hasAddress(late.address));
}

void LocalPeerTableTest::agentsWithCommonIdPrefixesKeepTheirAddresses()
{
    // OpenDO peer ids all start with "-OD0100-": neither their names nor our own echo may mix
    // up whose address is whose.
    const QByteArray own = QByteArray("-OD0100-") + QByteArray(12, 'o');
    LocalPeerTable table(own);
    const LocalAdvert near{QByteArray("-OD0100-") + QByteArray(12, 'n'),
                           QHostAddress(QStringLiteral("127.0.0.81")),
                           7001,
                           {}};
    const LocalAdvert far{QByteArray("-OD0100-") + QByteArray(12, 'f'),
                          QHostAddress(QStringLiteral("127.0.0.83")),
                          7003,
                          {}};
    table.absorb(advertisement(near, 120), 0);
    table.absorb(advertisement(far, 120), 1);
    table.absorb(advertisement({own, QHostAddress(QStringLiteral("127.0.0.82")), 7002, {}}, 120),
                 2);
    QCOMPARE(table.peers().size(), 2);
    for (const LocalPeer& p : table.peers()) {
        const LocalAdvert& expected = p.peerId == near.peerId ? near : far;
        QCOMPARE(p.address, expected.address);
        QCOMPARE(p.port, expected.port);
    }
    QVERIFY(!table.hasAddress(QHostAddress(QStringLiteral("127.0.0.82"))));
}

void LocalPeerTableTest::knownAnswersListFreshCompletePeers()
{
    LocalPeerTable table(peerId('o'));
    const LocalAdvert a = advertOf('a', "192.0.2.10", 7680);
    table.absorb(advertisement(a, kAdvertTtlSeconds), 0);
    // Only the PTR of b arrived: b is not a peer yet, so the query must still ask b.
    DnsMessage ptrOnly = advertisement(advertOf('b', "192.0.2.20", 7680), kAdvertTtlSeconds);
    ptrOnly.additionals.clear();
    table.absorb(ptrOnly, 0);

    QList<DnsRecord> known = table.knownAnswers(30'000, kMaxDnsSectionEntries);
    QCOMPARE(known.size(), 1);
    QCOMPARE(known[0].type, DnsType::Ptr);
    QVERIFY(sameDnsName(known[0].name, serviceType()));
    QVERIFY(sameDnsName(known[0].target, instanceName(a.peerId)));
    QCOMPARE(known[0].ttl, quint32(90));
    // Exactly half the TTL left still counts; less does not, so a is asked again in time.
    QCOMPARE(table.knownAnswers(60'000, kMaxDnsSectionEntries).size(), 1);
    QVERIFY(table.knownAnswers(60'001, kMaxDnsSectionEntries).isEmpty());
    QVERIFY(table.knownAnswers(0, 0).isEmpty()); // the cap holds

    // The query carries them and parses back (the list is cut to what a section may hold).
    QList<DnsRecord> many(kMaxDnsSectionEntries + 5, known[0]);
    const DnsMessage query = serviceQuery(many);
    QCOMPARE(query.answers.size(), kMaxDnsSectionEntries);
    QString error;
    const auto parsed = parseDnsMessage(serializeDnsMessage(query), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->answers.size(), kMaxDnsSectionEntries);
}

void LocalPeerTableTest::aQueryListingUsWithHalfTheTtlIsNotForUs()
{
    const QByteArray us = peerId('u');
    DnsRecord ptr = instancePointer(us, kAdvertTtlSeconds / 2);
    QVERIFY(!asksForUs(serviceQuery({ptr}), us));
    ptr.ttl = kAdvertTtlSeconds / 2 - 1; // about to expire there: answer, refreshing it
    QVERIFY(asksForUs(serviceQuery({ptr}), us));
    const DnsRecord other = instancePointer(peerId('x'), kAdvertTtlSeconds);
    QVERIFY(asksForUs(serviceQuery({other}), us)); // someone else is known, not us
    QVERIFY(asksForUs(serviceQuery(), us));
}

QTEST_GUILESS_MAIN(LocalPeerTableTest)
#include "test_local_peer_table.moc"
