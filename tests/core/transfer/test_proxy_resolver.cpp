// Which proxy a URL goes through: the explicit setting, the *_proxy environment variables, and
// the no_proxy exclusions (names, domain suffixes, IP literals, CIDR blocks, ports, "*").

#include "transfer/HttpRangeSource.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QTest>

using namespace opendo::transfer;

class ProxyResolverTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void proxyFor_data();
    void proxyFor();
    void credentialsFromTheProxyUrl();
    void configureProxyInstallsAFactory();
};

namespace {
QString describe(const QNetworkProxy& p)
{
    switch (p.type()) {
    case QNetworkProxy::NoProxy:
        return QStringLiteral("DIRECT");
    case QNetworkProxy::HttpProxy:
        return QStringLiteral("http %1:%2").arg(p.hostName()).arg(p.port());
    case QNetworkProxy::Socks5Proxy:
        return QStringLiteral("socks5 %1:%2").arg(p.hostName()).arg(p.port());
    default:
        return QStringLiteral("other");
    }
}
} // namespace

void ProxyResolverTest::proxyFor_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("explicitProxy");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expected");

    const QString p = "http proxy.lan:3128";
    const QStringList http{"PATH=/usr/bin", "http_proxy=http://proxy.lan:3128"};
    const auto with = [&](const QString& noProxy) {
        return http + QStringList{"no_proxy=" + noProxy};
    };

    QTest::newRow("nothing set") << "http://a.example.com/f"
                                 << "" << QStringList{"PATH=/bin"} << "DIRECT";
    QTest::newRow("http_proxy for http") << "http://a.example.com/f"
                                         << "" << http << p;
    QTest::newRow("http_proxy not for https") << "https://a.example.com/f"
                                              << "" << http << "DIRECT";
    QTest::newRow("https_proxy for https")
        << "https://a.example.com/f"
        << "" << QStringList{"https_proxy=http://sec.lan:8443"} << "http sec.lan:8443";
    QTest::newRow("HTTPS_PROXY upper case")
        << "https://a.example.com/f"
        << "" << QStringList{"HTTPS_PROXY=http://sec.lan:8443"} << "http sec.lan:8443";
    QTest::newRow("HTTP_PROXY upper case")
        << "http://a.example.com/f"
        << "" << QStringList{"HTTP_PROXY=http://up.lan:1"} << "http up.lan:1";
    QTest::newRow("lower case wins")
        << "http://a.example.com/f"
        << "" << QStringList{"HTTP_PROXY=http://up.lan:1", "http_proxy=http://low.lan:2"}
        << "http low.lan:2";
    QTest::newRow("proxy without scheme") << "http://a.example.com/f"
                                          << "" << QStringList{"http_proxy=proxy.lan:3128"} << p;
    QTest::newRow("proxy without port uses 1080")
        << "http://a.example.com/f"
        << "" << QStringList{"http_proxy=http://proxy.lan"} << "http proxy.lan:1080";
    QTest::newRow("socks5 proxy") << "http://a.example.com/f"
                                  << "" << QStringList{"http_proxy=socks5h://s.lan:1081"}
                                  << "socks5 s.lan:1081";
    QTest::newRow("empty proxy variable") << "http://a.example.com/f"
                                          << "" << QStringList{"http_proxy="} << "DIRECT";
    QTest::newRow("explicit wins over environment")
        << "http://a.example.com/f"
        << "http://127.0.0.1:8888" << http << "http 127.0.0.1:8888";
    QTest::newRow("explicit for https too")
        << "https://a.example.com/f"
        << "http://127.0.0.1:8888" << QStringList{} << "http 127.0.0.1:8888";
    QTest::newRow("explicit ignores no_proxy")
        << "http://a.example.com/f"
        << "http://127.0.0.1:8888" << with("*") << "http 127.0.0.1:8888";
    QTest::newRow("unusable explicit falls back to environment") << "http://a.example.com/f"
                                                                 << "http://" << http << p;

    QTest::newRow("no_proxy *") << "http://a.example.com/f"
                                << "" << with("*") << "DIRECT";
    QTest::newRow("no_proxy exact host") << "http://a.example.com/f"
                                         << "" << with("a.example.com") << "DIRECT";
    QTest::newRow("no_proxy other host") << "http://a.example.com/f"
                                         << "" << with("b.example.com") << p;
    QTest::newRow("no_proxy domain suffix") << "http://a.example.com/f"
                                            << "" << with("example.com") << "DIRECT";
    QTest::newRow("no_proxy leading dot, subdomain") << "http://a.b.example.com/f"
                                                     << "" << with(".example.com") << "DIRECT";
    QTest::newRow("no_proxy leading dot, domain itself") << "http://example.com/f"
                                                         << "" << with(".example.com") << "DIRECT";
    QTest::newRow("no_proxy *. prefix") << "http://a.example.com/f"
                                        << "" << with("*.example.com") << "DIRECT";
    QTest::newRow("no_proxy is not a substring match") << "http://badexample.com/f"
                                                       << "" << with("example.com") << p;
    QTest::newRow("no_proxy case-insensitive") << "http://A.Example.COM/f"
                                               << "" << with("EXAMPLE.com") << "DIRECT";
    QTest::newRow("no_proxy list with spaces") << "http://b.org/f"
                                               << "" << with(" a.com , b.org ,") << "DIRECT";
    QTest::newRow("NO_PROXY upper case")
        << "http://a.example.com/f"
        << "" << (http + QStringList{"NO_PROXY=example.com"}) << "DIRECT";
    QTest::newRow("no_proxy IP exact") << "http://10.1.2.3/f"
                                       << "" << with("10.1.2.3") << "DIRECT";
    QTest::newRow("no_proxy IP is not a prefix") << "http://10.1.2.30/f"
                                                 << "" << with("10.1.2.3") << p;
    QTest::newRow("no_proxy name does not suffix-match an IP") << "http://10.0.0.1/f"
                                                               << "" << with("0.0.1") << p;
    QTest::newRow("no_proxy CIDR v4") << "http://10.200.1.1/f"
                                      << "" << with("10.0.0.0/8") << "DIRECT";
    QTest::newRow("no_proxy CIDR v4 outside") << "http://11.0.0.1/f"
                                              << "" << with("10.0.0.0/8") << p;
    QTest::newRow("no_proxy loopback CIDR") << "http://127.0.0.5:8080/f"
                                            << "" << with("127.0.0.0/8") << "DIRECT";
    QTest::newRow("no_proxy CIDR does not match names") << "http://localhost/f"
                                                        << "" << with("127.0.0.0/8") << p;
    QTest::newRow("no_proxy CIDR v6") << "http://[fd12::1]/f"
                                      << "" << with("fd00::/8") << "DIRECT";
    QTest::newRow("no_proxy IPv6 literal") << "http://[::1]:8080/f"
                                           << "" << with("::1") << "DIRECT";
    QTest::newRow("no_proxy host:port matching") << "http://example.com:8080/f"
                                                 << "" << with("example.com:8080") << "DIRECT";
    QTest::newRow("no_proxy host:port other port") << "http://example.com/f"
                                                   << "" << with("example.com:8080") << p;
    QTest::newRow("no_proxy host:port default port") << "http://example.com/f"
                                                     << "" << with("example.com:80") << "DIRECT";
    QTest::newRow("no_proxy [v6]:port") << "http://[::1]:8080/f"
                                        << "" << with("[::1]:8080") << "DIRECT";
    QTest::newRow("no_proxy [v6]:port other port") << "http://[::1]:9090/f"
                                                   << "" << with("[::1]:8080") << p;
    QTest::newRow("no_proxy IP:port") << "http://10.1.2.3:81/f"
                                      << "" << with("10.1.2.3:81") << "DIRECT";
}

