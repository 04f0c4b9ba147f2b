#include "panels/cache/KeepUntilDialog.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace opendo::ui {

std::optional<QDateTime> askKeepUntil(QWidget* parent, const QString& name,
                                      const QDateTime& suggested)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QDialog::tr("Keep in the cache until"));
    auto* question = new QLabel(
        QDialog::tr("Keep %1 in the cache at least until this time. DOMaxCacheAge does not "
                    "remove it before then; the size limits still can (pin it to prevent that).")
            .arg(name),
        &dialog);
    question->setWordWrap(true);
    const QDateTime now = QDateTime::currentDateTime();
    auto* edit = new QDateTimeEdit(suggested, &dialog);
    edit->setObjectName(QStringLiteral("keepUntil"));
    edit->setCalendarPopup(true);
    // The agent accepts at most a year ahead, as DO does.
    edit->setMinimumDateTime(now.addSecs(60));
    edit->setMaximumDateTime(now.addDays(365));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(question);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return edit->dateTime();
}

} // namespace opendo::ui
