#include "common/DhcpLeaseOptions.h"

#include "common/DhcpMessage.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>

namespace opendo {

namespace {

constexpr qint64 kMaxLeaseFileBytes = 1024 * 1024;
// Lease folders hold a file or two per interface; a folder full of other things (a mistyped
// DhcpLeaseFolders) should not make every download start read thousands of files.
constexpr qsizetype kMaxLeaseFilesPerFolder = 64;

QString lastCapture(const QRegularExpression& pattern, const QString& text)
{
    QString value;
    auto matches = pattern.globalMatch(text);
    while (matches.hasNext())
        value = matches.next().captured(1).trimmed();
    return value;
}

// An option's raw bytes as text: UTF-8 (`valid` false when they are not), without the NULs some
// servers pad with.
QString optionBytesAsText(const QByteArray& raw, bool* valid)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(raw);
    while (text.endsWith(QChar(0)))
        text.chop(1);
    *valid = !utf8.hasError();
    return text;
}

// systemd-networkd saves private options (224-254) as the hex of their raw bytes; DHCP servers
// send 234 and 235 as text, which is what Windows and dhclient show.
QString decodeHexText(const QString& value)
{
    static const QRegularExpression hex(QStringLiteral("^(?:[0-9A-Fa-f]{2})+$"));
    if (!hex.match(value).hasMatch())
        return value;
    bool valid = false;
    const QString decoded = optionBytesAsText(QByteArray::fromHex(value.toLatin1()), &valid);
    if (valid && !decoded.isEmpty() && decoded.at(0).isPrint())
        return decoded.trimmed();
    return value;
}

} // namespace

QStringList defaultDhcpLeaseFolders()
{
    return {QStringLiteral("/var/lib/dhcp"),           QStringLiteral("/var/lib/dhclient"),
            QStringLiteral("/var/lib/NetworkManager"), QStringLiteral("/run/systemd/netif/leases"),
            QStringLiteral("/var/lib/dhcpcd"),         QStringLiteral("/var/lib/dhcpcd5")};
}

QStringList dhcpLeaseFolders(const QString& setting)
{
    QStringList folders;
    for (const QString& part : setting.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            folders << part.trimmed();
    }
    return folders.isEmpty() ? defaultDhcpLeaseFolders() : folders;
}

QString dhcpOptionFromLease(const QByteArray& leaseFile, int code)
{
    // dhcpcd keeps the server's last answer as it came, a binary DHCP message.
    if (isDhcpMessage(leaseFile)) {
        const std::optional<QByteArray> raw = dhcpMessageOption(leaseFile, code);
        bool valid = false;
        return raw ? optionBytesAsText(*raw, &valid).trimmed() : QString();
    }
    const QString number = QString::number(code);
    const QRegularExpression dhclient(
        QStringLiteral(R"re(option\s+(?:unknown-%1|[\w-]*%1[\w-]*)\s+"?([^";]+)"?\s*;)re")
            .arg(number));
    const QRegularExpression keyValue(
        QStringLiteral(R"re(^(?:OPTION_%1|PRIVATE_%1|new_unknown_%1)\s*=\s*'?([^'\n]+)'?\s*$)re")
            .arg(number),
        QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(leaseFile);
    if (QString value = lastCapture(dhclient, text); !value.isEmpty())
        return value;
    return decodeHexText(lastCapture(keyValue, text));
}

DhcpOptionFound findDhcpOption(int code, const QStringList& folders)
{
    for (const QString& folder : folders) {
        const QFileInfoList files =
            QDir(folder).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo& info : files.mid(0, kMaxLeaseFilesPerFolder)) {
            QFile file(info.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString value = dhcpOptionFromLease(file.read(kMaxLeaseFileBytes), code);
            if (!value.isEmpty())
                return {value, info.filePath()};
        }
    }
    return {};
}

} // namespace opendo
