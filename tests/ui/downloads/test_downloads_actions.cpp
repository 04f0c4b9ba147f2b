// The downloads panel's actions, offscreen, driven through its buttons against a real embedded
// agent and a real nginx origin: pause, resume and cancel a download held mid-way by a
// bandwidth policy, the details pane of the selected job, and pinning a finished download.

#include "agent/Agent.h"
#include "panels/downloads/DownloadsPanel.h"
#include "panels/downloads/JobTableModel.h"
#include "panels/troubleshoot/DownloadTraceBox.h"
#include "support/AgentPolicies.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using transfer::JobState;
using ui::JobTableModel;

namespace {

constexpr qint64 kBigSize = 16 * 1024 * 1024; // 16 s at the 1 MiB/s the test allows
constexpr qint64 kSmallSize = 2 * 1024 * 1024;

std::optional<transfer::JobStatus> jobOf(const agent::Agent& agent, const QString& id)
{
    for (const transfer::JobStatus& s : agent.jobs()) {
        if (s.jobId == id)
            return s;
    }
    return std::nullopt;
}

JobState agentState(const agent::Agent& agent, const QString& id)
{
    const auto job = jobOf(agent, id);
    return job ? job->state : JobState::Failed;
}

int rowOf(const JobTableModel& model, const QString& jobId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(JobTableModel::JobIdRole).toString() == jobId)
            return row;
    }
    return -1;
}

JobState modelState(const JobTableModel& model, const QString& jobId)
{
    const int row = rowOf(model, jobId);
    return row < 0 ? JobState::Failed
                   : JobState(model.index(row, 0).data(JobTableModel::StateRole).toInt());
}

QString statusText(const JobTableModel& model, const QString& jobId)
{
    const int row = rowOf(model, jobId);
    return row < 0 ? QString() : model.index(row, JobTableModel::StatusColumn).data().toString();
}

// The details pane as label → value.
QMap<QString, QString> details(const ui::DownloadsPanel& panel)
{
    QMap<QString, QString> out;
    auto* scroll = panel.findChild<QScrollArea*>("downloadDetails");
    if (!scroll || !scroll->widget())
        return out;
    auto* form = qobject_cast<QFormLayout*>(scroll->widget()->layout());
    if (!form)
        return out;
    for (int i = 0; i < form->rowCount(); ++i) {
        QLayoutItem* label = form->itemAt(i, QFormLayout::LabelRole);
        QLayoutItem* field = form->itemAt(i, QFormLayout::FieldRole);
        auto* l = label ? qobject_cast<QLabel*>(label->widget()) : nullptr;
        auto* f = field ? qobject_cast<QLabel*>(field->widget()) : nullptr;
        if (l && f)
            out.insert(l->text(), f->text());
    }
    return out;
}

QPushButton* button(const ui::DownloadsPanel& panel, const QStringList& texts)
{
    for (QPushButton* b : panel.findChildren<QPushButton*>()) {
        if (texts.contains(b->text()))
            return b;
    }
    return nullptr;
}

} // namespace

class DownloadsActionsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pauseResumeCancelAndDetails();
    void pinFinishedDownload();

private:
    bool startOrigin();
    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
};

bool DownloadsActionsTest::startOrigin()
{
    if (m_nginx)
        return true;
    const QString root = m_dir.filePath("www");
    if (!QDir().mkpath(root) || !writeRandomFile(root + "/big.bin", kBigSize, 41) ||
        !writeRandomFile(root + "/small.bin", kSmallSize, 42))
        return false;
    m_nginx = std::make_unique<NginxServer>(
        NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, {}});
    QString error;
    if (!m_nginx->start(&error)) {
        qWarning("%s", qPrintable(error));
        m_nginx.reset();
        return false;
    }
    return true;
}

