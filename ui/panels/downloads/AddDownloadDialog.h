#pragma once

// Asks for what to download (a URL or a metainfo file), where to put it, and its priority.

#include "transfer/JobStatus.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace opendo::ui {

class AddDownloadDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddDownloadDialog(QWidget* parent = nullptr);
    transfer::DownloadRequest request() const;

private:
    QLineEdit* m_source = nullptr;
    QLineEdit* m_out = nullptr;
    QCheckBox* m_background = nullptr;
};

} // namespace opendo::ui
