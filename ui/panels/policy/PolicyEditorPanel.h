#pragma once

// The policy editor: every DO setting by category, staged edits with a diff, atomic apply,
// presets, and import/export in the Windows formats.

#include "policy/PolicyState.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace opendo::agent {
class Agent;
}

namespace opendo::ui {

class PolicyDetailView;
class PolicyStaging;
class PolicyTreeModel;
class StagedChangesView;

class PolicyEditorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PolicyEditorPanel(agent::Agent& agent, QWidget* parent = nullptr);

    PolicyStaging& staging() { return *m_staging; }
    PolicyTreeModel& model() { return *m_model; }
    void selectSetting(const QString& key);
    void importFile(const QString& path); // stages what the file contains
    void exportFile(const QString& path);
    void stagePreset(const QString& presetId);
    // Stages a fix the troubleshooter suggested; the user reviews it, then applies.
    void stageChanges(const QList<policy::PolicyChange>& changes, const QString& explanation);

Q_SIGNALS:
    void statusMessage(const QString& message);

public Q_SLOTS:
    void apply();
    void revert();

private:
    void buildLayout();
    QWidget* buildToolbar();
    QWidget* buildStagingArea();
    void setSnapshot(const policy::PolicySnapshot& snapshot);
    void updateStagingSummary();
    void chooseImportFile();
    void chooseExportFile();
    policy::PolicyLayer targetLayer() const;

    agent::Agent& m_agent;
    PolicyStaging* m_staging = nullptr;
    PolicyTreeModel* m_model = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QTreeView* m_tree = nullptr;
    PolicyDetailView* m_detail = nullptr;
    StagedChangesView* m_diff = nullptr;
    QComboBox* m_layer = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_issues = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_revert = nullptr;
    bool m_applying = false;
};

} // namespace opendo::ui
