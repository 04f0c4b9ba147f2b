// The peer wire decoder, which every byte a remote peer sends goes through, and the BEP 10
// extended handshake it hands on: the first input bytes choose the limits (piece count, which
// extensions are negotiated, whether the handshake comes first) and how the stream is cut into
// socket reads; the rest is the stream. Whatever the decoder produces must respect the limits it
// was given, a message it accepts must encode back to the bytes that carried it, and an accepted
// extended handshake must survive its own encoding. A violated invariant aborts.

#include "FuzzCheck.h"
#include "peer/ExtensionHandshake.h"
#include "peer/PeerWireDecoder.h"
#include "peer/WireBitfield.h"

#include <cstddef>
#include <cstdint>

using namespace opendo::peer;

using opendo::fuzz::check;

namespace {

bool hasIndex(MessageType type)
{
    switch (type) {
    case MessageType::Have:
    case MessageType::Request:
    case MessageType::Piece:
    case MessageType::Cancel:
    case MessageType::Suggest:
    case MessageType::RejectRequest:
    case MessageType::AllowedFast:
        return true;
    default:
        return false;
    }
}

bool isFast(MessageType type)
{
    return type == MessageType::Suggest || type == MessageType::HaveAll ||
           type == MessageType::HaveNone || type == MessageType::RejectRequest ||
           type == MessageType::AllowedFast;
}

void checkMessage(const PeerMessage& m, const PeerWireLimits& limits)
{
    if (hasIndex(m.type))
        check(m.index < limits.pieceCount, "piece index below the piece count");
    if (m.type == MessageType::Request || m.type == MessageType::Cancel ||
        m.type == MessageType::RejectRequest)
        check(m.length > 0 && m.length <= limits.maxBlockLength, "block length within limits");
    if (m.type == MessageType::Piece)
        check(m.payload.size() <= qsizetype(limits.maxBlockLength), "piece block within limits");
    if (m.type == MessageType::Bitfield) {
        check(m.payload.size() == qsizetype((limits.pieceCount + 7) / 8), "bitfield size exact");
        const auto bits = fromWireBitfield(m.payload, limits.pieceCount);
        check(toWireBitfield(bits, limits.pieceCount) == m.payload,
              "bitfield round trip (no spare bits set)");
    }
    if (isFast(m.type))
        check(limits.allowFastExtension, "Fast messages only when negotiated");
    if (m.type == MessageType::Extended) {
        check(limits.allowExtensionProtocol, "extended messages only when negotiated");
        check(m.payload.size() <= qsizetype(limits.maxExtendedLength), "extended size bounded");
        if (m.extendedId == kExtendedHandshakeId) {
            const ExtensionHandshakeResult hs = decodeExtensionHandshake(m.payload);
            if (hs.ok) {
                const ExtensionHandshakeResult again =
                    decodeExtensionHandshake(encodeExtensionHandshake(hs.value));
                check(again.ok && again.value == hs.value, "extended handshake round trip");
            } else {
                check(!hs.error.isEmpty(), "a refused extended handshake says why");
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 4)
        return 0;
    PeerWireLimits limits;
    limits.expectHandshake = data[0] & 1;
    limits.allowFastExtension = data[0] & 2;
    limits.allowExtensionProtocol = data[0] & 4;
    limits.pieceCount = 1 + ((quint32(data[1]) << 8 | data[2]) % 4096);
    limits.maxExtendedLength = 64 * 1024;
    limits.maxUnknownLength = 64 * 1024;
    const size_t chunk = 1 + data[3] % 64; // socket reads of this size
    const QByteArrayView stream(reinterpret_cast<const char*>(data + 4), qsizetype(size - 4));

    PeerWireDecoder decoder(limits);
    QByteArray accepted; // the bytes of every message accepted so far, re-encoded
    bool handshakeSeen = !limits.expectHandshake;
    qsizetype consumed = 0; // of the stream, by what the decoder has returned so far
    for (qsizetype pos = 0; pos < stream.size() && !decoder.failed();) {
        const qsizetype n = qMin(qsizetype(chunk), stream.size() - pos);
        decoder.feed(stream.sliced(pos, n));
        pos += n;
        PeerMessage m;
        for (int guard = 0; guard < 100000; ++guard) {
            const PeerWireDecoder::Status status = decoder.next(m);
            if (status == PeerWireDecoder::Status::NeedMore)
                break;
            if (status == PeerWireDecoder::Status::Failed) {
                check(!decoder.error().isEmpty(), "a failure says why");
                check(decoder.next(m) == PeerWireDecoder::Status::Failed, "failure is final");
                break;
            }
            if (status == PeerWireDecoder::Status::Handshake) {
                check(!handshakeSeen, "one handshake");
                handshakeSeen = true;
                check(decoder.handshake().infoHash.size() == 20, "info hash of 20 bytes");
                consumed = pos - decoder.bufferedBytes();
                continue;
            }
            check(handshakeSeen, "messages only after the handshake");
            checkMessage(m, decoder.limits());
            // The bytes the decoder took for this message (after any it skipped: unknown ids)
            // end with exactly what encoding the message gives.
            const qsizetype upTo = pos - decoder.bufferedBytes();
            check(upTo > consumed && upTo <= pos, "the decoder consumed this message");
            const QByteArray encoded = encodeMessage(m);
            check(stream.sliced(consumed, upTo - consumed).endsWith(encoded),
                  "an accepted message encodes back to the bytes that carried it");
            consumed = upTo;
            accepted += encoded;
            m = PeerMessage();
        }
    }

    // What was accepted, fed again in one piece after a handshake-less start, decodes to the
    // same messages: the decoder's view of a message does not depend on how it was cut.
    if (!accepted.isEmpty()) {
        PeerWireLimits again = decoder.limits();
        again.expectHandshake = false;
        PeerWireDecoder second(again);
        second.feed(accepted);
        PeerMessage m;
        QByteArray reencoded;
        while (second.next(m) == PeerWireDecoder::Status::Message) {
            reencoded += encodeMessage(m);
            m = PeerMessage();
        }
        check(!second.failed() && reencoded == accepted, "re-decoding reproduces the stream");
    }
    return 0;
}
