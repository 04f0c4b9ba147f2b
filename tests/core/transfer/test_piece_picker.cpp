// The piece picker's choices: rarest first with random ties for peers, endgame duplicates and
// their cap, the origin's runs (sequential for a lone agent, mid-gap for a late one), and that
// its bookkeeping stays consistent under arbitrary sequences of operations.

#include "transfer/PiecePicker.h"

#include <QSet>
#include <QTest>
#include <random>

using namespace opendo::transfer;

namespace {

QBitArray bits(int size, std::initializer_list<int> set)
{
    QBitArray a(size);
    for (int p : set)
        a.setBit(p);
    return a;
}

QBitArray range(int size, int first, int last)
{
    QBitArray a(size);
    for (int p = first; p <= last; ++p)
        a.setBit(p);
    return a;
}

QBitArray all(int size)
{
    return QBitArray(size, true);
}

} // namespace

class PiecePickerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsEmpty();
    void rarestFirst();
    void laggingAvailabilityIsStillPickable();
    void tiesAreBrokenRandomly();
    void sameSeedSameChoices();
    void neverPicksPresentOrLackingPieces();
    void endgameDuplicatesLeastDuplicatedFirst();
    void endgameCapsSourcesPerPiece();
    void endgameOnlyForPiecesThisPeerCannotOtherwiseGet();
    void releaseReturnsPiecesToThePool();
    void releaseAllReturnsEverythingTheSourceHeld();
    void setPresentReleasesAssignments();
    void receivedPiecesAreNotFetchedAgain();
    void httpFreshDownloadStreamsFromTheStart();
    void httpLateAgentStartsMidGap();
    void httpIncludeAvailable();
    void httpRespectsMaxPieces();
    void httpContinuesAfterWhatItFetched();
    void httpInFlight();
    void availabilityClamps();
    void staysConsistentUnderRandomOperations();
};

void PiecePickerTest::startsEmpty()
{
    PiecePicker picker(10, 1);
    QCOMPARE(picker.pieceCount(), 10);
    QCOMPARE(picker.presentCount(), 0);
    QCOMPARE(picker.missingUnassignedCount(), 10);
    QVERIFY(!picker.complete());
    QVERIFY(!picker.inEndgame());
    QVERIFY(!picker.isPresent(-1));
    QVERIFY(!picker.isPresent(10));
    QCOMPARE(picker.availability(10), 0);

    PiecePicker none(0, 1);
    QVERIFY(none.complete());
    QCOMPARE(none.pickForPeer(1, QBitArray()), -1);
    QVERIFY(none.pickForHttp(8, true).empty());
    QCOMPARE(none.pickInFlightForHttp(), -1);
}

void PiecePickerTest::rarestFirst()
{
    for (quint32 seed = 0; seed < 20; ++seed) {
        PiecePicker picker(32, seed);
        picker.addAvailability(all(32));
        QBitArray second = all(32);
        second.clearBit(13);
        picker.addAvailability(second);
        picker.addAvailability(second);
        QCOMPARE(picker.availability(13), 1);
        QCOMPARE(picker.availability(12), 3);
        QCOMPARE(picker.pickForPeer(1, all(32)), 13);
        QVERIFY(picker.isAssignedTo(13, 1));
        // After the rare piece, one of the common ones.
        const int next = picker.pickForPeer(1, all(32));
        QVERIFY(next >= 0 && next != 13);
    }
}

void PiecePickerTest::laggingAvailabilityIsStillPickable()
{
    PiecePicker picker(8, 3);
    picker.addAvailability(range(8, 0, 3));
    // The peer announced piece 6 but its have has not been counted yet.
    QCOMPARE(picker.pickForPeer(1, bits(8, {2, 6})), 6);
    QCOMPARE(picker.pickForPeer(1, bits(8, {2, 6})), 2);
    QCOMPARE(picker.pickForPeer(1, bits(8, {2, 6})), -1);
}

