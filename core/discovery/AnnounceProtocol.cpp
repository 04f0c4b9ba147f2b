#include "discovery/AnnounceProtocol.h"

#include "content/Bencode.h"
#include "content/Decimal.h"
#include "peer/PlainAddress.h"

#include <QCoreApplication>
#include <array>
#include <climits>
#include <cstring>

namespace opendo::discovery {

using content::BencodeValue;

namespace {

constexpr qsizetype kHashSize = 20;
constexpr qsizetype kMaxKeySize = 64;

QString latin1(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.data(), bytes.size());
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// '+' stays a plus: the hashes are binary, and a client that means a space or a literal plus
// must say %20 or %2B, so there is no guessing which form-encoding convention it followed.
std::optional<QByteArray> percentDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '%') {
            out += c;
            continue;
        }
        if (i + 2 >= in.size())
            return std::nullopt;
        const int hi = hexValue(in[i + 1]);
        const int lo = hexValue(in[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += char((hi << 4) | lo);
        i += 2;
    }
    return out;
}

QHostAddress parseAddress(const QByteArray& text)
{
    // QHostAddress also takes forms such as "127.1" or a scope suffix; only plain dotted-quad and
    // RFC 4291 text count here, so that every accepted value prints back the same way.
    if (text.isEmpty() || text.size() > 64 || text.contains('%'))
        return {};
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(text)))
        return {};
    if (address.protocol() == QAbstractSocket::IPv4Protocol && text.count('.') != 3)
        return {};
    if (address.protocol() != QAbstractSocket::IPv4Protocol &&
        address.protocol() != QAbstractSocket::IPv6Protocol)
        return {};
    return address;
}

QHostAddress maskAddress(const QHostAddress& address, int prefix)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
        return QHostAddress(address.toIPv4Address() & mask);
    }
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 0; i < 16; ++i) {
        const int bits = std::clamp(prefix - i * 8, 0, 8);
        bytes[i] &= quint8(bits == 0 ? 0 : 0xff << (8 - bits));
    }
    return QHostAddress(bytes);
}

struct QueryField
{
    const char* name;
    QByteArray value;
    bool present = false;
};

enum Field
{
    InfoHash,
    PeerId,
    Port,
    Uploaded,
    Downloaded,
    Left,
    Event,
    Compact,
    NumWant,
    Key,
    Ip,
    Ipv6,
    DoV,
    DoMode,
    DoGroup,
    DoSubnet,
    DoRestrict,
    DoLocal,
    FieldCount
};

constexpr std::array<const char*, FieldCount> kFieldNames = {
    "info_hash", "peer_id", "port",     "uploaded",  "downloaded",  "left",
    "event",     "compact", "numwant",  "key",       "ip",          "ipv6",
    "do_v",      "do_mode", "do_group", "do_subnet", "do_restrict", "do_local"};

int fieldIndex(QByteArrayView name)
{
    for (int i = 0; i < FieldCount; ++i) {
        if (name == QByteArrayView(kFieldNames[size_t(i)]))
            return i;
    }
    return -1;
}

AnnounceParseResult failed(QString error)
{
    AnnounceParseResult result;
    result.error = std::move(error);
    return result;
}

QString numberError(const char* key, qint64 low, qint64 high)
{
    return QStringLiteral("%1 must be a decimal number from %2 to %3")
        .arg(QLatin1String(key))
        .arg(low)
        .arg(high);
}

} // namespace

