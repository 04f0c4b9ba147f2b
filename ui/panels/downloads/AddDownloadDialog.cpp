#include "panels/downloads/AddDownloadDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace opendo::ui {

AddDownloadDialog::AddDownloadDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Add download"));
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("downloadSource"));
    m_source->setPlaceholderText(tr("https://… or a .torrent metainfo file"));
    m_out = new QLineEdit(this);
    m_out->setObjectName(QStringLiteral("downloadOut"));
    m_out->setPlaceholderText(tr("Keep in the cache only"));
    m_background = new QCheckBox(tr("&Background (yields to foreground downloads)"), this);
    auto* browseSource = new QPushButton(tr("&Metainfo…"), this);
    auto* browseOut = new QPushButton(tr("Sa&ve as…"), this);
    connect(browseSource, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Metainfo file"), QString(),
                                                          tr("Metainfo (*.torrent)"));
        if (!path.isEmpty())
            m_source->setText(path);
    });
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the file as"));
        if (!path.isEmpty())
            m_out->setText(path);
    });
    auto row = [this](QLineEdit* edit, QPushButton* button) {
        auto* layout = new QHBoxLayout;
        layout->addWidget(edit, 1);
        layout->addWidget(button);
        return layout;
    };
    auto* note = new QLabel(tr("A metainfo file lets every piece be verified and shared with "
                               "peers; a plain URL is downloaded over HTTP only."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Source:"), row(m_source, browseSource));
    form->addRow(tr("&Output:"), row(m_out, browseOut));
    form->addRow(QString(), m_background);
    form->addRow(note);
    form->addRow(buttons);
    resize(620, sizeHint().height());
}

transfer::DownloadRequest AddDownloadDialog::request() const
{
    return {m_source->text().trimmed(), m_out->text().trimmed(), !m_background->isChecked()};
}

} // namespace opendo::ui
