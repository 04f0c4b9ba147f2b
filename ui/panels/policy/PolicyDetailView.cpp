#include "panels/policy/PolicyDetailView.h"

#include "panels/policy/BusinessHoursEditor.h"
#include "panels/policy/PolicyStaging.h"
#include "panels/policy/PolicyValueEditor.h"
#include "panels/policy/PolicyValueFormat.h"
#include "policy/PolicyCatalog.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace opendo::ui {

using namespace opendo::policy;

PolicyDetailView::PolicyDetailView(PolicyStaging& staging, QWidget* parent)
    : QWidget(parent), m_staging(staging)
{
    auto label = [this](const QString& name) {
        auto* l = new QLabel(this);
        l->setObjectName(name);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_title = label(QStringLiteral("policyTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_description = label(QStringLiteral("policyDescription"));
    m_facts = label(QStringLiteral("policyFacts"));
    m_facts->setTextFormat(Qt::RichText);
    m_note = label(QStringLiteral("policySourceNote"));
    m_effective = label(QStringLiteral("policyEffective"));
    m_error = label(QStringLiteral("policyError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_editor = new PolicyValueEditor(this);
    m_editor->setObjectName(QStringLiteral("policyValueEditor"));
    m_hours = new BusinessHoursEditor(this);
    m_unset = new QPushButton(tr("Use &default"), this);
    m_unset->setToolTip(tr("Stage removing this setting from the chosen layer"));
    m_unstage = new QPushButton(tr("Discard &edit"), this);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_unset);
    buttons->addWidget(m_unstage);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_facts);
    layout->addWidget(m_note);
    layout->addWidget(m_effective);
    layout->addWidget(m_editor);
    layout->addWidget(m_hours);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_editor, &PolicyValueEditor::valueEdited, this,
            [this](const QString& value) { m_staging.stage(m_key, value); });
    connect(m_hours, &BusinessHoursEditor::valueEdited, this,
            [this](const QString& key, const QString& value) { m_staging.stage(key, value); });
    connect(m_unset, &QPushButton::clicked, this, [this] {
        const QStringList children = PolicyCatalog::childrenOf(m_key);
        if (children.isEmpty())
            m_staging.stage(m_key, std::nullopt);
        for (const QString& child : children)
            m_staging.stage(child, std::nullopt);
    });
    connect(m_unstage, &QPushButton::clicked, this, [this] {
        m_staging.unstage(m_key);
        for (const QString& child : PolicyCatalog::childrenOf(m_key))
            m_staging.unstage(child);
    });
    connect(&m_staging, &PolicyStaging::changed, this, &PolicyDetailView::refresh);
    showSetting({});
}

void PolicyDetailView::setSnapshot(const PolicySnapshot& snapshot)
{
    m_snapshot = snapshot;
    refresh();
}

void PolicyDetailView::showSetting(const QString& key)
{
    m_key = key;
    const PolicyDefinition* def = key.isEmpty() ? nullptr : PolicyCatalog::find(key);
    m_editor->setDefinition(def && !def->isComposite() ? def : nullptr);
    m_editor->setVisible(def && !def->isComposite());
    m_hours->setVisible(def && def->isComposite());
    refresh();
}

QString PolicyDetailView::shownValue(const QString& key) const
{
    if (m_staging.isStaged(key)) {
        if (auto v = m_staging.staged(key))
            return *v;
    }
    const EffectivePolicy* e = m_snapshot.find(key);
    return e ? e->value : QString();
}

void PolicyDetailView::refresh()
{
    const PolicyDefinition* def = m_key.isEmpty() ? nullptr : PolicyCatalog::find(m_key);
    for (QWidget* w : std::initializer_list<QWidget*>{m_facts, m_note, m_effective, m_error,
                                                      m_unset, m_unstage, m_description})
        w->setVisible(def != nullptr);
    if (!def) {
        m_title->setText(tr("Select a setting to see its details."));
        return;
    }
    m_title->setText(QString::fromLatin1(def->key));
    m_description->setText(PolicyCatalog::description(*def));

    QStringList rows;
    auto row = [&rows](const QString& name, const QString& value) {
        if (!value.isEmpty())
            rows << QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
                        .arg(name.toHtmlEscaped(), value.toHtmlEscaped().replace(
                                                       QLatin1Char('\n'), QStringLiteral("<br>")));
    };
    row(tr("Group Policy"), QString::fromUtf8(def->gpName));
    row(tr("Registry value"), QString::fromLatin1(def->registryValue));
    row(tr("Type"), PolicyCatalog::typeName(def->type));
    row(tr("Range"), formatRange(*def));
    row(tr("Allowed values"), formatAllowedValues(*def));
    row(tr("Default"), PolicyCatalog::defaultDisplay(*def));
    row(tr("Windows"), QString::fromUtf8(def->minWindowsVersion));
    row(tr("Deprecated"), QString::fromUtf8(def->deprecation));
    row(tr("Use instead"), QString::fromLatin1(def->replacement));
    m_facts->setText(QStringLiteral("<table>%1</table>").arg(rows.join(QString())));

    const QString note = QString::fromUtf8(def->sourceNote);
    m_note->setVisible(!note.isEmpty());
    m_note->setText(tr("Sources disagree: %1")
                        .arg(QCoreApplication::translate("opendo::policy", def->sourceNote)));

    if (const EffectivePolicy* e = m_snapshot.find(m_key)) {
        QString text = tr("Effective: %1 — from %2")
                           .arg(formatPolicyValue(*def, e->value), sourceName(e->source));
        if (e->policyValue && e->localValue)
            text += tr(" (the local setting %1 is overridden by policy)")
                        .arg(formatPolicyValue(*def, *e->localValue));
        m_effective->setText(text);
    }
    const QStringList children = PolicyCatalog::childrenOf(m_key);
    if (def->isComposite()) {
        QStringList values;
        QStringList errors;
        for (const QString& child : children) {
            values << shownValue(child);
            if (!m_staging.error(child).isEmpty())
                errors << m_staging.error(child);
        }
        m_hours->setGroup(children, values);
        m_error->setText(errors.join(QLatin1Char('\n')));
    } else {
        m_editor->setValue(shownValue(m_key));
        m_error->setText(m_staging.error(m_key));
    }
    m_error->setVisible(!m_error->text().isEmpty());
    bool staged = m_staging.isStaged(m_key);
    for (const QString& child : children)
        staged = staged || m_staging.isStaged(child);
    m_unstage->setEnabled(staged);
}

void PolicyDetailView::focusEditor()
{
    const PolicyDefinition* def = m_key.isEmpty() ? nullptr : PolicyCatalog::find(m_key);
    if (!def)
        return;
    (def->isComposite() ? m_hours->focusTarget() : m_editor->focusTarget())->setFocus();
}

} // namespace opendo::ui