void PiecePickerTest::tiesAreBrokenRandomly()
{
    constexpr int n = 256;
    QSet<int> firstPicks;
    int collisions = 0;
    for (quint32 seed = 0; seed < 40; ++seed) {
        // Two agents that start together with the same peer view: different pieces, mostly.
        PiecePicker a(n, seed);
        PiecePicker b(n, seed + 1000);
        a.addAvailability(all(n));
        b.addAvailability(all(n));
        const int pa = a.pickForPeer(1, all(n));
        const int pb = b.pickForPeer(1, all(n));
        QVERIFY(pa >= 0 && pb >= 0);
        if (pa == pb)
            ++collisions;
        firstPicks.insert(pa);

        // Within one agent two peers never share a piece outside endgame, and the order is not
        // simply ascending.
        const int p1 = a.pickForPeer(1, all(n));
        const int p2 = a.pickForPeer(2, all(n));
        QVERIFY(p1 != p2 && p1 != pa && p2 != pa);
    }
    QVERIFY2(collisions <= 2, qPrintable(QString::number(collisions)));
    QVERIFY2(firstPicks.size() >= 30, qPrintable(QString::number(firstPicks.size())));
}

void PiecePickerTest::sameSeedSameChoices()
{
    PiecePicker a(100, 42);
    PiecePicker b(100, 42);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(a.pickForPeer(1 + i % 3, all(100)), b.pickForPeer(1 + i % 3, all(100)));
}

void PiecePickerTest::neverPicksPresentOrLackingPieces()
{
    constexpr int n = 300;
    std::mt19937 rng(7);
    PiecePicker picker(n, 7);
    QBitArray peerHas(n);
    int expected = 0;
    for (int p = 0; p < n; ++p) {
        const bool present = rng() % 3 == 0;
        const bool has = rng() % 2 == 0;
        if (present)
            picker.setPresent(p);
        if (has)
            peerHas.setBit(p);
        if (has && !present)
            ++expected;
        if (rng() % 2)
            picker.addHave(p);
    }
    QSet<int> picked;
    for (int p = picker.pickForPeer(5, peerHas); p >= 0; p = picker.pickForPeer(5, peerHas)) {
        QVERIFY(!picker.isPresent(p));
        QVERIFY(peerHas.testBit(p));
        QVERIFY(!picked.contains(p));
        picked.insert(p);
    }
    QCOMPARE(int(picked.size()), expected);
    // A peer whose bitfield is shorter than the file offers only what it covers.
    PiecePicker shortView(10, 1);
    QCOMPARE(shortView.pickForPeer(1, bits(4, {3})), 3);
    QCOMPARE(shortView.pickForPeer(1, bits(4, {3})), -1);
}

void PiecePickerTest::endgameDuplicatesLeastDuplicatedFirst()
{
    PiecePicker picker(4, 11);
    for (int i = 0; i < 4; ++i)
        QVERIFY(picker.pickForPeer(1, all(4)) >= 0);
    QVERIFY(picker.inEndgame());
    QCOMPARE(picker.pickForPeer(1, all(4)), -1); // never a piece it already fetches

    // Pieces 0 and 1 already have a second source: peer 3 gets 2 or 3 first.
    picker.assign(0, 2);
    picker.assign(1, 2);
    const int first = picker.pickForPeer(3, all(4));
    QVERIFY2(first == 2 || first == 3, qPrintable(QString::number(first)));
    QCOMPARE(picker.sourcesOf(first), (QList<int>{1, 3}));
    const int second = picker.pickForPeer(3, all(4));
    QCOMPARE(second, 5 - first);
    const int third = picker.pickForPeer(3, all(4));
    QVERIFY(third == 0 || third == 1);
    QCOMPARE(picker.sourcesOf(third).size(), 3);
}

