#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace opendo::i18n {

QString installTranslations(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("opendo"), QStringLiteral("_"),
                    QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (dialog buttons, context menus, command-line errors) in the same language.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name().left(2);
}

} // namespace opendo::i18n
