// Import/export of policy sets: .reg, Registry.pol, SyncML and JSON round trips, hand-written
// inputs, and malformed input for every importer.

#include "policy/PolicyCatalog.h"
#include "policy/PolicyValidation.h"
#include "policy/formats/PolicyDocument.h"

#include <QStringEncoder>
#include <QTest>
#include <QtEndian>

using namespace opendo::policy;

Q_DECLARE_METATYPE(opendo::policy::PolicyFormat)

namespace {

QString s(const char* latin1)
{
    return QString::fromLatin1(latin1);
}

// The settings every round trip exercises, as raw input; canonicalised through checkValue.
const QList<QPair<const char*, const char*>>& richInput()
{
    static const QList<QPair<const char*, const char*>> input{
        {"DODownloadMode", "2"},
        {"DOGroupId", "{1F2E3D4C-5B6A-4789-8123-456789ABCDEF}"},
        {"DOMaxCacheAge", "4294967295"},
        {"DOMaxCacheSize", "20"},
        {"DOModifyCacheDrive", "D:\\DO \"Cache\"\\Sub\\"},
        {"DOMinBackgroundQos", "500"},
        {"DOSetHoursToLimitForegroundDownloadBandwidth_From", "8"},
        {"DOSetHoursToLimitForegroundDownloadBandwidth_To", "17"},
        {"DOSetHoursToLimitForegroundDownloadBandwidth_In", "30"},
        {"DOSetHoursToLimitForegroundDownloadBandwidth_Out", "60"},
        {"DOSetHoursToLimitBackgroundDownloadBandwidth_From", "22"},
        {"DOSetHoursToLimitBackgroundDownloadBandwidth_To", "6"},
        {"DOSetHoursToLimitBackgroundDownloadBandwidth_In", "10"},
        {"DOSetHoursToLimitBackgroundDownloadBandwidth_Out", "90"},
        {"DOCacheHost", "cache1.example.com,10.0.0.7"},
        {"DOCacheHostSource", "1"},
        {"DOAllowVPNPeerCaching", "1"},
        {"DOVpnKeywords", "Contoso \"Secure\" VPN,Corp\\Tunnel"},
    };
    return input;
}

QMap<QString, QString> richValues()
{
    QMap<QString, QString> values;
    for (const auto& [key, raw] : richInput()) {
        const PolicyDefinition* def = PolicyCatalog::find(s(key));
        if (!def)
            qFatal("catalog lacks %s", key);
        const ValueCheck check = checkValue(*def, s(raw));
        if (!check.ok)
            qFatal("%s rejected: %s", key, qPrintable(check.error));
        values.insert(s(key), check.canonical);
    }
    return values;
}

// What a parse of a written document must return: catalog order, canonical values.
QList<PolicyChange> asChanges(const QMap<QString, QString>& values)
{
    QList<PolicyChange> changes;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        if (values.contains(s(def.key)))
            changes << PolicyChange{s(def.key), values.value(s(def.key))};
    }
    return changes;
}

QByteArray utf16le(const QString& text, bool bom = true)
{
    QByteArray out = bom ? QByteArray("\xFF\xFE", 2) : QByteArray();
    for (const QChar c : text) {
        out.append(char(c.unicode() & 0xFF));
        out.append(char(c.unicode() >> 8));
    }
    return out;
}

// PReg pieces built byte by byte, independent of the writer.
QByteArray polChar(char c)
{
    return QByteArray(1, c) + QByteArray(1, '\0');
}
QByteArray polString(const char* text)
{
    return utf16le(s(text), false) + QByteArray(2, '\0');
}
QByteArray dword(quint32 v)
{
    QByteArray out(4, '\0');
    qToLittleEndian(v, out.data());
    return out;
}
QByteArray polHeader(quint32 version = 1)
{
    return QByteArray("PReg", 4) + dword(version);
}
const char* const kPolKey = "Software\\Policies\\Microsoft\\Windows\\DeliveryOptimization";
QByteArray polEntry(const char* key, const char* name, quint32 type, const QByteArray& data,
                    std::optional<quint32> size = std::nullopt)
{
    return polChar('[') + polString(key) + polChar(';') + polString(name) + polChar(';') +
           dword(type) + polChar(';') + dword(size.value_or(quint32(data.size()))) + polChar(';') +
           data + polChar(']');
}
QByteArray polDword(const char* name, quint32 v)
{
    return polEntry(kPolKey, name, 4, dword(v));
}
QByteArray polSz(const char* name, const QString& text)
{
    return polEntry(kPolKey, name, 1, utf16le(text, false) + QByteArray(2, '\0'));
}

const QByteArray kRegHead = "Windows Registry Editor Version 5.00\r\n\r\n"
                            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\"
                            "DeliveryOptimization]\r\n";

