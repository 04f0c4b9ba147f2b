#include "diagnostics/CheckCatalog.h"

#include "diagnostics/CheckSupport.h"

namespace opendo::diagnostics {

namespace {

const QList<CheckFactory>& factories()
{
    static const QList<CheckFactory> all = [] {
        QList<CheckFactory> list;
        list << deviceChecks() << hardwareChecks() << connectionChecks() << peerChecks()
             << contentChecks() << bandwidthAndCacheChecks() << cacheServerChecks();
        return list;
    }();
    return all;
}

QStringList withPrefix(const QString& prefix)
{
    QStringList ids;
    for (const CheckFactory& f : factories())
        if (f.id.startsWith(prefix) && f.id != QLatin1String("connection.peer_test"))
            ids << f.id;
    return ids;
}

QStringList health()
{
    return withPrefix(QStringLiteral("device.")) + withPrefix(QStringLiteral("hardware.")) +
           withPrefix(QStringLiteral("connection."));
}

} // namespace

QStringList allCheckIds()
{
    QStringList ids;
    for (const CheckFactory& f : factories())
        ids << f.id;
    return ids;
}

QStringList checkIdsFor(CheckSet set)
{
    switch (set) {
    case CheckSet::All:
        return health() + withPrefix(QStringLiteral("peers.")) +
               withPrefix(QStringLiteral("content.")) + withPrefix(QStringLiteral("bandwidth.")) +
               withPrefix(QStringLiteral("cache.")) + withPrefix(QStringLiteral("cache_server."));
    case CheckSet::Health:
        return health();
    case CheckSet::PeerToPeer:
        return health() + withPrefix(QStringLiteral("peers.")) +
               withPrefix(QStringLiteral("content."));
    case CheckSet::CacheServer:
        return health() + withPrefix(QStringLiteral("cache_server."));
    case CheckSet::NoPeerBytes:
        // Each step only matters once the ones before it hold: a stopped agent explains
        // everything after it, a mode without peers explains the rest, and so on.
        // One step per line keeps the order readable.
        // clang-format off
        return {QStringLiteral("device.agent"),
                QStringLiteral("device.download_mode"),
                QStringLiteral("connection.discovery"),
                QStringLiteral("device.group_id"),
                QStringLiteral("connection.interface"),
                QStringLiteral("connection.peer_port"),
                QStringLiteral("connection.firewall"),
                QStringLiteral("content.metainfo"),
                QStringLiteral("peers.known"),
                QStringLiteral("peers.local_discovery"),
                QStringLiteral("peers.lan_public_address"),
                QStringLiteral("peers.reachable"),
                QStringLiteral("peers.refused_banned"),
                QStringLiteral("peers.connection_history"),
                QStringLiteral("peers.errors_found"),
                QStringLiteral("device.vpn"),
                QStringLiteral("hardware.ram"),
                QStringLiteral("hardware.disk"),
                QStringLiteral("hardware.battery"),
                QStringLiteral("hardware.upload_cap"),
                QStringLiteral("content.min_file_size"),
                QStringLiteral("content.http_delay"),
                QStringLiteral("peers.efficiency")};
        // clang-format on
    case CheckSet::PeerConnection:
        return {QStringLiteral("connection.peer_test")};
    case CheckSet::Bandwidth:
        return withPrefix(QStringLiteral("bandwidth.")) +
               QStringList{QStringLiteral("content.http_delay"),
                           QStringLiteral("connection.origin_ranges"),
                           QStringLiteral("connection.proxy"), QStringLiteral("peers.efficiency")};
    case CheckSet::CacheDisk:
        return withPrefix(QStringLiteral("cache.")) +
               QStringList{QStringLiteral("device.cache_folder"),
                           QStringLiteral("content.min_file_size")};
    }
    return {};
}

std::unique_ptr<Check> makeCheck(const QString& id)
{
    for (const CheckFactory& f : factories())
        if (f.id == id)
            return f.make();
    return nullptr;
}

std::vector<std::unique_ptr<Check>> makeChecks(const DiagnosticRequest& request)
{
    std::vector<std::unique_ptr<Check>> checks;
    const QStringList ids =
        request.checkIds.isEmpty() ? checkIdsFor(request.set) : request.checkIds;
    for (const QString& id : ids)
        if (std::unique_ptr<Check> check = makeCheck(id))
            checks.push_back(std::move(check));
    return checks;
}

} // namespace opendo::diagnostics
