// discovery_load_client: the load generator of bench/discovery_load. Registers N peers on a
// BitTorrent HTTP tracker (do-discovery or any other), then measures steady-state re-announces:
// announces per second and the latency of each one, from the moment it was due to the moment
// its whole response was read and checked.
//
// Peer i announces on connection i % C, and connection c always comes from its own loopback
// address 127.0.1.(c+1): trackers that key peers on (address, port) — opentracker does — then
// see N distinct peers without running out of ports, and the server sees C client addresses.
//
// Phases (each prints one "RESULT key=value ..." line on stdout):
//   register  every peer once with event=started, closed loop
//   closed    re-announces (no event) for --duration seconds, C connections × --pipeline
//             requests in flight: the most the server can do with that much concurrency
//   paced     re-announces at --rate per second for --duration seconds; latency counts from
//             the moment a request was due, so a server that falls behind is charged for the
//             queue (no coordinated omission)
// A response counts as ok when it is HTTP 200 with a well-formed bencoded dictionary that has
// an integer "interval" and no "failure reason"; anything else counts as a failure.

#include "discovery/AnnounceProtocol.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <fstream>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <string>
#include <string_view>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

using opendo::discovery::AnnounceEvent;
using opendo::discovery::AnnounceRequest;

constexpr int kMaxConnections = 254; // one source address each, in 127.0.1.0/24
constexpr int kFirstPeerPort = 1024;
constexpr int kPortsPerConnection = 60000;
constexpr size_t kMaxResponseBytes = 1 << 20;

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    int peers = 10000;
    int swarms = 1;
    int connections = 64;
    int pipeline = 1;
    int numWant = 50;
    double duration = 5;
    double rate = 0; // paced phase when > 0
    bool opendo = false;
    bool closeEach = false; // one request per connection, for servers without keep-alive
    bool register_ = true;
    bool closed = true;
    int serverPid = 0;
    double timeout = 300; // hard limit for the whole run
    bool printHashes = false;
    std::string label = "run";
};

[[noreturn]] void usage(const char* message)
{
    std::fprintf(
        stderr,
        "discovery_load_client: %s\n"
        "usage: discovery_load_client --port P [--host 127.0.0.1] [--peers N] "
        "[--swarms S] [--connections C] [--pipeline D] [--numwant K] [--duration SEC] "
        "[--rate R] [--opendo] [--close-each] [--no-register] [--no-closed] [--server-pid PID] "
        "[--timeout SEC] [--label TEXT] | --print-hashes --swarms S\n",
        message);
    std::exit(2);
}

template <typename T> T parseNumber(const char* text, const char* name)
{
    T value{};
    const std::string_view s(text);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size())
        usage((std::string("bad number for ") + name).c_str());
    return value;
}

