#pragma once

// The HTTP side of one download: its cache servers first (DOCacheHost, in order), then the
// origin, as one source of byte ranges. A cache server that fails, or whose bytes fail
// verification, hands over to the next one while DODelayCacheServerFallback* allows and
// otherwise to the origin; the ranges it had in flight end early (rangeFinished), so the
// download asks for them again and nothing it received is mixed with another server's bytes.
// Failures of the origin itself are the download's to handle, as without a cache server.

#include "transfer/CacheServerPlan.h"
#include "transfer/HttpRangeSource.h"
#include "transfer/SourceClass.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace opendo::transfer {

class HttpSourceChain : public QObject
{
    Q_OBJECT
public:
    HttpSourceChain(QNetworkAccessManager& network, QUrl origin, CacheServerPlan plan,
                    HttpSourceOptions options, BandwidthLimiter* limiter,
                    QObject* parent = nullptr);
    ~HttpSourceChain() override;

    // CacheServer while a cache server serves the ranges, Http once the origin does.
    SourceClass sourceClass() const;
    QUrl cacheServer() const; // the one in use; empty on the origin
    bool rangesSupported() const;
    void setExpectedSize(qint64 size);

    void probe();
    void fetch(quint64 tag, qint64 offset, qint64 length);
    void cancelAll();
    // Bytes from the current cache server failed verification: no cache server is used for
    // this download any more.
    void distrustCacheServer(const QString& why);

Q_SIGNALS:
    void probed(qint64 size, bool rangesSupported);
    void probeFailed(const opendo::transfer::HttpError& error);
    void dataReceived(quint64 tag, qint64 offset, const QByteArray& chunk);
    void rangeFinished(quint64 tag);
    void rangeFailed(quint64 tag, const opendo::transfer::HttpError& error);
    void connectionOpened(opendo::transfer::SourceClass cls);

private:
    struct PendingFetch
    {
        quint64 tag;
        qint64 offset;
        qint64 length;
    };

    void open(); // a source for the current target; replays fetches that waited for it
    void dropSource();
    void fallBack(const QString& why, bool otherCacheServersAllowed);
    QUrl targetUrl() const;

    QNetworkAccessManager& m_network;
    QUrl m_origin;
    CacheServerPlan m_plan;
    HttpSourceOptions m_options;
    BandwidthLimiter* m_limiter;
    int m_index = -1; // into m_plan.servers; -1 = the origin
    HttpRangeSource* m_source = nullptr;
    qint64 m_expectedSize = -1;
    bool m_probing = false;
    QSet<quint64> m_inFlight;
    QList<PendingFetch> m_pending; // asked for while no source is open (retry pause)
    QElapsedTimer m_sinceStart;    // for DODelayCacheServerFallback*
    QTimer m_retry;                // pause before going round the cache servers again
};

} // namespace opendo::transfer