const QByteArray kSyncHead = "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody>\n";
const QByteArray kSyncTail = "<Final/></SyncBody></SyncML>\n";
QByteArray syncReplace(const QByteArray& key, const QByteArray& format, const QByteArray& data)
{
    return "<Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/"
           "DeliveryOptimization/" +
           key + "</LocURI></Target><Meta><Format xmlns=\"syncml:metinf\">" + format +
           "</Format></Meta><Data>" + data + "</Data></Item></Replace>\n";
}
QByteArray syncDoc(const QByteArray& body)
{
    return kSyncHead + body + kSyncTail;
}

QByteArray jsonDoc(const QByteArray& policies)
{
    return "{\"format\": \"opendo-policy\", \"version\": 1, \"policies\": {" + policies + "}}";
}

} // namespace

class TestPolicyFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatForPath();
    void roundTrip_data();
    void roundTrip();
    void emptySetRoundTrips_data() { roundTrip_data(); }
    void emptySetRoundTrips();
    void rejectsOversizeDocument();
    void regWriterMatchesRegeditLayout();
    void regHandWritten_data();
    void regHandWritten();
    void regDeleteWholeKey();
    void polHandBuilt();
    void polWriterMatchesHandBuilt();
    void polDeletions();
    void syncMlFillsBusinessHoursDefaults();
    void syncMlCommands();
    void jsonNullBoolAndOrder();
    void malformedReg_data();
    void malformedReg();
    void malformedPol_data();
    void malformedPol();
    void malformedSyncMl_data();
    void malformedSyncMl();
    void malformedJson_data();
    void malformedJson();
};

void TestPolicyFormats::formatForPath()
{
    QCOMPARE(opendo::policy::formatForPath(s("C:/x/Branch.REG")), PolicyFormat::Reg);
    QCOMPARE(opendo::policy::formatForPath(s("/gp/Machine/Registry.pol")), PolicyFormat::Pol);
    QCOMPARE(opendo::policy::formatForPath(s("intune.Xml")), PolicyFormat::SyncMl);
    QCOMPARE(opendo::policy::formatForPath(s("set.json")), PolicyFormat::Json);
    QVERIFY(!opendo::policy::formatForPath(s("set.txt")));
    QVERIFY(!opendo::policy::formatForPath(s("reg")));
    QVERIFY(!formatName(PolicyFormat::Pol).isEmpty());
}

void TestPolicyFormats::roundTrip_data()
{
    QTest::addColumn<PolicyFormat>("format");
    QTest::newRow("reg") << PolicyFormat::Reg;
    QTest::newRow("pol") << PolicyFormat::Pol;
    QTest::newRow("syncml") << PolicyFormat::SyncMl;
    QTest::newRow("json") << PolicyFormat::Json;
}

void TestPolicyFormats::roundTrip()
{
    QFETCH(PolicyFormat, format);
    const QMap<QString, QString> values = richValues();
    const QByteArray first = writePolicyDocument(format, values);
    const PolicyParseResult parsed = parsePolicyDocument(format, first);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QCOMPARE(parsed.changes, asChanges(values));

    QMap<QString, QString> again;
    for (const PolicyChange& c : parsed.changes)
        again.insert(c.key, c.value.value_or(QString()));
    QCOMPARE(again, values);
    QCOMPARE(writePolicyDocument(format, again), first);
}

void TestPolicyFormats::emptySetRoundTrips()
{
    QFETCH(PolicyFormat, format);
    const QByteArray doc = writePolicyDocument(format, {});
    const PolicyParseResult parsed = parsePolicyDocument(format, doc);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QVERIFY(parsed.changes.isEmpty());
}

void TestPolicyFormats::rejectsOversizeDocument()
{
    const QByteArray huge(kMaxPolicyDocumentBytes + 1, ' ');
    const PolicyParseResult parsed = parsePolicyDocument(PolicyFormat::Json, huge);
    QVERIFY(!parsed.ok);
    QVERIFY(parsed.changes.isEmpty());
    QVERIFY2(parsed.error.contains(QString::number(kMaxPolicyDocumentBytes)),
             qPrintable(parsed.error));
}

void TestPolicyFormats::regWriterMatchesRegeditLayout()
{
    const QMap<QString, QString> values{{s("DOModifyCacheDrive"), s("C:\\\"x\"")},
                                        {s("DOMaxCacheSize"), s("10")}};
    const QString expected = s("Windows Registry Editor Version 5.00\r\n\r\n"
                               "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\"
                               "DeliveryOptimization]\r\n"
                               "\"DOMaxCacheSize\"=dword:0000000a\r\n"
                               "\"DOModifyCacheDrive\"=\"C:\\\\\\\"x\\\"\"\r\n"
                               "\r\n");
    QCOMPARE(writePolicyDocument(PolicyFormat::Reg, values), utf16le(expected));
}

