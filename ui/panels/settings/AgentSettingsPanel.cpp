#include "panels/settings/AgentSettingsPanel.h"

#include "agent/Agent.h"
#include "common/WhenReady.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace opendo::ui {

AgentSettingsPanel::AgentSettingsPanel(agent::Agent& agent, QWidget* parent)
    : QWidget(parent), m_agent(agent)
{
    auto* intro = new QLabel(
        tr("OpenDO's own settings of this agent. The Delivery Optimization policies are in the "
           "policy editor; these cover what DO configures in its cloud service or through "
           "Windows directory services. doctl config set NAME VALUE changes them too."),
        this);
    intro->setWordWrap(true);

    auto* rows = new QWidget(this);
    auto* rowsLayout = new QVBoxLayout(rows);
    for (const QString& name : agent::Agent::agentSettingNames())
        rowsLayout->addWidget(buildRow(name));
    rowsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(rows);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
}

QWidget* AgentSettingsPanel::buildRow(const QString& name)
{
    auto* box = new QWidget(this);
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()), box);
    auto* description = new QLabel(agent::Agent::agentSettingDescription(name), box);
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);

    Row row;
    row.edit = new QLineEdit(box);
    row.edit->setObjectName(QStringLiteral("setting.%1").arg(name));
    row.edit->setPlaceholderText(tr("not set"));
    row.edit->setAccessibleName(name);
    title->setBuddy(row.edit);
    row.save = new QPushButton(tr("Save"), box);
    row.save->setObjectName(QStringLiteral("save.%1").arg(name));
    row.clear = new QPushButton(tr("Clear"), box);
    row.clear->setObjectName(QStringLiteral("clear.%1").arg(name));
    row.clear->setToolTip(tr("Remove the setting; the agent goes back to its default."));
    row.message = new QLabel(box);
    row.message->setWordWrap(true);
    row.message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row.message->hide(); // shown once a save has something to say
    m_rows.insert(name, row);

    connect(row.edit, &QLineEdit::textChanged, this, [this, name] { updateButtons(name); });
    connect(row.edit, &QLineEdit::returnPressed, this, [this, name] {
        if (m_rows[name].save->isEnabled())
            saveTyped(name);
    });
    connect(row.save, &QPushButton::clicked, this, [this, name] { saveTyped(name); });
    connect(row.clear, &QPushButton::clicked, this, [this, name] { save(name, std::nullopt); });

    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 6, 0, 6);
    grid->addWidget(title, 0, 0, 1, 3);
    grid->addWidget(description, 1, 0, 1, 3);
    grid->addWidget(row.edit, 2, 0);
    grid->addWidget(row.save, 2, 1);
    grid->addWidget(row.clear, 2, 2);
    grid->addWidget(row.message, 3, 0, 1, 3);
    grid->setColumnStretch(0, 1);
    updateButtons(name);
    return box;
}

QLineEdit* AgentSettingsPanel::editor(const QString& name) const
{
    return m_rows.value(name).edit;
}

QString AgentSettingsPanel::message(const QString& name) const
{
    const Row row = m_rows.value(name);
    return row.message ? row.message->text() : QString();
}

void AgentSettingsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void AgentSettingsPanel::reload()
{
    onResult(this, m_agent.agentSettings(),
             [this](const QMap<QString, QString>& values) { showStored(values); });
}

void AgentSettingsPanel::showStored(const QMap<QString, QString>& values)
{
    // Keep what the user is typing; refresh the rest.
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it->edit->text().trimmed() == m_stored.value(it.key()))
            it->edit->setText(values.value(it.key()));
    }
    m_stored = values;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        updateButtons(it.key());
}

void AgentSettingsPanel::updateButtons(const QString& name)
{
    const Row row = m_rows.value(name);
    if (!row.edit)
        return;
    row.save->setEnabled(row.edit->text().trimmed() != m_stored.value(name));
    row.clear->setEnabled(m_stored.contains(name));
}

void AgentSettingsPanel::saveTyped(const QString& name)
{
    // An emptied field means "not set", the same as Clear.
    const QString text = m_rows[name].edit->text().trimmed();
    save(name, text.isEmpty() ? std::nullopt : std::optional<QString>(text));
}

void AgentSettingsPanel::save(const QString& name, const std::optional<QString>& value)
{
    m_rows[name].save->setEnabled(false);
    onResult(this, m_agent.setAgentSetting(name, value), [this, name, value](const QString& error) {
        if (!error.isEmpty()) {
            setMessage(name, error, true);
            updateButtons(name);
            return;
        }
        m_stored.remove(name);
        if (value)
            m_stored.insert(name, *value);
        m_rows[name].edit->setText(value.value_or(QString()));
        setMessage(name, value ? tr("Saved.") : tr("Cleared: the agent uses its default."), false);
        updateButtons(name);
    });
}

void AgentSettingsPanel::setMessage(const QString& name, const QString& text, bool error)
{
    QLabel* label = m_rows[name].message;
    label->setText(text);
    label->setVisible(!text.isEmpty());
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xb0, 0x1e, 0x1e) : QColor(0x1e, 0x6e, 0x2e));
    label->setPalette(palette);
}

} // namespace opendo::ui
