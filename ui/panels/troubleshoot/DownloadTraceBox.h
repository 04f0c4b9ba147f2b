#pragma once

// Traces one download through the gates on its way to its peer share: a download picker,
// "Trace", and the steps (✓/✗ gate, detail) with the conclusion.

#include <QGroupBox>

class QComboBox;
class QLabel;
class QPushButton;

namespace opendo::agent {
class Agent;
}

namespace opendo::ui {

class DownloadTraceBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit DownloadTraceBox(agent::Agent& agent, QWidget* parent = nullptr);

    QComboBox& downloadPicker() { return *m_download; }
    void refreshDownloads();
    void trace();                        // traces the chosen download
    void traceJob(const QString& jobId); // chooses that download and traces it
    bool isTracing() const { return m_tracing; }
    QString traceText() const; // plain text of the shown trace

private:
    agent::Agent& m_agent;
    QComboBox* m_download = nullptr;
    QPushButton* m_trace = nullptr;
    QLabel* m_result = nullptr;
    bool m_tracing = false;
};

} // namespace opendo::ui
