// Eviction under the DO cache policies as a pure function: which contents go, in which order,
// and the reason users see; plus the limits read from policies and the cache folder choice.

#include "cache/CacheEviction.h"

#include <QTest>
#include <limits>

using namespace opendo::cache;
using opendo::policy::PolicyState;
using opendo::policy::resolveEffective;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;
constexpr qint64 kGiB = qint64(1) << 30;
constexpr qint64 kDay = 86400;

const QDateTime kNow(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);

enum Kind
{
    Complete,
    Pinned,
    Incomplete
};

// Complete (or pinned) content has every piece; incomplete content has its first half.
CachedContent content(const QString& id, qint64 mib, qint64 completedAgo, qint64 usedAgo,
                      Kind kind = Complete)
{
    CachedContent c;
    c.geometry = ContentGeometry{id, id + ".bin", mib * kMiB, kMiB, int(mib)};
    c.present = QBitArray(c.geometry.pieceCount, kind != Incomplete);
    if (kind == Incomplete) {
        for (int i = 0; i < c.geometry.pieceCount / 2; ++i)
            c.present.setBit(i);
    } else {
        c.completedAt = kNow.addSecs(-completedAgo);
    }
    c.pinned = kind == Pinned;
    c.addedAt = kNow.addSecs(-completedAgo - kDay);
    c.lastUsedAt = kNow.addSecs(-usedAgo);
    return c;
}

CachedContent keptUntil(CachedContent c, qint64 secondsFromNow)
{
    c.keepUntil = kNow.addSecs(secondsFromNow);
    return c;
}

CacheLimits limits(qint64 maxAge, int percent, qint64 absolute, qint64 minFile)
{
    return CacheLimits{maxAge, percent, absolute, minFile};
}

struct Scenario
{
    QList<CachedContent> contents;
    CacheLimits limits;
    DriveSpace drive;
};

const DriveSpace kTerabyteDrive{1024 * kGiB, 512 * kGiB};

} // namespace

Q_DECLARE_METATYPE(Scenario)
Q_DECLARE_METATYPE(CacheLimits)
Q_DECLARE_METATYPE(DriveSpace)

class CacheEvictionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void planEviction_data();
    void planEviction();
    void resultDoesNotDependOnInputOrder();
    void cacheSizeLimit_data();
    void cacheSizeLimit();
    void limitsFromDefaults();
    void limitsFromConfiguredPolicies();
    void cacheDirectoryFor_data();
    void cacheDirectoryFor();
};

void CacheEvictionTest::initTestCase()
{
    qputenv("OPENDO_TEST_ROOT", "/srv/opendo");
    qunsetenv("OPENDO_TEST_UNSET");
    qunsetenv("SystemDrive");
}

