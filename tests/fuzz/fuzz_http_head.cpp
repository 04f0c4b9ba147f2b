// The discovery service's HTTP request head parser, which every client (hostile ones included)
// reaches before any handler: whatever it returns must be self-consistent, and an accepted head
// written out again must parse to the same request. A violated invariant aborts.

#include "FuzzCheck.h"
#include "discovery/server/HttpRequestHead.h"

#include <cstddef>
#include <cstdint>

using namespace opendo::discovery;

using opendo::fuzz::check;

namespace {

constexpr qsizetype kMaxBody = 1024 * 1024;

QByteArray serialise(const HttpHead& head)
{
    QByteArray out = head.request.method + ' ' + head.request.target +
                     (head.http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
    for (auto it = head.request.headers.cbegin(); it != head.request.headers.cend(); ++it)
        out += it.key() + ": " + it.value() + "\r\n";
    return out + "\r\n";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), qsizetype(size));
    const HttpHead head = parseHttpRequestHead(input, kMaxBody);
    if (!head.ok) {
        check(head.status == 400 || head.status == 413 || head.status == 501 || head.status == 505,
              "a refusal has one of the documented statuses");
        check(!head.message.isEmpty(), "a refusal says why");
        check(head.request.method.isEmpty() && head.request.headers.isEmpty(),
              "a refusal carries no half-parsed request");
        return 0;
    }
    const HttpRequest& r = head.request;
    check(!r.method.isEmpty(), "method present");
    check(r.target.startsWith('/') && r.path.startsWith('/'), "origin-form target");
    check(r.path + (r.query.isEmpty() && !r.target.contains('?') ? QByteArray() : "?" + r.query) ==
              r.target,
          "path and query make up the target");
    check(head.bodyLength >= 0 && head.bodyLength <= kMaxBody, "body length within the limit");
    check(!r.headers.contains("transfer-encoding"), "no transfer codings accepted");
    for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
        check(it.key() == it.key().toLower() && !it.key().isEmpty(), "header names lower-case");

    const HttpHead again = parseHttpRequestHead(serialise(head), kMaxBody);
    check(again.ok, "an accepted head written out again is accepted");
    check(again.request.method == r.method && again.request.target == r.target,
          "round trip: request line");
    check(again.request.headers == r.headers, "round trip: headers");
    check(again.bodyLength == head.bodyLength && again.keepAlive == head.keepAlive,
          "round trip: body length and keep-alive");
    return 0;
}
