#pragma once

// One raw peer-wire connection driven by a test: it sends whatever it is told, however wrong,
// and decodes what the agent answers strictly, so a malformed answer fails the test too.

#include "peer/ExtensionHandshake.h"
#include "peer/PeerMessage.h"
#include "peer/PeerWireDecoder.h"

#include <QBitArray>
#include <QHostAddress>
#include <QTcpSocket>
#include <initializer_list>
#include <memory>
#include <optional>

namespace opendo::test {

struct HostilePeer
{
    enum class Read
    {
        Handshake,
        Message,
        Closed,
        Timeout,
        Garbled, // the agent sent something our decoder refuses
    };
    static QString name(Read r);

    HostilePeer(QTcpSocket* s, int pieceCount);

    // A connection from `from` (its own loopback address, so the agent's log and ban list tell
    // the test's peers apart) to the agent.
    static std::unique_ptr<HostilePeer> connectTo(const QHostAddress& from, const QHostAddress& to,
                                                  quint16 port, int pieceCount);

    QString endpoint() const;
    void send(const QByteArray& bytes);
    void send(const peer::PeerMessage& message);
    void send(peer::MessageType type);
    void sendHandshake(const QByteArray& infoHash);

    // After Garbled once, later calls only drain the socket until it closes or time runs out.
    Read read(peer::PeerMessage& message, qint64 timeoutMs);
    // Sends our handshake and reads the agent's answer: its handshake, then its BEP 10
    // handshake, which must come before anything else.
    bool open(const QByteArray& infoHash, QString* problem);
    // Reads until a message of one of `types` arrives; nullopt when the agent closed first or
    // the time ran out (`outcome` says which).
    std::optional<peer::PeerMessage> waitFor(std::initializer_list<peer::MessageType> types,
                                             qint64 timeoutMs, Read* outcome = nullptr);
    // Reads (and drops) everything until the agent hangs up; false if it never does.
    bool waitClosed(qint64 timeoutMs);

    std::unique_ptr<QTcpSocket> socket;
    peer::PeerWireDecoder decoder;
    QBitArray agentHas;
    peer::ExtensionHandshake agentExtensions;
    QByteArray received; // every byte the agent sent, for "nothing came back" checks
    int piecesReceived = 0;

private:
    void track(const peer::PeerMessage& m);
};

// For comparisons whose failure message should say what arrived.
QString describe(const peer::PeerMessage& m);

} // namespace opendo::test
