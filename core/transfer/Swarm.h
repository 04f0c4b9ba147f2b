#pragma once

// All peer connections of one content: who has what, interest and choking, fetching blocks for
// the download (if one is attached) and serving verified pieces to others. Pieces are fetched
// whole from one peer, so a piece that fails verification points at exactly one culprit.

#include "content/Metainfo.h"
#include "peer/PeerConnection.h"
#include "transfer/PeerSnapshot.h"
#include "transfer/SourceClass.h"
#include "transfer/SwarmMembership.h"

#include <QBitArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace opendo::transfer {

class PieceSink;
class PeerHub;
class SwarmRequests;
class SwarmUploader;

class Swarm : public QObject
{
    Q_OBJECT
public:
    Swarm(PeerHub& hub, std::shared_ptr<const content::Metainfo> metainfo, QString dataPath,
          QBitArray have, QObject* parent = nullptr);
    ~Swarm() override;

    const QString& contentId() const { return m_contentId; }
    const QByteArray& infoHash() const { return m_infoHash; } // what handshakes carry (v1)
    const content::Metainfo& metainfo() const { return *m_metainfo; }
    const peer::PieceGeometry& geometry() const { return m_geometry; }
    const QString& dataPath() const { return m_dataPath; }
    const QBitArray& have() const { return m_have; }
    bool complete() const { return m_haveCount == int(m_geometry.pieceCount); }

    // A download attaches while it runs; detach before it goes away.
    void attach(PieceSink* sink);
    void detach(PieceSink* sink);
    bool downloading() const { return m_sink != nullptr; }

    // Takes a connection whose handshake for this content is done or under way.
    void addConnection(peer::PeerConnection* connection, SourceClass cls);
    // A newer discovery answer may know a peer that connected before we heard of it (then
    // classed by our mode alone): its class, and the gates that depend on it, follow.
    void reclassify(const std::function<SourceClass(const QHostAddress&)>& classOf);
    bool hasConnectionTo(const QHostAddress& address, quint16 listenPort) const;
    int connectionCount() const { return int(m_peers.size()); }
    int connectionCount(SourceClass cls) const; // those to peers of one class
    bool isBanned(const QHostAddress& address) const { return m_banned.contains(address); }

    // Results of verification of a piece a peer sent (see PieceSink).
    void pieceStored(const QList<int>& pieces);
    void pieceRejected(int piece, int sourceKey);

    // What the HTTP scheduling needs: peers that serve us now, and whether connections that
    // may still serve are being set up.
    int servingPeerCount() const;
    int pendingPeerCount() const; // connected < a few seconds, not yet unchoking us
    // Peer ids of the connected OpenDO agents that still download this content: they fetch
    // from the origin too, and share that work with us (see DownloadJob::requestSpan).
    QList<QByteArray> coFetcherIds() const;

    // Upload gates or mode changed: re-evaluate choking.
    void uploadPermissionChanged();
    // Modes 1 and 2 under discovery: only peers proving `key` exchange pieces with us.
    void setMembership(bool required, const QByteArray& key);
    const SwarmMembership& membership() const { return m_membership; }
    void close(const QString& reason); // closes every connection

    QList<PeerSnapshot> peerSnapshots() const;
    int hashFailures() const { return m_hashFailures; }
    int bans() const { return m_banned.size(); }
    QList<BannedPeer> bannedPeers() const { return m_banned.values(); }

Q_SIGNALS:
    void peerCountChanged();

private:
    struct PieceAssembly
    {
        QByteArray data;
        std::vector<quint8> blocks; // 0 = to request, 1 = requested, 2 = received
        int received = 0;
        int nextToRequest = 0;
    };
    struct Peer
    {
        peer::PeerConnection* connection = nullptr;
        int key = 0;
        SourceClass cls = SourceClass::LanPeer;
        bool countedInPicker = false; // its pieces count as available while it serves us
        std::map<int, PieceAssembly> pieces;
        qint64 downloadedLastRound = 0;
        qint64 uploadedLastRound = 0;
        qint64 lastDownloaded = 0;
        qint64 lastUploaded = 0;
        int hashFailures = 0;
        QElapsedTimer lastBlock; // since the last block, while it serves us
        QSet<int> refused;       // pieces it rejected although it unchoked us
        QSet<int> fastRefused;   // allowed-fast pieces it rejected while choking us
    };
    friend class SwarmUploader;
    friend class SwarmRequests;

    Peer* peerOf(peer::PeerConnection* connection);
    Peer* peerByKey(int key);
    void onReady(Peer& peer);
    void applyVerdict(Peer& peer, SwarmMembership::Verdict verdict);
    bool isMember(const Peer& peer) const { return m_membership.isMember(peer.connection); }
    void onAvailability(Peer& peer);
    void onHave(Peer& peer, quint32 index);
    void onPeerChoke(Peer& peer, bool choking);
    void onAllowedFast(Peer& peer);
    bool mayServe(const Peer& peer) const;
    void stopServing(Peer& peer); // choke and reject what it asked
    void offerAllowedFast(Peer& peer);
    bool fetchableWhileChoked(const Peer& peer, int piece) const;
    void onPeerInterest(Peer& peer, bool interested);
    void onClosed(peer::PeerConnection* connection, const QString& reason, bool violation);
    void recordEnded(const Peer& peer, const QString& reason, bool violation); // in the journal
    PeerSnapshot snapshotOf(const Peer& peer) const;
    void updateInterest(Peer& peer);
    void updatePickerAvailability(Peer& peer);
    void unchokeRound();
    bool tryUnchokeNow(Peer& peer);
    int unchokedCount() const;
    void ban(Peer& peer, const QString& reason);

    PeerHub& m_hub;
    std::shared_ptr<const content::Metainfo> m_metainfo;
    QString m_contentId;
    QByteArray m_infoHash;
    peer::PieceGeometry m_geometry;
    QString m_dataPath;
    QBitArray m_have;
    int m_haveCount = 0;
    PieceSink* m_sink = nullptr;
    std::vector<std::unique_ptr<Peer>> m_peers;
    int m_nextKey = 1; // 0 is the HTTP source in the picker
    QHash<QHostAddress, BannedPeer> m_banned;
    int m_hashFailures = 0;
    // Set while we end connections ourselves (the swarm closes, peering pauses): a dial cut
    // short then says nothing about whether the peer could be reached.
    bool m_endingByChoice = false;
    SwarmUploader* m_uploader = nullptr;
    std::unique_ptr<SwarmRequests> m_requests;
    SwarmMembership m_membership;
    QTimer m_chokeTimer;
    QTimer m_snubTimer;
};

} // namespace opendo::transfer