void ProxyResolverTest::proxyFor()
{
    QFETCH(QString, url);
    QFETCH(QString, explicitProxy);
    QFETCH(QStringList, environment);
    QFETCH(QString, expected);
    QCOMPARE(describe(opendo::transfer::proxyFor(QUrl(url), explicitProxy, environment)), expected);
}

void ProxyResolverTest::credentialsFromTheProxyUrl()
{
    const QNetworkProxy proxy = opendo::transfer::proxyFor(
        QUrl("http://a.example.com/"), "", {"http_proxy=http://me:s%40cret@proxy.lan:3128"});
    QCOMPARE(proxy.user(), QString("me"));
    QCOMPARE(proxy.password(), QString("s@cret"));
}

void ProxyResolverTest::configureProxyInstallsAFactory()
{
    QNetworkAccessManager network;
    configureProxy(network, "http://127.0.0.1:3128");
    QVERIFY(network.proxyFactory());
    const QList<QNetworkProxy> proxies =
        network.proxyFactory()->queryProxy(QNetworkProxyQuery(QUrl("http://127.0.0.9/x")));
    QCOMPARE(proxies.size(), 1);
    QCOMPARE(describe(proxies.front()), QString("http 127.0.0.1:3128"));
}

QTEST_GUILESS_MAIN(ProxyResolverTest)
#include "test_proxy_resolver.moc"
