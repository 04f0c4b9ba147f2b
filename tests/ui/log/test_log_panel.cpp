// The log viewer: its model and filter fed from the process's log buffer, and the panel
// offscreen polling the buffer through the agent facade while messages are logged.

#include "agent/Agent.h"
#include "log/LogBuffer.h"
#include "panels/log/LogModel.h"
#include "panels/log/LogPanel.h"
#include "support/TestAgentOptions.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using log::LogBuffer;
using log::LogLevel;
using ui::LogFilterModel;
using ui::LogModel;

Q_LOGGING_CATEGORY(lcPanelTest, "opendo.paneltest")

namespace {

// Appends to the process-wide buffer and returns only what this call added, so records other
// tests (or the agent) logged meanwhile do not disturb exact counts.
QList<log::LogRecord> logged(const QList<std::tuple<LogLevel, QString, QString>>& lines)
{
    const qint64 before = LogBuffer::lastSeq();
    for (const auto& [level, category, message] : lines)
        LogBuffer::append(level, category, message);
    QList<log::LogRecord> out;
    for (const log::LogRecord& r : LogBuffer::since(before)) {
        if (r.category.startsWith("test."))
            out << r;
    }
    return out;
}

QStringList column(const QAbstractItemModel& model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}

} // namespace

class LogPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelAppendsAndTrims();
    void filterByLevelComponentAndText();
    void panelFollowsTheLog();
};

void LogPanelTest::modelAppendsAndTrims()
{
    LogModel model;
    model.setMaxRows(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy categories(&model, &LogModel::categoryAdded);

    const QList<log::LogRecord> first = logged({{LogLevel::Info, "test.swarm", "one"},
                                                {LogLevel::Warning, "test.cache", "two"},
                                                {LogLevel::Critical, "test.swarm", "three"}});
    QCOMPARE(first.size(), 3);
    model.append(first);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(categories.size(), 2);
    QCOMPARE(model.categories(), QStringList({"test.cache", "test.swarm"}));
    QCOMPARE(model.lastSeq(), first.back().seq);
    QCOMPARE(model.index(0, LogModel::LevelColumn).data().toString(), QString("Info"));
    QCOMPARE(model.index(1, LogModel::LevelColumn).data().toString(), QString("Warning"));
    QCOMPARE(model.index(2, LogModel::ComponentColumn).data().toString(), QString("test.swarm"));
    QCOMPARE(model.index(2, LogModel::MessageColumn).data().toString(), QString("three"));
    QCOMPARE(model.index(0, LogModel::TimeColumn).data().toString(),
             first[0].at.toLocalTime().toString("HH:mm:ss.zzz"));
    // Warnings and criticals stand out; info keeps the palette's colour.
    QVERIFY(!model.index(0, LogModel::MessageColumn).data(Qt::ForegroundRole).isValid());
    const QColor warning =
        model.index(1, LogModel::MessageColumn).data(Qt::ForegroundRole).value<QBrush>().color();
    const QColor critical =
        model.index(2, LogModel::MessageColumn).data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY(warning.isValid() && critical.isValid() && warning != critical);

    // Records already shown are skipped when a poll overlaps the previous one.
    const QList<log::LogRecord> more = logged({{LogLevel::Info, "test.swarm", "four"},
                                               {LogLevel::Info, "test.swarm", "five"},
                                               {LogLevel::Debug, "test.peer", "six"},
                                               {LogLevel::Info, "test.swarm", "seven"}});
    model.append(first.mid(1) + more);
    // 3 + 4 = 7 rows over a limit of 5: the two oldest go, announced as removed rows.
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(column(model, LogModel::MessageColumn),
             QStringList({"three", "four", "five", "six", "seven"}));
    QCOMPARE(categories.size(), 3);
    QCOMPARE(categories.back().front().toString(), QString("test.peer"));

    // More new records than fit at once: only the newest are inserted.
    QList<std::tuple<LogLevel, QString, QString>> burst;
    for (int i = 0; i < 12; ++i)
        burst.append({LogLevel::Info, "test.burst", QString("burst %1").arg(i)});
    const QList<log::LogRecord> many = logged(burst);
    model.append(many);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QString("burst 7"));
    QCOMPARE(model.index(4, LogModel::MessageColumn).data().toString(), QString("burst 11"));
    QCOMPARE(model.index(4, 0).data(LogModel::SeqRole).toLongLong(), many.back().seq);
    model.append(many); // nothing new
    QCOMPARE(model.rowCount(), 5);

    model.setMaxRows(2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QString("burst 10"));
    QCOMPARE(reset.size(), 0);
}

