// The busy tables' delegate, rendered offscreen: it draws the text, keeps a value that does not
// fit inside its cell (elided, not spilling over), honours selection and ForegroundRole
// colours, and leaves cells with a check box, several lines or a style sheet to the style,
// pixel for pixel.

#include "views/PlainTextDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

using opendo::ui::PlainTextDelegate;

namespace {

constexpr int kColumnWidth = 70;

// Pixels in `area` that differ clearly from `background`: the strokes of drawn text.
int inkPixels(const QImage& image, const QRect& area, const QColor& background)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int diff = qAbs(c.red() - background.red()) +
                             qAbs(c.green() - background.green()) +
                             qAbs(c.blue() - background.blue());
            if (diff > 120)
                ++count;
        }
    }
    return count;
}

// Pixels close to `colour` in `area`.
int pixelsNear(const QImage& image, const QRect& area, const QColor& colour)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green()) +
                    qAbs(c.blue() - colour.blue()) <
                60)
                ++count;
        }
    }
    return count;
}

struct Table
{
    QStandardItemModel model{5, 2};
    QTableView view;

    explicit Table(QAbstractItemDelegate* delegate)
    {
        model.setItem(0, 0, new QStandardItem(QStringLiteral("12 MB")));
        model.setItem(1, 0,
                      new QStandardItem(QStringLiteral("[2001:db8::1234:5678]:7680 (Internet)")));
        auto* red = new QStandardItem(QStringLiteral("banned"));
        red->setForeground(QColor(Qt::red));
        model.setItem(2, 0, red);
        auto* check = new QStandardItem(QStringLiteral("pinned"));
        check->setCheckable(true);
        check->setCheckState(Qt::Checked);
        model.setItem(3, 0, check);
        model.setItem(4, 0, new QStandardItem(QStringLiteral("first\nsecond")));
        view.setModel(&model);
        if (delegate)
            view.setItemDelegate(delegate);
        view.setWordWrap(false);
        view.setShowGrid(false);
        view.verticalHeader()->hide();
        view.horizontalHeader()->hide();
        view.horizontalHeader()->setStretchLastSection(false);
        view.setColumnWidth(0, kColumnWidth);
        view.setColumnWidth(1, 100);
        view.verticalHeader()->setDefaultSectionSize(40);
        view.resize(260, 260);
        view.show();
    }
    QImage render() { return view.viewport()->grab().toImage(); }
    QRect cell(int row) { return view.visualRect(model.index(row, 0)); }
    QRect beside(int row) { return view.visualRect(model.index(row, 1)); }
};

} // namespace

class PlainTextDelegateTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drawsTextInsideItsCell();
    void selectionAndForegroundColours();
    void elidesWhatDoesNotFit();
    void checkBoxCellsAreTheStylesOwn();
    void multiLineCellsAreTheStylesOwn();
    void styleSheetsAreHonoured();
};

void PlainTextDelegateTest::drawsTextInsideItsCell()
{
    Table table(new PlainTextDelegate);
    QVERIFY(QTest::qWaitForWindowExposed(&table.view));
    const QImage image = table.render();
    const QColor base = table.view.palette().color(QPalette::Base);
    QVERIFY(inkPixels(image, table.cell(0), base) > 20);
    // The address is far wider than its column: it ends inside the cell, nothing beside it.
    QVERIFY(inkPixels(image, table.cell(1), base) > 20);
    QCOMPARE(inkPixels(image, table.beside(1), base), 0);
    // Its text ends before the cell's right edge plus the margin (the ellipsis fits inside).
    const QRect lastColumns(table.cell(1).right() - 1, table.cell(1).top(), 2,
                            table.cell(1).height());
    QCOMPARE(inkPixels(image, lastColumns, base), 0);
}

void PlainTextDelegateTest::selectionAndForegroundColours()
{
    Table table(new PlainTextDelegate);
    QVERIFY(QTest::qWaitForWindowExposed(&table.view));
    table.view.setSelectionBehavior(QAbstractItemView::SelectRows);
    table.view.selectRow(0);
    table.view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&table.view));
    const QImage image = table.render();
    const QPalette palette = table.view.palette();
    // The selected cell shows the highlight behind its text, in the highlighted text colour.
    QVERIFY(pixelsNear(image, table.cell(0), palette.color(QPalette::Highlight)) >
            table.cell(0).width() * table.cell(0).height() / 2);
    QVERIFY(pixelsNear(image, table.cell(0), palette.color(QPalette::HighlightedText)) > 5);
    QCOMPARE(pixelsNear(image, table.cell(0), palette.color(QPalette::Text)), 0);
    QVERIFY(pixelsNear(image, table.cell(1), palette.color(QPalette::Text)) > 5);
    // ForegroundRole colours the text.
    QVERIFY(pixelsNear(image, table.cell(2), QColor(Qt::red)) > 5);
    QCOMPARE(pixelsNear(image, table.cell(1), QColor(Qt::red)), 0);
}

void PlainTextDelegateTest::elidesWhatDoesNotFit()
{
    // Text that is merely clipped at the cell's edge would look the same with and without
    // elision; an ellipsis changes the pixels at the end of the cell.
    Table elided(new PlainTextDelegate);
    Table clipped(new PlainTextDelegate);
    clipped.view.setTextElideMode(Qt::ElideNone);
    QVERIFY(QTest::qWaitForWindowExposed(&elided.view));
    QVERIFY(QTest::qWaitForWindowExposed(&clipped.view));
    QCOMPARE(elided.cell(1), clipped.cell(1));
    QVERIFY(elided.render().copy(elided.cell(1)) != clipped.render().copy(clipped.cell(1)));
    // A value that fits is drawn the same either way.
    QCOMPARE(elided.render().copy(elided.cell(0)), clipped.render().copy(clipped.cell(0)));
}

namespace {

void compareWithStyle(Table& plain, Table& styled, int row)
{
    QVERIFY(QTest::qWaitForWindowExposed(&plain.view));
    QVERIFY(QTest::qWaitForWindowExposed(&styled.view));
    QCOMPARE(plain.cell(row), styled.cell(row));
    QCOMPARE(plain.render().copy(plain.cell(row)), styled.render().copy(styled.cell(row)));
}

} // namespace

void PlainTextDelegateTest::checkBoxCellsAreTheStylesOwn()
{
    Table plain(new PlainTextDelegate);
    Table styled(nullptr);
    compareWithStyle(plain, styled, 3);
}

void PlainTextDelegateTest::multiLineCellsAreTheStylesOwn()
{
    Table plain(new PlainTextDelegate);
    Table styled(nullptr);
    compareWithStyle(plain, styled, 4);
}

void PlainTextDelegateTest::styleSheetsAreHonoured()
{
    const QString sheet =
        QStringLiteral("QTableView::item { color: #00a000; padding-left: 12px; }");
    Table plain(new PlainTextDelegate);
    Table styled(nullptr);
    plain.view.setStyleSheet(sheet);
    styled.view.setStyleSheet(sheet);
    compareWithStyle(plain, styled, 0);
    QVERIFY(pixelsNear(plain.render(), plain.cell(0), QColor(0, 0xa0, 0)) > 5);
}

QTEST_MAIN(PlainTextDelegateTest)
#include "test_plain_text_delegate.moc"
