#pragma once

// OpenDO's own settings of the agent, beside the DO policies: the discovery service, static
// peers, the values the group id is derived from and where DHCP leases are read. Each row saves
// on its own (Enter or Save); the agent checks the value and a refused one changes nothing and
// shows why next to the field.

#include <QHash>
#include <QMap>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::ui {

class AgentSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AgentSettingsPanel(agent::Agent& agent, QWidget* parent = nullptr);

    void reload(); // reads the stored values (also done whenever the panel is shown)
    QLineEdit* editor(const QString& name) const;
    QString message(const QString& name) const; // the row's last "saved" or error text

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Row
    {
        QLineEdit* edit = nullptr;
        QPushButton* save = nullptr;
        QPushButton* clear = nullptr;
        QLabel* message = nullptr;
    };

    QWidget* buildRow(const QString& name);
    void saveTyped(const QString& name);
    void save(const QString& name, const std::optional<QString>& value);
    void showStored(const QMap<QString, QString>& values);
    void updateButtons(const QString& name);
    void setMessage(const QString& name, const QString& text, bool error);

    agent::Agent& m_agent;
    QHash<QString, Row> m_rows;
    QMap<QString, QString> m_stored;
};

} // namespace opendo::ui