void PiecePickerTest::endgameCapsSourcesPerPiece()
{
    PiecePicker picker(2, 5);
    picker.assign(0, PiecePicker::kHttpSource);
    picker.assign(1, 1);
    QCOMPARE(picker.missingUnassignedCount(), 0);
    QVERIFY(picker.pickForPeer(2, all(2)) >= 0);
    QVERIFY(picker.pickForPeer(2, all(2)) >= 0);
    QVERIFY(picker.pickForPeer(3, all(2)) >= 0);
    QVERIFY(picker.pickForPeer(3, all(2)) >= 0);
    QCOMPARE(picker.sourcesOf(0).size(), 3);
    QCOMPARE(picker.sourcesOf(1).size(), 3);
    QCOMPARE(picker.pickForPeer(4, all(2)), -1);
    // A source leaving makes room again.
    QVERIFY(picker.release(1, 2));
    QCOMPARE(picker.pickForPeer(4, all(2)), 1);
}

void PiecePickerTest::endgameOnlyForPiecesThisPeerCannotOtherwiseGet()
{
    PiecePicker picker(4, 9);
    picker.assign(0, 1);
    // Piece 3 is still unassigned, but this peer lacks it: it may duplicate piece 0.
    QCOMPARE(picker.pickForPeer(2, bits(4, {0, 1})), 1);
    QCOMPARE(picker.pickForPeer(2, bits(4, {0, 1})), 0);
    QCOMPARE(picker.sourcesOf(0), (QList<int>{1, 2}));
    QCOMPARE(picker.missingUnassignedCount(), 2);
    QVERIFY(!picker.inEndgame());
}

void PiecePickerTest::receivedPiecesAreNotFetchedAgain()
{
    // Piece 0 arrived from peer 1 and waits for its batch to become durable; peer 2 is in
    // endgame and would otherwise take it as a duplicate, as would the origin.
    PiecePicker picker(2, 4);
    QCOMPARE(picker.pickForPeer(1, bits(2, {0})), 0);
    picker.assign(1, PiecePicker::kHttpSource);
    picker.setReceived(0);
    QVERIFY(picker.inEndgame());
    QCOMPARE(picker.pickForPeer(2, bits(2, {0})), -1);
    QCOMPARE(picker.pickInFlightForHttp(), -1);
    QVERIFY(picker.release(0, 1));
    QCOMPARE(picker.missingUnassignedCount(), 0);
    QVERIFY(picker.pickForHttp(2, true).empty());
    // Verification failed: the piece is wanted again.
    picker.clearReceived(0);
    QCOMPARE(picker.missingUnassignedCount(), 1);
    QCOMPARE(picker.pickForPeer(2, bits(2, {0})), 0);
    // Durable: present, and nothing is counted twice.
    picker.setReceived(0);
    picker.setPresent(0);
    QCOMPARE(picker.presentCount(), 1);
    QCOMPARE(picker.missingUnassignedCount(), 0);
    picker.clearReceived(0);
    QCOMPARE(picker.missingUnassignedCount(), 0);
}

void PiecePickerTest::releaseReturnsPiecesToThePool()
{
    PiecePicker picker(3, 2);
    const int p = picker.pickForPeer(1, bits(3, {1}));
    QCOMPARE(p, 1);
    QCOMPARE(picker.missingUnassignedCount(), 2);
    QVERIFY(picker.isAssigned(1));
    QVERIFY(!picker.release(1, 2)); // not its piece
    QVERIFY(!picker.release(-1, 1));
    QVERIFY(picker.release(1, 1));
    QVERIFY(!picker.release(1, 1));
    QVERIFY(!picker.isAssigned(1));
    QCOMPARE(picker.missingUnassignedCount(), 3);
    QCOMPARE(picker.pickForPeer(2, bits(3, {1})), 1);

    // Releasing one of two sources keeps the piece assigned.
    picker.assign(1, 3);
    QVERIFY(picker.release(1, 2));
    QVERIFY(picker.isAssignedTo(1, 3));
    QCOMPARE(picker.missingUnassignedCount(), 2);
}

