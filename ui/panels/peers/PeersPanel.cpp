#include "panels/peers/PeersPanel.h"

#include "agent/Agent.h"
#include "common/WhenReady.h"
#include "panels/downloads/JobTableModel.h"
#include "panels/peers/BannedPeerModel.h"
#include "panels/peers/EndedConnectionModel.h"
#include "panels/peers/PeerTableModel.h"
#include "panels/peers/UnreachablePeerModel.h"
#include "views/PlainTextDelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

namespace opendo::ui {

namespace {

constexpr int kEndedShown = 200;

} // namespace

PeersPanel::PeersPanel(agent::Agent& agent, QWidget* parent) : QWidget(parent), m_agent(agent)
{
    m_model = new PeerTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PeerTableModel::SortRole);
    // Rates change twice a second; re-sorting on every change keeps the busiest peer on top.
    m_proxy->setDynamicSortFilter(true);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("peersSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_empty = new QLabel(tr("No peer connections. Peers connect when a download of shareable "
                            "content runs and other agents have it; see the listening address "
                            "above."),
                         this);
    m_empty->setObjectName(QStringLiteral("peersEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("peersTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PeerTableModel::DownRateColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setItemDelegate(new PlainTextDelegate(m_table));
    // Fitting columns to their contents looks at every row on every update; a sample of the
    // visible ones gives the same widths at a fraction of the cost with hundreds of rows.
    m_table->horizontalHeader()->setResizeContentsPrecision(32);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column : {int(PeerTableModel::AddressColumn), int(PeerTableModel::StateColumn)})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    // Banned addresses stay listed after their connection is gone: they are the lead to the
    // device that sends bad data. Hidden while there are none.
    m_bannedModel = new BannedPeerModel(this);
    m_bannedTitle = new QLabel(tr("Banned peers"), this);
    m_bannedTitle->setObjectName(QStringLiteral("bannedTitle"));
    m_bannedTable = listTable(QStringLiteral("bannedTable"), m_bannedModel, 9);

    // Connections that ended stay listed (the agent keeps them 30 days): where a file's bytes
    // came from, and why a peer stopped giving them. Hidden while there are none.
    m_endedModel = new EndedConnectionModel(this);
    m_endedTitle = new QLabel(tr("Ended connections"), this);
    m_endedTitle->setObjectName(QStringLiteral("endedTitle"));
    m_endedTable = listTable(QStringLiteral("endedTable"), m_endedModel, 12);
    for (int column :
         {int(EndedConnectionModel::EndedColumn), int(EndedConnectionModel::AddressColumn)})
        m_endedTable->horizontalHeader()->setSectionResizeMode(column,
                                                               QHeaderView::ResizeToContents);
    m_endedTitle->hide();
    m_endedTable->hide();

    // Peers dialled that never answered have no row above; hidden while there are none.
    m_unreachableModel = new UnreachablePeerModel(this);
    m_unreachableTitle = new QLabel(tr("Could not connect (last hour)"), this);
    m_unreachableTitle->setObjectName(QStringLiteral("unreachableTitle"));
    m_unreachableTable = listTable(QStringLiteral("unreachableTable"), m_unreachableModel, 7);
    m_unreachableTable->horizontalHeader()->setSectionResizeMode(
        UnreachablePeerModel::AddressColumn, QHeaderView::ResizeToContents);
    m_unreachableTitle->hide();
    m_unreachableTable->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_endedTitle);
    layout->addWidget(m_endedTable);
    layout->addWidget(m_unreachableTitle);
    layout->addWidget(m_unreachableTable);
    layout->addWidget(m_bannedTitle);
    layout->addWidget(m_bannedTable);

    // The live model drops a row exactly when a connection ended: then the journal has news.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PeersPanel::refreshEnded);
    connect(&agent, &agent::Agent::peerActivityChanged, this, &PeersPanel::showActivity);
    showActivity(agent.peerActivity());
    refreshEnded();
}