void CacheEvictionTest::planEviction_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QStringList>("expected"); // "<id>: <reason>", in plan order

    const QString minSize = "smaller than DOMinFileSizeToCache (50 MB)";
    const QString age = "older than DOMaxCacheAge (259200 s)";
    const QString absolute = "cache over its size limit (DOAbsoluteMaxCacheSize 1 GB)";

    QTest::newRow("within every limit") << Scenario{{content("a", 100, kDay, kDay)},
                                                    limits(3 * kDay, 20, 0, 50 * kMiB),
                                                    kTerabyteDrive}
                                        << QStringList{};

    QTest::newRow("min file size")
        << Scenario{{content("a", 10, kDay, kDay), content("b", 100, kDay, kDay),
                     content("c", 10, 0, kDay, Incomplete), content("d", 10, kDay, kDay, Pinned),
                     content("e", 50, kDay, kDay)},
                    limits(0, 100, 0, 50 * kMiB),
                    kTerabyteDrive}
        << QStringList{"a: " + minSize};

    // Age counts from completion, not from the last use.
    QTest::newRow("max age") << Scenario{{content("a", 100, 4 * kDay, 0),
                                          content("b", 100, 2 * kDay, 2 * kDay),
                                          content("c", 100, 10 * kDay, 10 * kDay, Pinned),
                                          content("d", 100, 0, 10 * kDay, Incomplete),
                                          content("e", 100, 259200, 259200)},
                                         limits(259200, 100, 0, 0),
                                         kTerabyteDrive}
                             << QStringList{"a: " + age};

    // Set-DeliveryOptimizationStatus -ExpireOn postpones the age rule, never advances it, and
    // does not protect from the size limits.
    QTest::newRow("ExpireOn postpones age")
        << Scenario{{keptUntil(content("a", 100, 4 * kDay, 0), kDay),
                     keptUntil(content("b", 100, 5 * kDay, 0), -kDay),
                     keptUntil(content("c", 100, kDay, 0), -10 * kDay)},
                    limits(259200, 100, 0, 0),
                    kTerabyteDrive}
        << QStringList{"b: past the ExpireOn set for it (2024-05-31T12:00:00Z)"};
    QTest::newRow("ExpireOn does not beat the size limit")
        << Scenario{{keptUntil(content("a", 600, kDay, 3 * kDay), 30 * kDay),
                     content("b", 600, kDay, kDay)},
                    limits(0, 100, kGiB, 0),
                    kTerabyteDrive}
        << QStringList{"a: " + absolute};

    QTest::newRow("age 0 is unlimited") << Scenario{{content("a", 100, 1000 * kDay, 1000 * kDay)},
                                                    limits(0, 100, 0, 0),
                                                    kTerabyteDrive}
                                        << QStringList{};

    QTest::newRow("absolute size wins over percent")
        << Scenario{{content("a", 600, 5 * kDay, 3 * kDay), content("b", 600, 5 * kDay, kDay)},
                    limits(0, 100, kGiB, 0),
                    kTerabyteDrive}
        << QStringList{"a: " + absolute};

    QTest::newRow("percent of the drive")
        << Scenario{{content("a", 600, 5 * kDay, 3 * kDay), content("b", 600, 5 * kDay, kDay)},
                    limits(0, 10, 0, 0),
                    DriveSpace{10 * kGiB, kGiB}}
        << QStringList{"a: cache over its size limit (DOMaxCacheSize 10 % of a 10.0 GB drive)"};

    // 50 % of a 4 GiB drive is 2 GiB, however little of it is free.
    QTest::newRow("percent of capacity, not of free space")
        << Scenario{{content("a", 600, 5 * kDay, 3 * kDay), content("b", 600, 5 * kDay, kDay)},
                    limits(0, 50, 0, 0),
                    DriveSpace{4 * kGiB, 100 * kMiB}}
        << QStringList{};

    QTest::newRow("least recently used first, only as many as needed")
        << Scenario{{content("a", 400, 9 * kDay, kDay), content("b", 400, 9 * kDay, 5 * kDay),
                     content("c", 400, 9 * kDay, 3 * kDay), content("d", 400, 9 * kDay, 2 * kDay)},
                    limits(0, 100, kGiB, 0),
                    kTerabyteDrive}
        << QStringList{"b: " + absolute, "c: " + absolute};

    QTest::newRow("same last use: earlier completion first")
        << Scenario{{content("a", 600, kDay, kDay), content("b", 600, 2 * kDay, kDay)},
                    limits(0, 100, kGiB, 0),
                    kTerabyteDrive}
        << QStringList{"b: " + absolute};

    QTest::newRow("pinned is never evicted but counts")
        << Scenario{{content("p", 2048, 10 * kDay, 10 * kDay, Pinned),
                     content("a", 100, kDay, kDay)},
                    limits(0, 100, kGiB, 0),
                    kTerabyteDrive}
        << QStringList{"a: " + absolute};

    QTest::newRow("incomplete is never evicted but counts")
        << Scenario{{content("i", 1800, 0, 10 * kDay, Incomplete), content("a", 300, kDay, kDay)},
                    limits(0, 100, kGiB, 0),
                    kTerabyteDrive}
        << QStringList{"a: " + absolute};

    QTest::newRow("each content at most once, rules in order")
        << Scenario{{content("a", 10, 5 * kDay, 5 * kDay), content("b", 2000, 5 * kDay, 5 * kDay),
                     content("c", 1500, 0, 0)},
                    limits(259200, 100, kGiB, 50 * kMiB),
                    kTerabyteDrive}
        << QStringList{"a: " + minSize, "b: " + age, "c: " + absolute};

    QTest::newRow("evicting old content can make enough room")
        << Scenario{{content("a", 800, 5 * kDay, 0), content("b", 800, 0, 5 * kDay)},
                    limits(259200, 100, kGiB, 0),
                    kTerabyteDrive}
        << QStringList{"a: " + age};

    // statvfs failed: a 0-byte drive must not mean "evict everything".
    QTest::newRow("unknown drive size disables the percentage")
        << Scenario{{content("a", 600, kDay, kDay)}, limits(0, 20, 0, 0), DriveSpace{}}
        << QStringList{};
}

