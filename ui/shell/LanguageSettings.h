#pragma once

// The console's language: the system locale unless the user chose one (saved override or
// --lang), with the translations compiled into the binary.

#include <QString>

class QCoreApplication;

namespace opendo::ui {

class LanguageSettings
{
public:
    static QString savedOverride(); // "" = follow the system locale
    static void saveOverride(const QString& language);
    // Installs the catalogue for `language` ("" = saved override, else system). Returns the
    // language in use ("en" when no catalogue matched).
    static QString install(QCoreApplication& app, const QString& language);
};

} // namespace opendo::ui