Options parseOptions(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a(argv[i]);
        auto next = [&]() -> const char* {
            if (i + 1 >= argc)
                usage((std::string(a) + " needs a value").c_str());
            return argv[++i];
        };
        if (a == "--host")
            o.host = next();
        else if (a == "--port")
            o.port = parseNumber<int>(next(), "--port");
        else if (a == "--peers")
            o.peers = parseNumber<int>(next(), "--peers");
        else if (a == "--swarms")
            o.swarms = parseNumber<int>(next(), "--swarms");
        else if (a == "--connections")
            o.connections = parseNumber<int>(next(), "--connections");
        else if (a == "--pipeline")
            o.pipeline = parseNumber<int>(next(), "--pipeline");
        else if (a == "--numwant")
            o.numWant = parseNumber<int>(next(), "--numwant");
        else if (a == "--duration")
            o.duration = parseNumber<double>(next(), "--duration");
        else if (a == "--rate")
            o.rate = parseNumber<double>(next(), "--rate");
        else if (a == "--opendo")
            o.opendo = true;
        else if (a == "--close-each")
            o.closeEach = true;
        else if (a == "--no-register")
            o.register_ = false;
        else if (a == "--no-closed")
            o.closed = false;
        else if (a == "--server-pid")
            o.serverPid = parseNumber<int>(next(), "--server-pid");
        else if (a == "--timeout")
            o.timeout = parseNumber<double>(next(), "--timeout");
        else if (a == "--print-hashes")
            o.printHashes = true;
        else if (a == "--label")
            o.label = next();
        else
            usage((std::string("unknown option ") + std::string(a)).c_str());
    }
    if (o.swarms < 1 || o.swarms > 1'000'000)
        usage("--swarms must be 1..1000000");
    if (o.printHashes)
        return o;
    if (o.port < 1 || o.port > 65535)
        usage("--port is required (1..65535)");
    if (o.connections < 1 || o.connections > kMaxConnections)
        usage("--connections must be 1..254");
    if (o.peers < o.connections || o.peers > 10'000'000)
        usage("--peers must be at least --connections and at most 10000000");
    if (o.peers / o.connections + 1 > kPortsPerConnection)
        usage("too many peers per connection for distinct ports");
    if (o.pipeline < 1 || o.pipeline > 64)
        usage("--pipeline must be 1..64");
    if (o.closeEach && o.pipeline != 1)
        usage("--close-each needs --pipeline 1");
    if (o.duration <= 0 || o.duration > 600 || o.timeout <= 0 || o.timeout > 3600)
        usage("--duration must be in (0, 600] and --timeout in (0, 3600]");
    return o;
}

std::int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

QByteArray infoHash(int swarm)
{
    return QCryptographicHash::hash("opendo-discovery-load-" + QByteArray::number(swarm),
                                    QCryptographicHash::Sha1);
}

// --- the server's own CPU time and memory, when its pid is known ------------------------------

struct ProcSample
{
    double cpuSeconds = -1;
    long rssKib = -1;
};

ProcSample sampleProcess(int pid)
{
    ProcSample s;
    if (pid <= 0)
        return s;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (std::getline(stat, line)) {
        // The command name may contain spaces; the fields after it are counted from its ')'.
        const size_t paren = line.rfind(')');
        if (paren != std::string::npos) {
            std::vector<std::string> fields;
            size_t at = paren + 2;
            while (at < line.size() && fields.size() < 13) {
                const size_t space = line.find(' ', at);
                fields.push_back(line.substr(at, space - at));
                if (space == std::string::npos)
                    break;
                at = space + 1;
            }
            if (fields.size() >= 13) // fields[11], [12]: utime, stime (stat fields 14, 15)
                s.cpuSeconds =
                    double(std::atoll(fields[11].c_str()) + std::atoll(fields[12].c_str())) /
                    double(sysconf(_SC_CLK_TCK));
        }
    }
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            s.rssKib = std::atol(line.c_str() + 6);
    }
    return s;
}

double selfCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// --- bencode ------------------------------------------------------------------------------------

// Walks one bencoded value at s[*at]; false when malformed or nested absurdly deep.
bool skipValue(std::string_view s, size_t* at, int depth)
{
    if (*at >= s.size() || depth > 32)
        return false;
    const char c = s[*at];
    if (c == 'i') {
        const size_t e = s.find('e', *at + 1);
        if (e == std::string_view::npos || e == *at + 1)
            return false;
        *at = e + 1;
        return true;
    }
    if (c == 'l' || c == 'd') {
        ++*at;
        while (*at < s.size() && s[*at] != 'e') {
            if (!skipValue(s, at, depth + 1))
                return false;
        }
        if (*at >= s.size())
            return false;
        ++*at;
        return true;
    }
    if (c >= '0' && c <= '9') {
        size_t length = 0;
        const auto [end, ec] = std::from_chars(s.data() + *at, s.data() + s.size(), length);
        if (ec != std::errc() || end >= s.data() + s.size() || *end != ':')
            return false;
        const size_t start = size_t(end - s.data()) + 1;
        if (length > s.size() - start)
            return false;
        *at = start + length;
        return true;
    }
    return false;
}

