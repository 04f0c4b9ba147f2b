#include "discovery/GroupIdResolver.h"

#include "common/DhcpLeaseOptions.h"

#include <QCoreApplication>
#include <QFile>

namespace opendo::discovery {

namespace {

constexpr qint64 kMaxConfigFileBytes = 1024 * 1024;

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct GroupIdResolverText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::discovery)
};

QByteArray readSmallFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(kMaxConfigFileBytes);
}

GroupIdResolution fromSetting(const QString& value, const char* name, const QString& label)
{
    GroupIdResolution r;
    r.groupId = value.trimmed();
    r.source = QStringLiteral("%1 (%2)").arg(label, QString::fromLatin1(name));
    return r;
}

GroupIdResolution adSite(const GroupIdInputs& in)
{
    return fromSetting(in.adSite, "AdSite", GroupIdResolverText::tr("AD site"));
}

GroupIdResolution domainSid(const GroupIdInputs& in)
{
    return fromSetting(in.domainSid, "AdDomainSid", GroupIdResolverText::tr("domain SID"));
}

GroupIdResolution tenant(const GroupIdInputs& in)
{
    return fromSetting(in.entraTenantId, "EntraTenantId",
                       GroupIdResolverText::tr("Entra tenant id"));
}

GroupIdResolution defaultOrder(const GroupIdInputs& in)
{
    const GroupIdResolution candidates[] = {adSite(in), domainSid(in), tenant(in)};
    for (const GroupIdResolution& c : candidates) {
        if (!c.groupId.isEmpty())
            return c;
    }
    GroupIdResolution none;
    none.problem = GroupIdResolverText::tr(
        "no group id: set DOGroupId, or DOGroupIdSource with its source (AdSite, "
        "AdDomainSid or EntraTenantId agent setting, a DHCP option 234 lease, or a "
        "DNS search suffix)");
    return none;
}

GroupIdResolution fromDhcp(const GroupIdInputs& inputs)
{
    const DhcpOptionFound option = findDhcpOption(234, inputs.leaseDirectories);
    if (!option.found())
        return {};
    return {
        option.value, GroupIdResolverText::tr("DHCP option 234 (%1)").arg(option.leaseFile), {}};
}

GroupIdResolution fromDns(const GroupIdInputs& inputs)
{
    for (const QString& path : inputs.resolvConfPaths) {
        const QString suffix = dnsSuffixFrom(readSmallFile(path));
        if (!suffix.isEmpty())
            return {suffix, GroupIdResolverText::tr("DNS suffix (%1)").arg(path), {}};
    }
    return {};
}

} // namespace

QString dnsSuffixFrom(const QByteArray& resolvConf)
{
    QString domain;
    for (const QByteArray& raw : resolvConf.split('\n')) {
        const QString line = QString::fromUtf8(raw).simplified();
        if (line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() < 2)
            continue;
        // resolv.conf: the last "search" or "domain" line wins; the first suffix of a search
        // list is the device's own domain.
        if ((words[0] == QLatin1String("search") || words[0] == QLatin1String("domain")) &&
            words[1] != QLatin1String("."))
            domain = words[1].toLower();
    }
    while (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    return domain;
}

GroupIdResolution resolveGroupId(const policy::PolicySnapshot& policies,
                                 const GroupIdInputs& inputs)
{
    // DOGroupId wins when set (the reference page's reading; the ADML says the opposite, see
    // the policy catalog's help text).
    if (const policy::EffectivePolicy* id = policies.find(QStringLiteral("DOGroupId"));
        id && !id->value.trimmed().isEmpty())
        return {id->value.trimmed(), QStringLiteral("DOGroupId"), {}};
    switch (policies.number(QStringLiteral("DOGroupIdSource"))) {
    case 1:
        if (auto r = adSite(inputs); !r.groupId.isEmpty())
            return r;
        break;
    case 2:
        if (auto r = domainSid(inputs); !r.groupId.isEmpty())
            return r;
        break;
    case 3:
        if (auto r = fromDhcp(inputs); !r.groupId.isEmpty())
            return r;
        break;
    case 4:
        if (auto r = fromDns(inputs); !r.groupId.isEmpty())
            return r;
        break;
    case 5:
        if (auto r = tenant(inputs); !r.groupId.isEmpty())
            return r;
        break;
    default:
        break;
    }
    return defaultOrder(inputs);
}

} // namespace opendo::discovery
