#pragma once

// A parsed single-file .torrent (v1, v2 or hybrid) with web seeds, and per-piece verification.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace opendo::content {

struct MetainfoParseResult;

class Metainfo
{
public:
    static constexpr qint64 kMaxFileSize = qint64(1) << 50; // exclusive
    static constexpr qint64 kMinPieceLength = 16 * 1024;
    // Larger pieces are legal BitTorrent but would make every consumer allocate huge buffers on
    // the word of an untrusted file.
    static constexpr qint64 kMaxPieceLength = 256 * 1024 * 1024;
    static constexpr qint64 kMaxMetainfoSize = 64 * 1024 * 1024;

    static MetainfoParseResult parse(QByteArrayView torrent);
    static MetainfoParseResult load(const QString& path);

    // Why `name` cannot be the file name of downloaded content, or empty when it can.
    static QString checkName(const QString& name);
    // Why a piece length is unacceptable, or empty.
    static QString checkPieceLength(qint64 pieceLength);
    // Why a URL cannot be a web seed (http/https only), or empty.
    static QString checkWebSeed(const QUrl& url);
    // Why a URL cannot be an announce URL (http/https/udp), or empty.
    static QString checkAnnounce(const QUrl& url);

    const QString& name() const { return m_name; }
    qint64 fileSize() const { return m_fileSize; }
    qint64 pieceLength() const { return m_pieceLength; }
    int pieceCount() const { return m_pieceCount; }
    qint64 pieceSize(int index) const; // 0 for an index out of range

    bool hasV1() const { return !m_v1InfoHash.isEmpty(); }
    bool hasV2() const { return !m_v2InfoHash.isEmpty(); }
    QByteArray v1PieceHash(int index) const; // 20 bytes; empty without v1 or out of range
    // The piece-layer entry (32 bytes); for a file of one piece, the pieces root. Empty without
    // v2 or out of range.
    QByteArray v2PieceHash(int index) const;
    const QByteArray& piecesRoot() const { return m_piecesRoot; }

    // SHA-1 / SHA-256 of the info dict exactly as it appeared in the file; empty if this
    // metainfo has no v1 / v2 part.
    const QByteArray& v1InfoHash() const { return m_v1InfoHash; }
    const QByteArray& v2InfoHash() const { return m_v2InfoHash; }
    // What users see and type: the v1 info hash in hex whenever there is one, so standard
    // clients show the same id; otherwise the v2 info hash in hex.
    QString contentId() const;
    // The raw info dict, as peers exchange it (BEP 9).
    const QByteArray& infoBytes() const { return m_infoBytes; }

    const QList<QUrl>& webSeeds() const { return m_webSeeds; }
    // BEP 19: a seed URL ending in '/' names a folder, and the file is the torrent's name in it.
    QUrl webSeedFileUrl(const QUrl& seed) const;
    const QUrl& announce() const { return m_announce; } // empty if none

    // True only if data is exactly that piece: checked against the SHA-256 piece layer when
    // the metainfo has one (the trust anchor), else against the v1 SHA-1.
    bool verifyPiece(int index, QByteArrayView data) const;
    bool verifyPieceV1(int index, QByteArrayView data) const;
    bool verifyPieceV2(int index, QByteArrayView data) const;

private:
    friend class MetainfoParser;
    Metainfo() = default;

    QString m_name;
    qint64 m_fileSize = 0;
    qint64 m_pieceLength = 0;
    int m_pieceCount = 0;
    QByteArray m_v1Pieces;
    QByteArray m_pieceLayer;
    QByteArray m_piecesRoot;
    QByteArray m_v1InfoHash;
    QByteArray m_v2InfoHash;
    QByteArray m_infoBytes;
    QList<QUrl> m_webSeeds;
    QUrl m_announce;
};

struct MetainfoParseResult
{
    std::optional<Metainfo> metainfo;
    QString error; // translated, when metainfo is empty
    bool ok() const { return metainfo.has_value(); }
};

} // namespace opendo::content