bool readString(std::string_view s, size_t* at, std::string_view* out)
{
    const size_t start = *at;
    if (start >= s.size() || s[start] < '0' || s[start] > '9' || !skipValue(s, at, 0))
        return false;
    const size_t colon = s.find(':', start);
    *out = s.substr(colon + 1, *at - colon - 1);
    return true;
}

struct Verdict
{
    bool ok = false;
    int peers = 0;
    std::string failure; // "failure reason" or what was malformed
};

Verdict checkAnnounceBody(std::string_view body)
{
    Verdict v;
    size_t at = 0;
    if (body.empty() || body[0] != 'd') {
        v.failure = "body is not a bencoded dictionary";
        return v;
    }
    ++at;
    bool interval = false;
    while (at < body.size() && body[at] != 'e') {
        std::string_view key;
        if (!readString(body, &at, &key)) {
            v.failure = "malformed dictionary key";
            return v;
        }
        const size_t valueAt = at;
        if (!skipValue(body, &at, 1)) {
            v.failure = "malformed value";
            return v;
        }
        const std::string_view value = body.substr(valueAt, at - valueAt);
        if (key == "interval") {
            interval = value.size() > 2 && value.front() == 'i';
        } else if (key == "failure reason") {
            size_t p = 0;
            std::string_view reason;
            v.failure = readString(value, &p, &reason) ? "failure reason: " + std::string(reason)
                                                       : std::string("failure reason");
            return v;
        } else if (key == "peers") {
            size_t p = 0;
            std::string_view peers;
            if (readString(value, &p, &peers)) {
                if (peers.size() % 6 != 0) {
                    v.failure = "compact peers not a multiple of 6 bytes";
                    return v;
                }
                v.peers += int(peers.size() / 6);
            }
        }
    }
    if (at + 1 != body.size()) {
        v.failure = "trailing bytes after the dictionary";
        return v;
    }
    if (!interval) {
        v.failure = "no integer \"interval\"";
        return v;
    }
    v.ok = true;
    return v;
}

// --- connections --------------------------------------------------------------------------------

struct Connection
{
    int index = 0;
    int fd = -1;
    bool connected = false;
    bool wantWrite = false;
    std::string out;
    size_t outAt = 0;
    std::string in;
    std::deque<std::int64_t> dueNs; // per request in flight, in order
    int nextPeer = 0;               // its peers are index, index + C, index + 2C, …
    bool closeAfterResponse = false;
};

class Client
{
public:
    explicit Client(const Options& options) : m_o(options)
    {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        if (m_epoll < 0) {
            std::perror("epoll_create1");
            std::exit(1);
        }
        if (inet_pton(AF_INET, m_o.host.c_str(), &m_server.sin_addr) != 1)
            usage("--host must be an IPv4 address");
        m_server.sin_family = AF_INET;
        m_server.sin_port = htons(quint16(m_o.port));
        m_conns.resize(size_t(m_o.connections));
        for (int c = 0; c < m_o.connections; ++c)
            m_conns[size_t(c)].index = c;
        m_hardDeadline = nowNs() + std::int64_t(m_o.timeout * 1e9);
    }

    void buildRequests(AnnounceEvent event)
    {
        m_requests.clear();
        m_requests.reserve(size_t(m_o.peers));
        std::vector<QByteArray> hashes;
        for (int s = 0; s < m_o.swarms; ++s)
            hashes.push_back(infoHash(s));
        const std::string hostHeader = "Host: " + m_o.host + ':' + std::to_string(m_o.port);
        for (int i = 0; i < m_o.peers; ++i) {
            AnnounceRequest r;
            r.infoHash = hashes[size_t(i % m_o.swarms)];
            r.peerId = "-OL0001-" + QByteArray::number(i).rightJustified(12, '0');
            r.port = quint16(kFirstPeerPort + i / m_o.connections);
            r.left = i % 4 == 0 ? 0 : 1'000'000; // a quarter seeds, as in a settled swarm
            r.downloaded = r.left == 0 ? 1'000'000 : 0;
            r.event = event;
            r.compact = true;
            r.numWant = m_o.numWant;
            if (m_o.opendo) {
                r.opendo = true;
                r.downloadMode = 1;
            }
            std::string req = "GET /announce?";
            req += opendo::discovery::encodeAnnounceQuery(r).toStdString();
            req += " HTTP/1.1\r\n" + hostHeader + "\r\nUser-Agent: discovery_load\r\n";
            if (m_o.closeEach)
                req += "Connection: close\r\n";
            req += "\r\n";
            m_requests.push_back(std::move(req));
        }
    }

