#include "support/TestFiles.h"

#include "content/MetainfoWriter.h"

#include <QFile>
#include <QRandomGenerator>

namespace opendo::test {

bool writeRandomFile(const QString& path, qint64 size, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator gen(seed);
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        gen.fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
        const qint64 n = qMin<qint64>(left, block.size());
        if (f.write(block.constData(), n) != n)
            return false;
        left -= n;
    }
    return true;
}

bool sameContent(const QString& a, const QString& b)
{
    QFile fa(a);
    QFile fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly) || fa.size() != fb.size())
        return false;
    while (!fa.atEnd()) {
        if (fa.read(1024 * 1024) != fb.read(1024 * 1024))
            return false;
    }
    return true;
}

QByteArray makeWebSeedTorrent(const QString& path, qint64 size, quint32 seed, const QUrl& webSeed)
{
    if (!writeRandomFile(path, size, seed))
        return {};
    content::MetainfoWriterOptions options;
    options.webSeeds = {webSeed};
    const auto result = content::MetainfoWriter::create(path, options);
    return result.ok ? result.torrent : QByteArray();
}

} // namespace opendo::test
