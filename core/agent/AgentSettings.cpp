#include "agent/AgentSettings.h"

#include "discovery/local/DnsSdService.h"
#include "transfer/PeerEndpoint.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace opendo::agent {

QStringList agentSettingNames()
{
    return {QString::fromLatin1(kStaticPeersSetting),
            QString::fromLatin1(kDiscoveryUrlSetting),
            QString::fromLatin1(kAdSiteSetting),
            QString::fromLatin1(kAdDomainSidSetting),
            QString::fromLatin1(kEntraTenantIdSetting),
            QString::fromLatin1(kDhcpLeaseFoldersSetting),
            QString::fromLatin1(kLocalDiscoveryPortSetting)};
}

QString agentSettingDescription(const QString& name)
{
    if (name == QLatin1String(kStaticPeersSetting))
        return QCoreApplication::translate(
            "opendo::agent", "Peers every download tries (ADDR:PORT, comma-separated), in "
                             "addition to those discovery finds.");
    if (name == QLatin1String(kDiscoveryUrlSetting))
        return QCoreApplication::translate(
            "opendo::agent", "Base URL of the discovery service (http://HOST:PORT). Empty: the "
                             "console's built-in service, or none for a headless agent.");
    if (name == QLatin1String(kAdSiteSetting))
        return QCoreApplication::translate(
            "opendo::agent", "Active Directory site name; the group id when DOGroupIdSource is 1 "
                             "(or unset).");
    if (name == QLatin1String(kAdDomainSidSetting))
        return QCoreApplication::translate(
            "opendo::agent", "Authenticated domain SID; the group id when DOGroupIdSource is 2.");
    if (name == QLatin1String(kEntraTenantIdSetting))
        return QCoreApplication::translate(
            "opendo::agent", "Microsoft Entra tenant id; the group id when DOGroupIdSource is 5.");
    if (name == QLatin1String(kDhcpLeaseFoldersSetting))
        return QCoreApplication::translate(
            "opendo::agent",
            "Folders with the DHCP client's lease files (comma-separated), read for DHCP options "
            "234 (group id) and 235 (cache servers). Empty: the folders of dhclient, "
            "NetworkManager, systemd-networkd and dhcpcd.");
    if (name == QLatin1String(kLocalDiscoveryPortSetting))
        return QCoreApplication::translate(
            "opendo::agent",
            "UDP port of multicast DNS for local peer discovery (DORestrictPeerSelectionBy 2). "
            "Empty: 5353, the standard port; only agents on the same port find each other.");
    return {};
}

bool isAgentSetting(const QString& name)
{
    return agentSettingNames().contains(name);
}

QStringList splitPeerList(const QString& value)
{
    QStringList peers;
    for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            peers << part.trimmed();
    }
    return peers;
}

std::optional<quint16> localDiscoveryPort(const QString& value)
{
    if (value.trimmed().isEmpty())
        return discovery::local::kMulticastDnsPort;
    bool ok = false;
    const uint port = value.trimmed().toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return std::nullopt;
    return quint16(port);
}

QString checkAgentSetting(const QString& name, const QString& value)
{
    if (!isAgentSetting(name))
        return QCoreApplication::translate("opendo::agent", "%1 is not an OpenDO agent setting.")
            .arg(name);
    if (name == QLatin1String(kDiscoveryUrlSetting) && !value.isEmpty()) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            url.host().isEmpty())
            return QCoreApplication::translate("opendo::agent",
                                               "%1: \"%2\" is not an http:// or https:// URL "
                                               "with a host, e.g. http://192.0.2.10:7681.")
                .arg(name, value);
    }
    if (name == QLatin1String(kDhcpLeaseFoldersSetting)) {
        for (const QString& folder : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!QDir::isAbsolutePath(folder.trimmed()))
                return QCoreApplication::translate(
                           "opendo::agent",
                           "%1: \"%2\" is not an absolute path, e.g. /var/lib/dhcp.")
                    .arg(name, folder.trimmed());
        }
    }
    if (name == QLatin1String(kLocalDiscoveryPortSetting) && !value.isEmpty() &&
        !localDiscoveryPort(value))
        return QCoreApplication::translate("opendo::agent",
                                           "%1: \"%2\" is not a UDP port number (1-65535).")
            .arg(name, value);
    if (name == QLatin1String(kStaticPeersSetting)) {
        for (const QString& peer : splitPeerList(value)) {
            QString error;
            if (!transfer::parsePeerEndpoint(peer, &error))
                return QStringLiteral("%1: %2").arg(name, error);
        }
    }
    return {};
}

AgentSettingsStore::AgentSettingsStore(QSqlDatabase db) : m_db(std::move(db)) {}

QMap<QString, QString> AgentSettingsStore::load(QString* error) const
{
    QMap<QString, QString> settings;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM agent_settings"))) {
        if (error)
            *error = q.lastError().text();
        return settings;
    }
    while (q.next())
        settings.insert(q.value(0).toString(), q.value(1).toString());
    return settings;
}

bool AgentSettingsStore::set(const QString& name, const std::optional<QString>& value,
                             QString* error)
{
    if (value) {
        if (const QString why = checkAgentSetting(name, *value); !why.isEmpty()) {
            if (error)
                *error = why;
            return false;
        }
    } else if (!isAgentSetting(name)) {
        if (error)
            *error = checkAgentSetting(name, {});
        return false;
    }
    QSqlQuery q(m_db);
    if (value) {
        q.prepare(QStringLiteral("INSERT INTO agent_settings(key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(name);
        q.addBindValue(*value);
    } else {
        q.prepare(QStringLiteral("DELETE FROM agent_settings WHERE key = ?"));
        q.addBindValue(name);
    }
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace opendo::agent