void CacheEvictionTest::planEviction()
{
    QFETCH(Scenario, scenario);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const EvictionDecision& d :
         opendo::cache::planEviction(scenario.contents, scenario.limits, scenario.drive, kNow))
        actual << d.contentId + ": " + d.reason;
    QCOMPARE(actual, expected);
}

void CacheEvictionTest::resultDoesNotDependOnInputOrder()
{
    QList<CachedContent> contents{content("a", 400, 9 * kDay, kDay),
                                  content("b", 400, 9 * kDay, 5 * kDay),
                                  content("c", 400, 9 * kDay, 3 * kDay)};
    const CacheLimits l = limits(0, 100, kGiB, 0);
    const auto first = opendo::cache::planEviction(contents, l, kTerabyteDrive, kNow);
    std::reverse(contents.begin(), contents.end());
    const auto second = opendo::cache::planEviction(contents, l, kTerabyteDrive, kNow);
    QCOMPARE(first.size(), 1);
    QCOMPARE(second.size(), 1);
    QCOMPARE(first[0].contentId, QString("b"));
    QCOMPARE(second[0].contentId, QString("b"));
}

void CacheEvictionTest::cacheSizeLimit_data()
{
    QTest::addColumn<CacheLimits>("limits");
    QTest::addColumn<DriveSpace>("drive");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("absolute wins") << limits(0, 20, 10 * kGiB, 0) << kTerabyteDrive << 10 * kGiB;
    QTest::newRow("absolute larger than percent still wins")
        << limits(0, 1, 500 * kGiB, 0) << kTerabyteDrive << 500 * kGiB;
    QTest::newRow("percent of capacity")
        << limits(0, 20, 0, 0) << DriveSpace{1000, 10} << qint64(200);
    QTest::newRow("100 percent") << limits(0, 100, 0, 0) << kTerabyteDrive << 1024 * kGiB;
    QTest::newRow("rounds down") << limits(0, 33, 0, 0) << DriveSpace{1000000000007, 0}
                                 << qint64(330000000002);
    QTest::newRow("huge drive does not overflow")
        << limits(0, 100, 0, 0) << DriveSpace{std::numeric_limits<qint64>::max(), 0}
        << std::numeric_limits<qint64>::max();
    QTest::newRow("unknown drive")
        << limits(0, 20, 0, 0) << DriveSpace{} << std::numeric_limits<qint64>::max();
}

void CacheEvictionTest::cacheSizeLimit()
{
    QFETCH(CacheLimits, limits);
    QFETCH(DriveSpace, drive);
    QFETCH(qint64, expected);
    QCOMPARE(opendo::cache::cacheSizeLimit(limits, drive), expected);
}

void CacheEvictionTest::limitsFromDefaults()
{
    const CacheLimits l = cacheLimitsFrom(resolveEffective(PolicyState{}));
    QCOMPARE(l.maxAgeSeconds, qint64(259200));
    QCOMPARE(l.maxSizePercent, 20);
    QCOMPARE(l.absoluteMaxBytes, 10 * kGiB); // DO's GB are GiB
    QCOMPARE(l.minFileSizeBytes, 50 * kMiB);
}

