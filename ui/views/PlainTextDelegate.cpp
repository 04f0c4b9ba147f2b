#include "views/PlainTextDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace opendo::ui {

void PlainTextDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // displayText() has already turned line breaks into U+2028. A style sheet may set the
    // item's colour, font or padding, which only the style's own text drawing honours.
    if (!opt.icon.isNull() || (opt.features & QStyleOptionViewItem::HasCheckIndicator) ||
        opt.text.contains(QChar::LineSeparator) || style->inherits("QStyleSheetStyle")) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString text = opt.text;
    opt.text.clear();
    // Background, selection and focus exactly as the style draws them; then the text.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;
    // The style's own inset of text inside a cell (QCommonStyle uses the focus frame margin).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
    const QFontMetrics metrics(opt.font);
    const QString shown = metrics.horizontalAdvance(text) <= textRect.width()
                              ? text
                              : metrics.elidedText(text, opt.textElideMode, textRect.width());
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(
        group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect, int(opt.displayAlignment) | Qt::TextSingleLine, shown);
    painter->restore();
}

} // namespace opendo::ui
