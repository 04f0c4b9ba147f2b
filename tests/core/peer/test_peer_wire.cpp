// The peer wire codec: every message survives encode → decode in any chunking, the handshake
// carries the BEP 6/BEP 10 bits, and hostile input fails the decoder with a reason that names the
// problem — never a crash, never a message outside the limits.

#include "peer/Handshake.h"
#include "peer/PeerClientName.h"
#include "peer/PeerMessage.h"
#include "peer/PeerWireDecoder.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace opendo::peer;

Q_DECLARE_METATYPE(opendo::peer::PeerMessage)

namespace {

constexpr quint32 kPieces = 100; // 13 bitfield bytes, 4 spare bits

QByteArray u32(quint32 v)
{
    QByteArray out(4, '\0');
    qToBigEndian(v, out.data());
    return out;
}

// A raw frame, so that malformed cases are written byte by byte rather than through the encoder.
QByteArray frame(quint8 id, const QByteArray& payload)
{
    return u32(quint32(payload.size() + 1)) + char(id) + payload;
}

QByteArray randomBytes(QRandomGenerator& rng, qsizetype size)
{
    QByteArray out(size, '\0');
    for (char& c : out)
        c = char(rng.bounded(256));
    return out;
}

PeerWireLimits limits(bool expectHandshake = false)
{
    PeerWireLimits l;
    l.pieceCount = kPieces;
    l.expectHandshake = expectHandshake;
    return l;
}

Handshake sampleHandshake()
{
    return Handshake::make(QByteArray(20, '\x11'), QByteArray("-OD0001-abcdefghijkl"), true, true);
}

// Feeds the stream in chunks of the sizes chunkSize() returns and collects everything.
struct Decoded
{
    int handshakes = 0;
    QList<PeerMessage> messages;
    PeerWireDecoder::Status last = PeerWireDecoder::Status::NeedMore;
};

template <typename ChunkSize>
Decoded decodeInChunks(PeerWireDecoder& decoder, const QByteArray& stream, ChunkSize chunkSize)
{
    Decoded out;
    qsizetype pos = 0;
    while (pos < stream.size() && out.last != PeerWireDecoder::Status::Failed) {
        const qsizetype n = qMin(chunkSize(), stream.size() - pos);
        decoder.feed(QByteArrayView(stream).sliced(pos, n));
        pos += n;
        for (;;) {
            PeerMessage m;
            out.last = decoder.next(m);
            if (out.last == PeerWireDecoder::Status::Handshake)
                ++out.handshakes;
            else if (out.last == PeerWireDecoder::Status::Message)
                out.messages.append(m);
            else
                break;
        }
    }
    return out;
}

// What the decoder promises about every message it yields, checked independently.
bool withinLimits(const PeerMessage& m, QString* why)
{
    auto bad = [&](const QString& w) {
        *why = w;
        return false;
    };
    switch (m.type) {
    case MessageType::Have:
    case MessageType::Suggest:
    case MessageType::AllowedFast:
        return m.index < kPieces || bad("index");
    case MessageType::Request:
    case MessageType::Cancel:
    case MessageType::RejectRequest:
        if (m.index >= kPieces)
            return bad("index");
        return (m.length >= 1 && m.length <= kMaxBlockLength) || bad("block length");
    case MessageType::Piece:
        if (m.index >= kPieces)
            return bad("index");
        return (!m.payload.isEmpty() && m.payload.size() <= qsizetype(kMaxBlockLength)) ||
               bad("block size");
    case MessageType::Bitfield:
        if (m.payload.size() != (kPieces + 7) / 8)
            return bad("bitfield size");
        return (quint8(m.payload.back()) & 0x0F) == 0 || bad("spare bits");
    case MessageType::Extended:
        return m.payload.size() < 1024 * 1024 || bad("extended size");
    default:
        return true;
    }
}

} // namespace

class PeerWireTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void fullStreamInAnyChunking();
    void handshakeReservedBits();
    void clientNames_data();
    void clientNames();
    void malformed_data();
    void malformed();
    void truncatedInputNeedsMore();
    void fastMessagesNeedNegotiation();
    void randomInputNeverViolatesLimits();
};

