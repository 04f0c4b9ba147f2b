// Benchmark (prints figures; not a test): how long one refresh of the console's live panels
// takes on the GUI thread when the agent reports 500 peer connections and 50 downloads. Each
// round publishes the snapshots the agent would (jobs, peer activity, device statistics) through
// the facade's own signals, lets every panel take them, and paints the visible panel (asked
// with update(), as a model change asks, so it coalesces with the views' own requests); the
// time is the GUI thread's CPU time from the snapshots' arrival until the coalesced refreshes
// ran and the visible panel painted. It also prints the median by visible panel, which shows
// where painting costs most. Target: median <= 8 ms.
//
//   build/bench/ui_refresh/ui_refresh [ROUNDS]      (QT_QPA_PLATFORM=offscreen by default)

#include "agent/Agent.h"
#include "panels/activity/ActivityPanel.h"
#include "panels/cache/CachePanel.h"
#include "panels/downloads/DownloadsPanel.h"
#include "panels/log/LogPanel.h"
#include "panels/overview/OverviewPanel.h"
#include "panels/peers/PeersPanel.h"
#include "panels/sources/ByteSourcesPanel.h"

#include <QApplication>
#include <QEventLoop>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace opendo;

namespace {

constexpr int kPeers = 500;
constexpr int kJobs = 50;

// Snapshots shaped like a busy agent's; counters move every round as they would.
agent::PeerActivity peerActivity(int round)
{
    agent::PeerActivity a;
    a.listenEndpoint = QStringLiteral("0.0.0.0:7680");
    a.downloadMode = a.configuredMode = 1;
    a.peeringAllowed = a.uploadAllowed = true;
    for (int i = 0; i < kPeers; ++i) {
        transfer::PeerSnapshot p;
        p.contentId = QStringLiteral("%1").arg(i % kJobs, 40, 10, QLatin1Char('0'));
        p.endpoint =
            QStringLiteral("10.%1.%2.%3:7680").arg(i / 65536).arg(i / 256 % 256).arg(i % 256);
        p.incoming = i % 2 == 0;
        p.sourceClass = transfer::SourceClass(2 + i % 3);
        p.client = QStringLiteral("OpenDO 0.1.0");
        p.bytesReceived = qint64(round) * 1000 * (i + 1);
        p.bytesSent = qint64(round) * 700 * (i + 1);
        p.receiveRate = (i * 7919 + round * 104729) % 5'000'000;
        p.sendRate = (i * 104729 + round * 7919) % 3'000'000;
        p.amChoking = (i + round) % 3 == 0;
        p.peerInterested = i % 2 == 1;
        p.peerPercent = (i + round) % 101;
        a.peers.append(p);
    }
    return a;
}

stats::DeviceStats deviceStats(int round)
{
    stats::DeviceStats d;
    d.at = QDateTime::currentDateTimeUtc();
    d.files = kJobs;
    d.cacheBytes = qint64(round) * 100'000'000;
    d.cacheLimitBytes = 50'000'000'000;
    d.maxCacheSizeBytes = 50'000'000'000;
    d.diskTotalBytes = 250'000'000'000;
    d.diskFreeBytes = 100'000'000'000;
    for (size_t i = 0; i < d.downloadRate.size(); ++i) {
        d.downloadRate[i] = qint64(round % 7 + 1) * 1'000'000 * qint64(i + 1);
        d.uploadRate[i] = qint64(round % 5 + 1) * 500'000 * qint64(i + 1);
    }
    d.activeDownloads = kJobs;
    d.peers = kPeers;
    return d;
}

QList<transfer::JobStatus> jobs(int round)
{
    QList<transfer::JobStatus> out;
    for (int i = 0; i < kJobs; ++i) {
        transfer::JobStatus s;
        s.jobId = QStringLiteral("job-%1").arg(i);
        s.fileId = QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('0'));
        s.fileName = QStringLiteral("update-%1.cab").arg(i);
        s.source = QStringLiteral("http://origin.example/update-%1.cab").arg(i);
        s.fileSize = 1'000'000'000;
        s.fileSizeInCache = std::min<qint64>(s.fileSize, qint64(round) * 5'000'000 * (i + 1));
        s.bytesFromHttp = s.fileSizeInCache / 3;
        s.bytesFromLanPeers = s.fileSizeInCache - s.bytesFromHttp;
        s.bytesFromPeers = s.bytesFromLanPeers;
        s.totalBytesDownloaded = s.fileSizeInCache;
        s.state = transfer::JobState::Downloading;
        s.foreground = i % 4 == 0;
        s.downloadMode = 1;
        s.peerConnectionCount = kPeers / kJobs;
        out.append(s);
    }
    return out;
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(10, atoi(argv[1])) : 60;
    QTemporaryDir dir;
    agent::AgentOptions options;
    options.dataDir = dir.path();
    options.listen.clear();
    agent::Agent agent(options); // not started: the bench publishes the snapshots itself

