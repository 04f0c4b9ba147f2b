// The HTTP range source against a real nginx on 127.0.0.1 (and a real tinyproxy): probing,
// concurrent ranges, servers without range support, redirects, permanent and transient errors
// with retries of only the missing bytes, stalls, and rate limiting. Faults nginx cannot be
// told to produce (a body cut short, a silent server, a wrong Content-Range) come from a small
// scripted server in this file.

#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TinyProxyServer.h"
#include "transfer/BandwidthLimiter.h"
#include "transfer/HttpRangeSource.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo::test;
using namespace opendo::transfer;

namespace {

// 8 MiB and a bit, so the last range is not a power of two.
constexpr qint64 kFileSize = (8 << 20) + 12345;
constexpr qint64 kMaxChunk = 256 * 1024;

// Everything a source reported, checked as it arrives: per range, data must come in order.
struct Received
{
    QByteArray assembled; // sized by the test, written at the reported offsets
    QMap<quint64, qint64> next;
    QList<quint64> finished;
    QMap<quint64, HttpError> failed;
    int connections = 0;
    qint64 largestChunk = 0;
    QStringList problems;
    std::optional<std::pair<qint64, bool>> probed;
    std::optional<HttpError> probeError;

    void watch(HttpRangeSource& source)
    {
        QObject::connect(&source, &HttpRangeSource::dataReceived, &source,
                         [this](quint64 tag, qint64 offset, const QByteArray& chunk) {
                             if (!next.contains(tag) || next[tag] != offset)
                                 problems << QStringLiteral("range %1: chunk at %2, expected %3")
                                                 .arg(tag)
                                                 .arg(offset)
                                                 .arg(next.value(tag, -1));
                             next[tag] = offset + chunk.size();
                             largestChunk = std::max<qint64>(largestChunk, chunk.size());
                             if (offset + chunk.size() <= assembled.size())
                                 std::memcpy(assembled.data() + offset, chunk.constData(),
                                             static_cast<size_t>(chunk.size()));
                             else
                                 problems << QStringLiteral("chunk beyond the buffer");
                         });
        QObject::connect(&source, &HttpRangeSource::rangeFinished, &source,
                         [this](quint64 tag) { finished << tag; });
        QObject::connect(&source, &HttpRangeSource::rangeFailed, &source,
                         [this](quint64 tag, const HttpError& e) { failed.insert(tag, e); });
        QObject::connect(&source, &HttpRangeSource::connectionOpened, &source,
                         [this] { ++connections; });
        QObject::connect(&source, &HttpRangeSource::probed, &source,
                         [this](qint64 size, bool ranges) {
                             probed = {size, ranges};
                         });
        QObject::connect(&source, &HttpRangeSource::probeFailed, &source,
                         [this](const HttpError& e) { probeError = e; });
    }
    void fetch(HttpRangeSource& source, quint64 tag, qint64 offset, qint64 length)
    {
        next[tag] = offset;
        source.fetch(tag, offset, length);
    }
    int done() const { return static_cast<int>(finished.size() + failed.size()); }
    QString failures() const
    {
        QStringList messages;
        for (const HttpError& e : failed)
            messages << e.message;
        return messages.join('\n');
    }
};

// A one-file HTTP/1.1 server that misbehaves on purpose for the first `faultyRequests`
// requests, then answers correctly. Every answer closes the connection.
class ScriptedServer : public QObject
{
public:
    enum class Fault
    {
        Truncate,   // 206 with the full Content-Length, `faultBytes` of body, then close
        Stall,      // 206 headers and `faultBytes` of body, then silence on an open socket
        Status503,  // 503 Service Unavailable
        WrongRange, // 206 whose Content-Range is one byte off
    };

