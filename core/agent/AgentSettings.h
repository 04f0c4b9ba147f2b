#pragma once

// OpenDO's own settings of an agent, beside the DO policies: things DO configures in its cloud
// service or not at all. Kept in the agent_settings table; `doctl config set NAME VALUE` and
// `doctl config list` treat them like policies.

#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace opendo::agent {

// Peers every download tries, "ADDR:PORT" separated by commas; added to do-agent's --peer list.
inline constexpr char kStaticPeersSetting[] = "StaticPeers";
// Base URL of the discovery service ("http://host:port"); do-agent --discovery overrides it.
inline constexpr char kDiscoveryUrlSetting[] = "DiscoveryUrl";
// What DOGroupIdSource 1, 2 and 5 derive the group id from on a machine without Windows
// directory services: configured by the administrator (or a deployment tool).
inline constexpr char kAdSiteSetting[] = "AdSite";
inline constexpr char kAdDomainSidSetting[] = "AdDomainSid";
inline constexpr char kEntraTenantIdSetting[] = "EntraTenantId";
// Folders holding the DHCP client's leases, where DHCP options 234 (DOGroupIdSource 3) and 235
// (DOCacheHostSource) are read; comma-separated absolute paths. Empty: the usual places.
inline constexpr char kDhcpLeaseFoldersSetting[] = "DhcpLeaseFolders";
// UDP port of multicast DNS for local peer discovery (DORestrictPeerSelectionBy = 2). Empty:
// 5353, the standard one; a lab running several isolated groups of agents on one machine
// gives each group its own.
inline constexpr char kLocalDiscoveryPortSetting[] = "LocalDiscoveryPort";

QStringList agentSettingNames();
QString agentSettingDescription(const QString& name);
bool isAgentSetting(const QString& name);
// "" when the value is acceptable, otherwise why not (translated).
QString checkAgentSetting(const QString& name, const QString& value);
// StaticPeers as a list of "ADDR:PORT" (empty entries dropped).
QStringList splitPeerList(const QString& value);
// LocalDiscoveryPort as a port: 5353 when empty, nullopt when it is not a port number.
std::optional<quint16> localDiscoveryPort(const QString& value);

class AgentSettingsStore
{
public:
    explicit AgentSettingsStore(QSqlDatabase db);
    QMap<QString, QString> load(QString* error) const;
    // nullopt removes the setting. Checks the value first; nothing changes when it is refused.
    bool set(const QString& name, const std::optional<QString>& value, QString* error);

private:
    QSqlDatabase m_db;
};

} // namespace opendo::agent
