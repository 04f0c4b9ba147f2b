// The bandwidth policies turned into limiter rates: absolute caps, shares of the measured
// bandwidth, business hours (also across midnight), the legacy single-value policies, and the
// tighter cap winning.

#include "transfer/BandwidthPolicy.h"

#include <QTest>

using namespace opendo::policy;
using namespace opendo::transfer;

class BandwidthPolicyTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rates_data();
    void rates();
};

namespace {
constexpr qint64 kMeasured = 10'000'000; // bytes/s

const char* const kFgHours = "DOSetHoursToLimitForegroundDownloadBandwidth";
const char* const kBgHours = "DOSetHoursToLimitBackgroundDownloadBandwidth";

QStringList hours(const char* group, int from, int to, int in, int out)
{
    const QString g = QString::fromLatin1(group);
    return {g + "_From=" + QString::number(from), g + "_To=" + QString::number(to),
            g + "_In=" + QString::number(in), g + "_Out=" + QString::number(out)};
}
} // namespace

void BandwidthPolicyTest::rates_data()
{
    QTest::addColumn<QStringList>("settings"); // "Key=value", all in the policy layer
    QTest::addColumn<int>("hour");
    QTest::addColumn<qint64>("measured");
    QTest::addColumn<qint64>("foreground");
    QTest::addColumn<qint64>("background");

    QTest::newRow("nothing configured") << QStringList{} << 12 << kMeasured << 0LL << 0LL;
    QTest::newRow("absolute foreground KB/s are KiB/s")
        << QStringList{"DOMaxForegroundDownloadBandwidth=1000"} << 12 << kMeasured << 1'024'000LL
        << 0LL;
    QTest::newRow("absolute background")
        << QStringList{"DOMaxBackgroundDownloadBandwidth=500"} << 12 << 0LL << 0LL << 512'000LL;
    QTest::newRow("legacy absolute applies to both")
        << QStringList{"DOMaxDownloadBandwidth=200"} << 12 << kMeasured << 204'800LL << 204'800LL;
    QTest::newRow("per-class absolute replaces legacy for its class")
        << QStringList{"DOMaxDownloadBandwidth=200", "DOMaxForegroundDownloadBandwidth=1000"} << 12
        << kMeasured << 1'024'000LL << 204'800LL;
    QTest::newRow("percentage of measured") << QStringList{"DOPercentageMaxForegroundBandwidth=50"}
                                            << 12 << kMeasured << 5'000'000LL << 0LL;
    QTest::newRow("percentage without a measurement caps nothing")
        << QStringList{"DOPercentageMaxForegroundBandwidth=50",
                       "DOPercentageMaxBackgroundBandwidth=10"}
        << 12 << 0LL << 0LL << 0LL;
    QTest::newRow("legacy percentage applies to both")
        << QStringList{"DOPercentageMaxDownloadBandwidth=25"} << 12 << kMeasured << 2'500'000LL
        << 2'500'000LL;
    QTest::newRow("per-class percentage replaces legacy for its class")
        << QStringList{"DOPercentageMaxDownloadBandwidth=25",
                       "DOPercentageMaxBackgroundBandwidth=40"}
        << 12 << kMeasured << 2'500'000LL << 4'000'000LL;
    QTest::newRow("absolute tighter than percentage")
        << QStringList{"DOMaxForegroundDownloadBandwidth=1000",
                       "DOPercentageMaxForegroundBandwidth=50"}
        << 12 << kMeasured << 1'024'000LL << 0LL;
    QTest::newRow("percentage tighter than absolute")
        << QStringList{"DOMaxForegroundDownloadBandwidth=1000",
                       "DOPercentageMaxForegroundBandwidth=5"}
        << 12 << kMeasured << 500'000LL << 0LL;
    QTest::newRow("legacy absolute and percentage, tighter wins")
        << QStringList{"DOMaxDownloadBandwidth=100", "DOPercentageMaxDownloadBandwidth=50"} << 12
        << kMeasured << 102'400LL << 102'400LL;

    const QStringList day = hours(kFgHours, 8, 17, 20, 80);
    QTest::newRow("business hours inside") << day << 10 << kMeasured << 2'000'000LL << 0LL;
    QTest::newRow("business hours start is inside") << day << 8 << kMeasured << 2'000'000LL << 0LL;
    QTest::newRow("business hours end is outside") << day << 17 << kMeasured << 8'000'000LL << 0LL;
    QTest::newRow("business hours outside, morning") << day << 7 << kMeasured << 8'000'000LL << 0LL;
    QTest::newRow("business hours without a measurement") << day << 10 << 0LL << 0LL << 0LL;
    const QStringList night = hours(kBgHours, 22, 6, 10, 50);
    QTest::newRow("window across midnight, late") << night << 23 << kMeasured << 0LL << 1'000'000LL;
    QTest::newRow("window across midnight, early") << night << 3 << kMeasured << 0LL << 1'000'000LL;
    QTest::newRow("window across midnight, end") << night << 6 << kMeasured << 0LL << 5'000'000LL;
    QTest::newRow("window across midnight, noon") << night << 12 << kMeasured << 0LL << 5'000'000LL;
    QTest::newRow("business hours replace the plain percentage")
        << (QStringList{"DOPercentageMaxForegroundBandwidth=5"} + day) << 12 << kMeasured
        << 2'000'000LL << 0LL;
    QTest::newRow("business hours 0 means unlimited in that part of the day")
        << (QStringList{"DOPercentageMaxForegroundBandwidth=5"} + hours(kFgHours, 8, 17, 0, 30))
        << 12 << kMeasured << 0LL << 0LL;
    QTest::newRow("one sub-value configured: window defaults to 8-17")
        << QStringList{QString::fromLatin1(kFgHours) + "_In=30"} << 9 << kMeasured << 3'000'000LL
        << 0LL;
    QTest::newRow("one sub-value configured, outside the default window")
        << QStringList{QString::fromLatin1(kFgHours) + "_In=30",
                       "DOPercentageMaxForegroundBandwidth=5"}
        << 20 << kMeasured << 0LL << 0LL;
    QTest::newRow("business hours and absolute cap, tighter wins")
        << (QStringList{"DOMaxForegroundDownloadBandwidth=1000"} + day) << 10 << kMeasured
        << 1'024'000LL << 0LL;
    QTest::newRow("each class its own hours")
        << (day + hours(kBgHours, 0, 12, 5, 100)) << 10 << kMeasured << 2'000'000LL << 500'000LL;
}

void BandwidthPolicyTest::rates()
{
    QFETCH(QStringList, settings);
    QFETCH(int, hour);
    QFETCH(qint64, measured);
    QFETCH(qint64, foreground);
    QFETCH(qint64, background);

    PolicyState state;
    for (const QString& s : settings) {
        const qsizetype eq = s.indexOf('=');
        state.policy.insert(s.left(eq), s.mid(eq + 1));
    }
    const BandwidthRates rates =
        bandwidthRatesFor(resolveEffective(state), QTime(hour, 30), measured);
    QCOMPARE(rates.foreground, foreground);
    QCOMPARE(rates.background, background);
}

QTEST_GUILESS_MAIN(BandwidthPolicyTest)
#include "test_bandwidth_policy.moc"
