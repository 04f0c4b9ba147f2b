// The server's address map (ranges, subnets and single addresses standing for one public
// address) and the catalogue of published metainfo with its three lookups.

#include "content/Bencode.h"
#include "content/Metainfo.h"
#include "content/MetainfoWriter.h"
#include "discovery/server/MetainfoCatalog.h"
#include "discovery/server/NatMap.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::discovery;
using opendo::content::MetainfoWriter;
using opendo::content::MetainfoWriterOptions;

namespace {

QHostAddress ip(const char* text)
{
    return QHostAddress(QString::fromLatin1(text));
}

} // namespace

class NatMapCatalogTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void natRules_data();
    void natRules();
    void natFirstRuleWins();
    void natRuleErrors_data();
    void natRuleErrors();
    void publishAndLookUp();
    void republishReplacesIndexEntries();
    void refusals();
    void normalizeUrl_data();
    void normalizeUrl();

private:
    QByteArray makeTorrent(const QByteArray& data, const QList<QUrl>& seeds,
                           const QString& name = QStringLiteral("file.bin"));
    QTemporaryDir m_dir;
    int m_files = 0;
};

void NatMapCatalogTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QByteArray NatMapCatalogTest::makeTorrent(const QByteArray& data, const QList<QUrl>& seeds,
                                          const QString& name)
{
    const QString path = m_dir.filePath(QStringLiteral("f%1").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    file.close();
    MetainfoWriterOptions options;
    options.webSeeds = seeds;
    options.name = name;
    const auto result = MetainfoWriter::create(path, options);
    if (!result.ok)
        qWarning() << result.error;
    return result.torrent;
}

void NatMapCatalogTest::natRules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("seen");
    QTest::addColumn<QString>("expected");

    const QString range = QStringLiteral("127.0.0.2-127.0.0.3=203.0.113.1");
    QTest::addRow("range first") << range << "127.0.0.2"
                                 << "203.0.113.1";
    QTest::addRow("range last") << range << "127.0.0.3"
                                << "203.0.113.1";
    QTest::addRow("below range") << range << "127.0.0.1"
                                 << "127.0.0.1";
    QTest::addRow("above range") << range << "127.0.0.4"
                                 << "127.0.0.4";
    QTest::addRow("v4-mapped seen") << range << "::ffff:127.0.0.3"
                                    << "203.0.113.1";
    QTest::addRow("other family") << range << "::1"
                                  << "::1";
    const QString cidr = QStringLiteral("127.0.0.0/30=198.51.100.9");
    QTest::addRow("cidr first") << cidr << "127.0.0.0"
                                << "198.51.100.9";
    QTest::addRow("cidr last") << cidr << "127.0.0.3"
                               << "198.51.100.9";
    QTest::addRow("cidr outside") << cidr << "127.0.0.4"
                                  << "127.0.0.4";
    QTest::addRow("cidr unmasked base") << "10.1.2.3/16=192.0.2.1"
                                        << "10.1.255.255"
                                        << "192.0.2.1";
    QTest::addRow("single") << "127.0.0.9=192.0.2.9"
                            << "127.0.0.9"
                            << "192.0.2.9";
    QTest::addRow("single miss") << "127.0.0.9=192.0.2.9"
                                 << "127.0.0.10"
                                 << "127.0.0.10";
    QTest::addRow("v6 range") << "fd00::1-fd00::ff=2001:db8::1"
                              << "fd00::80"
                              << "2001:db8::1";
    QTest::addRow("v6 range miss") << "fd00::1-fd00::ff=2001:db8::1"
                                   << "fd00::100"
                                   << "fd00::100";
    QTest::addRow("v6 cidr") << "fd00:1::/32=2001:db8::2"
                             << "fd00:1:ffff::7"
                             << "2001:db8::2";
    QTest::addRow("v6 cidr /127") << "fd00::2/127=2001:db8::3"
                                  << "fd00::3"
                                  << "2001:db8::3";
    QTest::addRow("v6 to v4") << "::1=203.0.113.5"
                              << "::1"
                              << "203.0.113.5";
    QTest::addRow("spaces") << " 127.0.0.2 - 127.0.0.3 = 203.0.113.1 "
                            << "127.0.0.2"
                            << "203.0.113.1";
}

void NatMapCatalogTest::natRules()
{
    QFETCH(QString, rule);
    QFETCH(QString, seen);
    QFETCH(QString, expected);
    NatMap map;
    QVERIFY(map.isEmpty());
    QString error;
    QVERIFY2(map.addRule(rule, &error), qPrintable(error));
    QVERIFY(!map.isEmpty());
    QCOMPARE(map.publicAddressOf(QHostAddress(seen)), QHostAddress(expected));
}

