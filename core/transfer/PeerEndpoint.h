#pragma once

// A peer's address and port as users write it: "127.0.0.2:7680", "[::1]:7680", "host:7680"
// (names are not resolved here: static peers and listen addresses are addresses).

#include <QHostAddress>
#include <QString>
#include <optional>

namespace opendo::transfer {

struct PeerEndpoint
{
    QHostAddress address;
    quint16 port = 0;

    QString toString() const;
    friend bool operator==(const PeerEndpoint&, const PeerEndpoint&) = default;
};

// Strict: an IPv4 or bracketed IPv6 address, a colon and a port 1-65535 (0 too when
// `allowPortZero`, for "pick a free port"). On failure *error says what is wrong.
std::optional<PeerEndpoint> parsePeerEndpoint(const QString& text, QString* error,
                                              bool allowPortZero = false);

} // namespace opendo::transfer