QTableView* PeersPanel::listTable(const QString& name, QAbstractItemModel* model, int lines)
{
    auto* table = new QTableView(this);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setMaximumHeight(table->fontMetrics().height() * lines);
    return table;
}

void PeersPanel::refreshEnded()
{
    if (m_endedPending) {
        m_endedAgain = true;
        return;
    }
    m_endedPending = true;
    onResult(
        this, m_agent.endedConnections(kEndedShown),
        [this](const QList<stats::ConnectionRecord>& records) {
            m_endedPending = false;
            m_endedModel->setRecords(records);
            m_endedTitle->setVisible(!records.isEmpty());
            m_endedTable->setVisible(!records.isEmpty());
            if (std::exchange(m_endedAgain, false))
                refreshEnded();
        },
        [this] { m_endedPending = false; });
}

QString PeersPanel::summaryText() const
{
    return m_summary->text();
}

QString PeersPanel::summary(const agent::PeerActivity& a)
{
    qint64 down = 0;
    qint64 up = 0;
    for (const transfer::PeerSnapshot& p : a.peers) {
        down += p.receiveRate;
        up += p.sendRate;
    }
    QStringList parts;
    parts << (a.listenEndpoint.isEmpty() ? tr("Not listening")
                                         : tr("Listening on %1").arg(a.listenEndpoint));
    if (a.downloadMode == a.configuredMode)
        parts << tr("Download mode %1").arg(a.downloadMode);
    else
        parts << tr("Download mode %1 (configured %2)").arg(a.downloadMode).arg(a.configuredMode);
    if (a.discovery.state == discovery::DiscoveryState::NotConfigured)
        parts << tr("No discovery service (static peers only)");
    else if (a.discovery.publicAddress.isEmpty())
        parts << tr("Discovery %1").arg(discovery::discoveryStateLabel(a.discovery.state));
    else
        parts << tr("Discovery %1, sees us as %2")
                     .arg(discovery::discoveryStateLabel(a.discovery.state),
                          a.discovery.publicAddress);
    // With DORestrictPeerSelectionBy 2 the peers come only from what DNS-SD found here.
    const discovery::local::LocalDiscoveryStatus& local = a.discovery.local;
    if (local.restricting)
        parts << (local.error.isEmpty()
                      ? tr("Only local peers (DNS-SD): %n found", nullptr, int(local.peers.size()))
                      : tr("Only local peers (DNS-SD), which fails: %1").arg(local.error));
    if (a.peeringAllowed)
        parts << tr("Peering on");
    else if (a.blockedReason.isEmpty())
        parts << tr("Peering off");
    else
        parts << tr("Peering off (%1)").arg(a.blockedReason);
    parts << tr("%n peer(s)", nullptr, int(a.peers.size()));
    parts << tr("down %1, up %2").arg(formatRate(down), formatRate(up));
    parts << tr("%n ban(s)", nullptr, a.bans);
    parts << tr("%n hash failure(s)", nullptr, a.hashFailures);
    return parts.join(QStringLiteral(" · "));
}

void PeersPanel::showActivity(const agent::PeerActivity& activity)
{
    m_summary->setText(summary(activity));
    // Uploading can be off while peering is on; the reason then says which setting did it.
    if (activity.peeringAllowed && !activity.uploadAllowed && !activity.blockedReason.isEmpty())
        m_summary->setText(m_summary->text() + QStringLiteral(" · ") +
                           tr("Uploading off (%1)").arg(activity.blockedReason));
    m_model->setPeers(activity.peers);
    m_empty->setVisible(activity.peers.isEmpty());
    m_bannedModel->setBanned(activity.banned);
    m_bannedTitle->setVisible(!activity.banned.isEmpty());
    m_bannedTable->setVisible(!activity.banned.isEmpty());
    m_unreachableModel->setFailures(activity.unreachable);
    m_unreachableTitle->setVisible(!activity.unreachable.isEmpty());
    m_unreachableTable->setVisible(!activity.unreachable.isEmpty());
}

} // namespace opendo::ui
