// proxyFor() and the per-manager proxy factory behind configureProxy(): which proxy, if any,
// a request to a URL goes through, decided the way curl reads the proxy environment.

#include "transfer/HttpRangeSource.h"

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QProcess>
#include <optional>

namespace opendo::transfer {

namespace {

QString envValue(const QStringList& environment, const QString& name)
{
    const QString prefix = name + QLatin1Char('=');
    for (const QString& entry : environment) {
        if (entry.startsWith(prefix))
            return entry.mid(prefix.size()).trimmed();
    }
    return {};
}

// The lower-case form comes first, as in curl (where it is the only form for http_proxy).
QString envPair(const QStringList& environment, const char* lower, const char* upper)
{
    const QString value = envValue(environment, QString::fromLatin1(lower));
    return value.isEmpty() ? envValue(environment, QString::fromLatin1(upper)) : value;
}

QString normalHost(QString host)
{
    host = host.trimmed().toLower();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    return host;
}

// One no_proxy entry: "*", a name (matching itself and its subdomains; a leading "." or "*."
// changes nothing), an IP literal (exact), or a CIDR block; names and IPs may carry ":port"
// (IPv6 with a port as "[::1]:8080").
bool entryMatches(QString entry, const QString& host, const QHostAddress& hostIp, int port)
{
    entry = entry.trimmed().toLower();
    if (entry.isEmpty())
        return false;
    if (entry == QLatin1String("*"))
        return true;

    if (entry.contains(QLatin1Char('/'))) {
        const auto subnet = QHostAddress::parseSubnet(entry);
        return !hostIp.isNull() &&
               subnet.first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol &&
               hostIp.isInSubnet(subnet);
    }

    int entryPort = -1;
    if (entry.startsWith(QLatin1Char('['))) {
        const qsizetype close = entry.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        const QString rest = entry.mid(close + 1);
        if (rest.startsWith(QLatin1Char(':')))
            entryPort = rest.mid(1).toInt();
        entry = entry.mid(1, close - 1);
    } else if (entry.count(QLatin1Char(':')) == 1) { // more than one colon: a bare IPv6 literal
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        bool ok = false;
        entryPort = entry.mid(colon + 1).toInt(&ok);
        if (!ok)
            return false;
        entry = entry.left(colon);
    }
    if (entryPort >= 0 && entryPort != port)
        return false;

    const QHostAddress entryIp(entry);
    if (!entryIp.isNull() || !hostIp.isNull()) // IP literals only ever match exactly
        return !entryIp.isNull() && !hostIp.isNull() && entryIp.isEqual(hostIp);

    if (entry.startsWith(QLatin1String("*.")))
        entry = entry.mid(2);
    else if (entry.startsWith(QLatin1Char('.')))
        entry = entry.mid(1);
    entry = normalHost(entry);
    if (entry.isEmpty())
        return false;
    return host == entry || host.endsWith(QLatin1Char('.') + entry);
}

bool excluded(const QUrl& url, const QString& noProxy)
{
    if (noProxy.isEmpty())
        return false;
    const QString host = normalHost(url.host());
    const QHostAddress hostIp(host);
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    const int port = url.port(defaultPort);
    const QStringList entries = noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& entry : entries) {
        if (entryMatches(entry, host, hostIp, port))
            return true;
    }
    return false;
}

// "host:port", "http://host:port", "socks5://user:pass@host:port"; nullopt when unusable.
std::optional<QNetworkProxy> parseProxy(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    const QUrl url = QUrl(
        trimmed.contains(QLatin1String("://")) ? trimmed : QStringLiteral("http://") + trimmed);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    const bool socks = scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h");
    // 1080 when the port is missing, as curl does for every proxy type.
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                        static_cast<quint16>(url.port(1080)));
    if (!url.userName().isEmpty()) {
        proxy.setUser(url.userName(QUrl::FullyDecoded));
        proxy.setPassword(url.password(QUrl::FullyDecoded));
    }
    return proxy;
}

class ProxyResolver : public QNetworkProxyFactory
{
public:
    ProxyResolver(QString explicitProxy, QStringList environment)
        : m_explicit(std::move(explicitProxy)), m_environment(std::move(environment))
    {}

    // Called by the manager (possibly from its HTTP thread): uses only data fixed at creation.
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override
    {
        return {proxyFor(query.url(), m_explicit, m_environment)};
    }

private:
    const QString m_explicit;
    const QStringList m_environment;
};

} // namespace

QNetworkProxy proxyFor(const QUrl& url, const QString& explicitProxy,
                       const QStringList& environment)
{
    // The explicit proxy is the agent's own setting: it applies to every URL (no_proxy belongs
    // to the environment's proxies). An unusable explicit value falls back to the environment
    // rather than silently sending everything direct.
    if (const auto proxy = parseProxy(explicitProxy))
        return *proxy;

    const QString scheme = url.scheme().toLower();
    QString fromEnv;
    if (scheme == QLatin1String("http"))
        fromEnv = envPair(environment, "http_proxy", "HTTP_PROXY");
    else if (scheme == QLatin1String("https"))
        fromEnv = envPair(environment, "https_proxy", "HTTPS_PROXY");
    const auto proxy = parseProxy(fromEnv);
    if (!proxy || excluded(url, envPair(environment, "no_proxy", "NO_PROXY")))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return *proxy;
}

void configureProxy(QNetworkAccessManager& network, const QString& explicitProxy)
{
    // The environment is read once: the agent's environment does not change under it, and the
    // factory must not touch process-global state from the manager's HTTP thread.
    network.setProxyFactory(new ProxyResolver(explicitProxy, QProcess::systemEnvironment()));
}

} // namespace opendo::transfer
