// The peers panel: its model fed with synthetic snapshots, and offscreen with two real in-process
// agents sharing one content over loopback.

#include "agent/Agent.h"
#include "panels/downloads/DownloadsPanel.h"
#include "panels/downloads/JobTableModel.h"
#include "panels/peers/BannedPeerModel.h"
#include "panels/peers/EndedConnectionModel.h"
#include "panels/peers/PeerTableModel.h"
#include "panels/peers/PeersPanel.h"
#include "panels/peers/UnreachablePeerModel.h"
#include "panels/sources/ByteSourcesPanel.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;
using namespace opendo::test;
using transfer::PeerSnapshot;
using transfer::SourceClass;

namespace {

PeerSnapshot peer(const QString& endpoint, qint64 receiveRate, bool incoming = false)
{
    PeerSnapshot p;
    p.contentId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    p.endpoint = endpoint;
    p.incoming = incoming;
    p.sourceClass = SourceClass::LanPeer;
    p.client = QStringLiteral("OpenDO 1.0");
    p.receiveRate = receiveRate;
    p.bytesReceived = receiveRate * 10;
    return p;
}

QString key(const PeerSnapshot& p)
{
    return p.contentId + '/' + p.endpoint;
}

bool setLabSettings(agent::Agent& agent)
{
    // The default hardware gates assume a desktop (4 GB of RAM, a 32 GB drive), which a CI
    // container may not be; the file is small for the default cache threshold too.
    return agent
        .applyPolicyChanges({policy::PolicyLayer::Local,
                             {{"DOMinRAMAllowedToPeer", "1"},
                              {"DOMinDiskSizeAllowedToPeer", "1"},
                              {"DOMinFileSizeToCache", "1"}}})
        .result()
        .ok;
}

std::optional<transfer::JobStatus> jobOf(const agent::Agent& agent, const QString& id)
{
    for (const auto& job : agent.jobs()) {
        if (job.jobId == id)
            return job;
    }
    return std::nullopt;
}

} // namespace

class PeersPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelUpdatesRowsInPlace();
    void stateTextNamesTheFlags();
    void bannedModelKeepsEveryBan();
    void endedModelShowsNewestFirst();
    void emptyAgentShowsTheEmptyState();
    void summarySaysWhenOnlyLocalPeersCount();
    void twoAgentsShowTheirConnection();
    void peerThatNeverAnswersIsListed();
};