AnnounceParseResult parseAnnounceQuery(QByteArrayView query)
{
    if (query.size() > kMaxAnnounceQuerySize)
        return failed(QStringLiteral("query is longer than %1 bytes").arg(kMaxAnnounceQuerySize));

    std::array<std::optional<QByteArray>, FieldCount> values;
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView pair = query.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue; // "a=1&&b=2" and a trailing '&' are harmless
        const qsizetype eq = pair.indexOf('=');
        const QByteArrayView rawName = eq < 0 ? pair : pair.first(eq);
        const QByteArrayView rawValue = eq < 0 ? QByteArrayView() : pair.sliced(eq + 1);
        const std::optional<QByteArray> name = percentDecode(rawName);
        if (!name)
            return failed(QStringLiteral("bad percent-encoding in key \"%1\"")
                              .arg(latin1(rawName.first(std::min<qsizetype>(rawName.size(), 32)))));
        const int index = fieldIndex(*name);
        if (index < 0)
            continue;
        const char* key = kFieldNames[size_t(index)];
        if (values[size_t(index)])
            return failed(QStringLiteral("duplicate key %1").arg(QLatin1String(key)));
        std::optional<QByteArray> value = percentDecode(rawValue);
        if (!value)
            return failed(QStringLiteral("bad percent-encoding in %1").arg(QLatin1String(key)));
        values[size_t(index)] = std::move(value);
    }

    AnnounceRequest r;
    const auto value = [&values](Field field) -> const std::optional<QByteArray>& {
        return values[size_t(field)];
    };
    const auto number = [&](Field field, qint64 low, qint64 high,
                            qint64* out) -> std::optional<QString> {
        const std::optional<qint64> n = content::parseUnsignedDecimal(*value(field));
        if (!n || *n < low || *n > high)
            return numberError(kFieldNames[size_t(field)], low, high);
        *out = *n;
        return std::nullopt;
    };
    constexpr qint64 kMaxCount = 999999999999999999; // 18 digits

    for (const Field field : {InfoHash, PeerId, Port}) {
        if (!value(field))
            return failed(QStringLiteral("missing %1").arg(QLatin1String(kFieldNames[field])));
    }
    for (const Field field : {InfoHash, PeerId}) {
        if (value(field)->size() != kHashSize)
            return failed(QStringLiteral("%1 must be 20 bytes (got %2)")
                              .arg(QLatin1String(kFieldNames[field]))
                              .arg(value(field)->size()));
    }
    r.infoHash = *value(InfoHash);
    r.peerId = *value(PeerId);

    qint64 n = 0;
    if (auto error = number(Port, 1, 65535, &n))
        return failed(*error);
    r.port = quint16(n);
    if (value(Uploaded)) {
        if (auto error = number(Uploaded, 0, kMaxCount, &r.uploaded))
            return failed(*error);
    }
    if (value(Downloaded)) {
        if (auto error = number(Downloaded, 0, kMaxCount, &r.downloaded))
            return failed(*error);
    }
    if (value(Left)) {
        if (auto error = number(Left, 0, kMaxCount, &r.left))
            return failed(*error);
    }
    if (value(Event)) {
        const QByteArray& e = *value(Event);
        if (e.isEmpty() || e == "empty")
            r.event = AnnounceEvent::None;
        else if (e == "started")
            r.event = AnnounceEvent::Started;
        else if (e == "completed")
            r.event = AnnounceEvent::Completed;
        else if (e == "stopped")
            r.event = AnnounceEvent::Stopped;
        else
            return failed(QStringLiteral("event must be started, completed, stopped or empty"));
    }
    if (value(Compact)) {
        if (auto error = number(Compact, 0, 1, &n))
            return failed(*error);
        r.compact = n == 1;
    }
    if (value(NumWant)) {
        if (auto error = number(NumWant, 0, kMaxCount, &n))
            return failed(*error);
        r.numWant = int(std::min<qint64>(n, kMaxNumWant));
    }
    if (value(Key)) {
        if (value(Key)->size() > kMaxKeySize)
            return failed(QStringLiteral("key must be at most %1 bytes").arg(kMaxKeySize));
        r.key = *value(Key);
    }
    // BEP 7 allows a DNS name in "ip"; the value is only a hint for the local address, so a name
    // (which the server would not resolve) is ignored rather than refused.
    if (value(Ip))
        r.reportedAddress = parseAddress(*value(Ip));
    if (r.reportedAddress.isNull() && value(Ipv6)) {
        const QHostAddress v6 = parseAddress(*value(Ipv6));
        if (v6.protocol() == QAbstractSocket::IPv6Protocol)
            r.reportedAddress = v6;
    }

    if (value(DoV)) {
        if (*value(DoV) != "1")
            return failed(QStringLiteral("do_v must be 1"));
        r.opendo = true;
    }
    if (value(DoMode)) {
        if (auto error = number(DoMode, 0, 100, &n))
            return failed(*error);
        if (n != 0 && n != 1 && n != 2 && n != 3 && n != 99 && n != 100)
            return failed(QStringLiteral("do_mode must be 0, 1, 2, 3, 99 or 100"));
        r.downloadMode = int(n);
    }
    if (value(DoGroup)) {
        const QByteArray& raw = *value(DoGroup);
        const QString group = QString::fromUtf8(raw);
        if (group.toUtf8() != raw)
            return failed(QStringLiteral("do_group must be UTF-8"));
        if (group.size() > kMaxGroupIdLength)
            return failed(
                QStringLiteral("do_group must be at most %1 characters").arg(kMaxGroupIdLength));
        for (const QChar c : group) {
            if (!c.isPrint() && !c.isSurrogate())
                return failed(QStringLiteral("do_group must be printable characters"));
        }
        r.groupId = group;
    }
    if (value(DoSubnet)) {
        const QByteArray& text = *value(DoSubnet);
        const qsizetype slash = text.indexOf('/');
        const QHostAddress base = slash < 0 ? QHostAddress() : parseAddress(text.first(slash));
        const qint64 prefix =
            slash < 0 ? -1
                      : content::parseUnsignedDecimal(QByteArrayView(text).sliced(slash + 1))
                            .value_or(-1);
        const int maxPrefix = base.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        if (base.isNull() || prefix < 0 || prefix > maxPrefix)
            return failed(QStringLiteral("do_subnet must be ADDRESS/PREFIX with a prefix from 0 "
                                         "to 32 (IPv4) or 128 (IPv6)"));
        r.subnetPrefix = int(prefix);
        r.subnetBase = maskAddress(base, r.subnetPrefix);
    }
    if (value(DoRestrict)) {
        if (auto error = number(DoRestrict, 0, 1, &n))
            return failed(*error);
        r.restrictToSubnet = n == 1;
        if (r.restrictToSubnet && r.subnetPrefix < 0)
            return failed(QStringLiteral("do_restrict=1 needs do_subnet"));
    }
    if (value(DoLocal)) {
        r.localAddress = parseAddress(*value(DoLocal));
        if (r.localAddress.isNull())
            return failed(QStringLiteral("do_local must be an IPv4 or IPv6 address"));
    }

    AnnounceParseResult result;
    result.ok = true;
    result.request = std::move(r);
    return result;
}

