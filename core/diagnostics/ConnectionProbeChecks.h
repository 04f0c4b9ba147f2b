#pragma once

// The connection checks that measure on the network (see ConnectionChecks.cpp for the rest).

#include "diagnostics/Check.h"
#include "diagnostics/NetworkProbes.h"

class QNetworkAccessManager;

namespace opendo::diagnostics {

// The agent's peer port: listening where configured, accepting, and if not, who holds it.
class PeerPortCheck : public Check
{
    Q_OBJECT
public:
    PeerPortCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;
};

// The discovery service step by step: name lookup, TCP connect, HTTP health, what it sees.
class DiscoveryCheck : public Check
{
    Q_OBJECT
public:
    DiscoveryCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;

private:
    void connectTo(const QHostAddress& address);
    void askHealth();
    void finish(Verdict verdict, const QString& summary, const QString& remedy);

    const DiagnosticInputs* m_in = nullptr;
    Done m_done;
    QString m_url;
    QString m_host;
    quint16 m_port = 0;
    QStringList m_evidence;
    QNetworkAccessManager* m_network = nullptr;
};

// A ranged GET of a known content at the origin must answer 206 with the right Content-Range.
class OriginRangesCheck : public Check
{
    Q_OBJECT
public:
    OriginRangesCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;
};

// Which proxy HTTP downloads use, and whether it passes Range requests through.
class ProxyCheck : public Check
{
    Q_OBJECT
public:
    ProxyCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;

private:
    void compare(const DiagnosticInputs& in, const HttpProbeResult& viaProxy,
                 const HttpProbeResult& direct, const QString& proxyName, Done done);
};

// "Test connection to a peer": a TCP connect to the address the user gave.
class PeerTestCheck : public Check
{
    Q_OBJECT
public:
    PeerTestCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;
};

// Judges a ranged GET of bytes 0-9: "" when it is a correct 206, else what is wrong.
QString rangeAnswerProblem(const HttpProbeResult& answer);
// The remedy for a failed TCP probe to a peer's port, naming the firewall rule to add.
QString peerProbeRemedy(const TcpProbeResult& probe, quint16 port);

} // namespace opendo::diagnostics
