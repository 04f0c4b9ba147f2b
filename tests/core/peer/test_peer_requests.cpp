// PeerConnection over real TCP on 127.0.0.1: choke and interest, block requests both ways,
// cancels and rejects, and what a misbehaving peer sends (violations), driven through a raw
// socket where a well-behaved peer would never send it.

#include "core/peer/PeerWireHarness.h"

using namespace opendo::peer;
using namespace opendo::test::peerwire;

class PeerRequestsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chokeAndInterest();
    void requestServedExactly();
    void requestRefusals();
    void cancelRejectAndChokeWithFast();
    void lateAnswersToCancelledRequestsAreIgnored();
    void chokeWithoutFastDropsRequests();
    void peerRequestsWhileChoked_data();
    void peerRequestsWhileChoked();
    void allowedFastServedWhileChoking();
    void allowedFastRequestedWhileChoked();
    void unknownMessagesAreSkipped();
    void violations_data();
    void violations();
};

void PeerRequestsTest::chokeAndInterest()
{
    Pair p;
    QVERIFY(p.open());
    QSignalSpy interest(p.in.data(), &PeerConnection::peerInterestChanged);
    QSignalSpy choke(p.out.data(), &PeerConnection::peerChokeChanged);

    p.out->setInterested(true);
    p.out->setInterested(true); // no second message
    QVERIFY(p.out->amInterested());
    QTRY_COMPARE_WITH_TIMEOUT(interest.size(), 1, kWait);
    QCOMPARE(interest.at(0).at(0).toBool(), true);
    QVERIFY(p.in->peerInterested());

    p.in->setChoking(false);
    QVERIFY(!p.in->amChoking());
    QTRY_COMPARE_WITH_TIMEOUT(choke.size(), 1, kWait);
    QCOMPARE(choke.at(0).at(0).toBool(), false);
    QVERIFY(!p.out->peerChoking());

    p.in->setChoking(true);
    QTRY_COMPARE_WITH_TIMEOUT(choke.size(), 2, kWait);
    QCOMPARE(choke.at(1).at(0).toBool(), true);

    p.out->setInterested(false);
    QTRY_COMPARE_WITH_TIMEOUT(interest.size(), 2, kWait);
    QCOMPARE(interest.at(1).at(0).toBool(), false);
    QVERIFY(!p.in->peerInterested());
}

void PeerRequestsTest::requestServedExactly()
{
    PeerConnectionSettings serving = quickSettings();
    serving.sendBufferLowWatermark = 32 * 1024;
    Pair p;
    QVERIFY(p.open(quickSettings(), serving));
    p.in->sendAvailability(bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    p.out->setInterested(true);
    QTRY_VERIFY_WITH_TIMEOUT(p.in->peerInterested() && p.out->peerIsSeed(), kWait);
    p.in->setChoking(false);
    QTRY_VERIFY_WITH_TIMEOUT(!p.out->peerChoking(), kWait);

    QSignalSpy drained(p.in.data(), &PeerConnection::sendBufferDrained);
    QList<BlockRequest> served;
    connect(p.in, &PeerConnection::blockRequested, this, [&](const BlockRequest& b) {
        served << b;
        QVERIFY(p.in->sendBlock(b.index, b.begin, blockBytes(b.index, b.begin, b.length)));
        QVERIFY(!p.in->sendBlock(b.index, b.begin, blockBytes(b.index, b.begin, b.length)));
    });
    QMap<QPair<quint32, quint32>, QByteArray> received;
    connect(p.out, &PeerConnection::blockReceived, this,
            [&](quint32 index, quint32 begin, const QByteArray& data) {
                received.insert({index, begin}, data);
            });

    QList<BlockRequest> requested;
    for (quint32 piece = 0; piece < kPieces; ++piece) {
        const quint32 size = quint32(geometry().pieceSize(piece));
        for (quint32 begin = 0; begin < size; begin += kMaxBlockLength)
            requested << BlockRequest{piece, begin, qMin(kMaxBlockLength, size - begin)};
    }
    for (const BlockRequest& b : std::as_const(requested))
        QVERIFY(p.out->request(b));
    QCOMPARE(p.out->outstandingRequests(), int(requested.size()));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), requested.size(), kWait);
    QCOMPARE(served, requested);
    for (const BlockRequest& b : std::as_const(requested))
        QCOMPARE(received.value({b.index, b.begin}), blockBytes(b.index, b.begin, b.length));
    QCOMPARE(p.out->outstandingRequests(), 0);
    QCOMPARE(p.in->queuedPeerRequests(), 0);
    QCOMPARE(p.out->payloadReceived(), kFileSize);
    QCOMPARE(p.in->payloadSent(), kFileSize);
    QTRY_VERIFY_WITH_TIMEOUT(drained.size() >= 1, kWait);
    QVERIFY(p.in->bytesToWrite() < serving.sendBufferLowWatermark);
}