    ScriptedServer(QByteArray content, Fault fault, int faultyRequests, qint64 faultBytes)
        : m_content(std::move(content)), m_fault(fault), m_faulty(faultyRequests),
          m_faultBytes(faultBytes)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/file.bin").arg(m_server.serverPort()));
    }
    QStringList ranges; // the Range header of each request, in order

private:
    void accept()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            QObject::connect(socket, &QTcpSocket::readyRead, this,
                             [this, socket] { onData(socket); });
        }
    }
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QByteArray range;
        for (const QByteArray& line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("range:"))
                range = line.mid(6).trimmed();
        }
        buffer.clear();
        ranges << QString::fromLatin1(range);
        const bool faulty = ranges.size() <= m_faulty;
        qint64 first = 0, last = m_content.size() - 1;
        if (range.startsWith("bytes=")) {
            const QList<QByteArray> parts = range.mid(6).split('-');
            first = parts.value(0).toLongLong();
            if (!parts.value(1).isEmpty())
                last = std::min<qint64>(parts.value(1).toLongLong(), last);
        }
        if (faulty && m_fault == Fault::Status503) {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        const qint64 shift = faulty && m_fault == Fault::WrongRange ? 1 : 0;
        const QByteArray head = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " +
                                QByteArray::number(first + shift) + '-' +
                                QByteArray::number(last + shift) + '/' +
                                QByteArray::number(m_content.size()) +
                                "\r\nContent-Length: " + QByteArray::number(last - first + 1) +
                                "\r\nConnection: close\r\n\r\n";
        socket->write(head);
        if (faulty && (m_fault == Fault::Truncate || m_fault == Fault::Stall)) {
            socket->write(m_content.mid(first, std::min(m_faultBytes, last - first + 1)));
            if (m_fault == Fault::Truncate)
                socket->disconnectFromHost();
            return; // a stalled socket stays open, silent, until the server goes away
        }
        socket->write(m_content.mid(first, last - first + 1));
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_content;
    Fault m_fault;
    int m_faulty;
    qint64 m_faultBytes;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

HttpSourceOptions fastRetries(int attempts = 3)
{
    HttpSourceOptions o;
    o.maxAttempts = attempts;
    o.initialBackoffMs = 20;
    o.stallTimeoutMs = 5000;
    return o;
}

int countLines(const QStringList& lines, const QString& needle)
{
    return static_cast<int>(std::count_if(lines.begin(), lines.end(),
                                          [&](const QString& l) { return l.contains(needle); }));
}

} // namespace

class HttpRangeSourceTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void probeLearnsSizeAndRangeSupport();
    void concurrentRangesReassemble();
    void serverWithoutRangesStillDeliversTheRightBytes();
    void notFoundIsNotRetried();
    void connectionRefusedIsRetriedThenReported();
    void unknownHostIsRetriedThenReported();
    void sizeChangeIsPermanent();
    void redirectIsFollowed();
    void truncatedBodyRetriesOnlyTheRest();
    void truncatedEveryTimeIsReported();
    void serverErrorIsRetried();
    void wrongContentRangeIsPermanent();
    void stalledServerIsAbandonedAndRetried();
    void cancelFromAReceiverStopsTheRange();
    void bandwidthLimitPacesTheDownload();
    void downloadThroughTinyproxy();

private:
    QByteArray fileSized() const { return QByteArray(m_content.size(), '\0'); }
    QUrl fileUrl() const { return m_nginx->url(QStringLiteral("/file.bin")); }

    QTemporaryDir m_root;
    QByteArray m_content;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void HttpRangeSourceTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian: install nginx-light)");
    QVERIFY(m_root.isValid());
    m_content.resize(kFileSize);
    QRandomGenerator rng(20240611);
    for (qsizetype i = 0; i < m_content.size(); ++i)
        m_content[i] = static_cast<char>(rng.generate() & 0xff);
    QFile file(m_root.filePath("file.bin"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(m_content), kFileSize);
    file.close();

    NginxOptions options;
    options.documentRoot = m_root.path();
    options.extraServerConfig = "location = /old { return 302 /file.bin; }\n"
                                "location = /older { return 301 /old; }";
    m_nginx = std::make_unique<NginxServer>(options);
    QString error;
    QVERIFY2(m_nginx->start(&error), qPrintable(error));
}

