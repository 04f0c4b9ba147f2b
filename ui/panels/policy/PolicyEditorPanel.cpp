#include "panels/policy/PolicyEditorPanel.h"

#include "agent/Agent.h"
#include "common/WhenReady.h"
#include "panels/policy/PolicyDetailView.h"
#include "panels/policy/PolicyStaging.h"
#include "panels/policy/PolicyTreeModel.h"
#include "panels/policy/StagedChangesView.h"
#include "policy/PolicyPresets.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace opendo::ui {

using namespace opendo::policy;

PolicyEditorPanel::PolicyEditorPanel(agent::Agent& agent, QWidget* parent)
    : QWidget(parent), m_agent(agent)
{
    m_staging = new PolicyStaging(this);
    m_model = new PolicyTreeModel(*m_staging, this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(PolicyTreeModel::SearchTextRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setRecursiveFilteringEnabled(true);
    buildLayout();
    connect(&m_agent, &agent::Agent::policySnapshotChanged, this, &PolicyEditorPanel::setSnapshot);
    connect(m_staging, &PolicyStaging::changed, this, &PolicyEditorPanel::updateStagingSummary);
    setSnapshot(m_agent.policySnapshot());
}

void PolicyEditorPanel::buildLayout()
{
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("policyTree"));
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(PolicyTreeModel::SettingColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->resizeSection(PolicyTreeModel::ValueColumn, 200);
    m_tree->expandAll();
    m_detail = new PolicyDetailView(*m_staging, this);
    m_detail->setObjectName(QStringLiteral("policyDetail"));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_detail);
    m_detail->setMinimumWidth(360);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 420});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(splitter, 1);
    layout->addWidget(buildStagingArea());

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                m_detail->showSetting(current.data(PolicyTreeModel::KeyRole).toString());
            });
    // Enter on a setting moves to its input, so the editor works without a mouse.
    connect(m_tree, &QTreeView::activated, this, [this] { m_detail->focusEditor(); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterFixedString(text);
        m_tree->expandAll();
    });
    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
    auto* applyShortcut = new QAction(this);
    applyShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(applyShortcut, &QAction::triggered, this, &PolicyEditorPanel::apply);
    addAction(applyShortcut);
}

QWidget* PolicyEditorPanel::buildToolbar()
{
    auto* bar = new QWidget(this);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("policyFilter"));
    m_search->setPlaceholderText(tr("Filter settings by name or description (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_layer = new QComboBox(bar);
    m_layer->setObjectName(QStringLiteral("policyLayer"));
    m_layer->addItem(tr("Policy (as Group Policy / MDM)"), int(PolicyLayer::Policy));
    m_layer->addItem(tr("Local setting"), int(PolicyLayer::Local));
    auto* layerLabel = new QLabel(tr("Apply &to:"), bar);
    layerLabel->setBuddy(m_layer);

    auto* presets = new QToolButton(bar);
    presets->setText(tr("&Presets"));
    presets->setPopupMode(QToolButton::InstantPopup);
    auto* presetMenu = new QMenu(presets);
    for (const PolicyPreset& preset : policyPresets()) {
        QAction* action = presetMenu->addAction(preset.name);
        action->setToolTip(preset.explanation);
        connect(action, &QAction::triggered, this, [this, id = preset.id] { stagePreset(id); });
    }
    presets->setMenu(presetMenu);
    auto* importButton = new QPushButton(tr("&Import…"), bar);
    auto* exportButton = new QPushButton(tr("E&xport…"), bar);
    connect(importButton, &QPushButton::clicked, this, &PolicyEditorPanel::chooseImportFile);
    connect(exportButton, &QPushButton::clicked, this, &PolicyEditorPanel::chooseExportFile);
    connect(m_layer, &QComboBox::currentIndexChanged, this,
            [this] { m_diff->setLayer(targetLayer()); });

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addWidget(layerLabel);
    layout->addWidget(m_layer);
    layout->addWidget(presets);
    layout->addWidget(importButton);
    layout->addWidget(exportButton);
    return bar;
}

QWidget* PolicyEditorPanel::buildStagingArea()
{
    auto* box = new QGroupBox(tr("Staged changes"), this);
    m_diff = new StagedChangesView(*m_staging, box);
    m_diff->setMaximumHeight(120);
    m_summary = new QLabel(box);
    m_issues = new QLabel(box);
    m_issues->setObjectName(QStringLiteral("policyIssues"));
    m_issues->setWordWrap(true);
    m_issues->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_issues->hide();
    m_apply = new QPushButton(tr("&Apply"), box);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setToolTip(tr("Validate every staged change and apply them together (Ctrl+Enter)"));
    m_revert = new QPushButton(tr("&Revert"), box);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    connect(m_apply, &QPushButton::clicked, this, &PolicyEditorPanel::apply);
    connect(m_revert, &QPushButton::clicked, this, &PolicyEditorPanel::revert);
    connect(m_diff, &StagedChangesView::settingActivated, this, &PolicyEditorPanel::selectSetting);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_diff);
    layout->addWidget(m_issues);
    layout->addLayout(buttons);
    updateStagingSummary();
    return box;
}

