// The BEP 10 extended handshake: what we send decodes to what we meant, foreign keys are
// ignored, and wrong types, ranges or sizes are refused with a reason naming the key.

#include "peer/ExtensionHandshake.h"

#include <QTest>

using namespace opendo::peer;

class ExtensionHandshakeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void emptyRoundTrip();
    void foreignHandshake();
    void portZeroMeansNotListening();
    void malformed_data();
    void malformed();
};

void ExtensionHandshakeTest::roundTrip()
{
    ExtensionHandshake h;
    h.messages[kSwarmKeyExtensionName] = 7;
    h.messages["ut_metadata"] = 2;
    h.messages["ut_pex"] = 0; // disabled, but still listed
    h.client = QString::fromUtf8("OpenDO 0.1 \xc3\xa4");
    h.listenPort = 7680;
    h.requestQueue = 250;
    h.metadataSize = 31337;

    const QByteArray encoded = encodeExtensionHandshake(h);
    QVERIFY(encoded.startsWith("d1:md"));
    const ExtensionHandshakeResult decoded = decodeExtensionHandshake(encoded);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(decoded.value, h);
    QCOMPARE(decoded.value.idOf(kSwarmKeyExtensionName), std::optional<quint8>(7));
    QCOMPARE(decoded.value.idOf("ut_pex"), std::nullopt);
    QCOMPARE(decoded.value.idOf("lt_donthave"), std::nullopt);
    QCOMPARE(encodeExtensionHandshake(decoded.value), encoded);
}

void ExtensionHandshakeTest::emptyRoundTrip()
{
    const QByteArray encoded = encodeExtensionHandshake({});
    QCOMPARE(encoded, QByteArray("d1:mdee"));
    const ExtensionHandshakeResult decoded = decodeExtensionHandshake(encoded);
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.value, ExtensionHandshake());
    // A peer that lists no extensions at all is accepted as offering none.
    QVERIFY(decodeExtensionHandshake("de").ok);
}

void ExtensionHandshakeTest::foreignHandshake()
{
    // The shape libtorrent-style clients send, with keys we do not use.
    static const char raw[] = "d12:complete_agoi-1e1:md11:lt_donthavei7e11:ut_metadatai2e"
                              "6:ut_pexi1ee13:metadata_sizei4096e1:pi6881e4:reqqi500e"
                              "1:v17:libtorrent 2.0.8 6:yourip4:\x7f\x00\x00\x01"
                              "e";
    const QByteArray payload(raw, sizeof(raw) - 1); // the address holds NUL bytes
    const ExtensionHandshakeResult decoded = decodeExtensionHandshake(payload);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(decoded.value.messages.size(), size_t(3));
    QCOMPARE(decoded.value.idOf("ut_metadata"), std::optional<quint8>(2));
    QCOMPARE(decoded.value.client, "libtorrent 2.0.8 ");
    QCOMPARE(decoded.value.listenPort, std::optional<quint16>(6881));
    QCOMPARE(decoded.value.requestQueue, std::optional<quint32>(500));
    QCOMPARE(decoded.value.metadataSize, std::optional<qint64>(4096));
    QCOMPARE(decoded.value.idOf(kSwarmKeyExtensionName), std::nullopt);
}

void ExtensionHandshakeTest::portZeroMeansNotListening()
{
    // Clients that do not accept connections may send "p": 0; that is not a protocol error.
    const auto decoded = decodeExtensionHandshake(QByteArray("d1:pi0ee"));
    QVERIFY(decoded.ok);
    QVERIFY(!decoded.value.listenPort.has_value());
}

void ExtensionHandshakeTest::malformed_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("mention");

    QTest::addRow("empty") << QByteArray() << "end of data";
    QTest::addRow("not bencode") << QByteArray("hello") << "Invalid bencode";
    QTest::addRow("non-canonical key order") << QByteArray("d1:pi1e1:mdee") << "Invalid bencode";
    QTest::addRow("trailing bytes") << QByteArray("d1:mdeex") << "unexpected byte";
    QTest::addRow("list") << QByteArray("le") << "not a dictionary";
    QTest::addRow("m is a list") << QByteArray("d1:mlee") << "\"m\" is not a dictionary";
    QTest::addRow("m value string")
        << QByteArray("d1:md6:ut_pex1:1ee") << "\"m\" entry \"ut_pex\" is not an integer";
    QTest::addRow("m value 256") << QByteArray("d1:md6:ut_pexi256eee")
                                 << "\"m\" entry \"ut_pex\" is 256; it must be 0 to 255";
    QTest::addRow("m value negative") << QByteArray("d1:md6:ut_pexi-1eee") << "is -1";
    QTest::addRow("m duplicate id")
        << QByteArray("d1:md1:ai3e1:bi3eee") << "gives id 3 to both \"a\" and \"b\"";
    QTest::addRow("v not UTF-8") << QByteArray("d1:v1:\xff"
                                               "e")
                                 << "\"v\" is not UTF-8";
    QTest::addRow("v not a string") << QByteArray("d1:vi1ee") << "\"v\" is not a string";
    QTest::addRow("p string") << QByteArray("d1:p4:6881e") << "\"p\" is not an integer";
    QTest::addRow("p 65536") << QByteArray("d1:pi65536ee") << "\"p\" is 65536";
    QTest::addRow("reqq 0") << QByteArray("d4:reqqi0ee") << "\"reqq\" is 0";
    QTest::addRow("metadata_size negative")
        << QByteArray("d13:metadata_sizei-5ee") << "\"metadata_size\" is -5";
    QTest::addRow("too big") << "d1:v70000:" + QByteArray(70000, 'a') + "e"
                             << "exceed the 65536-byte limit";
}

void ExtensionHandshakeTest::malformed()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, mention);
    const ExtensionHandshakeResult decoded = decodeExtensionHandshake(payload);
    QVERIFY(!decoded.ok);
    QVERIFY2(decoded.error.contains(mention),
             qPrintable(decoded.error + " / expected: " + mention));
    QVERIFY(decoded.error.startsWith("Invalid extension handshake"));
}

QTEST_GUILESS_MAIN(ExtensionHandshakeTest)
#include "test_extension_handshake.moc"