void HttpRangeSourceTest::init()
{
    // Tests talk to 127.0.0.1 only, whatever proxy the environment names.
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void HttpRangeSourceTest::cleanup()
{
    m_network.reset();
}

void HttpRangeSourceTest::probeLearnsSizeAndRangeSupport()
{
    HttpRangeSource source(*m_network, fileUrl(), fastRetries(), nullptr);
    Received got;
    got.watch(source);
    source.probe();
    QTRY_VERIFY_WITH_TIMEOUT(got.probed || got.probeError, 5000);
    QVERIFY2(!got.probeError, qPrintable(got.probeError.value_or(HttpError{}).message));
    QCOMPARE(got.probed->first, kFileSize);
    QVERIFY(got.probed->second);
    QVERIFY(source.rangesSupported());
    QCOMPARE(source.expectedSize(), kFileSize);
    QCOMPARE(got.connections, 1);
    QVERIFY(m_nginx->accessLog().last().contains("\"bytes=0-0\""));
}

void HttpRangeSourceTest::concurrentRangesReassemble()
{
    HttpRangeSource source(*m_network, fileUrl(), fastRetries(), nullptr);
    source.setExpectedSize(kFileSize);
    Received got;
    got.assembled = fileSized();
    got.watch(source);
    const int before = static_cast<int>(m_nginx->accessLog().size());
    const qint64 part = kFileSize / 8;
    for (quint64 i = 0; i < 8; ++i) {
        const qint64 offset = static_cast<qint64>(i) * part;
        got.fetch(source, i, offset, i == 7 ? kFileSize - offset : part);
    }
    QCOMPARE(source.inFlight(), 8);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 8, 20000);
    QVERIFY2(got.failed.isEmpty(), qPrintable(got.failures()));
    QVERIFY2(got.problems.isEmpty(), qPrintable(got.problems.join('\n')));
    QVERIFY(got.assembled == m_content);
    QCOMPARE(source.inFlight(), 0);
    QCOMPARE(got.connections, 8);
    QVERIFY(got.largestChunk <= kMaxChunk);
    QVERIFY(source.rangesSupported());
    const QStringList log = m_nginx->accessLog().mid(before);
    QCOMPARE(countLines(log, "206 "), 8);
    QCOMPARE(countLines(log, "\"bytes=0-" + QString::number(part - 1) + "\""), 1);
}

void HttpRangeSourceTest::serverWithoutRangesStillDeliversTheRightBytes()
{
    NginxOptions options;
    options.documentRoot = m_root.path();
    options.rangesEnabled = false;
    NginxServer plain(options);
    QString error;
    QVERIFY2(plain.start(&error), qPrintable(error));

    HttpRangeSource source(*m_network, plain.url("/file.bin"), fastRetries(), nullptr);
    Received got;
    got.assembled = fileSized();
    got.watch(source);
    source.probe();
    QTRY_VERIFY_WITH_TIMEOUT(got.probed || got.probeError, 5000);
    QVERIFY(!got.probeError);
    QCOMPARE(got.probed->first, kFileSize);
    QVERIFY(!got.probed->second);
    QVERIFY(!source.rangesSupported());

    // A range from the middle: the source reads past the bytes before it and stops after it.
    const qint64 offset = 3 * 1024 * 1024 + 7, length = 1024 * 1024 + 3;
    got.fetch(source, 1, offset, length);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 10000);
    QVERIFY2(got.failed.isEmpty(), qPrintable(got.failures()));
    QVERIFY2(got.problems.isEmpty(), qPrintable(got.problems.join('\n')));
    QVERIFY(got.assembled.mid(offset, length) == m_content.mid(offset, length));

    // The one range covering everything, as callers ask once ranges are known not to work.
    got.fetch(source, 2, 0, kFileSize);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 2, 10000);
    QVERIFY(got.failed.isEmpty());
    QVERIFY(got.assembled == m_content);
    QVERIFY(countLines(plain.accessLog(), "200 ") >= 3);
}

void HttpRangeSourceTest::notFoundIsNotRetried()
{
    const QUrl url = m_nginx->url("/missing.bin");
    HttpRangeSource source(*m_network, url, fastRetries(), nullptr);
    Received got;
    got.watch(source);
    got.fetch(source, 5, 0, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 5000);
    QCOMPARE(got.failed.value(5).kind, HttpError::Kind::NotFound);
    QVERIFY(got.failed.value(5).message.contains(url.toString()));
    QVERIFY(got.failed.value(5).message.contains("404"));
    QTest::qWait(100); // a retry would have been scheduled 20 ms later
    QCOMPARE(got.connections, 1);
    QCOMPARE(source.inFlight(), 0);
}

void HttpRangeSourceTest::connectionRefusedIsRetriedThenReported()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/file.bin").arg(port));
    HttpRangeSource source(*m_network, url, fastRetries(4), nullptr);
    Received got;
    got.watch(source);
    QElapsedTimer clock;
    clock.start();
    got.fetch(source, 9, 100, 900);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 10000);
    const HttpError error = got.failed.value(9);
    QCOMPARE(error.kind, HttpError::Kind::ConnectionRefused);
    QCOMPARE(got.connections, 4);
    // Backoff 20 + 40 + 80 ms between the four attempts.
    QVERIFY2(clock.elapsed() >= 140, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(error.message.contains(url.toString()) && error.message.contains("bytes 100-999") &&
                 error.message.contains("4 attempt") && error.message.contains("refused"),
             qPrintable(error.message));
}

