#include "discovery/server/NatMap.h"

#include "peer/PlainAddress.h"

#include <QCoreApplication>
#include <cstring>

namespace opendo::discovery {
namespace {

bool isIp(const QHostAddress& address)
{
    return address.protocol() == QAbstractSocket::IPv4Protocol ||
           address.protocol() == QAbstractSocket::IPv6Protocol;
}

QHostAddress parseAddress(const QString& text)
{
    const QString trimmed = text.trimmed();
    // Scoped addresses would compare unequal to the same address seen without a scope.
    if (trimmed.isEmpty() || trimmed.contains(QLatin1Char('%')))
        return {};
    QHostAddress address;
    if (!address.setAddress(trimmed) || !isIp(address))
        return {};
    // inet_aton forms such as "127.1" are valid to QHostAddress but read as typos in a rule.
    if (address.protocol() == QAbstractSocket::IPv4Protocol && trimmed.count(QLatin1Char('.')) != 3)
        return {};
    return peer::plainAddress(address);
}

// Negative, zero or positive like memcmp; only for addresses of the same family.
int compare(const QHostAddress& a, const QHostAddress& b)
{
    if (a.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 x = a.toIPv4Address();
        const quint32 y = b.toIPv4Address();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    const Q_IPV6ADDR x = a.toIPv6Address();
    const Q_IPV6ADDR y = b.toIPv6Address();
    return std::memcmp(x.c, y.c, 16);
}

// The first and last address of base/prefix.
std::pair<QHostAddress, QHostAddress> subnetRange(const QHostAddress& base, int prefix)
{
    if (base.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
        const quint32 v4 = base.toIPv4Address();
        return {QHostAddress(v4 & mask), QHostAddress(v4 | ~mask)};
    }
    Q_IPV6ADDR first = base.toIPv6Address();
    Q_IPV6ADDR last = first;
    for (int i = 0; i < 16; ++i) {
        const int bits = std::clamp(prefix - i * 8, 0, 8);
        const auto mask = quint8(bits == 0 ? 0 : 0xff << (8 - bits));
        first[i] = quint8(first[i] & mask);
        last[i] = quint8(last[i] | quint8(~mask));
    }
    return {QHostAddress(first), QHostAddress(last)};
}

QString ruleError(const QString& rule, const QString& why)
{
    return QCoreApplication::translate("opendo::discovery", "Invalid NAT map rule \"%1\": %2")
        .arg(rule, why);
}

} // namespace

bool NatMap::addRule(const QString& rule, QString* error)
{
    const auto fail = [&](const QString& why) {
        if (error)
            *error = ruleError(rule, why);
        return false;
    };
    const QStringList sides = rule.split(QLatin1Char('='));
    if (sides.size() != 2)
        return fail(QCoreApplication::translate(
            "opendo::discovery", "expected FIRST-LAST=PUBLIC, ADDRESS/PREFIX=PUBLIC or "
                                 "ADDRESS=PUBLIC"));
    const QHostAddress publicAddress = parseAddress(sides[1]);
    if (publicAddress.isNull())
        return fail(QCoreApplication::translate("opendo::discovery",
                                                "the public address is not an IP address"));

    const QString from = sides[0].trimmed();
    Rule parsed;
    parsed.publicAddress = publicAddress;
    if (from.contains(QLatin1Char('/'))) {
        const qsizetype slash = from.indexOf(QLatin1Char('/'));
        const QHostAddress base = parseAddress(from.left(slash));
        const QString prefixText = from.mid(slash + 1);
        bool digits = !prefixText.isEmpty() && prefixText.size() <= 3;
        for (const QChar c : prefixText)
            digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        const int prefix = digits ? prefixText.toInt() : -1;
        const int maxPrefix = base.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        if (base.isNull() || prefix < 0 || prefix > maxPrefix)
            return fail(QCoreApplication::translate("opendo::discovery",
                                                    "the subnet is not ADDRESS/PREFIX"));
        std::tie(parsed.first, parsed.last) = subnetRange(base, prefix);
    } else if (from.contains(QLatin1Char('-'))) {
        const QStringList ends = from.split(QLatin1Char('-'));
        if (ends.size() != 2)
            return fail(QCoreApplication::translate("opendo::discovery", "a range is FIRST-LAST"));
        parsed.first = parseAddress(ends[0]);
        parsed.last = parseAddress(ends[1]);
        if (parsed.first.isNull() || parsed.last.isNull())
            return fail(QCoreApplication::translate("opendo::discovery",
                                                    "the ends of the range are not IP addresses"));
        if (parsed.first.protocol() != parsed.last.protocol())
            return fail(
                QCoreApplication::translate("opendo::discovery", "the range mixes IPv4 and IPv6"));
        if (compare(parsed.first, parsed.last) > 0)
            return fail(QCoreApplication::translate(
                "opendo::discovery", "the first address of the range is after the last"));
    } else {
        parsed.first = parseAddress(from);
        if (parsed.first.isNull())
            return fail(QCoreApplication::translate("opendo::discovery",
                                                    "the mapped address is not an IP address"));
        parsed.last = parsed.first;
    }
    m_rules.push_back(std::move(parsed));
    return true;
}

QHostAddress NatMap::publicAddressOf(const QHostAddress& seen) const
{
    // A dual-stack listener reports IPv4 clients as ::ffff:a.b.c.d; rules are written in IPv4.
    const QHostAddress address = peer::plainAddress(seen);
    for (const Rule& rule : m_rules) {
        if (rule.first.protocol() != address.protocol())
            continue;
        if (compare(rule.first, address) <= 0 && compare(address, rule.last) <= 0)
            return rule.publicAddress;
    }
    return seen;
}

} // namespace opendo::discovery
