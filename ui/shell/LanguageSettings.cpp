#include "shell/LanguageSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

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
    QString chosen = language.isEmpty() ? savedOverride() : language;
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    auto* ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("opendo"), QStringLiteral("_"),
                    QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (dialog buttons, context menus) in the same language, when installed.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name().left(2);
}

} // namespace opendo::ui