void PeerRequestsTest::requestRefusals()
{
    Pair p;
    QVERIFY(p.open());
    QSignalSpy availability(p.out.data(), &PeerConnection::availabilityReceived);
    p.in->sendAvailability(bits({0, 1, 2}));
    QTRY_COMPARE_WITH_TIMEOUT(availability.size(), 1, kWait);
    QCOMPARE(p.out->peerPieceCount(), 3);

    QVERIFY(!p.out->request({0, 0, kMaxBlockLength})); // choked
    p.out->setInterested(true);
    QTRY_VERIFY_WITH_TIMEOUT(p.in->peerInterested(), kWait);
    p.in->setChoking(false);
    QTRY_VERIFY_WITH_TIMEOUT(!p.out->peerChoking(), kWait);

    QVERIFY(!p.out->request({3, 0, kMaxBlockLength}));     // the peer lacks piece 3
    QVERIFY(!p.out->request({10, 0, 1}));                  // no such piece
    QVERIFY(!p.out->request({0, 0, kMaxBlockLength + 1})); // larger than a block
    QVERIFY(!p.out->request({0, 0, 0}));
    QVERIFY(!p.out->request({0, quint32(kPieceLength) - 100, 200})); // past the piece end
    QVERIFY(!p.out->request({0, 0xFFFFFFF0, 100}));                  // offset overflow
    QCOMPARE(p.out->outstandingRequests(), 0);

    const BlockRequest b{0, 0, kMaxBlockLength};
    QVERIFY(p.out->request(b));
    QVERIFY(!p.out->request(b)); // duplicate
    QVERIFY(p.out->hasOutstanding(b));
    QCOMPARE(p.out->outstandingRequests(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(p.in->queuedPeerRequests(), 1, kWait);
}

void PeerRequestsTest::cancelRejectAndChokeWithFast()
{
    Pair p;
    QVERIFY(p.openServing());
    QSignalSpy requested(p.in.data(), &PeerConnection::blockRequested);
    QSignalSpy cancelled(p.in.data(), &PeerConnection::requestCancelled);
    QSignalSpy dropped(p.out.data(), &PeerConnection::requestDropped);
    QSignalSpy blocks(p.out.data(), &PeerConnection::blockReceived);

    // Cancel: the server forgets the request and answers it with a reject (BEP 6), which the
    // requester takes silently.
    const BlockRequest first{0, 0, kMaxBlockLength};
    QVERIFY(p.out->request(first));
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, kWait);
    p.out->cancel(first);
    QCOMPARE(p.out->outstandingRequests(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, kWait);
    QCOMPARE(cancelled.at(0).at(0).value<BlockRequest>(), first);
    QVERIFY(!p.in->sendBlock(0, 0, blockBytes(0, 0, kMaxBlockLength)));
    QCOMPARE(p.in->queuedPeerRequests(), 0);

    // Reject by the owner.
    const BlockRequest second{1, 0, kMaxBlockLength};
    QVERIFY(p.out->request(second));
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 2, kWait);
    p.in->rejectRequest(second);
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 1, kWait);
    QCOMPARE(dropped.at(0).at(0).value<BlockRequest>(), second);
    QCOMPARE(p.out->outstandingRequests(), 0);

    // Choke with Fast: the queued requests are rejected one by one.
    const BlockRequest third{2, 0, kMaxBlockLength};
    const BlockRequest fourth{2, kMaxBlockLength, kMaxBlockLength};
    QVERIFY(p.out->request(third));
    QVERIFY(p.out->request(fourth));
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 4, kWait);
    p.in->setChoking(true);
    QCOMPARE(p.in->queuedPeerRequests(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 3, kWait);
    QCOMPARE(dropped.at(1).at(0).value<BlockRequest>(), third);
    QCOMPARE(dropped.at(2).at(0).value<BlockRequest>(), fourth);
    QVERIFY(p.out->peerChoking());
    QVERIFY(!p.out->request({3, 0, kMaxBlockLength}));
    QCOMPARE(blocks.size(), 0);
    QVERIFY(!p.out->isClosed());
    QVERIFY(!p.in->isClosed());
}

