// The "Peer connections that ended" check on journal records given to it: nothing to judge,
// connections that carried bytes, connections that all moved nothing (reasons counted, most
// common first), and peers that broke the protocol (grouped by address, latest reason).

#include "diagnostics/CheckCatalog.h"
#include "diagnostics/CheckResult.h"
#include "support/LiveChecks.h"

#include <QTest>

using namespace opendo;
using diagnostics::CheckResult;
using diagnostics::Verdict;
using stats::ConnectionRecord;

namespace {

ConnectionRecord ended(const QString& endpoint, qint64 received, qint64 sent, QString reason,
                       int secondsAgo = 60, bool violation = false)
{
    ConnectionRecord r;
    r.contentId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    r.endpoint = endpoint;
    r.endedAt = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    r.startedAt = r.endedAt.addSecs(-10);
    r.bytesReceived = received;
    r.bytesSent = sent;
    r.endReason = std::move(reason);
    r.violation = violation;
    return r;
}

CheckResult run(const QList<ConnectionRecord>& records)
{
    diagnostics::DiagnosticInputs in;
    in.endedConnections = records;
    return test::runCheckOn(QStringLiteral("peers.connection_history"), in);
}

} // namespace

class ConnectionHistoryCheckTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nothingRecentIsNotApplicable();
    void bytesMovedPasses();
    void nothingMovedWarnsWithReasons();
    void protocolBreakersAreGroupedByAddress();
};

void ConnectionHistoryCheckTest::nothingRecentIsNotApplicable()
{
    QCOMPARE(run({}).verdict, Verdict::NotApplicable);
    // Two days ago is outside the window.
    QCOMPARE(run({ended("10.0.0.2:7680", 0, 0, "peer closed the connection", 2 * 86400)}).verdict,
             Verdict::NotApplicable);
}

void ConnectionHistoryCheckTest::bytesMovedPasses()
{
    const CheckResult r = run({ended("10.0.0.2:7680", 5 * 1024 * 1024, 0, "download finished"),
                               ended("10.0.0.3:7680", 0, 1024 * 1024, "peer closed the connection"),
                               ended("10.0.0.4:7680", 0, 0, "peer closed the connection")});
    QCOMPARE(r.verdict, Verdict::Pass);
    QVERIFY2(r.summary.contains("3 peer connection(s)") && r.summary.contains("1 brought bytes") &&
                 r.summary.contains("1 took bytes"),
             qPrintable(r.summary));
    QVERIFY(r.evidence.join('\n').contains("moved nothing, 1 ×: peer closed the connection"));
    QVERIFY(r.remedy.isEmpty());
}

void ConnectionHistoryCheckTest::nothingMovedWarnsWithReasons()
{
    const CheckResult r = run({ended("10.0.0.2:7680", 0, 0, "timed out during handshake"),
                               ended("10.0.0.3:7680", 0, 0, "not admitted: no swarm key proof"),
                               ended("10.0.0.3:7681", 0, 0, "not admitted: no swarm key proof")});
    QCOMPARE(r.verdict, Verdict::Warn);
    QVERIFY2(r.summary.contains("without moving a byte"), qPrintable(r.summary));
    const QStringList lines = r.evidence.mid(1);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QString("moved nothing, 2 ×: not admitted: no swarm key proof"));
    QCOMPARE(lines[1], QString("moved nothing, 1 ×: timed out during handshake"));
    QVERIFY(r.remedy.contains("DOGroupId") && r.remedy.contains("not admitted"));
}

void ConnectionHistoryCheckTest::protocolBreakersAreGroupedByAddress()
{
    const CheckResult r =
        run({ended("10.0.0.9:40001", 16384, 0,
                   "banned: sent piece 3 with data that fails verification", 300, true),
             ended("10.0.0.9:40002", 0, 0, "message 7 (piece) of 2097161 bytes exceeds the limit",
                   100, true),
             ended("10.0.0.2:7680", 1024, 0, "download finished")});
    QCOMPARE(r.verdict, Verdict::Warn);
    QVERIFY2(r.summary.startsWith("1 peer address(es)"), qPrintable(r.summary));
    const QString evidence = r.evidence.join('\n');
    QVERIFY2(evidence.contains("broke the protocol: 10.0.0.9, 2 ×") &&
                 evidence.contains("exceeds the limit") && !evidence.contains("fails verification"),
             qPrintable(evidence));
    QVERIFY(r.remedy.contains("banned"));
}

QTEST_GUILESS_MAIN(ConnectionHistoryCheckTest)
#include "test_connection_history_check.moc"
