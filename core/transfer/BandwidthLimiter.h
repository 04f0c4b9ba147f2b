#pragma once

// Token buckets shared by all downloads of the agent, one per priority class, fed from the
// bandwidth policies. Sources ask before consuming bytes and wait for `available` when refused.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace opendo::transfer {

enum class TrafficClass
{
    Foreground,
    Background
};

class BandwidthLimiter : public QObject
{
    Q_OBJECT
public:
    explicit BandwidthLimiter(QObject* parent = nullptr);

    // Bytes per second; 0 = unlimited.
    void setRate(TrafficClass cls, qint64 bytesPerSecond);
    qint64 rate(TrafficClass cls) const;

    // Grants up to `wanted` bytes now (all of them when unlimited); 0 means wait for
    // `available`.
    qint64 take(TrafficClass cls, qint64 wanted);

Q_SIGNALS:
    void available(); // tokens were added; refused sources should try again

private:
    struct Bucket
    {
        qint64 rate = 0;
        double tokens = 0;
    };
    void refill();
    void onTick();
    static double capacity(const Bucket& b);
    Bucket& bucket(TrafficClass cls) { return cls == TrafficClass::Foreground ? m_fg : m_bg; }

    Bucket m_fg;
    Bucket m_bg;
    QElapsedTimer m_clock;
    qint64 m_lastRefillNs = 0;
    QTimer m_tick;
};

} // namespace opendo::transfer