    struct PhaseResult
    {
        std::int64_t ok = 0;
        std::int64_t failed = 0;
        std::int64_t peersReturned = 0;
        double seconds = 0;
        std::vector<std::int64_t> latenciesNs;
        double serverCpu = -1;
        long serverRss = -1;
        double clientCpu = 0;
        bool timedOut = false;
    };

    // Closed loop over a fixed number of requests per connection (register) or a duration.
    // Paced when rate > 0.
    PhaseResult run(std::optional<int> requestsPerPeer, double seconds, double rate)
    {
        PhaseResult result;
        m_result = &result;
        m_firstFailure.clear();
        for (Connection& c : m_conns) {
            c.nextPeer = c.index;
            c.dueNs.clear();
        }
        const ProcSample before = sampleProcess(m_o.serverPid);
        const double clientBefore = selfCpuSeconds();
        const std::int64_t start = nowNs();
        const std::int64_t end =
            requestsPerPeer ? m_hardDeadline
                            : std::min(m_hardDeadline, start + std::int64_t(seconds * 1e9));
        // Registration: each peer exactly once, so a connection stops after its own peers.
        m_quota = requestsPerPeer.value_or(0);
        m_issued.assign(m_conns.size(), 0);
        std::int64_t nextDue = start;
        const std::int64_t periodNs = rate > 0 ? std::int64_t(1e9 / rate) : 0;
        std::deque<std::int64_t> backlog; // paced requests due but without a free connection

        auto fillClosedLoop = [&](Connection& c, std::int64_t now) {
            while (int(c.dueNs.size()) < m_o.pipeline && mayIssue(c) && now < end)
                issue(c, now);
        };
        for (Connection& c : m_conns)
            ensureConnected(c);
        if (rate <= 0) {
            const std::int64_t now = nowNs();
            for (Connection& c : m_conns)
                fillClosedLoop(c, now);
        }

        std::vector<epoll_event> events(m_conns.size() + 1);
        size_t roundRobin = 0;
        while (true) {
            const std::int64_t now = nowNs();
            if (now >= m_hardDeadline) {
                result.timedOut = true;
                break;
            }
            const bool issuing = requestsPerPeer ? anyQuotaLeft() : now < end;
            if (rate > 0 && issuing) {
                // Every request that has come due joins the backlog with its due time, then goes
                // out on whichever connection has room.
                while (nextDue <= now && nextDue < end) {
                    backlog.push_back(nextDue);
                    nextDue += periodNs;
                }
                for (size_t tries = 0; !backlog.empty() && tries < m_conns.size(); ++tries) {
                    Connection& c = m_conns[roundRobin++ % m_conns.size()];
                    if (int(c.dueNs.size()) < m_o.pipeline) {
                        issue(c, backlog.front());
                        backlog.pop_front();
                        tries = 0;
                    }
                }
            }
            if (!issuing && inFlight() == 0)
                break;
            if (now >= end + std::int64_t(10e9)) { // responses that never come
                result.timedOut = true;
                break;
            }
            int waitMs = 100;
            if (rate > 0 && issuing)
                waitMs =
                    backlog.empty() ? int(std::max<std::int64_t>(0, nextDue - now) / 1'000'000) : 1;
            const int n = epoll_wait(m_epoll, events.data(), int(events.size()), waitMs);
            if (n < 0 && errno != EINTR) {
                std::perror("epoll_wait");
                std::exit(1);
            }
            const std::int64_t after = nowNs();
            for (int k = 0; k < n; ++k) {
                Connection& c = m_conns[events[size_t(k)].data.u32];
                onEvent(c, events[size_t(k)].events, after);
                if (rate <= 0)
                    fillClosedLoop(c, after); // reopens a connection the server closed
            }
        }
        const std::int64_t stop = nowNs();
        result.seconds = double(stop - start) / 1e9;
        const ProcSample afterSample = sampleProcess(m_o.serverPid);
        if (before.cpuSeconds >= 0 && afterSample.cpuSeconds >= 0)
            result.serverCpu = (afterSample.cpuSeconds - before.cpuSeconds) / result.seconds * 100;
        result.serverRss = afterSample.rssKib;
        result.clientCpu = (selfCpuSeconds() - clientBefore) / result.seconds * 100;
        if (!backlog.empty()) {
            // Due before the end but never sent: the server fell behind the paced rate.
            result.failed += std::int64_t(backlog.size()) - 1;
            fail("paced requests still queued at the end: the server fell behind the rate");
        }
        m_result = nullptr;
        return result;
    }

