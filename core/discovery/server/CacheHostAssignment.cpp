#include "discovery/server/CacheHostAssignment.h"

#include <QCoreApplication>

namespace opendo::discovery {

std::optional<CacheHostAssignment> parseCacheHostAssignment(const QString& rule, QString* why)
{
    const auto fail = [&](const QString& reason) -> std::optional<CacheHostAssignment> {
        if (why)
            *why = QCoreApplication::translate("opendo::discovery",
                                               "Invalid cache host rule \"%1\": %2")
                       .arg(rule, reason);
        return std::nullopt;
    };
    CacheHostAssignment parsed;
    QString hosts = rule.trimmed();
    if (const qsizetype equals = hosts.indexOf(QLatin1Char('=')); equals >= 0) {
        const QString subnetText = hosts.left(equals).trimmed();
        const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(subnetText);
        if (subnet.first.isNull() || subnet.second < 0 || !subnetText.contains(QLatin1Char('/')))
            return fail(QCoreApplication::translate("opendo::discovery",
                                                    "\"%1\" is not a subnet ADDRESS/PREFIX")
                            .arg(subnetText));
        parsed.subnet = subnet;
        hosts = hosts.mid(equals + 1);
    }
    QString itemWhy;
    const auto entries = policy::parseEveryCacheHost(hosts.split(QLatin1Char(',')), &itemWhy);
    if (!entries)
        return fail(itemWhy);
    parsed.hosts = *entries;
    if (parsed.hosts.size() > kMaxAssignedCacheHosts)
        return fail(QCoreApplication::translate("opendo::discovery", "more than %1 servers")
                        .arg(kMaxAssignedCacheHosts));
    return parsed;
}

QList<policy::CacheHostEntry> cacheHostsFor(const QList<CacheHostAssignment>& rules,
                                            const QHostAddress& seen, const QHostAddress& mapped)
{
    for (const CacheHostAssignment& rule : rules) {
        if (!rule.subnet || seen.isInSubnet(*rule.subnet) || mapped.isInSubnet(*rule.subnet))
            return rule.hosts;
    }
    return {};
}

} // namespace opendo::discovery