void NatMapCatalogTest::natFirstRuleWins()
{
    NatMap map;
    QString error;
    QVERIFY(map.addRule(QStringLiteral("127.0.0.0/24=203.0.113.1"), &error));
    QVERIFY(map.addRule(QStringLiteral("127.0.0.5=203.0.113.2"), &error));
    QVERIFY(map.addRule(QStringLiteral("127.0.1.5=203.0.113.3"), &error));
    QCOMPARE(map.publicAddressOf(ip("127.0.0.5")), ip("203.0.113.1"));
    QCOMPARE(map.publicAddressOf(ip("127.0.1.5")), ip("203.0.113.3"));
    QCOMPARE(map.publicAddressOf(ip("192.0.2.1")), ip("192.0.2.1"));
    QCOMPARE(NatMap().publicAddressOf(ip("192.0.2.1")), ip("192.0.2.1"));
}

void NatMapCatalogTest::natRuleErrors_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addRow("empty") << "";
    QTest::addRow("no public") << "127.0.0.1";
    QTest::addRow("two equals") << "127.0.0.1=1.2.3.4=5.6.7.8";
    QTest::addRow("bad public") << "127.0.0.1=public";
    QTest::addRow("empty public") << "127.0.0.1=";
    QTest::addRow("bad address") << "127.0.0=1.2.3.4";
    QTest::addRow("name") << "localhost=1.2.3.4";
    QTest::addRow("first after last") << "127.0.0.3-127.0.0.2=1.2.3.4";
    QTest::addRow("v6 first after last") << "fd00::2-fd00::1=1.2.3.4";
    QTest::addRow("mixed families") << "127.0.0.1-::1=1.2.3.4";
    QTest::addRow("three ends") << "127.0.0.1-127.0.0.2-127.0.0.3=1.2.3.4";
    QTest::addRow("open range") << "127.0.0.1-=1.2.3.4";
    QTest::addRow("prefix 33") << "127.0.0.0/33=1.2.3.4";
    QTest::addRow("prefix 129") << "fd00::/129=1.2.3.4";
    QTest::addRow("netmask") << "127.0.0.0/255.0.0.0=1.2.3.4";
    QTest::addRow("negative prefix") << "127.0.0.0/-1=1.2.3.4";
    QTest::addRow("no prefix") << "127.0.0.0/=1.2.3.4";
    QTest::addRow("scoped") << "fe80::1%eth0=1.2.3.4";
}

