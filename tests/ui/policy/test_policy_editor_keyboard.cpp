// The policy editor driven by the keyboard alone, as a user without a mouse would: every key
// goes to whatever widget has focus, so a broken shortcut, focus hand-off or tab order fails.

#include "agent/Agent.h"
#include "panels/policy/PolicyEditorPanel.h"
#include "panels/policy/PolicyStaging.h"
#include "panels/policy/PolicyTreeModel.h"
#include "support/TestAgentOptions.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace opendo;

namespace {

constexpr const char* kSetting = "DOMaxCacheSize"; // default 20 %

QString describe(const QWidget* w)
{
    if (!w)
        return QStringLiteral("<nothing>");
    return QStringLiteral("%1 \"%2\"")
        .arg(QLatin1String(w->metaObject()->className()), w->objectName());
}

} // namespace

class PolicyEditorKeyboardTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void findEditStageApplyAsLocalSetting();
    void revertDropsTheStagedEdit();

private:
    // Sends a key to the focus widget, as the application would.
    bool press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    bool type(const QString& text);
    bool findAndOpenSetting(const QString& key);
    bool stageValueInFocusedSpinBox(const QString& value);
    QWidget* focus() const { return QApplication::focusWidget(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<agent::Agent> m_agent;
    std::unique_ptr<ui::PolicyEditorPanel> m_panel;
};

void PolicyEditorKeyboardTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_agent = std::make_unique<agent::Agent>(test::testAgentOptions(m_dir->path()));
    QCOMPARE(m_agent->start().result(), QString());
    m_panel = std::make_unique<ui::PolicyEditorPanel>(*m_agent);
    m_panel->resize(1200, 800);
    m_panel->show();
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    QTRY_VERIFY2(focus() && m_panel->isAncestorOf(focus()), qPrintable(describe(focus())));
}

void PolicyEditorKeyboardTest::cleanup()
{
    m_panel.reset();
    m_agent.reset();
    m_dir.reset();
}

bool PolicyEditorKeyboardTest::press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QWidget* target = focus();
    if (!target) {
        qWarning("no widget has focus for key %d", int(key));
        return false;
    }
    QTest::keyClick(target, key, modifiers);
    return true;
}

bool PolicyEditorKeyboardTest::type(const QString& text)
{
    QWidget* target = focus();
    if (!target)
        return false;
    QTest::keyClicks(target, text);
    return true;
}

// Ctrl+F, the name, then Tab into the tree, arrows to the row and Enter to its editor.
bool PolicyEditorKeyboardTest::findAndOpenSetting(const QString& key)
{
    const auto fail = [](const QString& step) {
        qWarning("%s", qPrintable(step));
        return false;
    };
    if (!press(Qt::Key_F, Qt::ControlModifier))
        return false;
    if (focus()->objectName() != QLatin1String("policyFilter"))
        return fail("Ctrl+F did not focus the filter but " + describe(focus()));
    type(key);

    // Tab until the settings tree has focus; the toolbar and the staged-changes list come
    // first in the chain, so the bound leaves room for them.
    const auto inTree = [this] {
        return focus() && focus()->objectName() == QLatin1String("policyTree");
    };
    for (int i = 0; i < 16 && !inTree(); ++i)
        press(Qt::Key_Tab);
    auto* tree = qobject_cast<QTreeView*>(focus());
    if (!tree || !inTree())
        return fail("Tab from the filter never reached the settings tree; stuck at " +
                    describe(focus()));
    // Down through the filtered rows to the setting; Home first so the walk covers them all.
    press(Qt::Key_Home);
    const int rows = 64;
    for (int i = 0; i < rows; ++i) {
        if (tree->currentIndex().data(ui::PolicyTreeModel::KeyRole).toString() == key)
            break;
        press(Qt::Key_Down);
    }
    if (tree->currentIndex().data(ui::PolicyTreeModel::KeyRole).toString() != key)
        return fail("the arrow keys never reached " + key + " in the tree");
    press(Qt::Key_Return);
    if (!qobject_cast<QAbstractSpinBox*>(focus()))
        return fail("Enter on " + key + " did not move to its value editor but to " +
                    describe(focus()));
    return true;
}

bool PolicyEditorKeyboardTest::stageValueInFocusedSpinBox(const QString& value)
{
    press(Qt::Key_A, Qt::ControlModifier);
    type(value);
    return press(Qt::Key_Return);
}

void PolicyEditorKeyboardTest::findEditStageApplyAsLocalSetting()
{
    const QString key = kSetting;
    QCOMPARE(m_agent->policySnapshot().find(key)->value, QString("20"));

    // "Apply to:" has the mnemonic Alt+T; Down picks "Local setting" after "Policy".
    QVERIFY(press(Qt::Key_T, Qt::AltModifier));
    auto* layer = qobject_cast<QComboBox*>(focus());
    QVERIFY2(layer && layer->objectName() == "policyLayer",
             qPrintable("Alt+T focused " + describe(focus())));
    QVERIFY(press(Qt::Key_Down));
    QCOMPARE(layer->currentData().toInt(), int(policy::PolicyLayer::Local));

    QVERIFY(findAndOpenSetting(key));
    QVERIFY(stageValueInFocusedSpinBox("35"));
    QVERIFY2(m_panel->staging().isStaged(key), "Return in the value editor staged nothing");
    QCOMPARE(m_panel->staging().staged(key).value_or(QString()), QString("35"));
    QCOMPARE(m_agent->policySnapshot().find(key)->value, QString("20")); // staged, not applied

    QVERIFY(press(Qt::Key_Return, Qt::ControlModifier));
    QTRY_COMPARE(m_agent->policySnapshot().find(key)->value, QString("35"));
    const policy::EffectivePolicy* e = m_agent->policySnapshot().find(key);
    QCOMPARE(e->source, policy::PolicySource::Local);
    QCOMPARE(e->localValue.value_or(QString()), QString("35"));
    QVERIFY(!e->policyValue);
    QTRY_COMPARE(m_panel->staging().count(), 0);
}

void PolicyEditorKeyboardTest::revertDropsTheStagedEdit()
{
    const QString key = kSetting;
    QVERIFY(findAndOpenSetting(key));
    QVERIFY(stageValueInFocusedSpinBox("45"));
    QCOMPARE(m_panel->staging().count(), 1);

    // "&Revert" is the mnemonic Alt+R.
    QVERIFY(press(Qt::Key_R, Qt::AltModifier));
    QTRY_COMPARE(m_panel->staging().count(), 0);
    auto* spin = m_panel->findChild<QAbstractSpinBox*>("policyValueNumber");
    QVERIFY(spin);
    QCOMPARE(spin->text().section(' ', 0, 0), QString("20")); // the editor shows the applied value
    QCOMPARE(m_agent->policySnapshot().find(key)->value, QString("20"));
    QCOMPARE(m_agent->policySnapshot().find(key)->source, policy::PolicySource::Default);
}

QTEST_MAIN(PolicyEditorKeyboardTest)
#include "test_policy_editor_keyboard.moc"
