#pragma once

// The Delivery Optimization error codes (0x80D0xxxx) for the conditions OpenDO meets on this
// platform. Help-desk staff search for these codes; the troubleshooter's "Errors found" check
// lists the ones the agent logged, with what each means here and the setting that changes it.
// A logged message carries its code as a "[0x80D06805]" prefix, so the log viewer and
// `doctl log` show it too.

#include <QString>
#include <optional>

namespace opendo::log {

enum class DoErrorCode : quint32
{
    NoProgress = 0x80D02002,         // DO: no progress within the time window
    UploadCapReached = 0x80D03001,   // DO: blocked by participation throttling
    BlockedBySettings = 0x80D03002,  // DO: blocked by user/admin settings
    OnBattery = 0x80D03804,          // DO: moved to battery
    VpnDetected = 0x80D03807,        // DO: VPN detected
    NotEnoughMemory = 0x80D03808,    // DO: critical memory
    CacheFolderMissing = 0x80D03809, // DO: cache folder missing
    ServiceUnreachable = 0x80D0380A, // DO: cloud service unreachable
    NoRangeSupport = 0x80D05011,     // DO: server lacks Range support
    PieceHashMismatch = 0x80D06805,  // DO: piece hash mismatch
    PeerBanned = 0x80D0680D,         // DO: peer banned
};

// "[0x80D06805]": the prefix a logged message starts with.
QString errorCodeTag(DoErrorCode code);
QString errorCodeText(quint32 code); // "0x80D06805"
// The code a message starts with, when it starts with a tag.
std::optional<quint32> errorCodeIn(const QString& message);

struct ErrorCodeMeaning
{
    QString meaning; // what happened, in OpenDO's terms
    QString remedy;  // what to change, naming the setting or the place to look
};
// nullopt for a code OpenDO does not raise.
std::optional<ErrorCodeMeaning> errorCodeMeaning(quint32 code);

} // namespace opendo::log
