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
                        else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
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
    void fileContextsMatchTheCatalogue();
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
    const ProcessResult r =
        runProgram(QStringLiteral(OPENDO_LUPDATE),
                   QStringList{"-silent", "-locations", "none", "-I", sourceDir() + "/core", "-I",
                               sourceDir() + "/ui"} +
                       sources + QStringList{"-ts", fresh},
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

void TranslationsTest::fileContextsMatchTheCatalogue()
{
    // Files outside a QObject give their strings one context with a helper struct
    // (Q_DECLARE_TR_FUNCTIONS) and call Helper::tr("…"). lupdate files an unqualified tr()
    // under whatever class or namespace surrounds the call instead, so such a file must use
    // the helper everywhere, and each of its strings must be in the catalogue under the
    // helper's context, or the German text is never found at run time.
    QString error;
    QSet<QString> known;
    for (const Message& m : readCatalogue(sourceDir() + "/translations/opendo_de.ts", &error))
        known << m.context + '\x1f' + m.source;
    QVERIFY2(error.isEmpty(), qPrintable(error));
    static const QRegularExpression helper(
        QStringLiteral(R"re(struct (\w+)\s*\{\s*Q_DECLARE_TR_FUNCTIONS\(([\w:]+)\)\s*\};)re"));
    static const QRegularExpression unqualified(QStringLiteral(R"re((?<![\w:.>])tr\(\s*")re"));
    int helpers = 0;
    int calls = 0;
    QStringList problems;
    for (const QString& root : {QString("core"), QString("ui"), QString("app")}) {
        QDirIterator it(sourceDir() + "/" + root, {"*.cpp"}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            const QRegularExpressionMatch h = helper.match(text);
            if (!h.hasMatch())
                continue;
            ++helpers;
            const QString where = file.fileName().mid(sourceDir().size() + 1);
            if (unqualified.match(text).hasMatch())
                problems << where + ": an unqualified tr() call; use " + h.captured(1) + "::tr";
            const QRegularExpression call(
                QStringLiteral(R"re(\b%1::tr\(\s*"((?:[^"\\]|\\.)*)"\s*[),])re")
                    .arg(h.captured(1)));
            for (auto m = call.globalMatch(text); m.hasNext();) {
                QString source = m.next().captured(1);
                source.replace(QStringLiteral("\\\""), QStringLiteral("\""))
                    .replace(QStringLiteral("\\n"), QStringLiteral("\n"));
                ++calls;
                if (!known.contains(h.captured(2) + '\x1f' + source))
                    problems << where + ": not in the catalogue under " + h.captured(2) + ": " +
                                    source;
            }
        }
    }
    QVERIFY(helpers >= 10);
    QVERIFY(calls >= 100);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "test_translations.moc"