void PolicyEditorPanel::setSnapshot(const PolicySnapshot& snapshot)
{
    m_model->setSnapshot(snapshot);
    m_detail->setSnapshot(snapshot);
    m_diff->setSnapshot(snapshot);
}

PolicyLayer PolicyEditorPanel::targetLayer() const
{
    return PolicyLayer(m_layer->currentData().toInt());
}

void PolicyEditorPanel::updateStagingSummary()
{
    const int n = m_staging->count();
    m_summary->setText(n == 0 ? tr("No staged changes.") : tr("%n staged change(s).", "", n));
    m_apply->setEnabled(n > 0 && !m_applying);
    m_revert->setEnabled(n > 0 && !m_applying);
    if (n == 0)
        m_issues->hide();
}

void PolicyEditorPanel::selectSetting(const QString& key)
{
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOfKey(key));
    if (!index.isValid())
        return;
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
}

void PolicyEditorPanel::apply()
{
    if (m_staging->count() == 0 || m_applying)
        return;
    m_applying = true;
    updateStagingSummary();
    onResult(this, m_agent.applyPolicyChanges(m_staging->changeSet(targetLayer())),
             [this](const PolicyApplyResult& result) {
                 m_applying = false;
                 if (result.ok) {
                     m_staging->clear();
                     Q_EMIT statusMessage(tr("Settings applied."));
                 } else {
                     m_staging->setIssues(result.issues);
                     QStringList lines;
                     for (const PolicyIssue& issue : result.issues)
                         lines << issue.message;
                     m_issues->setText(
                         tr("Nothing was applied:\n%1").arg(lines.join(QLatin1Char('\n'))));
                     m_issues->setStyleSheet(QStringLiteral("color: #b00020;"));
                     m_issues->show();
                     if (!result.issues.isEmpty() && !result.issues.front().key.isEmpty())
                         selectSetting(result.issues.front().key);
                 }
                 updateStagingSummary();
             });
}

void PolicyEditorPanel::revert()
{
    m_staging->clear();
}

void PolicyEditorPanel::stagePreset(const QString& presetId)
{
    for (const PolicyPreset& preset : policyPresets()) {
        if (preset.id != presetId)
            continue;
        m_staging->stageAll(preset.changes);
        m_issues->setText(tr("Preset \"%1\" staged — review the changes, then Apply.\n%2")
                              .arg(preset.name, preset.explanation));
        m_issues->setStyleSheet(QString());
        m_issues->show();
        return;
    }
}

void PolicyEditorPanel::stageChanges(const QList<policy::PolicyChange>& changes,
                                     const QString& explanation)
{
    if (changes.isEmpty())
        return;
    m_staging->stageAll(changes);
    m_issues->setText(
        tr("Staged by the troubleshooter — review the changes, then Apply.\n%1").arg(explanation));
    m_issues->setStyleSheet(QString());
    m_issues->show();
    selectSetting(changes.front().key);
}

void PolicyEditorPanel::importFile(const QString& path)
{
    onResult(this, m_agent.readPolicyFile(path), [this, path](const PolicyParseResult& result) {
        if (!result.ok) {
            QMessageBox::warning(this, tr("Import failed"),
                                 tr("Nothing was staged.\n\n%1").arg(result.error));
            return;
        }
        m_staging->stageAll(result.changes);
        Q_EMIT statusMessage(tr("%n setting(s) staged from %1.", "", int(result.changes.size()))
                                 .arg(QFileInfo(path).fileName()));
    });
}

void PolicyEditorPanel::exportFile(const QString& path)
{
    onResult(this, m_agent.exportPolicyFile(path), [this, path](const QString& error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export failed"), error);
        else
            Q_EMIT statusMessage(tr("Applied settings exported to %1.").arg(path));
    });
}

namespace {
QString fileFilters()
{
    return QCoreApplication::translate("opendo::ui::PolicyEditorPanel",
                                       "Registry file (*.reg);;Group Policy Registry.pol (*.pol);;"
                                       "MDM SyncML (*.xml);;JSON (*.json)");
}
} // namespace

void PolicyEditorPanel::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import policy file"), QString(),
        tr("Policy files (*.reg *.pol *.xml *.json);;") + fileFilters());
    if (!path.isEmpty())
        importFile(path);
}

void PolicyEditorPanel::chooseExportFile()
{
    if (m_staging->count() > 0)
        Q_EMIT statusMessage(tr("Staged changes are not exported; apply them first."));
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, tr("Export policy file"), QString(),
                                                fileFilters(), &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const int open = selected.lastIndexOf(QLatin1String("*."));
        path += selected.mid(open + 1, selected.size() - open - 2);
    }
    exportFile(path);
}

} // namespace opendo::ui
