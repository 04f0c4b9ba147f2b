#include "support/PublishedContentLab.h"

#include "support/ProcessRunner.h"
#include "support/TestPaths.h"

#include <QDir>

namespace opendo::test {

QString PublishedContentLab::start(const QString& dir, qint64 size, quint32 seed,
                                   const QString& slowRate, const DiscoveryProcessOptions& options)
{
    QString error;
    const QString root = QDir(dir).filePath(QStringLiteral("www"));
    origin = startContentOrigin(root, size, seed,
                                QStringLiteral("location = /content.bin { limit_rate %1; }\n"
                                               "        location /fast/ { alias \"%2/\"; }")
                                    .arg(slowRate, root),
                                &error);
    if (!origin)
        return error;
    discovery = std::make_unique<DiscoveryProcess>(options);
    if (!discovery->start(&error))
        return error;
    const QString file = QDir(root).filePath(QStringLiteral("content.bin"));
    publishedTorrent = QDir(dir).filePath(QStringLiteral("content.torrent"));
    const ProcessResult published = runProgram(
        executable(QStringLiteral("doctl")),
        {QStringLiteral("publish"), file, QStringLiteral("--webseed"),
         origin->url(QStringLiteral("/content.bin")).toString(), QStringLiteral("--discovery"),
         discovery->url().toString(), QStringLiteral("-o"), publishedTorrent});
    if (published.exitCode != 0)
        return QStringLiteral("doctl publish: ") + published.err;
    fastTorrent = QDir(dir).filePath(QStringLiteral("fast.torrent"));
    const ProcessResult fast =
        runProgram(executable(QStringLiteral("doctl")),
                   {QStringLiteral("create-metainfo"), file, QStringLiteral("--webseed"),
                    origin->url(QStringLiteral("/fast/content.bin")).toString(),
                    QStringLiteral("-o"), fastTorrent});
    if (fast.exitCode != 0)
        return QStringLiteral("doctl create-metainfo: ") + fast.err;
    return {};
}

} // namespace opendo::test
