#pragma once

// The downloads panel: every job with its Get-DeliveryOptimizationStatus fields, and the
// actions users take on them (add, pause, resume, cancel, pin), with a details pane for the
// selected job.

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace opendo::agent {
class Agent;
}

namespace opendo::ui {

class JobTableModel;

class DownloadsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DownloadsPanel(agent::Agent& agent, QWidget* parent = nullptr);

    JobTableModel& model() { return *m_model; }
    void addDownload(const QString& source, const QString& outPath, bool foreground);

Q_SIGNALS:
    // "Why this share?": the user wants the selected download traced (the troubleshooter's
    // gates on its way to its peer share).
    void traceRequested(const QString& jobId);

private:
    QString selectedJob() const;
    void updateActions();
    void selectFirstWhenNoneSelected();
    void updateDetails();
    void showError(const QString& message);

    agent::Agent& m_agent;
    JobTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_pin = nullptr;
    QPushButton* m_why = nullptr;
    QFormLayout* m_details = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace opendo::ui
