// The fair choker's choice for one round: tit-for-tat while downloading, least-served-first as a
// seed, one optimistic slot among the rest, never more than the slots.

#include "transfer/UnchokeChoice.h"

#include <QTest>

using namespace opendo::transfer;

namespace {

QList<UnchokeCandidate> tenPeers()
{
    QList<UnchokeCandidate> peers;
    for (int key = 1; key <= 10; ++key) // peer k gave us k KiB and got (11 - k) KiB
        peers.append({key, key * 1024, (11 - key) * 1024});
    return peers;
}

} // namespace

class UnchokeChoiceTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void downloaderRewardsTheGenerous();
    void seedServesTheLeastServed();
    void optimisticSlotPicksAmongTheRest();
    void fewerCandidatesThanSlots();
    void noSlotsOrNobody();
};

void UnchokeChoiceTest::downloaderRewardsTheGenerous()
{
    const QList<int> chosen = chooseUnchoked(tenPeers(), true, 4, [](int) { return 0; });
    // Three regular slots for the peers that gave most (10, 9, 8), the optimistic one for the
    // first of the rest.
    QCOMPARE(chosen, (QList<int>{10, 9, 8, 7}));
}

void UnchokeChoiceTest::seedServesTheLeastServed()
{
    const QList<int> chosen = chooseUnchoked(tenPeers(), false, 4, [](int) { return 0; });
    // As a seed: the peers we gave least to (10 got 1 KiB, 9 got 2 KiB, …).
    QCOMPARE(chosen, (QList<int>{10, 9, 8, 7}));
    QList<UnchokeCandidate> peers = tenPeers();
    peers[0].uploadedToIt = 0; // peer 1 got nothing last round: first in line now
    QCOMPARE(chooseUnchoked(peers, false, 2, [](int) { return 0; }).first(), 1);
}

void UnchokeChoiceTest::optimisticSlotPicksAmongTheRest()
{
    int offered = -1;
    const QList<int> chosen = chooseUnchoked(tenPeers(), true, 4, [&](int n) {
        offered = n;
        return n - 1;
    });
    QCOMPARE(offered, 7); // the seven not given a regular slot
    QCOMPARE(chosen.size(), 4);
    QCOMPARE(chosen.last(), 1); // the least generous, chosen by the draw
    // A draw out of range is held to the range.
    QCOMPARE(chooseUnchoked(tenPeers(), true, 4, [](int) { return 99; }).last(), 1);
}

void UnchokeChoiceTest::fewerCandidatesThanSlots()
{
    const QList<UnchokeCandidate> two{{5, 0, 0}, {6, 100, 0}};
    QList<int> chosen = chooseUnchoked(two, true, 8, [](int) { return 0; });
    std::sort(chosen.begin(), chosen.end());
    QCOMPARE(chosen, (QList<int>{5, 6}));
}

void UnchokeChoiceTest::noSlotsOrNobody()
{
    QVERIFY(chooseUnchoked(tenPeers(), true, 0, [](int) { return 0; }).isEmpty());
    QVERIFY(chooseUnchoked({}, true, 8, [](int) { return 0; }).isEmpty());
    // One slot: it is the optimistic one.
    QCOMPARE(chooseUnchoked(tenPeers(), true, 1, [](int) { return 2; }), (QList<int>{8}));
}

QTEST_GUILESS_MAIN(UnchokeChoiceTest)
#include "test_unchoke_choice.moc"
