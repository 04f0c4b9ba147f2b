// Metainfo (.torrent) parsing: files users open and files the discovery service hands out, so
// both hostile and merely broken input reach it. A refusal must say why; an accepted metainfo
// must be self-consistent (geometry, hashes of the sizes its kind needs, names and web seeds
// that pass the same checks the writer applies), and verifying a piece against arbitrary bytes
// must answer, never crash. A violated invariant aborts.

#include "FuzzCheck.h"
#include "content/Metainfo.h"
#include "content/Sha.h"

#include <cstddef>
#include <cstdint>

using namespace opendo::content;

using opendo::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), qsizetype(size));
    const MetainfoParseResult parsed = Metainfo::parse(input);
    if (!parsed.ok()) {
        check(!parsed.error.isEmpty(), "a refusal says why");
        return 0;
    }
    const Metainfo& m = *parsed.metainfo;
    check(m.hasV1() || m.hasV2(), "v1, v2 or both");
    check(!m.hasV1() || m.v1InfoHash().size() == 20, "v1 info hash of 20 bytes");
    check(!m.hasV2() || m.v2InfoHash().size() == 32, "v2 info hash of 32 bytes");
    check(m.contentId().size() == (m.hasV1() ? 40 : 64), "content id is a hex info hash");
    check(Metainfo::checkName(m.name()).isEmpty(), "the name is a safe file name");
    check(Metainfo::checkPieceLength(m.pieceLength()).isEmpty(), "piece length acceptable");
    check(m.fileSize() >= 0 && m.fileSize() < Metainfo::kMaxFileSize, "file size in range");
    const qint64 expectedPieces =
        m.fileSize() == 0 ? 0 : (m.fileSize() + m.pieceLength() - 1) / m.pieceLength();
    check(m.pieceCount() == expectedPieces, "piece count matches size and piece length");
    for (const QUrl& seed : m.webSeeds())
        check(Metainfo::checkWebSeed(seed).isEmpty(), "web seeds are http(s)");
    check(m.announce().isEmpty() || Metainfo::checkAnnounce(m.announce()).isEmpty(),
          "announce URL acceptable");
    // The ids users see and peers handshake with are the hashes of exactly that info dict.
    check(!m.hasV1() || m.v1InfoHash() == sha1(m.infoBytes()), "v1 info hash is SHA-1 of info");
    check(!m.hasV2() || m.v2InfoHash() == sha256(m.infoBytes()), "v2 info hash is SHA-256 of info");

    qint64 total = 0;
    for (int i = 0; i < m.pieceCount(); ++i) {
        const qint64 piece = m.pieceSize(i);
        check(piece > 0 && piece <= m.pieceLength(), "piece size within the piece length");
        total += piece;
        check(!m.hasV1() || m.v1PieceHash(i).size() == 20, "a SHA-1 per piece");
        check(!m.hasV2() || m.v2PieceHash(i).size() == 32, "a SHA-256 per piece");
    }
    check(total == m.fileSize(), "pieces cover the file");
    check(m.pieceSize(-1) == 0 && m.pieceSize(m.pieceCount()) == 0, "out of range is 0");
    check(m.v1PieceHash(m.pieceCount()).isEmpty() && m.v2PieceHash(-1).isEmpty(),
          "no hash out of range");

    // Verification answers for any bytes: the first piece against a slice of the input (almost
    // surely wrong), an index out of range, and a wrong size.
    if (m.pieceCount() > 0 && m.pieceSize(0) <= input.size())
        (void)m.verifyPiece(0, input.first(m.pieceSize(0)));
    check(!m.verifyPiece(m.pieceCount(), input), "no piece past the end verifies");
    if (m.pieceCount() > 0)
        check(!m.verifyPiece(0, input.first(qMin<qsizetype>(input.size(), 1))) ||
                  m.pieceSize(0) == qMin<qsizetype>(input.size(), 1),
              "a piece of the wrong size never verifies");
    return 0;
}