void PeersPanelTest::modelUpdatesRowsInPlace()
{
    ui::PeerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    const PeerSnapshot a = peer("127.0.0.2:7680", 2 * 1024 * 1024);
    const PeerSnapshot b = peer("127.0.0.3:7680", 900, true);
    model.setPeers({a, b});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.index(0, ui::PeerTableModel::AddressColumn).data().toString(),
             QString("127.0.0.2:7680 (out)"));
    QCOMPARE(model.index(1, ui::PeerTableModel::AddressColumn).data().toString(),
             QString("127.0.0.3:7680 (in)"));
    QCOMPARE(model.index(0, ui::PeerTableModel::ClassColumn).data().toString(),
             QString("LAN peers"));
    QCOMPARE(model.index(0, ui::PeerTableModel::ContentColumn).data().toString(),
             QString("0123456789ab"));
    QCOMPARE(model.index(0, ui::PeerTableModel::DownRateColumn).data().toString(),
             QString("2.0 MiB/s"));
    QCOMPARE(model.index(0, ui::PeerTableModel::DownRateColumn)
                 .data(ui::PeerTableModel::SortRole)
                 .toLongLong(),
             2 * 1024 * 1024);
    QCOMPARE(model.index(1, 0).data(ui::PeerTableModel::KeyRole).toString(), key(b));
    // Upload delay: blank until uploads to the peer are paced, then the queuing delay.
    QCOMPARE(model.index(0, ui::PeerTableModel::UploadDelayColumn).data().toString(), QString());
    PeerSnapshot paced = a;
    paced.uploadWindow = 300 * 1024;
    paced.queuingDelayMs = 97;
    QCOMPARE(ui::PeerTableModel::uploadDelayText(paced), QString("97 ms"));

    // Same connections, new numbers, reversed order: values change, rows stay where they are.
    PeerSnapshot b2 = b;
    b2.receiveRate = 5000;
    b2.peerPercent = 40;
    model.setPeers({b2, a});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(1, 0).data(ui::PeerTableModel::KeyRole).toString(), key(b));
    QCOMPARE(model.index(1, ui::PeerTableModel::DownRateColumn)
                 .data(ui::PeerTableModel::SortRole)
                 .toLongLong(),
             5000);
    QCOMPARE(model.index(1, ui::PeerTableModel::PeerHasColumn).data().toString(), QString("40 %"));

    // One gone, one new: only those rows move.
    const PeerSnapshot c = peer("127.0.0.4:7680", 100);
    model.setPeers({b2, c});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(ui::PeerTableModel::KeyRole).toString(), key(b));
    QCOMPARE(model.index(1, 0).data(ui::PeerTableModel::KeyRole).toString(), key(c));

    // The usual case: the same connections in the same order, new counters.
    PeerSnapshot c2 = c;
    c2.receiveRate = 777;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPeers({b2, c2});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.index(1, ui::PeerTableModel::DownRateColumn)
                 .data(ui::PeerTableModel::SortRole)
                 .toLongLong(),
             777);

    // Rates sort as numbers: 100 B/s < 4.9 KiB/s although "100 B/s" > "4.9 KiB/s" as text.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ui::PeerTableModel::SortRole);
    proxy.sort(ui::PeerTableModel::DownRateColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(ui::PeerTableModel::KeyRole).toString(), key(c));
    QCOMPARE(proxy.index(1, 0).data(ui::PeerTableModel::KeyRole).toString(), key(b));

    model.setPeers({});
    QCOMPARE(model.rowCount(), 0);
}

void PeersPanelTest::stateTextNamesTheFlags()
{
    PeerSnapshot p = peer("127.0.0.2:7680", 0);
    p.amInterested = true;
    p.peerChoking = false;
    QCOMPARE(ui::PeerTableModel::stateText(p), QString("interested · unchoked us"));
    p.amInterested = false;
    p.peerChoking = true;
    QCOMPARE(ui::PeerTableModel::stateText(p), QString("choked by peer"));
    p.peerInterested = true;
    p.amChoking = false;
    QCOMPARE(ui::PeerTableModel::stateText(p), QString("choked by peer · uploading to peer"));
    QVERIFY(ui::PeerTableModel::stateToolTip(p).contains("wants pieces this device has"));
}

void PeersPanelTest::bannedModelKeepsEveryBan()
{
    ui::BannedPeerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const QDateTime at = QDateTime::currentDateTime();
    transfer::BannedPeer liar{"0123456789abcdef0123456789abcdef01234567", "127.0.0.9",
                              "127.0.0.9:51234", "sent piece 3 with data that fails verification",
                              at};
    model.setBanned({liar});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(ui::BannedPeerModel::ColumnCount));
    QCOMPARE(model.index(0, ui::BannedPeerModel::AddressColumn).data().toString(),
             QString("127.0.0.9"));
    QCOMPARE(model.index(0, ui::BannedPeerModel::ContentColumn).data().toString(),
             QString("0123456789ab"));
    QCOMPARE(model.index(0, ui::BannedPeerModel::ContentColumn).data(Qt::ToolTipRole).toString(),
             liar.contentId);
    QVERIFY(model.index(0, ui::BannedPeerModel::ReasonColumn)
                .data()
                .toString()
                .contains("fails verification"));
    QVERIFY(model.index(0, ui::BannedPeerModel::AddressColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("127.0.0.9:51234"));
    QVERIFY(!model.index(0, ui::BannedPeerModel::SinceColumn).data().toString().isEmpty());
    QCOMPARE(resets.size(), 1);

    // The same snapshot again (twice a second) leaves the view alone; a new ban adds a row.
    model.setBanned({liar});
    QCOMPARE(resets.size(), 1);
    transfer::BannedPeer second = liar;
    second.address = "127.0.0.10";
    second.at = at.addSecs(5);
    model.setBanned({liar, second});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, ui::BannedPeerModel::AddressColumn).data().toString(),
             QString("127.0.0.10"));
    model.setBanned({});
    QCOMPARE(model.rowCount(), 0);
}

