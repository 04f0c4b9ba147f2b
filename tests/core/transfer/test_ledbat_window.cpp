// The delay-based upload window (RFC 6817 with LEDBAT++'s slow start and decrease): it grows
// fast on an idle path, stops growing while the upload does not use it, shrinks when our
// traffic queues up past the target, and on a modelled bottleneck settles with the queue near
// the target instead of filling the buffer.

#include "transfer/LedbatWindow.h"

#include <QTest>

using opendo::transfer::LedbatWindow;

class LedbatWindowTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slowStartDoublesPerRoundTrip()
    {
        LedbatWindow w;
        const qint64 start = w.window();
        w.update(0, start, true); // a whole window acknowledged, no queuing
        QCOMPARE(w.window(), 2 * start);
        QVERIFY(w.inSlowStart());
    }

    void unusedWindowDoesNotGrow()
    {
        LedbatWindow w;
        const qint64 start = w.window();
        w.update(0, start, false); // application-limited
        QCOMPARE(w.window(), start);
        w.update(0, 0, true); // nothing acknowledged: no evidence
        QCOMPARE(w.window(), start);
    }

    void slowStartEndsNearTheTarget()
    {
        LedbatWindow w;
        w.update(LedbatWindow::kTargetUs * 8 / 10, w.window(), true);
        QVERIFY(!w.inSlowStart());
        // Below the target again: additive growth, at most a segment per round trip.
        const qint64 before = w.window();
        w.update(0, before, true);
        QVERIFY(w.window() > before);
        QVERIFY(w.window() <= before + LedbatWindow::kSegment);
    }

    void aboveTargetShrinksByAtMostHalf()
    {
        LedbatWindow w;
        for (int i = 0; i < 6; ++i)
            w.update(0, w.window(), true); // slow start up to 4 MiB
        const qint64 big = w.window();
        QCOMPARE(big, 64 * 1024 * 64);
        w.update(3 * LedbatWindow::kTargetUs, big, true); // far above: half per round trip
        QCOMPARE(w.window(), big / 2);
        const qint64 half = w.window();
        w.update(LedbatWindow::kTargetUs * 11 / 10, half / 4, false); // a quarter round, 10 % over
        QVERIFY(w.window() < half);
        QVERIFY(w.window() > half / 2);
        for (int i = 0; i < 100; ++i)
            w.update(10 * LedbatWindow::kTargetUs, w.window(), true);
        QCOMPARE(w.window(), LedbatWindow::kMinWindow);
    }

    // A bottleneck of 5 MB/s with a 2 ms base round trip and a deep buffer: whatever the window
    // holds beyond the path's bandwidth-delay product waits in the queue. The window must settle
    // with that queue near the target (100 ms), far from what TCP alone would fill (the buffer).
    void settlesAtTheTargetOnABottleneck()
    {
        constexpr double rate = 5e6;        // bytes per second
        constexpr double baseRtt = 0.002;   // seconds
        constexpr double bufferSeconds = 1; // the queue TCP alone would fill
        LedbatWindow w;
        double worstLate = 0, bestLate = 1e9;
        for (int step = 0; step < 4000; ++step) { // 20 ms ticks: 80 s
            const double queued = std::max(0.0, double(w.window()) - rate * baseRtt);
            const double delay = std::min(bufferSeconds, queued / rate);
            const qint64 acked = qint64(rate * 0.02);
            w.update(qint64(delay * 1e6), acked, true);
            if (step > 2000) {
                worstLate = std::max(worstLate, delay);
                bestLate = std::min(bestLate, delay);
            }
        }
        qInfo("queuing delay over the last 40 s: %.0f–%.0f ms (window %lld bytes)", bestLate * 1000,
              worstLate * 1000, w.window());
        QVERIFY2(worstLate <= 0.15, qPrintable(QString::number(worstLate)));
        QVERIFY2(bestLate >= 0.03, qPrintable(QString::number(bestLate)));
    }
};

QTEST_GUILESS_MAIN(LedbatWindowTest)
#include "test_ledbat_window.moc"
