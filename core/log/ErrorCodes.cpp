#include "log/ErrorCodes.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace opendo::log {

namespace {

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct ErrorCodesText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::log)
};

} // namespace

QString errorCodeText(quint32 code)
{
    return QStringLiteral("0x") +
           QString::number(code, 16).toUpper().rightJustified(8, QLatin1Char('0'));
}

QString errorCodeTag(DoErrorCode code)
{
    return QLatin1Char('[') + errorCodeText(quint32(code)) + QLatin1Char(']');
}

std::optional<quint32> errorCodeIn(const QString& message)
{
    static const QRegularExpression tag(QStringLiteral("^\\[0x(80D0[0-9A-F]{4})\\]"));
    const QRegularExpressionMatch m = tag.match(message);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toUInt(nullptr, 16);
}

std::optional<ErrorCodeMeaning> errorCodeMeaning(quint32 code)
{
    switch (DoErrorCode(code)) {
    case DoErrorCode::NoProgress:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "A download stopped: its origin failed and the peers it carried on with "
                "delivered nothing more."),
            ErrorCodesText::tr(
                "Check the origin named in the message (doctl troubleshoot runs the origin "
                "checks), then resume the download.")};
    case DoErrorCode::UploadCapReached:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "Uploads stopped: this month's uploads to internet peers reached the cap."),
            ErrorCodesText::tr(
                "Raise DOMonthlyUploadDataCap (GB per month, 0 = no cap) or wait for the next "
                "month.")};
    case DoErrorCode::BlockedBySettings:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "Peer caching is off because the cache drive is smaller than the minimum."),
            ErrorCodesText::tr(
                "Lower DOMinDiskSizeAllowedToPeer or move the cache to a larger drive with "
                "DOModifyCacheDrive.")};
    case DoErrorCode::OnBattery:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "Uploads stopped: the device runs on battery below the minimum charge."),
            ErrorCodesText::tr(
                "Plug the device in, or lower DOMinBatteryPercentageAllowedToUpload.")};
    case DoErrorCode::VpnDetected:
        return ErrorCodeMeaning{
            ErrorCodesText::tr("Peer caching is off because a VPN interface is up."),
            ErrorCodesText::tr(
                "Set DOAllowVPNPeerCaching to 1 to share over VPN, or check DOVpnKeywords if "
                "the interface is no VPN.")};
    case DoErrorCode::NotEnoughMemory:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "Peer caching is off because the device has less RAM than the minimum."),
            ErrorCodesText::tr(
                "Lower DOMinRAMAllowedToPeer (GB) if this device should share with peers.")};
    case DoErrorCode::CacheFolderMissing:
        return ErrorCodeMeaning{
            ErrorCodesText::tr("The cache folder is missing or cannot be written."),
            ErrorCodesText::tr(
                "Create the folder the agent reports and let the agent's user write to it, or "
                "point DOModifyCacheDrive at a writable location.")};
    case DoErrorCode::ServiceUnreachable:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "The discovery service did not answer; downloads fell back to HTTP only "
                "(Simple mode, 99)."),
            ErrorCodesText::tr(
                "Check that the service named by DiscoveryUrl runs and is reachable (run the "
                "connection checks: doctl troubleshoot).")};
    case DoErrorCode::NoRangeSupport:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "The origin server ignores byte-range requests, so every download from it "
                "streams the whole file and peers cannot take over parts."),
            ErrorCodesText::tr(
                "Enable Range support on the origin (for nginx: remove \"max_ranges 0\").")};
    case DoErrorCode::PieceHashMismatch:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "A piece failed verification against the metainfo and was discarded."),
            ErrorCodesText::tr(
                "If a peer sent it, that peer was banned; if the origin did, its file no longer "
                "matches the published metainfo: publish it again (doctl publish).")};
    case DoErrorCode::PeerBanned:
        return ErrorCodeMeaning{
            ErrorCodesText::tr(
                "A peer was banned for sending data that failed verification or for breaking "
                "the protocol."),
            ErrorCodesText::tr(
                "Check the banned device (Peers panel, Banned peers list) for a damaged cache or "
                "a different version of the content.")};
    }
    return std::nullopt;
}

} // namespace opendo::log
