#include "panels/policy/PolicyValueEditor.h"

#include "policy/PolicyCatalog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>

namespace opendo::ui {

using namespace opendo::policy;

namespace {
bool isHour(const PolicyDefinition& def)
{
    return QLatin1String(def.unit) == QLatin1String("hour of day");
}
} // namespace

PolicyValueEditor::PolicyValueEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo = new QComboBox(this);
    m_number = new QDoubleSpinBox(this);
    m_number->setDecimals(0);
    m_number->setKeyboardTracking(false);
    m_text = new QLineEdit(this);
    m_text->setClearButtonEnabled(true);
    m_helper = new QPushButton(this);
    for (QWidget* w : {static_cast<QWidget*>(m_combo), static_cast<QWidget*>(m_number),
                       static_cast<QWidget*>(m_text)}) {
        layout->addWidget(w, 1);
        w->hide();
    }
    layout->addWidget(m_helper);
    m_helper->hide();
    m_combo->setObjectName(QStringLiteral("policyValueCombo"));
    m_number->setObjectName(QStringLiteral("policyValueNumber"));
    m_text->setObjectName(QStringLiteral("policyValueText"));

    connect(m_combo, &QComboBox::activated, this, &PolicyValueEditor::emitEdited);
    connect(m_number, &QDoubleSpinBox::valueChanged, this, &PolicyValueEditor::emitEdited);
    connect(m_text, &QLineEdit::editingFinished, this, [this] {
        if (m_text->isModified())
            emitEdited();
        m_text->setModified(false);
    });
    connect(m_helper, &QPushButton::clicked, this, [this] {
        if (m_def && m_def->type == PolicyType::Guid) {
            m_text->setText(QUuid::createUuid().toString(QUuid::WithoutBraces));
            emitEdited();
        } else {
            browseForFolder();
        }
    });
}

void PolicyValueEditor::setDefinition(const PolicyDefinition* def)
{
    m_updating = true;
    m_def = def;
    m_combo->hide();
    m_number->hide();
    m_text->hide();
    m_helper->hide();
    if (def && (def->type == PolicyType::Enumeration || def->type == PolicyType::Boolean ||
                isHour(*def))) {
        m_combo->clear();
        if (isHour(*def)) {
            for (int h = def->minimum; h <= def->maximum; ++h)
                m_combo->addItem(QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0')), h);
        } else {
            for (const AllowedValue& a : def->allowed)
                m_combo->addItem(
                    tr("%1 — %2").arg(a.value).arg(PolicyCatalog::meaningOf(*def, a.value)),
                    a.value);
        }
        m_combo->show();
    } else if (def && def->type == PolicyType::Integer) {
        m_number->setRange(double(def->minimum), double(def->maximum));
        const QString unit = QString::fromUtf8(def->unit);
        m_number->setSuffix(unit.isEmpty()                     ? QString()
                            : unit == QLatin1String("percent") ? QStringLiteral(" %")
                                                               : QLatin1Char(' ') + unit);
        m_number->show();
    } else if (def && def->isText()) {
        m_text->clear();
        m_text->setPlaceholderText(
            def->type == PolicyType::Guid   ? QStringLiteral("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
            : def->type == PolicyType::List ? tr("item1,item2,…")
                                            : tr("D:\\ or /var/cache/opendo"));
        m_text->show();
        if (def->type != PolicyType::List) {
            m_helper->setText(def->type == PolicyType::Guid ? tr("&Generate") : tr("&Browse…"));
            m_helper->show();
        }
    }
    m_updating = false;
}

void PolicyValueEditor::setValue(const QString& value)
{
    if (!m_def)
        return;
    m_updating = true;
    if (m_combo->isVisibleTo(this)) {
        const int i = m_combo->findData(value.toLongLong());
        m_combo->setCurrentIndex(i);
    } else if (m_number->isVisibleTo(this)) {
        m_number->setValue(value.isEmpty() ? double(m_def->minimum) : value.toDouble());
    } else {
        m_text->setText(value);
        m_text->setModified(false);
    }
    m_updating = false;
}

QString PolicyValueEditor::value() const
{
    if (m_combo->isVisibleTo(this))
        return m_combo->currentIndex() < 0 ? QString()
                                           : QString::number(m_combo->currentData().toLongLong());
    if (m_number->isVisibleTo(this))
        return QString::number(qint64(m_number->value()));
    return m_text->text();
}

QWidget* PolicyValueEditor::focusTarget() const
{
    if (m_combo->isVisibleTo(this))
        return m_combo;
    if (m_number->isVisibleTo(this))
        return m_number;
    return m_text;
}

void PolicyValueEditor::emitEdited()
{
    if (!m_updating)
        Q_EMIT valueEdited(value());
}

void PolicyValueEditor::browseForFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Cache folder"), m_text->text());
    if (dir.isEmpty())
        return;
    m_text->setText(dir);
    emitEdited();
}

} // namespace opendo::ui