void PeerWireTest::roundTrip_data()
{
    QTest::addColumn<PeerMessage>("message");
    QTest::addColumn<int>("frameSize");

    QRandomGenerator rng(7);
    QByteArray bits = randomBytes(rng, 13);
    bits[12] = char(bits[12] & 0xF0);

    QTest::addRow("keep-alive") << PeerMessage::keepAlive() << 4;
    QTest::addRow("choke") << PeerMessage::simple(MessageType::Choke) << 5;
    QTest::addRow("unchoke") << PeerMessage::simple(MessageType::Unchoke) << 5;
    QTest::addRow("interested") << PeerMessage::simple(MessageType::Interested) << 5;
    QTest::addRow("not interested") << PeerMessage::simple(MessageType::NotInterested) << 5;
    QTest::addRow("have") << PeerMessage::have(kPieces - 1) << 9;
    QTest::addRow("bitfield") << PeerMessage::bitfield(bits) << 5 + 13;
    QTest::addRow("request") << PeerMessage::request(3, 16384, 16384) << 17;
    QTest::addRow("piece, full block")
        << PeerMessage::piece(kPieces - 1, 32768, randomBytes(rng, 16384)) << 13 + 16384;
    QTest::addRow("piece, one byte") << PeerMessage::piece(0, 5, QByteArray("x")) << 14;
    QTest::addRow("cancel") << PeerMessage::cancel(4, 0, 1) << 17;
    QTest::addRow("port") << PeerMessage::portMessage(7680) << 7;
    QTest::addRow("suggest") << PeerMessage::suggest(5) << 9;
    QTest::addRow("have all") << PeerMessage::simple(MessageType::HaveAll) << 5;
    QTest::addRow("have none") << PeerMessage::simple(MessageType::HaveNone) << 5;
    QTest::addRow("reject request") << PeerMessage::rejectRequest(6, 16384, 100) << 17;
    QTest::addRow("allowed fast") << PeerMessage::allowedFast(7) << 9;
    QTest::addRow("extended handshake")
        << PeerMessage::extended(0, "d1:md16:opendo_swarm_keyi3eee") << 6 + 29;
    QTest::addRow("extended, binary") << PeerMessage::extended(3, randomBytes(rng, 500)) << 506;
}

void PeerWireTest::roundTrip()
{
    QFETCH(PeerMessage, message);
    QFETCH(int, frameSize);

    const QByteArray encoded = encodeMessage(message);
    QCOMPARE(encoded.size(), frameSize);
    QCOMPARE(qFromBigEndian<quint32>(encoded.constData()), quint32(frameSize - 4));

    PeerWireDecoder byteByByte(limits());
    const Decoded one = decodeInChunks(byteByByte, encoded, [] { return qsizetype(1); });
    QVERIFY2(!byteByByte.failed(), qPrintable(byteByByte.error()));
    QCOMPARE(one.messages.size(), 1);
    QCOMPARE(one.messages.first(), message);
    QCOMPARE(byteByByte.bufferedBytes(), 0);

    PeerWireDecoder whole(limits());
    const Decoded all = decodeInChunks(whole, encoded, [&] { return encoded.size(); });
    QCOMPARE(all.messages.size(), 1);
    QCOMPARE(all.messages.first(), message);
}

void PeerWireTest::fullStreamInAnyChunking()
{
    QRandomGenerator rng(42);
    QByteArray bits(13, '\0');
    bits[0] = char(0x80);
    // Availability first (BEP 3/6), then everything else, twice to cross many chunk borders.
    QList<PeerMessage> expected{PeerMessage::extended(0, "d1:md16:opendo_swarm_keyi3eee"),
                                PeerMessage::bitfield(bits), PeerMessage::portMessage(7680)};
    for (int round = 0; round < 2; ++round) {
        expected << PeerMessage::simple(MessageType::Unchoke) << PeerMessage::keepAlive()
                 << PeerMessage::have(1) << PeerMessage::request(1, 0, 16384)
                 << PeerMessage::piece(1, 0, randomBytes(rng, 16384))
                 << PeerMessage::cancel(1, 16384, 16384) << PeerMessage::suggest(2)
                 << PeerMessage::rejectRequest(2, 0, 16384) << PeerMessage::allowedFast(9)
                 << PeerMessage::simple(MessageType::Choke)
                 << PeerMessage::simple(MessageType::Interested)
                 << PeerMessage::simple(MessageType::NotInterested)
                 << PeerMessage::extended(3, randomBytes(rng, 40));
    }
    QByteArray stream = encodeHandshake(sampleHandshake());
    for (const PeerMessage& m : expected)
        stream += encodeMessage(m);

    for (int trial = 0; trial < 50; ++trial) {
        PeerWireDecoder decoder(limits(true));
        const int maxChunk = trial == 0 ? 1 : 1 + int(rng.bounded(trial * 200));
        const Decoded got =
            decodeInChunks(decoder, stream, [&] { return qsizetype(1 + rng.bounded(maxChunk)); });
        QVERIFY2(!decoder.failed(), qPrintable(decoder.error()));
        QCOMPARE(got.handshakes, 1);
        QCOMPARE(decoder.handshake(), sampleHandshake());
        QCOMPARE(got.messages, expected);
        QCOMPARE(got.last, PeerWireDecoder::Status::NeedMore);
    }
}