QByteArray encodeAnnounceQuery(const AnnounceRequest& request)
{
    QByteArray out;
    out.reserve(256);
    const auto add = [&out](const char* key, const QByteArray& value) {
        if (!out.isEmpty())
            out += '&';
        out += key;
        out += '=';
        out += value.toPercentEncoding();
    };
    const auto addNumber = [&add](const char* key, qint64 value) {
        add(key, QByteArray::number(value));
    };
    add("info_hash", request.infoHash);
    add("peer_id", request.peerId);
    addNumber("port", request.port);
    addNumber("uploaded", std::max<qint64>(0, request.uploaded));
    addNumber("downloaded", std::max<qint64>(0, request.downloaded));
    addNumber("left", std::max<qint64>(0, request.left));
    switch (request.event) {
    case AnnounceEvent::None:
        break;
    case AnnounceEvent::Started:
        add("event", "started");
        break;
    case AnnounceEvent::Completed:
        add("event", "completed");
        break;
    case AnnounceEvent::Stopped:
        add("event", "stopped");
        break;
    }
    addNumber("compact", request.compact ? 1 : 0);
    addNumber("numwant", std::clamp(request.numWant, 0, kMaxNumWant));
    if (!request.key.isEmpty())
        add("key", request.key);
    if (request.reportedAddress.protocol() == QAbstractSocket::IPv4Protocol)
        add("ip", request.reportedAddress.toString().toLatin1());
    else if (request.reportedAddress.protocol() == QAbstractSocket::IPv6Protocol)
        add("ipv6", request.reportedAddress.toString().toLatin1());

    // The extension keys are written whenever they differ from what a standard client implies,
    // so that every request the parser accepts encodes back to an equal request.
    if (request.opendo)
        add("do_v", "1");
    if (request.opendo || request.downloadMode != 3)
        addNumber("do_mode", request.downloadMode);
    if (!request.groupId.isEmpty())
        add("do_group", request.groupId.toUtf8());
    if (!request.subnetBase.isNull() && request.subnetPrefix >= 0)
        add("do_subnet", request.subnetBase.toString().toLatin1() + '/' +
                             QByteArray::number(request.subnetPrefix));
    if (request.restrictToSubnet)
        add("do_restrict", "1");
    if (!request.localAddress.isNull())
        add("do_local", request.localAddress.toString().toLatin1());
    return out;
}

