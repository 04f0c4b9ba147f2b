#pragma once

// One download into the cache from the HTTP origin and, for content with trusted hashes, from
// peers: the piece picker shares the missing pieces between the origin (byte ranges, assembled
// from the stream) and the swarm; every piece is verified and stored durably, its bytes counted
// under the source class it came from, and finally the user's copy of the file is written.

#include "transfer/HttpSourceChain.h"
#include "transfer/JobRecord.h"
#include "transfer/OriginOutage.h"
#include "transfer/OriginPacing.h"
#include "transfer/PiecePicker.h"
#include "transfer/PieceSink.h"
#include "transfer/SpanAssembler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>

namespace opendo::cache {
class PieceStore;
}
namespace opendo::content {
class Metainfo;
}
namespace opendo::stats {
class ErrorJournal;
}

namespace opendo::transfer {

class PeerHub;
class PieceCommitter;
class Swarm;
class WorkerPool;

struct JobContext
{
    cache::PieceStore& store;
    QNetworkAccessManager& network;
    BandwidthLimiter& limiter;
    WorkerPool& workers;
    PeerHub* peers = nullptr; // null: this agent does not use peers at all
    stats::ErrorJournal* errors = nullptr;
};

class DownloadJob : public QObject, private PieceSink
{
    Q_OBJECT
public:
    // `metainfo` null for a plain URL: the origin is then `record.source`. `metainfoBytes` is
    // the .torrent as received, kept in the cache so the content can be offered to peers.
    DownloadJob(JobContext context, JobRecord record,
                std::shared_ptr<const content::Metainfo> metainfo, QByteArray metainfoBytes,
                QObject* parent = nullptr);
    ~DownloadJob() override;

    void start();
    void pause();
    void cancel();
    void rejoinSwarm() { joinSwarm(); } // no-op when already in one or peering is off
    // Cache servers to ask before the origin (DOCacheHost); takes effect at the next start().
    void setCacheServers(CacheServerPlan plan) { m_cachePlan = std::move(plan); }

    const JobRecord& record() const { return m_record; }
    // Reading or writing its data file now (downloading, finishing the user's copy, or pieces
    // still on their way to the disk): the cache folder must not move under it.
    bool usesCacheFile() const;
    JobStatus status() const;

Q_SIGNALS:
    void progressed();   // counters changed
    void stateChanged(); // record changed: persist it
    // Verified bytes that became durable, by the class they came from (device statistics).
    void bytesStored(opendo::transfer::SourceClass cls, qint64 bytes);

private:
    struct PieceOrigin
    {
        int sourceKey = PiecePicker::kHttpSource;
        SourceClass cls = SourceClass::Http;
    };

    // PieceSink
    PiecePicker& picker() override { return *m_picker; }
    bool acceptsMorePieces() const override;
    void pieceFromPeer(int piece, QByteArray data, int sourceKey, SourceClass cls) override;
    void peersChanged() override;

    void setState(JobState state, const QString& error = {});
    void beginTransfer();
    void pump();
    void schedulePump();
    // What the origin may fetch right now (see OriginPacing).
    using HttpGate = OriginPacing::Gate;
    HttpGate httpGate();
    int effectiveDownloadMode() const;
    std::function<bool(int)> httpShare() const; // which pieces the origin fetches for us
    bool peersStalled() const;
    bool belowMinQos() const;
    bool requestSpan(HttpGate gate);
    void commitPiece(int piece, QByteArray data, PieceOrigin origin);
    void joinSwarm();
    void leaveSwarm();
    void onData(quint64 tag, qint64 offset, const QByteArray& chunk);
    void onRangeFinished(quint64 tag);
    void onRangeFailed(quint64 tag, const HttpError& error);
    void giveUpOnOrigin(const HttpError& error);
    void onCommitted(const QList<int>& pieces, qint64 bytes);
    void onVerificationFailed(int piece);
    void onWriteFailed(const QString& message, bool diskFull);
    void finish();
    void stopTransfer();
    bool isPresent(int piece) const;
    qint64 pieceSize(int piece) const; // the last piece is shorter

    JobContext m_context;
    JobRecord m_record;
    std::shared_ptr<const content::Metainfo> m_metainfo;
    QByteArray m_metainfoBytes;
    QUrl m_origin;
    qint64 m_fileSize = -1;
    qint64 m_pieceLength = 0;
    int m_pieceCount = 0;
    QString m_dataPath;
    QString m_fileName;
    QVector<bool> m_present;
    int m_presentCount = 0;
    std::unique_ptr<PiecePicker> m_picker;
    QHash<int, PieceOrigin> m_committing; // handed to the committer, not yet durable
    SpanAssembler m_spans{[this](int piece) { return pieceSize(piece); }};
    quint64 m_nextTag = 0;
    QHash<int, int> m_hashFailuresByPiece;
    int m_hashFailures = 0;
    qint64 m_bytesDiscarded = 0;
    int m_bannedPeers = 0; // of this content's swarm, as of the last ban
    bool m_reportedNoRanges = false;
    Swarm* m_swarm = nullptr;
    std::unique_ptr<OriginPacing> m_pacing; // null when this agent does not use peers
    bool m_pumpScheduled = false;
    QTimer m_holdTimer; // wakes the origin when its hold for peers ends
    OriginOutage m_outage;
    quint64 m_tagAtOriginFailure = 0; // ranges up to this one were asked before the last failure
    QElapsedTimer m_runClock;         // this run's time, for the origin's pauses
    int m_httpConnections = 0;
    int m_cacheConnections = 0;
    CacheServerPlan m_cachePlan;
    QString m_cacheHostUsed; // the cache server that delivered verified bytes, if any
    qint64 m_durationMs = 0;
    QElapsedTimer m_running;
    HttpSourceChain* m_source = nullptr;
    PieceCommitter* m_committer = nullptr;
    bool m_finishing = false;
};

} // namespace opendo::transfer
