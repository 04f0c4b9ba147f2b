#pragma once

// The DNS message wire format (RFC 1035 §4) as multicast DNS and DNS-SD use it (RFC 6762,
// RFC 6763), for local peer discovery. Every datagram on the mDNS group comes from anyone on
// the LAN, so the parser is strict and refuses the whole message on the first thing wrong:
// at most kMaxDnsMessageSize bytes and kMaxDnsSectionEntries entries per section, opcode and
// rcode 0, labels of 1..63 bytes, names of at most 255 bytes on the wire, compression pointers
// only backwards (at most 32 per name), rdata of A/AAAA/PTR/SRV/TXT exactly filling its
// rdlength, and nothing after the last record. Records of other types (or classes) keep their
// rdata as received. Header bits without a field here (TC, RD, RA, Z, AD, CD) are dropped.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>

namespace opendo::discovery::local {

namespace DnsType {
constexpr quint16 A = 1, Ptr = 12, Txt = 16, Aaaa = 28, Srv = 33, Any = 255;
} // namespace DnsType

constexpr quint16 kDnsClassIn = 1;
constexpr qsizetype kMaxDnsMessageSize = 9000; // RFC 6762 §17
constexpr int kMaxDnsSectionEntries = 64;

using DnsName = QList<QByteArray>; // labels, without the root; e.g. {"_opendo","_tcp","local"}

// "a.b.local" -> labels, for names we build ourselves: UTF-8, "\." is a dot inside a label
// and "\\" a backslash, empty labels (a trailing dot) are dropped. Label sizes are not checked:
// the caller keeps them within 63 bytes.
DnsName dnsName(const QString& dotted);
// Labels joined with '.', a dot or backslash inside a label escaped with a backslash.
QString dnsNameText(const DnsName& name);
// ASCII case-insensitive, as DNS compares names; other bytes must match exactly.
bool sameDnsName(const DnsName& a, const DnsName& b);

struct DnsQuestion
{
    DnsName name;
    quint16 type = 0;
    quint16 cls = kDnsClassIn;
    bool unicastResponse = false; // top bit of qclass (RFC 6762 §5.4)
    friend bool operator==(const DnsQuestion&, const DnsQuestion&) = default;
};

// Only the fields of the record's type are used; the others stay empty.
struct DnsRecord
{
    DnsName name;
    quint16 type = 0;
    quint16 cls = kDnsClassIn;
    bool cacheFlush = false; // top bit of rrclass (RFC 6762 §10.2)
    quint32 ttl = 0;
    DnsName target;                             // PTR: the pointed-to name; SRV: the host
    quint16 priority = 0, weight = 0, port = 0; // SRV
    QHostAddress address;                       // A / AAAA
    QList<QByteArray> txt;                      // TXT character-strings (each <= 255 bytes)
    QByteArray rdata;                           // other types: raw rdata, kept as received
    friend bool operator==(const DnsRecord&, const DnsRecord&) = default;
};

// A record of class IN with its name, type and TTL; the caller fills the type's fields.
DnsRecord dnsRecord(const DnsName& name, quint16 type, quint32 ttl);

struct DnsMessage
{
    quint16 id = 0;
    bool response = false;
    bool authoritative = false;
    QList<DnsQuestion> questions;
    QList<DnsRecord> answers, authorities, additionals;
    friend bool operator==(const DnsMessage&, const DnsMessage&) = default;
};

// Parses one datagram. std::nullopt with *error set (a translated one-line reason naming what
// is wrong and at which byte offset) on anything malformed; *error is untouched on success.
std::optional<DnsMessage> parseDnsMessage(const QByteArray& datagram, QString* error = nullptr);

// Serialises with name compression (pointers to earlier names and suffixes, in PTR and SRV
// rdata too). The output parses back to an equal message as long as the message is valid:
// labels of 1..63 bytes, names within 255 bytes, TXT strings within 255 bytes, the sections
// and the whole within the limits above. A TXT record without strings is written as one empty
// string (RFC 6763 §6.1), which parses back as no strings.
QByteArray serializeDnsMessage(const DnsMessage& message);

} // namespace opendo::discovery::local
