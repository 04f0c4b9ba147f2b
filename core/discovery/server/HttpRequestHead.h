#pragma once

// The head of an HTTP/1.1 request (request line and header fields) as the discovery service
// reads it: strict, so that anything ambiguous is refused rather than guessed. A pure function of
// the bytes, so the fuzzer (tests/fuzz/fuzz_http_head.cpp) reaches it without sockets.

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QHostAddress>

namespace opendo::discovery {

struct HttpRequest
{
    QByteArray method;                     // "GET", "POST", …
    QByteArray target;                     // as sent: "/announce?info_hash=…"
    QByteArray path;                       // target before '?', still percent-encoded
    QByteArray query;                      // target after '?', raw ("" when none)
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QHostAddress peerAddress;
};

struct HttpHead
{
    bool ok = false;
    int status = 400;    // when !ok: the answer (400, 413, 501, 505)
    QByteArray message;  // when !ok: why, for the client
    HttpRequest request; // when ok: everything but body and peerAddress
    bool http10 = false;
    bool keepAlive = true;
    qsizetype bodyLength = 0; // from Content-Length, at most maxBodyBytes
};

// `text` runs from the request line to the empty line that ends the head, inclusive.
HttpHead parseHttpRequestHead(QByteArrayView text, qsizetype maxBodyBytes);

} // namespace opendo::discovery