void PeersPanelTest::endedModelShowsNewestFirst()
{
    ui::EndedConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto record = [](const QString& endpoint, bool violation) {
        stats::ConnectionRecord r;
        r.contentId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        r.endpoint = endpoint;
        r.sourceClass = SourceClass::GroupPeer;
        r.endedAt = QDateTime::currentDateTimeUtc();
        r.startedAt = r.endedAt.addSecs(-5);
        r.bytesReceived = 3 * 1024 * 1024;
        r.hashFailures = violation ? 2 : 0;
        r.endReason = violation ? "banned: sent piece 3 with data that fails verification"
                                : "peer closed the connection";
        r.violation = violation;
        return r;
    };
    const QList<stats::ConnectionRecord> journal{record("127.0.0.4:7680", false),
                                                 record("127.0.0.9:51234", true)};
    model.setRecords(journal);
    QCOMPARE(model.rowCount(), 2);
    const auto text = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, ui::EndedConnectionModel::AddressColumn), QString("127.0.0.9:51234 (out)"));
    QCOMPARE(text(1, ui::EndedConnectionModel::AddressColumn), QString("127.0.0.4:7680 (out)"));
    QCOMPARE(text(0, ui::EndedConnectionModel::ClassColumn), QString("Group peers"));
    QCOMPARE(text(0, ui::EndedConnectionModel::ReceivedColumn), ui::formatBytes(3 * 1024 * 1024));
    QVERIFY(
        text(0, ui::EndedConnectionModel::ReasonColumn).startsWith("broke the protocol: banned"));
    QCOMPARE(text(1, ui::EndedConnectionModel::ReasonColumn),
             QString("peer closed the connection"));
    QVERIFY(model.index(0, ui::EndedConnectionModel::ReasonColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("2 piece(s)"));
    QCOMPARE(
        model.index(0, ui::EndedConnectionModel::ContentColumn).data(Qt::ToolTipRole).toString(),
        journal[0].contentId);
    // The same journal again changes nothing; one more ended connection resets once.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setRecords(journal);
    QCOMPARE(resets.count(), 0);
    model.setRecords(journal + QList{record("127.0.0.5:7680", false)});
    QCOMPARE(resets.count(), 1);
    QCOMPARE(text(0, ui::EndedConnectionModel::AddressColumn), QString("127.0.0.5:7680 (out)"));
}

void PeersPanelTest::emptyAgentShowsTheEmptyState()
{
    QTemporaryDir dir;
    agent::Agent agent(test::testAgentOptions(dir.filePath("data"), true));
    QCOMPARE(agent.start().result(), QString());
    ui::PeersPanel panel(agent);
    panel.show();
    auto* empty = panel.findChild<QLabel*>("peersEmpty");
    QVERIFY(empty);
    QTRY_VERIFY(panel.summaryText().contains("Not listening"));
    QVERIFY(empty->isVisible());
    QCOMPARE(panel.model().rowCount(), 0);
    // No bans: the banned list takes no room.
    auto* banned = panel.findChild<QTableView*>("bannedTable");
    QVERIFY(banned);
    QVERIFY(!banned->isVisible());
    QCOMPARE(panel.bannedModel().rowCount(), 0);
}

