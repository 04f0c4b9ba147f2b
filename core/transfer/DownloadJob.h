#pragma once

// One download from the HTTP origin into the cache: probes the origin, requests the missing
// pieces as byte ranges, assembles them from the stream, has them verified and stored durably,
// and finally writes the user's copy of the file.

#include "transfer/HttpRangeSource.h"
#include "transfer/JobRecord.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <deque>
#include <memory>

class QThreadPool;

namespace opendo::cache {
class PieceStore;
}
namespace opendo::content {
class Metainfo;
}

namespace opendo::transfer {

class PieceCommitter;

struct JobContext
{
    cache::PieceStore& store;
    QNetworkAccessManager& network;
    BandwidthLimiter& limiter;
    QThreadPool& workers;
};

class DownloadJob : public QObject
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

    const JobRecord& record() const { return m_record; }
    JobStatus status() const;

Q_SIGNALS:
    void progressed();   // counters changed
    void stateChanged(); // record changed: persist it

private:
    struct Span; // one range request: consecutive pieces, assembled as the stream arrives
    void setState(JobState state, const QString& error = {});
    void beginTransfer();
    void pump();
    void requestSpan();
    void onData(quint64 tag, qint64 offset, const QByteArray& chunk);
    void onRangeFinished(quint64 tag);
    void onRangeFailed(quint64 tag, const HttpError& error);
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
    std::deque<int> m_queue; // missing pieces not yet requested, in file order
    QMap<quint64, std::shared_ptr<Span>> m_spans;
    quint64 m_nextTag = 0;
    QHash<int, int> m_hashFailuresByPiece;
    int m_hashFailures = 0;
    int m_httpConnections = 0;
    qint64 m_durationMs = 0;
    QElapsedTimer m_running;
    HttpRangeSource* m_source = nullptr;
    PieceCommitter* m_committer = nullptr;
    bool m_finishing = false;
};

} // namespace opendo::transfer