void PeerWireTest::handshakeReservedBits()
{
    for (const bool fast : {false, true}) {
        for (const bool ext : {false, true}) {
            const Handshake h =
                Handshake::make(QByteArray(20, 'i'), QByteArray(20, 'p'), fast, ext);
            const QByteArray bytes = encodeHandshake(h);
            QCOMPARE(bytes.size(), kHandshakeLength);
            QCOMPARE(bytes.at(0), char(19));
            QCOMPARE(bytes.mid(1, 19), QByteArray("BitTorrent protocol"));
            QCOMPARE(bytes.at(1 + 19 + 7), fast ? char(0x04) : char(0));
            QCOMPARE(bytes.at(1 + 19 + 5), ext ? char(0x10) : char(0));
            QString error;
            const std::optional<Handshake> parsed = parseHandshake(bytes, &error);
            QVERIFY2(parsed, qPrintable(error));
            QCOMPARE(*parsed, h);
            QCOMPARE(parsed->supportsFastExtension(), fast);
            QCOMPARE(parsed->supportsExtensionProtocol(), ext);
        }
    }
    // Other reserved bits (e.g. BEP 5's DHT bit) are kept but do not change our flags.
    QByteArray dht =
        encodeHandshake(Handshake::make(QByteArray(20, 'i'), QByteArray(20, 'p'), false, false));
    dht[1 + 19 + 7] = char(0x01);
    const std::optional<Handshake> parsed = parseHandshake(dht, nullptr);
    QVERIFY(parsed);
    QVERIFY(!parsed->supportsFastExtension());
    QCOMPARE(parsed->reserved.at(7), char(0x01));
    QVERIFY(!parseHandshake(dht.left(67), nullptr));
}

