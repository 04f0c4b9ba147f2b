#pragma once

// The input a setting's type needs: number with unit, enumeration combo, GUID, path, list.

#include "policy/PolicyDefinition.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;

namespace opendo::ui {

class PolicyValueEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PolicyValueEditor(QWidget* parent = nullptr);

    void setDefinition(const policy::PolicyDefinition* def);
    // Shows a value without emitting valueEdited.
    void setValue(const QString& value);
    QString value() const;
    QWidget* focusTarget() const;

Q_SIGNALS:
    void valueEdited(const QString& value);

private:
    void emitEdited();
    void browseForFolder();

    const policy::PolicyDefinition* m_def = nullptr;
    QComboBox* m_combo = nullptr;
    QDoubleSpinBox* m_number = nullptr; // a double spin box: ranges reach 4294967295
    QLineEdit* m_text = nullptr;
    QPushButton* m_helper = nullptr; // "Generate" for GUIDs, "Browse…" for paths
    bool m_updating = false;
};

} // namespace opendo::ui
