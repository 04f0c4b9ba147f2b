// Encoding and strict decoding of the BEP 10 extended handshake.

#include "peer/ExtensionHandshake.h"

#include "content/Bencode.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <limits>

namespace opendo::peer {

using content::BencodeValue;

namespace {

ExtensionHandshakeResult failure(const QString& why)
{
    ExtensionHandshakeResult result;
    result.error =
        QCoreApplication::translate("opendo::peer", "Invalid extension handshake: %1").arg(why);
    return result;
}

QString notAnInteger(const char* key)
{
    return QCoreApplication::translate("opendo::peer", "\"%1\" is not an integer")
        .arg(QLatin1String(key));
}

QString outOfRange(const char* key, qint64 value, qint64 low, qint64 high)
{
    return QCoreApplication::translate("opendo::peer", "\"%1\" is %2; it must be %3 to %4")
        .arg(QLatin1String(key))
        .arg(value)
        .arg(low)
        .arg(high);
}

// Reads an optional integer key within [low, high]; false with *error set when present but bad.
bool readInteger(const BencodeValue& dict, const char* key, qint64 low, qint64 high,
                 std::optional<qint64>& out, QString* error)
{
    const BencodeValue* value = dict.find(key);
    if (!value)
        return true;
    if (!value->isInteger()) {
        *error = notAnInteger(key);
        return false;
    }
    if (value->toInteger() < low || value->toInteger() > high) {
        *error = outOfRange(key, value->toInteger(), low, high);
        return false;
    }
    out = value->toInteger();
    return true;
}

} // namespace

std::optional<quint8> ExtensionHandshake::idOf(QByteArrayView name) const
{
    const auto it = messages.find(name.toByteArray());
    if (it == messages.end() || it->second == 0)
        return std::nullopt;
    return it->second;
}

QByteArray encodeExtensionHandshake(const ExtensionHandshake& handshake)
{
    BencodeValue m = BencodeValue::dict();
    for (const auto& [name, id] : handshake.messages)
        m.insert(name, BencodeValue(qint64(id)));
    BencodeValue root = BencodeValue::dict();
    root.insert("m", std::move(m));
    if (handshake.metadataSize)
        root.insert("metadata_size", BencodeValue(*handshake.metadataSize));
    if (!handshake.swarmNonce.isEmpty())
        root.insert(kSwarmNonceKey, BencodeValue(handshake.swarmNonce));
    if (handshake.listenPort)
        root.insert("p", BencodeValue(qint64(*handshake.listenPort)));
    if (handshake.requestQueue)
        root.insert("reqq", BencodeValue(qint64(*handshake.requestQueue)));
    if (!handshake.client.isEmpty())
        root.insert("v", BencodeValue(handshake.client.toUtf8()));
    return content::encodeBencode(root);
}

ExtensionHandshakeResult decodeExtensionHandshake(QByteArrayView payload, qsizetype maxSize)
{
    if (payload.size() > maxSize)
        return failure(
            QCoreApplication::translate("opendo::peer", "%1 bytes exceed the %2-byte limit")
                .arg(payload.size())
                .arg(maxSize));
    const content::BencodeDecodeResult decoded = content::decodeBencode(payload);
    if (!decoded.ok)
        return failure(decoded.error);
    const BencodeValue& root = decoded.value;
    if (!root.isDict())
        return failure(QCoreApplication::translate("opendo::peer", "not a dictionary"));

    ExtensionHandshakeResult result;
    ExtensionHandshake& h = result.value;
    // BEP 10 expects "m", but a peer that offers no extensions is harmless: treat as empty.
    if (const BencodeValue* m = root.find("m")) {
        if (!m->isDict())
            return failure(
                QCoreApplication::translate("opendo::peer", "\"m\" is not a dictionary"));
        std::map<quint8, QByteArray> owners; // enabled id → name, to catch ambiguous ids
        for (const BencodeValue::Entry& entry : m->toDict()) {
            const QString name = QString::fromLatin1(entry.key);
            if (!entry.value.isInteger())
                return failure(QCoreApplication::translate("opendo::peer",
                                                           "\"m\" entry \"%1\" is not an integer")
                                   .arg(name));
            const qint64 id = entry.value.toInteger();
            if (id < 0 || id > 255)
                return failure(QCoreApplication::translate(
                                   "opendo::peer", "\"m\" entry \"%1\" is %2; it must be 0 to 255")
                                   .arg(name)
                                   .arg(id));
            if (id != 0) {
                const auto [it, fresh] = owners.emplace(quint8(id), entry.key);
                if (!fresh)
                    return failure(
                        QCoreApplication::translate("opendo::peer",
                                                    "\"m\" gives id %1 to both \"%2\" and \"%3\"")
                            .arg(id)
                            .arg(QString::fromLatin1(it->second))
                            .arg(name));
            }
            h.messages.emplace(entry.key, quint8(id));
        }
    }
    if (const BencodeValue* v = root.find("v")) {
        if (!v->isString())
            return failure(QCoreApplication::translate("opendo::peer", "\"v\" is not a string"));
        QStringDecoder utf8(QStringDecoder::Utf8);
        h.client = utf8(v->toBytes());
        if (utf8.hasError())
            return failure(QCoreApplication::translate("opendo::peer", "\"v\" is not UTF-8"));
    }
    if (const BencodeValue* nonce = root.find(kSwarmNonceKey)) {
        if (!nonce->isString() || nonce->toBytes().size() != kSwarmNonceSize)
            return failure(
                QCoreApplication::translate("opendo::peer", "\"%1\" is not a %2-byte string")
                    .arg(QLatin1String(kSwarmNonceKey))
                    .arg(kSwarmNonceSize));
        h.swarmNonce = nonce->toBytes();
    }
    QString error;
    std::optional<qint64> port, reqq, metadataSize;
    // Some clients send "p": 0 when they do not listen; that is "absent", not an error.
    if (!readInteger(root, "p", 0, 65535, port, &error) ||
        !readInteger(root, "reqq", 1, 0xFFFFFFFFLL, reqq, &error) ||
        !readInteger(root, "metadata_size", 0, std::numeric_limits<qint64>::max(), metadataSize,
                     &error))
        return failure(error);
    if (port && *port > 0)
        h.listenPort = quint16(*port);
    if (reqq)
        h.requestQueue = quint32(*reqq);
    h.metadataSize = metadataSize;
    result.ok = true;
    return result;
}

} // namespace opendo::peer
