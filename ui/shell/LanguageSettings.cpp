#include "shell/LanguageSettings.h"

#include "Translations.h"

#include <QSettings>

namespace opendo::ui {

namespace {
const QString kKey = QStringLiteral("ui/language");
}

QString LanguageSettings::savedOverride()
{
    return QSettings().value(kKey).toString();
}

void LanguageSettings::saveOverride(const QString& language)
{
    QSettings settings;
    if (language.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, language);
}

QString LanguageSettings::install(QCoreApplication& app, const QString& language)
{
    return i18n::installTranslations(app, language.isEmpty() ? savedOverride() : language);
}

} // namespace opendo::ui