void TestPolicyFormats::regHandWritten_data()
{
    const QString text =
        QString::fromUtf8("Windows Registry Editor Version 5.00\r\n"
                          "\r\n"
                          "; Delivery Optimization for the branch office\r\n"
                          "[hklm\\Software\\Policies\\Microsoft\\Windows\\DeliveryOptimization]\r\n"
                          "\"DODownloadMode\"=dword:00000002\r\n"
                          "  ; indented comment\n"
                          "\"dogroupid\"=\"{1F2E3D4C-5B6A-4789-8123-456789ABCDEF}\"\n"
                          "\"DOModifyCacheDrive\" = \"D:\\\\DO \\\"Cache\\\" \u00e9t\u00e9\"\r\n"
                          "\"DOMaxCacheAge\"=DWORD:FFFFFFFF\r\n"
                          "\"DOMaxCacheSize\"=-\r\n");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("utf-8") << text.toUtf8();
    QTest::newRow("utf-8 with BOM") << QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    QTest::newRow("utf-16le") << utf16le(text);
    QString regedit4 = text;
    regedit4.replace(s("Windows Registry Editor Version 5.00"), s("REGEDIT4"));
    QTest::newRow("REGEDIT4") << regedit4.toUtf8();
}

void TestPolicyFormats::regHandWritten()
{
    QFETCH(QByteArray, bytes);
    const PolicyParseResult parsed = parsePolicyDocument(PolicyFormat::Reg, bytes);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    const QList<PolicyChange> expected{
        {s("DODownloadMode"), s("2")},
        {s("DOGroupId"), s("1f2e3d4c-5b6a-4789-8123-456789abcdef")},
        {s("DOModifyCacheDrive"), QString::fromUtf8("D:\\DO \"Cache\" \u00e9t\u00e9")},
        {s("DOMaxCacheAge"), s("4294967295")},
        {s("DOMaxCacheSize"), std::nullopt}};
    QCOMPARE(parsed.changes, expected);
}

void TestPolicyFormats::regDeleteWholeKey()
{
    const QByteArray doc = "Windows Registry Editor Version 5.00\n\n"
                           "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\"
                           "DeliveryOptimization]\n\n"
                           "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\"
                           "DeliveryOptimization]\n"
                           "\"DODownloadMode\"=dword:00000000\n";
    const PolicyParseResult parsed = parsePolicyDocument(PolicyFormat::Reg, doc);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QList<PolicyChange> expected;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        if (!def.isComposite())
            expected << PolicyChange{s(def.key), std::nullopt};
    }
    expected << PolicyChange{s("DODownloadMode"), s("0")};
    QCOMPARE(parsed.changes, expected);
}

void TestPolicyFormats::polHandBuilt()
{
    // Written out the long way so the test does not share helpers with the code under test.
    QByteArray bytes{"\x50\x52\x65\x67\x01\x00\x00\x00", 8};
    const auto u16 = [&](const char* text) {
        for (const char* p = text; *p; ++p)
            bytes.append(*p).append('\0');
        bytes.append('\0').append('\0');
    };
    bytes.append("[\0", 2);
    u16("software\\policies\\microsoft\\windows\\deliveryoptimization");
    bytes.append(";\0", 2);
    u16("DODownloadMode");
    bytes.append(";\0\x04\0\0\0;\0\x04\0\0\0;\0\x03\0\0\0]\0", 20);
    bytes.append("[\0", 2);
    u16("Software\\Policies\\Microsoft\\Windows\\DeliveryOptimization");
    bytes.append(";\0", 2);
    u16("DOVpnKeywords");
    bytes.append(";\0\x01\0\0\0;\0\x0c\0\0\0;\0", 14); // REG_SZ, (5 + NUL) * 2 bytes
    u16("a,b\\c");
    bytes.append("]\0", 2);
    bytes.append("[\0", 2);
    u16("Software\\Policies\\Microsoft\\Windows\\DeliveryOptimization");
    bytes.append(";\0", 2);
    u16("**del.DOMaxCacheSize");
    bytes.append(";\0\x01\0\0\0;\0\x04\0\0\0;\0 \0\0\0]\0", 20);

    const PolicyParseResult parsed = parsePolicyDocument(PolicyFormat::Pol, bytes);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    const QList<PolicyChange> expected{{s("DODownloadMode"), s("3")},
                                       {s("DOVpnKeywords"), s("a,b\\c")},
                                       {s("DOMaxCacheSize"), std::nullopt}};
    QCOMPARE(parsed.changes, expected);
}

void TestPolicyFormats::polWriterMatchesHandBuilt()
{
    const QMap<QString, QString> values{{s("DOGroupId"), s("1f2e3d4c-5b6a-4789-8123-456789abcdef")},
                                        {s("DODownloadMode"), s("3")}};
    const QByteArray expected = polHeader() + polDword("DODownloadMode", 3) +
                                polSz("DOGroupId", s("1f2e3d4c-5b6a-4789-8123-456789abcdef"));
    QCOMPARE(writePolicyDocument(PolicyFormat::Pol, values), expected);
}

void TestPolicyFormats::polDeletions()
{
    const QByteArray bytes = polHeader() + polSz("**delvals.", s(" ")) +
                             polSz("**DEL.DOGroupId", s(" ")) + polDword("DODownloadMode", 1);
    const PolicyParseResult parsed = parsePolicyDocument(PolicyFormat::Pol, bytes);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QCOMPARE(parsed.changes.last(), (PolicyChange{s("DODownloadMode"), s("1")}));
    QCOMPARE(parsed.changes.at(parsed.changes.size() - 2),
             (PolicyChange{s("DOGroupId"), std::nullopt}));
    QVERIFY(parsed.changes.size() > 10);
}

