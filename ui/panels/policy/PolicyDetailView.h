#pragma once

// Everything about the selected setting — names, range, default, meaning, where sources
// disagree, effective value and source — and the input to stage a new value.

#include "policy/PolicyState.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace opendo::ui {

class BusinessHoursEditor;
class PolicyStaging;
class PolicyValueEditor;

class PolicyDetailView : public QWidget
{
    Q_OBJECT
public:
    PolicyDetailView(PolicyStaging& staging, QWidget* parent = nullptr);

    void showSetting(const QString& key); // "" = nothing selected
    void setSnapshot(const policy::PolicySnapshot& snapshot);
    void focusEditor();
    QString currentKey() const { return m_key; }

private:
    void refresh();
    QString shownValue(const QString& key) const; // staged value, else effective value

    PolicyStaging& m_staging;
    policy::PolicySnapshot m_snapshot;
    QString m_key;
    QLabel* m_title = nullptr;
    QLabel* m_facts = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_effective = nullptr;
    QLabel* m_error = nullptr;
    PolicyValueEditor* m_editor = nullptr;
    BusinessHoursEditor* m_hours = nullptr;
    QPushButton* m_unset = nullptr;
    QPushButton* m_unstage = nullptr;
};

} // namespace opendo::ui
