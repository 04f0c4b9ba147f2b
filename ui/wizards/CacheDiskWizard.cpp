#include "wizards/CacheDiskWizard.h"

#include "wizards/DiagnosticsPages.h"
#include "wizards/SummaryPage.h"
#include "wizards/UnpinnedCacheCleaner.h"

#include <QMessageBox>
#include <QPushButton>

namespace opendo::ui {

CacheDiskWizard::CacheDiskWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent)
    : CheckSetWizard(agent, std::move(stageFix), diagnostics::CheckSet::CacheDisk, parent)
{
    setWindowTitle(tr("The cache uses too much disk"));
    introPage().setTitle(tr("The cache uses too much disk"));
    introPage().setText(
        tr("<p>These checks compare the cache's use with its limits (DOMaxCacheSize, "
           "DOAbsoluteMaxCacheSize, DOMaxCacheAge), look at recent evictions and at which "
           "files are cached at all (DOMinFileSizeToCache).</p><p>The summary offers the "
           "policy change that cures what is wrong and clearing the unpinned cache now.</p>"));
    m_clear = new QPushButton(tr("Clear unpinned cache…"), this);
    m_clear->setObjectName(QStringLiteral("clearCacheButton"));
    m_clear->setToolTip(tr("Remove every cached file that is not pinned and not in use"));
    connect(m_clear, &QPushButton::clicked, this, [this] { clearUnpinnedCache(); });
    summaryPage().addAction(m_clear);
}

void CacheDiskWizard::clearUnpinnedCache(bool confirm)
{
    if (confirm && QMessageBox::question(
                       this, tr("Clear unpinned cache"),
                       tr("Remove every cached file that is not pinned and not in use? "
                          "Peers can no longer get them from this device.")) != QMessageBox::Yes)
        return;
    m_clear->setEnabled(false);
    auto* cleaner = new UnpinnedCacheCleaner(agent(), this);
    connect(cleaner, &UnpinnedCacheCleaner::finished, this,
            [this, cleaner](int evicted, const QStringList& errors) {
                cleaner->deleteLater();
                m_clear->setEnabled(true);
                m_clear->setText(tr("Clear unpinned cache… (%n file(s) removed)", "", evicted));
                if (!errors.isEmpty())
                    QMessageBox::warning(this, tr("Clear unpinned cache"), errors.join(u'\n'));
                Q_EMIT cacheCleared(evicted, errors);
            });
    cleaner->start();
}

} // namespace opendo::ui