void PiecePickerTest::releaseAllReturnsEverythingTheSourceHeld()
{
    PiecePicker picker(10, 4);
    picker.assign(2, 1);
    picker.assign(5, 1);
    picker.assign(5, 2);
    picker.assign(7, 2);
    picker.assign(7, 2); // idempotent
    QCOMPARE(picker.sourcesOf(7), (QList<int>{2}));
    QCOMPARE(picker.missingUnassignedCount(), 7);
    QCOMPARE(picker.releaseAll(2), (QList<int>{5, 7}));
    QCOMPARE(picker.missingUnassignedCount(), 8);
    QCOMPARE(picker.sourcesOf(5), (QList<int>{1}));
    QCOMPARE(picker.releaseAll(2), QList<int>{});
    QCOMPARE(picker.releaseAll(1), (QList<int>{2, 5}));
    QCOMPARE(picker.missingUnassignedCount(), 10);
}

void PiecePickerTest::setPresentReleasesAssignments()
{
    PiecePicker picker(4, 8);
    picker.assign(1, 1);
    picker.assign(1, 2);
    picker.setPresent(1);
    picker.setPresent(1); // counted once
    picker.setPresent(3); // unassigned
    QCOMPARE(picker.presentCount(), 2);
    QCOMPARE(picker.missingUnassignedCount(), 2);
    QVERIFY(!picker.isAssigned(1));
    QVERIFY(!picker.release(1, 1));
    QCOMPARE(picker.releaseAll(2), QList<int>{});
    picker.assign(3, 1); // present pieces are not assigned
    QVERIFY(!picker.isAssigned(3));
    QCOMPARE(picker.missingUnassignedCount(), 2);
    picker.setPresent(0);
    picker.setPresent(2);
    QVERIFY(picker.complete());
    QVERIFY(!picker.inEndgame());
    QCOMPARE(picker.missingUnassignedCount(), 0);
    QCOMPARE(picker.pickForPeer(1, all(4)), -1);
}

void PiecePickerTest::httpFreshDownloadStreamsFromTheStart()
{
    PiecePicker picker(100, 1);
    auto run = picker.pickForHttp(8, false);
    QCOMPARE(run.first, 0);
    QCOMPARE(run.last, 7);
    for (int p = 0; p <= 7; ++p)
        QVERIFY(picker.isAssignedTo(p, PiecePicker::kHttpSource));
    run = picker.pickForHttp(8, false);
    QCOMPARE(run.first, 8);
    QCOMPARE(run.last, 15);
    // Once fetched and stored, the next run still follows on.
    for (int p = 0; p <= 15; ++p)
        picker.setPresent(p);
    run = picker.pickForHttp(8, false);
    QCOMPARE(run.first, 16);
    QCOMPARE(run.last, 23);
}

void PiecePickerTest::httpLateAgentStartsMidGap()
{
    // Another agent started earlier and has 0..19 (known to us as availability only): the origin
    // is asked for the middle of what nobody has, leaving 20.. to the other agent.
    PiecePicker picker(100, 1);
    picker.addAvailability(range(100, 0, 19));
    auto run = picker.pickForHttp(8, false);
    QCOMPARE(run.first, 60);
    QCOMPARE(run.last, 67);
    // The next largest gap is 20..59: its middle, not the piece right after the other agent.
    run = picker.pickForHttp(8, false);
    QCOMPARE(run.first, 40);
    QCOMPARE(run.last, 47);

    // A gap that starts at piece 0 is fetched from its start.
    PiecePicker tail(100, 1);
    tail.addAvailability(range(100, 50, 99));
    run = tail.pickForHttp(4, false);
    QCOMPARE(run.first, 0);
    QCOMPARE(run.last, 3);

    // Everything is available: nothing for the origin unless the delay is over.
    PiecePicker covered(10, 1);
    covered.addAvailability(all(10));
    QVERIFY(covered.pickForHttp(4, false).empty());
    QCOMPARE(covered.missingUnassignedCount(), 10);
}

