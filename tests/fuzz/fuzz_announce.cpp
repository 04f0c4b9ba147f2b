// One entry point for the announce wire: every input goes to the query parser, the response
// parser and the bencode decoder, and whatever they accept must survive a round trip. A
// violated invariant aborts, so libFuzzer and the replay driver report it like a crash.

#include "FuzzCheck.h"
#include "content/Bencode.h"
#include "discovery/AnnounceProtocol.h"

#include <cstddef>
#include <cstdint>

using namespace opendo;

using opendo::fuzz::check;

namespace {

void fuzzQuery(QByteArrayView input)
{
    const discovery::AnnounceParseResult parsed = discovery::parseAnnounceQuery(input);
    check(parsed.ok == parsed.error.isEmpty(), "query: ok xor error");
    if (!parsed.ok)
        return;
    const QByteArray encoded = discovery::encodeAnnounceQuery(parsed.request);
    const discovery::AnnounceParseResult again = discovery::parseAnnounceQuery(encoded);
    check(again.ok, "query: an accepted request encodes to an accepted query");
    check(again.request == parsed.request, "query: round trip");
}

void fuzzResponse(QByteArrayView input)
{
    const discovery::AnnounceResponseParseResult parsed = discovery::parseAnnounceResponse(input);
    check(parsed.ok == parsed.error.isEmpty(), "response: ok xor error");
    if (!parsed.ok)
        return;
    const discovery::AnnounceResponse& response = parsed.response;
    QByteArray encoded;
    if (!response.failureReason.isEmpty())
        encoded = discovery::encodeAnnounceFailure(response.failureReason);
    else
        encoded = discovery::encodeAnnounceResponse(response, true, response.hasOpendo);
    const discovery::AnnounceResponseParseResult again = discovery::parseAnnounceResponse(encoded);
    check(again.ok, "response: a parsed response encodes to a parsable one");
    check(again.response.failureReason == response.failureReason, "response: failure reason");
    check(again.response.peers.size() == response.peers.size(), "response: peer count");
    check(again.response.swarmKey == response.swarmKey, "response: swarm key");
    for (const discovery::AnnouncedPeer& peer : response.peers)
        check(peer.port != 0 && !peer.address.isNull(), "response: no unusable peers");
}

void fuzzBencode(QByteArrayView input)
{
    const content::BencodeDecodeResult decoded = content::decodeBencode(input);
    if (!decoded.ok) {
        check(decoded.errorOffset >= 0 && decoded.errorOffset <= input.size(),
              "bencode: error offset inside the input");
        return;
    }
    // The decoder takes canonical input only, so encoding gives back the very same bytes.
    check(content::encodeBencode(decoded.value) == input, "bencode: canonical round trip");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), qsizetype(size));
    fuzzQuery(input);
    fuzzResponse(input);
    fuzzBencode(input);
    return 0;
}