void TestPolicyFormats::syncMlFillsBusinessHoursDefaults()
{
    const QMap<QString, QString> values{
        {s("DOSetHoursToLimitBackgroundDownloadBandwidth_In"), s("40")}};
    const QByteArray doc = writePolicyDocument(PolicyFormat::SyncMl, values);
    QVERIFY(doc.contains("DeliveryOptimization/DOSetHoursToLimitBackgroundDownloadBandwidth<"));
    QVERIFY(doc.contains("&lt;enabled/&gt;"));
    QVERIFY(doc.contains(">chr<"));
    const PolicyParseResult parsed = parsePolicyDocument(PolicyFormat::SyncMl, doc);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    const QString g = s("DOSetHoursToLimitBackgroundDownloadBandwidth");
    const QList<PolicyChange> expected{{g + s("_From"), s("8")},
                                       {g + s("_To"), s("17")},
                                       {g + s("_In"), s("40")},
                                       {g + s("_Out"), s("0")}};
    QCOMPARE(parsed.changes, expected);
}

void TestPolicyFormats::syncMlCommands()
{
    const QByteArray doc =
        "<?xml version=\"1.0\"?>\n<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><VerDTD>1.2"
        "</VerDTD><Anything><Deep/></Anything></SyncHdr><SyncBody>"
        "<Status><CmdID>1</CmdID><Data>200</Data></Status>"
        "<Add><CmdID>2</CmdID><Item><Target><LocURI>./Vendor/MSFT/Policy/Config/"
        "DeliveryOptimization/DODownloadMode</LocURI></Target><Meta><Format "
        "xmlns=\"syncml:metinf\">int</Format></Meta><Data> 1 </Data></Item></Add>"
        "<Atomic><CmdID>3</CmdID><Delete><CmdID>4</CmdID><Item><Target><LocURI>./Device/Vendor/"
        "MSFT/Policy/Config/DeliveryOptimization/DOGroupId</LocURI></Target></Item></Delete>"
        "</Atomic>"
        "<Replace><CmdID>5</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/"
        "DeliveryOptimization/DOSetHoursToLimitForegroundDownloadBandwidth</LocURI></Target>"
        "<Data><![CDATA[<disabled/>]]></Data></Item></Replace>"
        "<Final/></SyncBody></SyncML>";
    const PolicyParseResult parsed = parsePolicyDocument(PolicyFormat::SyncMl, doc);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    const QString g = s("DOSetHoursToLimitForegroundDownloadBandwidth");
    const QList<PolicyChange> expected{
        {s("DODownloadMode"), s("1")},  {s("DOGroupId"), std::nullopt},
        {g + s("_From"), std::nullopt}, {g + s("_To"), std::nullopt},
        {g + s("_In"), std::nullopt},   {g + s("_Out"), std::nullopt}};
    QCOMPARE(parsed.changes, expected);
}

void TestPolicyFormats::jsonNullBoolAndOrder()
{
    const QByteArray doc = jsonDoc("\"DOMaxCacheSize\": null, \"DOAllowVPNPeerCaching\": true, "
                                   "\"dodownloadmode\": 0");
    const PolicyParseResult parsed = parsePolicyDocument(PolicyFormat::Json, doc);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    // Catalog order, whatever order the object had.
    const QList<PolicyChange> expected{{s("DODownloadMode"), s("0")},
                                       {s("DOMaxCacheSize"), std::nullopt},
                                       {s("DOAllowVPNPeerCaching"), s("1")}};
    QCOMPARE(parsed.changes, expected);
}

// Every malformed case: the parse fails, returns no changes, and the error contains `place`
// (and `setting` when the problem concerns one).
static void addMalformedColumns()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("setting");
}

static void checkMalformed(PolicyFormat format)
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, place);
    QFETCH(QString, setting);
    const PolicyParseResult parsed = parsePolicyDocument(format, bytes);
    QVERIFY2(!parsed.ok, "parse unexpectedly succeeded");
    QVERIFY(parsed.changes.isEmpty());
    QVERIFY2(parsed.error.contains(place), qPrintable(parsed.error));
    QVERIFY2(parsed.error.contains(setting), qPrintable(parsed.error));
}

