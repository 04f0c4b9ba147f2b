#pragma once

// The local control endpoint: while an agent runs on a data directory, doctl hands its command
// to that agent instead of opening the directory's database a second time.
//
// Transport: the Unix domain socket <dataDir>/control.sock, owned by the agent's user and
// accessible to that user only (mode 0600); the server also refuses peers of other users.
//
// Framing: newline-delimited JSON, UTF-8, one compact object per line.
//
// Request, client to server, exactly one per connection, at most kMaxRequestBytes including
// the newline:
//   {"v":1,"args":["config","set","DOMaxCacheAge","3600"],"cwd":"/home/me","progress":false}
//   v         protocol version; the server answers any other version with an error
//   args      the doctl command and its arguments, without doctl's global options
//             (--data-dir, --proxy): "config …", "download …" or "status …"
//   cwd       the client's working directory (absolute); see "Path arguments"
//   progress  optional; true when the client's stderr is a terminal, so that a download
//             draws its progress line there
//
// Replies, server to client, in the order the command produces them:
//   {"out":"text"}   text for the client's stdout
//   {"err":"text"}   text for the client's stderr
//   {"rc":N}         always last: the command's exit code; the server then closes
// A request that is too long, not JSON or not a request gets {"err":"error: …\n"} and
// {"rc":2}. A client that goes away does not stop its command: the agent finishes it and drops
// the output.
//
// Path arguments: the agent's working directory is not the user's, so the client sends these
// arguments as absolute paths (absolutePathArguments does it; the server applies it again with
// "cwd" for clients that did not):
//   download SOURCE        unless it is a URL (contains "://")
//   download --out PATH    also --out=PATH
//   config import FILE
//   config export FILE

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace opendo::cli {

inline constexpr int kControlProtocolVersion = 1;
inline constexpr qsizetype kMaxRequestBytes = 64 * 1024;

struct ControlRequest
{
    QStringList args;
    QString cwd;
    bool progress = false;
};

// <dataDir>/control.sock as an absolute path (QLocalSocket reads a relative name as a name in
// the temporary directory).
QString controlSocketPath(const QString& dataDir);

// `args` with the path arguments listed above made absolute against `cwd`.
QStringList absolutePathArguments(const QStringList& args, const QString& cwd);

QByteArray encodeRequest(const ControlRequest& request);
// `line` without its newline; nullopt and `error` when it is not a valid request.
std::optional<ControlRequest> parseRequest(const QByteArray& line, QString* error);

// One reply or request line: compact JSON and the newline.
QByteArray encodeMessage(const QJsonObject& message);

} // namespace opendo::cli