QByteArray encodeCompactPeer(const QHostAddress& address, quint16 port)
{
    const QHostAddress plain = peer::plainAddress(address);
    QByteArray out;
    if (plain.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = plain.toIPv4Address();
        out.resize(6);
        out[0] = char(v4 >> 24);
        out[1] = char(v4 >> 16);
        out[2] = char(v4 >> 8);
        out[3] = char(v4);
    } else if (plain.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = plain.toIPv6Address();
        out.resize(18);
        std::memcpy(out.data(), v6.c, 16);
    } else {
        return {};
    }
    out[out.size() - 2] = char(port >> 8);
    out[out.size() - 1] = char(port & 0xff);
    return out;
}

char relationCode(PeerRelation relation)
{
    switch (relation) {
    case PeerRelation::Lan:
        return 'l';
    case PeerRelation::Group:
        return 'g';
    case PeerRelation::Internet:
        break;
    }
    return 'i';
}

std::optional<PeerRelation> relationFromCode(char code)
{
    switch (code) {
    case 'l':
        return PeerRelation::Lan;
    case 'g':
        return PeerRelation::Group;
    case 'i':
        return PeerRelation::Internet;
    default:
        return std::nullopt;
    }
}

QByteArray encodeAnnounceFailure(const QString& reason)
{
    BencodeValue dict = BencodeValue::dict();
    dict.insert("failure reason", BencodeValue(reason.toUtf8()));
    return content::encodeBencode(dict);
}

QByteArray encodeAnnounceResponse(const AnnounceResponse& response, bool compact, bool withOpendo)
{
    if (!response.failureReason.isEmpty())
        return encodeAnnounceFailure(response.failureReason);

    // The wire order is IPv4 then IPv6 whatever order the caller used; the classes follow it.
    std::vector<const AnnouncedPeer*> v4;
    std::vector<const AnnouncedPeer*> v6;
    for (const AnnouncedPeer& peer : response.peers) {
        const QHostAddress plain = peer::plainAddress(peer.address);
        if (plain.protocol() == QAbstractSocket::IPv4Protocol)
            v4.push_back(&peer);
        else if (plain.protocol() == QAbstractSocket::IPv6Protocol)
            v6.push_back(&peer);
    }
    QByteArray classes;
    BencodeValue dict = BencodeValue::dict();
    dict.insert("interval", BencodeValue(qint64(response.intervalSeconds)));
    dict.insert("min interval", BencodeValue(qint64(response.minIntervalSeconds)));
    dict.insert("complete", BencodeValue(qint64(response.complete)));
    dict.insert("incomplete", BencodeValue(qint64(response.incomplete)));
    if (!response.warningMessage.isEmpty())
        dict.insert("warning message", BencodeValue(response.warningMessage.toUtf8()));
    if (compact) {
        QByteArray peers;
        QByteArray peers6;
        for (const AnnouncedPeer* peer : v4) {
            peers += encodeCompactPeer(peer->address, peer->port);
            classes += relationCode(peer->relation);
        }
        for (const AnnouncedPeer* peer : v6) {
            peers6 += encodeCompactPeer(peer->address, peer->port);
            classes += relationCode(peer->relation);
        }
        dict.insert("peers", BencodeValue(peers));
        if (!peers6.isEmpty())
            dict.insert("peers6", BencodeValue(peers6));
    } else {
        BencodeValue list = BencodeValue::list();
        for (const auto* group : {&v4, &v6}) {
            for (const AnnouncedPeer* peer : *group) {
                BencodeValue entry = BencodeValue::dict();
                entry.insert("ip",
                             BencodeValue(peer::plainAddress(peer->address).toString().toLatin1()));
                entry.insert("port", BencodeValue(qint64(peer->port)));
                list.append(std::move(entry));
                classes += relationCode(peer->relation);
            }
        }
        dict.insert("peers", std::move(list));
    }
    if (withOpendo) {
        BencodeValue opendo = BencodeValue::dict();
        opendo.insert("mode", BencodeValue(qint64(response.appliedMode)));
        if (!response.publicAddress.isNull())
            opendo.insert("public ip", BencodeValue(response.publicAddress.toString().toLatin1()));
        opendo.insert("classes", BencodeValue(classes));
        if (!response.swarmKey.isEmpty())
            opendo.insert("swarm key", BencodeValue(response.swarmKey));
        if (!response.scope.isEmpty())
            opendo.insert("scope", BencodeValue(response.scope.toUtf8()));
        dict.insert("opendo", std::move(opendo));
    }
    return content::encodeBencode(dict);
}