void DownloadsActionsTest::pauseResumeCancelAndDetails()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    QVERIFY(startOrigin());
    QTemporaryDir data;
    agent::Agent agent(testAgentOptions(data.filePath("data")));
    QCOMPARE(agent.start().result(), QString());
    // 1 MiB/s keeps the 16 MiB download in progress for as long as the test needs it.
    QVERIFY(applyPolicyValues(agent, {{"DOMaxForegroundDownloadBandwidth", "1024"}}));

    ui::DownloadsPanel panel(agent);
    panel.resize(1000, 700);
    panel.show();
    JobTableModel& model = panel.model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* table = panel.findChild<QTableView*>("downloadsTable");
    QPushButton* pause = button(panel, {"&Pause"});
    QPushButton* resume = button(panel, {"&Resume"});
    QPushButton* cancel = button(panel, {"&Cancel download"});
    QPushButton* pin = button(panel, {"P&in", "Un&pin"});
    QVERIFY(table && pause && resume && cancel && pin);
    QVERIFY(!pause->isEnabled() && !resume->isEnabled() && !cancel->isEnabled());

    const QString url = m_nginx->url("/big.bin").toString();
    const QString out = data.filePath("big.out");
    panel.addDownload(url, out, true);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    const QString jobId = model.index(0, 0).data(JobTableModel::JobIdRole).toString();
    QVERIFY(!jobId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(modelState(model, jobId), JobState::Downloading, 5000);

    // Selecting the row fills the details pane with that job's fields.
    table->selectRow(rowOf(model, jobId));
    QVERIFY(pause->isEnabled());
    QVERIFY(cancel->isEnabled());
    QVERIFY(!resume->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(jobOf(agent, jobId) && jobOf(agent, jobId)->fileSize == kBigSize,
                             5000);
    const transfer::JobStatus job = *jobOf(agent, jobId);
    QVERIFY(!job.fileId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(details(panel).value("Size"),
                              QString("16.0 MiB (%1 bytes)").arg(QLocale().toString(kBigSize)),
                              5000);
    QMap<QString, QString> shown = details(panel);
    QCOMPARE(shown.value("File"), QString("big.bin"));
    QCOMPARE(shown.value("File id"), job.fileId);
    QCOMPARE(shown.value("Source"), url);
    QCOMPARE(shown.value("Saved to"), out);
    QCOMPARE(shown.value("Priority"), QString("Foreground"));
    QVERIFY2(shown.value("Status").startsWith(transfer::jobStateName(JobState::Downloading)),
             qPrintable(shown.value("Status")));
    QCOMPARE(shown.value("Pinned"), QString("no"));

    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(agentState(agent, jobId), JobState::Paused, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(modelState(model, jobId), JobState::Paused, 5000);
    QCOMPARE(statusText(model, jobId), QString("Paused"));
    QTRY_VERIFY(resume->isEnabled());
    QVERIFY(!pause->isEnabled());
    QVERIFY(cancel->isEnabled());
    QTRY_VERIFY(details(panel).value("Status").startsWith(jobStateName(JobState::Paused)));
    const qint64 pausedAt = jobOf(agent, jobId)->totalBytesDownloaded;
    QVERIFY(pausedAt < kBigSize);

    QTest::mouseClick(resume, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(agentState(agent, jobId), JobState::Downloading, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(modelState(model, jobId), JobState::Downloading, 5000);
    QCOMPARE(statusText(model, jobId), QString("Downloading"));
    QTRY_VERIFY(pause->isEnabled());
    QVERIFY(!resume->isEnabled());
    // Resumed means moving again, not only relabelled.
    QTRY_VERIFY_WITH_TIMEOUT(jobOf(agent, jobId)->totalBytesDownloaded > pausedAt, 5000);

    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(agentState(agent, jobId), JobState::Cancelled, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(modelState(model, jobId), JobState::Cancelled, 5000);
    QCOMPARE(statusText(model, jobId), QString("Cancelled"));
    QTRY_VERIFY(!cancel->isEnabled());
    QVERIFY(!pause->isEnabled());
    QVERIFY(jobOf(agent, jobId)->totalBytesDownloaded < kBigSize);
}

void DownloadsActionsTest::pinFinishedDownload()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    QVERIFY(startOrigin());
    QTemporaryDir data;
    agent::Agent agent(testAgentOptions(data.filePath("data")));
    QCOMPARE(agent.start().result(), QString());
    // The default minimum size to cache would evict 2 MiB right after delivery.
    QVERIFY(applyPolicyValues(agent, {{"DOMinFileSizeToCache", "1"}}));

    ui::DownloadsPanel panel(agent);
    panel.show();
    JobTableModel& model = panel.model();
    auto* table = panel.findChild<QTableView*>("downloadsTable");
    QPushButton* pin = button(panel, {"P&in", "Un&pin"});
    QVERIFY(table && pin);

    panel.addDownload(m_nginx->url("/small.bin").toString(), data.filePath("small.out"), true);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    const QString jobId = model.index(0, 0).data(JobTableModel::JobIdRole).toString();
    const transfer::JobStatus done = agent.waitForJob(jobId).result();
    QVERIFY2(done.state == JobState::Complete || done.state == JobState::Caching,
             qPrintable(done.error));
    QTRY_COMPARE_WITH_TIMEOUT(modelState(model, jobId), done.state, 5000);
    QVERIFY(!done.pinned);

    table->selectRow(rowOf(model, jobId));
    QVERIFY(pin->isEnabled());
    QCOMPARE(pin->text(), QString("P&in"));
    QCOMPARE(details(panel).value("Pinned"), QString("no"));

    QTest::mouseClick(pin, Qt::LeftButton);
    // The agent pins the content...
    const auto pinnedInCache = [&agent, &done] {
        for (const cache::CacheEntry& e : agent.cacheContents().result()) {
            if (e.contentId == done.fileId)
                return e.pinned;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(pinnedInCache(), 5000);
    // ...its job snapshot says so, and the panel shows it.
    QTRY_VERIFY_WITH_TIMEOUT(jobOf(agent, jobId) && jobOf(agent, jobId)->pinned, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(details(panel).value("Pinned"), QString("yes — never evicted"), 5000);
    QCOMPARE(pin->text(), QString("Un&pin"));
    QVERIFY(!panel.findChild<QLabel*>("downloadsMessage")->isVisible());

    // "Why this share?" asks for the selected download's trace; the troubleshooter's trace
    // box takes the job and explains the 0 % from peers of a plain URL.
    QPushButton* why = button(panel, {"&Why this share?"});
    QVERIFY(why && why->isEnabled());
    QSignalSpy requested(&panel, &ui::DownloadsPanel::traceRequested);
    QTest::mouseClick(why, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), jobId);
    ui::DownloadTraceBox traceBox(agent);
    traceBox.traceJob(jobId);
    QCOMPARE(traceBox.downloadPicker().currentData().toString(), jobId);
    QTRY_VERIFY_WITH_TIMEOUT(!traceBox.isTracing(), 30000);
    QVERIFY2(traceBox.traceText().contains("Metainfo"), qPrintable(traceBox.traceText()));
}

QTEST_MAIN(DownloadsActionsTest)
#include "test_downloads_actions.moc"
