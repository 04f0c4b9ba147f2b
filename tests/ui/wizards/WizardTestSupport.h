#pragma once

// Shared by the wizard tests: walking a wizard to a page, waiting for its run, and saving the
// picture for the documentation when OPENDO_SCREENSHOT_DIR is set.

#include "wizards/DiagnosticsWizard.h"

#include <QDir>
#include <QTest>

namespace opendo::test {

// Presses Next until `page` is shown; waits on the running page for the checks (≤ 20 s).
inline bool walkTo(ui::DiagnosticsWizard& wizard, const QWizardPage* page)
{
    for (int step = 0; step < 8 && wizard.currentPage() != page; ++step) {
        if (!QTest::qWaitFor([&] { return wizard.currentPage()->isComplete(); }, 20'000))
            return false;
        wizard.next();
    }
    return wizard.currentPage() == page;
}

// Saves the wizard as OPENDO_SCREENSHOT_DIR/wizard-<name>.png; true when not asked to.
inline bool saveWizardScreenshot(QWidget& wizard, const QString& name)
{
    const QString dir = qEnvironmentVariable("OPENDO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    wizard.resize(900, 640);
    QTest::qWait(300); // layouts and word-wrapped labels settle
    return QDir().mkpath(dir) &&
           wizard.grab().save(QDir(dir).filePath(QStringLiteral("wizard-%1.png").arg(name)));
}

} // namespace opendo::test
