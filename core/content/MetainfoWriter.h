#pragma once

// Creates BEP 52 hybrid (v1 + v2) single-file metainfo for a file on disk, streaming the file.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>

namespace opendo::content {

struct MetainfoWriterOptions
{
    QList<QUrl> webSeeds;   // BEP 19 url-list: the HTTP origin(s)
    QUrl announce;          // optional tracker / discovery service
    qint64 pieceLength = 0; // 0: MetainfoWriter::choosePieceLength(file size)
    QString name;           // default: the file's own name
    // Called after each chunk with bytes hashed so far and the total; return false to cancel.
    std::function<bool(qint64 done, qint64 total)> progress;
};

struct MetainfoWriteResult
{
    bool ok = false;
    QByteArray torrent; // the .torrent bytes
    QString error;      // translated, when !ok
};

class MetainfoWriter
{
public:
    // Output carries no creation date, so the same file and options always give the same bytes
    // and therefore the same content id.
    static MetainfoWriteResult create(const QString& filePath,
                                      const MetainfoWriterOptions& options = {});

    // The smallest power of two from 256 KiB that keeps the file within about 2000 pieces,
    // capped at 16 MiB: fewer pieces keep the metainfo small, smaller pieces let peers start
    // sharing sooner.
    static qint64 choosePieceLength(qint64 fileSize);

    static constexpr qsizetype kReadChunk = 1024 * 1024;
};

} // namespace opendo::content
