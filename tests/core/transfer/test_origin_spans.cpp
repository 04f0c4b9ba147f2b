// What a download asks the origin for next, on a real PiecePicker: run lengths with and without
// peers, pieces left to serving peers during the HTTP delay, the co-fetchers' stripes and when
// they are ignored, the endgame takeover, and one stream to the end for a server without ranges.

#include "transfer/OriginSpans.h"

#include <QTest>

using namespace opendo::transfer;
using Gate = OriginPacing::Gate;

namespace {

constexpr int kPieces = 100;
constexpr qint64 kPieceLength = 1024 * 1024;
constexpr PiecePicker::SourceKey kPeer = 1;

OriginSituation alone()
{
    OriginSituation s;
    s.pieceLength = kPieceLength;
    return s;
}

OriginSituation withServingPeer()
{
    OriginSituation s = alone();
    s.inSwarm = true;
    s.connectedPeers = 1;
    s.servingPeers = 1;
    return s;
}

int length(const PiecePicker::Run& run)
{
    return run.empty() ? 0 : run.last - run.first + 1;
}

void verifyAssignedToHttp(const PiecePicker& picker, const PiecePicker::Run& run)
{
    for (int p = run.first; p <= run.last; ++p)
        QVERIFY2(picker.isAssignedTo(p, PiecePicker::kHttpSource), qPrintable(QString::number(p)));
}

} // namespace

class OriginSpansTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aloneTheOriginStreamsLongRunsInOrder();
    void withPeersRunsAreShort();
    void servingPeersKeepTheirPiecesDuringTheDelay();
    void slowPeersLetTheOriginTakeTheirPieces();
    void coFetchersTakeTheirStripesUntilPeersStall();
    void endgameTakesOverFromPeersThatDoNotServe();
    void noEndgameTakeoverWhileOnlyUnservedPiecesMayCome();
    void serverWithoutRangesStreamsToTheEnd();
};

void OriginSpansTest::aloneTheOriginStreamsLongRunsInOrder()
{
    PiecePicker picker(kPieces, 1);
    const OriginSpan first = chooseOriginSpan(picker, alone());
    QCOMPARE(first.run.first, 0);
    QCOMPARE(length(first.run), 8); // 8 MiB ranges
    QVERIFY(first.includesAvailable);
    verifyAssignedToHttp(picker, first.run);
    const OriginSpan second = chooseOriginSpan(picker, alone());
    QCOMPARE(second.run.first, 8); // continues where the first left off
    QCOMPARE(length(second.run), 8);
}

void OriginSpansTest::withPeersRunsAreShort()
{
    PiecePicker picker(kPieces, 2);
    OriginSituation s = alone();
    s.inSwarm = true;
    s.connectedPeers = 2; // connected, none serving
    const OriginSpan span = chooseOriginSpan(picker, s);
    QCOMPARE(length(span.run), 2); // 2 MiB ranges: less for two agents to fetch twice
    QVERIFY(span.includesAvailable);
    // Spread: the run starts inside the middle half of the gap, not at its start.
    QVERIFY2(span.run.first >= 25 && span.run.first < 75,
             qPrintable(QString::number(span.run.first)));
}

void OriginSpansTest::servingPeersKeepTheirPiecesDuringTheDelay()
{
    PiecePicker picker(kPieces, 3);
    for (int p = 0; p < 50; ++p)
        picker.addHave(p); // the serving peer has the first half
    for (int p = 50; p < kPieces; ++p)
        picker.setPresent(p);
    for (Gate gate : {Gate::Open, Gate::UnservedOnly}) {
        OriginSituation s = withServingPeer();
        s.gate = gate;
        const OriginSpan span = chooseOriginSpan(picker, s);
        QVERIFY(span.run.empty());
        QVERIFY(!span.includesAvailable);
        QVERIFY(span.recheckSoon); // missing pieces nobody fetches: look again soon
    }
}