void NatMapCatalogTest::natRuleErrors()
{
    QFETCH(QString, rule);
    NatMap map;
    QString error;
    QVERIFY(!map.addRule(rule, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(rule), qPrintable(error));
    QVERIFY(map.isEmpty());
}

void NatMapCatalogTest::publishAndLookUp()
{
    const QList<QUrl> seeds = {QUrl(QStringLiteral("HTTP://Origin.Example:80/files/")),
                               QUrl(QStringLiteral("https://mirror.example/a%20b/data.bin#x"))};
    const QByteArray torrent = makeTorrent("hello catalogue", seeds, QStringLiteral("data.bin"));
    QVERIFY(!torrent.isEmpty());
    const auto metainfo = opendo::content::Metainfo::parse(torrent);
    QVERIFY(metainfo.ok());

    MetainfoCatalog catalog;
    const PublishResult result = catalog.publish(torrent, 1234);
    QVERIFY2(result.ok, qPrintable(result.error));
    const PublishedContent& content = result.content;
    QCOMPARE(content.contentId, metainfo.metainfo->contentId());
    QCOMPARE(content.handshakeHash, metainfo.metainfo->v1InfoHash());
    QCOMPARE(content.handshakeHash.size(), 20);
    QCOMPARE(content.torrent, torrent);
    QCOMPARE(content.name, QStringLiteral("data.bin"));
    QCOMPARE(content.size, qint64(15));
    QCOMPARE(content.publishedAtMs, qint64(1234));
    QCOMPARE(content.fileUrls,
             (QList<QUrl>{QUrl(QStringLiteral("http://origin.example/files/data.bin")),
                          QUrl(QStringLiteral("https://mirror.example/a%20b/data.bin"))}));
    QCOMPARE(catalog.count(), 1);

    QVERIFY(catalog.byContentId(content.contentId));
    QCOMPARE(catalog.byContentId(content.contentId)->torrent, torrent);
    QCOMPARE(catalog.byHandshakeHash(content.handshakeHash),
             catalog.byContentId(content.contentId));
    QVERIFY(!catalog.byHandshakeHash(QByteArray(20, 'x')));
    QVERIFY(!catalog.byContentId(QStringLiteral("nope")));
    // Any spelling of the same URL finds it; another path does not.
    for (const char* url :
         {"http://origin.example/files/data.bin", "HTTP://ORIGIN.example:80/files/data.bin#frag",
          "https://mirror.example:443/a%20b/data.bin"}) {
        const PublishedContent* found = catalog.byUrl(QUrl(QString::fromLatin1(url)));
        QVERIFY2(found, url);
        QCOMPARE(found->contentId, content.contentId);
    }
    QVERIFY(!catalog.byUrl(QUrl(QStringLiteral("http://origin.example/files/Data.bin"))));
    QVERIFY(!catalog.byUrl(QUrl(QStringLiteral("http://origin.example:8080/files/data.bin"))));
    QVERIFY(!catalog.byUrl(QUrl(QStringLiteral("https://origin.example/files/data.bin"))));

    const QByteArray second =
        makeTorrent("another file", {QUrl(QStringLiteral("http://b.example/x"))});
    QVERIFY(catalog.publish(second, 5).ok);
    const auto all = catalog.all();
    QCOMPARE(all.size(), size_t(2));
    QVERIFY(all[0]->contentId < all[1]->contentId);
}

void NatMapCatalogTest::republishReplacesIndexEntries()
{
    MetainfoCatalog catalog;
    const QByteArray data = "same content";
    const QByteArray first =
        makeTorrent(data, {QUrl(QStringLiteral("http://old.example/f"))}, QStringLiteral("f"));
    const QByteArray second =
        makeTorrent(data, {QUrl(QStringLiteral("http://old.example/f"))}, QStringLiteral("f"));
    QCOMPARE(first, second); // deterministic writer: same content id
    const PublishResult a = catalog.publish(first, 1);
    QVERIFY(a.ok);

    // Another content takes over a URL; republishing the first must not steal it back from
    // the index by removal.
    const QByteArray other =
        makeTorrent("other", {QUrl(QStringLiteral("http://old.example/f"))}, QStringLiteral("f"));
    const PublishResult b = catalog.publish(other, 2);
    QVERIFY(b.ok);
    QCOMPARE(catalog.byUrl(QUrl(QStringLiteral("http://old.example/f")))->contentId,
             b.content.contentId);
    QVERIFY(catalog.publish(first, 3).ok);
    QCOMPARE(catalog.count(), 2);
    QCOMPARE(catalog.byContentId(a.content.contentId)->publishedAtMs, qint64(3));
    QCOMPARE(catalog.byUrl(QUrl(QStringLiteral("http://old.example/f")))->contentId,
             a.content.contentId);
    QCOMPARE(catalog.byHandshakeHash(a.content.handshakeHash)->publishedAtMs, qint64(3));

    // A torrent is identified by its info dict only; the web seeds are outside it, so the same
    // content can be republished with new seeds and the old URL stops resolving.
    opendo::content::BencodeDecodeResult decoded = opendo::content::decodeBencode(first);
    QVERIFY(decoded.ok);
    decoded.value.insert("url-list",
                         opendo::content::BencodeValue(QByteArray("http://new.example/f")));
    const QByteArray moved = opendo::content::encodeBencode(decoded.value);
    const PublishResult c = catalog.publish(moved, 4);
    QVERIFY2(c.ok, qPrintable(c.error));
    QCOMPARE(c.content.contentId, a.content.contentId);
    QCOMPARE(catalog.count(), 2);
    QCOMPARE(catalog.byUrl(QUrl(QStringLiteral("http://new.example/f")))->contentId,
             a.content.contentId);
    QVERIFY(!catalog.byUrl(QUrl(QStringLiteral("http://old.example/f"))));
    QCOMPARE(catalog.byContentId(a.content.contentId)->torrent, moved);
}

void NatMapCatalogTest::refusals()
{
    MetainfoCatalog catalog;
    const QByteArray noSeeds = makeTorrent("no seeds", {});
    QVERIFY(!noSeeds.isEmpty());
    PublishResult result = catalog.publish(noSeeds, 1);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, QStringLiteral("metainfo has no web seed (url-list)"));

    result = catalog.publish("d4:infodee", 1);
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());

    result = catalog.publish(QByteArray(kMaxPublishedMetainfoSize + 1, 'd'), 1);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("larger")), qPrintable(result.error));
    QCOMPARE(catalog.count(), 0);
    QVERIFY(catalog.all().empty());
}

void NatMapCatalogTest::normalizeUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << QUrl("http://a.example/x") << "http://a.example/x";
    QTest::addRow("case") << QUrl("HTTP://A.Example/X") << "http://a.example/X";
    QTest::addRow("default http port") << QUrl("http://a.example:80/x") << "http://a.example/x";
    QTest::addRow("default https port") << QUrl("https://a.example:443/x") << "https://a.example/x";
    QTest::addRow("other port") << QUrl("http://a.example:443/x") << "http://a.example:443/x";
    QTest::addRow("fragment") << QUrl("http://a.example/x#top") << "http://a.example/x";
    QTest::addRow("query kept") << QUrl("http://a.example/x?b=1&a=2")
                                << "http://a.example/x?b=1&a=2";
    QTest::addRow("encoded path") << QUrl("http://a.example/a%20b%2Fc")
                                  << "http://a.example/a%20b%2Fc";
    QTest::addRow("trailing slash") << QUrl("http://a.example/dir/") << "http://a.example/dir/";
}

void NatMapCatalogTest::normalizeUrl()
{
    QFETCH(QUrl, url);
    QFETCH(QString, expected);
    QCOMPARE(MetainfoCatalog::normalizeUrl(url), expected);
}

QTEST_GUILESS_MAIN(NatMapCatalogTest)
#include "test_nat_map_catalog.moc"