void PeerRequestsTest::lateAnswersToCancelledRequestsAreIgnored()
{
    ToRaw t;
    QVERIFY(t.openReady(true, false));
    t.raw->send(frame(0x0E) + frame(1)); // have all, unchoke
    QTRY_VERIFY_WITH_TIMEOUT(!t.connection->peerChoking() && t.connection->peerIsSeed(), kWait);
    QSignalSpy blocks(t.connection.data(), &PeerConnection::blockReceived);
    QSignalSpy dropped(t.connection.data(), &PeerConnection::requestDropped);
    QSignalSpy choke(t.connection.data(), &PeerConnection::peerChokeChanged);

    const BlockRequest a{4, 0, kMaxBlockLength};
    const BlockRequest b{4, kMaxBlockLength, kMaxBlockLength};
    QVERIFY(t.connection->request(a));
    QVERIFY(t.connection->request(b));
    t.connection->cancel(a);
    t.connection->cancel(b);
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Cancel), 2, kWait);
    // The peer had already answered both before it saw the cancels.
    t.raw->send(frame(7, u32(4) + u32(0) + blockBytes(4, 0, kMaxBlockLength)));
    t.raw->send(frame(0x10, blockRef(4, kMaxBlockLength, kMaxBlockLength)));
    t.raw->send(frame(0)); // a choke, to know the others were processed
    QTRY_COMPARE_WITH_TIMEOUT(choke.size(), 1, kWait);
    QVERIFY(!t.connection->isClosed());
    QCOMPARE(blocks.size(), 0);
    QCOMPARE(dropped.size(), 0);
    QCOMPARE(t.connection->payloadReceived(), 0);

    // A second copy is not excused: the peer now sends data nobody asked for.
    t.raw->send(frame(7, u32(4) + u32(0) + blockBytes(4, 0, kMaxBlockLength)));
    QTRY_COMPARE_WITH_TIMEOUT(t.closed->size(), 1, kWait);
    QVERIFY(t.closedAsViolation());
}

void PeerRequestsTest::chokeWithoutFastDropsRequests()
{
    ToRaw t;
    QVERIFY(t.openReady(false, false));
    QVERIFY(!t.connection->fastExtension());
    t.raw->send(frame(5, QByteArray("\xFF\xC0", 2)) + frame(1));
    QTRY_VERIFY_WITH_TIMEOUT(!t.connection->peerChoking() && t.connection->peerIsSeed(), kWait);
    QSignalSpy dropped(t.connection.data(), &PeerConnection::requestDropped);
    bool chokingWhenDropped = false;
    connect(t.connection, &PeerConnection::requestDropped, this,
            [&] { chokingWhenDropped = t.connection->peerChoking(); });

    const BlockRequest a{9, 0, kMaxBlockLength};
    const BlockRequest b{9, kMaxBlockLength, kLastPieceSize - kMaxBlockLength};
    QVERIFY(t.connection->request(a));
    QVERIFY(t.connection->request(b));
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Request), 2, kWait);
    t.raw->send(frame(0));
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 2, kWait);
    QCOMPARE(dropped.at(0).at(0).value<BlockRequest>(), a);
    QCOMPARE(dropped.at(1).at(0).value<BlockRequest>(), b);
    QVERIFY(chokingWhenDropped); // owners tell a choke from a reject by this
    QCOMPARE(t.connection->outstandingRequests(), 0);
    QVERIFY(t.connection->peerChoking());
    QVERIFY(!t.connection->request(a));
}

