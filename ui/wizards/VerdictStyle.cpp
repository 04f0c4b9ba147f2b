#include "wizards/VerdictStyle.h"

#include <QPainter>
#include <QPixmap>

namespace opendo::ui {

QColor verdictColor(diagnostics::Verdict verdict)
{
    switch (verdict) {
    case diagnostics::Verdict::Pass:
        return QColor(0x2e, 0x7d, 0x32);
    case diagnostics::Verdict::Warn:
        return QColor(0xef, 0x8f, 0x00);
    case diagnostics::Verdict::Fail:
        return QColor(0xc6, 0x28, 0x28);
    case diagnostics::Verdict::NotApplicable:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QIcon verdictIcon(diagnostics::Verdict verdict)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(verdictColor(verdict));
    painter.drawEllipse(QRectF(2, 2, 12, 12));
    return QIcon(pixmap);
}

} // namespace opendo::ui
