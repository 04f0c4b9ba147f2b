#include "shell/MainWindow.h"

#include "agent/Agent.h"
#include "shell/LanguageSettings.h"

#include <QActionGroup>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace opendo::ui {

MainWindow::MainWindow(agent::Agent& agent, QWidget* parent) : QMainWindow(parent), m_agent(agent)
{
    setWindowTitle(tr("OpenDO Console"));
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setMinimumWidth(140);
    m_panels = new QStackedWidget(this);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_panels);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    // The list gets what its longest entry needs; a maximum width instead left a strip of
    // unused splitter space between the list and the panel.
    splitter->setSizes({190, 1090});
    setCentralWidget(splitter);
    connect(m_navigation, &QListWidget::currentRowChanged, m_panels,
            &QStackedWidget::setCurrentIndex);

    m_agentState = new QLabel(tr("Agent starting…"), this);
    statusBar()->addPermanentWidget(m_agentState);
    statusBar()->addPermanentWidget(new QLabel(tr("Data: %1").arg(agent.options().dataDir), this));
    buildMenus();
    resize(1280, 820);
}

void MainWindow::addPanel(const QString& id, const QString& title, QWidget* panel)
{
    auto* item = new QListWidgetItem(title, m_navigation);
    item->setData(Qt::UserRole, id);
    m_panels->addWidget(panel);
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

bool MainWindow::showPanel(const QString& id)
{
    for (int i = 0; i < m_navigation->count(); ++i) {
        if (m_navigation->item(i)->data(Qt::UserRole).toString() == id) {
            m_navigation->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QStringList MainWindow::panelIds() const
{
    QStringList ids;
    for (int i = 0; i < m_navigation->count(); ++i)
        ids << m_navigation->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QString MainWindow::saveScreenshots(const QString& dir)
{
    const int current = m_navigation->currentRow();
    QStringList failed;
    for (const QString& id : panelIds()) {
        showPanel(id);
        // Panels fetch what they show when they become visible; give the answers time to
        // arrive and be painted before the window is grabbed.
        QEventLoop settle;
        QTimer::singleShot(1500, &settle, &QEventLoop::quit);
        settle.exec();
        const QString path = QDir(dir).filePath(id + QStringLiteral(".png"));
        if (!grab().save(path))
            failed << path;
    }
    m_navigation->setCurrentRow(current);
    return failed.isEmpty() ? QString()
                            : tr("Cannot write %1").arg(failed.join(QStringLiteral(", ")));
}

void MainWindow::agentStarted(const QString& error)
{
    if (error.isEmpty()) {
        m_agentState->setText(tr("Agent running"));
        return;
    }
    m_agentState->setText(tr("Agent stopped"));
    QMessageBox::critical(this, tr("The agent cannot start"), error);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QMenu* language = settings->addMenu(tr("&Language"));
    auto* group = new QActionGroup(language);
    const QString current = LanguageSettings::savedOverride();
    const std::pair<QString, QString> choices[] = {
        {QString(), tr("System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")}};
    for (const auto& [code, name] : choices) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About OpenDO"), this, [this] {
        QMessageBox::about(this, tr("About OpenDO"),
                           tr("OpenDO %1 — an open implementation of Delivery Optimization: a "
                              "peer-assisted download cache with verified pieces.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::chooseLanguage(const QString& language)
{
    LanguageSettings::saveOverride(language);
    QMessageBox::information(this, tr("Language"),
                             tr("The console uses the new language the next time it starts."));
}

} // namespace opendo::ui