void PeerRequestsTest::peerRequestsWhileChoked_data()
{
    QTest::addColumn<bool>("fast");
    QTest::addRow("fast: rejected") << true;
    QTest::addRow("no fast: ignored") << false;
}

void PeerRequestsTest::peerRequestsWhileChoked()
{
    QFETCH(bool, fast);
    ToRaw t;
    QVERIFY(t.openReady(fast, false));
    QSignalSpy requested(t.connection.data(), &PeerConnection::blockRequested);
    t.connection->sendAvailability(bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    const QByteArray request = frame(6, blockRef(9, kMaxBlockLength, 100));
    t.raw->send(request);
    if (fast) {
        QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::RejectRequest), 1, kWait);
    } else {
        t.raw->send(frame(2)); // interested, to know the request was processed
        QTRY_VERIFY_WITH_TIMEOUT(t.connection->peerInterested(), kWait);
    }
    QCOMPARE(requested.size(), 0);
    QCOMPARE(t.connection->queuedPeerRequests(), 0);

    t.connection->setChoking(false);
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Unchoke), 1, kWait);
    t.raw->send(request);
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, kWait);
    QCOMPARE(t.connection->queuedPeerRequests(), 1);
    const QByteArray data = blockBytes(9, kMaxBlockLength, 100);
    QVERIFY(!t.connection->sendBlock(9, kMaxBlockLength, data.left(99))); // wrong length
    QVERIFY(t.connection->sendBlock(9, kMaxBlockLength, data));
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Piece), 1, kWait);
    QCOMPARE(t.raw->messages().last(), PeerMessage::piece(9, kMaxBlockLength, data));
    QCOMPARE(t.connection->payloadSent(), 100);
    QVERIFY(!t.connection->isClosed());
}

void PeerRequestsTest::allowedFastServedWhileChoking()
{
    ToRaw t;
    QVERIFY(t.openReady(true, false));
    // 10 pieces and k = 10: the whole content is the raw peer's set; we offer what we have.
    QCOMPARE(t.connection->allowedFastSet().size(), int(kPieces));
    QSignalSpy requested(t.connection.data(), &PeerConnection::blockRequested);
    t.connection->sendAvailability(bits({1, 2, 3}));
    t.connection->offerAllowedFast(bits({1, 3}));
    t.connection->offerAllowedFast(bits({1, 3})); // once each
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::AllowedFast), 2, kWait);
    QVERIFY(t.connection->allowedFastSent(1) && t.connection->allowedFastSent(3));
    QVERIFY(!t.connection->allowedFastSent(2));

    // Choked: the allowed piece is passed on and served, the other rejected.
    const BlockRequest allowed{1, 0, kMaxBlockLength};
    const BlockRequest other{2, 0, kMaxBlockLength};
    t.raw->send(frame(6, blockRef(2, 0, kMaxBlockLength)) +
                frame(6, blockRef(1, 0, kMaxBlockLength)));
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, kWait);
    QCOMPARE(requested.at(0).at(0).value<BlockRequest>(), allowed);
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::RejectRequest), 1, kWait);
    QVERIFY(t.connection->sendBlock(1, 0, blockBytes(1, 0, kMaxBlockLength)));
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Piece), 1, kWait);
    QCOMPARE(t.raw->messages().last(), PeerMessage::piece(1, 0, blockBytes(1, 0, kMaxBlockLength)));
    const auto rejected = [&] {
        QList<PeerMessage> out;
        for (const PeerMessage& m : t.raw->messages()) {
            if (m.type == MessageType::RejectRequest)
                out << m;
        }
        return out;
    };
    QCOMPARE(rejected().at(0), PeerMessage::rejectRequest(other.index, other.begin, other.length));

    // A choke rejects the queued requests except those for allowed-fast pieces.
    t.connection->setChoking(false);
    t.raw->send(frame(6, blockRef(3, 0, kMaxBlockLength)) +
                frame(6, blockRef(2, 0, kMaxBlockLength)));
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 3, kWait);
    t.connection->setChoking(true);
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::RejectRequest), 2, kWait);
    QCOMPARE(rejected().at(1), PeerMessage::rejectRequest(2, 0, kMaxBlockLength));
    QCOMPARE(t.connection->queuedPeerRequests(), 1);
    QVERIFY(t.connection->sendBlock(3, 0, blockBytes(3, 0, kMaxBlockLength)));
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Piece), 2, kWait);
    QVERIFY(!t.connection->isClosed());
}

