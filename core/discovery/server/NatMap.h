#pragma once

// The server's view of addresses: which public address a client's connection address stands
// for. In production that is the connection address itself; tests and labs that run many agents
// on one machine map loopback ranges to made-up public addresses to stand for separate NATs
// (do-discovery --nat-map 127.0.0.2-127.0.0.3=203.0.113.1, repeatable; CIDR "127.0.0.0/30=…"
// works too).

#include <QHostAddress>
#include <QString>
#include <optional>
#include <vector>

namespace opendo::discovery {

class NatMap
{
public:
    // Parses one rule; on failure returns false and sets *error (translated).
    bool addRule(const QString& rule, QString* error);
    QHostAddress publicAddressOf(const QHostAddress& seen) const; // identity when unmapped
    bool isEmpty() const { return m_rules.empty(); }

private:
    struct Rule
    {
        QHostAddress first;
        QHostAddress last;
        QHostAddress publicAddress;
    };
    std::vector<Rule> m_rules;
};

} // namespace opendo::discovery
