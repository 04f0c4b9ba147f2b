#include "policy/PolicyPresets.h"

#include <QCoreApplication>
#include <QUuid>

namespace opendo::policy {
namespace {

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct PolicyPresetsText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::policy)
};

PolicyChange set(const char* key, const QString& value)
{
    return PolicyChange{QString::fromLatin1(key), value};
}
PolicyChange set(const char* key, qint64 value)
{
    return set(key, QString::number(value));
}

} // namespace

QList<PolicyPreset> policyPresets()
{
    QList<PolicyPreset> presets;
    presets << PolicyPreset{
        QStringLiteral("office-lan"),
        PolicyPresetsText::tr("Single office LAN"),
        PolicyPresetsText::tr(
            "All devices sit behind one Internet connection. LAN mode shares between devices "
            "behind the same public address, restricted to the local subnet; smaller files are "
            "shared too (10 MB), and finished files stay available to peers for a week."),
        {set("DODownloadMode", 1), set("DORestrictPeerSelectionBy", 1),
         set("DOMinFileSizeToCache", 10), set("DOMaxCacheAge", 604800)}};

    presets << PolicyPreset{
        QStringLiteral("branch-group"),
        PolicyPresetsText::tr("Branch offices sharing a group"),
        PolicyPresetsText::tr(
            "Sites connected by a WAN or VPN share content across their NATs. Group mode with a "
            "newly generated group id: deploy the same id to every device of the group. Uploads "
            "are capped at 50 GB a month and HTTP waits 60 s in the background so peers are "
            "tried first."),
        {set("DODownloadMode", 2),
         set("DOGroupId", QUuid::createUuid().toString(QUuid::WithoutBraces)),
         set("DOMonthlyUploadDataCap", 50), set("DODelayBackgroundDownloadFromHttp", 60),
         set("DOMinFileSizeToCache", 10)}};

    presets << PolicyPreset{
        QStringLiteral("remote-vpn"),
        PolicyPresetsText::tr("Remote and VPN workers"),
        PolicyPresetsText::tr(
            "Laptops at home or on a VPN should not pull content across the corporate tunnel or "
            "drain their battery. Peering pauses on VPN (common VPN adapter names are matched), "
            "cache servers are skipped on VPN, uploads on battery need at least 60 % charge, "
            "and devices with less than 8 GB RAM do not serve peers."),
        {set("DODownloadMode", 1), set("DOAllowVPNPeerCaching", 0),
         set("DOVpnKeywords", QStringLiteral("VPN,Secure,WireGuard,tun,ppp")),
         set("DODisallowCacheServerDownloadsOnVPN", 1),
         set("DOMinBatteryPercentageAllowedToUpload", 60), set("DOMinRAMAllowedToPeer", 8)}};

    presets << PolicyPreset{
        QStringLiteral("limited-site"),
        PolicyPresetsText::tr("Bandwidth-limited site with business hours"),
        PolicyPresetsText::tr(
            "A site on a thin WAN link: during business hours (8:00 to 17:00) background "
            "downloads may use 20 % and foreground downloads 60 % of the measured bandwidth, "
            "outside them 90 % and 100 %. Background downloads wait up to an hour for peers "
            "before using HTTP, and the background speed floor is lowered to 100 KB/s."),
        {set("DOSetHoursToLimitBackgroundDownloadBandwidth_From", 8),
         set("DOSetHoursToLimitBackgroundDownloadBandwidth_To", 17),
         set("DOSetHoursToLimitBackgroundDownloadBandwidth_In", 20),
         set("DOSetHoursToLimitBackgroundDownloadBandwidth_Out", 90),
         set("DOSetHoursToLimitForegroundDownloadBandwidth_From", 8),
         set("DOSetHoursToLimitForegroundDownloadBandwidth_To", 17),
         set("DOSetHoursToLimitForegroundDownloadBandwidth_In", 60),
         set("DOSetHoursToLimitForegroundDownloadBandwidth_Out", 100),
         set("DODelayBackgroundDownloadFromHttp", 3600), set("DOMinBackgroundQos", 100)}};
    return presets;
}

} // namespace opendo::policy