namespace {

QString malformed(const QString& detail)
{
    return QCoreApplication::translate("opendo::discovery", "Malformed tracker response: %1")
        .arg(detail);
}

QString wrongType(const char* key)
{
    return malformed(
        QCoreApplication::translate("opendo::discovery", "\"%1\" has the wrong type or range")
            .arg(QLatin1String(key)));
}

struct WirePeer
{
    QHostAddress address;
    quint16 port = 0;
};

// Non-negative and small enough for an int: anything else is not a count a tracker means.
bool readCount(const BencodeValue& dict, const char* key, int* out, bool required)
{
    const BencodeValue* value = dict.find(key);
    if (!value)
        return !required;
    if (!value->isInteger() || value->toInteger() < 0 || value->toInteger() > INT_MAX)
        return false;
    *out = int(value->toInteger());
    return true;
}

std::optional<QString> readCompactPeers(const QByteArray& bytes, qsizetype entrySize,
                                        const char* key, std::vector<WirePeer>* out)
{
    if (bytes.size() % entrySize != 0)
        return malformed(QCoreApplication::translate("opendo::discovery",
                                                     "\"%1\" is not a whole number of peers")
                             .arg(QLatin1String(key)));
    for (qsizetype offset = 0; offset < bytes.size(); offset += entrySize) {
        const auto* p = reinterpret_cast<const uchar*>(bytes.constData() + offset);
        WirePeer peer;
        if (entrySize == 6) {
            peer.address = QHostAddress(quint32(p[0]) << 24 | quint32(p[1]) << 16 |
                                        quint32(p[2]) << 8 | quint32(p[3]));
        } else {
            Q_IPV6ADDR v6;
            std::memcpy(v6.c, p, 16);
            peer.address = peer::plainAddress(QHostAddress(v6));
        }
        peer.port = quint16(p[entrySize - 2] << 8 | p[entrySize - 1]);
        out->push_back(peer);
    }
    return std::nullopt;
}

std::optional<QString> readDictPeers(const BencodeValue& list, const char* key,
                                     std::vector<WirePeer>* out)
{
    for (const BencodeValue& entry : list.toList()) {
        const BencodeValue* ip = entry.find("ip");
        const BencodeValue* port = entry.find("port");
        const BencodeValue* id = entry.find("peer id");
        if (!entry.isDict() || !ip || !ip->isString() || !port || !port->isInteger() ||
            port->toInteger() < 0 || port->toInteger() > 65535 || (id && !id->isString()))
            return malformed(QCoreApplication::translate("opendo::discovery",
                                                         "an entry of \"%1\" is not a valid peer")
                                 .arg(QLatin1String(key)));
        WirePeer peer;
        // BEP 3 allows a DNS name here; a client that only dials addresses keeps the slot
        // (so "classes" still lines up) and drops the peer with the port-0 ones.
        peer.address = peer::plainAddress(parseAddress(ip->toBytes()));
        peer.port = quint16(port->toInteger());
        out->push_back(peer);
    }
    return std::nullopt;
}

std::optional<QString> readPeers(const BencodeValue& dict, const char* key, qsizetype entrySize,
                                 std::vector<WirePeer>* out)
{
    const BencodeValue* value = dict.find(key);
    if (!value)
        return std::nullopt;
    if (value->isString())
        return readCompactPeers(value->toBytes(), entrySize, key, out);
    if (value->isList())
        return readDictPeers(*value, key, out);
    return wrongType(key);
}

AnnounceResponseParseResult responseFailed(QString error)
{
    AnnounceResponseParseResult result;
    result.error = std::move(error);
    return result;
}

} // namespace

