// The mDNS message parser, which every datagram on the LAN's multicast group reaches: a refusal
// must say why, and an accepted message must serialise to one that parses back equal and
// writes out to the very same bytes again. An accepted message then goes into the tables that
// assemble local peers and cache servers from responses, which live across inputs (as in an
// agent) and must stay bounded and list only complete entries. A violated invariant aborts.

#include "FuzzCheck.h"
#include "discovery/local/CacheServerTable.h"
#include "discovery/local/DnsMessage.h"
#include "discovery/local/LocalPeerTable.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>

using namespace opendo::discovery::local;

using opendo::fuzz::check;

namespace {

void checkName(const DnsName& name)
{
    qsizetype wireSize = 1;
    for (const QByteArray& label : name) {
        check(!label.isEmpty() && label.size() <= 63, "labels of 1..63 bytes");
        wireSize += 1 + label.size();
    }
    check(wireSize <= 255, "names of at most 255 bytes");
}

void checkRecords(const QList<DnsRecord>& records)
{
    check(records.size() <= kMaxDnsSectionEntries, "section size");
    for (const DnsRecord& record : records) {
        checkName(record.name);
        checkName(record.target);
        for (const QByteArray& string : record.txt)
            check(string.size() <= 255, "TXT strings of at most 255 bytes");
    }
}

// Every input is a millisecond later than the one before, so records expire along the way.
void absorbIntoTables(const DnsMessage& message)
{
    static LocalPeerTable peers(QByteArray(20, 'o'));
    static CacheServerTable cacheServers;
    static qint64 nowMs = 0;
    ++nowMs;
    peers.absorb(message, nowMs);
    cacheServers.absorb(message, nowMs);
    peers.expire(nowMs);
    cacheServers.expire(nowMs);
    check(peers.peers().size() <= LocalPeerTable::kMaxEntries, "peer table bounded");
    for (const LocalPeer& p : peers.peers())
        check(p.port != 0 && p.peerId != QByteArray(20, 'o'), "complete peers, never ourselves");
    check(cacheServers.servers().size() <= CacheServerTable::kMaxServers, "server list bounded");
    for (const LinkCacheServer& s : cacheServers.servers())
        check(s.port != 0 && s.address.protocol() == QHostAddress::IPv4Protocol,
              "complete cache servers with an IPv4 address");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const std::optional<DnsMessage> message = parseDnsMessage(input, &error);
    if (!message) {
        check(!error.isEmpty(), "a refusal says why");
        check(error.contains(QLatin1String("at byte")), "a refusal names the byte");
        return 0;
    }
    check(error.isEmpty(), "no error for an accepted message");
    check(message->questions.size() <= kMaxDnsSectionEntries, "section size");
    for (const DnsQuestion& question : message->questions)
        checkName(question.name);
    checkRecords(message->answers);
    checkRecords(message->authorities);
    checkRecords(message->additionals);
    absorbIntoTables(*message);

    const QByteArray encoded = serializeDnsMessage(*message);
    // The input may have compressed names by pointing into rdata the writer treats as opaque
    // (an unknown type's, a TXT string's); written out plainly they can take the message past
    // the size limit, the one legitimate reason for the parser to refuse what the writer made.
    if (encoded.size() > kMaxDnsMessageSize)
        return 0;
    QString againError;
    const std::optional<DnsMessage> again = parseDnsMessage(encoded, &againError);
    if (!again)
        std::fprintf(stderr, "fuzz_dns_message: %s\n", qPrintable(againError));
    check(again.has_value(), "an accepted message serialises to an accepted one");
    check(*again == *message, "round trip");
    check(serializeDnsMessage(*again) == encoded, "serialising is stable");
    return 0;
}