void HttpRangeSourceTest::unknownHostIsRetriedThenReported()
{
    // .invalid never resolves (RFC 6761): the resolver answers NXDOMAIN, no connection is made.
    const QUrl url(QStringLiteral("http://no-such-host.invalid/x"));
    HttpRangeSource source(*m_network, url, fastRetries(3), nullptr);
    Received got;
    got.watch(source);
    source.probe();
    QTRY_VERIFY_WITH_TIMEOUT(got.probed || got.probeError, 20000);
    QVERIFY(!got.probed);
    QCOMPARE(got.probeError->kind, HttpError::Kind::HostNotFound);
    QVERIFY2(got.probeError->message.contains("no-such-host.invalid could not be resolved"),
             qPrintable(got.probeError->message));

    got.fetch(source, 4, 0, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 20000);
    const HttpError error = got.failed.value(4);
    QCOMPARE(error.kind, HttpError::Kind::HostNotFound);
    // The final error names the URL, the failed lookup, the range and the attempts made.
    QVERIFY2(error.message.contains(url.toString()) &&
                 error.message.contains("the host name no-such-host.invalid could not be "
                                        "resolved") &&
                 error.message.contains("bytes 0-999") && error.message.contains("3 attempt"),
             qPrintable(error.message));
    QCOMPARE(source.inFlight(), 0);
    QTest::qWait(200); // the retries are spent: nothing more is scheduled
    QCOMPARE(got.done(), 1);
}

void HttpRangeSourceTest::sizeChangeIsPermanent()
{
    HttpRangeSource source(*m_network, fileUrl(), fastRetries(), nullptr);
    source.setExpectedSize(kFileSize + 1);
    Received got;
    got.watch(source);
    got.fetch(source, 1, 0, 4096);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 5000);
    QCOMPARE(got.failed.value(1).kind, HttpError::Kind::SizeChanged);
    QVERIFY(got.failed.value(1).message.contains(QString::number(kFileSize)));
    QCOMPARE(got.connections, 1);

    source.probe();
    QTRY_VERIFY_WITH_TIMEOUT(got.probed || got.probeError, 5000);
    QVERIFY(got.probeError);
    QCOMPARE(got.probeError->kind, HttpError::Kind::SizeChanged);
}

void HttpRangeSourceTest::redirectIsFollowed()
{
    HttpRangeSource source(*m_network, m_nginx->url("/older"), fastRetries(), nullptr);
    source.setExpectedSize(kFileSize);
    Received got;
    got.assembled = fileSized();
    got.watch(source);
    const int before = static_cast<int>(m_nginx->accessLog().size());
    got.fetch(source, 1, 1000, 500000);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 5000);
    QVERIFY2(got.failed.isEmpty(), qPrintable(got.failures()));
    QVERIFY(got.assembled.mid(1000, 500000) == m_content.mid(1000, 500000));
    const QStringList log = m_nginx->accessLog().mid(before);
    QCOMPARE(countLines(log, "301 "), 1);
    QCOMPARE(countLines(log, "302 "), 1);
    QCOMPARE(countLines(log, "206 "), 1);
    QCOMPARE(got.connections, 1); // redirects are part of the one request
}

void HttpRangeSourceTest::truncatedBodyRetriesOnlyTheRest()
{
    const QByteArray content = m_content.left(2 << 20);
    ScriptedServer server(content, ScriptedServer::Fault::Truncate, 2, 300000);
    QVERIFY(server.listen());
    HttpRangeSource source(*m_network, server.url(), fastRetries(4), nullptr);
    source.setExpectedSize(content.size());
    Received got;
    got.assembled = QByteArray(content.size(), '\0');
    got.watch(source);
    got.fetch(source, 1, 1000, 1000000);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 10000);
    QVERIFY2(got.failed.isEmpty(), qPrintable(got.failures()));
    QVERIFY2(got.problems.isEmpty(), qPrintable(got.problems.join('\n')));
    QVERIFY(got.assembled.mid(1000, 1000000) == content.mid(1000, 1000000));
    // Each retry asks for the rest only: it starts after the first, no further than the bytes
    // the server sent (Qt may drop what it had not handed over when the connection closed).
    QCOMPARE(server.ranges.size(), 3);
    QCOMPARE(got.connections, 3);
    qint64 previous = -1;
    for (const QString& range : server.ranges) {
        QVERIFY2(range.startsWith("bytes=") && range.endsWith("-1000999"), qPrintable(range));
        const qint64 start = range.mid(6, range.indexOf('-') - 6).toLongLong();
        if (previous < 0)
            QCOMPARE(start, 1000);
        else
            QVERIFY2(start > previous && start <= previous + 300000, qPrintable(range));
        previous = start;
    }
}

