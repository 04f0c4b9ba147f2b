// Interoperability with an implementation we did not write: libtorrent (Debian
// python3-libtorrent) must load our metainfo with the same info hashes and find every piece of
// the file valid, and metainfo that libtorrent creates must parse and verify here.

#include "content/Metainfo.h"
#include "content/MetainfoWriter.h"
#include "core/content/ContentFixtures.h"
#include "support/RequireTool.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::content;
using opendo::test::randomContent;
using opendo::test::writeContent;

namespace {

// The first python3 on PATH may be a build without the Debian bindings.
const QString kPython = QStringLiteral("/usr/bin/python3");

// Port 9 (discard) on loopback: nothing serves there, so libtorrent can never fetch a piece
// from the web seed and mask a verification result.
const QUrl kSeed(QStringLiteral("http://127.0.0.1:9/content/"));
const QUrl kAnnounce(QStringLiteral("http://127.0.0.1:9/announce"));

const char* const kScript = R"PY(
import json, os, sys, time
try:
    import libtorrent as lt
except Exception as e:
    sys.stderr.write("cannot import libtorrent: %r\n" % (e,))
    sys.exit(3)

def describe(ti):
    ih = ti.info_hashes()
    return {"v1": str(ih.v1) if ih.has_v1() else "",
            "v2": str(ih.v2) if ih.has_v2() else "",
            "num_pieces": ti.num_pieces(), "total_size": ti.total_size(),
            "piece_length": ti.piece_length(), "name": ti.name(),
            "web_seeds": [w["url"] for w in ti.web_seeds()],
            "version": lt.__version__}

def check(ti, save_path):
    ses = lt.session({"listen_interfaces": "127.0.0.1:0", "enable_dht": False,
                      "enable_lsd": False, "enable_upnp": False, "enable_natpmp": False,
                      "alert_mask": lt.alert.category_t.status_notification
                                    | lt.alert.category_t.error_notification})
    atp = lt.add_torrent_params()
    atp.ti = ti
    atp.save_path = save_path
    atp.flags |= lt.torrent_flags.stop_when_ready
    h = ses.add_torrent(atp)
    checked, errors = False, []
    deadline = time.time() + 60
    while not checked and time.time() < deadline:
        ses.wait_for_alert(500)
        for a in ses.pop_alerts():
            if isinstance(a, lt.torrent_checked_alert):
                checked = True
            elif isinstance(a, (lt.torrent_error_alert, lt.file_error_alert)):
                errors.append(a.message())
    st = h.status()
    return {"checked": checked, "have_pieces": st.num_pieces, "errors": errors}

mode = sys.argv[1]
if mode == "load":
    ti = lt.torrent_info(sys.argv[2])
    result = describe(ti)
    result.update(check(ti, sys.argv[3]))
elif mode == "create":
    path, piece_length, out = sys.argv[2], int(sys.argv[3]), sys.argv[4]
    fs = lt.file_storage()
    lt.add_files(fs, path)
    ct = lt.create_torrent(fs, piece_length)
    for seed in sys.argv[5:]:
        ct.add_url_seed(seed)
    lt.set_piece_hashes(ct, os.path.dirname(path))
    with open(out, "wb") as f:
        f.write(lt.bencode(ct.generate()))
    result = describe(lt.torrent_info(out))
print(json.dumps(result))
)PY";

} // namespace

class MetainfoLibtorrentTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void libtorrentAcceptsOurs_data();
    void libtorrentAcceptsOurs();
    void libtorrentFindsTheCorruptPiece();
    void weAcceptLibtorrents_data();
    void weAcceptLibtorrents();

private:
    QJsonObject runLibtorrent(const QStringList& arguments);
    void addSizes();

    QTemporaryDir m_dir;
};

void MetainfoLibtorrentTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QFileInfo(kPython).isExecutable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "/usr/bin/python3 is not installed; install python3-libtorrent to run this test");
    QProcess probe;
    probe.start(kPython, {QStringLiteral("-c"),
                          QStringLiteral("import libtorrent; print(libtorrent.__version__)")});
    QVERIFY(probe.waitForFinished(60000));
    if (probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0) {
        const QByteArray why = probe.readAllStandardError().trimmed();
        qWarning("libtorrent is not importable from /usr/bin/python3: %s", why.constData());
        OPENDO_SKIP_WITHOUT_TOOL(
            "libtorrent Python bindings missing (Debian package python3-libtorrent)");
    }
    qInfo("libtorrent %s", probe.readAllStandardOutput().trimmed().constData());
}

