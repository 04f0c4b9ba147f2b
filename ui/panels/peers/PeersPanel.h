#pragma once

// The peers panel: whether this device takes part in peering at all, every live peer
// connection with what it carries, and the connections that ended with why, for answering
// "is this device getting bytes from peers?".

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace opendo::agent {
class Agent;
struct PeerActivity;
} // namespace opendo::agent

namespace opendo::ui {

class BannedPeerModel;
class EndedConnectionModel;
class PeerTableModel;
class UnreachablePeerModel;

class PeersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PeersPanel(agent::Agent& agent, QWidget* parent = nullptr);

    PeerTableModel& model() { return *m_model; }
    BannedPeerModel& bannedModel() { return *m_bannedModel; }
    EndedConnectionModel& endedModel() { return *m_endedModel; }
    UnreachablePeerModel& unreachableModel() { return *m_unreachableModel; }
    QString summaryText() const;

    static QString summary(const agent::PeerActivity& activity);

private:
    void showActivity(const agent::PeerActivity& activity);
    void refreshEnded(); // asks the agent's journal; never waits on the GUI thread
    // A secondary list under the live table, at most `lines` text lines high.
    QTableView* listTable(const QString& name, QAbstractItemModel* model, int lines);

    agent::Agent& m_agent;
    PeerTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_empty = nullptr;
    BannedPeerModel* m_bannedModel = nullptr;
    QLabel* m_bannedTitle = nullptr;
    QTableView* m_bannedTable = nullptr;
    EndedConnectionModel* m_endedModel = nullptr;
    QLabel* m_endedTitle = nullptr;
    QTableView* m_endedTable = nullptr;
    UnreachablePeerModel* m_unreachableModel = nullptr;
    QLabel* m_unreachableTitle = nullptr;
    QTableView* m_unreachableTable = nullptr;
    QSet<QString> m_liveKeys;    // connections in the last snapshot: one gone means one ended
    bool m_endedPending = false; // a request is out
    bool m_endedAgain = false;   // another connection ended meanwhile
};

} // namespace opendo::ui
