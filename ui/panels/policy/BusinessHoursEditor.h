#pragma once

// A daily time-of-day window plus the percentage caps inside and outside it — the four values
// a business-hours policy writes.

#include <QStringList>
#include <QWidget>

class QComboBox;
class QSpinBox;

namespace opendo::ui {

class BusinessHoursEditor : public QWidget
{
    Q_OBJECT
public:
    explicit BusinessHoursEditor(QWidget* parent = nullptr);

    // The group's four keys (From, To, In, Out) and their current values.
    void setGroup(const QStringList& keys, const QStringList& values);
    QWidget* focusTarget() const;

Q_SIGNALS:
    void valueEdited(const QString& key, const QString& value);

private:
    QStringList m_keys;
    QComboBox* m_from = nullptr;
    QComboBox* m_to = nullptr;
    QSpinBox* m_in = nullptr;
    QSpinBox* m_out = nullptr;
    bool m_updating = false;
};

} // namespace opendo::ui
