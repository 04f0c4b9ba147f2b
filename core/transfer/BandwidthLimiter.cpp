#include "transfer/BandwidthLimiter.h"

#include <algorithm>
#include <cmath>

namespace opendo::transfer {

namespace {
// A quarter second of burst smooths the timer's jitter without letting a source run far ahead
// of the policy; 16 KiB keeps very low rates from granting uselessly small pieces.
constexpr double kBurstSeconds = 0.25;
constexpr double kMinBurstBytes = 16 * 1024;
// Refused sources are woken this often: short enough for smooth pacing, long enough that the
// wake-ups cost nothing measurable.
constexpr int kWakeTickMs = 25;
} // namespace

BandwidthLimiter::BandwidthLimiter(QObject* parent) : QObject(parent)
{
    m_clock.start();
    m_lastRefillNs = m_clock.nsecsElapsed();
    m_tick.setSingleShot(true);
    m_tick.setInterval(kWakeTickMs);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &BandwidthLimiter::onTick);
}

double BandwidthLimiter::capacity(const Bucket& b)
{
    return std::max(kMinBurstBytes, static_cast<double>(b.rate) * kBurstSeconds);
}

void BandwidthLimiter::setRate(TrafficClass cls, qint64 bytesPerSecond)
{
    refill();
    Bucket& b = bucket(cls);
    const qint64 newRate = std::max<qint64>(0, bytesPerSecond);
    if (b.rate == newRate)
        return;
    // A class that was unlimited starts with a full burst (as a fresh token bucket does);
    // a limited class keeps what it had saved, trimmed to the new capacity.
    const bool wasUnlimited = b.rate == 0;
    b.rate = newRate;
    b.tokens = wasUnlimited ? capacity(b) : std::min(b.tokens, capacity(b));
    // Sources waiting under the old rate may get more now (or everything, when unlimited).
    if (!m_tick.isActive())
        m_tick.start();
}

qint64 BandwidthLimiter::rate(TrafficClass cls) const
{
    return cls == TrafficClass::Foreground ? m_fg.rate : m_bg.rate;
}

qint64 BandwidthLimiter::take(TrafficClass cls, qint64 wanted)
{
    if (wanted <= 0)
        return 0;
    Bucket& b = bucket(cls);
    if (b.rate == 0)
        return wanted;
    refill();
    // Whole bytes only, and never more than the bucket holds.
    const qint64 granted = std::min<qint64>(wanted, static_cast<qint64>(std::floor(b.tokens)));
    b.tokens -= static_cast<double>(granted);
    if (granted < wanted && !m_tick.isActive())
        m_tick.start();
    return granted;
}

void BandwidthLimiter::refill()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double seconds = static_cast<double>(now - m_lastRefillNs) / 1e9;
    m_lastRefillNs = now;
    for (Bucket* b : {&m_fg, &m_bg}) {
        if (b->rate > 0)
            b->tokens = std::min(capacity(*b), b->tokens + static_cast<double>(b->rate) * seconds);
    }
}

void BandwidthLimiter::onTick()
{
    // Only someone who was refused (or a rate change) arms the timer, so waking everyone is
    // cheap; whoever is still short re-arms it through take().
    refill();
    Q_EMIT available();
}

} // namespace opendo::transfer
