#include "diagnostics/NftRuleset.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace opendo::diagnostics {

namespace {

constexpr int kMaxJumpDepth = 16;       // nft itself refuses loops; this bounds a hostile file
constexpr int kMaxRuleVisits = 100'000; // jumps fanning out could otherwise take forever

enum class Tri
{
    True,
    False,
    Unknown
};

struct Chain
{
    QString family, table, name;
    QString hook, type, policy;
    int prio = 0;
    QList<QJsonObject> rules; // "rule" objects in order
};

using ChainKey = QString; // family + table + name
ChainKey keyOf(const QString& family, const QString& table, const QString& name)
{
    return family + QLatin1Char('\x1f') + table + QLatin1Char('\x1f') + name;
}

// One subject of the packet: a number (the port), a word ("tcp", "new", "ipv4", an interface),
// or unknown.
struct Subject
{
    bool known = false;
    bool isNumber = false;
    qint64 number = 0;
    QString word;
    bool anyButLoopback = false; // the interface when listening on the wildcard
};

Subject number(qint64 n)
{
    Subject s;
    s.known = s.isNumber = true;
    s.number = n;
    return s;
}

Subject word(const QString& w)
{
    Subject s;
    s.known = true;
    s.word = w;
    return s;
}

// nullopt: the match can never hold for a TCP packet (another protocol's header field).
std::optional<Subject> subjectOf(const QJsonObject& left, const InboundConnection& c)
{
    if (left.contains(QLatin1String("payload"))) {
        const QJsonObject p = left.value(QLatin1String("payload")).toObject();
        const QString proto = p.value(QLatin1String("protocol")).toString();
        const QString field = p.value(QLatin1String("field")).toString();
        if ((proto == QLatin1String("tcp") || proto == QLatin1String("th")) &&
            field == QLatin1String("dport"))
            return number(c.port);
        if ((proto == QLatin1String("ip") && field == QLatin1String("protocol")) ||
            (proto == QLatin1String("ip6") && field == QLatin1String("nexthdr")))
            return word(QStringLiteral("tcp"));
        if (proto == QLatin1String("udp") || proto == QLatin1String("icmp") ||
            proto == QLatin1String("icmpv6") || proto == QLatin1String("sctp") ||
            proto == QLatin1String("udplite"))
            return std::nullopt;
        if ((proto == QLatin1String("ip") && c.ipv6) || (proto == QLatin1String("ip6") && !c.ipv6))
            return std::nullopt;
        return Subject{}; // addresses, source port, flags: depends on the peer
    }
    if (left.contains(QLatin1String("meta"))) {
        const QString key =
            left.value(QLatin1String("meta")).toObject().value(QLatin1String("key")).toString();
        if (key == QLatin1String("l4proto"))
            return word(QStringLiteral("tcp"));
        if (key == QLatin1String("nfproto"))
            return word(c.ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"));
        if (key == QLatin1String("iifname") || key == QLatin1String("iif")) {
            Subject s = word(c.interfaceName);
            s.anyButLoopback = c.interfaceName.isEmpty();
            return s;
        }
        return Subject{};
    }
    if (left.contains(QLatin1String("ct"))) {
        const QString key =
            left.value(QLatin1String("ct")).toObject().value(QLatin1String("key")).toString();
        if (key == QLatin1String("state"))
            return word(QStringLiteral("new"));
        return Subject{};
    }
    return Subject{};
}

Tri equalsOne(const Subject& s, const QJsonValue& v)
{
    if (v.isObject() && v.toObject().contains(QLatin1String("range"))) {
        const QJsonArray r = v.toObject().value(QLatin1String("range")).toArray();
        if (!s.isNumber || r.size() != 2 || !r.at(0).isDouble() || !r.at(1).isDouble())
            return Tri::Unknown;
        return s.number >= r.at(0).toInteger() && s.number <= r.at(1).toInteger() ? Tri::True
                                                                                  : Tri::False;
    }
    if (v.isDouble())
        return s.isNumber ? (s.number == v.toInteger() ? Tri::True : Tri::False) : Tri::Unknown;
    if (v.isString() && !s.isNumber) {
        const QString want = v.toString();
        if (s.anyButLoopback)
            return want == QLatin1String("lo") ? Tri::False : Tri::Unknown;
        if (want.endsWith(QLatin1Char('*')))
            return s.word.startsWith(want.chopped(1)) ? Tri::True : Tri::False;
        return s.word == want ? Tri::True : Tri::False;
    }
    return Tri::Unknown;
}

// Any element of a set, an array of flags, or a single value.
Tri contains(const Subject& s, const QJsonValue& right)
{
    QJsonArray items;
    if (right.isArray())
        items = right.toArray();
    else if (right.isObject() && right.toObject().contains(QLatin1String("set")))
        items = right.toObject().value(QLatin1String("set")).toArray();
    else
        return equalsOne(s, right);
    Tri result = Tri::False;
    for (const QJsonValue& item : std::as_const(items)) {
        const Tri t = equalsOne(s, item);
        if (t == Tri::True)
            return Tri::True;
        if (t == Tri::Unknown)
            result = Tri::Unknown;
    }
    return result;
}

Tri evaluateMatch(const QJsonObject& match, const InboundConnection& c)
{
    const auto subject = subjectOf(match.value(QLatin1String("left")).toObject(), c);
    if (!subject)
        return Tri::False;
    if (!subject->known)
        return Tri::Unknown;
    const QString op = match.value(QLatin1String("op")).toString(QStringLiteral("=="));
    const QJsonValue right = match.value(QLatin1String("right"));
    const Tri in = contains(*subject, right);
    if (op == QLatin1String("==") || op == QLatin1String("in"))
        return in;
    if (op == QLatin1String("!="))
        return in == Tri::Unknown ? Tri::Unknown : (in == Tri::True ? Tri::False : Tri::True);
    if (subject->isNumber && right.isDouble()) {
        const qint64 a = subject->number, b = right.toInteger();
        const bool holds = op == QLatin1String("<")    ? a < b
                           : op == QLatin1String(">")  ? a > b
                           : op == QLatin1String("<=") ? a <= b
                           : op == QLatin1String(">=") ? a >= b
                                                       : false;
        return holds ? Tri::True : Tri::False;
    }
    return Tri::Unknown;
}

QString describeMatch(const QJsonObject& match)
{
    const QJsonObject left = match.value(QLatin1String("left")).toObject();
    QString subject;
    if (left.contains(QLatin1String("payload"))) {
        const QJsonObject p = left.value(QLatin1String("payload")).toObject();
        subject = p.value(QLatin1String("protocol")).toString() + QLatin1Char(' ') +
                  p.value(QLatin1String("field")).toString();
    } else if (!left.isEmpty()) {
        const QString kind = left.keys().constFirst();
        subject = kind + QLatin1Char(' ') +
                  left.value(kind).toObject().value(QLatin1String("key")).toString();
    }
    const QString right = QString::fromUtf8(
        QJsonDocument::fromVariant(QVariantList{match.value(QLatin1String("right")).toVariant()})
            .toJson(QJsonDocument::Compact));
    return QStringLiteral("%1 %2 %3")
        .arg(subject.trimmed(), match.value(QLatin1String("op")).toString(),
             right.mid(1).chopped(1));
}

enum class Flow
{
    Accept,
    Drop,
    Continue // end of chain or "return"
};

struct Walk
{
    const QHash<ChainKey, Chain>& chains;
    const InboundConnection& connection;
    QStringList undecided;
    QString decidedBy;
    int visits = 0;

    static QString place(const Chain& chain)
    {
        return QStringLiteral("%1 %2 %3").arg(chain.family, chain.table, chain.name);
    }

    Flow run(const Chain& chain, int depth)
    {
        if (depth > kMaxJumpDepth) {
            undecided << QCoreApplication::translate("opendo::diagnostics",
                                                     "%1: jumps nested too deep to follow")
                             .arg(place(chain));
            return Flow::Continue;
        }
        for (const QJsonObject& rule : chain.rules) {
            if (++visits > kMaxRuleVisits) {
                if (visits == kMaxRuleVisits + 1)
                    undecided << QCoreApplication::translate(
                        "opendo::diagnostics", "too many rules and jumps to follow them all");
                return Flow::Continue;
            }
            Tri all = Tri::True;
            QString verdict, target;
            QStringList parts;
            for (const QJsonValue& e : rule.value(QLatin1String("expr")).toArray()) {
                const QJsonObject expr = e.toObject();
                if (expr.contains(QLatin1String("match"))) {
                    const QJsonObject m = expr.value(QLatin1String("match")).toObject();
                    parts << describeMatch(m);
                    const Tri t = evaluateMatch(m, connection);
                    if (t == Tri::False)
                        all = Tri::False;
                    else if (t == Tri::Unknown && all == Tri::True)
                        all = Tri::Unknown;
                } else if (expr.contains(QLatin1String("xt")) ||
                           expr.contains(QLatin1String("limit"))) {
                    parts << expr.keys().constFirst();
                    if (all == Tri::True)
                        all = Tri::Unknown; // an iptables extension or a rate: cannot tell
                } else {
                    for (const char* v : {"accept", "drop", "reject", "jump", "goto", "return"}) {
                        if (expr.contains(QLatin1String(v))) {
                            verdict = QLatin1String(v);
                            const QJsonValue arg = expr.value(verdict);
                            target = arg.toObject().value(QLatin1String("target")).toString();
                        }
                    }
                }
            }
            if (verdict.isEmpty() || all == Tri::False)
                continue;
            const QString text =
                QStringLiteral("%1 rule %2: %3 %4")
                    .arg(place(chain))
                    .arg(rule.value(QLatin1String("handle")).toInteger())
                    .arg(parts.join(QLatin1Char(' ')),
                         verdict + (target.isEmpty() ? QString() : QLatin1Char(' ') + target))
                    .trimmed();
            if (all == Tri::Unknown) {
                undecided << text;
                continue;
            }
            if (verdict == QLatin1String("accept") || verdict == QLatin1String("drop") ||
                verdict == QLatin1String("reject")) {
                decidedBy = text;
                return verdict == QLatin1String("accept") ? Flow::Accept : Flow::Drop;
            }
            if (verdict == QLatin1String("return"))
                return Flow::Continue;
            const Chain next = chains.value(keyOf(chain.family, chain.table, target));
            if (next.name.isEmpty()) {
                undecided << text;
                continue;
            }
            const Flow flow = run(next, depth + 1);
            if (flow != Flow::Continue || verdict == QLatin1String("goto"))
                return flow;
        }
        return Flow::Continue;
    }
};

} // namespace

std::optional<FirewallDecision> evaluateInbound(const QByteArray& json,
                                                const InboundConnection& connection, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonArray items = doc.object().value(QLatin1String("nftables")).toArray();
    if (doc.isNull() || !doc.object().contains(QLatin1String("nftables"))) {
        if (error)
            *error = QCoreApplication::translate("opendo::diagnostics",
                                                 "not the JSON form of an nftables ruleset");
        return std::nullopt;
    }
    QHash<ChainKey, Chain> chains;
    QList<ChainKey> order;
    for (const QJsonValue& item : items) {
        const QJsonObject o = item.toObject();
        if (o.contains(QLatin1String("chain"))) {
            const QJsonObject c = o.value(QLatin1String("chain")).toObject();
            Chain chain;
            chain.family = c.value(QLatin1String("family")).toString();
            chain.table = c.value(QLatin1String("table")).toString();
            chain.name = c.value(QLatin1String("name")).toString();
            chain.hook = c.value(QLatin1String("hook")).toString();
            chain.type = c.value(QLatin1String("type")).toString();
            chain.policy = c.value(QLatin1String("policy")).toString(QStringLiteral("accept"));
            chain.prio = c.value(QLatin1String("prio")).toInt();
            const ChainKey key = keyOf(chain.family, chain.table, chain.name);
            chains.insert(key, chain);
            order << key;
        } else if (o.contains(QLatin1String("rule"))) {
            const QJsonObject r = o.value(QLatin1String("rule")).toObject();
            const ChainKey key = keyOf(r.value(QLatin1String("family")).toString(),
                                       r.value(QLatin1String("table")).toString(),
                                       r.value(QLatin1String("chain")).toString());
            if (chains.contains(key))
                chains[key].rules << r;
        }
    }
    QList<Chain> base;
    for (const ChainKey& key : std::as_const(order)) {
        const Chain& c = chains[key];
        const bool family =
            c.family == QLatin1String("inet") ||
            c.family == (connection.ipv6 ? QLatin1String("ip6") : QLatin1String("ip"));
        if (family && c.hook == QLatin1String("input") && c.type == QLatin1String("filter"))
            base << c;
    }
    std::stable_sort(base.begin(), base.end(),
                     [](const Chain& a, const Chain& b) { return a.prio < b.prio; });

    FirewallDecision decision;
    decision.baseChains = int(base.size());
    Walk walk{chains, connection, {}, {}};
    for (const Chain& chain : std::as_const(base)) {
        walk.decidedBy.clear();
        Flow flow = walk.run(chain, 0);
        if (flow == Flow::Continue) {
            flow = chain.policy == QLatin1String("drop") ? Flow::Drop : Flow::Accept;
            walk.decidedBy = QStringLiteral("%1: policy %2").arg(Walk::place(chain), chain.policy);
        }
        decision.decidedBy = walk.decidedBy;
        decision.family = chain.family;
        decision.table = chain.table;
        decision.chain = chain.name;
        if (flow == Flow::Drop) {
            decision.outcome = FirewallDecision::Outcome::Dropped;
            break;
        }
    }
    decision.undecided = walk.undecided;
    if (!decision.undecided.isEmpty())
        decision.outcome = FirewallDecision::Outcome::Uncertain;
    return decision;
}

} // namespace opendo::diagnostics
