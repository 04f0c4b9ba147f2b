#include "peer/PeerClientName.h"

#include <QStringList>

namespace opendo::peer {

namespace {

// Version characters are digits, then letters for 10 and up (libtorrent 2.0.10 is "-LT20A0-").
int versionDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return 10 + (c - 'A');
    if (c >= 'a' && c <= 'z')
        return 10 + (c - 'a');
    return -1;
}

QString programOf(const QByteArray& code)
{
    struct Known
    {
        const char* code;
        const char* name;
    };
    static constexpr Known known[] = {
        {"AZ", "Vuze"},
        {"BI", "BiglyBT"},
        {"DE", "Deluge"},
        {"KT", "KTorrent"},
        {"LT", "libtorrent"},
        {"lt", "rTorrent"},
        {"OD", "OpenDO"},
        {"qB", "qBittorrent"},
        {"TR", "Transmission"},
        {"UT", "\xC2\xB5Torrent"},
        {"UM", "\xC2\xB5Torrent Mac"},
        {"BT", "BitTorrent"},
    };
    for (const Known& k : known) {
        if (code == k.code)
            return QString::fromUtf8(k.name);
    }
    return QString::fromLatin1(code);
}

} // namespace

QString clientNameFromPeerId(const QByteArray& peerId)
{
    if (peerId.size() < 8 || peerId[0] != '-' || peerId[7] != '-')
        return {};
    QStringList version;
    for (int i = 3; i < 7; ++i) {
        const int digit = versionDigit(peerId[i]);
        if (digit < 0)
            return {};
        version << QString::number(digit);
    }
    return programOf(peerId.mid(1, 2)) + QLatin1Char(' ') + version.join(QLatin1Char('.'));
}

} // namespace opendo::peer
