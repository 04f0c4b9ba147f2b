#include "policy/CacheHostList.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace opendo::policy {

namespace {

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct CacheHostListText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::policy)
};

bool isHostName(const QString& name)
{
    // RFC 1123 labels: letters, digits and inner hyphens, 1-63 characters; 253 in all.
    static const QRegularExpression label(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (name.isEmpty() || name.size() > 253)
        return false;
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString& l : labels) {
        if (!label.match(l).hasMatch())
            return false;
    }
    return true;
}

} // namespace

QString CacheHostEntry::authority() const
{
    const bool v6 = host.contains(QLatin1Char(':'));
    const QString h = v6 ? QStringLiteral("[%1]").arg(host) : host;
    return port == 80 ? h : QStringLiteral("%1:%2").arg(h).arg(port);
}

std::optional<CacheHostEntry> parseCacheHost(const QString& item, QString* why)
{
    auto fail = [why](const QString& reason) -> std::optional<CacheHostEntry> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    const QString text = item.trimmed();
    if (text.isEmpty())
        return fail(CacheHostListText::tr("the name is empty"));
    if (text.contains(QLatin1String("://")) || text.contains(QLatin1Char('/')))
        return fail(CacheHostListText::tr("give a host name or address, not a URL"));

    CacheHostEntry entry;
    QString host = text;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(
                CacheHostListText::tr("an IPv6 address in brackets lacks its closing bracket"));
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return fail(CacheHostListText::tr("only a port may follow the IPv6 address"));
            port = rest.mid(1);
        }
        if (QHostAddress(host).protocol() != QAbstractSocket::IPv6Protocol)
            return fail(CacheHostListText::tr("the part in brackets is not an IPv6 address"));
    } else if (text.count(QLatin1Char(':')) > 1) {
        // Several colons: a bare IPv6 address, which cannot carry a port.
        if (QHostAddress(text).protocol() != QAbstractSocket::IPv6Protocol)
            return fail(CacheHostListText::tr("it is neither a host name nor an IP address"));
    } else if (const qsizetype colon = text.indexOf(QLatin1Char(':')); colon >= 0) {
        host = text.left(colon);
        port = text.mid(colon + 1);
    }
    if (!port.isNull()) {
        bool ok = false;
        const uint number = port.toUInt(&ok);
        if (!ok || number == 0 || number > 65535)
            return fail(CacheHostListText::tr("the port must be a number from 1 to 65535"));
        entry.port = quint16(number);
    }
    const QHostAddress address(host);
    if (address.isNull() && !isHostName(host))
        return fail(CacheHostListText::tr("it is neither a host name nor an IP address"));
    entry.host = address.isNull() ? host.toLower() : address.toString();
    return entry;
}

std::optional<QList<CacheHostEntry>> parseEveryCacheHost(const QStringList& items, QString* why)
{
    QList<CacheHostEntry> hosts;
    for (const QString& item : items) {
        QString itemWhy;
        const auto host = parseCacheHost(item.trimmed(), &itemWhy);
        if (!host) {
            if (why)
                *why = QStringLiteral("\"%1\": %2").arg(item.trimmed(), itemWhy);
            return std::nullopt;
        }
        hosts << *host;
    }
    return hosts;
}

QStringList cacheHostAuthorities(const QList<CacheHostEntry>& hosts)
{
    QStringList out;
    for (const CacheHostEntry& h : hosts)
        out << h.authority();
    return out;
}

QList<CacheHostEntry> parseCacheHostList(const QString& value)
{
    QList<CacheHostEntry> entries;
    for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const auto entry = parseCacheHost(item))
            entries << *entry;
    }
    return entries;
}

} // namespace opendo::policy
