// `doctl config import` of broken Registry.pol and SyncML files: each is refused with a message
// that names the problem, and the device's settings stay exactly as they were.

#include "support/ProcessRunner.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <array>

using namespace opendo::test;

namespace {

const QString kGroup = "1f2e3d4c-5b6a-4789-8123-456789abcdef";
const QString kOmaPrefix = "./Device/Vendor/MSFT/Policy/Config/DeliveryOptimization/";

QByteArray utf16le(const QString& s)
{
    QByteArray out;
    for (const QChar c : s) {
        char bytes[2];
        qToLittleEndian<char16_t>(c.unicode(), bytes);
        out.append(bytes, 2);
    }
    return out;
}

void putDword(QByteArray* bytes, qsizetype at, quint32 value)
{
    qToLittleEndian<quint32>(value, bytes->data() + at);
}

// A SyncML document replacing each (setting, format, data) in order.
QByteArray syncMl(const QList<std::array<QString, 3>>& items)
{
    QString body;
    int id = 0;
    for (const auto& [uri, format, data] : items) {
        body += QString("<Replace><CmdID>%1</CmdID><Item><Target><LocURI>%2</LocURI></Target>"
                        "<Meta><Format xmlns=\"syncml:metinf\">%3</Format></Meta>"
                        "<Data>%4</Data></Item></Replace>\n")
                    .arg(++id)
                    .arg(uri, format, data);
    }
    return QString("<?xml version=\"1.0\"?>\n<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody>\n%1"
                   "<Final/></SyncBody></SyncML>\n")
        .arg(body)
        .toUtf8();
}

} // namespace

class DoctlConfigImportTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void malformedPolChangesNothing_data();
    void malformedPolChangesNothing();
    void malformedSyncMlChangesNothing_data();
    void malformedSyncMlChangesNothing();
    void validPolChangesTheValues();
    void validSyncMlChangesTheValues();

private:
    ProcessResult doctl(const QStringList& args, const QString& dataDir = {});
    QString list();
    QString writeFile(const QString& name, const QByteArray& bytes);
    void expectRejected(const QString& file, const QStringList& mentions);
    QMap<QString, QJsonObject> settings();

    QTemporaryDir m_fleet; // where the valid Registry.pol comes from
    QByteArray m_pol;
    std::unique_ptr<QTemporaryDir> m_dir;
};

ProcessResult DoctlConfigImportTest::doctl(const QStringList& args, const QString& dataDir)
{
    return runProgram(
        executable("doctl"),
        QStringList{"--data-dir", dataDir.isEmpty() ? m_dir->filePath("data") : dataDir} + args);
}

QString DoctlConfigImportTest::list()
{
    const ProcessResult r = doctl({"config", "list", "--json"});
    if (r.exitCode != 0 || r.out.isEmpty())
        qWarning("config list failed: %s", qPrintable(r.err));
    return r.out;
}

QMap<QString, QJsonObject> DoctlConfigImportTest::settings()
{
    QMap<QString, QJsonObject> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(list().toUtf8()).array())
        out.insert(v.toObject()["key"].toString(), v.toObject());
    return out;
}

QString DoctlConfigImportTest::writeFile(const QString& name, const QByteArray& bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

void DoctlConfigImportTest::initTestCase()
{
    QVERIFY(m_fleet.isValid());
    const QString data = m_fleet.filePath("data");
    for (const QStringList& set :
         {QStringList{"DODownloadMode", "2"}, QStringList{"DOGroupId", kGroup},
          QStringList{"DOMaxCacheSize", "35"}, QStringList{"DOVpnKeywords", "VPN,tun"}}) {
        const ProcessResult r =
            doctl(QStringList{"config", "set"} + set + QStringList{"--policy"}, data);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    const QString pol = m_fleet.filePath("Registry.pol");
    const ProcessResult r = doctl({"config", "export", pol}, data);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(pol);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_pol = f.readAll();
    QVERIFY(m_pol.startsWith("PReg"));
}

void DoctlConfigImportTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Something configured in both layers, so "nothing changed" covers values, not only defaults.
    QCOMPARE(doctl({"config", "set", "DOMaxCacheAge", "600", "--policy"}).exitCode, 0);
    QCOMPARE(doctl({"config", "set", "DOMaxCacheSize", "30"}).exitCode, 0);
}

// Runs the import, then checks the exit code, the message and that `config list` is unchanged.
void DoctlConfigImportTest::expectRejected(const QString& file, const QStringList& mentions)
{
    const QString before = list();
    QVERIFY(!before.isEmpty());
    const ProcessResult r = doctl({"config", "import", file});
    QVERIFY2(r.finished, "doctl did not finish");
    QVERIFY2(r.exitCode != 0, qPrintable(r.out));
    QVERIFY2(r.err.contains("error:"), qPrintable(r.err));
    QVERIFY2(r.err.contains(QFileInfo(file).fileName()), qPrintable(r.err));
    for (const QString& m : mentions)
        QVERIFY2(r.err.contains(m, Qt::CaseInsensitive),
                 qPrintable(QString("stderr lacks \"%1\": %2").arg(m, r.err)));
    QVERIFY2(!r.out.contains("imported"), qPrintable(r.out));
    QCOMPARE(list(), before);
}

void DoctlConfigImportTest::malformedPolChangesNothing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("mentions");

    const qsizetype name = m_pol.indexOf(utf16le("DOMaxCacheSize") + QByteArray(2, '\0'));
    QVERIFY(name > 0);
    // Entry layout after the value name: NUL ';' type ';' size ';' data ']'.
    const qsizetype type = name + utf16le("DOMaxCacheSize").size() + 4;
    QCOMPARE(qFromLittleEndian<quint32>(m_pol.constData() + type), 4u); // REG_DWORD

    QTest::addRow("truncated in the last entry")
        << m_pol.left(m_pol.size() - 4)
        << QStringList{"byte offset", "runs past the end of the file"};
    QTest::addRow("truncated after the header")
        << m_pol.left(9) << QStringList{"byte offset 8", "ends in the middle of an entry"};
    QTest::addRow("empty") << QByteArray() << QStringList{"signature PReg"};
    QByteArray badSignature = m_pol;
    badSignature.replace(0, 4, "GReP");
    QTest::addRow("bad signature") << badSignature << QStringList{"byte offset 0", "PReg"};
    QByteArray version = m_pol;
    putDword(&version, 4, 2);
    QTest::addRow("wrong version") << version << QStringList{"byte offset 4", "version 2"};
    QByteArray asText = m_pol;
    putDword(&asText, type, 1); // REG_SZ: the 4 data bytes read as "#\0", a valid string
    QTest::addRow("number stored as text")
        << asText << QStringList{"DOMaxCacheSize", "REG_DWORD", "as text"};
    QByteArray binary = m_pol;
    putDword(&binary, type, 3); // REG_BINARY
    QTest::addRow("binary value") << binary << QStringList{"DOMaxCacheSize", "type 3"};
    QByteArray shortDword = m_pol;
    putDword(&shortDword, type + 6, 2); // size 2: the rest of the DWORD no longer lines up
    QTest::addRow("size does not match the type") << shortDword << QStringList{"byte offset"};
}

