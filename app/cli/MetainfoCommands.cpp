#include "MetainfoCommands.h"

#include "CliText.h"
#include "agent/AgentSettings.h"
#include "content/Metainfo.h"
#include "content/MetainfoWriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>

namespace opendo::cli {

namespace {

const char* const kCreateUsage = QT_TRANSLATE_NOOP(
    "doctl",
    "usage: doctl create-metainfo FILE --webseed URL [--webseed URL]… [--piece-size BYTES] "
    "[--announce URL] -o OUT.torrent\n");

const char* const kPublishUsage = QT_TRANSLATE_NOOP(
    "doctl", "usage: doctl publish FILE --webseed URL [--webseed URL]… [--piece-size BYTES] "
             "--discovery URL [--token TOKEN] [-o OUT.torrent] [--json]\n"
             "       doctl publish --metainfo IN.torrent --discovery URL [--token TOKEN] [--json]\n"
             "  --token (or OPENDO_PUBLISH_TOKEN): the service's --publish-token; without one the\n"
             "  service accepts publishing only from its own host.\n");

constexpr int kPublishTimeoutMs = 60'000;

// "-o" is a short option; CliArguments only knows "--name".
std::optional<QString> takeOutput(CliArguments& args, QString* error)
{
    std::optional<QString> output = args.takeOption(QStringLiteral("o"), error);
    if (!output)
        output = args.takeOption(QStringLiteral("out"), error);
    QStringList rest = args.remaining();
    if (const qsizetype i = rest.indexOf(QStringLiteral("-o"));
        !output && i >= 0 && i + 1 < rest.size()) {
        output = rest[i + 1];
        rest.remove(i, 2);
        args = CliArguments(rest);
    }
    return output;
}

struct MetainfoRequest
{
    std::optional<QString> file;
    content::MetainfoWriterOptions options;
    std::optional<QString> pieceSize;
};

// Reads FILE, --webseed…, --piece-size, --announce; on a usage error returns nullopt with *why.
std::optional<MetainfoRequest> takeMetainfoRequest(CliArguments& args, QString* error)
{
    MetainfoRequest request;
    while (const auto seed = args.takeOption(QStringLiteral("webseed"), error))
        request.options.webSeeds << QUrl(*seed);
    request.pieceSize = args.takeOption(QStringLiteral("piece-size"), error);
    if (const auto announce = args.takeOption(QStringLiteral("announce"), error))
        request.options.announce = QUrl(*announce);
    return request;
}

// Builds the metainfo; prints the error and returns nullopt when it cannot.
std::optional<QByteArray> buildMetainfo(MetainfoRequest request, QTextStream& err)
{
    for (const QUrl& seed : std::as_const(request.options.webSeeds)) {
        if (const QString why = content::Metainfo::checkWebSeed(seed); !why.isEmpty()) {
            err << errorLine(why);
            return std::nullopt;
        }
    }
    if (request.pieceSize) {
        bool ok = false;
        request.options.pieceLength = request.pieceSize->toLongLong(&ok);
        const QString why =
            ok ? content::Metainfo::checkPieceLength(request.options.pieceLength)
               : QCoreApplication::translate("doctl", "--piece-size needs a number of bytes");
        if (!why.isEmpty()) {
            err << errorLine(why);
            return std::nullopt;
        }
    }
    const content::MetainfoWriteResult written =
        content::MetainfoWriter::create(*request.file, request.options);
    if (!written.ok) {
        err << errorLine(written.error);
        return std::nullopt;
    }
    return written.torrent;
}

bool saveFile(const QString& path, const QByteArray& bytes, QTextStream& err)
{
    QSaveFile save(path);
    if (!save.open(QIODevice::WriteOnly) || save.write(bytes) != bytes.size() || !save.commit()) {
        err << errorLine(QStringLiteral("%1: %2").arg(path, save.errorString()));
        return false;
    }
    return true;
}

} // namespace

int runCreateMetainfoCommand(CliArguments& args, QTextStream& out, QTextStream& err)
{
    QString error;
    auto request = takeMetainfoRequest(args, &error);
    const auto output = takeOutput(args, &error);
    request->file = args.takePositional();
    if (!error.isEmpty() || !request->file || !output || request->options.webSeeds.isEmpty()) {
        err << (error.isEmpty() ? QString() : errorLine(error))
            << QCoreApplication::translate("doctl", kCreateUsage);
        return 2;
    }
    const auto torrent = buildMetainfo(*request, err);
    if (!torrent || !saveFile(*output, *torrent, err))
        return 1;
    const auto parsed = content::Metainfo::parse(*torrent);
    if (parsed.ok())
        out << QCoreApplication::translate("doctl",
                                           "content id %1, %2 pieces of %3 bytes, written to %4")
                   .arg(parsed.metainfo->contentId())
                   .arg(parsed.metainfo->pieceCount())
                   .arg(parsed.metainfo->pieceLength())
                   .arg(*output)
            << '\n';
    return 0;
}

int runPublishCommand(CliArguments& args, QTextStream& out, QTextStream& err)
{
    QString error;
    auto request = takeMetainfoRequest(args, &error);
    const auto output = takeOutput(args, &error);
    const auto metainfoPath = args.takeOption(QStringLiteral("metainfo"), &error);
    const auto discovery = args.takeOption(QStringLiteral("discovery"), &error);
    std::optional<QString> token = args.takeOption(QStringLiteral("token"), &error);
    if (!token && qEnvironmentVariableIsSet("OPENDO_PUBLISH_TOKEN"))
        token = qEnvironmentVariable("OPENDO_PUBLISH_TOKEN");
    const bool json = args.takeFlag(QStringLiteral("json"));
    request->file = args.takePositional();
    const bool fromFile = request->file.has_value() && !request->options.webSeeds.isEmpty();
    if (!error.isEmpty() || !discovery || fromFile == metainfoPath.has_value()) {
        err << (error.isEmpty() ? QString() : errorLine(error))
            << QCoreApplication::translate("doctl", kPublishUsage);
        return 2;
    }
    if (const QString why =
            agent::checkAgentSetting(QString::fromLatin1(agent::kDiscoveryUrlSetting), *discovery);
        !why.isEmpty()) {
        err << errorLine(QStringLiteral("--discovery: %1").arg(why));
        return 2;
    }
    QByteArray torrent;
    if (metainfoPath) {
        QFile file(*metainfoPath);
        if (!file.open(QIODevice::ReadOnly)) {
            err << errorLine(QStringLiteral("%1: %2").arg(*metainfoPath, file.errorString()));
            return 1;
        }
        torrent = file.readAll();
        const auto parsed = content::Metainfo::parse(torrent);
        if (!parsed.ok()) {
            err << errorLine(QStringLiteral("%1: %2").arg(*metainfoPath, parsed.error));
            return 1;
        }
    } else {
        const auto built = buildMetainfo(*request, err);
        if (!built)
            return 1;
        torrent = *built;
        if (output && !saveFile(*output, torrent, err))
            return 1;
    }

    QNetworkAccessManager network;
    QUrl url(*discovery);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1/publish"));
    QNetworkRequest post(url);
    post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-bittorrent"));
    post.setTransferTimeout(kPublishTimeoutMs);
    if (token && !token->trimmed().isEmpty())
        post.setRawHeader("Authorization", "Bearer " + token->trimmed().toUtf8());
    QNetworkReply* reply = network.post(post, torrent);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        const QString why = answer.value(QStringLiteral("error")).toString();
        err << errorLine(QCoreApplication::translate("doctl", "publishing to %1 failed: %2")
                             .arg(url.toString(), why.isEmpty() ? reply->errorString() : why));
        reply->deleteLater();
        return 1;
    }
    reply->deleteLater();
    if (json) {
        out << QJsonDocument(answer).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QCoreApplication::translate("doctl", "published %1 as content id %2")
               .arg(answer.value(QStringLiteral("name")).toString(),
                    answer.value(QStringLiteral("contentId")).toString())
        << '\n';
    for (const QJsonValue& u : answer.value(QStringLiteral("urls")).toArray())
        out << "  "
            << QCoreApplication::translate(
                   "doctl", "agents asked for %1 now get verifiable, peerable pieces")
                   .arg(u.toString())
            << '\n';
    for (const QJsonValue& r : answer.value(QStringLiteral("replaced")).toArray()) {
        const QJsonObject replaced = r.toObject();
        out << "  "
            << QCoreApplication::translate("doctl", "%1 no longer points at content id %2")
                   .arg(replaced.value(QStringLiteral("url")).toString(),
                        replaced.value(QStringLiteral("previousContentId")).toString())
            << '\n';
    }
    return 0;
}

} // namespace opendo::cli