QJsonObject MetainfoLibtorrentTest::runLibtorrent(const QStringList& arguments)
{
    QProcess process;
    process.start(kPython,
                  QStringList{QStringLiteral("-c"), QString::fromUtf8(kScript)} + arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        qWarning("libtorrent script timed out");
        return {};
    }
    const QByteArray errors = process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("libtorrent script failed (%d): %s", process.exitCode(), errors.constData());
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    if (!document.isObject())
        qWarning("libtorrent script printed no JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

void MetainfoLibtorrentTest::addSizes()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("pieceLength");

    QTest::addRow("3 MiB + 12345, 256 KiB pieces") << qint64(3 * 1048576 + 12345) << qint64(262144);
    QTest::addRow("5 MiB + 777, 512 KiB pieces") << qint64(5 * 1048576 + 777) << qint64(524288);
    QTest::addRow("2 MiB + 1, 16 KiB pieces") << qint64(2 * 1048576 + 1) << qint64(16384);
    QTest::addRow("4 MiB exactly, 1 MiB pieces") << qint64(4 * 1048576) << qint64(1048576);
    QTest::addRow("one piece plus one byte") << qint64(262145) << qint64(262144);
    QTest::addRow("exactly one piece") << qint64(262144) << qint64(262144);
    QTest::addRow("part of one piece") << qint64(100000) << qint64(262144);
    QTest::addRow("less than a block") << qint64(1000) << qint64(16384);
}

void MetainfoLibtorrentTest::libtorrentAcceptsOurs_data()
{
    addSizes();
}

void MetainfoLibtorrentTest::libtorrentAcceptsOurs()
{
    QFETCH(qint64, size);
    QFETCH(qint64, pieceLength);

    const QString folder = m_dir.filePath(QStringLiteral("ours-%1").arg(size));
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + QStringLiteral("/payload-%1.bin").arg(size);
    QVERIFY(writeContent(file, randomContent(size, quint32(size) + 11)));
    MetainfoWriterOptions options;
    options.webSeeds = {kSeed};
    options.announce = kAnnounce;
    options.pieceLength = pieceLength;
    const MetainfoWriteResult written = MetainfoWriter::create(file, options);
    QVERIFY2(written.ok, qPrintable(written.error));
    const QString torrentPath = m_dir.filePath(QStringLiteral("ours-%1.torrent").arg(size));
    QVERIFY(writeContent(torrentPath, written.torrent));
    const MetainfoParseResult parsed = Metainfo::parse(written.torrent);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const Metainfo& ours = *parsed.metainfo;

    const QJsonObject lt = runLibtorrent({QStringLiteral("load"), torrentPath, folder});
    QVERIFY2(!lt.isEmpty(), "libtorrent could not load our metainfo");
    qInfo("libtorrent: v1=%s v2=%s pieces=%d size=%lld have=%d | ours: v1=%s v2=%s pieces=%d "
          "size=%lld",
          qPrintable(lt[QStringLiteral("v1")].toString()),
          qPrintable(lt[QStringLiteral("v2")].toString()), lt[QStringLiteral("num_pieces")].toInt(),
          qint64(lt[QStringLiteral("total_size")].toDouble()),
          lt[QStringLiteral("have_pieces")].toInt(), ours.v1InfoHash().toHex().constData(),
          ours.v2InfoHash().toHex().constData(), ours.pieceCount(), ours.fileSize());
    QCOMPARE(lt[QStringLiteral("v1")].toString(), QString::fromLatin1(ours.v1InfoHash().toHex()));
    QCOMPARE(lt[QStringLiteral("v2")].toString(), QString::fromLatin1(ours.v2InfoHash().toHex()));
    QCOMPARE(lt[QStringLiteral("num_pieces")].toInt(), ours.pieceCount());
    QCOMPARE(qint64(lt[QStringLiteral("total_size")].toDouble()), ours.fileSize());
    QCOMPARE(qint64(lt[QStringLiteral("piece_length")].toDouble()), ours.pieceLength());
    QCOMPARE(lt[QStringLiteral("name")].toString(), ours.name());
    QCOMPARE(lt[QStringLiteral("web_seeds")].toArray(), QJsonArray{kSeed.toString()});
    // libtorrent hashed the file itself against our v1 pieces and v2 piece layers.
    QVERIFY2(lt[QStringLiteral("checked")].toBool(),
             qPrintable(QJsonDocument(lt[QStringLiteral("errors")].toArray()).toJson()));
    QCOMPARE(lt[QStringLiteral("have_pieces")].toInt(), ours.pieceCount());
}

void MetainfoLibtorrentTest::libtorrentFindsTheCorruptPiece()
{
    const qint64 size = 1048576 + 5;
    const qint64 pieceLength = 262144;
    const QString folder = m_dir.filePath(QStringLiteral("corrupt"));
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + QStringLiteral("/payload.bin");
    QByteArray data = randomContent(size, 77);
    QVERIFY(writeContent(file, data));
    MetainfoWriterOptions options;
    options.webSeeds = {kSeed};
    options.pieceLength = pieceLength;
    const MetainfoWriteResult written = MetainfoWriter::create(file, options);
    QVERIFY2(written.ok, qPrintable(written.error));
    const QString torrentPath = m_dir.filePath(QStringLiteral("corrupt.torrent"));
    QVERIFY(writeContent(torrentPath, written.torrent));

    const qsizetype flipped = 2 * pieceLength + 1234;
    data[flipped] = char(data[flipped] ^ 0x20);
    QVERIFY(writeContent(file, data));

    const QJsonObject lt = runLibtorrent({QStringLiteral("load"), torrentPath, folder});
    QVERIFY(!lt.isEmpty());
    QVERIFY(lt[QStringLiteral("checked")].toBool());
    QCOMPARE(lt[QStringLiteral("num_pieces")].toInt(), 5);
    QCOMPARE(lt[QStringLiteral("have_pieces")].toInt(), 4);

    const Metainfo ours = *Metainfo::parse(written.torrent).metainfo;
    for (int i = 0; i < ours.pieceCount(); ++i)
        QCOMPARE(ours.verifyPiece(i, data.mid(qsizetype(i) * pieceLength, pieceLength)), i != 2);
}

void MetainfoLibtorrentTest::weAcceptLibtorrents_data()
{
    addSizes();
}

void MetainfoLibtorrentTest::weAcceptLibtorrents()
{
    QFETCH(qint64, size);
    QFETCH(qint64, pieceLength);

    const QString folder = m_dir.filePath(QStringLiteral("theirs-%1").arg(size));
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + QStringLiteral("/payload-%1.bin").arg(size);
    const QByteArray data = randomContent(size, quint32(size) + 23);
    QVERIFY(writeContent(file, data));
    const QString torrentPath = m_dir.filePath(QStringLiteral("theirs-%1.torrent").arg(size));

    const QJsonObject lt =
        runLibtorrent({QStringLiteral("create"), file, QString::number(pieceLength), torrentPath,
                       kSeed.toString()});
    QVERIFY2(!lt.isEmpty(), "libtorrent could not create metainfo");
    const MetainfoParseResult parsed = Metainfo::load(torrentPath);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const Metainfo& ours = *parsed.metainfo;
    QVERIFY(ours.hasV1());
    QVERIFY(ours.hasV2());
    QCOMPARE(QString::fromLatin1(ours.v1InfoHash().toHex()), lt[QStringLiteral("v1")].toString());
    QCOMPARE(QString::fromLatin1(ours.v2InfoHash().toHex()), lt[QStringLiteral("v2")].toString());
    QCOMPARE(ours.pieceCount(), lt[QStringLiteral("num_pieces")].toInt());
    QCOMPARE(ours.fileSize(), size);
    QCOMPARE(ours.pieceLength(), pieceLength);
    QCOMPARE(ours.webSeeds(), QList<QUrl>{kSeed});
    for (int i = 0; i < ours.pieceCount(); ++i) {
        const QByteArray piece = data.mid(qsizetype(i) * pieceLength, pieceLength);
        QVERIFY2(ours.verifyPieceV1(i, piece), qPrintable(QString::number(i)));
        QVERIFY2(ours.verifyPieceV2(i, piece), qPrintable(QString::number(i)));
    }

    // Our writer, given the same file and piece length, computes the same piece hashes.
    MetainfoWriterOptions options;
    options.pieceLength = pieceLength;
    const MetainfoWriteResult mine = MetainfoWriter::create(file, options);
    QVERIFY(mine.ok);
    const Metainfo written = *Metainfo::parse(mine.torrent).metainfo;
    QCOMPARE(written.piecesRoot(), ours.piecesRoot());
    // Same fields, canonical encoding: the info dicts, and so the content ids, are identical.
    QCOMPARE(written.infoBytes(), ours.infoBytes());
    QCOMPARE(written.contentId(), ours.contentId());
    for (int i = 0; i < ours.pieceCount(); ++i) {
        QCOMPARE(written.v1PieceHash(i), ours.v1PieceHash(i));
        QCOMPARE(written.v2PieceHash(i), ours.v2PieceHash(i));
    }
}

QTEST_GUILESS_MAIN(MetainfoLibtorrentTest)
#include "test_metainfo_libtorrent.moc"
