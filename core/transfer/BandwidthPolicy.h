#pragma once

// Turns the DO bandwidth policies into byte rates for the limiter at a given local time:
// absolute caps, percentage caps of the measured available bandwidth, business hours.

#include "policy/PolicyState.h"
#include "transfer/BandwidthLimiter.h"

#include <QTime>

namespace opendo::transfer {

struct BandwidthRates
{
    qint64 foreground = 0; // bytes/s, 0 = unlimited
    qint64 background = 0;
};

// `measuredBytesPerSecond` is the best throughput seen recently (0 = unknown: percentage caps
// then do not limit yet).
BandwidthRates bandwidthRatesFor(const policy::PolicySnapshot& policies, const QTime& localTime,
                                 qint64 measuredBytesPerSecond);

} // namespace opendo::transfer
