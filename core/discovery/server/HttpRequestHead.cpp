#include "discovery/server/HttpRequestHead.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace opendo::discovery {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

} // namespace

HttpHead parseHttpRequestHead(QByteArrayView text, qsizetype maxBodyBytes)
{
    HttpHead head;
    auto fail = [&head](int status, const QByteArray& message) {
        head.ok = false;
        head.status = status;
        head.message = message;
        head.request = HttpRequest{};
        return head;
    };
    HttpRequest& request = head.request;
    const QList<QByteArray> lines = text.toByteArray().split('\n');
    auto lineAt = [&](qsizetype i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    };

    const QByteArray requestLine = lineAt(0);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty())
        return fail(400, "malformed request line");
    for (const char c : parts[1]) {
        if (uchar(c) <= 0x20 || uchar(c) == 0x7f)
            return fail(400, "malformed request target");
    }
    if (!parts[1].startsWith('/'))
        return fail(400, "only origin-form request targets are supported");
    const QByteArray& version = parts[2];
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        !std::isdigit(uchar(version[5])) || !std::isdigit(uchar(version[7])))
        return fail(400, "malformed HTTP version");
    if (version[5] != '1')
        return fail(505, "only HTTP/1.x is supported");
    head.http10 = version[7] == '0';
    request.method = parts[0];
    request.target = parts[1];
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.left(question);
    request.query = question < 0 ? QByteArray() : request.target.mid(question + 1);

    // The last element is the empty line (or what follows the final '\n').
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lineAt(i);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, "obsolete header line folding");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return fail(400, "malformed header");
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        for (const char c : value) {
            if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f)
                return fail(400, "control character in header");
        }
        auto existing = request.headers.find(name);
        if (existing == request.headers.end()) {
            request.headers.insert(name, value);
        } else if (name == "content-length" || name == "host") {
            if (*existing != value)
                return fail(400, "conflicting " + name + " headers");
        } else if (!value.isEmpty()) {
            // RFC 9110 5.6.1: empty list elements are ignored, so they add nothing here.
            *existing = existing->isEmpty() ? value : *existing + ", " + value;
        }
    }

    if (request.headers.contains("transfer-encoding")) {
        return fail(501, "transfer codings are not supported; send Content-Length");
    }
    head.bodyLength = 0;
    if (const auto length = request.headers.constFind("content-length");
        length != request.headers.constEnd()) {
        const QByteArray& digits = *length;
        if (digits.isEmpty() || digits.size() > 18 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return fail(400, "malformed Content-Length");
        const qint64 value = digits.toLongLong();
        if (value > maxBodyBytes)
            return fail(413,
                        "request body larger than " + QByteArray::number(maxBodyBytes) + " bytes");
        head.bodyLength = qsizetype(value);
    }

    const QByteArray connection = request.headers.value("connection").toLower();
    const QList<QByteArray> options = connection.split(',');
    auto hasOption = [&](QByteArrayView option) {
        return std::any_of(options.begin(), options.end(),
                           [&](const QByteArray& o) { return o.trimmed() == option; });
    };
    head.keepAlive = head.http10 ? hasOption("keep-alive") : !hasOption("close");
    head.ok = true;
    return head;
}

} // namespace opendo::discovery