void PeerWireTest::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("expectHandshake");
    QTest::addColumn<QString>("mention");

    const QByteArray hs = encodeHandshake(sampleHandshake());
    QByteArray badPstrlen = hs;
    badPstrlen[0] = char(18);
    QByteArray badPstr = hs;
    badPstr[5] = 'x';
    QByteArray spare(13, '\0');
    spare[12] = char(0x01);

    QTest::addRow("pstrlen") << badPstrlen.left(1) << true << "length is 18";
    QTest::addRow("pstr") << badPstr.left(6) << true << "not \"BitTorrent protocol\"";
    QTest::addRow("http instead of handshake")
        << QByteArray("GET / HTTP/1.1\r\n") << true << "length is 71";
    QTest::addRow("piece 70000 bytes")
        << u32(70000) + char(7) << false << "message 7 (piece) of 70000 bytes exceeds the 16393";
    QTest::addRow("piece block 16385") << frame(7, u32(0) + u32(0) + QByteArray(16385, 'b'))
                                       << false << "of 16394 bytes exceeds the 16393-byte limit";
    QTest::addRow("piece empty block")
        << frame(7, u32(0) + u32(0)) << false << "(piece) has length 9; it must be at least 10";
    QTest::addRow("extended 2 MiB") << u32(2 * 1024 * 1024) + char(20) << false
                                    << "message 20 (extended) of 2097152 bytes exceeds";
    QTest::addRow("extended without id") << frame(20, {}) << false << "at least 2";
    QTest::addRow("huge length, unknown id")
        << u32(0xFFFFFFFF) + char(99) << false << "unknown message id 99";
    QTest::addRow("unknown id 21 over 1 MiB")
        << u32(1024 * 1024 + 1) + char(21) << false << "unknown message id 21 (1048577 bytes)";
    QTest::addRow("request length 0")
        << frame(6, u32(0) + u32(0) + u32(0)) << false << "block of 0 bytes; it must be 1 to 16384";
    QTest::addRow("request length 16385") << frame(6, u32(0) + u32(0) + u32(16385)) << false
                                          << "(request) asks for a block of 16385 bytes";
    QTest::addRow("cancel length 16385")
        << frame(8, u32(0) + u32(0) + u32(16385)) << false << "(cancel) asks for a block of 16385";
    QTest::addRow("reject length 0") << frame(0x10, u32(0) + u32(0) + u32(0)) << false
                                     << "(reject request) asks for a block of 0";
    QTest::addRow("have index = pieceCount")
        << frame(4, u32(kPieces)) << false << "(have) names piece 100, but there are only 100";
    QTest::addRow("request index") << frame(6, u32(0xFFFFFFFF) + u32(0) + u32(1)) << false
                                   << "(request) names piece 4294967295";
    QTest::addRow("piece index") << frame(7, u32(100) + u32(0) + "x") << false
                                 << "(piece) names piece 100";
    QTest::addRow("suggest index")
        << frame(0x0D, u32(1000)) << false << "(suggest piece) names piece 1000";
    QTest::addRow("allowed fast index")
        << frame(0x11, u32(100)) << false << "(allowed fast) names piece 100";
    QTest::addRow("bitfield too short") << frame(5, QByteArray(12, '\0')) << false
                                        << "message 5 (bitfield) has length 13; it must be 14";
    QTest::addRow("bitfield too long")
        << frame(5, QByteArray(14, '\0')) << false << "(bitfield) has length 15; it must be 14";
    QTest::addRow("bitfield spare bits") << frame(5, spare) << false << "spare bits";
    QTest::addRow("have with 3-byte payload")
        << frame(4, "abc") << false << "message 4 (have) has length 4; it must be 5";
    QTest::addRow("choke with payload") << frame(0, "a") << false << "(choke) has length 2";
    QTest::addRow("request 11-byte body")
        << frame(6, QByteArray(11, '\0')) << false << "(request) has length 12; it must be 13";
    QTest::addRow("port 1 byte") << frame(9, "a") << false << "(port) has length 2; it must be 3";
    QTest::addRow("bitfield after have") << frame(4, u32(1)) + frame(5, QByteArray(13, '\0'))
                                         << false << "(bitfield) may only come first";
    QTest::addRow("second have all")
        << frame(0x0E, {}) + frame(0x0E, {}) << false << "(have all) may only come first";
    QTest::addRow("after the handshake") << hs + frame(4, "ab") << true << "(have) has length 3";
}

void PeerWireTest::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, expectHandshake);
    QFETCH(QString, mention);

    for (const qsizetype chunk : {qsizetype(1), input.size()}) {
        PeerWireDecoder decoder(limits(expectHandshake));
        const Decoded got = decodeInChunks(decoder, input, [&] { return chunk; });
        QCOMPARE(got.last, PeerWireDecoder::Status::Failed);
        QVERIFY(decoder.failed());
        QVERIFY2(decoder.error().contains(mention),
                 qPrintable(decoder.error() + " / expected: " + mention));
        // Failed for good: more (valid) input changes nothing and is not even buffered.
        decoder.feed(encodeMessage(PeerMessage::keepAlive()));
        PeerMessage m;
        QCOMPARE(decoder.next(m), PeerWireDecoder::Status::Failed);
        QCOMPARE(decoder.bufferedBytes(), 0);
    }
}

void PeerWireTest::truncatedInputNeedsMore()
{
    QByteArray stream = encodeHandshake(sampleHandshake()) +
                        encodeMessage(PeerMessage::piece(1, 0, QByteArray(16384, 'z')));
    for (qsizetype cut = 0; cut < stream.size(); cut += (cut < 80 ? 1 : 997)) {
        PeerWireDecoder decoder(limits(true));
        decoder.feed(QByteArrayView(stream).first(cut));
        PeerMessage m;
        PeerWireDecoder::Status status = decoder.next(m);
        if (status == PeerWireDecoder::Status::Handshake)
            status = decoder.next(m);
        QCOMPARE(status, PeerWireDecoder::Status::NeedMore);
        QVERIFY(!decoder.failed());
        QVERIFY(decoder.error().isEmpty());
    }
}

