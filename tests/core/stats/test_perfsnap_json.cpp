// The fields of `doctl perfsnap` (Get-DeliveryOptimizationPerfSnap) as computed from the agent's
// snapshots: jobs counted by priority and state, connections and rates by class, the cache's
// folder and a cache move's progress.

#include "stats/PerfSnapJson.h"

#include <QTest>

using namespace opendo;
using namespace opendo::stats;
using transfer::JobState;
using transfer::JobStatus;
using transfer::SourceClass;

namespace {

JobStatus job(JobState state, bool foreground, qint64 downloaded)
{
    JobStatus s;
    s.state = state;
    s.foreground = foreground;
    s.totalBytesDownloaded = downloaded;
    return s;
}

} // namespace

class PerfSnapJsonTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jobsCountByPriorityAndState();
    void connectionsAndRatesByClass();
    void cacheMoveProgressIsReported();
    void fieldsComeInPerfSnapOrder();
};

void PerfSnapJsonTest::jobsCountByPriorityAndState()
{
    const QList<JobStatus> jobs{
        job(JobState::Downloading, true, 100), job(JobState::Queued, true, 0),
        job(JobState::Queued, true, 0),        job(JobState::Downloading, false, 50),
        job(JobState::Complete, false, 700),   job(JobState::Paused, false, 0),
    };
    const QJsonObject o = perfSnapToJson(DeviceStats{}, agent::PeerActivity{}, jobs);
    QCOMPARE(o["ForegroundDownloadCount"].toInt(), 1);
    QCOMPARE(o["ForegroundDownloadsPending"].toInt(), 2);
    QCOMPARE(o["BackgroundDownloadCount"].toInt(), 1);
    QCOMPARE(o["BackgroundDownloadsPending"].toInt(), 0); // paused is not pending
    QCOMPARE(o["FilesDownloaded"].toInt(), 3);            // those that received bytes
    QCOMPARE(o["TotalBytesDownloaded"].toInteger(), qint64(850));
}

void PerfSnapJsonTest::connectionsAndRatesByClass()
{
    DeviceStats d;
    d.connectionsByClass[size_t(SourceClass::Http)] = 4;
    d.connectionsByClass[size_t(SourceClass::CacheServer)] = 1;
    d.connectionsByClass[size_t(SourceClass::LanPeer)] = 7;
    d.connectionsByClass[size_t(SourceClass::GroupPeer)] = 2;
    d.connectionsByClass[size_t(SourceClass::InternetPeer)] = 3;
    d.connectionsByClass[size_t(SourceClass::LinkLocalPeer)] = 5;
    d.downloadRate[size_t(SourceClass::Http)] = 1000;
    d.downloadRate[size_t(SourceClass::LanPeer)] = 500;
    d.uploadRate[size_t(SourceClass::GroupPeer)] = 250;
    const QJsonObject o = perfSnapToJson(d, agent::PeerActivity{}, {});
    QCOMPARE(o["CdnConnections"].toInt(), 4);
    QCOMPARE(o["CacheHostConnections"].toInt(), 1);
    QCOMPARE(o["LanConnections"].toInt(), 7);
    QCOMPARE(o["GroupConnections"].toInt(), 2);
    QCOMPARE(o["InternetConnections"].toInt(), 3);
    QCOMPARE(o["LinkLocalConnections"].toInt(), 5);
    QCOMPARE(o["DownlinkUsageBps"].toInteger(), qint64(1500 * 8)); // bits, as DO reports them
    QCOMPARE(o["UplinkUsageBps"].toInteger(), qint64(250 * 8));
}

void PerfSnapJsonTest::cacheMoveProgressIsReported()
{
    DeviceStats d;
    d.cacheFolder = "/var/cache/opendo";
    QJsonObject o = perfSnapToJson(d, agent::PeerActivity{}, {});
    QCOMPARE(o["CacheFolder"].toString(), QString("/var/cache/opendo"));
    QCOMPARE(o["CacheMoveTarget"].toString(), QString());
    QCOMPARE(o["CacheMoveTotalBytes"].toInteger(), qint64(0));

    d.cacheMove = {"/mnt/big/opendo", 3 << 20, 8 << 20};
    o = perfSnapToJson(d, agent::PeerActivity{}, {});
    QCOMPARE(o["CacheFolder"].toString(), QString("/var/cache/opendo")); // until it switched
    QCOMPARE(o["CacheMoveTarget"].toString(), QString("/mnt/big/opendo"));
    QCOMPARE(o["CacheMoveCopiedBytes"].toInteger(), qint64(3 << 20));
    QCOMPARE(o["CacheMoveTotalBytes"].toInteger(), qint64(8 << 20));
}

void PerfSnapJsonTest::fieldsComeInPerfSnapOrder()
{
    QStringList names;
    for (const auto& field : perfSnapFields(DeviceStats{}, agent::PeerActivity{}, {}))
        names << field.first;
    QCOMPARE(names.first(), QString("FilesDownloaded"));
    QVERIFY(names.indexOf("CacheSizeBytes") < names.indexOf("CacheFolder"));
    QCOMPARE(names.indexOf("CacheMoveTarget"), names.indexOf("CacheFolder") + 1);
    QCOMPARE(names.last(), QString("BackgroundDownloadsPending"));
    QCOMPARE(names.removeDuplicates(), qsizetype(0));
}

QTEST_GUILESS_MAIN(PerfSnapJsonTest)
#include "test_perfsnap_json.moc"
