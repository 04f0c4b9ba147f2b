// The request book-keeping of a peer connection, without sockets: which request an answer
// settles, what a cancel leaves behind, and what a choke keeps.

#include "peer/BlockRequests.h"

#include <QTest>

using namespace opendo::peer;

namespace {

using Match = OutgoingRequests::Match;

BlockRequest block(quint32 index, quint32 begin = 0)
{
    return BlockRequest{index, begin, 16 * 1024};
}

} // namespace

class BlockRequestsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void blockSettlesAnOutstandingRequestOnce();
    void lateAnswersToACancelAreRecognised();
    void rejectAnswersTheCancelledCopyFirst();
    void blockPrefersTheOpenRequestOverACancelledCopy();
    void cancelledMemoryIsBounded();
    void takeAllEmptiesInTheOrderSent();
    void incomingQueueAnswersOnce();
    void chokeKeepsOnlyAllowedFastRequests();
};

void BlockRequestsTest::blockSettlesAnOutstandingRequestOnce()
{
    OutgoingRequests ours;
    ours.add(block(1));
    ours.add(block(1, 16 * 1024));
    QCOMPARE(ours.size(), 2);
    QVERIFY(ours.contains(block(1)));
    QCOMPARE(ours.settleByBlock(block(1)), Match::Outstanding);
    QVERIFY(!ours.contains(block(1)));
    QCOMPARE(ours.size(), 1);
    // The same block a second time was never asked for twice.
    QCOMPARE(ours.settleByBlock(block(1)), Match::Unrequested);
    QCOMPARE(ours.settleByReject(block(2)), Match::Unrequested);
    QCOMPARE(ours.size(), 1);
}

void BlockRequestsTest::lateAnswersToACancelAreRecognised()
{
    OutgoingRequests ours;
    QVERIFY(!ours.cancel(block(3))); // nothing to cancel
    ours.add(block(3));
    ours.add(block(4));
    QVERIFY(ours.cancel(block(3)));
    QVERIFY(ours.cancel(block(4)));
    QCOMPARE(ours.size(), 0);
    QCOMPARE(ours.settleByBlock(block(3)), Match::Cancelled);
    QCOMPARE(ours.settleByReject(block(4)), Match::Cancelled);
    // Each cancelled request is answered once; a second answer is a violation.
    QCOMPARE(ours.settleByBlock(block(3)), Match::Unrequested);
    QCOMPARE(ours.settleByReject(block(4)), Match::Unrequested);
}

void BlockRequestsTest::rejectAnswersTheCancelledCopyFirst()
{
    // Requested, cancelled, requested again: the peer answers the old request first, so its
    // reject must not drop the new one.
    OutgoingRequests ours;
    ours.add(block(5));
    QVERIFY(ours.cancel(block(5)));
    ours.add(block(5));
    QCOMPARE(ours.settleByReject(block(5)), Match::Cancelled);
    QVERIFY(ours.contains(block(5)));
    QCOMPARE(ours.settleByReject(block(5)), Match::Outstanding);
    QVERIFY(!ours.contains(block(5)));
}

void BlockRequestsTest::blockPrefersTheOpenRequestOverACancelledCopy()
{
    // The data is the same either way; delivering it settles the request we still wait for,
    // and the old request's own answer is then still recognised as late, not as a violation.
    OutgoingRequests ours;
    ours.add(block(6));
    QVERIFY(ours.cancel(block(6)));
    ours.add(block(6));
    QCOMPARE(ours.settleByBlock(block(6)), Match::Outstanding);
    QCOMPARE(ours.size(), 0);
    QCOMPARE(ours.settleByBlock(block(6)), Match::Cancelled);
}

void BlockRequestsTest::cancelledMemoryIsBounded()
{
    OutgoingRequests ours;
    const quint32 total = quint32(OutgoingRequests::kRememberedCancels) + 10;
    for (quint32 i = 0; i < total; ++i) {
        ours.add(block(i));
        QVERIFY(ours.cancel(block(i)));
    }
    // The oldest cancels are forgotten; the newest are still recognised.
    for (quint32 i = 0; i < 10; ++i)
        QCOMPARE(ours.settleByBlock(block(i)), Match::Unrequested);
    for (quint32 i = 10; i < total; ++i)
        QCOMPARE(ours.settleByBlock(block(i)), Match::Cancelled);
}

void BlockRequestsTest::takeAllEmptiesInTheOrderSent()
{
    OutgoingRequests ours;
    for (quint32 i : {7u, 2u, 9u})
        ours.add(block(i));
    const std::deque<BlockRequest> all = ours.takeAll();
    QCOMPARE(all.size(), std::size_t(3));
    QCOMPARE(all[0].index, 7u);
    QCOMPARE(all[1].index, 2u);
    QCOMPARE(all[2].index, 9u);
    QCOMPARE(ours.size(), 0);
    // Dropped requests were not cancelled: a block for one of them now is unrequested.
    QCOMPARE(ours.settleByBlock(block(7)), Match::Unrequested);
}

void BlockRequestsTest::incomingQueueAnswersOnce()
{
    IncomingRequests theirs;
    theirs.add(block(1));
    theirs.add(block(2));
    QVERIFY(theirs.contains(block(2)));
    QVERIFY(theirs.remove(block(2)));
    QVERIFY(!theirs.remove(block(2))); // served already: a cancel crossing it finds nothing
    QCOMPARE(theirs.size(), 1);
    QCOMPARE(theirs.takeAll().size(), std::size_t(1));
    QCOMPARE(theirs.size(), 0);
}

void BlockRequestsTest::chokeKeepsOnlyAllowedFastRequests()
{
    IncomingRequests theirs;
    for (quint32 i : {1u, 4u, 2u, 4u, 3u})
        theirs.add(block(i, i * 16 * 1024));
    const auto allowedFast = [](quint32 index) { return index == 4 || index == 2; };
    const std::deque<BlockRequest> taken = theirs.takeAllBut(allowedFast);
    QCOMPARE(taken.size(), std::size_t(2));
    QCOMPARE(taken[0].index, 1u);
    QCOMPARE(taken[1].index, 3u);
    QCOMPARE(theirs.size(), 3);
    QVERIFY(theirs.contains(block(4, 4 * 16 * 1024)));
    QVERIFY(theirs.contains(block(2, 2 * 16 * 1024)));
    QVERIFY(!theirs.contains(block(1, 16 * 1024)));
}

QTEST_APPLESS_MAIN(BlockRequestsTest)
#include "test_block_requests.moc"