void PeerWireTest::fastMessagesNeedNegotiation()
{
    PeerWireDecoder decoder(limits());
    decoder.setNegotiatedExtensions(false, true);
    decoder.feed(encodeMessage(PeerMessage::simple(MessageType::HaveAll)));
    PeerMessage m;
    QCOMPARE(decoder.next(m), PeerWireDecoder::Status::Failed);
    QVERIFY2(decoder.error().contains("Fast extension"), qPrintable(decoder.error()));

    PeerWireDecoder noExt(limits());
    noExt.setNegotiatedExtensions(true, false);
    noExt.feed(encodeMessage(PeerMessage::extended(0, "de")));
    QCOMPARE(noExt.next(m), PeerWireDecoder::Status::Failed);
    QVERIFY2(noExt.error().contains("extension protocol"), qPrintable(noExt.error()));
}

void PeerWireTest::randomInputNeverViolatesLimits()
{
    QRandomGenerator rng(20240611);
    QByteArray valid = encodeHandshake(sampleHandshake());
    valid += encodeMessage(PeerMessage::bitfield(QByteArray(13, '\0')));
    valid += encodeMessage(PeerMessage::request(1, 0, 16384));
    valid += encodeMessage(PeerMessage::piece(2, 0, randomBytes(rng, 2000)));
    valid += encodeMessage(PeerMessage::extended(1, randomBytes(rng, 30)));
    valid += encodeMessage(PeerMessage::rejectRequest(3, 0, 5));

    for (int i = 0; i < 2000; ++i) {
        QByteArray input;
        const bool withHandshake = (i % 4) != 0;
        if (i % 2 == 0) {
            input = randomBytes(rng, rng.bounded(300));
            if (withHandshake && (i % 8) == 2)
                input.prepend(encodeHandshake(sampleHandshake())); // random after a good start
        } else {
            input = valid;
            if (!withHandshake)
                input.remove(0, kHandshakeLength);
            const int mutations = 1 + int(rng.bounded(6));
            for (int k = 0; k < mutations && !input.isEmpty(); ++k) {
                const qsizetype at = rng.bounded(input.size());
                switch (rng.bounded(3)) {
                case 0:
                    input[at] = char(rng.bounded(256));
                    break;
                case 1:
                    input.remove(at, 1 + rng.bounded(8));
                    break;
                default:
                    input.insert(at, randomBytes(rng, 1 + rng.bounded(8)));
                    break;
                }
            }
        }
        PeerWireDecoder decoder(limits(withHandshake));
        const Decoded got =
            decodeInChunks(decoder, input, [&] { return qsizetype(1 + rng.bounded(64)); });
        QVERIFY(got.handshakes <= 1);
        QVERIFY(got.last != PeerWireDecoder::Status::Failed || !decoder.error().isEmpty());
        for (const PeerMessage& m : got.messages) {
            QString why;
            QVERIFY2(withinLimits(m, &why), qPrintable(QString("input %1: %2").arg(i).arg(why)));
        }
        QVERIFY(decoder.bufferedBytes() <= input.size());
    }
}

void PeerWireTest::clientNames_data()
{
    QTest::addColumn<QByteArray>("peerId");
    QTest::addColumn<QString>("name");
    QTest::newRow("libtorrent 2.0.10")
        << QByteArray("-LT20A0-abcdefghijkl") << "libtorrent 2.0.10.0";
    QTest::newRow("rTorrent, lower case")
        << QByteArray("-lt0D60-abcdefghijkl") << "rTorrent 0.13.6.0";
    QTest::newRow("ours") << QByteArray("-OD0100-abcdefghijkl") << "OpenDO 0.1.0.0";
    QTest::newRow("unknown code shown as is") << QByteArray("-ZZ1234-abcdefghijkl") << "ZZ 1.2.3.4";
    QTest::newRow("no dashes") << QByteArray("M7-2-0--abcdefghijkl") << QString();
    QTest::newRow("version not alphanumeric") << QByteArray("-LT2.00-abcdefghijkl") << QString();
    QTest::newRow("too short") << QByteArray("-LT20-") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

void PeerWireTest::clientNames()
{
    QFETCH(QByteArray, peerId);
    QFETCH(QString, name);
    QCOMPARE(clientNameFromPeerId(peerId), name);
}

QTEST_GUILESS_MAIN(PeerWireTest)
#include "test_peer_wire.moc"