void TestPolicyFormats::malformedReg_data()
{
    addMalformedColumns();
    const QByteArray h = kRegHead; // values start on line 4
    const QString l4 = s("line 4: ");
    QTest::newRow("empty") << QByteArray() << s("line 1") << QString();
    QTest::newRow("garbage") << QByteArray("\x01\x02garbage") << s("line 1: ") << QString();
    QTest::newRow("bad header") << QByteArray("Windows Registry Editor Version 4.00\r\n")
                                << s("line 1: ") << QString();
    QTest::newRow("header not first")
        << QByteArray("[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n") << s("line 1: ") << QString();
    QTest::newRow("other key")
        << QByteArray("REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft]\n")
        << s("line 3: ") << QString();
    QTest::newRow("HKCU key") << QByteArray("REGEDIT4\n[HKEY_CURRENT_USER\\SOFTWARE\\Policies\\"
                                            "Microsoft\\Windows\\DeliveryOptimization]\n")
                              << s("line 2: ") << QString();
    QTest::newRow("key without ]")
        << QByteArray("REGEDIT4\n[HKLM\\SOFTWARE\n") << s("line 2: ") << QString();
    QTest::newRow("value before key") << QByteArray("REGEDIT4\n\"DODownloadMode\"=dword:00000001\n")
                                      << s("line 2: ") << QString();
    QTest::newRow("unknown value") << h + "\"DOFoo\"=dword:00000001\r\n" << l4 << s("DOFoo");
    QTest::newRow("unknown deletion") << h + "\"DOFoo\"=-\r\n" << l4 << s("DOFoo");
    QTest::newRow("text for number") << h + "\"DODownloadMode\"=\"1\"\r\n"
                                     << l4 << s("DODownloadMode");
    QTest::newRow("dword for text") << h + "\"DOGroupId\"=dword:00000001\r\n"
                                    << l4 << s("DOGroupId");
    QTest::newRow("out of range") << h + "\"DOMaxCacheSize\"=dword:00000065\r\n"
                                  << l4 << s("DOMaxCacheSize");
    QTest::newRow("not an enum value") << h + "\"DODownloadMode\"=dword:00000007\r\n"
                                       << l4 << s("DODownloadMode");
    QTest::newRow("invalid GUID") << h + "\"DOGroupId\"=\"not-a-guid\"\r\n" << l4 << s("DOGroupId");
    QTest::newRow("oversize string")
        << h + "\"DOModifyCacheDrive\"=\"" + QByteArray(5000, 'a') + "\"\r\n"
        << l4 << s("DOModifyCacheDrive");
    QTest::newRow("hex value") << h + "\"DODownloadMode\"=hex:01,00,00,00\r\n" << l4 << s("hex");
    QTest::newRow("expand string") << h + "\"DOModifyCacheDrive\"=hex(2):25,00,00,00\r\n"
                                   << l4 << s("hex(2)");
    QTest::newRow("bad dword") << h + "\"DODownloadMode\"=dword:xyz\r\n" << l4 << s("dword:xyz");
    QTest::newRow("nine-digit dword") << h + "\"DOMaxCacheAge\"=dword:123456789\r\n"
                                      << l4 << QString();
    QTest::newRow("unterminated name") << h + "\"DODownloadMode=dword:1\r\n" << l4 << QString();
    QTest::newRow("unterminated string") << h + "\"DOGroupId\"=\"abc\r\n" << l4 << QString();
    QTest::newRow("bare backslash") << h + "\"DOModifyCacheDrive\"=\"C:\\Temp\"\r\n"
                                    << l4 << QString();
    QTest::newRow("text after value") << h + "\"DOGroupId\"=\"a\" junk\r\n" << l4 << QString();
    QTest::newRow("business-hours parent")
        << h + "\"DOSetHoursToLimitForegroundDownloadBandwidth\"=dword:00000001\r\n"
        << l4 << s("DOSetHoursToLimitForegroundDownloadBandwidth");
    QTest::newRow("default value") << h + "@=\"x\"\r\n" << l4 << QString();
    QTest::newRow("garbage line") << h + "\"DODownloadMode\"=dword:00000001\r\nhello\r\n"
                                  << s("line 5: ") << QString();
    QTest::newRow("invalid UTF-8") << h + "\"DOModifyCacheDrive\"=\"\xC3\x28\"\r\n"
                                   << l4 << QString();
    QTest::newRow("UTF-16 odd length")
        << utf16le(QString::fromLatin1(kRegHead)) + QByteArray("\x22", 1) << s("line 4: ")
        << QString();
    QTest::newRow("UTF-16 big endian")
        << QByteArray("\xFE\xFF\0W", 4) << s("line 1: ") << QString();
}

void TestPolicyFormats::malformedReg()
{
    checkMalformed(PolicyFormat::Reg);
}