void PiecePickerTest::httpIncludeAvailable()
{
    PiecePicker picker(100, 1);
    picker.addAvailability(range(100, 0, 19));
    auto run = picker.pickForHttp(8, true);
    QCOMPARE(run.first, 0);
    QCOMPARE(run.last, 7);

    // Pieces assigned to peers split the candidates; the longest run is taken at its middle.
    PiecePicker split(100, 1);
    split.addAvailability(all(100));
    split.assign(10, 1);
    split.assign(30, 2);
    run = split.pickForHttp(8, true);
    QCOMPARE(run.first, 31 + 69 / 2);
    QCOMPARE(run.last, 31 + 69 / 2 + 7);
}

void PiecePickerTest::httpRespectsMaxPieces()
{
    PiecePicker picker(20, 1);
    QVERIFY(picker.pickForHttp(0, true).empty());
    QCOMPARE(picker.missingUnassignedCount(), 20);
    auto run = picker.pickForHttp(1, true);
    QCOMPARE(run.first, 0);
    QCOMPARE(run.last, 0);
    // A run shorter than maxPieces ends where the gap ends.
    picker.assign(15, 1);
    run = picker.pickForHttp(100, true);
    QCOMPARE(run.first, 1);
    QCOMPARE(run.last, 14);
    int picked = 0;
    while (!(run = picker.pickForHttp(3, true)).empty()) {
        QVERIFY(run.last - run.first < 3);
        picked += run.last - run.first + 1;
    }
    QCOMPARE(picked, 4);
    QCOMPARE(picker.missingUnassignedCount(), 0);
    QVERIFY(picker.inEndgame());
}

void PiecePickerTest::httpContinuesAfterWhatItFetched()
{
    // A piece HTTP is fetching (or that we hold) before the largest gap: continue in order even
    // though the gap does not start at piece 0.
    PiecePicker picker(100, 1);
    picker.assign(49, PiecePicker::kHttpSource);
    picker.assign(20, 1);
    auto run = picker.pickForHttp(8, false);
    QCOMPARE(run.first, 50);
    QCOMPARE(run.last, 57);

    PiecePicker held(100, 1);
    held.setPresent(39);
    run = held.pickForHttp(8, false);
    QCOMPARE(run.first, 40);
    QCOMPARE(run.last, 47);
}

void PiecePickerTest::httpInFlight()
{
    PiecePicker picker(6, 1);
    QCOMPARE(picker.pickInFlightForHttp(), -1);
    picker.assign(1, 1);
    picker.assign(1, 2);
    picker.assign(2, PiecePicker::kHttpSource);
    picker.assign(3, 3);
    picker.assign(4, 1);
    picker.setPresent(4);
    QCOMPARE(picker.pickInFlightForHttp(), 3);
    QVERIFY(picker.isAssignedTo(3, PiecePicker::kHttpSource));
    QCOMPARE(picker.pickInFlightForHttp(), 1);
    QCOMPARE(picker.sourcesOf(1), (QList<int>{1, 2, PiecePicker::kHttpSource}));
    QCOMPARE(picker.pickInFlightForHttp(), -1);
}

void PiecePickerTest::availabilityClamps()
{
    PiecePicker picker(4, 1);
    picker.removeHave(2);
    QCOMPARE(picker.availability(2), 0);
    picker.addHave(2);
    picker.addHave(-1);
    picker.addHave(4);
    picker.removeHave(4);
    QCOMPARE(picker.availability(2), 1);
    picker.removeAvailability(all(4));
    picker.removeAvailability(all(4));
    for (int p = 0; p < 4; ++p)
        QCOMPARE(picker.availability(p), 0);
    // Bitfields of the wrong size are ignored.
    picker.addAvailability(all(3));
    picker.addAvailability(all(5));
    for (int p = 0; p < 4; ++p)
        QCOMPARE(picker.availability(p), 0);
    picker.addAvailability(all(4));
    picker.removeAvailability(all(8));
    for (int p = 0; p < 4; ++p)
        QCOMPARE(picker.availability(p), 1);
}

