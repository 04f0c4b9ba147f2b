#pragma once

// A minimal writer for POSIX ustar archives compressed with gzip (RFC 1952), enough for the
// support bundle: regular files with names up to 100 bytes, mode 0644, one modification time.

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace opendo::diagnostics {

class TarGzWriter
{
public:
    explicit TarGzWriter(QDateTime mtime = QDateTime::currentDateTimeUtc());
    // Returns false (and adds nothing) for a name longer than 100 bytes or containing "..".
    bool addFile(const QString& name, const QByteArray& content);
    QByteArray finish(); // the .tar.gz bytes; the writer is empty afterwards

private:
    QByteArray m_tar;
    qint64 m_mtime;
};

quint32 crc32(const QByteArray& data);
QByteArray gzipCompress(const QByteArray& data);

} // namespace opendo::diagnostics
