// doctl cache: list, pin/unpin and delete (Delete-DeliveryOptimizationCache with and without
// -IncludePinnedFiles) on content downloaded from a real nginx origin, by doctl's own agent and
// through a running do-agent's control endpoint.

#include "support/AgentProcess.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestPaths.h"
#include "support/TroubleshootJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 3 * 1024 * 1024;

} // namespace

class DoctlCacheTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void analysisCountsWhatCouldUsePeers();
    void listPinAndDelete();
    void runningAgentServesTheCacheCommands();
    void badArgumentsChangeNothing();
    void expireOnKeepsFilesLonger();

private:
    ProcessResult doctl(const QStringList& args)
    {
        return runProgram(executable("doctl"), QStringList{"--data-dir", m_data.path()} + args,
                          60000);
    }
    QJsonArray list();
    QString download(const QString& source); // the FileId of the finished download

    QTemporaryDir m_dir;
    QTemporaryDir m_data;
    std::unique_ptr<NginxServer> m_origin;
    QString m_torrent;
    QString m_torrentId;
    QString m_plainId;
};

void DoctlCacheTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (apt install nginx-light)");
    QVERIFY(m_dir.isValid() && m_data.isValid());
    QString error;
    m_origin = startContentOrigin(m_dir.filePath("www"), kFileSize, 52, {}, &error);
    QVERIFY2(m_origin, qPrintable(error));
    m_torrent = m_dir.filePath("content.torrent");
    const ProcessResult made = runProgram(
        executable("doctl"), {"create-metainfo", m_dir.filePath("www/content.bin"), "--webseed",
                              m_origin->url("/content.bin").toString(), "-o", m_torrent});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    QVERIFY(doctl({"config", "set", "DOMinFileSizeToCache", "1"}).exitCode == 0);
    m_torrentId = download(m_torrent);
    m_plainId = download(m_origin->url("/content.bin").toString());
    QVERIFY(!m_torrentId.isEmpty() && !m_plainId.isEmpty());
    QVERIFY(m_torrentId != m_plainId);
}

QJsonArray DoctlCacheTest::list()
{
    const ProcessResult r = doctl({"cache", "list", "--json"});
    if (r.exitCode != 0)
        qWarning().noquote() << "doctl cache list failed:" << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

QString DoctlCacheTest::download(const QString& source)
{
    const ProcessResult r =
        doctl({"download", source, "--out", m_dir.filePath("out.bin"), "--json"});
    if (r.exitCode != 0) {
        qWarning().noquote() << "doctl download failed:" << r.err;
        return {};
    }
    return QJsonDocument::fromJson(r.out.toUtf8()).object()["FileId"].toString();
}

void DoctlCacheTest::analysisCountsWhatCouldUsePeers()
{
    // Two downloads of one file: the metainfo could use peers (none were there), the plain URL
    // could not.
    const ProcessResult r = doctl({"analysis", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject a = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(a["TotalFiles"].toInt(), 2);
    QCOMPARE(a["EligibleFiles"].toInt(), 1);
    QCOMPARE(a["NotEligibleHttpOnly"].toInt(), 1);
    QCOMPARE(a["FilesWithPeerBytes"].toInt(), 0);
    QCOMPARE(a["Bytes"].toInteger(), 2 * kFileSize);
    QCOMPARE(a["OverallEfficiency"].toDouble(), 0.0);
    // The troubleshooter draws the same conclusion.
    const QJsonObject check =
        troubleshootCheck(doctl({"troubleshoot", "--json"}).out, "peers.analysis");
    if (check.isEmpty())
        QFAIL("no peers.analysis check in doctl troubleshoot");
    QCOMPARE(check["Verdict"].toString(), QString("warn"));
    QVERIFY2(check["Summary"].toString().startsWith("1 of 2 download(s) could use peers; 0 "),
             qPrintable(check["Summary"].toString()));
}

void DoctlCacheTest::listPinAndDelete()
{
    QJsonArray rows = list();
    QCOMPARE(rows.size(), 2);
    for (const QJsonValue& row : rows) {
        QCOMPARE(row["FileSize"].toInteger(), kFileSize);
        QCOMPARE(row["BytesInCache"].toInteger(), kFileSize);
        QVERIFY(row["Complete"].toBool());
        QVERIFY(!row["IsPinned"].toBool());
        QCOMPARE(row["Shareable"].toBool(), row["FileId"].toString() == m_torrentId);
    }
    const ProcessResult text = doctl({"cache"}); // list is the default
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(m_torrentId) && text.out.contains("2 file(s)"),
             qPrintable(text.out));

    // Pin by a shortened id; a sweep keeps the pinned file and removes the other.
    const ProcessResult pinned = doctl({"cache", "pin", m_torrentId.left(10)});
    QVERIFY2(pinned.exitCode == 0, qPrintable(pinned.err));
    QVERIFY(pinned.out.contains("pinned " + m_torrentId));
    const ProcessResult sweep = doctl({"cache", "delete"});
    QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
    QVERIFY2(sweep.out.contains("kept " + m_torrentId) &&
                 sweep.out.contains("deleted " + m_plainId),
             qPrintable(sweep.out));
    rows = list();
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows.at(0)["IsPinned"].toBool());

    // Naming the pinned file fails without --include-pinned and changes nothing …
    const ProcessResult refused = doctl({"cache", "delete", m_torrentId});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains("--include-pinned"), qPrintable(refused.out));
    QCOMPARE(list().size(), 1);
    // … and removes it with it.
    const ProcessResult forced = doctl({"cache", "delete", m_torrentId, "--include-pinned"});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.out + forced.err));
    QCOMPARE(list().size(), 0);
    QVERIFY(doctl({"cache", "list"}).out.contains("The cache is empty."));
}

