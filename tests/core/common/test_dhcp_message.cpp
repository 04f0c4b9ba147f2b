// Options of a raw DHCPv4 message, as dhcpcd keeps its leases: found, joined over split
// instances (RFC 3396), read from overloaded header fields (option 52), and never read past a
// truncated or hostile message.

#include "common/DhcpLeaseOptions.h"
#include "common/DhcpMessage.h"
#include "support/DhcpMessageBuilder.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;

class DhcpMessageTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void optionIsFound();
    void splitOptionIsJoined();
    void overloadedFieldsAreRead();
    void absentOptionAndOtherFilesGiveNothing();
    void truncatedMessagesStopSafely();
    void randomBytesNeverCrash();
    void dhcpcdLeaseIsReadFromItsFolder();
};

void DhcpMessageTest::optionIsFound()
{
    const QByteArray message =
        dhcpAckMessage({{1, QByteArray::fromHex("ffffff00")}, {235, "mcc1.corp.example"}});
    QVERIFY(isDhcpMessage(message));
    QCOMPARE(dhcpMessageOption(message, 235), std::optional<QByteArray>("mcc1.corp.example"));
    QCOMPARE(dhcpMessageOption(message, 1),
             std::optional<QByteArray>(QByteArray::fromHex("ffffff00")));
    QCOMPARE(dhcpOptionFromLease(message, 235), QString("mcc1.corp.example"));
}

void DhcpMessageTest::splitOptionIsJoined()
{
    // A value longer than 255 bytes arrives in several instances of the option.
    const QByteArray hosts = QByteArray("mcc-a.corp.example,").repeated(20).chopped(1);
    QVERIFY(hosts.size() > 255);
    const QByteArray message =
        dhcpAckMessage({{235, hosts.left(255)}, {3, QByteArray(4, 'x')}, {235, hosts.mid(255)}});
    QCOMPARE(dhcpMessageOption(message, 235), std::optional<QByteArray>(hosts));
}

void DhcpMessageTest::overloadedFieldsAreRead()
{
    // Option 52 = 3: `file` and then `sname` carry options too; they follow the options area.
    const QByteArray file = dhcpOptionBytes({{234, "{1c3a5f7e-0000-4000-8000-"}});
    const QByteArray sname = dhcpOptionBytes({{234, "00000000abcd}"}});
    const QByteArray message =
        dhcpAckMessage({{52, QByteArray(1, char(3))}, {235, "mcc"}}, file, sname);
    QCOMPARE(dhcpOptionFromLease(message, 234), QString("{1c3a5f7e-0000-4000-8000-00000000abcd}"));
    // Without option 52 the same header bytes are a file name and a server name, not options.
    const QByteArray plain = dhcpAckMessage({{235, "mcc"}}, file, sname);
    QCOMPARE(dhcpMessageOption(plain, 234), std::nullopt);
}

void DhcpMessageTest::absentOptionAndOtherFilesGiveNothing()
{
    QCOMPARE(dhcpMessageOption(dhcpAckMessage({{235, "mcc"}}), 234), std::nullopt);
    QCOMPARE(dhcpOptionFromLease(dhcpAckMessage({{235, "mcc"}}), 234), QString());
    // Not DHCP messages: too short, or no magic cookie where it belongs.
    QVERIFY(!isDhcpMessage(QByteArray(239, '\0')));
    QByteArray noCookie = dhcpAckMessage({{235, "mcc"}});
    noCookie[236] = 0;
    QVERIFY(!isDhcpMessage(noCookie));
    QCOMPARE(dhcpMessageOption(noCookie, 235), std::nullopt);
    // Pad and end are not options one can ask for.
    QCOMPARE(dhcpMessageOption(dhcpAckMessage({}), 0), std::nullopt);
    QCOMPARE(dhcpMessageOption(dhcpAckMessage({}), 255), std::nullopt);
}

void DhcpMessageTest::truncatedMessagesStopSafely()
{
    const QByteArray whole = dhcpAckMessage({{234, "group"}, {235, "mcc1.corp.example"}});
    // Cut anywhere: the options before the cut are found, the one cut short is not.
    for (qsizetype size = 240; size < whole.size(); ++size) {
        const QByteArray cut = whole.left(size);
        const std::optional<QByteArray> hosts = dhcpMessageOption(cut, 235);
        QVERIFY2(!hosts || *hosts == "mcc1.corp.example", qPrintable(QString::number(size)));
        if (size < whole.size() - 1) // all but the end marker: the value is incomplete or gone
            QVERIFY2(!hosts, qPrintable(QString::number(size)));
    }
    // A length that claims more than the message holds.
    QByteArray lying = dhcpAckMessage({}).chopped(1); // without the end marker
    lying.append(char(235));
    lying.append(char(200));
    lying.append("short");
    QCOMPARE(dhcpMessageOption(lying, 235), std::nullopt);
}

void DhcpMessageTest::randomBytesNeverCrash()
{
    // Bounded fuzzing: random option areas behind a valid header, under the sanitizers in CI's
    // ASan run; the answer only has to stay inside the message.
    QRandomGenerator random(20261129);
    const QByteArray header = dhcpAckMessage({}).left(240);
    for (int round = 0; round < 2000; ++round) {
        QByteArray message = header;
        const int length = int(random.bounded(600));
        for (int i = 0; i < length; ++i)
            message.append(char(random.bounded(256)));
        message[108] = char(random.bounded(256)); // overloaded fields may be garbage too
        for (int code : {52, 234, 235}) {
            const std::optional<QByteArray> value = dhcpMessageOption(message, code);
            QVERIFY(!value || value->size() <= message.size());
        }
    }
}

void DhcpMessageTest::dhcpcdLeaseIsReadFromItsFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath("dhcpcd");
    QVERIFY(QDir().mkpath(folder));
    QFile lease(folder + "/eth0.lease");
    QVERIFY(lease.open(QIODevice::WriteOnly));
    QVERIFY(lease.write(dhcpAckMessage({{235, "10.0.0.9,mcc2.corp.example"}})) > 0);
    lease.close();
    const DhcpOptionFound found = findDhcpOption(235, {folder});
    QCOMPARE(found.value, QString("10.0.0.9,mcc2.corp.example"));
    QCOMPARE(found.leaseFile, folder + "/eth0.lease");
    QVERIFY(defaultDhcpLeaseFolders().contains("/var/lib/dhcpcd"));
}

QTEST_GUILESS_MAIN(DhcpMessageTest)
#include "test_dhcp_message.moc"
