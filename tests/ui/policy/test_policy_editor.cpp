// The policy editor panel, offscreen, against a real embedded agent on a temporary data dir.

#include "agent/Agent.h"
#include "panels/policy/PolicyEditorPanel.h"
#include "panels/policy/PolicyStaging.h"
#include "panels/policy/PolicyTreeModel.h"
#include "support/TestAgentOptions.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace opendo;

class PolicyEditorTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void modelIsConsistent();
    void editApplyChangesEffectiveValue();
    void invalidValueIsShownAndNothingApplies();
    void filterNarrowsTheTree();
    void presetIsStagedNotApplied();
    void revertDropsStagedEdits();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<agent::Agent> m_agent;
    std::unique_ptr<ui::PolicyEditorPanel> m_panel;
    template <typename T> T* child(const char* name)
    {
        T* w = m_panel->findChild<T*>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    QString shownValue(const QString& key, int column)
    {
        return m_panel->model().indexOfKey(key, column).data().toString();
    }
};

void PolicyEditorTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_agent = std::make_unique<agent::Agent>(test::testAgentOptions(m_dir->path()));
    QCOMPARE(m_agent->start().result(), QString());
    m_panel = std::make_unique<ui::PolicyEditorPanel>(*m_agent);
    m_panel->resize(1200, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void PolicyEditorTest::cleanup()
{
    m_panel.reset();
    m_agent.reset();
    m_dir.reset();
}

void PolicyEditorTest::modelIsConsistent()
{
    QAbstractItemModelTester tester(&m_panel->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_panel->staging().stage("DOMaxCacheAge", "60");
    m_panel->staging().clear();
    QVERIFY(
        m_panel->model().indexOfKey("DOSetHoursToLimitBackgroundDownloadBandwidth_In").isValid());
}

void PolicyEditorTest::editApplyChangesEffectiveValue()
{
    m_panel->selectSetting("DOMaxCacheSize");
    auto* spin = child<QDoubleSpinBox>("policyValueNumber");
    QVERIFY(spin && spin->isVisible());
    QCOMPARE(spin->value(), 20.0);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, "35");
    QTest::keyClick(spin, Qt::Key_Return);
    QVERIFY(m_panel->staging().isStaged("DOMaxCacheSize"));
    QCOMPARE(child<QTreeWidget>("stagedChanges")->topLevelItemCount(), 1);
    QCOMPARE(m_agent->policySnapshot().find("DOMaxCacheSize")->value, QString("20"));

    auto* apply = child<QPushButton>("applyButton");
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(m_agent->policySnapshot().find("DOMaxCacheSize")->value, QString("35"));
    QTRY_COMPARE(shownValue("DOMaxCacheSize", ui::PolicyTreeModel::ValueColumn), QString("35%"));
    QCOMPARE(shownValue("DOMaxCacheSize", ui::PolicyTreeModel::SourceColumn), QString("Policy"));
    QCOMPARE(m_panel->staging().count(), 0);
    QVERIFY(!apply->isEnabled());
}

void PolicyEditorTest::invalidValueIsShownAndNothingApplies()
{
    m_panel->staging().stage("DOMaxCacheAge", "600"); // valid, must not apply either
    m_panel->selectSetting("DOGroupId");
    auto* text = child<QLineEdit>("policyValueText");
    QVERIFY(text && text->isVisible());
    text->setFocus();
    QTest::keyClicks(text, "branch-7");
    QTest::keyClick(text, Qt::Key_Return);
    QVERIFY(!m_panel->staging().error("DOGroupId").isEmpty());
    QTRY_VERIFY(child<QLabel>("policyError")->text().contains("GUID"));

    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>("policyIssues")->isVisible());
    QVERIFY(child<QLabel>("policyIssues")->text().contains("DOGroupId"));
    QTest::qWait(50);
    QCOMPARE(m_agent->policySnapshot().find("DOMaxCacheAge")->source,
             policy::PolicySource::Default);
    QCOMPARE(m_panel->staging().count(), 2); // still staged, to be corrected
}

void PolicyEditorTest::filterNarrowsTheTree()
{
    auto* filter = child<QLineEdit>("policyFilter");
    auto* tree = child<QTreeView>("policyTree");
    QTest::keyClick(m_panel.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, "battery");
    const QAbstractItemModel* shown = tree->model();
    QCOMPARE(shown->rowCount(), 1); // one category left
    const QModelIndex category = shown->index(0, 0);
    QCOMPARE(shown->rowCount(category), 1);
    QCOMPARE(shown->index(0, 0, category).data(ui::PolicyTreeModel::KeyRole).toString(),
             QString("DOMinBatteryPercentageAllowedToUpload"));
}

void PolicyEditorTest::presetIsStagedNotApplied()
{
    m_panel->stagePreset("branch-group");
    QVERIFY(m_panel->staging().isStaged("DOGroupId"));
    QCOMPARE(m_panel->staging().staged("DODownloadMode").value_or(QString()), QString("2"));
    QVERIFY(!m_panel->staging().hasErrors());
    QCOMPARE(m_agent->policySnapshot().find("DODownloadMode")->value, QString("1"));
    m_panel->apply();
    QTRY_COMPARE(m_agent->policySnapshot().find("DODownloadMode")->value, QString("2"));
}

void PolicyEditorTest::revertDropsStagedEdits()
{
    m_panel->staging().stage("DOMaxCacheAge", "600");
    QTest::mouseClick(child<QPushButton>("revertButton"), Qt::LeftButton);
    QCOMPARE(m_panel->staging().count(), 0);
    QCOMPARE(child<QTreeWidget>("stagedChanges")->topLevelItemCount(), 0);
}

QTEST_MAIN(PolicyEditorTest)
#include "test_policy_editor.moc"