void PeerRequestsTest::allowedFastRequestedWhileChoked()
{
    ToRaw t;
    QVERIFY(t.openReady(true, false));
    QSignalSpy allowedFast(t.connection.data(), &PeerConnection::allowedFastReceived);
    QSignalSpy blocks(t.connection.data(), &PeerConnection::blockReceived);
    t.raw->send(frame(0x0E) + frame(0x11, u32(4)) + frame(0x11, u32(4)) + frame(0x11, u32(9)));
    QTRY_COMPARE_WITH_TIMEOUT(allowedFast.size(), 2, kWait); // a repeat is no news
    QVERIFY(t.connection->peerChoking());
    QVERIFY(t.connection->peerAllowsFast(4) && t.connection->peerAllowsFast(9));
    QCOMPARE(t.connection->peerAllowedFastCount(), 2);

    QVERIFY(!t.connection->request({5, 0, kMaxBlockLength})); // not allowed fast
    QVERIFY(t.connection->request({4, 0, kMaxBlockLength}));
    QVERIFY(t.connection->request({9, 0, kLastPieceSize - kMaxBlockLength - 1000}));
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Request), 2, kWait);
    t.raw->send(frame(7, u32(4) + u32(0) + blockBytes(4, 0, kMaxBlockLength)));
    QTRY_COMPARE_WITH_TIMEOUT(blocks.size(), 1, kWait);
    QCOMPARE(blocks.at(0).at(2).toByteArray(), blockBytes(4, 0, kMaxBlockLength));

    // A choke with Fast leaves the other request outstanding (BEP 6).
    QSignalSpy choke(t.connection.data(), &PeerConnection::peerChokeChanged);
    t.raw->send(frame(1) + frame(0));
    QTRY_COMPARE_WITH_TIMEOUT(choke.size(), 2, kWait);
    QCOMPARE(t.connection->outstandingRequests(), 1);
    QVERIFY(!t.connection->isClosed());
}

void PeerRequestsTest::unknownMessagesAreSkipped()
{
    ToRaw t;
    QVERIFY(t.openReady(true, true));
    QSignalSpy haves(t.connection.data(), &PeerConnection::haveReceived);
    QSignalSpy extended(t.connection.data(), &PeerConnection::extendedMessageReceived);
    // What libtorrent may send besides BEP 3/6/10: BEP 52 hash request/hashes/reject, a DHT
    // port, and extended messages for extensions we never announced.
    t.raw->send(frame(0x0E));
    t.raw->send(frame(21, blockRef(1, 2, 3) + u32(4) + u32(5)));
    t.raw->send(frame(22, QByteArray(100000, 'h')));
    t.raw->send(frame(23, blockRef(1, 2, 3)));
    t.raw->send(frame(9, QByteArray("\x1E\x00", 2)));
    t.raw->send(frame(20, QByteArray("\x02", 1) + "d5:addedi0ee"));
    t.raw->send(frame(0x0D, u32(2)) + frame(0x11, u32(3))); // suggest, allowed fast
    t.raw->send(frame(20, QByteArray("\x03", 1) + "ours"));
    t.raw->send(frame(4, u32(7)));
    QTRY_COMPARE_WITH_TIMEOUT(extended.size(), 1, kWait);
    QCOMPARE(extended.at(0).at(1).toByteArray(), QByteArray("ours"));
    QVERIFY(!t.connection->isClosed());
    QCOMPARE(haves.size(), 0); // have for a piece the peer already announced
    QVERIFY(t.connection->peerIsSeed());
}