    const std::string& firstFailure() const { return m_firstFailure; }

private:
    bool mayIssue(const Connection& c) const
    {
        return m_quota == 0 || m_issued[size_t(c.index)] < peersOf(c.index) * m_quota;
    }
    bool anyQuotaLeft() const
    {
        for (const Connection& c : m_conns) {
            if (mayIssue(c))
                return true;
        }
        return false;
    }
    int peersOf(int connection) const
    {
        return m_o.peers / m_o.connections + (connection < m_o.peers % m_o.connections ? 1 : 0);
    }
    std::int64_t inFlight() const
    {
        std::int64_t n = 0;
        for (const Connection& c : m_conns)
            n += std::int64_t(c.dueNs.size());
        return n;
    }

    void fail(const std::string& why)
    {
        ++m_result->failed;
        if (m_firstFailure.empty())
            m_firstFailure = why;
    }

    void ensureConnected(Connection& c)
    {
        if (c.fd >= 0)
            return;
        c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c.fd < 0) {
            std::perror("socket");
            std::exit(1);
        }
        const int one = 1;
        setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(c.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in source{};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr = htonl((127u << 24) | (1u << 8) | quint32(c.index + 1));
        if (bind(c.fd, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0) {
            std::perror("bind 127.0.1.x");
            std::exit(1);
        }
        const int rc = connect(c.fd, reinterpret_cast<const sockaddr*>(&m_server), sizeof m_server);
        if (rc != 0 && errno != EINPROGRESS) {
            std::perror("connect");
            std::exit(1);
        }
        c.connected = rc == 0;
        c.in.clear();
        c.out.clear();
        c.outAt = 0;
        c.closeAfterResponse = false;
        c.wantWrite = !c.connected;
        epoll_event ev{};
        ev.events = EPOLLIN | (c.wantWrite ? EPOLLOUT : 0u);
        ev.data.u32 = quint32(c.index);
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
    }

    void closeConnection(Connection& c)
    {
        if (c.fd < 0)
            return;
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        c.fd = -1;
        c.connected = false;
    }

    void setWantWrite(Connection& c, bool want)
    {
        if (c.wantWrite == want || c.fd < 0)
            return;
        c.wantWrite = want;
        epoll_event ev{};
        ev.events = EPOLLIN | (want ? EPOLLOUT : 0u);
        ev.data.u32 = quint32(c.index);
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
    }

    void issue(Connection& c, std::int64_t dueNs)
    {
        ensureConnected(c);
        const std::string& req = m_requests[size_t(c.nextPeer)];
        c.nextPeer += m_o.connections;
        if (c.nextPeer >= m_o.peers)
            c.nextPeer = c.index;
        ++m_issued[size_t(c.index)];
        c.out += req;
        c.dueNs.push_back(dueNs);
        flush(c);
    }

    void flush(Connection& c)
    {
        if (!c.connected)
            return;
        while (c.outAt < c.out.size()) {
            const ssize_t n =
                ::send(c.fd, c.out.data() + c.outAt, c.out.size() - c.outAt, MSG_NOSIGNAL);
            if (n > 0) {
                c.outAt += size_t(n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                setWantWrite(c, true);
                return;
            }
            if (n < 0 && errno == EINTR)
                continue;
            broken(c, "send failed");
            return;
        }
        c.out.clear();
        c.outAt = 0;
        setWantWrite(c, false);
    }

    // The connection is gone with requests in flight: they count as failures.
    void broken(Connection& c, const char* why)
    {
        for (size_t k = 0; k < c.dueNs.size(); ++k)
            fail(why);
        c.dueNs.clear();
        closeConnection(c);
        ensureConnected(c);
    }

    void onEvent(Connection& c, std::uint32_t events, std::int64_t now)
    {
        if (c.fd < 0)
            return;
        if (!c.connected && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0) {
                broken(c, "connect failed");
                return;
            }
            c.connected = true;
            flush(c);
        } else if (events & EPOLLOUT) {
            flush(c);
        }
        if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR)) || c.fd < 0)
            return;
        char buffer[65536];
        bool eof = false;
        for (int reads = 0; reads < 64; ++reads) {
            const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                c.in.append(buffer, size_t(n));
                if (size_t(n) < sizeof buffer)
                    break;
                continue;
            }
            if (n == 0) {
                eof = true;
                break;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            if (errno == EINTR)
                continue;
            eof = true;
            break;
        }
        parseResponses(c, now, eof);
        if (c.fd < 0)
            return;
        if (eof || c.closeAfterResponse) {
            if (!c.dueNs.empty())
                broken(c, "connection closed with requests in flight");
            else
                closeConnection(c); // reopened by the next request
        }
    }

    void parseResponses(Connection& c, std::int64_t now, bool eof)
    {
        size_t at = 0;
        while (!c.dueNs.empty()) {
            const std::string_view rest = std::string_view(c.in).substr(at);
            const size_t headEnd = rest.find("\r\n\r\n");
            if (headEnd == std::string_view::npos)
                break;
            const std::string_view head = rest.substr(0, headEnd);
            int status = 0;
            if (head.size() >= 12 && head.substr(0, 5) == "HTTP/")
                std::from_chars(head.data() + 9, head.data() + 12, status);
            std::optional<size_t> contentLength;
            bool close = m_o.closeEach || head.substr(0, 8) == "HTTP/1.0";
            for (size_t line = head.find("\r\n"); line != std::string_view::npos;) {
                const size_t next = head.find("\r\n", line + 2);
                std::string header(head.substr(line + 2, next == std::string_view::npos
                                                             ? std::string_view::npos
                                                             : next - line - 2));
                std::transform(header.begin(), header.end(), header.begin(),
                               [](unsigned char ch) { return char(std::tolower(ch)); });
                if (header.rfind("content-length:", 0) == 0)
                    contentLength = size_t(std::strtoull(header.c_str() + 15, nullptr, 10));
                else if (header.rfind("connection:", 0) == 0)
                    close = m_o.closeEach || header.find("close") != std::string::npos ||
                            (close && header.find("keep-alive") == std::string::npos);
                line = next;
            }
            const size_t bodyStart = at + headEnd + 4;
            size_t bodyLength = 0;
            if (contentLength) {
                bodyLength = *contentLength;
                if (c.in.size() - bodyStart < bodyLength)
                    break; // wait for the rest
            } else if (eof) {
                bodyLength = c.in.size() - bodyStart; // body delimited by the close
                close = true;
            } else {
                if (c.in.size() - bodyStart > kMaxResponseBytes) {
                    broken(c, "response without Content-Length too large");
                    return;
                }
                break;
            }
            const std::string_view body = std::string_view(c.in).substr(bodyStart, bodyLength);
            const std::int64_t due = c.dueNs.front();
            c.dueNs.pop_front();
            const Verdict verdict =
                status == 200 ? checkAnnounceBody(body)
                              : Verdict{false, 0, "HTTP status " + std::to_string(status)};
            if (verdict.ok && m_crossChecks < 200) {
                // The hand-rolled check must agree with the project's own client parser.
                ++m_crossChecks;
                const auto parsed = opendo::discovery::parseAnnounceResponse(
                    QByteArrayView(body.data(), qsizetype(body.size())));
                if (!parsed.ok || !parsed.response.failureReason.isEmpty()) {
                    fail("parseAnnounceResponse disagrees: " + parsed.error.toStdString() +
                         parsed.response.failureReason.toStdString());
                    at = bodyStart + bodyLength;
                    continue;
                }
            }
            if (verdict.ok) {
                ++m_result->ok;
                m_result->peersReturned += verdict.peers;
                m_result->latenciesNs.push_back(now - due);
            } else {
                fail(verdict.failure);
            }
            at = bodyStart + bodyLength;
            if (close) {
                c.closeAfterResponse = true;
                break;
            }
        }
        c.in.erase(0, at);
    }

    const Options& m_o;
    int m_epoll = -1;
    sockaddr_in m_server{};
    std::vector<Connection> m_conns;
    std::vector<std::string> m_requests;
    std::vector<int> m_issued;
    int m_quota = 0;
    std::int64_t m_hardDeadline = 0;
    PhaseResult* m_result = nullptr;
    std::string m_firstFailure;
    int m_crossChecks = 0;
};

