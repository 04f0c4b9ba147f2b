// onResult / whenReady: a future fulfilled on another thread reaches its handler on the
// context's thread from the event loop; a context destroyed first gets nothing; a cancelled
// future calls the cancellation handler (onResult) or the handler with a default value
// (whenReady).

#include "common/WhenReady.h"

#include <QPromise>
#include <QTest>
#include <QThread>
#include <memory>

class WhenReadyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultFromAnotherThreadArrivesOnTheContextsThread()
    {
        QObject context;
        QPromise<QString> promise;
        promise.start();
        QString got;
        QThread* deliveredOn = nullptr;
        opendo::onResult(&context, promise.future(), [&](const QString& value) {
            got = value;
            deliveredOn = QThread::currentThread();
        });
        std::unique_ptr<QThread> producer(QThread::create([&promise] {
            promise.addResult(QStringLiteral("answer"));
            promise.finish();
        }));
        producer->start();
        QVERIFY(producer->wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(got, QStringLiteral("answer"), 5000);
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    void alreadyFinishedFutureIsStillDeliveredFromTheEventLoop()
    {
        QObject context;
        QPromise<int> promise;
        promise.start();
        promise.addResult(7);
        promise.finish();
        int got = 0;
        opendo::onResult(&context, promise.future(), [&](int value) { got = value; });
        QCOMPARE(got, 0);
        QTRY_COMPARE_WITH_TIMEOUT(got, 7, 5000);
    }

    void destroyedContextGetsNothing()
    {
        auto context = std::make_unique<QObject>();
        QPromise<int> promise;
        promise.start();
        bool called = false;
        opendo::onResult(context.get(), promise.future(), [&](int) { called = true; });
        std::unique_ptr<QThread> producer(QThread::create([&promise] {
            QThread::msleep(20);
            promise.addResult(1);
            promise.finish();
        }));
        producer->start();
        context.reset(); // while the producer is about to answer
        QVERIFY(producer->wait(5000));
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void cancelledFutureTakesTheCancellationPath()
    {
        QObject context;
        bool handled = false;
        bool cancelled = false;
        QString whenReadyGot = QStringLiteral("untouched");
        {
            QPromise<QString> promise; // dies unfinished, like an agent that shut down
            promise.start();
            opendo::onResult(
                &context, promise.future(), [&](const QString&) { handled = true; },
                [&] { cancelled = true; });
            opendo::whenReady(&context, promise.future(),
                              [&](const QString& value) { whenReadyGot = value; });
        }
        QTRY_VERIFY_WITH_TIMEOUT(cancelled, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(whenReadyGot, QString(), 5000);
        QVERIFY(!handled);
    }
};

QTEST_GUILESS_MAIN(WhenReadyTest)
#include "test_when_ready.moc"
