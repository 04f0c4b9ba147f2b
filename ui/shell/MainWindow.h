#pragma once

// The console window: a navigation list of the panels that exist and the selected panel.

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QLabel;

namespace opendo::agent {
class Agent;
}

namespace opendo::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(agent::Agent& agent, QWidget* parent = nullptr);

    // Adds a panel to the navigation; `id` is what --panel selects.
    void addPanel(const QString& id, const QString& title, QWidget* panel);
    bool showPanel(const QString& id);
    QStringList panelIds() const;
    // Shows each panel in turn and saves the window as DIR/<id>.png (documentation, demos).
    // Returns "" or what failed.
    QString saveScreenshots(const QString& dir);
    void agentStarted(const QString& error); // "" when the agent runs

private:
    void buildMenus();
    void chooseLanguage(const QString& language);

    agent::Agent& m_agent;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_panels = nullptr;
    QLabel* m_agentState = nullptr;
};

} // namespace opendo::ui
