#include "transfer/HttpFailure.h"

#include <QCoreApplication>

namespace opendo::transfer {

namespace {
QString hostAndPort(const QUrl& url)
{
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return url.host() + QLatin1Char(':') + QString::number(port);
}
} // namespace

HttpFailure statusFailure(int status, const QByteArray& reason)
{
    HttpFailure f;
    const QString reasonText = QString::fromLatin1(reason).trimmed();
    f.cause = QCoreApplication::translate("opendo::transfer", "the server answered HTTP %1 %2")
                  .arg(status)
                  .arg(reasonText)
                  .trimmed();
    if (status == 404 || status == 410) {
        // The file is gone from this origin; asking again will not bring it back.
        f.kind = HttpError::Kind::NotFound;
    } else if (status >= 500 && status <= 599) {
        f.kind = HttpError::Kind::HttpStatus; // overloaded or failing origin: worth a retry
        f.retry = true;
    } else {
        f.kind = HttpError::Kind::HttpStatus; // 4xx and oddities: the request itself is refused
    }
    return f;
}

HttpFailure networkFailure(QNetworkReply::NetworkError error, const QString& errorString,
                           const QUrl& url)
{
    HttpFailure f;
    f.retry = true;
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        // Retried too: a resolver hiccup is as common as a wrong name.
        f.kind = HttpError::Kind::HostNotFound;
        f.cause = QCoreApplication::translate("opendo::transfer",
                                              "the host name %1 could not be resolved")
                      .arg(url.host());
        return f;
    case QNetworkReply::ConnectionRefusedError:
        f.kind = HttpError::Kind::ConnectionRefused;
        f.cause =
            QCoreApplication::translate("opendo::transfer", "the connection to %1 was refused")
                .arg(hostAndPort(url));
        return f;
    case QNetworkReply::TimeoutError:
        f.kind = HttpError::Kind::Timeout;
        f.cause = QCoreApplication::translate("opendo::transfer", "the connection to %1 timed out")
                      .arg(hostAndPort(url));
        return f;
    case QNetworkReply::RemoteHostClosedError:
        f.kind = HttpError::Kind::Other;
        f.cause = QCoreApplication::translate("opendo::transfer",
                                              "the server closed the connection before answering");
        return f;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        f.kind = HttpError::Kind::Other;
        f.cause = QCoreApplication::translate("opendo::transfer", "the network failed: %1")
                      .arg(errorString);
        return f;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        f.kind = HttpError::Kind::Proxy;
        f.cause = QCoreApplication::translate("opendo::transfer", "the proxy failed: %1")
                      .arg(errorString);
        return f;
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        f.kind = HttpError::Kind::Proxy;
        f.cause =
            QCoreApplication::translate("opendo::transfer", "the proxy refused the request: %1")
                .arg(errorString);
        f.retry = false;
        return f;
    default:
        // TLS failures, bad redirects, unsupported schemes: repeating changes nothing.
        f.kind = HttpError::Kind::Other;
        f.cause = errorString;
        f.retry = false;
        return f;
    }
}

HttpError describeFailure(const QUrl& url, const HttpFailure& failure, qint64 first, qint64 last,
                          int attempts)
{
    HttpError error;
    error.kind = failure.kind;
    error.message = QCoreApplication::translate("opendo::transfer",
                                                "%1: %2 (bytes %3-%4), %n "
                                                "attempt(s)",
                                                nullptr, attempts)
                        .arg(url.toDisplayString(), failure.cause)
                        .arg(first)
                        .arg(last);
    return error;
}

} // namespace opendo::transfer