void CacheEvictionTest::limitsFromConfiguredPolicies()
{
    PolicyState state;
    state.policy.insert("DOMaxCacheAge", "0");
    state.policy.insert("DOMaxCacheSize", "5");
    state.local.insert("DOAbsoluteMaxCacheSize", "0");
    state.policy.insert("DOMinFileSizeToCache", "1");
    CacheLimits l = cacheLimitsFrom(resolveEffective(state));
    QCOMPARE(l.maxAgeSeconds, qint64(0));
    QCOMPARE(l.maxSizePercent, 5);
    QCOMPARE(l.absoluteMaxBytes, qint64(0));
    QCOMPARE(l.minFileSizeBytes, kMiB);

    state.policy.insert("DOMaxCacheAge", "4294967295");
    state.policy.insert("DOAbsoluteMaxCacheSize", "4294967295");
    l = cacheLimitsFrom(resolveEffective(state));
    QCOMPARE(l.maxAgeSeconds, qint64(4294967295));
    QCOMPARE(l.absoluteMaxBytes, qint64(4294967295) * kGiB);

    // Only the percentage configured: the default absolute cap does not silently override it.
    PolicyState percentOnly;
    percentOnly.local.insert("DOMaxCacheSize", "5");
    l = cacheLimitsFrom(resolveEffective(percentOnly));
    QCOMPARE(l.maxSizePercent, 5);
    QCOMPARE(l.absoluteMaxBytes, qint64(0));
    percentOnly.policy.insert("DOAbsoluteMaxCacheSize", "3");
    QCOMPARE(cacheLimitsFrom(resolveEffective(percentOnly)).absoluteMaxBytes, 3 * kGiB);
}

void CacheEvictionTest::cacheDirectoryFor_data()
{
    QTest::addColumn<QString>("value"); // "" = not configured
    QTest::addColumn<QString>("expected");
    const QString fallback = "/var/lib/opendo/cache";
    QTest::newRow("not configured") << "" << fallback;
    QTest::newRow("absolute folder") << "/srv/do-cache"
                                     << "/srv/do-cache";
    QTest::newRow("trailing slash") << "/srv/do-cache/"
                                    << "/srv/do-cache";
    QTest::newRow("surrounding blanks") << "  /srv/x  "
                                        << "/srv/x";
    QTest::newRow("dot segments") << "/srv/a/../b"
                                  << "/srv/b";
    QTest::newRow("$VAR") << "$OPENDO_TEST_ROOT/cache"
                          << "/srv/opendo/cache";
    QTest::newRow("${VAR}") << "${OPENDO_TEST_ROOT}cache"
                            << "/srv/opendocache";
    QTest::newRow("%VAR%") << "%OPENDO_TEST_ROOT%/cache"
                           << "/srv/opendo/cache";
    QTest::newRow("literal percent") << "/data/100%"
                                     << "/data/100%";
    QTest::newRow("literal dollar") << "/data/a$/$1"
                                    << "/data/a$/$1";
    QTest::newRow("unset variable") << "$OPENDO_TEST_UNSET/cache" << fallback;
    QTest::newRow("Windows default") << "%SystemDrive%" << fallback;
    QTest::newRow("drive letter") << "D:" << fallback;
    QTest::newRow("Windows folder") << "D:\\DOCache" << fallback;
    QTest::newRow("relative folder") << "relative/cache" << fallback;
}

void CacheEvictionTest::cacheDirectoryFor()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    PolicyState state;
    if (!value.isEmpty())
        state.policy.insert("DOModifyCacheDrive", value);
    QCOMPARE(opendo::cache::cacheDirectoryFor(resolveEffective(state), "/var/lib/opendo"),
             expected);
}

QTEST_GUILESS_MAIN(CacheEvictionTest)
#include "test_cache_eviction.moc"
