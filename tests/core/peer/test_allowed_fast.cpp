// BEP 6 allowed fast, end to end: the canonical set generation against the BEP's published
// vectors, and a real PeerHub/Swarm over loopback TCP against a hand-driven peer — we announce
// the peer's set of the pieces we have and serve those while choking it; a peer that chokes us
// but allows pieces fast gets exactly those requested, and they are verified as usual.

#include "core/peer/HubFixture.h"
#include "core/peer/PeerWireHarness.h"
#include "peer/AllowedFastSet.h"
#include "transfer/PiecePicker.h"
#include "transfer/PieceSink.h"
#include "transfer/Swarm.h"

using namespace opendo;
using namespace opendo::peer;
using namespace opendo::test::peerwire;

namespace {

const QHostAddress kRawAddress{QStringLiteral("127.0.0.7")};

QList<quint32> sorted(QList<quint32> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

// Our verification path, minus the disk: what DownloadJob does with a piece from a peer.
class VerifyingSink : public transfer::PieceSink
{
public:
    VerifyingSink(const content::Metainfo& metainfo, transfer::Swarm& swarm)
        : m_metainfo(metainfo), m_swarm(swarm), m_picker(metainfo.pieceCount())
    {}
    ~VerifyingSink() override { m_swarm.detach(this); } // the swarm outlives the sink
    transfer::PiecePicker& picker() override { return m_picker; }
    bool acceptsMorePieces() const override { return true; }
    void peersChanged() override {}
    void pieceFromPeer(int piece, QByteArray data, int sourceKey, transfer::SourceClass) override
    {
        m_picker.setReceived(piece);
        // Answered from the event loop, as the committer's worker would.
        QMetaObject::invokeMethod(
            &m_swarm,
            [this, piece, data, sourceKey] {
                if (m_metainfo.verifyPiece(piece, data)) {
                    m_picker.setPresent(piece);
                    verified << quint32(piece);
                    m_swarm.pieceStored({piece});
                } else {
                    m_picker.clearReceived(piece);
                    m_picker.release(piece, sourceKey);
                    ++failed;
                    m_swarm.pieceRejected(piece, sourceKey);
                }
            },
            Qt::QueuedConnection);
    }

    QList<quint32> verified;
    int failed = 0;

private:
    const content::Metainfo& m_metainfo;
    transfer::Swarm& m_swarm;
    transfer::PiecePicker m_picker;
};

} // namespace

class AllowedFastTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bepVectors();
    void generationEdges();
    void weServeOurAllowedFastSetWhileChoking();
    void weFetchAllowedFastPiecesWhileChoked();
    void allowedFastPastTheLastPieceIsAViolation();
};

void AllowedFastTest::bepVectors()
{
    // BEP 6, "Example results": 1313 pieces, info hash 20 × 0xAA, peer 80.4.4.200.
    const QByteArray infoHash(20, '\xAA');
    const quint32 ip = QHostAddress(QStringLiteral("80.4.4.200")).toIPv4Address();
    QCOMPARE(allowedFastSet(ip, infoHash, 1313, 7),
             (QList<quint32>{1059, 431, 808, 1217, 287, 376, 1188}));
    QCOMPARE(allowedFastSet(ip, infoHash, 1313, 9),
             (QList<quint32>{1059, 431, 808, 1217, 287, 376, 1188, 353, 508}));
}

