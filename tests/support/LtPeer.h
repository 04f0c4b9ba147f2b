#pragma once

// tests/integration/lt_peer.py (Debian's python3-libtorrent, run by /usr/bin/python3) as a
// foreign BitTorrent peer for the interop tests, and a failure check that prints whole logs.

#include "support/FreePort.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>
#include <csignal>

namespace opendo::test {

// Debian's Python modules import from here; the python3 first on PATH may be another build.
inline const QString kDebianPython = QStringLiteral("/usr/bin/python3");

QString ltPeerScript();

// lt_peer.py running in the background, its stdout and stderr merged and kept.
class LtPeer
{
public:
    explicit LtPeer(QStringList arguments)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(kDebianPython, QStringList{ltPeerScript()} + arguments);
        stopWithParent(m_process);
    }
    ~LtPeer() { stop(); }
    LtPeer(const LtPeer&) = delete;
    LtPeer& operator=(const LtPeer&) = delete;

    QString output()
    {
        m_output += QString::fromUtf8(m_process.readAll());
        return m_output;
    }
    // Waits until a line starting with `prefix` was printed; false on exit or timeout.
    bool waitForLine(const QString& prefix, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (!lastLine(prefix).isNull())
                return true;
            if (m_process.state() == QProcess::NotRunning)
                return !lastLine(prefix).isNull();
            m_process.waitForReadyRead(200);
        }
        return false;
    }
    // The last complete line starting with `prefix`, null when there is none.
    QString lastLine(const QString& prefix)
    {
        const QStringList lines = output().split(QLatin1Char('\n'));
        // The last element is an unfinished line (or empty): a "report" cut in half is no JSON.
        for (qsizetype i = lines.size() - 2; i >= 0; --i) {
            if (lines[i].startsWith(prefix))
                return lines[i];
        }
        return {};
    }
    // lt_peer.py's last "report {JSON}".
    QJsonObject report()
    {
        const QString line = lastLine(QStringLiteral("report "));
        return QJsonDocument::fromJson(line.mid(7).toUtf8()).object();
    }
    // Waits for the exit; -1 on timeout (the process is killed then) or a crash.
    int waitForExit(int timeoutMs)
    {
        if (!m_process.waitForFinished(timeoutMs) && m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
            output();
            return -1;
        }
        output();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    // SIGTERM: lt_peer.py prints its final report on the way out.
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return waitForExit(0);
        ::kill(pid_t(m_process.processId()), SIGTERM);
        return waitForExit(5000);
    }

private:
    QProcess m_process;
    QString m_output;
};

// Qt Test cuts long failure messages; the logs go to stderr whole.
void dumpLogs(const QString& logs);

} // namespace opendo::test

#define CHECK_OR_DUMP(condition, what, logs)                                                       \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            opendo::test::dumpLogs(logs);                                                          \
            QFAIL(qPrintable(QString(what)));                                                      \
        }                                                                                          \
    } while (false)
