// WorkerPool: work runs on worker threads, its result comes back on the pool's thread from the
// event loop, exactly once, and only while the object that asked still exists; destroying the
// pool waits for the work in progress.

#include "transfer/WorkerPool.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

using opendo::transfer::WorkerPool;

class WorkerPoolTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultArrivesOnThePoolsThreadFromTheEventLoop()
    {
        WorkerPool pool(2);
        QObject asker;
        QThread* workThread = nullptr;
        QThread* deliveryThread = nullptr;
        bool deliveredInline = true;
        bool scheduling = true;
        pool.run(
            &asker, [] { return QThread::currentThread(); },
            [&](QThread* ranOn) {
                workThread = ranOn;
                deliveryThread = QThread::currentThread();
                deliveredInline = scheduling;
            });
        scheduling = false;
        QTRY_VERIFY_WITH_TIMEOUT(deliveryThread != nullptr, 5000);
        QCOMPARE(deliveryThread, QThread::currentThread());
        QVERIFY(workThread != QThread::currentThread());
        QVERIFY(!deliveredInline);
    }

    void resultsForAskersDestroyedMeanwhileAreDropped()
    {
        // Askers die before, during and after their work; the survivors each get their
        // result once, the others never.
        constexpr int kAskers = 300;
        WorkerPool pool(4);
        std::vector<std::unique_ptr<QObject>> askers;
        QHash<int, int> deliveries;
        for (int i = 0; i < kAskers; ++i) {
            askers.push_back(std::make_unique<QObject>());
            pool.run(
                askers.back().get(),
                [i] {
                    QThread::usleep(unsigned(i % 7) * 100);
                    return i;
                },
                [&deliveries](int value) { ++deliveries[value]; });
        }
        QSet<int> survivors;
        for (int i = 0; i < kAskers; ++i) {
            if (i % 3 == 0) {
                askers[size_t(i)].reset();
                QThread::usleep(50);
            } else {
                survivors.insert(i);
            }
        }
        pool.waitForDone();
        QElapsedTimer clock;
        clock.start();
        while (deliveries.size() < survivors.size() && clock.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QCoreApplication::processEvents(); // nothing more may arrive
        QCOMPARE(deliveries.size(), survivors.size());
        for (auto it = deliveries.cbegin(); it != deliveries.cend(); ++it) {
            QVERIFY2(survivors.contains(it.key()), qPrintable(QString::number(it.key())));
            QCOMPARE(it.value(), 1);
        }
    }

    void destroyingThePoolWaitsForRunningWork()
    {
        std::atomic_bool started{false};
        std::atomic_bool finished{false};
        bool delivered = false;
        QObject asker;
        {
            WorkerPool pool(1);
            pool.run(
                &asker,
                [&] {
                    started = true;
                    QThread::msleep(200);
                    finished = true;
                    return 1;
                },
                [&](int) { delivered = true; });
            QTRY_VERIFY_WITH_TIMEOUT(started.load(), 5000);
        }
        QVERIFY(finished.load());
        QCoreApplication::processEvents();
        QVERIFY(!delivered); // the pool that would have carried it is gone
    }
};

QTEST_GUILESS_MAIN(WorkerPoolTest)
#include "test_worker_pool.moc"
