#pragma once

// The peer checks that measure on the network (see PeerChecks.cpp for the rest).

#include "diagnostics/Check.h"

namespace opendo::diagnostics {

// LAN mode matches devices behind the same public address only: this asks the discovery
// service which public addresses the other holders of this device's contents register from.
class LanPublicAddressCheck : public Check
{
    Q_OBJECT
public:
    LanPublicAddressCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;
};

// A TCP connect to each peer the service offered (and each static peer), in parallel.
class PeersReachableCheck : public Check
{
    Q_OBJECT
public:
    PeersReachableCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;
};

// The contents this device announces or downloads, by content id.
QStringList trackedContentIds(const DiagnosticInputs& inputs);

} // namespace opendo::diagnostics
