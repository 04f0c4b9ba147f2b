#include "panels/policy/BusinessHoursEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace opendo::ui {

BusinessHoursEditor::BusinessHoursEditor(QWidget* parent) : QWidget(parent)
{
    auto makeHour = [this] {
        auto* box = new QComboBox(this);
        for (int h = 0; h < 24; ++h)
            box->addItem(QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0')), h);
        return box;
    };
    auto makePercent = [this] {
        auto* box = new QSpinBox(this);
        box->setRange(0, 100);
        box->setSuffix(QStringLiteral(" %"));
        box->setSpecialValueText(tr("unlimited"));
        box->setKeyboardTracking(false);
        return box;
    };
    m_from = makeHour();
    m_to = makeHour();
    m_in = makePercent();
    m_out = makePercent();
    m_from->setObjectName(QStringLiteral("businessHoursFrom"));
    m_to->setObjectName(QStringLiteral("businessHoursTo"));

    auto* window = new QHBoxLayout;
    window->addWidget(m_from);
    window->addWidget(new QLabel(tr("to"), this));
    window->addWidget(m_to);
    window->addStretch();
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Business hours:"), window);
    form->addRow(tr("Cap inside:"), m_in);
    form->addRow(tr("Cap outside:"), m_out);

    auto emitFor = [this](int index, const QString& value) {
        if (!m_updating && index < m_keys.size())
            Q_EMIT valueEdited(m_keys[index], value);
    };
    connect(m_from, &QComboBox::activated, this,
            [=, this](int i) { emitFor(0, QString::number(m_from->itemData(i).toInt())); });
    connect(m_to, &QComboBox::activated, this,
            [=, this](int i) { emitFor(1, QString::number(m_to->itemData(i).toInt())); });
    connect(m_in, &QSpinBox::valueChanged, this, [=](int v) { emitFor(2, QString::number(v)); });
    connect(m_out, &QSpinBox::valueChanged, this, [=](int v) { emitFor(3, QString::number(v)); });
}

void BusinessHoursEditor::setGroup(const QStringList& keys, const QStringList& values)
{
    m_updating = true;
    m_keys = keys;
    if (values.size() == 4) {
        m_from->setCurrentIndex(m_from->findData(values[0].toInt()));
        m_to->setCurrentIndex(m_to->findData(values[1].toInt()));
        m_in->setValue(values[2].toInt());
        m_out->setValue(values[3].toInt());
    }
    m_updating = false;
}

QWidget* BusinessHoursEditor::focusTarget() const
{
    return m_from;
}

} // namespace opendo::ui
