// What a download does when its origin fails for good: it carries on while serving peers
// still deliver, rests the origin for a pause that doubles per failed attempt (one attempt's
// several ranges count once), and gives up when an attempt fails and no peer delivers.

#include "transfer/OriginOutage.h"

#include <QTest>

using opendo::transfer::HttpError;
using opendo::transfer::OriginOutage;

namespace {

HttpError notFound()
{
    return HttpError{HttpError::Kind::NotFound, "http://127.0.0.1/x.bin: 404 Not Found"};
}

OriginOutage::Peers delivering()
{
    return OriginOutage::Peers{2, 1'000};
}

} // namespace

class OriginOutageTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutPeersTheDownloadFailsAtOnce()
    {
        OriginOutage outage;
        QCOMPARE(outage.failed(notFound(), 0, {}), OriginOutage::Verdict::GiveUp);
        QVERIFY(!outage.active());
        QCOMPARE(outage.retryInMs(0), 0);
    }

    void peersThatStoppedDeliveringDoNotCount()
    {
        OriginOutage outage;
        const OriginOutage::Peers idle{3, OriginOutage::kPeerPatienceMs};
        QCOMPARE(outage.failed(notFound(), 0, idle), OriginOutage::Verdict::GiveUp);
    }

    void deliveringPeersCarryOnAndTheOriginRests()
    {
        OriginOutage outage;
        QCOMPARE(outage.failed(notFound(), 1'000, delivering()), OriginOutage::Verdict::CarryOn);
        QVERIFY(outage.active());
        QCOMPARE(outage.error().kind, HttpError::Kind::NotFound);
        QCOMPARE(outage.failedAttempts(), 1);
        QCOMPARE(outage.retryInMs(1'000), OriginOutage::kFirstPauseMs);
        QCOMPARE(outage.retryInMs(1'000 + OriginOutage::kFirstPauseMs), 0);
    }

    void rangesOfOneAttemptCountOnce()
    {
        OriginOutage outage;
        outage.failed(notFound(), 0, delivering());
        // The other ranges that were in flight fail a moment later.
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(outage.failed(notFound(), i * 10, delivering()),
                     OriginOutage::Verdict::CarryOn);
        QCOMPARE(outage.failedAttempts(), 1);
        QCOMPARE(outage.retryInMs(30), OriginOutage::kFirstPauseMs - 30);
    }

    void pauseDoublesUpToItsCap()
    {
        OriginOutage outage;
        qint64 now = 0;
        QList<qint64> pauses;
        for (int attempt = 0; attempt < 6; ++attempt) {
            outage.failed(notFound(), now, delivering());
            pauses << outage.retryInMs(now);
            now += outage.retryInMs(now); // the next attempt goes out when the pause ends
        }
        QCOMPARE(pauses, (QList<qint64>{5'000, 10'000, 20'000, 30'000, 30'000, 30'000}));
        QCOMPARE(outage.failedAttempts(), 6);
    }

    void anAttemptFailingAfterPeersFellSilentGivesUp()
    {
        OriginOutage outage;
        outage.failed(notFound(), 0, delivering());
        const OriginOutage::Peers silent{1, OriginOutage::kPeerPatienceMs + 1};
        QCOMPARE(outage.failed(notFound(), OriginOutage::kFirstPauseMs, silent),
                 OriginOutage::Verdict::GiveUp);
        QCOMPARE(outage.failed(notFound(), OriginOutage::kFirstPauseMs, {}),
                 OriginOutage::Verdict::GiveUp); // every connection closed
    }

    void recoveryEndsTheOutageAndResetsThePause()
    {
        OriginOutage outage;
        outage.failed(notFound(), 0, delivering());
        outage.failed(notFound(), 5'000, delivering());
        QCOMPARE(outage.failedAttempts(), 2);
        outage.recovered();
        QVERIFY(!outage.active());
        QCOMPARE(outage.retryInMs(5'000), 0);
        outage.failed(notFound(), 60'000, delivering());
        QCOMPARE(outage.retryInMs(60'000), OriginOutage::kFirstPauseMs);
    }
};

QTEST_APPLESS_MAIN(OriginOutageTest)
#include "test_origin_outage.moc"
