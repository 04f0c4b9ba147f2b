#pragma once

// An item delegate for busy tables of short, single-line values (addresses, byte counts,
// rates). The style's own text drawing lays every cell out as a wrapped text document, two or
// three times per paint (size, elision, drawing); with hundreds of rows changing several times
// a second that was most of the console's refresh time. This draws the same background,
// selection and focus through the style and the text once, on one line, elided at the right
// when it does not fit. Cells with an icon or a check box fall back to the style's drawing.

#include <QStyledItemDelegate>

namespace opendo::ui {

class PlainTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace opendo::ui