void PiecePickerTest::staysConsistentUnderRandomOperations()
{
    constexpr int n = 97;
    constexpr int kSources = 6; // 0 is HTTP
    std::mt19937 rng(12345);
    PiecePicker picker(n, 777);
    QVector<int> availability(n, 0);
    QSet<int> received; // the model: pieces in hand, not yet present
    const auto randomBits = [&] {
        QBitArray a(n);
        for (int p = 0; p < n; ++p)
            a.setBit(p, rng() % 3 != 0);
        return a;
    };

    for (int step = 0; step < 3000; ++step) {
        const int piece = int(rng() % n);
        const int source = int(rng() % kSources);
        switch (rng() % 14) {
        case 0: {
            const QBitArray has = randomBits();
            picker.addAvailability(has);
            for (int p = 0; p < n; ++p)
                availability[p] += has.testBit(p) ? 1 : 0;
            break;
        }
        case 1: {
            const QBitArray has = randomBits();
            picker.removeAvailability(has);
            for (int p = 0; p < n; ++p)
                availability[p] = std::max(0, availability[p] - (has.testBit(p) ? 1 : 0));
            break;
        }
        case 2:
            picker.addHave(piece);
            ++availability[piece];
            break;
        case 3:
            picker.removeHave(piece);
            availability[piece] = std::max(0, availability[piece] - 1);
            break;
        case 4:
        case 5: {
            const QBitArray has = randomBits();
            const int p = picker.pickForPeer(source == 0 ? 1 : source, has);
            if (p >= 0) {
                QVERIFY(has.testBit(p));
                QVERIFY(!picker.isPresent(p));
                QVERIFY(!received.contains(p));
                QVERIFY(picker.sourcesOf(p).size() <= 3);
            }
            break;
        }
        case 6: {
            const bool includeAvailable = rng() % 2;
            const auto run = picker.pickForHttp(1 + int(rng() % 10), includeAvailable);
            for (int p = run.first; !run.empty() && p <= run.last; ++p) {
                QVERIFY(!received.contains(p));
                QCOMPARE(picker.sourcesOf(p), QList<int>{PiecePicker::kHttpSource});
                QVERIFY(includeAvailable || availability[p] == 0);
            }
            break;
        }
        case 7:
            QVERIFY(!received.contains(picker.pickInFlightForHttp()));
            break;
        case 8:
            picker.assign(piece, source);
            break;
        case 9: {
            const bool held = picker.sourcesOf(piece).contains(source);
            QCOMPARE(picker.isAssignedTo(piece, source), held);
            QCOMPARE(picker.release(piece, source), held);
            QVERIFY(!picker.isAssignedTo(piece, source));
            break;
        }
        case 10:
            for (int p : picker.releaseAll(source))
                QVERIFY(!picker.isAssignedTo(p, source));
            break;
        case 11:
            if (rng() % 4 == 0) {
                picker.setPresent(piece);
                received.remove(piece);
            }
            break;
        case 12:
            picker.setReceived(piece);
            if (!picker.isPresent(piece))
                received.insert(piece);
            break;
        case 13:
            picker.clearReceived(piece);
            received.remove(piece);
            break;
        }

        int present = 0;
        int unassignedMissing = 0;
        for (int p = 0; p < n; ++p) {
            QCOMPARE(picker.availability(p), availability[p]);
            const QList<int> sources = picker.sourcesOf(p);
            QCOMPARE(picker.isAssigned(p), !sources.isEmpty());
            if (picker.isPresent(p)) {
                ++present;
                QVERIFY(sources.isEmpty());
                continue;
            }
            QCOMPARE(int(QSet<int>(sources.begin(), sources.end()).size()), int(sources.size()));
            if (sources.isEmpty() && !received.contains(p))
                ++unassignedMissing;
        }
        QCOMPARE(picker.presentCount(), present);
        QCOMPARE(picker.missingUnassignedCount(), unassignedMissing);
        QCOMPARE(picker.complete(), present == n);
    }
}

QTEST_GUILESS_MAIN(PiecePickerTest)
#include "test_piece_picker.moc"