void HttpRangeSourceTest::truncatedEveryTimeIsReported()
{
    const QByteArray content = m_content.left(1 << 20);
    ScriptedServer server(content, ScriptedServer::Fault::Truncate, 100, 100000);
    QVERIFY(server.listen());
    HttpRangeSource source(*m_network, server.url(), fastRetries(3), nullptr);
    Received got;
    got.assembled = QByteArray(content.size(), '\0');
    got.watch(source);
    got.fetch(source, 1, 0, content.size());
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 10000);
    const HttpError error = got.failed.value(1);
    QCOMPARE(error.kind, HttpError::Kind::Truncated);
    QVERIFY2(error.message.contains("after 300000 of 1048576 bytes") &&
                 error.message.contains("bytes 0-1048575") && error.message.contains("3 attempt") &&
                 error.message.contains(server.url().toString()),
             qPrintable(error.message));
    // What did arrive was delivered, in order.
    QCOMPARE(got.next.value(1), 300000);
    QVERIFY(got.assembled.left(300000) == content.left(300000));
}

void HttpRangeSourceTest::serverErrorIsRetried()
{
    const QByteArray content = m_content.left(100000);
    ScriptedServer server(content, ScriptedServer::Fault::Status503, 2, 0);
    QVERIFY(server.listen());
    HttpRangeSource source(*m_network, server.url(), fastRetries(3), nullptr);
    Received got;
    got.assembled = QByteArray(content.size(), '\0');
    got.watch(source);
    got.fetch(source, 1, 0, content.size());
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 10000);
    QVERIFY2(got.failed.isEmpty(), qPrintable(got.failures()));
    QVERIFY(got.assembled == content);
    QCOMPARE(server.ranges.size(), 3);
}

void HttpRangeSourceTest::wrongContentRangeIsPermanent()
{
    const QByteArray content = m_content.left(100000);
    ScriptedServer server(content, ScriptedServer::Fault::WrongRange, 100, 0);
    QVERIFY(server.listen());
    HttpRangeSource source(*m_network, server.url(), fastRetries(3), nullptr);
    Received got;
    got.assembled = QByteArray(content.size(), '\0');
    got.watch(source);
    got.fetch(source, 1, 10, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 5000);
    QCOMPARE(got.failed.value(1).kind, HttpError::Kind::BadContentRange);
    QVERIFY(got.failed.value(1).message.contains("bytes 11-1010"));
    QCOMPARE(got.next.value(1), 10); // nothing of the wrong bytes was passed on
    QTest::qWait(100);
    QCOMPARE(server.ranges.size(), 1);
}

void HttpRangeSourceTest::stalledServerIsAbandonedAndRetried()
{
    const QByteArray content = m_content.left(1 << 20);
    ScriptedServer server(content, ScriptedServer::Fault::Stall, 1, 50000);
    QVERIFY(server.listen());
    HttpSourceOptions options = fastRetries(3);
    options.stallTimeoutMs = 300;
    HttpRangeSource source(*m_network, server.url(), options, nullptr);
    Received got;
    got.assembled = QByteArray(content.size(), '\0');
    got.watch(source);
    QElapsedTimer clock;
    clock.start();
    got.fetch(source, 1, 0, content.size());
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 10000);
    QVERIFY2(got.failed.isEmpty(), qPrintable(got.failures()));
    QVERIFY(got.assembled == content);
    QCOMPARE(server.ranges, (QStringList{"bytes=0-1048575", "bytes=50000-1048575"}));
    QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));

    // Silent every time: reported as a timeout after the last attempt.
    ScriptedServer silent(content, ScriptedServer::Fault::Stall, 100, 0);
    QVERIFY(silent.listen());
    options.maxAttempts = 2;
    HttpRangeSource source2(*m_network, silent.url(), options, nullptr);
    Received got2;
    got2.watch(source2);
    got2.fetch(source2, 1, 0, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(got2.done(), 1, 10000);
    QCOMPARE(got2.failed.value(1).kind, HttpError::Kind::Timeout);
    QVERIFY2(got2.failed.value(1).message.contains("2 attempt"),
             qPrintable(got2.failed.value(1).message));
    QCOMPARE(silent.ranges.size(), 2);
}

