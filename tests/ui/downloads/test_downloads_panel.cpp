// The downloads panel, offscreen, with a real embedded agent and a real nginx origin.

#include "agent/Agent.h"
#include "panels/downloads/DownloadsPanel.h"
#include "panels/downloads/JobDetails.h"
#include "panels/downloads/JobTableModel.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;

class DownloadsPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addedDownloadAppearsAndCompletes();
    void badSourceShowsTheError();
    void heldJobSaysWhatItWaitsFor();
};

void DownloadsPanelTest::addedDownloadAppearsAndCompletes()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    QTemporaryDir dir;
    QVERIFY(writeRandomFile(dir.filePath("file.bin"), 4 * 1024 * 1024 + 17, 9));
    NginxOptions options;
    options.documentRoot = dir.path();
    NginxServer nginx(options);
    QVERIFY(nginx.start());

    agent::Agent agent(test::testAgentOptions(dir.filePath("data"), true));
    QCOMPARE(agent.start().result(), QString());
    ui::DownloadsPanel panel(agent);
    panel.show();
    ui::JobTableModel& model = panel.model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    panel.addDownload(nginx.url("/file.bin").toString(), dir.filePath("out.bin"), true);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ui::JobTableModel::FileColumn).data().toString(), QString("file.bin"));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, ui::JobTableModel::StatusColumn).data().toString(),
                              QString("Complete"), 15000);
    QCOMPARE(model.index(0, ui::JobTableModel::ProgressColumn).data().toString(),
             QString("100.0 %"));
    QVERIFY(model.index(0, ui::JobTableModel::HttpColumn).data().toString().startsWith("4.0 MiB"));
    QVERIFY(sameContent(dir.filePath("file.bin"), dir.filePath("out.bin")));
}

void DownloadsPanelTest::badSourceShowsTheError()
{
    QTemporaryDir dir;
    agent::Agent agent(test::testAgentOptions(dir.filePath("data"), true));
    QCOMPARE(agent.start().result(), QString());
    ui::DownloadsPanel panel(agent);
    panel.show();
    panel.addDownload(dir.filePath("missing.torrent"), {}, true);
    auto* message = panel.findChild<QLabel*>("downloadsMessage");
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains("missing.torrent"), qPrintable(message->text()));
    QCOMPARE(panel.model().rowCount(), 0);
}

void DownloadsPanelTest::heldJobSaysWhatItWaitsFor()
{
    ui::JobTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    transfer::JobStatus held;
    held.jobId = "job-1";
    held.source = "http://origin/file.bin";
    held.state = transfer::JobState::Queued;
    held.waitingFor = "the cache to finish copying to /mnt/big";
    transfer::JobStatus queued = held;
    queued.jobId = "job-2";
    queued.waitingFor.clear();
    model.setJobs({held, queued});
    QCOMPARE(model.index(0, ui::JobTableModel::StatusColumn).data().toString(),
             QString("Queued: waits for the cache to finish copying to /mnt/big"));
    QCOMPARE(model.index(0, ui::JobTableModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             QString("Waits for the cache to finish copying to /mnt/big"));
    QCOMPARE(model.index(1, ui::JobTableModel::StatusColumn).data().toString(), QString("Queued"));
    QString status;
    for (const auto& [label, value] : ui::jobDetailRows(held))
        if (label == "Status")
            status = value;
    QVERIFY2(status.endsWith("waits for the cache to finish copying to /mnt/big"),
             qPrintable(status));
}

QTEST_MAIN(DownloadsPanelTest)
#include "test_downloads_panel.moc"