void AllowedFastTest::generationEdges()
{
    const QByteArray infoHash(20, '\xAA');
    const QList<quint32> base = allowedFastSetFor(QHostAddress(QStringLiteral("80.4.4.200")),
                                                  infoHash, 1313, kAllowedFastSetSize);
    QCOMPARE(base.size(), kAllowedFastSetSize);
    // Same /24, same set; another /24 or other content, another set.
    QCOMPARE(allowedFastSetFor(QHostAddress(QStringLiteral("80.4.4.1")), infoHash, 1313), base);
    QCOMPARE(allowedFastSetFor(QHostAddress(QStringLiteral("::ffff:80.4.4.9")), infoHash, 1313),
             base);
    QVERIFY(allowedFastSetFor(QHostAddress(QStringLiteral("80.4.5.200")), infoHash, 1313) != base);
    QVERIFY(allowedFastSetFor(QHostAddress(QStringLiteral("80.4.4.200")), QByteArray(20, 'b'),
                              1313) != base);
    // No IPv6 form exists: no set.
    QVERIFY(
        allowedFastSetFor(QHostAddress(QStringLiteral("2001:db8::1")), infoHash, 1313).isEmpty());
    // k is capped at the piece count (else generation could never finish).
    QCOMPARE(sorted(allowedFastSetFor(QHostAddress(QStringLiteral("10.0.0.1")), infoHash, 3)),
             (QList<quint32>{0, 1, 2}));
    QVERIFY(allowedFastSetFor(QHostAddress(QStringLiteral("10.0.0.1")), infoHash, 0).isEmpty());
}