void PeersPanelTest::summarySaysWhenOnlyLocalPeersCount()
{
    agent::PeerActivity a;
    QVERIFY(!ui::PeersPanel::summary(a).contains("DNS-SD"));
    a.discovery.local.restricting = true;
    a.discovery.local.peers = {"192.0.2.5:7680"};
    QVERIFY2(ui::PeersPanel::summary(a).contains("Only local peers (DNS-SD): 1 found"),
             qPrintable(ui::PeersPanel::summary(a)));
    a.discovery.local.error = "cannot join the multicast DNS group on eth0: No such device";
    QVERIFY2(ui::PeersPanel::summary(a).contains(
                 "Only local peers (DNS-SD), which fails: cannot join the multicast DNS group"),
             qPrintable(ui::PeersPanel::summary(a)));
}

void PeersPanelTest::twoAgentsShowTheirConnection()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    constexpr qint64 kFileSize = 24 * 1024 * 1024;
    QTemporaryDir dir;
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/content.bin", kFileSize, 31));
    NginxServer fast(NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, {}});
    // B's web seed trickles, so B's download lasts long enough to need A, and bytes from A are
    // certain; the web seed list is outside the info dictionary, so both metainfo files name
    // the same content.
    NginxServer slow(
        NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, "limit_rate 256k;"});
    QString error;
    QVERIFY2(fast.start(&error), qPrintable(error));
    QVERIFY2(slow.start(&error), qPrintable(error));
    auto metainfo = [&](const NginxServer& origin, const QString& out) {
        const ProcessResult r =
            runProgram(executable("doctl"), {"create-metainfo", root + "/content.bin", "--webseed",
                                             origin.url("/content.bin").toString(), "--piece-size",
                                             "262144", "-o", out});
        return r.exitCode == 0 ? out : r.err;
    };
    const QString torrentA = metainfo(fast, dir.filePath("a.torrent"));
    const QString torrentB = metainfo(slow, dir.filePath("b.torrent"));
    QVERIFY2(torrentA.endsWith(".torrent"), qPrintable(torrentA));
    QVERIFY2(torrentB.endsWith(".torrent"), qPrintable(torrentB));

    const QHostAddress addressA(QStringLiteral("127.0.0.2"));
    const QHostAddress addressB(QStringLiteral("127.0.0.3"));
    const QString endpointA = QString("127.0.0.2:%1").arg(freePort(addressA));
    const QString endpointB = QString("127.0.0.3:%1").arg(freePort(addressB));
    agent::AgentOptions optionsA = test::testAgentOptions(dir.filePath("a"), true);
    optionsA.listen = endpointA;
    // Without a discovery service, LAN mode accepts only configured peers: each knows the other.
    optionsA.staticPeers = {endpointB};
    auto agentA = std::make_unique<agent::Agent>(optionsA);
    QCOMPARE(agentA->start().result(), QString());
    QVERIFY(setLabSettings(*agentA));

    const auto addedA = agentA->addDownload({torrentA, dir.filePath("a.bin"), true}).result();
    QVERIFY2(!addedA.jobId.isEmpty(), qPrintable(addedA.error));
    const transfer::JobStatus doneA = agentA->waitForJob(addedA.jobId).result();
    QCOMPARE(doneA.state, transfer::JobState::Caching);

    agent::AgentOptions optionsB = test::testAgentOptions(dir.filePath("b"), true);
    optionsB.listen = endpointB;
    optionsB.staticPeers = {endpointA};
    auto agentB = std::make_unique<agent::Agent>(optionsB);
    QCOMPARE(agentB->start().result(), QString());
    QVERIFY(setLabSettings(*agentB));

    auto panelA = std::make_unique<ui::PeersPanel>(*agentA);
    ui::PeersPanel panelB(*agentB);
    panelA->show();
    panelB.show();
    // B's other live panels watch the same download.
    ui::DownloadsPanel downloadsB(*agentB);
    ui::ByteSourcesPanel sourcesB(*agentB);
    downloadsB.show();
    sourcesB.show();
    QAbstractItemModelTester downloadsTester(
        &downloadsB.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tester(&panelB.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(panelA->summaryText().contains("Listening on " + endpointA));
    QVERIFY2(panelA->summaryText().contains("Peering on"), qPrintable(panelA->summaryText()));

    // Over loopback B can finish between two publishes (twice a second), so rows are noted as
    // they arrive instead of being looked for afterwards.
    QStringList classesSeenByB;
    connect(
        &panelB.model(), &QAbstractItemModel::rowsInserted, this,
        [&](const QModelIndex&, int first, int last) {
            for (int row = first; row <= last; ++row)
                classesSeenByB
                    << panelB.model().index(row, ui::PeerTableModel::ClassColumn).data().toString();
        });
    QStringList addressesSeenByA;
    connect(&panelA->model(), &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex&, int first, int last) {
                for (int row = first; row <= last; ++row)
                    addressesSeenByA << panelA->model()
                                            .index(row, ui::PeerTableModel::AddressColumn)
                                            .data()
                                            .toString();
            });

    const auto addedB = agentB->addDownload({torrentB, dir.filePath("b.bin"), true}).result();
    QVERIFY2(!addedB.jobId.isEmpty(), qPrintable(addedB.error));
    QTRY_VERIFY_WITH_TIMEOUT(!classesSeenByB.isEmpty(), 15000);
    QCOMPARE(classesSeenByB.front(), QString("LAN peers"));
    QTRY_VERIFY_WITH_TIMEOUT(jobOf(*agentB, addedB.jobId) &&
                                 transfer::isTerminal(jobOf(*agentB, addedB.jobId)->state),
                             25000);
    const transfer::JobStatus doneB = *jobOf(*agentB, addedB.jobId);
    QCOMPARE(doneB.state, transfer::JobState::Caching);
    QVERIFY2(doneB.bytesFromPeers > 0, qPrintable(QString::number(doneB.bytesFromPeers)));
    QVERIFY(sameContent(root + "/content.bin", dir.filePath("b.bin")));
    // The panel takes the jobs from a queued signal that may trail the snapshot read above.
    QTRY_COMPARE_WITH_TIMEOUT(downloadsB.model().rowCount(), 1, 5000);
    // The sources chart of B shows bytes from LAN peers (history is sampled every second), and
    // its per-class totals add up to what the job says it got.
    QTRY_VERIFY_WITH_TIMEOUT(sourcesB.series().totals()[size_t(transfer::SourceClass::LanPeer)] ==
                                     doneB.bytesFromLanPeers &&
                                 sourcesB.series().totals()[size_t(transfer::SourceClass::Http)] ==
                                     doneB.bytesFromHttp,
                             10000);
    QVERIFY(sourcesB.series().totals()[size_t(transfer::SourceClass::LanPeer)] > 0);
    QCOMPARE(sourcesB.series().total(), kFileSize);
    // A seeds on after B finished, so its side of the connection shows up by the next publish.
    QTRY_VERIFY_WITH_TIMEOUT(!addressesSeenByA.isEmpty(), 5000);
    QVERIFY2(addressesSeenByA.front().startsWith("127.0.0.3:") &&
                 addressesSeenByA.front().endsWith("(in)"),
             qPrintable(addressesSeenByA.join(", ")));

    // A goes away: B's side of the connection ends, and the panel lists it with what it
    // carried and why, from the agent's journal.
    QAbstractItemModelTester endedTester(&panelB.endedModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* endedTable = panelB.findChild<QTableView*>("endedTable");
    QVERIFY(endedTable && endedTable->isHidden());
    panelA.reset();
    agentA.reset();
    QTRY_VERIFY_WITH_TIMEOUT(panelB.endedModel().rowCount() == 1, 10000);
    QVERIFY(!endedTable->isHidden());
    const auto ended = [&](int column) {
        return panelB.endedModel().index(0, column).data().toString();
    };
    QCOMPARE(ended(ui::EndedConnectionModel::AddressColumn), endpointA + " (out)");
    QCOMPARE(ended(ui::EndedConnectionModel::ClassColumn), QString("LAN peers"));
    QVERIFY2(ended(ui::EndedConnectionModel::ReceivedColumn) != ui::formatBytes(0),
             qPrintable(ended(ui::EndedConnectionModel::ReceivedColumn)));
    QVERIFY2(!ended(ui::EndedConnectionModel::ReasonColumn).isEmpty(),
             qPrintable(ended(ui::EndedConnectionModel::ReasonColumn)));
    agentB.reset();
}

void PeersPanelTest::peerThatNeverAnswersIsListed()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    QTemporaryDir dir;
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/content.bin", 8 * 1024 * 1024, 32));
    // A slow origin keeps the download running while the agent dials its configured peer.
    NginxServer slow(
        NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, "limit_rate 256k;"});
    QString error;
    QVERIFY2(slow.start(&error), qPrintable(error));
    const ProcessResult created =
        runProgram(executable("doctl"),
                   {"create-metainfo", root + "/content.bin", "--webseed",
                    slow.url("/content.bin").toString(), "-o", dir.filePath("c.torrent")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));

    // The configured peer's address has nothing listening: every dial is refused.
    const QHostAddress silent(QStringLiteral("127.0.0.7"));
    const QString silentEndpoint = QString("127.0.0.7:%1").arg(freePort(silent));
    agent::AgentOptions options = test::testAgentOptions(dir.filePath("a"), true);
    options.listen = QString("127.0.0.3:%1").arg(freePort(QHostAddress("127.0.0.3")));
    options.staticPeers = {silentEndpoint};
    agent::Agent agent(options);
    QCOMPARE(agent.start().result(), QString());
    QVERIFY(setLabSettings(agent));

    ui::PeersPanel panel(agent);
    panel.show();
    QAbstractItemModelTester tester(&panel.unreachableModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* table = panel.findChild<QTableView*>("unreachableTable");
    QVERIFY(table && table->isHidden());

    const auto added = agent.addDownload({dir.filePath("c.torrent"), {}, true}).result();
    QVERIFY2(!added.jobId.isEmpty(), qPrintable(added.error));
    QTRY_COMPARE_WITH_TIMEOUT(panel.unreachableModel().rowCount(), 1, 10000);
    QVERIFY(!table->isHidden());
    using M = ui::UnreachablePeerModel;
    const auto cell = [&](int column) {
        return panel.unreachableModel().index(0, column).data().toString();
    };
    QCOMPARE(cell(M::AddressColumn), silentEndpoint);
    QCOMPARE(cell(M::ClassColumn), QString("LAN peers"));
    QVERIFY2(cell(M::ErrorColumn).contains("refused", Qt::CaseInsensitive),
             qPrintable(cell(M::ErrorColumn)));
    const agent::PeerActivity activity = agent.peerActivity();
    QCOMPARE(activity.unreachable.size(), 1);
    QVERIFY(activity.unreachable.first().attempts >= 1);
    QCOMPARE(activity.unreachable.first().contentId.left(12), cell(M::ContentColumn));
    // Nothing connected, so the journal of ended connections has nothing to say.
    QVERIFY(activity.peers.isEmpty());
    if (!qEnvironmentVariableIsEmpty("OPENDO_SCREENSHOT_DIR")) {
        panel.resize(1000, 500);
        QVERIFY(panel.grab().save(qEnvironmentVariable("OPENDO_SCREENSHOT_DIR") +
                                  "/peers-unreachable.png"));
    }

    // The troubleshooter's reachability check carries the agent's own attempts next to its
    // probe of the port.
    diagnostics::DiagnosticRequest request;
    request.checkIds = {"peers.reachable"};
    const diagnostics::DiagnosticReport report = agent.runDiagnostics(request).result();
    const diagnostics::CheckResult* reachable = report.find("peers.reachable");
    QVERIFY(reachable);
    QCOMPARE(reachable->verdict, diagnostics::Verdict::Fail);
    const QString evidence = reachable->evidence.join('\n');
    QVERIFY2(
        evidence.contains(QString("The agent could not connect to %1 (").arg(silentEndpoint)) &&
            evidence.contains("refused", Qt::CaseInsensitive),
        qPrintable(evidence));
}

QTEST_MAIN(PeersPanelTest)
#include "test_peers_panel.moc"