void TestPolicyFormats::malformedPol_data()
{
    addMalformedColumns();
    const QByteArray h = polHeader();
    const QString at8 = s("byte offset 8 ");
    const QByteArray good = polDword("DODownloadMode", 1);
    QTest::newRow("empty") << QByteArray() << s("byte offset 0 ") << QString();
    QTest::newRow("short header") << QByteArray("PReg\x01", 5) << s("byte offset 0 ") << QString();
    QTest::newRow("bad signature")
        << QByteArray("PRex\x01\0\0\0", 8) + good << s("byte offset 0 ") << QString();
    QTest::newRow("garbage") << QByteArray("this is not a registry.pol file") << s("byte offset 0 ")
                             << QString();
    QTest::newRow("wrong version") << polHeader(2) + good << s("byte offset 4 ") << QString();
    QTest::newRow("truncated entry")
        << h + good.left(good.size() - 7) << s("byte offset ") << QString();
    QTest::newRow("missing ]") << h + good.left(good.size() - 2) << s("byte offset ") << QString();
    QTest::newRow("missing [") << h + good.mid(2) << at8 << QString();
    QTest::newRow("key without terminator")
        << h + polChar('[') + utf16le(s("Software\\Policies"), false) << s("byte offset 10 ")
        << QString();
    QTest::newRow("name without terminator")
        << h + polChar('[') + polString(kPolKey) + polChar(';') + utf16le(s("DODownload"), false)
        << s("byte offset ") << QString();
    QTest::newRow("odd UTF-16 name")
        << h + polChar('[') + polString(kPolKey) + polChar(';') + QByteArray("D\0O", 3)
        << s("byte offset ") << QString();
    const QByteArray pastEnd = polEntry(kPolKey, "DODownloadMode", 4, dword(1), 100);
    // The size field sits 4 bytes before the ';' that precedes the data.
    const qsizetype sizeField = 8 + pastEnd.size() - 2 - 4 - 2 - 4;
    QTest::newRow("size past end")
        << h + pastEnd << s("byte offset %1 ").arg(sizeField) << s("100");
    QTest::newRow("huge size") << h + polEntry(kPolKey, "DOGroupId", 1, QByteArray(), 0xFFFFFFF0u)
                               << s("byte offset ") << QString();
    QTest::newRow("other key") << h + polEntry(
                                          "Software\\Policies\\Microsoft\\Windows\\WindowsUpdate",
                                          "AUOptions", 4, dword(1))
                               << at8 << s("WindowsUpdate");
    QTest::newRow("unknown value") << h + polDword("DOFoo", 1) << at8 << s("DOFoo");
    QTest::newRow("second entry bad") << h + good + polDword("DOBar", 1)
                                      << s("byte offset %1 ").arg(8 + good.size()) << s("DOBar");
    QTest::newRow("text for number")
        << h + polSz("DODownloadMode", s("1")) << at8 << s("DODownloadMode");
    QTest::newRow("dword for text") << h + polDword("DOGroupId", 1) << at8 << s("DOGroupId");
    QTest::newRow("short dword") << h + polEntry(kPolKey, "DODownloadMode", 4, QByteArray(2, 1))
                                 << at8 << s("DODownloadMode");
    QTest::newRow("REG_BINARY") << h + polEntry(kPolKey, "DODownloadMode", 3, dword(1)) << at8
                                << s("DODownloadMode");
    QTest::newRow("REG_EXPAND_SZ")
        << h + polEntry(kPolKey, "DOModifyCacheDrive", 2, polString("%SystemDrive%")) << at8
        << s("DOModifyCacheDrive");
    QTest::newRow("out of range") << h + polDword("DOMaxCacheSize", 101) << at8
                                  << s("DOMaxCacheSize");
    QTest::newRow("invalid GUID") << h + polSz("DOGroupId", s("{nope}")) << at8 << s("DOGroupId");
    QTest::newRow("oversize string")
        << h + polSz("DOCacheHost", QString(5000, QLatin1Char('a'))) << at8 << s("DOCacheHost");
    QTest::newRow("odd string data")
        << h + polEntry(kPolKey, "DOGroupId", 1, QByteArray("a\0b", 3)) << at8 << s("DOGroupId");
    QTest::newRow("string without NUL")
        << h + polEntry(kPolKey, "DOCacheHost", 1, utf16le(s("host"), false)) << at8
        << s("DOCacheHost");
    QTest::newRow("business-hours parent")
        << h + polDword("DOSetHoursToLimitBackgroundDownloadBandwidth", 1) << at8
        << s("DOSetHoursToLimitBackgroundDownloadBandwidth");
    QTest::newRow("unsupported special")
        << h + polSz("**DeleteKeys", s("x")) << at8 << s("**DeleteKeys");
    QTest::newRow("delete unknown") << h + polSz("**del.DOFoo", s(" ")) << at8 << s("DOFoo");
    QTest::newRow("trailing garbage")
        << h + good + QByteArray("xyz") << s("byte offset %1 ").arg(8 + good.size()) << QString();
}

void TestPolicyFormats::malformedPol()
{
    checkMalformed(PolicyFormat::Pol);
}