double percentileMs(std::vector<std::int64_t>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t k = std::min(sorted.size() - 1, size_t(p / 100.0 * double(sorted.size())));
    return double(sorted[k]) / 1e6;
}

void report(const Options& o, const char* phase, Client::PhaseResult& r,
            const std::string& firstFailure)
{
    std::sort(r.latenciesNs.begin(), r.latenciesNs.end());
    const double rps = r.seconds > 0 ? double(r.ok) / r.seconds : 0;
    std::printf("RESULT label=%s phase=%s peers=%d swarms=%d connections=%d pipeline=%d ok=%lld "
                "failed=%lld seconds=%.3f rps=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f "
                "max_ms=%.3f avg_peers=%.1f server_cpu_pct=%.0f server_rss_kib=%ld "
                "client_cpu_pct=%.0f timed_out=%d\n",
                o.label.c_str(), phase, o.peers, o.swarms, o.connections, o.pipeline,
                (long long)r.ok, (long long)r.failed, r.seconds, rps,
                percentileMs(r.latenciesNs, 50), percentileMs(r.latenciesNs, 90),
                percentileMs(r.latenciesNs, 99),
                r.latenciesNs.empty() ? 0.0 : double(r.latenciesNs.back()) / 1e6,
                r.ok > 0 ? double(r.peersReturned) / double(r.ok) : 0.0, r.serverCpu, r.serverRss,
                r.clientCpu, r.timedOut ? 1 : 0);
    if (r.failed > 0)
        std::printf("FIRST_FAILURE label=%s phase=%s %s\n", o.label.c_str(), phase,
                    firstFailure.c_str());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    const Options o = parseOptions(argc, argv);
    if (o.printHashes) {
        for (int s = 0; s < o.swarms; ++s)
            std::printf("%s\n", infoHash(s).toHex().constData());
        return 0;
    }
    Client client(o);
    bool failures = false;
    if (o.register_) {
        client.buildRequests(AnnounceEvent::Started);
        auto r = client.run(1, 0, 0);
        report(o, "register", r, client.firstFailure());
        failures = failures || r.failed > 0 || r.timedOut;
    }
    client.buildRequests(AnnounceEvent::None);
    if (o.closed) {
        auto r = client.run(std::nullopt, o.duration, 0);
        report(o, "closed", r, client.firstFailure());
        failures = failures || r.failed > 0 || r.timedOut;
    }
    if (o.rate > 0) {
        auto r = client.run(std::nullopt, o.duration, o.rate);
        report(o, "paced", r, client.firstFailure());
        failures = failures || r.failed > 0 || r.timedOut;
    }
    return failures ? 1 : 0;
}
