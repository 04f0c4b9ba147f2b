#pragma once

// The log viewer: the process's recent log (the agent and the console share one process), new
// lines polled four times a second, filtered by minimum level, component and text, following
// the newest line unless the user turns that off.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::ui {

class LogFilterModel;
class LogModel;

class LogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LogPanel(agent::Agent& agent, QWidget* parent = nullptr);

    LogModel& model() { return *m_model; }
    LogFilterModel& filter() { return *m_filter; }
    QTableView& view() { return *m_table; }

    // What Copy and Save as… write: the selected rows, or every row the filters show.
    QString selectedOrVisibleText() const;
    bool saveTo(const QString& path, QString* error) const;
    void copyToClipboard() const;

    void poll(); // reads new records now (the timer does this every 250 ms)

private:
    void saveAs();
    void addCategory(const QString& category);

    agent::Agent& m_agent;
    LogModel* m_model = nullptr;
    LogFilterModel* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_level = nullptr;
    QComboBox* m_component = nullptr;
    QLineEdit* m_text = nullptr;
    QCheckBox* m_follow = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_save = nullptr;
    QTimer* m_timer = nullptr;
};

} // namespace opendo::ui