void LogPanelTest::filterByLevelComponentAndText()
{
    LogModel model;
    LogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(logged({{LogLevel::Debug, "test.swarm", "piece 3 requested"},
                         {LogLevel::Info, "test.swarm", "peer 10.0.0.2 connected"},
                         {LogLevel::Warning, "test.cache", "cache almost full"},
                         {LogLevel::Critical, "test.agent", "database locked"},
                         {LogLevel::Info, "test.cache", "evicted a.bin"}}));
    QCOMPARE(filter.rowCount(), 5);

    filter.setMinimumLevel(LogLevel::Info);
    QCOMPARE(filter.rowCount(), 4);
    filter.setMinimumLevel(LogLevel::Warning);
    QCOMPARE(column(filter, LogModel::MessageColumn),
             QStringList({"cache almost full", "database locked"}));

    filter.setMinimumLevel(LogLevel::Debug);
    filter.setCategory("test.cache");
    QCOMPARE(column(filter, LogModel::MessageColumn),
             QStringList({"cache almost full", "evicted a.bin"}));
    filter.setMinimumLevel(LogLevel::Warning);
    QCOMPARE(column(filter, LogModel::MessageColumn), QStringList({"cache almost full"}));

    filter.setMinimumLevel(LogLevel::Debug);
    filter.setCategory({});
    filter.setText("PEER");
    QCOMPARE(column(filter, LogModel::MessageColumn), QStringList({"peer 10.0.0.2 connected"}));
    filter.setText("swarm"); // the component matches too
    QCOMPARE(filter.rowCount(), 2);

    // New rows go through the same filter as they arrive.
    model.append(logged({{LogLevel::Info, "test.swarm", "swarm closed"},
                         {LogLevel::Info, "test.cache", "nothing to do with it"}}));
    QCOMPARE(column(filter, LogModel::MessageColumn),
             QStringList({"piece 3 requested", "peer 10.0.0.2 connected", "swarm closed"}));
    filter.setText({});
    QCOMPARE(filter.rowCount(), 7);
}

void LogPanelTest::panelFollowsTheLog()
{
    LogBuffer::install();
    QTemporaryDir dir;
    agent::Agent agent(test::testAgentOptions(dir.filePath("data")));
    QCOMPARE(agent.start().result(), QString());
    ui::LogPanel panel(agent);
    panel.resize(900, 400);
    panel.show();
    QAbstractItemModelTester tester(&panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&panel.filter(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);

    auto* level = panel.findChild<QComboBox*>("logLevel");
    auto* component = panel.findChild<QComboBox*>("logComponent");
    auto* text = panel.findChild<QLineEdit*>("logText");
    auto* follow = panel.findChild<QCheckBox*>("logFollow");
    QVERIFY(level && component && text && follow);
    QCOMPARE(level->count(), 4);
    QVERIFY(follow->isChecked());

    // Logged through Qt's message handler, like the agent's own messages.
    for (int i = 0; i < 200; ++i)
        qCInfo(lcPanelTest, "transfer %d of 200 done", i + 1);
    qCWarning(lcPanelTest, "disk almost full");
    qCCritical(lcPanelTest, "cannot write the cache");
    const qint64 last = LogBuffer::lastSeq();
    QTRY_COMPARE_WITH_TIMEOUT(panel.model().lastSeq() >= last, true, 2000);
    QTRY_VERIFY(component->findText("opendo.paneltest") >= 0);

    // Following: the newest line is in view.
    QScrollBar* bar = panel.view().verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    panel.grab().save("/tmp/log.png");

    component->setCurrentIndex(component->findText("opendo.paneltest"));
    QCOMPARE(panel.filter().rowCount(), 202);
    level->setCurrentIndex(level->findText("Warning"));
    QCOMPARE(panel.filter().rowCount(), 2);
    QCOMPARE(panel.filter().index(0, LogModel::MessageColumn).data().toString(),
             QString("disk almost full"));
    QCOMPARE(panel.filter().index(1, LogModel::LevelColumn).data().toString(), QString("Critical"));
    level->setCurrentIndex(level->findText("Debug"));
    text->setText("of 200");
    QCOMPARE(panel.filter().rowCount(), 200);
    text->setText("199 of");
    QCOMPARE(panel.filter().rowCount(), 1);

    // Save as… writes what the filters show, one plain line per message.
    const QString path = dir.filePath("saved.log");
    QString error;
    QVERIFY2(panel.saveTo(path, &error), qPrintable(error));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(saved.readAll());
    QVERIFY2(content.endsWith(" info opendo.paneltest: transfer 199 of 200 done\n"),
             qPrintable(content));
    QCOMPARE(content.count('\n'), 1);

    // Polling goes on under a filter: a new matching message appears by itself.
    qCInfo(lcPanelTest, "transfer 199 of 199 retried");
    QTRY_COMPARE_WITH_TIMEOUT(panel.filter().rowCount(), 2, 2000);
    text->clear();
    component->setCurrentIndex(0);
    QVERIFY(panel.filter().rowCount() >= 203);
}

QTEST_MAIN(LogPanelTest)
#include "test_log_panel.moc"
