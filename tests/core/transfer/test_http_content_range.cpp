// The Content-Range parser behind the HTTP source's check that a 206 holds the bytes asked for.

#include "transfer/HttpContentRange.h"

#include <QTest>

using namespace opendo::transfer;

class HttpContentRangeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
};

void HttpContentRangeTest::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::addColumn<qint64>("total");

    QTest::newRow("plain") << QByteArray("bytes 0-99/1000") << true << 0LL << 99LL << 1000LL;
    QTest::newRow("last byte") << QByteArray("bytes 999-999/1000") << true << 999LL << 999LL
                               << 1000LL;
    QTest::newRow("unknown total") << QByteArray("bytes 5-9/*") << true << 5LL << 9LL << -1LL;
    QTest::newRow("unit case, spaces") << QByteArray("  Bytes 1-2/3 ") << true << 1LL << 2LL << 3LL;
    QTest::newRow("large") << QByteArray("bytes 4294967296-8589934591/8589934592") << true
                           << 4294967296LL << 8589934591LL << 8589934592LL;
    QTest::newRow("unsatisfied") << QByteArray("bytes */1000") << false << 0LL << 0LL << 0LL;
    QTest::newRow("end before start") << QByteArray("bytes 9-5/10") << false << 0LL << 0LL << 0LL;
    QTest::newRow("end beyond total") << QByteArray("bytes 0-10/10") << false << 0LL << 0LL << 0LL;
    QTest::newRow("negative") << QByteArray("bytes -1-5/10") << false << 0LL << 0LL << 0LL;
    QTest::newRow("other unit") << QByteArray("items 0-1/2") << false << 0LL << 0LL << 0LL;
    QTest::newRow("garbage") << QByteArray("bytes a-b/c") << false << 0LL << 0LL << 0LL;
    QTest::newRow("empty") << QByteArray() << false << 0LL << 0LL << 0LL;
    QTest::newRow("missing total") << QByteArray("bytes 0-1") << false << 0LL << 0LL << 0LL;
}

void HttpContentRangeTest::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);
    const auto range = parseContentRange(header);
    QCOMPARE(range.has_value(), valid);
    if (!valid)
        return;
    QTEST(range->first, "first");
    QTEST(range->last, "last");
    QTEST(range->total, "total");
}

QTEST_GUILESS_MAIN(HttpContentRangeTest)
#include "test_http_content_range.moc"