void TestPolicyFormats::malformedSyncMl_data()
{
    addMalformedColumns();
    const QString at = s("line ");
    const QString l2 = s("line 2, column ");
    const QByteArray fg = "DOSetHoursToLimitForegroundDownloadBandwidth";
    QTest::newRow("empty") << QByteArray() << at << QString();
    QTest::newRow("garbage") << QByteArray("garbage") << s("line 1, column ") << QString();
    QTest::newRow("truncated") << syncDoc(syncReplace("DODownloadMode", "int", "1")).left(120) << at
                               << QString();
    QTest::newRow("DTD entities")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE SyncML [<!ENTITY a \"aaaa\"><!ENTITY b "
                      "\"&a;&a;&a;&a;\">]>\n") +
               syncDoc(syncReplace("DOCacheHost", "chr", "&b;"))
        << s("line 2, column ") << s("DTD");
    QTest::newRow("external entity")
        << QByteArray("<!DOCTYPE SyncML SYSTEM \"file:///etc/passwd\">") +
               syncDoc(syncReplace("DOCacheHost", "chr", "x"))
        << s("line 1, column ") << s("DTD");
    QTest::newRow("undeclared entity")
        << syncDoc(syncReplace("DOCacheHost", "chr", "&xxe;")) << l2 << QString();
    QTest::newRow("wrong root") << QByteArray("<Policy><SyncBody/></Policy>")
                                << s("line 1, column ") << s("Policy");
    QTest::newRow("no SyncBody") << QByteArray("<SyncML xmlns=\"SYNCML:SYNCML1.2\"/>") << at
                                 << s("SyncBody");
    QTest::newRow("unsupported command")
        << syncDoc("<Exec><CmdID>1</CmdID></Exec>") << l2 << s("Exec");
    QTest::newRow("hostile nesting") << syncDoc("<Status>" + QByteArray("<a>").repeated(5000) +
                                                QByteArray("</a>").repeated(5000) + "</Status>")
                                     << l2 << s("32");
    QTest::newRow("deep unknown element")
        << syncDoc("<Replace>" + QByteArray("<Item>").repeated(40) +
                   QByteArray("</Item>").repeated(40) + "</Replace>")
        << l2 << QString();
    QTest::newRow("other CSP") << syncDoc(syncReplace("x", "int", "1")
                                              .replace("Config/DeliveryOptimization/x",
                                                       "Config/Update/AllowAutoUpdate"))
                               << l2 << s("Update/AllowAutoUpdate");
    QTest::newRow("user scope")
        << syncDoc(syncReplace("DODownloadMode", "int", "1").replace("./Device/", "./User/")) << l2
        << s("./User/");
    QTest::newRow("unknown setting")
        << syncDoc(syncReplace("DOFoo", "int", "1")) << l2 << s("DOFoo");
    QTest::newRow("chr for number")
        << syncDoc(syncReplace("DODownloadMode", "chr", "1")) << l2 << s("DODownloadMode");
    QTest::newRow("int for text") << syncDoc(syncReplace("DOGroupId", "int", "1")) << l2
                                  << s("DOGroupId");
    QTest::newRow("b64 format") << syncDoc(syncReplace("DODownloadMode", "b64", "AQ==")) << l2
                                << s("b64");
    QTest::newRow("out of range") << syncDoc(syncReplace("DOMaxCacheSize", "int", "101")) << l2
                                  << s("DOMaxCacheSize");
    QTest::newRow("not a number") << syncDoc(syncReplace("DOMaxCacheSize", "int", "ten")) << l2
                                  << s("DOMaxCacheSize");
    QTest::newRow("invalid GUID") << syncDoc(syncReplace("DOGroupId", "chr", "xyz")) << l2
                                  << s("DOGroupId");
    QTest::newRow("oversize string")
        << syncDoc(syncReplace("DOVpnKeywords", "chr", QByteArray(5000, 'v'))) << l2
        << s("DOVpnKeywords");
    QTest::newRow("missing Data")
        << syncDoc(syncReplace("DODownloadMode", "int", "1").replace("<Data>1</Data>", "")) << l2
        << s("DODownloadMode");
    QTest::newRow("element in Data")
        << syncDoc(syncReplace("DODownloadMode", "int", "<b>1</b>")) << l2 << QString();
    QTest::newRow("stray text") << syncDoc("hello") << l2 << QString();
    QTest::newRow("sub-value node")
        << syncDoc(syncReplace(fg + "_From", "int", "8")) << l2 << s(fg + "_From");
    QTest::newRow("hours int format") << syncDoc(syncReplace(fg, "int", "1")) << l2 << s(fg);
    QTest::newRow("hours unknown id")
        << syncDoc(syncReplace(fg, "chr", "&lt;enabled/&gt;&lt;data id=\"bogus\" value=\"1\"/&gt;"))
        << l2 << s("bogus");
    QTest::newRow("hours missing value")
        << syncDoc(syncReplace(fg, "chr",
                               "&lt;enabled/&gt;&lt;data id=\"" + fg + "_From\" value=\"9\"/&gt;"))
        << l2 << s(fg + "_To");
    const QByteArray full = "&lt;enabled/&gt;&lt;data id=\"" + fg + "_From\" value=\"24\"/&gt;" +
                            "&lt;data id=\"" + fg + "_To\" value=\"17\"/&gt;&lt;data id=\"" + fg +
                            "_In\" value=\"0\"/&gt;&lt;data id=\"" + fg + "_Out\" value=\"0\"/&gt;";
    QTest::newRow("hours out of range")
        << syncDoc(syncReplace(fg, "chr", full)) << l2 << s(fg + "_From");
    QTest::newRow("hours not XML")
        << syncDoc(syncReplace(fg, "chr", "&lt;enabled&gt;&lt;data")) << l2 << s(fg);
    QTest::newRow("hours enabled and disabled")
        << syncDoc(syncReplace(fg, "chr", "&lt;enabled/&gt;&lt;disabled/&gt;")) << l2 << s(fg);
    QTest::newRow("hours nested payload")
        << syncDoc(syncReplace(fg, "chr", "&lt;disabled&gt;&lt;x/&gt;&lt;/disabled&gt;")) << l2
        << s(fg);
}

