#pragma once

// The persistent part of a download job (one row of download_jobs).

#include "transfer/JobStatus.h"

namespace opendo::transfer {

struct JobRecord
{
    QString jobId;
    QString contentId; // "" until known (a URL job learns it after probing the origin)
    QString source;
    QString outPath;
    bool foreground = true;
    JobState state = JobState::Queued;
    QString error;
    int downloadMode = 99;
    // Verified bytes by the source class they came from (see SourceClass); they add up to what
    // the cache holds from this job.
    qint64 bytesHttp = 0;
    qint64 bytesCacheServer = 0;
    qint64 bytesLan = 0;
    qint64 bytesGroup = 0;
    qint64 bytesInternet = 0;
    qint64 bytesLinkLocal = 0;
    QDateTime createdAt;
    QDateTime finishedAt;

    qint64 bytesFromPeers() const { return bytesLan + bytesGroup + bytesInternet + bytesLinkLocal; }
    qint64 bytesReceived() const { return bytesHttp + bytesCacheServer + bytesFromPeers(); }
};

// Content id of HTTP-only content: derived from the URL, so the same URL resumes the same cache
// entry, and visibly not an info hash.
QString contentIdForUrl(const QUrl& url);

} // namespace opendo::transfer
