// The German catalogue stays complete as the UI grows: every string lupdate finds in the
// sources has a finished translation with the same placeholders.

#include "support/ProcessRunner.h"
#include "support/TestPaths.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace opendo::test;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // numerus forms, or one
    bool finished = true;
};

QList<Message> readCatalogue(const QString& path, QString* error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name"))
                context = xml.readElementText();
            else if (name == QLatin1String("message"))
                current = Message{context, {}, {}, true};
            else if (name == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                current.finished = type != QLatin1String("unfinished") &&
                                   type != QLatin1String("vanished") &&
                                   type != QLatin1String("obsolete");
                if (xml.attributes().value(QLatin1String("numerus")).isEmpty()) {
                    // numerus forms are child elements; plain text otherwise
                    QString text;
                    while (!xml.atEnd()) {
                        xml.readNext();
                        if (xml.isCharacters())
                            text += xml.text();
                        else if (xml.isStartElement() &&
                                 xml.name() == QLatin1String("numerusform"))
                            current.translations << xml.readElementText();
                        else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                            break;
                    }
                    if (current.translations.isEmpty())
                        current.translations << text;
                }
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    return found;
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanCatalogueIsCompleteAndConsistent();
    void everySourceStringIsInTheCatalogue();
};

void TranslationsTest::germanCatalogueIsCompleteAndConsistent()
{
    QString error;
    const QList<Message> messages =
        readCatalogue(sourceDir() + "/translations/opendo_de.ts", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    for (const Message& m : messages) {
        const QString where = m.context + ": " + m.source;
        QVERIFY2(m.finished, qPrintable("unfinished: " + where));
        QVERIFY2(!m.translations.isEmpty(), qPrintable("no translation: " + where));
        for (const QString& t : m.translations) {
            QVERIFY2(!t.trimmed().isEmpty(), qPrintable("empty translation: " + where));
            QSet<QString> expected = placeholders(m.source);
            QSet<QString> got = placeholders(t);
            // A singular form may spell out the count instead of using %n.
            if (m.translations.size() > 1) {
                expected.remove("%n");
                got.remove("%n");
            }
            QVERIFY2(expected == got, qPrintable("placeholders differ: " + where + " -> " + t));
        }
    }
}

void TranslationsTest::everySourceStringIsInTheCatalogue()
{
    QTemporaryDir dir;
    QStringList sources;
    for (const QString& root : {QString("core"), QString("ui"), QString("app")}) {
        QDirIterator it(sourceDir() + "/" + root, {"*.cpp", "*.h"}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            sources << it.next();
    }
    const QString fresh = dir.filePath("fresh_de.ts");
    const ProcessResult r = runProgram(QStringLiteral(OPENDO_LUPDATE),
                                       QStringList{"-silent", "-locations", "none", "-I", sourceDir() + "/core",
                                                   "-I", sourceDir() + "/ui"} +
                                           sources +
                                           QStringList{"-ts", fresh},
                                       30000); // lupdate takes well under a second
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    QString error;
    const QList<Message> found = readCatalogue(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(found.size() > 100);
    QSet<QString> known;
    for (const Message& m : readCatalogue(sourceDir() + "/translations/opendo_de.ts", &error))
        known << m.context + '\x1f' + m.source;
    QStringList missing;
    for (const Message& m : found) {
        if (!known.contains(m.context + '\x1f' + m.source))
            missing << m.context + ": " + m.source;
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable("not in translations/opendo_de.ts (build the update_translations target "
                        "and translate):\n" +
                        missing.join('\n')));
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "test_translations.moc"
