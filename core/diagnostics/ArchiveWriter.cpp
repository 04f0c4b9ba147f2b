#include "diagnostics/ArchiveWriter.h"

#include <QtEndian>
#include <array>
#include <cstring>

namespace opendo::diagnostics {

namespace {

constexpr int kBlock = 512;

// Writes `value` as a zero-padded octal number of `width - 1` digits followed by a NUL, the
// way tar fills its numeric fields.
void putOctal(char* field, int width, quint64 value)
{
    for (int i = width - 2; i >= 0; --i) {
        field[i] = char('0' + (value & 7));
        value >>= 3;
    }
    field[width - 1] = '\0';
}

void appendLittleEndian32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

const std::array<quint32, 256>& crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

// The raw deflate stream (RFC 1951) of `data`: Qt's zlib stream without its size prefix, its
// two-byte zlib header and its Adler-32 trailer.
QByteArray rawDeflate(const QByteArray& data)
{
    if (data.isEmpty())                   // qCompress returns only its size prefix for empty input
        return QByteArray("\x03\x00", 2); // one final, fixed-Huffman block with no symbols
    const QByteArray zlib = qCompress(data);
    constexpr qsizetype kPrefix = 4 + 2; // Qt's length prefix + zlib's CMF/FLG
    constexpr qsizetype kTrailer = 4;    // Adler-32
    if (zlib.size() < kPrefix + kTrailer)
        return {};
    return zlib.mid(kPrefix, zlib.size() - kPrefix - kTrailer);
}

} // namespace

TarGzWriter::TarGzWriter(QDateTime mtime)
    : m_mtime(mtime.isValid() ? qMax<qint64>(0, mtime.toSecsSinceEpoch()) : 0)
{}

bool TarGzWriter::addFile(const QString& name, const QByteArray& content)
{
    const QByteArray path = name.toUtf8();
    if (path.isEmpty() || path.size() > 100 || name.contains(QStringLiteral("..")))
        return false;

    char header[kBlock];
    std::memset(header, 0, sizeof header);
    std::memcpy(header, path.constData(), size_t(path.size())); // name[100]
    putOctal(header + 100, 8, 0644);                            // mode
    putOctal(header + 108, 8, 0);                               // uid
    putOctal(header + 116, 8, 0);                               // gid
    putOctal(header + 124, 12, quint64(content.size()));        // size
    putOctal(header + 136, 12, quint64(m_mtime));               // mtime
    std::memset(header + 148, ' ', 8);                          // chksum, spaces while summing
    header[156] = '0';                                          // typeflag: regular file
    std::memcpy(header + 257, "ustar", 6);                      // magic, NUL-terminated
    std::memcpy(header + 263, "00", 2);                         // version
    std::memcpy(header + 265, "root", 4);                       // uname
    std::memcpy(header + 297, "root", 4);                       // gname
    putOctal(header + 329, 8, 0);                               // devmajor
    putOctal(header + 337, 8, 0);                               // devminor

    quint32 sum = 0;
    for (char c : header)
        sum += quint8(c);
    putOctal(header + 148, 7, sum); // six digits and a NUL, then the space already there
    header[155] = ' ';

    m_tar.append(header, kBlock);
    m_tar.append(content);
    const qsizetype padding = (kBlock - content.size() % kBlock) % kBlock;
    m_tar.append(QByteArray(padding, '\0'));
    return true;
}

QByteArray TarGzWriter::finish()
{
    m_tar.append(QByteArray(2 * kBlock, '\0')); // end of archive: two zero blocks
    const QByteArray gz = gzipCompress(m_tar);
    m_tar.clear();
    return gz;
}

quint32 crc32(const QByteArray& data)
{
    const std::array<quint32, 256>& table = crcTable();
    quint32 c = 0xFFFFFFFFu;
    for (char byte : data)
        c = table[(c ^ quint8(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray gzipCompress(const QByteArray& data)
{
    // RFC 1952 member header: magic, CM = deflate, no flags, no MTIME, XFL 0, OS = Unix.
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out.append(rawDeflate(data));
    appendLittleEndian32(out, crc32(data));
    appendLittleEndian32(out, quint32(quint64(data.size()) & 0xFFFFFFFFu)); // ISIZE
    return out;
}

} // namespace opendo::diagnostics