AnnounceResponseParseResult parseAnnounceResponse(QByteArrayView body)
{
    const content::BencodeDecodeResult decoded = content::decodeBencode(body);
    if (!decoded.ok)
        return responseFailed(malformed(decoded.error));
    const BencodeValue& dict = decoded.value;
    if (!dict.isDict())
        return responseFailed(
            malformed(QCoreApplication::translate("opendo::discovery", "not a dictionary")));

    AnnounceResponseParseResult result;
    AnnounceResponse& r = result.response;
    if (const BencodeValue* failure = dict.find("failure reason")) {
        if (!failure->isString())
            return responseFailed(wrongType("failure reason"));
        r.failureReason = QString::fromUtf8(failure->toBytes());
        // An empty reason would read as success to anyone checking isEmpty().
        if (r.failureReason.isEmpty())
            r.failureReason = QStringLiteral("(no reason given)");
        result.ok = true;
        return result;
    }
    if (const BencodeValue* warning = dict.find("warning message")) {
        if (!warning->isString())
            return responseFailed(wrongType("warning message"));
        r.warningMessage = QString::fromUtf8(warning->toBytes());
    }
    if (!readCount(dict, "interval", &r.intervalSeconds, true))
        return responseFailed(wrongType("interval"));
    for (const auto& [key, out] :
         {std::pair{"min interval", &r.minIntervalSeconds}, std::pair{"complete", &r.complete},
          std::pair{"incomplete", &r.incomplete}}) {
        if (!readCount(dict, key, out, false))
            return responseFailed(wrongType(key));
    }

    std::vector<WirePeer> wire;
    if (auto error = readPeers(dict, "peers", 6, &wire))
        return responseFailed(*error);
    if (auto error = readPeers(dict, "peers6", 18, &wire))
        return responseFailed(*error);

    QByteArray classes;
    if (const BencodeValue* opendo = dict.find("opendo")) {
        if (!opendo->isDict())
            return responseFailed(wrongType("opendo"));
        r.hasOpendo = true;
        const BencodeValue* mode = opendo->find("mode");
        if (!mode || !mode->isInteger())
            return responseFailed(wrongType("mode"));
        const qint64 m = mode->toInteger();
        if (m != 0 && m != 1 && m != 2 && m != 3 && m != 99 && m != 100)
            return responseFailed(wrongType("mode"));
        r.appliedMode = int(m);
        if (const BencodeValue* ip = opendo->find("public ip")) {
            r.publicAddress = ip->isString() ? parseAddress(ip->toBytes()) : QHostAddress();
            if (r.publicAddress.isNull())
                return responseFailed(wrongType("public ip"));
        }
        if (const BencodeValue* value = opendo->find("classes")) {
            if (!value->isString())
                return responseFailed(wrongType("classes"));
            classes = value->toBytes();
        }
        if (classes.size() != qsizetype(wire.size()))
            return responseFailed(malformed(
                QCoreApplication::translate("opendo::discovery", "%1 peer classes for %2 peers")
                    .arg(classes.size())
                    .arg(wire.size())));
        if (const BencodeValue* key = opendo->find("swarm key")) {
            if (!key->isString() || key->toBytes().size() != kSwarmKeySize)
                return responseFailed(wrongType("swarm key"));
            r.swarmKey = key->toBytes();
        }
        if (const BencodeValue* scope = opendo->find("scope")) {
            if (!scope->isString())
                return responseFailed(wrongType("scope"));
            r.scope = QString::fromUtf8(scope->toBytes());
        }
    }

    r.peers.reserve(wire.size());
    for (size_t i = 0; i < wire.size(); ++i) {
        PeerRelation relation = PeerRelation::Internet;
        if (!classes.isEmpty()) {
            const std::optional<PeerRelation> code = relationFromCode(classes[qsizetype(i)]);
            if (!code)
                return responseFailed(wrongType("classes"));
            relation = *code;
        }
        if (wire[i].port == 0 || wire[i].address.isNull())
            continue;
        r.peers.push_back({wire[i].address, wire[i].port, relation});
    }
    result.ok = true;
    return result;
}

} // namespace opendo::discovery
