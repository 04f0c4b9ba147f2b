#pragma once

// What went wrong with one HTTP request, whether trying again can help, and the sentence a user
// reads about it; private to the HTTP source.

#include "transfer/HttpRangeSource.h"

#include <QNetworkReply>

namespace opendo::transfer {

struct HttpFailure
{
    HttpError::Kind kind = HttpError::Kind::Other;
    QString cause;      // translated clause, e.g. "the connection to 127.0.0.1:80 was refused"
    bool retry = false; // transient: another attempt may succeed
};

// An HTTP status that is not the answer we asked for (4xx, 5xx, an unexpected 2xx/3xx).
HttpFailure statusFailure(int status, const QByteArray& reason);
// A transport failure before a usable answer arrived.
HttpFailure networkFailure(QNetworkReply::NetworkError error, const QString& errorString,
                           const QUrl& url);

// "<url>: <cause> (bytes a-b), N attempts".
HttpError describeFailure(const QUrl& url, const HttpFailure& failure, qint64 first, qint64 last,
                          int attempts);

} // namespace opendo::transfer