void OriginSpansTest::slowPeersLetTheOriginTakeTheirPieces()
{
    PiecePicker picker(kPieces, 4);
    for (int p = 0; p < 50; ++p)
        picker.addHave(p);
    for (int p = 50; p < kPieces; ++p)
        picker.setPresent(p);
    OriginSituation s = withServingPeer();
    s.belowMinQos = true;
    s.share = [](int) { return false; }; // ignored while topping up to DOMinBackgroundQos
    const OriginSpan span = chooseOriginSpan(picker, s);
    QVERIFY(!span.run.empty());
    QVERIFY(span.includesAvailable);
    QVERIFY(span.run.last < 50);
    verifyAssignedToHttp(picker, span.run);
    // Still within the HTTP delay, the gate keeps them for the peers.
    PiecePicker held(kPieces, 4);
    for (int p = 0; p < 50; ++p)
        held.addHave(p);
    for (int p = 50; p < kPieces; ++p)
        held.setPresent(p);
    s.gate = Gate::UnservedOnly;
    QVERIFY(chooseOriginSpan(held, s).run.empty());
}

void OriginSpansTest::coFetchersTakeTheirStripesUntilPeersStall()
{
    PiecePicker picker(kPieces, 5);
    for (int p = 0; p < kPieces; p += 2)
        picker.setPresent(p); // gaps of one piece: the run is a single piece
    OriginSituation s = alone();
    s.share = [](int p) { return p >= 50; }; // our stripes
    for (int i = 0; i < 25; ++i) {
        const OriginSpan span = chooseOriginSpan(picker, s);
        QVERIFY(!span.run.empty());
        QVERIFY2(span.run.first >= 50, qPrintable(QString::number(span.run.first)));
    }
    QVERIFY(chooseOriginSpan(picker, s).run.empty()); // the rest is the others' share
    s.peersStalled = true; // they do not deliver: the origin takes their stripes too
    const OriginSpan span = chooseOriginSpan(picker, s);
    QVERIFY(!span.run.empty());
    QVERIFY(span.run.first < 50);
}

void OriginSpansTest::endgameTakesOverFromPeersThatDoNotServe()
{
    PiecePicker picker(kPieces, 6);
    for (int p = 0; p < kPieces - 1; ++p)
        picker.setPresent(p);
    picker.assign(kPieces - 1, kPeer); // the last piece is stuck with a peer
    OriginSituation s = alone();
    s.inSwarm = true;
    s.connectedPeers = 1; // connected but choking us: not serving
    const OriginSpan span = chooseOriginSpan(picker, s);
    QCOMPARE(span.run.first, kPieces - 1);
    QCOMPARE(span.run.last, kPieces - 1);
    QVERIFY(picker.isAssignedTo(kPieces - 1, kPeer));
    QVERIFY(picker.isAssignedTo(kPieces - 1, PiecePicker::kHttpSource));
    // Asked again, the origin does not take the same piece twice.
    QVERIFY(chooseOriginSpan(picker, s).run.empty());
}

void OriginSpansTest::noEndgameTakeoverWhileOnlyUnservedPiecesMayCome()
{
    PiecePicker picker(kPieces, 7);
    for (int p = 0; p < kPieces - 1; ++p)
        picker.setPresent(p);
    picker.assign(kPieces - 1, kPeer);
    OriginSituation s = alone();
    s.inSwarm = true;
    s.connectedPeers = 1;
    s.gate = Gate::UnservedOnly;
    const OriginSpan span = chooseOriginSpan(picker, s);
    QVERIFY(span.run.empty());
    QVERIFY(!span.recheckSoon); // everything missing is being fetched
    QVERIFY(!picker.isAssignedTo(kPieces - 1, PiecePicker::kHttpSource));
}

void OriginSpansTest::serverWithoutRangesStreamsToTheEnd()
{
    PiecePicker picker(kPieces, 8);
    for (int p = 0; p < 10; ++p)
        picker.setPresent(p);
    picker.assign(20, kPeer);
    OriginSituation s = withServingPeer();
    s.rangesSupported = false;
    s.gate = Gate::UnservedOnly; // no ranges: the stream is all the origin can give
    const OriginSpan span = chooseOriginSpan(picker, s);
    QCOMPARE(span.run.first, 10);
    QCOMPARE(span.run.last, kPieces - 1);
    for (int p = 10; p < kPieces; ++p) {
        if (p == 20)
            QVERIFY(!picker.isAssignedTo(p, PiecePicker::kHttpSource)); // the peer's
        else
            QVERIFY2(picker.isAssignedTo(p, PiecePicker::kHttpSource),
                     qPrintable(QString::number(p)));
    }
    QVERIFY(chooseOriginSpan(picker, s).run.empty()); // one stream at a time
}

QTEST_GUILESS_MAIN(OriginSpansTest)
#include "test_origin_spans.moc"
