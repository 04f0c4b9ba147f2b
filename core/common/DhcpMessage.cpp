#include "common/DhcpMessage.h"

namespace opendo {

namespace {

// Offsets in the BOOTP header (RFC 951 / 2131).
constexpr qsizetype kSnameOffset = 44;
constexpr qsizetype kSnameLength = 64;
constexpr qsizetype kFileOffset = 108;
constexpr qsizetype kFileLength = 128;
constexpr qsizetype kCookieOffset = 236;
constexpr qsizetype kOptionsOffset = 240;
constexpr unsigned char kCookie[4] = {99, 130, 83, 99};
constexpr int kPad = 0;
constexpr int kEnd = 255;
constexpr int kOverload = 52;

struct Scan
{
    QByteArray value;
    bool found = false;
    int overload = 0; // option 52 in the options area: 1 = file, 2 = sname, 3 = both
};

// Walks the options in bytes [begin, end) of `message`, appending every instance of `code`.
void scanOptions(const QByteArray& message, qsizetype begin, qsizetype end, int code, Scan& scan,
                 bool readOverload)
{
    qsizetype at = begin;
    while (at < end) {
        const int option = static_cast<unsigned char>(message.at(at));
        if (option == kEnd)
            return;
        if (option == kPad) {
            ++at;
            continue;
        }
        if (at + 1 >= end)
            return; // no room for the length: truncated
        const qsizetype length = static_cast<unsigned char>(message.at(at + 1));
        if (at + 2 + length > end)
            return; // the value runs past the area: truncated
        if (option == code) {
            scan.value.append(message.constData() + at + 2, length);
            scan.found = true;
        }
        if (readOverload && option == kOverload && length == 1)
            scan.overload = static_cast<unsigned char>(message.at(at + 2));
        at += 2 + length;
    }
}

} // namespace

bool isDhcpMessage(const QByteArray& bytes)
{
    if (bytes.size() < kOptionsOffset)
        return false;
    for (qsizetype i = 0; i < 4; ++i) {
        if (static_cast<unsigned char>(bytes.at(kCookieOffset + i)) != kCookie[i])
            return false;
    }
    return true;
}

std::optional<QByteArray> dhcpMessageOption(const QByteArray& message, int code)
{
    if (!isDhcpMessage(message) || code <= kPad || code >= kEnd)
        return std::nullopt;
    Scan scan;
    scanOptions(message, kOptionsOffset, message.size(), code, scan, true);
    // RFC 3396: the options area first, then `file`, then `sname`.
    if (scan.overload & 1)
        scanOptions(message, kFileOffset, kFileOffset + kFileLength, code, scan, false);
    if (scan.overload & 2)
        scanOptions(message, kSnameOffset, kSnameOffset + kSnameLength, code, scan, false);
    if (!scan.found)
        return std::nullopt;
    return scan.value;
}

} // namespace opendo
