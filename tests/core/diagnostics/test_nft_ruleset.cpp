// The nftables walk on rulesets real nft cannot load or that only hostile files contain: not
// JSON, jump loops, and the cases whose nft text form the integration test does not cover
// (negated matches, iptables extensions, IPv6 packets and ip-family tables).

#include "diagnostics/NftRuleset.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace opendo::diagnostics;
using Outcome = FirewallDecision::Outcome;

namespace {

QJsonObject chain(const QString& family, const QString& name, const QString& policy = {})
{
    QJsonObject c{{"family", family}, {"table", "t"}, {"name", name}};
    if (!policy.isEmpty()) {
        c["type"] = "filter";
        c["hook"] = "input";
        c["prio"] = 0;
        c["policy"] = policy;
    }
    return {{"chain", c}};
}

QJsonObject rule(const QString& family, const QString& chainName, const QJsonArray& expr)
{
    static int handle = 1;
    return {{"rule", QJsonObject{{"family", family},
                                 {"table", "t"},
                                 {"chain", chainName},
                                 {"handle", ++handle},
                                 {"expr", expr}}}};
}

QJsonObject dport(const QString& op, int port)
{
    return {
        {"match", QJsonObject{{"op", op},
                              {"left", QJsonObject{{"payload", QJsonObject{{"protocol", "tcp"},
                                                                           {"field", "dport"}}}}},
                              {"right", port}}}};
}

QJsonObject verdict(const QString& v, const QString& target = {})
{
    return {{v, target.isEmpty() ? QJsonValue() : QJsonValue(QJsonObject{{"target", target}})}};
}

QByteArray ruleset(const QJsonArray& items)
{
    return QJsonDocument(QJsonObject{{"nftables", items}}).toJson();
}

FirewallDecision evaluate(const QByteArray& json, bool ipv6 = false)
{
    InboundConnection c;
    c.port = 7680;
    c.ipv6 = ipv6;
    QString error;
    const auto d = evaluateInbound(json, c, &error);
    if (!d)
        qWarning() << error;
    return d.value_or(FirewallDecision{Outcome::Uncertain, -1, {}, {}, {}, {}, {"unparsed"}});
}

} // namespace

class NftRulesetTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notAnNftablesRuleset();
    void negatedPortMatch();
    void jumpLoopIsBounded();
    void jumpFanOutIsBounded();
    void iptablesExtensionIsUncertain();
    void ipv6SkipsIpTables();
};

void NftRulesetTest::notAnNftablesRuleset()
{
    QString error;
    QVERIFY(!evaluateInbound("{\"nftables\": [", InboundConnection{}, &error));
    QVERIFY(error.contains("nftables"));
    QVERIFY(!evaluateInbound("{\"tables\": []}", InboundConnection{}, &error));
    QVERIFY(!evaluateInbound("", InboundConnection{}, &error));
}

void NftRulesetTest::negatedPortMatch()
{
    // "drop everything that is not SSH" drops the peer port; "drop everything but 7680" does not.
    auto d = evaluate(ruleset(
        {chain("inet", "in", "accept"), rule("inet", "in", {dport("!=", 22), verdict("drop")})}));
    QCOMPARE(d.outcome, Outcome::Dropped);
    QVERIFY(d.decidedBy.contains("drop"));
    d = evaluate(ruleset(
        {chain("inet", "in", "accept"), rule("inet", "in", {dport("!=", 7680), verdict("drop")})}));
    QCOMPARE(d.outcome, Outcome::Accepted);
}

void NftRulesetTest::jumpLoopIsBounded()
{
    const QByteArray json = ruleset({chain("inet", "in", "accept"), chain("inet", "a"),
                                     chain("inet", "b"), rule("inet", "in", {verdict("jump", "a")}),
                                     rule("inet", "a", {verdict("jump", "b")}),
                                     rule("inet", "b", {verdict("jump", "a")})});
    const FirewallDecision d = evaluate(json);
    QCOMPARE(d.outcome, Outcome::Uncertain);
    QVERIFY(d.undecided.join('\n').contains("too deep"));
}

void NftRulesetTest::jumpFanOutIsBounded()
{
    // Twelve chains of ten rules that each jump to the next: 10^12 paths without a budget.
    QJsonArray items{chain("inet", "in", "accept"), rule("inet", "in", {verdict("jump", "c0")})};
    for (int level = 0; level < 12; ++level) {
        items.append(chain("inet", QString("c%1").arg(level)));
        for (int i = 0; i < 10; ++i)
            items.append(rule("inet", QString("c%1").arg(level),
                              {verdict("jump", QString("c%1").arg(level + 1))}));
    }
    QElapsedTimer clock;
    clock.start();
    const FirewallDecision d = evaluate(ruleset(items));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(d.outcome, Outcome::Uncertain);
    QVERIFY(d.undecided.join('\n').contains("too many rules"));
}

void NftRulesetTest::iptablesExtensionIsUncertain()
{
    const QJsonObject xt{{"xt", QJsonObject{{"type", "match"}, {"name", "multiport"}}}};
    const FirewallDecision d = evaluate(
        ruleset({chain("ip", "INPUT", "drop"), rule("ip", "INPUT", {xt, verdict("accept")})}));
    QCOMPARE(d.outcome, Outcome::Uncertain);
    QCOMPARE(d.undecided.size(), 1);
    QVERIFY(d.decidedBy.contains("policy drop"));
}

void NftRulesetTest::ipv6SkipsIpTables()
{
    const QByteArray json = ruleset({chain("ip", "v4", "drop"), chain("ip6", "v6", "accept")});
    QCOMPARE(evaluate(json, false).outcome, Outcome::Dropped);
    const FirewallDecision v6 = evaluate(json, true);
    QCOMPARE(v6.outcome, Outcome::Accepted);
    QCOMPARE(v6.baseChains, 1);
}

QTEST_GUILESS_MAIN(NftRulesetTest)
#include "test_nft_ruleset.moc"