void HttpRangeSourceTest::cancelFromAReceiverStopsTheRange()
{
    HttpRangeSource source(*m_network, fileUrl(), fastRetries(), nullptr);
    Received got;
    got.assembled = fileSized();
    got.watch(source);
    int chunks = 0;
    connect(&source, &HttpRangeSource::dataReceived, &source,
            [&](quint64 tag, qint64, const QByteArray&) {
                if (tag == 1 && ++chunks == 1)
                    source.cancel(1);
            });
    got.fetch(source, 1, 0, kFileSize);
    got.fetch(source, 2, 0, 100000);
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 1, 5000);
    QCOMPARE(got.finished, QList<quint64>{2});
    QTest::qWait(200);
    QCOMPARE(chunks, 1);
    QCOMPARE(source.inFlight(), 0);
    QCOMPARE(got.done(), 1);
}

void HttpRangeSourceTest::bandwidthLimitPacesTheDownload()
{
    const qint64 rate = 4 << 20; // 4 MiB/s: the 8 MiB file in about 2 s
    BandwidthLimiter limiter;
    limiter.setRate(TrafficClass::Background, rate);
    HttpSourceOptions options = fastRetries();
    options.trafficClass = TrafficClass::Background;
    HttpRangeSource source(*m_network, fileUrl(), options, &limiter);
    source.setExpectedSize(kFileSize);
    Received got;
    got.assembled = fileSized();
    got.watch(source);
    QElapsedTimer clock;
    clock.start();
    const qint64 part = kFileSize / 4;
    for (quint64 i = 0; i < 4; ++i) {
        const qint64 offset = static_cast<qint64>(i) * part;
        got.fetch(source, i, offset, i == 3 ? kFileSize - offset : part);
    }
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 4, 20000);
    const double seconds = clock.elapsed() / 1000.0;
    QVERIFY2(got.failed.isEmpty(), qPrintable(got.failures()));
    QVERIFY(got.assembled == m_content);
    // The bucket starts with a quarter second of burst (1 MiB), the rest comes at the rate.
    const double expected = double(kFileSize - rate / 4) / double(rate);
    qInfo("8 MiB at 4 MiB/s took %.2f s (expected about %.2f s)", seconds, expected);
    QVERIFY2(seconds >= expected * 0.85 && seconds <= expected * 1.6 + 0.5,
             qPrintable(QString::number(seconds)));
}

void HttpRangeSourceTest::downloadThroughTinyproxy()
{
    if (!TinyProxyServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("tinyproxy is not installed (Debian: install tinyproxy)");
    TinyProxyServer proxy;
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    QNetworkAccessManager network;
    configureProxy(network, proxy.proxyUrl());

    HttpRangeSource source(network, fileUrl(), fastRetries(), nullptr);
    source.setExpectedSize(kFileSize);
    Received got;
    got.assembled = fileSized();
    got.watch(source);
    const int before = static_cast<int>(m_nginx->accessLog().size());
    got.fetch(source, 1, 0, 2 << 20);
    got.fetch(source, 2, 2 << 20, kFileSize - (2 << 20));
    QTRY_COMPARE_WITH_TIMEOUT(got.done(), 2, 20000);
    QVERIFY2(got.failed.isEmpty(), qPrintable(got.failures()));
    QVERIFY(got.assembled == m_content);
    const QStringList log = m_nginx->accessLog().mid(before);
    QCOMPARE(countLines(log, "tinyproxy/"), 2); // the Via header tinyproxy adds
    QTRY_COMPARE_WITH_TIMEOUT(proxy.requestCount(), 2, 2000);
    QVERIFY(proxy.requestLines().first().contains(fileUrl().toString()));
}

QTEST_GUILESS_MAIN(HttpRangeSourceTest)
#include "test_http_range_source.moc"