void TestPolicyFormats::malformedSyncMl()
{
    checkMalformed(PolicyFormat::SyncMl);
}

void TestPolicyFormats::malformedJson_data()
{
    addMalformedColumns();
    const QString key = s("key \"%1\"");
    QTest::newRow("empty") << QByteArray() << s("byte offset 0") << QString();
    QTest::newRow("garbage") << QByteArray("hello") << s("byte offset ") << QString();
    QTest::newRow("truncated") << jsonDoc("\"DODownloadMode\": 1").chopped(3) << s("byte offset ")
                               << QString();
    QTest::newRow("hostile nesting")
        << QByteArray("[").repeated(100000) << s("byte offset ") << QString();
    QTest::newRow("array") << QByteArray("[]") << s("object") << QString();
    QTest::newRow("wrong format")
        << QByteArray("{\"format\": \"other\", \"version\": 1, \"policies\": {}}")
        << key.arg(s("format")) << QString();
    QTest::newRow("no format") << QByteArray("{\"version\": 1, \"policies\": {}}")
                               << key.arg(s("format")) << QString();
    QTest::newRow("wrong version")
        << QByteArray("{\"format\": \"opendo-policy\", \"version\": 2, \"policies\": {}}")
        << key.arg(s("version")) << QString();
    QTest::newRow("string version")
        << QByteArray("{\"format\": \"opendo-policy\", \"version\": \"1\", \"policies\": {}}")
        << key.arg(s("version")) << QString();
    QTest::newRow("no policies") << QByteArray("{\"format\": \"opendo-policy\", \"version\": 1}")
                                 << key.arg(s("policies")) << QString();
    QTest::newRow("policies array")
        << QByteArray("{\"format\": \"opendo-policy\", \"version\": 1, \"policies\": []}")
        << key.arg(s("policies")) << QString();
    QTest::newRow("unknown top-level key")
        << QByteArray("{\"format\": \"opendo-policy\", \"version\": 1, \"policies\": {}, "
                      "\"extra\": 1}")
        << key.arg(s("extra")) << QString();
    QTest::newRow("unknown setting") << jsonDoc("\"DOFoo\": 1") << key.arg(s("DOFoo")) << QString();
    QTest::newRow("string for number")
        << jsonDoc("\"DODownloadMode\": \"1\"") << key.arg(s("DODownloadMode")) << QString();
    QTest::newRow("number for string")
        << jsonDoc("\"DOGroupId\": 1") << key.arg(s("DOGroupId")) << QString();
    QTest::newRow("fraction") << jsonDoc("\"DOMaxCacheSize\": 1.5") << key.arg(s("DOMaxCacheSize"))
                              << QString();
    QTest::newRow("huge number") << jsonDoc("\"DOMaxCacheAge\": 1e300")
                                 << key.arg(s("DOMaxCacheAge")) << QString();
    QTest::newRow("bool for number")
        << jsonDoc("\"DOMaxCacheSize\": true") << key.arg(s("DOMaxCacheSize")) << QString();
    QTest::newRow("array value") << jsonDoc("\"DOCacheHost\": [\"a\"]") << key.arg(s("DOCacheHost"))
                                 << QString();
    QTest::newRow("object value") << jsonDoc("\"DODownloadMode\": {}")
                                  << key.arg(s("DODownloadMode")) << QString();
    QTest::newRow("out of range") << jsonDoc("\"DOMaxCacheSize\": 101")
                                  << key.arg(s("DOMaxCacheSize")) << QString();
    QTest::newRow("negative") << jsonDoc("\"DOMaxCacheAge\": -1") << key.arg(s("DOMaxCacheAge"))
                              << QString();
    QTest::newRow("invalid GUID") << jsonDoc("\"DOGroupId\": \"1234\"") << key.arg(s("DOGroupId"))
                                  << QString();
    QTest::newRow("oversize string")
        << jsonDoc("\"DOModifyCacheDrive\": \"" + QByteArray(5000, 'x') + "\"")
        << key.arg(s("DOModifyCacheDrive")) << QString();
    QTest::newRow("business-hours parent")
        << jsonDoc("\"DOSetHoursToLimitForegroundDownloadBandwidth\": null")
        << key.arg(s("DOSetHoursToLimitForegroundDownloadBandwidth")) << QString();
    QTest::newRow("one bad among good")
        << jsonDoc("\"DODownloadMode\": 1, \"DOMaxCacheSize\": 500, \"DOGroupId\": null")
        << key.arg(s("DOMaxCacheSize")) << QString();
}

void TestPolicyFormats::malformedJson()
{
    checkMalformed(PolicyFormat::Json);
}

QTEST_GUILESS_MAIN(TestPolicyFormats)
#include "test_policy_formats.moc"