void AllowedFastTest::weServeOurAllowedFastSetWhileChoking()
{
    // We have every piece except two of the peer's set: those are announced only once verified.
    // Which two depends on the info hash, known once the content exists; the content is seeded,
    // so a second fixture has the same one.
    QByteArray infoHash;
    {
        HubFixture probe;
        const QString error = probe.open(QBitArray(kHubPieces, true), {});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        infoHash = probe.swarm->infoHash();
    }
    const QList<quint32> peerSet = allowedFastSetFor(kRawAddress, infoHash, kHubPieces);
    QCOMPARE(peerSet.size(), kAllowedFastSetSize);
    const quint32 lateA = peerSet.at(0);
    const quint32 lateB = peerSet.at(1);
    QBitArray have(kHubPieces, true);
    have.clearBit(lateA);
    have.clearBit(lateB);
    HubFixture g;
    const QString error = g.open(have, {});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(g.swarm->infoHash(), infoHash);
    quint32 other = 0; // a piece we have that is not in the peer's set
    while (peerSet.contains(other))
        ++other;

    QTcpSocket socket;
    QVERIFY(socket.bind(kRawAddress));
    socket.connectToHost(QHostAddress::LocalHost, g.hub->listenPort());
    QVERIFY(socket.waitForConnected(kWait));
    RawPeer raw(&socket, kHubPieces);
    raw.send(
        encodeHandshake(Handshake::make(g.swarm->infoHash(), "-XX0001-rawrawrawraw", true, false)));
    raw.send(frame(0x0F)); // have none; never interested, so never unchoked

    // Our availability, then AllowedFast for exactly the pieces of its set we have.
    QList<quint32> expected;
    for (quint32 p : peerSet) {
        if (p != lateA && p != lateB)
            expected << p;
    }
    const auto announced = [&] {
        raw.take();
        return sorted(raw.indexesOf(MessageType::AllowedFast));
    };
    QTRY_COMPARE_WITH_TIMEOUT(announced(), sorted(expected), kWait);
    QCOMPARE(raw.handshakes().size(), 1);
    QVERIFY(raw.indexesOf(MessageType::AllowedFast).size() == expected.size()); // once each
    for (const PeerMessage& m : raw.messages())
        QVERIFY(m.type != MessageType::Unchoke);

    // Choked: an allowed piece is served (through the uploader, with the real bytes) ...
    const quint32 allowed = expected.at(0);
    const auto sizeOf = [&](quint32 p) { return quint32(g.swarm->geometry().pieceSize(p)); };
    raw.send(frame(6, blockRef(allowed, 0, sizeOf(allowed))));
    // ... anything else we have is rejected.
    raw.send(frame(6, blockRef(other, 0, sizeOf(other))));
    auto answered = [&] {
        raw.take();
        int n = 0;
        for (const PeerMessage& m : raw.messages())
            n += m.type == MessageType::Piece || m.type == MessageType::RejectRequest;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(answered(), 2, kWait);
    QList<PeerMessage> pieces, rejects;
    for (const PeerMessage& m : raw.messages()) {
        if (m.type == MessageType::Piece)
            pieces << m;
        if (m.type == MessageType::RejectRequest)
            rejects << m;
    }
    QCOMPARE(pieces.size(), 1);
    QCOMPARE(pieces.at(0).index, allowed);
    QCOMPARE(pieces.at(0).payload, g.pieceBytes(allowed));
    QCOMPARE(rejects.size(), 1);
    QCOMPARE(rejects.at(0).index, other);

    // Verifying one of the missing set pieces later announces it: have, then allowed fast.
    g.swarm->pieceStored({int(lateA)});
    QTRY_VERIFY_WITH_TIMEOUT(announced().contains(lateA), kWait);
    QVERIFY(raw.indexesOf(MessageType::Have).contains(lateA));
    QVERIFY(!raw.indexesOf(MessageType::AllowedFast).contains(lateB));
    QVERIFY(!raw.decoderFailed());
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void AllowedFastTest::weFetchAllowedFastPiecesWhileChoked()
{
    HubFixture f;
    QTemporaryDir target;
    QString error = f.open(QBitArray(kHubPieces), target.filePath(QStringLiteral("content")));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    VerifyingSink sink(*f.metainfo, *f.swarm);
    f.swarm->attach(&sink);

    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    f.hub->setStaticPeers({{QHostAddress::LocalHost, server.serverPort()}});
    QVERIFY(QTest::qWaitFor([&] { return server.hasPendingConnections(); }, kWait));
    QTcpSocket* socket = server.nextPendingConnection();
    RawPeer raw(socket, kHubPieces);
    const auto handshakes = [&] {
        raw.take();
        return int(raw.handshakes().size());
    };
    QTRY_COMPARE_WITH_TIMEOUT(handshakes(), 1, kWait);
    raw.send(
        encodeHandshake(Handshake::make(f.swarm->infoHash(), "-XX0001-rawrawrawraw", true, false)));
    // A seed that keeps choking us but lets us have three pieces.
    const QList<quint32> allowed{2, 5, 31};
    QByteArray burst = frame(0x0E); // have all
    for (quint32 p : allowed)
        burst += frame(0x11, u32(p));
    raw.send(burst);

    // Serve whatever is asked, with the true bytes; the sink verifies every piece.
    QList<BlockRequest> requests;
    auto serve = [&] {
        for (const PeerMessage& m : raw.take()) {
            if (m.type != MessageType::Request)
                continue;
            requests << BlockRequest{m.index, m.begin, m.length};
            raw.send(
                frame(7, u32(m.index) + u32(m.begin) +
                             f.fileBytes.mid(qint64(m.index) * kHubPiece + m.begin, m.length)));
        }
        return sorted(sink.verified);
    };
    QTRY_COMPARE_WITH_TIMEOUT(serve(), allowed, kWait);
    QCOMPARE(sink.failed, 0);
    // Exactly the allowed pieces, each block once.
    QList<quint32> requested;
    for (const BlockRequest& b : std::as_const(requests)) {
        QVERIFY2(allowed.contains(b.index), qPrintable(QString::number(b.index)));
        requested << b.index;
    }
    QCOMPARE(sorted(requested), allowed);
    QCOMPARE(f.swarm->have().count(true), qsizetype(allowed.size()));
    QVERIFY(raw.indexesOf(MessageType::Interested).size() == 1);
    QVERIFY(!raw.decoderFailed());
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
}

void AllowedFastTest::allowedFastPastTheLastPieceIsAViolation()
{
    ToRaw t;
    QVERIFY(t.openReady(true, false));
    QSignalSpy allowedFast(t.connection.data(), &PeerConnection::allowedFastReceived);
    t.raw->send(frame(0x0F) + frame(0x11, u32(kPieces - 1)) + frame(0x11, u32(kPieces)));
    QTRY_COMPARE_WITH_TIMEOUT(t.closed->size(), 1, kWait);
    QVERIFY(t.closedAsViolation());
    QVERIFY2(t.closeReason().contains(QStringLiteral("names piece 10")),
             qPrintable(t.closeReason()));
    QCOMPARE(allowedFast.size(), 1); // the valid one before it counted
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->socket()->state(), QAbstractSocket::UnconnectedState, kWait);
}

QTEST_GUILESS_MAIN(AllowedFastTest)
#include "test_allowed_fast.moc"
