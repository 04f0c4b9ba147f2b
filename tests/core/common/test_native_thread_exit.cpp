// waitForNativeThreadExit: QThread::wait() returns before a thread's thread-specific destructors
// have run; the helper waits until the OS thread is really gone, and gives up at its timeout for
// a thread that lives on.

#include "common/NativeThreadExit.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <pthread.h>

namespace {

std::atomic_bool g_destructorFinished{false};

void slowThreadSpecificDestructor(void*)
{
    QThread::msleep(300);
    g_destructorFinished = true;
}

} // namespace

class NativeThreadExitTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waitsForThreadSpecificDestructors()
    {
#ifndef Q_OS_LINUX
        QSKIP("native thread ids are watched on Linux only");
#endif
        pthread_key_t key;
        QCOMPARE(pthread_key_create(&key, &slowThreadSpecificDestructor), 0);
        std::atomic<qint64> nativeId{0};
        std::unique_ptr<QThread> thread(QThread::create([&] {
            nativeId = opendo::currentNativeThreadId();
            pthread_setspecific(key, &nativeId);
        }));
        thread->start();
        QVERIFY(thread->wait(5000));
        QVERIFY(nativeId > 0);
        QVERIFY(opendo::waitForNativeThreadExit(nativeId, std::chrono::seconds(5)));
        QVERIFY(g_destructorFinished);
        pthread_key_delete(key);
    }

    void givesUpOnALiveThreadAtItsTimeout()
    {
#ifndef Q_OS_LINUX
        QSKIP("native thread ids are watched on Linux only");
#endif
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!opendo::waitForNativeThreadExit(opendo::currentNativeThreadId(),
                                                 std::chrono::milliseconds(100)));
        QVERIFY(clock.elapsed() >= 100);
        QVERIFY(clock.elapsed() < 5000);
    }

    void unknownThreadCountsAsGone()
    {
        QVERIFY(opendo::waitForNativeThreadExit(0, std::chrono::milliseconds(100)));
    }
};

QTEST_GUILESS_MAIN(NativeThreadExitTest)
#include "test_native_thread_exit.moc"