void DoctlCacheTest::runningAgentServesTheCacheCommands()
{
    QVERIFY(!download(m_torrent).isEmpty());
    AgentProcess agent({m_data.path()});
    QString error;
    QVERIFY2(agent.start(&error), qPrintable(error));
    QCOMPARE(list().size(), 1);
    QVERIFY(doctl({"cache", "pin", m_torrentId}).exitCode == 0);
    QVERIFY(doctl({"cache", "unpin", m_torrentId}).exitCode == 0);
    QVERIFY(!list().at(0)["IsPinned"].toBool());
    // The running agent was asked, not a second one: it logged the eviction.
    QVERIFY(doctl({"cache", "delete", m_torrentId}).exitCode == 0);
    QCOMPARE(list().size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(agent.log().contains("evicted by the user"), 5000);
    QCOMPARE(agent.stop(), 0);
}

void DoctlCacheTest::badArgumentsChangeNothing()
{
    QVERIFY(!download(m_torrent).isEmpty());
    for (const QStringList& args :
         {QStringList{"cache", "purge"}, QStringList{"cache", "pin"},
          QStringList{"cache", "list", "x"}, QStringList{"cache", "delete", "a", "b"}}) {
        const ProcessResult r = doctl(args);
        QVERIFY2(r.exitCode == 2 && r.err.contains("usage: doctl cache"),
                 qPrintable(args.join(' ') + ": " + r.err));
    }
    const ProcessResult unknown = doctl({"cache", "pin", "ffffffffffff"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("no cached file has the id"), qPrintable(unknown.err));
    const ProcessResult tooShort = doctl({"cache", "delete", m_torrentId.left(3)});
    QCOMPARE(tooShort.exitCode, 1);
    QVERIFY2(tooShort.err.contains("at least 6"), qPrintable(tooShort.err));
    QCOMPARE(list().size(), 1);
    QVERIFY(!list().at(0)["IsPinned"].toBool());
}

void DoctlCacheTest::expireOnKeepsFilesLonger()
{
    // Finished a moment ago, the file would go after DOMaxCacheAge (3 days by default).
    QVERIFY(!download(m_torrent).isEmpty());
    const QDateTime byAge = QDateTime::fromString(list().at(0)["ExpireOn"].toString(), Qt::ISODate);
    QVERIFY(byAge.isValid());
    QVERIFY(qAbs(byAge.secsTo(QDateTime::currentDateTime().addDays(3))) < 120);

    const QString day = QDate::currentDate().addDays(40).toString(Qt::ISODate);
    const ProcessResult set = doctl({"cache", "expire", m_torrentId, "--on", day});
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    const QDateTime kept = QDateTime::fromString(list().at(0)["ExpireOn"].toString(), Qt::ISODate);
    QCOMPARE(kept.date(), QDate::currentDate().addDays(40));
    // doctl status shows the same ExpireOn for the finished download.
    const ProcessResult status = doctl({"status", "--json"});
    QVERIFY2(status.out.contains("\"ExpireOn\": \"" + day), qPrintable(status.out));

    // Out of reach, or not a date: refused, nothing changes.
    const ProcessResult tooFar =
        doctl({"cache", "expire", "--on", QDate::currentDate().addDays(400).toString(Qt::ISODate)});
    QCOMPARE(tooFar.exitCode, 1);
    QVERIFY2(tooFar.err.contains("365 days"), qPrintable(tooFar.err));
    const ProcessResult past = doctl({"cache", "expire", "--on", "2020-01-01"});
    QCOMPARE(past.exitCode, 1);
    const ProcessResult garbage = doctl({"cache", "expire", "--on", "next week"});
    QCOMPARE(garbage.exitCode, 2);
    QVERIFY2(garbage.err.contains("is not a date"), qPrintable(garbage.err));
    QCOMPARE(QDateTime::fromString(list().at(0)["ExpireOn"].toString(), Qt::ISODate), kept);
}

QTEST_GUILESS_MAIN(DoctlCacheTest)
#include "test_doctl_cache.moc"
