#pragma once

// Files with random content for download tests, and comparing files without loading them.

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace opendo::test {

// Writes `size` bytes of seeded pseudo-random data (same seed, same bytes).
bool writeRandomFile(const QString& path, qint64 size, quint32 seed = 1);
// True when both files have the same size and bytes (streamed, 1 MiB at a time).
bool sameContent(const QString& a, const QString& b);
// Writes such a file at `path` and returns a metainfo for it with `webSeed` as its origin, as
// a publisher makes it; empty on failure.
QByteArray makeWebSeedTorrent(const QString& path, qint64 size, quint32 seed, const QUrl& webSeed);

} // namespace opendo::test
