#pragma once

// The peers panel: whether this device takes part in peering at all, and every live peer
// connection with what it carries, for answering "is this device getting bytes from peers?".

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace opendo::agent {
class Agent;
struct PeerActivity;
} // namespace opendo::agent

namespace opendo::ui {

class BannedPeerModel;
class PeerTableModel;

class PeersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PeersPanel(agent::Agent& agent, QWidget* parent = nullptr);

    PeerTableModel& model() { return *m_model; }
    BannedPeerModel& bannedModel() { return *m_bannedModel; }
    QString summaryText() const;

    static QString summary(const agent::PeerActivity& activity);

private:
    void showActivity(const agent::PeerActivity& activity);

    PeerTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_empty = nullptr;
    BannedPeerModel* m_bannedModel = nullptr;
    QLabel* m_bannedTitle = nullptr;
    QTableView* m_bannedTable = nullptr;
};

} // namespace opendo::ui
