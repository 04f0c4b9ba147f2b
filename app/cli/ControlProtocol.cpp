#include "ControlProtocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace opendo::cli {

QString controlSocketPath(const QString& dataDir)
{
    return QDir(QFileInfo(dataDir).absoluteFilePath()).filePath(QStringLiteral("control.sock"));
}

QStringList absolutePathArguments(const QStringList& args, const QString& cwd)
{
    QStringList result = args;
    const QDir base(cwd);
    auto absolute = [&base](const QString& path) {
        return path.isEmpty() ? path : base.absoluteFilePath(path);
    };
    // Mirrors CliArguments: options may stand anywhere after the command; a download's "--out"
    // and troubleshoot's "--bundle" take the next argument as a path, every other "--" argument
    // is a flag or takes no path, and the rest are positional in order. doctl takes the command
    // first, so a path option before it is no option.
    QString pathOption;
    QList<qsizetype> positional;
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QString& arg = result[i];
        if (!pathOption.isEmpty() && arg == pathOption) {
            if (i + 1 < result.size())
                result[i + 1] = absolute(result[i + 1]);
            ++i;
            continue;
        }
        if (!pathOption.isEmpty() && arg.startsWith(pathOption + QLatin1Char('='))) {
            result[i] = pathOption + QLatin1Char('=') + absolute(arg.mid(pathOption.size() + 1));
            continue;
        }
        if (arg.startsWith(QLatin1String("--")))
            continue;
        positional << i;
        if (positional.size() == 1)
            pathOption = arg == QLatin1String("download")       ? QStringLiteral("--out")
                         : arg == QLatin1String("troubleshoot") ? QStringLiteral("--bundle")
                                                                : QString();
    }
    if (positional.isEmpty())
        return result;
    const QString command = result[positional[0]];
    if (command == QLatin1String("download") && positional.size() >= 2) {
        QString& source = result[positional[1]];
        if (!source.contains(QLatin1String("://")))
            source = absolute(source);
    } else if (command == QLatin1String("config") && positional.size() >= 3) {
        const QString& verb = result[positional[1]];
        if (verb == QLatin1String("import") || verb == QLatin1String("export"))
            result[positional[2]] = absolute(result[positional[2]]);
    }
    return result;
}

QByteArray encodeMessage(const QJsonObject& message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray encodeRequest(const ControlRequest& request)
{
    QJsonObject o;
    o[QStringLiteral("v")] = kControlProtocolVersion;
    o[QStringLiteral("args")] = QJsonArray::fromStringList(request.args);
    o[QStringLiteral("cwd")] = request.cwd;
    if (request.progress)
        o[QStringLiteral("progress")] = true;
    return encodeMessage(o);
}

std::optional<ControlRequest> parseRequest(const QByteArray& line, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("doctl", "the request is not JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("doctl", "the request is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(QStringLiteral("v"));
    if (!version.isDouble() || version.toDouble() != kControlProtocolVersion) {
        *error = QCoreApplication::translate(
                     "doctl", "unsupported control protocol version \"%1\" (this agent speaks %2)")
                     .arg(version.toVariant().toString())
                     .arg(kControlProtocolVersion);
        return std::nullopt;
    }
    const QJsonValue args = o.value(QStringLiteral("args"));
    if (!args.isArray() || args.toArray().isEmpty()) {
        *error = QCoreApplication::translate("doctl", "the request has no \"args\" array");
        return std::nullopt;
    }
    ControlRequest request;
    for (const QJsonValue& arg : args.toArray()) {
        if (!arg.isString()) {
            *error = QCoreApplication::translate("doctl", "\"args\" must hold strings only");
            return std::nullopt;
        }
        request.args << arg.toString();
    }
    const QJsonValue cwd = o.value(QStringLiteral("cwd"));
    if (!cwd.isUndefined() && !cwd.isString()) {
        *error = QCoreApplication::translate("doctl", "\"cwd\" must be a string");
        return std::nullopt;
    }
    request.cwd = cwd.toString();
    if (!request.cwd.isEmpty() && QDir::isRelativePath(request.cwd)) {
        *error = QCoreApplication::translate("doctl", "\"cwd\" must be an absolute path");
        return std::nullopt;
    }
    request.progress = o.value(QStringLiteral("progress")).toBool(false);
    return request;
}

} // namespace opendo::cli