void PeerRequestsTest::violations_data()
{
    QTest::addColumn<bool>("fast");
    QTest::addColumn<bool>("extensions");
    QTest::addColumn<bool>("unchoke");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("mention");

    QTest::addRow("unrequested piece")
        << true << false << false << frame(7, u32(0) + u32(0) + "abc") << "did not request";
    QTest::addRow("oversize piece")
        << true << false << false << u32(9 + 16384 + 1) + char(7) << "exceeds the 16393-byte limit";
    QTest::addRow("oversize extended")
        << true << true << false << u32(2 * 1024 * 1024) + char(20) << "exceeds";
    QTest::addRow("oversize unknown message")
        << true << false << false << u32(64 * 1024 * 1024) + char(42) << "unknown message id 42";
    QTest::addRow("too many requests")
        << true << false << true
        << frame(6, blockRef(0, 0, 16384)) + frame(6, blockRef(0, 16384, 16384)) +
               frame(6, blockRef(1, 0, 16384))
        << "more than 2 requests";
    QTest::addRow("request for piece 10")
        << true << false << true << frame(6, blockRef(10, 0, 16384)) << "names piece 10";
    QTest::addRow("request past the last piece")
        << true << false << true << frame(6, blockRef(9, 16384, 16384)) << "which has 20000 bytes";
    QTest::addRow("request while choked past the piece")
        << false << false << false << frame(6, blockRef(0, 32768, 1)) << "which has 32768 bytes";
    QTest::addRow("request of 16385 bytes")
        << true << false << true << frame(6, blockRef(0, 0, 16385)) << "16385 bytes";
    QTest::addRow("bitfield too short") << true << false << false << frame(5, QByteArray(1, '\xFF'))
                                        << "has length 2; it must be 3";
    QTest::addRow("bitfield too long")
        << false << false << false << frame(5, QByteArray(3, '\0')) << "has length 4; it must be 3";
    QTest::addRow("bitfield spare bits")
        << true << false << false << frame(5, QByteArray("\xFF\xC1", 2)) << "spare bits";
    QTest::addRow("bitfield after have")
        << true << false << false << frame(4, u32(1)) + frame(5, QByteArray(2, '\0'))
        << "may only come first";
    QTest::addRow("reject of nothing")
        << true << false << false << frame(0x10, blockRef(0, 0, 16384)) << "did not make";
    QTest::addRow("allowed fast without Fast")
        << false << false << false << frame(0x11, u32(1)) << "Fast extension";
    QTest::addRow("have all without Fast")
        << false << false << false << frame(0x0E) << "Fast extension";
    QTest::addRow("extended without BEP 10")
        << true << false << false << frame(20, QByteArray(1, '\0') + "de") << "extension protocol";
    QTest::addRow("malformed extension handshake")
        << true << true << false << frame(20, QByteArray(1, '\0') + "d1:mi3ee")
        << "Invalid extension handshake";
    QTest::addRow("choke with a payload")
        << true << false << false << frame(0, "x") << "(choke) has length 2";
}

void PeerRequestsTest::violations()
{
    QFETCH(bool, fast);
    QFETCH(bool, extensions);
    QFETCH(bool, unchoke);
    QFETCH(QByteArray, input);
    QFETCH(QString, mention);

    PeerConnectionSettings settings = quickSettings();
    settings.maxRequestsFromPeer = 2;
    ToRaw t;
    QVERIFY(t.openReady(fast, extensions, settings));
    t.connection->sendAvailability(bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    if (unchoke) {
        t.connection->setChoking(false);
        QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Unchoke), 1, kWait);
    }
    t.raw->send(input);
    QTRY_COMPARE_WITH_TIMEOUT(t.closed->size(), 1, kWait);
    QVERIFY2(t.closeReason().contains(mention),
             qPrintable(t.closeReason() + QStringLiteral(" / expected: ") + mention));
    QVERIFY(t.closedAsViolation());
    QVERIFY(!t.connection || t.connection->isClosed());
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->socket()->state(), QAbstractSocket::UnconnectedState, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(t.connection.isNull(), kWait); // deleted itself
    QCOMPARE(t.closed->size(), 1);
}

QTEST_GUILESS_MAIN(PeerRequestsTest)
#include "test_peer_requests.moc"
