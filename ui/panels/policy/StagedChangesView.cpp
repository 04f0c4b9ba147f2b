#include "panels/policy/StagedChangesView.h"

#include "panels/policy/PolicyStaging.h"
#include "panels/policy/PolicyValueFormat.h"
#include "policy/PolicyCatalog.h"

#include <QHeaderView>

namespace opendo::ui {

using namespace opendo::policy;

StagedChangesView::StagedChangesView(const PolicyStaging& staging, QWidget* parent)
    : QTreeWidget(parent), m_staging(staging)
{
    setObjectName(QStringLiteral("stagedChanges"));
    setRootIsDecorated(false);
    setHeaderLabels({tr("Setting"), tr("Applied in layer"), tr("Effective now"), tr("Staged")});
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(&staging, &PolicyStaging::changed, this, &StagedChangesView::rebuild);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT settingActivated(item->data(0, Qt::UserRole).toString());
    });
}

void StagedChangesView::setSnapshot(const PolicySnapshot& snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void StagedChangesView::setLayer(PolicyLayer layer)
{
    m_layer = layer;
    rebuild();
}

void StagedChangesView::rebuild()
{
    clear();
    for (const QString& key : m_staging.keys()) {
        const PolicyDefinition* def = PolicyCatalog::find(key);
        if (!def)
            continue;
        const auto layerValue = m_snapshot.state.layer(m_layer).value(key);
        const EffectivePolicy* effective = m_snapshot.find(key);
        const auto staged = m_staging.staged(key);
        auto* item = new QTreeWidgetItem(this);
        item->setData(0, Qt::UserRole, key);
        item->setText(0, QString::fromLatin1(def->key));
        item->setText(1,
                      layerValue.isEmpty() ? tr("not set") : formatPolicyValue(*def, layerValue));
        item->setText(2, effective ? tr("%1 (%2)").arg(formatPolicyValue(*def, effective->value),
                                                       sourceName(effective->source))
                                   : QString());
        item->setText(3, staged ? formatPolicyValue(*def, *staged) : tr("unset"));
        const QString error = m_staging.error(key);
        if (!error.isEmpty()) {
            for (int c = 0; c < columnCount(); ++c) {
                item->setForeground(c, QBrush(Qt::red));
                item->setToolTip(c, error);
            }
        }
    }
}

} // namespace opendo::ui
