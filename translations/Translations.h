#pragma once

// The catalogues compiled into every OpenDO program, and how a program picks one.

#include <QString>

class QCoreApplication;

namespace opendo::i18n {

// Installs OpenDO's catalogue (and Qt's own, when installed) for `language` ("de", "en", …;
// "" = the system locale). Returns the language in use: "en" when no catalogue matched, as the
// sources are English.
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace opendo::i18n
