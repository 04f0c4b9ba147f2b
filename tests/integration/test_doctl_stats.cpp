// doctl perfsnap (the device snapshot) and doctl log [--follow] against a running do-agent,
// through its control endpoint.

#include "support/AgentProcess.h"
#include "support/ProcessRunner.h"
#include "support/TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::test;

class DoctlStatsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void perfSnapDescribesTheDevice();
    void logShowsRecentRecordsFiltered();
    void logFollowStreamsUntilDoctlGoes();
    void cleanupTestCase();

private:
    ProcessResult doctl(const QStringList& args)
    {
        return runProgram(executable("doctl"), QStringList{"--data-dir", m_dir.path()} + args,
                          30000);
    }
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
};

void DoctlStatsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    AgentProcessOptions options;
    options.dataDir = m_dir.path();
    m_agent = std::make_unique<AgentProcess>(options);
    QString error;
    QVERIFY2(m_agent->start(&error), qPrintable(error));
}

void DoctlStatsTest::cleanupTestCase()
{
    if (m_agent)
        QCOMPARE(m_agent->stop(), 0);
}

void DoctlStatsTest::perfSnapDescribesTheDevice()
{
    const ProcessResult r = doctl({"perfsnap", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const char* field :
         {"Files", "CacheSizeBytes", "CacheLimitBytes", "TotalDiskBytes", "AvailableDiskBytes",
          "CpuUsagePct", "MemUsageKB", "LanConnections", "InternetConnections", "CdnConnections",
          "DownloadMode", "EffectiveDownloadMode", "DiscoveryState"})
        QVERIFY2(o.contains(QLatin1String(field)), field);
    QCOMPARE(o["Files"].toInt(), 0);
    QVERIFY(o["TotalDiskBytes"].toInteger() > 0);
    QVERIFY(o["CacheLimitBytes"].toInteger() > 0);
    QVERIFY(o["CacheLimitBytes"].toInteger() <= o["TotalDiskBytes"].toInteger());
    QVERIFY(o["MemUsageKB"].toInteger() > 1000); // the agent, not doctl
    QCOMPARE(o["DiscoveryState"].toString(), QString("not_configured"));
    // The monthly view is still there, and a stray argument is a usage error.
    QCOMPARE(doctl({"perfsnap", "--month", "--json"}).exitCode, 0);
    QCOMPARE(doctl({"perfsnap", "--bogus"}).exitCode, 2);
}

void DoctlStatsTest::logShowsRecentRecordsFiltered()
{
    const ProcessResult all = doctl({"log", "--json", "--lines", "50"});
    QVERIFY2(all.exitCode == 0, qPrintable(all.err));
    const QStringList lines = all.out.split('\n', Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    bool sawListening = false;
    for (const QString& line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(o.contains("Seq") && o.contains("Level") && o.contains("Component"),
                 qPrintable(line));
        sawListening |= o["Message"].toString().contains("listening for peers");
    }
    QVERIFY2(sawListening, qPrintable(all.out));
    // Filters: nothing from the agent's start-up is a warning; components match by last part.
    const ProcessResult warnings = doctl({"log", "--level", "warning"});
    QCOMPARE(warnings.exitCode, 0);
    QVERIFY2(!warnings.out.contains("listening for peers"), qPrintable(warnings.out));
    const ProcessResult agentOnly = doctl({"log", "--component", "agent"});
    QVERIFY(agentOnly.out.contains("listening for peers"));
    QVERIFY(!agentOnly.out.contains("opendo.control"));
    QCOMPARE(doctl({"log", "--level", "loud"}).exitCode, 2);
}

void DoctlStatsTest::logFollowStreamsUntilDoctlGoes()
{
    QProcess follow;
    follow.start(executable("doctl"),
                 {"--data-dir", m_dir.path(), "log", "--follow", "--json", "--component",
                  "control"});
    QVERIFY(follow.waitForStarted(5000));
    // Something new to log: every control command is logged by the agent when it ends.
    QByteArray streamed;
    auto logsACommand = [&] {
        const QStringList args{"config", "get", "DOMaxCacheAge"};
        if (doctl(args).exitCode != 0)
            return false;
        QTest::qWait(300); // the follower polls every 200 ms
        streamed += follow.readAllStandardOutput();
        return streamed.contains("config get");
    };
    QTRY_VERIFY_WITH_TIMEOUT(logsACommand(), 15000);
    // Each record once, in order: the follower only prints what is new.
    qint64 lastSeq = 0;
    for (const QByteArray& line : streamed.split('\n')) {
        if (line.isEmpty())
            continue;
        const qint64 seq = QJsonDocument::fromJson(line).object()["Seq"].toInteger();
        QVERIFY2(seq > lastSeq, line.constData());
        lastSeq = seq;
    }
    follow.kill();
    QVERIFY(follow.waitForFinished(5000));
    // The agent notices doctl went away and ends the command.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_agent->log().contains("log --follow --json --component control (rc 0)"), 10000);
}

QTEST_GUILESS_MAIN(DoctlStatsTest)
#include "test_doctl_stats.moc"