    QTabWidget window;
    // Every live panel of the console, as the main window holds them.
    window.addTab(new ui::OverviewPanel(agent), QStringLiteral("Overview"));
    window.addTab(new ui::DownloadsPanel(agent), QStringLiteral("Downloads"));
    window.addTab(new ui::PeersPanel(agent), QStringLiteral("Peers"));
    window.addTab(new ui::ByteSourcesPanel(agent), QStringLiteral("Byte sources"));
    window.addTab(new ui::CachePanel(agent), QStringLiteral("Cache"));
    window.addTab(new ui::ActivityPanel(agent), QStringLiteral("Activity"));
    window.addTab(new ui::LogPanel(agent), QStringLiteral("Log"));
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();

    std::vector<double> ms;
    std::vector<std::vector<double>> byPanel(size_t(window.count()));
    for (int round = 1; round <= rounds; ++round) {
        const agent::PeerActivity activity = peerActivity(round);
        const QList<transfer::JobStatus> list = jobs(round);
        // Rotate the visible panel so every view's paint is measured; all models update. A
        // panel that becomes visible fetches what it shows (its showEvent); that is the cost of
        // switching panels, not of a refresh, so it settles before the clock starts.
        window.setCurrentIndex(round % window.count());
        {
            QEventLoop settle;
            QTimer::singleShot(300, &settle, &QEventLoop::quit);
            settle.exec();
        }
        // Panels coalesce on timers (at most 4 refreshes a second), so the work of one refresh
        // is everything the GUI thread does in the 250 ms after the snapshots arrive; the
        // thread's CPU time over that window is that work (the loop itself sleeps).
        const qint64 before = threadCpuNs();
        Q_EMIT agent.jobsChanged(list);
        Q_EMIT agent.peerActivityChanged(activity);
        Q_EMIT agent.deviceStatsChanged(deviceStats(round));
        window.currentWidget()->update();
        QEventLoop loop;
        QTimer::singleShot(260, &loop, &QEventLoop::quit);
        loop.exec();
        ms.push_back(double(threadCpuNs() - before) / 1e6);
        byPanel[size_t(window.currentIndex())].push_back(ms.back());
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&ms](double p) { return ms[size_t(p * double(ms.size() - 1))]; };
    std::printf("ui_refresh: %d peers, %d jobs, %d refreshes over %d panels\n", kPeers, kJobs,
                rounds, window.count());
    std::printf("  GUI-thread time per refresh: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                pct(0.5), pct(0.95), ms.back());
    std::printf("  target median <= 8 ms: %s\n", pct(0.5) <= 8.0 ? "PASS" : "MISS");
    // Which visible panel costs what: every refresh updates all models, only the visible one
    // paints, so the spread between these is mostly painting.
    std::printf("  median by visible panel:");
    for (size_t i = 0; i < byPanel.size(); ++i) {
        std::vector<double>& v = byPanel[i];
        if (v.empty())
            continue;
        std::sort(v.begin(), v.end());
        std::printf(" %s %.1f ms%s", qPrintable(window.tabText(int(i))), v[v.size() / 2],
                    i + 1 < byPanel.size() ? "," : "\n");
    }
    return 0;
}