void DoctlConfigImportTest::malformedPolChangesNothing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, mentions);
    expectRejected(writeFile("Registry.pol", bytes), mentions);
}

void DoctlConfigImportTest::malformedSyncMlChangesNothing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("mentions");
    const std::array<QString, 3> good{kOmaPrefix + "DODownloadMode", "int", "3"};

    QTest::addRow("not XML") << QByteArray("DODownloadMode=3\n") << QStringList{"line 1"};
    QTest::addRow("unclosed element")
        << syncMl({good}).replace("</SyncBody>", "") << QStringList{"line"};
    QTest::addRow("not SyncML") << QByteArray("<?xml version=\"1.0\"?><html><body/></html>")
                                << QStringList{"<html>", "<SyncML>"};
    QTest::addRow("unknown setting")
        << syncMl({good, {kOmaPrefix + "DOWarpSpeed", "int", "9"}})
        << QStringList{"DOWarpSpeed", "not a Delivery Optimization setting"};
    QTest::addRow("other CSP")
        << syncMl({good, {"./Device/Vendor/MSFT/Policy/Config/Browser/AllowCookies", "int", "0"}})
        << QStringList{"Browser/AllowCookies", "not a Delivery Optimization Policy CSP node"};
    QTest::addRow("out of range") << syncMl({good, {kOmaPrefix + "DOMaxCacheSize", "int", "150"}})
                                  << QStringList{"DOMaxCacheSize", "150", "100"};
    QTest::addRow("not an allowed value")
        << syncMl({good, {kOmaPrefix + "DODownloadMode", "int", "7"}})
        << QStringList{"DODownloadMode", "7"};
    QTest::addRow("number given as text")
        << syncMl({good, {kOmaPrefix + "DOMaxCacheSize", "chr", "35"}})
        << QStringList{"DOMaxCacheSize", "as text"};
    QTest::addRow("bad GUID") << syncMl({good, {kOmaPrefix + "DOGroupId", "chr", "branch-7"}})
                              << QStringList{"DOGroupId", "GUID"};
}

void DoctlConfigImportTest::malformedSyncMlChangesNothing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, mentions);
    expectRejected(writeFile("fleet.xml", bytes), mentions);
}

void DoctlConfigImportTest::validPolChangesTheValues()
{
    const QString before = list();
    const ProcessResult r = doctl({"config", "import", writeFile("Registry.pol", m_pol)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY(list() != before);
    const QMap<QString, QJsonObject> s = settings();
    QCOMPARE(s["DODownloadMode"]["value"].toInteger(), 2);
    QCOMPARE(s["DODownloadMode"]["source"].toString(), QString("policy"));
    QCOMPARE(s["DOGroupId"]["value"].toString(), kGroup);
    QCOMPARE(s["DOVpnKeywords"]["value"].toString(), QString("VPN,tun"));
    QCOMPARE(s["DOMaxCacheSize"]["value"].toInteger(), 35);
    QCOMPARE(s["DOMaxCacheSize"]["localValue"].toInteger(), 30); // the local layer is kept
    QCOMPARE(s["DOMaxCacheAge"]["value"].toInteger(), 600);      // not in the file: untouched
}

void DoctlConfigImportTest::validSyncMlChangesTheValues()
{
    const QString before = list();
    const QString file =
        writeFile("fleet.xml", syncMl({{kOmaPrefix + "DODownloadMode", "int", "3"},
                                       {kOmaPrefix + "DOMaxCacheSize", "int", "45"},
                                       {kOmaPrefix + "DOGroupId", "chr", kGroup}}));
    const ProcessResult r = doctl({"config", "import", file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY(list() != before);
    const QMap<QString, QJsonObject> s = settings();
    QCOMPARE(s["DODownloadMode"]["value"].toInteger(), 3);
    QCOMPARE(s["DODownloadMode"]["source"].toString(), QString("policy"));
    QCOMPARE(s["DOMaxCacheSize"]["value"].toInteger(), 45);
    QCOMPARE(s["DOGroupId"]["value"].toString(), kGroup);
    QCOMPARE(s["DOMaxCacheAge"]["value"].toInteger(), 600);
}

QTEST_GUILESS_MAIN(DoctlConfigImportTest)
#include "test_doctl_config_import.moc"
