#pragma once

// "Windows Registry Editor Version 5.00" files as regedit exports and imports them.

#include "policy/formats/PolicyDocument.h"

namespace opendo::policy::formats {

PolicyParseResult parseRegFile(const QByteArray& bytes);
QByteArray writeRegFile(const QMap<QString, QString>& values);

} // namespace opendo::policy::formats
