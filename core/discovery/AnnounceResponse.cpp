// The announce response: the server's bencoded answer and the client's reading of it.

#include "content/Bencode.h"
#include "discovery/AnnounceProtocol.h"
#include "peer/PlainAddress.h"

#include <QCoreApplication>
#include <climits>
#include <cstring>

namespace opendo::discovery {

using content::BencodeValue;

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
        peer.address = peer::plainAddress(parseAnnounceAddress(ip->toBytes()));
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
            r.publicAddress = ip->isString() ? parseAnnounceAddress(ip->toBytes()) : QHostAddress();
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
