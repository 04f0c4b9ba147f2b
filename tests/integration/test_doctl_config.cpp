// `doctl config` as a user runs it: a real process on a real data directory.

#include "support/ProcessRunner.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::test;

class DoctlConfigTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void listJsonHasEverySettingWithItsFacts();
    void setGetResetWithSources();
    void invalidValueFailsWithMessageAndChangesNothing();
    void unknownKeyAndUsageErrors();
    void businessHoursAsOneValue();
    void exportImportRoundTrip_data();
    void exportImportRoundTrip();
    void malformedImportChangesNothing();
    void staticPeersSettingIsCheckedAndKept();
    void discoveryUrlSettingIsChecked();
    void localDiscoveryPortIsChecked();

private:
    ProcessResult doctl(const QStringList& args);
    QJsonObject setting(const QString& key);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void DoctlConfigTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

ProcessResult DoctlConfigTest::doctl(const QStringList& args)
{
    return runProgram(executable("doctl"),
                      QStringList{"--data-dir", m_dir->filePath("data")} + args);
}

QJsonObject DoctlConfigTest::setting(const QString& key)
{
    const ProcessResult r = doctl({"config", "get", key, "--json"});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void DoctlConfigTest::listJsonHasEverySettingWithItsFacts()
{
    const ProcessResult r = doctl({"config", "list", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    // Every DO policy, then OpenDO's StaticPeers, DiscoveryUrl, AdSite, AdDomainSid,
    // EntraTenantId, DhcpLeaseFolders and LocalDiscoveryPort.
    QCOMPARE(rows.size(), 40 + 7);
    QJsonObject cacheSize;
    for (const QJsonValue& v : rows) {
        const QJsonObject o = v.toObject();
        for (const char* field : {"key", "value", "default", "min", "max", "source"})
            QVERIFY2(o.contains(QLatin1String(field)), field);
        if (o["key"].toString() == "DOMaxCacheSize")
            cacheSize = o;
    }
    QCOMPARE(cacheSize["value"].toInteger(), 20);
    QCOMPARE(cacheSize["default"].toInteger(), 20);
    QCOMPARE(cacheSize["min"].toInteger(), 1);
    QCOMPARE(cacheSize["max"].toInteger(), 100);
    QCOMPARE(cacheSize["source"].toString(), QString("default"));
}

void DoctlConfigTest::setGetResetWithSources()
{
    QCOMPARE(doctl({"config", "set", "DODownloadMode", "3"}).exitCode, 0);
    QCOMPARE(setting("DODownloadMode")["source"].toString(), QString("local"));
    QCOMPARE(doctl({"config", "set", "DODownloadMode", "2", "--policy"}).exitCode, 0);
    QJsonObject o = setting("DODownloadMode");
    QCOMPARE(o["value"].toInteger(), 2);
    QCOMPARE(o["source"].toString(), QString("policy"));
    QCOMPARE(o["localValue"].toInteger(), 3);
    const ProcessResult plain = doctl({"config", "get", "DODownloadMode"});
    QCOMPARE(plain.out.trimmed(), QString("2"));
    QCOMPARE(doctl({"config", "reset", "DODownloadMode", "--policy"}).exitCode, 0);
    QCOMPARE(setting("DODownloadMode")["value"].toInteger(), 3);
    QCOMPARE(doctl({"config", "reset", "DODownloadMode"}).exitCode, 0);
    o = setting("DODownloadMode");
    QCOMPARE(o["source"].toString(), QString("default"));
    QCOMPARE(o["value"].toInteger(), 1);
}

void DoctlConfigTest::invalidValueFailsWithMessageAndChangesNothing()
{
    QCOMPARE(doctl({"config", "set", "DOMaxCacheSize", "30"}).exitCode, 0);
    const ProcessResult r = doctl({"config", "set", "DOMaxCacheSize", "150"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("DOMaxCacheSize") && r.err.contains("150") && r.err.contains("100"),
             qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(setting("DOMaxCacheSize")["value"].toInteger(), 30);
    const ProcessResult guid = doctl({"config", "set", "DOGroupId", "not-a-guid"});
    QCOMPARE(guid.exitCode, 1);
    QVERIFY2(guid.err.contains("GUID"), qPrintable(guid.err));
}

void DoctlConfigTest::unknownKeyAndUsageErrors()
{
    ProcessResult r = doctl({"config", "set", "DOWarpSpeed", "9"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("DOWarpSpeed"));
    r = doctl({"config", "frobnicate", "x"});
    QCOMPARE(r.exitCode, 2);
    r = doctl({"config", "set", "DOMaxCacheSize"});
    QCOMPARE(r.exitCode, 2);
    r = doctl({"teleport"});
    QCOMPARE(r.exitCode, 2);
}

void DoctlConfigTest::businessHoursAsOneValue()
{
    const QString key = "DOSetHoursToLimitBackgroundDownloadBandwidth";
    QCOMPARE(doctl({"config", "set", key, "8-17 in=20 out=90"}).exitCode, 0);
    QCOMPARE(setting(key + "_In")["value"].toInteger(), 20);
    QCOMPARE(setting(key)["value"].toString(), QString("8-17 in=20 out=90"));
    const ProcessResult r = doctl({"config", "set", key, "9-9 in=20 out=90"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("09:00"), qPrintable(r.err));
    QCOMPARE(setting(key + "_From")["value"].toInteger(), 8);
}

void DoctlConfigTest::exportImportRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("reg") << "fleet.reg";
    QTest::addRow("pol") << "Registry.pol";
    QTest::addRow("syncml") << "fleet.xml";
    QTest::addRow("json") << "fleet.json";
}

void DoctlConfigTest::exportImportRoundTrip()
{
    QFETCH(QString, file);
    QCOMPARE(doctl({"config", "set", "DODownloadMode", "2", "--policy"}).exitCode, 0);
    QCOMPARE(doctl({"config", "set", "DOGroupId", "1f2e3d4c-5b6a-4789-8123-456789abcdef"}).exitCode,
             0);
    QCOMPARE(
        doctl({"config", "set", "DOSetHoursToLimitForegroundDownloadBandwidth", "22-6 in=10 out=0"})
            .exitCode,
        0);
    const QString path = m_dir->filePath(file);
    QCOMPARE(doctl({"config", "export", path}).exitCode, 0);
    const QByteArray exported = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(!exported.isEmpty());

    // A second device imports the file and ends up with the same effective settings.
    const QString other = m_dir->filePath("other");
    const ProcessResult imported =
        runProgram(executable("doctl"), {"--data-dir", other, "config", "import", path});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const ProcessResult list =
        runProgram(executable("doctl"), {"--data-dir", other, "config", "list", "--json"});
    QMap<QString, QJsonValue> values;
    for (const QJsonValue& v : QJsonDocument::fromJson(list.out.toUtf8()).array())
        values.insert(v.toObject()["key"].toString(), v.toObject()["value"]);
    QCOMPARE(values["DODownloadMode"].toInteger(), 2);
    QCOMPARE(values["DOGroupId"].toString(), QString("1f2e3d4c-5b6a-4789-8123-456789abcdef"));
    QCOMPARE(values["DOSetHoursToLimitForegroundDownloadBandwidth"].toString(),
             QString("22-6 in=10 out=0"));

    // And exporting from it gives the same bytes: nothing was lost or reinterpreted.
    const QString again = m_dir->filePath("again-" + file);
    QCOMPARE(
        runProgram(executable("doctl"), {"--data-dir", other, "config", "export", again}).exitCode,
        0);
    QFile f(again);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), exported);
}

void DoctlConfigTest::malformedImportChangesNothing()
{
    QCOMPARE(doctl({"config", "set", "DOMaxCacheAge", "600", "--policy"}).exitCode, 0);
    const QString path = m_dir->filePath("broken.reg");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Windows Registry Editor Version 5.00\r\n\r\n"
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization]\r\n"
            "\"DOMaxCacheAge\"=dword:00000064\r\n"
            "\"DOMaxCacheSize\"=dword:000000c8\r\n");
    f.close();
    const ProcessResult r = doctl({"config", "import", path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("line 5") && r.err.contains("DOMaxCacheSize"), qPrintable(r.err));
    QCOMPARE(setting("DOMaxCacheAge")["value"].toInteger(), 600);
    QCOMPARE(setting("DOMaxCacheSize")["source"].toString(), QString("default"));
}

void DoctlConfigTest::staticPeersSettingIsCheckedAndKept()
{
    const ProcessResult bad = doctl({"config", "set", "StaticPeers", "127.0.0.2:7680,nonsense"});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("nonsense"), qPrintable(bad.err));
    QCOMPARE(doctl({"config", "get", "StaticPeers"}).out.trimmed(), QString());
    QCOMPARE(doctl({"config", "set", "StaticPeers", "127.0.0.2:7680,[::1]:7681"}).exitCode, 0);
    QCOMPARE(doctl({"config", "get", "StaticPeers"}).out.trimmed(),
             QString("127.0.0.2:7680,[::1]:7681"));
    QCOMPARE(doctl({"config", "reset", "StaticPeers"}).exitCode, 0);
    QCOMPARE(doctl({"config", "get", "StaticPeers"}).out.trimmed(), QString());
}

void DoctlConfigTest::discoveryUrlSettingIsChecked()
{
    const ProcessResult bad = doctl({"config", "set", "DiscoveryUrl", "ftp://198.51.100.1/"});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("http://"), qPrintable(bad.err));
    QCOMPARE(doctl({"config", "get", "DiscoveryUrl"}).out.trimmed(), QString());
    QCOMPARE(doctl({"config", "set", "DiscoveryUrl", "http://127.0.0.1:7681"}).exitCode, 0);
    QCOMPARE(doctl({"config", "get", "DiscoveryUrl"}).out.trimmed(),
             QString("http://127.0.0.1:7681"));
    QCOMPARE(doctl({"config", "reset", "DiscoveryUrl"}).exitCode, 0);
}

void DoctlConfigTest::localDiscoveryPortIsChecked()
{
    for (const char* value : {"0", "65536", "53x", "-1"}) {
        const ProcessResult bad = doctl({"config", "set", "LocalDiscoveryPort", value});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("is not a UDP port number (1-65535)"), qPrintable(bad.err));
    }
    QCOMPARE(doctl({"config", "get", "LocalDiscoveryPort"}).out.trimmed(), QString());
    QCOMPARE(doctl({"config", "set", "LocalDiscoveryPort", "15353"}).exitCode, 0);
    QCOMPARE(doctl({"config", "get", "LocalDiscoveryPort"}).out.trimmed(), QString("15353"));
    QCOMPARE(doctl({"config", "reset", "LocalDiscoveryPort"}).exitCode, 0);
}

QTEST_GUILESS_MAIN(DoctlConfigTest)
#include "test_doctl_config.moc"
