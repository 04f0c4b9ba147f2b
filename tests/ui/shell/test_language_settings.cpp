// The console follows the system locale unless the user chose a language: a saved override
// (Settings > Language) or --lang. The process runs with a German system locale, so each case
// shows which of the three won.

#include "shell/LanguageSettings.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using opendo::ui::LanguageSettings;

class LanguageSettingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void followsTheSystemLocaleWithoutAnOverride();
    void savedOverrideWinsOverTheSystemLocale();
    void explicitLanguageWinsOverTheSavedOverride();
    void clearingTheOverrideFollowsTheSystemAgain();
    void unknownLanguageFallsBackToTheEnglishSources();

private:
    static QString fileMenu()
    {
        return QCoreApplication::translate("opendo::ui::MainWindow", "&File");
    }
    QTemporaryDir m_settingsDir;
};

void LanguageSettingsTest::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCOMPARE(QLocale::system().language(), QLocale::German);
}

void LanguageSettingsTest::init()
{
    // Each case starts with no catalogue installed and no saved choice.
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    LanguageSettings::saveOverride(QString());
    QCOMPARE(fileMenu(), QString("&File"));
}

void LanguageSettingsTest::followsTheSystemLocaleWithoutAnOverride()
{
    QCOMPARE(LanguageSettings::savedOverride(), QString());
    QCOMPARE(LanguageSettings::install(*qApp, QString()), QString("de"));
    QCOMPARE(fileMenu(), QString("&Datei"));
}

void LanguageSettingsTest::savedOverrideWinsOverTheSystemLocale()
{
    LanguageSettings::saveOverride("en");
    QCOMPARE(LanguageSettings::savedOverride(), QString("en"));
    QCOMPARE(LanguageSettings::install(*qApp, QString()), QString("en"));
    QCOMPARE(fileMenu(), QString("&File"));
}

void LanguageSettingsTest::explicitLanguageWinsOverTheSavedOverride()
{
    LanguageSettings::saveOverride("en");
    QCOMPARE(LanguageSettings::install(*qApp, "de"), QString("de"));
    QCOMPARE(fileMenu(), QString("&Datei"));
}

void LanguageSettingsTest::clearingTheOverrideFollowsTheSystemAgain()
{
    LanguageSettings::saveOverride("en");
    LanguageSettings::saveOverride(QString());
    QCOMPARE(LanguageSettings::savedOverride(), QString());
    QCOMPARE(LanguageSettings::install(*qApp, QString()), QString("de"));
    QCOMPARE(fileMenu(), QString("&Datei"));
}

void LanguageSettingsTest::unknownLanguageFallsBackToTheEnglishSources()
{
    QCOMPARE(LanguageSettings::install(*qApp, "fr"), QString("en"));
    QCOMPARE(fileMenu(), QString("&File"));
}

int main(int argc, char* argv[])
{
    // QLocale::system() reads the environment when first used: give this process a German
    // system locale before anything asks.
    qputenv("LC_ALL", "de_DE.UTF-8");
    qputenv("LANG", "de_DE.UTF-8");
    qputenv("LANGUAGE", "de");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("OpenDO-test");
    QCoreApplication::setApplicationName("test_language_settings");
    LanguageSettingsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_language_settings.moc"
