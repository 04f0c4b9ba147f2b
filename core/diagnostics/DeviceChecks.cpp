// Device: is the agent there, which download mode rules, can it write its cache and state, and
// does a VPN switch peering off.

#include "diagnostics/CheckSupport.h"
#include "transfer/UploadGates.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryFile>

namespace opendo::diagnostics {

namespace {

CheckResult agentRunning(const InstantCheck& c, const DiagnosticInputs& in)
{
    if (in.request.temporaryAgent) {
        CheckResult r = c.result(
            Verdict::Fail,
            Diag::tr("No OpenDO agent is running for this data directory: nothing serves peers "
                     "or finishes background downloads."));
        r.evidence
            << Diag::tr("Data directory: %1").arg(QDir::toNativeSeparators(in.options.dataDir))
            << Diag::tr("These checks ran in a temporary agent started by doctl.");
        r.remedy = Diag::tr("Start the agent: do-agent --data-dir %1 (or open the console on that "
                            "data directory), then run the checks again.")
                       .arg(QDir::toNativeSeparators(in.options.dataDir));
        return r;
    }
    CheckResult r = c.result(Verdict::Pass, Diag::tr("The agent is running."));
    r.evidence << Diag::tr("Process %1, pid %2")
                      .arg(QCoreApplication::applicationName())
                      .arg(QCoreApplication::applicationPid())
               << Diag::tr("Data directory: %1").arg(QDir::toNativeSeparators(in.options.dataDir))
               << Diag::tr("Downloads known: %1, active: %2")
                      .arg(in.jobs.size())
                      .arg(in.device.activeDownloads);
    return r;
}

CheckResult downloadMode(const InstantCheck& c, const DiagnosticInputs& in)
{
    const int configured = in.activity.configuredMode;
    const int effective = in.activity.downloadMode;
    const QString setting = settingText(in.policies, QStringLiteral("DODownloadMode"));
    if (!isPeeringMode(configured)) {
        CheckResult r =
            c.result(Verdict::Fail,
                     Diag::tr("Download mode %1 never uses peers.").arg(modeText(configured)));
        r.evidence << setting;
        r.remedy = Diag::tr("Set DODownloadMode to 1 (LAN), 2 (Group) or 3 (Internet), e.g. "
                            "doctl config set DODownloadMode 1. A value set by policy wins over a "
                            "local setting, so change it where it is set.");
        r.fix << change(QStringLiteral("DODownloadMode"), QStringLiteral("1"));
        return r;
    }
    if (effective != configured) {
        CheckResult r = c.result(
            Verdict::Fail,
            Diag::tr("Download mode %1 is configured but %2 is in effect: %3")
                .arg(modeText(configured), modeText(effective), in.activity.fallbackReason));
        r.evidence << setting << Diag::tr("Effective download mode: %1").arg(modeText(effective));
        r.remedy = Diag::tr("Make the discovery service reachable (see the Discovery service "
                            "check); the agent returns to mode %1 by itself once it answers.")
                       .arg(configured);
        // The agent only leaves the configured mode while discovery does not answer: the
        // discovery service is the cause, this the symptom (and no mode change would help).
        r.symptomOf = QStringLiteral("connection.discovery");
        return r;
    }
    CheckResult r = c.result(Verdict::Pass,
                             Diag::tr("Download mode %1 is in effect.").arg(modeText(effective)));
    r.evidence << setting;
    return r;
}

CheckResult groupSettings(const InstantCheck& c, const DiagnosticInputs& in)
{
    const int mode = in.activity.configuredMode;
    const policy::EffectivePolicy* id = in.policies.find(QStringLiteral("DOGroupId"));
    const policy::EffectivePolicy* source = in.policies.find(QStringLiteral("DOGroupIdSource"));
    const bool idSet = id && id->source != policy::PolicySource::Default && !id->value.isEmpty();
    const bool sourceSet = source && source->source != policy::PolicySource::Default;
    QStringList evidence{settingText(in.policies, QStringLiteral("DOGroupId")),
                         settingText(in.policies, QStringLiteral("DOGroupIdSource"))};
    if (mode != 2) {
        if (!idSet && !sourceSet)
            return c.result(
                Verdict::NotApplicable,
                Diag::tr("No group is configured and download mode is %1.").arg(modeText(mode)));
        CheckResult r = c.result(
            Verdict::Warn,
            Diag::tr("A group is configured but download mode is %1, so the group is ignored.")
                .arg(modeText(mode)));
        r.evidence = evidence;
        r.remedy = Diag::tr("To share within the group set DODownloadMode to 2; otherwise remove "
                            "DOGroupId and DOGroupIdSource to avoid confusion.");
        return r;
    }
    const discovery::DiscoveryStatus& d = in.activity.discovery;
    evidence << Diag::tr("Announced group: %1 (from %2)")
                    .arg(d.groupId.isEmpty() ? Diag::tr("none") : d.groupId, d.groupIdSource);
    if (d.groupId.isEmpty()) {
        CheckResult r =
            c.result(Verdict::Fail, Diag::tr("Group mode is configured but no group id could be "
                                             "determined, so no peers can be matched."));
        r.evidence = evidence;
        r.remedy = Diag::tr("Set DOGroupId to the same GUID on every device of the group, or "
                            "choose a DOGroupIdSource that resolves on this device.");
        return r;
    }
    CheckResult r = c.result(Verdict::Pass, Diag::tr("Group mode with group %1.").arg(d.groupId));
    r.evidence = evidence;
    return r;
}

CheckResult cacheFolder(const InstantCheck& c, const DiagnosticInputs& in)
{
    const QString dir = QDir::toNativeSeparators(in.cacheDir);
    const QFileInfo info(in.cacheDir);
    QStringList evidence{Diag::tr("Cache folder: %1").arg(dir),
                         settingText(in.policies, QStringLiteral("DOModifyCacheDrive"))};
    if (!info.exists() || !info.isDir()) {
        CheckResult r =
            c.result(Verdict::Fail, Diag::tr("The cache folder %1 does not exist.").arg(dir));
        r.evidence = evidence;
        r.remedy = Diag::tr("Create the folder (mkdir -p %1) with write access for the agent's "
                            "user, or point DOModifyCacheDrive at a folder that exists.")
                       .arg(dir);
        return r;
    }
    QTemporaryFile probe(in.cacheDir + QStringLiteral("/.write-test-XXXXXX"));
    if (!probe.open() || probe.write("x", 1) != 1 || !probe.flush()) {
        CheckResult r =
            c.result(Verdict::Fail, Diag::tr("The agent cannot write to the cache folder %1: %2")
                                        .arg(dir, probe.errorString()));
        r.evidence = evidence;
        r.remedy = Diag::tr("Give the agent's user write access (chown/chmod %1), or point "
                            "DOModifyCacheDrive at a writable folder.")
                       .arg(dir);
        return r;
    }
    const QStorageInfo storage(in.cacheDir);
    evidence << Diag::tr("%1 free of %2 on %3")
                    .arg(gbText(storage.bytesAvailable()), gbText(storage.bytesTotal()),
                         storage.rootPath());
    if (!in.configuredCacheDir.isEmpty() &&
        QDir::cleanPath(in.configuredCacheDir) != QDir::cleanPath(in.cacheDir)) {
        // The agent moves its cache while it runs, but only into a usable folder and only
        // while no download writes to it.
        const QString next = QDir::toNativeSeparators(in.configuredCacheDir);
        CheckResult r = c.result(
            Verdict::Warn,
            Diag::tr("DOModifyCacheDrive names %1, but the cache is still in %2.").arg(next, dir));
        r.evidence = evidence;
        if (in.cacheCopy.running()) {
            r.evidence << Diag::tr("Copied to the new drive: %1 of %2")
                              .arg(gbText(in.cacheCopy.copiedBytes),
                                   gbText(in.cacheCopy.totalBytes));
            r.remedy = Diag::tr("Wait for the copy: %1 is on another drive, so the content is "
                                "copied there. Downloads wait until it is done; peers are "
                                "served from the old folder meanwhile.")
                           .arg(next);
        } else if (!in.cacheMoveError.isEmpty()) {
            r.evidence << Diag::tr("Moving the cache failed: %1").arg(in.cacheMoveError);
            r.remedy = Diag::tr("Make %1 usable — create it with write access for the agent's "
                                "user (mkdir -p %1) and free enough space on its drive for the "
                                "cache — or set DOModifyCacheDrive to another folder. The agent "
                                "tries again by itself.")
                           .arg(next);
        } else if (in.downloadsUsingCache > 0) {
            r.evidence
                << Diag::tr("Downloads writing to the cache: %1").arg(in.downloadsUsingCache);
            r.remedy = Diag::tr("Let the running downloads finish or pause them: the cache then "
                                "moves to %1 with its content (copied first when it is on "
                                "another drive).")
                           .arg(next);
        } else {
            r.remedy = Diag::tr("Nothing holds the move up; run the check again in a few "
                                "seconds.");
        }
        return r;
    }
    CheckResult r = c.result(Verdict::Pass, Diag::tr("The cache folder exists and is writable."));
    r.evidence = evidence;
    return r;
}

CheckResult database(const InstantCheck& c, const DiagnosticInputs& in)
{
    const QStringList evidence{
        Diag::tr("State database: %1").arg(QDir::toNativeSeparators(in.databasePath)),
        Diag::tr("Integrity check: %1").arg(in.databaseCheck)};
    if (in.databaseCheck == QLatin1String("ok")) {
        CheckResult r = c.result(Verdict::Pass, Diag::tr("The state database is healthy."));
        r.evidence = evidence;
        return r;
    }
    CheckResult r = c.result(
        Verdict::Fail, Diag::tr("The state database reports damage: %1").arg(in.databaseCheck));
    r.evidence = evidence;
    r.remedy = Diag::tr("Stop the agent, move %1 aside and start it again: it starts with a fresh "
                        "database (download history and statistics are lost; cached content is "
                        "downloaded again).")
                   .arg(QDir::toNativeSeparators(in.databasePath));
    return r;
}

CheckResult vpn(const InstantCheck& c, const DiagnosticInputs& in)
{
    const policy::EffectivePolicy* keywordsSetting =
        in.policies.find(QStringLiteral("DOVpnKeywords"));
    const QStringList keywords =
        transfer::vpnKeywords(keywordsSetting ? keywordsSetting->value : QString());
    const QList<transfer::NetworkInterfaceFact> vpns =
        transfer::vpnInterfaces(in.system.interfaces, keywords);
    QStringList evidence{Diag::tr("Keywords: %1").arg(keywords.join(QStringLiteral(", "))),
                         settingText(in.policies, QStringLiteral("DOAllowVPNPeerCaching"))};
    QStringList up;
    for (const transfer::NetworkInterfaceFact& f : in.system.interfaces)
        if (f.up)
            up << f.name;
    evidence << Diag::tr("Interfaces up: %1").arg(up.join(QStringLiteral(", ")));
    if (vpns.isEmpty()) {
        CheckResult r = c.result(Verdict::Pass, Diag::tr("No VPN interface is up."));
        r.evidence = evidence;
        return r;
    }
    QStringList names;
    for (const transfer::NetworkInterfaceFact& f : vpns)
        names << f.name;
    const bool allowed = in.policies.number(QStringLiteral("DOAllowVPNPeerCaching")) != 0;
    const bool localOnly = transfer::restrictsToLocalPeers(in.policies);
    const QString list = names.join(QStringLiteral(", "));
    CheckResult r = c.result(
        allowed || localOnly ? Verdict::Warn : Verdict::Fail,
        allowed
            ? Diag::tr("A VPN is up (%1); DOAllowVPNPeerCaching lets peering continue.").arg(list)
        : localOnly ? Diag::tr("A VPN is up (%1); peering continues only with peers that local "
                               "peer discovery (DNS-SD) finds on this network, which the VPN gate "
                               "exempts.")
                          .arg(list)
                    : Diag::tr("A VPN is up (%1), so this device neither downloads from nor "
                               "uploads to peers (DO error 0x80D03807).")
                          .arg(list));
    r.evidence = evidence;
    if (localOnly)
        r.evidence << settingText(in.policies, QStringLiteral("DORestrictPeerSelectionBy"));
    if (allowed) {
        r.remedy = Diag::tr("Peers seen through a VPN may be far away; set DOAllowVPNPeerCaching "
                            "to 0 if peering over the VPN is not wanted.");
        return r;
    }
    r.remedy = Diag::tr("If %1 is not a VPN, remove the matching word from DOVpnKeywords; if it "
                        "is and peering over it is wanted, set DOAllowVPNPeerCaching to 1.")
                   .arg(names.join(QStringLiteral(", ")));
    r.fix << change(QStringLiteral("DOAllowVPNPeerCaching"), QStringLiteral("1"));
    return r;
}

} // namespace

QList<CheckFactory> deviceChecks()
{
    return {
        instantCheck(QStringLiteral("device.agent"), CheckGroup::Device, Diag::tr("Agent running"),
                     agentRunning),
        instantCheck(QStringLiteral("device.download_mode"), CheckGroup::Device,
                     Diag::tr("Download mode"), downloadMode),
        instantCheck(QStringLiteral("device.group_id"), CheckGroup::Device,
                     Diag::tr("Group settings"), groupSettings),
        instantCheck(QStringLiteral("device.cache_folder"), CheckGroup::Device,
                     Diag::tr("Cache folder access"), cacheFolder),
        instantCheck(QStringLiteral("device.database"), CheckGroup::Device,
                     Diag::tr("State database"), database),
        instantCheck(QStringLiteral("device.vpn"), CheckGroup::Device, Diag::tr("VPN"), vpn),
    };
}

} // namespace opendo::diagnostics
