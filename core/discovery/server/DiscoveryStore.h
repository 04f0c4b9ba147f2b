#pragma once

// The discovery server's state on disk (SQLite, WAL): the key secret, published content and a
// snapshot of live registrations, so a restart with --db keeps swarms and keys. Registrations
// are saved as a whole snapshot (periodically and at shutdown), not per announce, because
// announces arrive thousands of times a second.

#include "discovery/server/MetainfoCatalog.h"
#include "discovery/server/SwarmRegistry.h"

#include <QString>
#include <vector>

namespace opendo::discovery {

class DiscoveryStore
{
public:
    explicit DiscoveryStore(QString path);
    ~DiscoveryStore();

    bool open(QString* error); // creates the schema when new
    QByteArray loadOrCreateSecret();
    std::vector<QByteArray> loadPublished(); // torrents, in publish order
    bool savePublished(const PublishedContent& content);
    std::vector<PeerRegistration> loadRegistrations();
    bool saveRegistrations(const std::vector<PeerRegistration>& registrations); // replaces all

private:
    QString m_path;
    QString m_connectionName;
};

} // namespace opendo::discovery
