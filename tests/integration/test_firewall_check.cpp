// The "Firewall lets peers in" check against real nftables rules: each case runs a real
// do-agent and `doctl troubleshoot` inside a network namespace the test creates (unshare -rn),
// with a ruleset loaded by nft there, so nothing touches the machine's own firewall.

#include "support/RequireTool.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::test;

namespace {

// Starts the agent on 127.0.0.1:7680 in the namespace, waits (bounded) for its control socket,
// runs the troubleshooter against it and stops it.
const char* const kScript = R"(set -e
ip link set lo up
nft -f "$RULES"
"$AGENT" --data-dir "$DATA" --listen 127.0.0.1:7680 2>"$DATA.log" &
pid=$!
i=0
while [ ! -S "$DATA/control.sock" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
"$DOCTL" --data-dir "$DATA" troubleshoot --json >"$OUT" || true
kill $pid
wait $pid || true
)";

struct Run
{
    int exitCode = -1;
    QString err;
};

Run runNamespaced(const QString& script, const QProcessEnvironment& env, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start("unshare", {"-rn", "sh", "-c", script});
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(3000);
        return {-1, "timed out or did not start: " + p.errorString()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAllStandardError())};
}

} // namespace

class FirewallCheckTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void verdicts_data();
    void verdicts();

private:
    QJsonObject runWithRules(const QString& rules, QString* problem);
    QTemporaryDir m_dir;
    int m_run = 0;
};

void FirewallCheckTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable("nft", {"/usr/sbin", "/sbin"}).isEmpty())
        OPENDO_SKIP_WITHOUT_TOOL("nft (Debian package nftables) is not installed");
    const Run probe =
        runNamespaced("nft list ruleset", QProcessEnvironment::systemEnvironment(), 10000);
    if (probe.exitCode != 0)
        OPENDO_SKIP_WITHOUT_TOOL(
            qPrintable("cannot create a network namespace (unshare -rn): " + probe.err));
}

QJsonObject FirewallCheckTest::runWithRules(const QString& rules, QString* problem)
{
    const QString tag = QString::number(++m_run);
    const QString rulesPath = m_dir.filePath("rules" + tag + ".nft");
    const QString out = m_dir.filePath("report" + tag + ".json");
    QFile f(rulesPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(rules.toUtf8()) < 0) {
        *problem = "cannot write " + rulesPath;
        return {};
    }
    f.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", env.value("PATH") + ":/usr/sbin:/sbin");
    env.insert("RULES", rulesPath);
    env.insert("AGENT", executable("do-agent"));
    env.insert("DOCTL", executable("doctl"));
    env.insert("DATA", m_dir.filePath("data" + tag));
    env.insert("OUT", out);
    const Run r = runNamespaced(kScript, env, 60000);
    QFile report(out);
    if (r.exitCode != 0 || !report.open(QIODevice::ReadOnly)) {
        QFile log(m_dir.filePath("data" + tag + ".log"));
        log.open(QIODevice::ReadOnly);
        *problem = QString("exit %1: %2\nagent: %3").arg(r.exitCode).arg(r.err, log.readAll());
        return {};
    }
    for (const QJsonValue& v : QJsonDocument::fromJson(report.readAll())["Results"].toArray()) {
        if (v["Id"].toString() == "connection.firewall")
            return v.toObject();
    }
    *problem = "no connection.firewall result in " + out;
    return {};
}

void FirewallCheckTest::verdicts_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("evidence"); // a line of the evidence contains this
    QTest::addColumn<QString>("remedy");   // the remedy contains this ("" = no remedy)

    // One input base chain: its policy and rules, one per line.
    const auto input = [](const QString& family, const QString& table, const QString& policy,
                          const QString& rules) {
        return QString("table %1 %2 {\n chain input {\n  type filter hook input priority 0; "
                       "policy %3;\n%4\n }\n}\n")
            .arg(family, table, policy, rules);
    };
    QTest::newRow("no rules") << ""
                              << "pass"
                              << "0 filter chain"
                              << "";
    QTest::newRow("policy drop, no rule for the port")
        << input("inet", "filter", "drop",
                 "  ct state established,related accept\n  tcp dport { 22, 443 } accept")
        << "fail"
        << "inet filter input: policy drop"
        << "nft insert rule inet filter input tcp dport 7680 accept";
    QTest::newRow("policy drop, port allowed")
        << input("inet", "filter", "drop",
                 "  ct state established,related accept\n  tcp dport 7680 accept")
        << "pass"
        << "tcp dport == 7680 accept"
        << "";
    QTest::newRow("loopback accepted first")
        << input("inet", "filter", "drop", "  iifname \"lo\" accept") << "pass"
        << "meta iifname"
        << "";
    QTest::newRow("port range rejected, in an ip table")
        << QString("table ip fw {\n chain INPUT {\n  type filter hook input priority 0; policy "
                   "accept;\n  udp dport 7680 accept\n  tcp dport 7000-8000 counter reject with "
                   "tcp reset\n }\n}\n")
        << "fail"
        << "ip fw INPUT rule"
        << "nft insert rule ip fw INPUT tcp dport 7680 accept";
    QTest::newRow("drop in a jumped-to chain")
        << QString("table inet filter {\n chain peers {\n  tcp dport 7680 drop\n }\n"
                   " chain input {\n  type filter hook input priority 0; policy accept;\n"
                   "  jump peers\n }\n}\n")
        << "fail"
        << "inet filter peers rule"
        << "tcp dport 7680 accept";
    QTest::newRow("allowed from one subnet only")
        << input("inet", "filter", "drop", "  ip saddr 10.0.0.0/8 tcp dport 7680 accept") << "warn"
        << "May apply: inet filter input rule"
        << "sudo nft list ruleset";
    QTest::newRow("second base chain drops")
        << input("inet", "a", "accept", "  tcp dport 7680 accept") +
               QString("table ip b {\n chain input {\n  type filter hook input priority 10; "
                       "policy drop;\n }\n}\n")
        << "fail"
        << "ip b input: policy drop"
        << "nft insert rule ip b input";
}

void FirewallCheckTest::verdicts()
{
    QFETCH(QString, rules);
    QFETCH(QString, verdict);
    QFETCH(QString, evidence);
    QFETCH(QString, remedy);
    QString problem;
    const QJsonObject r = runWithRules(rules, &problem);
    QVERIFY2(!r.isEmpty(), qPrintable(problem));
    const QString shown = QJsonDocument(r).toJson();
    QCOMPARE(r["Verdict"].toString(), verdict);
    bool found = false;
    for (const QJsonValue& line : r["Evidence"].toArray())
        found = found || line.toString().contains(evidence);
    QVERIFY2(found, qPrintable(shown));
    if (remedy.isEmpty())
        QVERIFY2(r["Remedy"].toString().isEmpty(), qPrintable(shown));
    else
        QVERIFY2(r["Remedy"].toString().contains(remedy), qPrintable(shown));
}

QTEST_GUILESS_MAIN(FirewallCheckTest)
#include "test_firewall_check.moc"
