#include "panels/policy/PolicyTreeModel.h"

#include "panels/policy/PolicyStaging.h"
#include "panels/policy/PolicyValueFormat.h"
#include "policy/PolicyCatalog.h"

#include <QBrush>
#include <QFont>
#include <map>

namespace opendo::ui {

using namespace opendo::policy;

struct PolicyTreeModel::Node
{
    const PolicyDefinition* def = nullptr; // null for a category row
    PolicyCategory category{};
    Node* parent = nullptr;
    std::vector<Node*> children;
    int row = 0;
};

PolicyTreeModel::PolicyTreeModel(const PolicyStaging& staging, QObject* parent)
    : QAbstractItemModel(parent), m_staging(staging)
{
    build();
    connect(&staging, &PolicyStaging::changed, this, &PolicyTreeModel::refreshValues);
}

PolicyTreeModel::~PolicyTreeModel() = default;

void PolicyTreeModel::build()
{
    auto add = [this](Node* parentNode) {
        m_nodes.push_back(std::make_unique<Node>());
        Node* n = m_nodes.back().get();
        n->parent = parentNode;
        std::vector<Node*>& siblings = parentNode ? parentNode->children : m_roots;
        n->row = int(siblings.size());
        siblings.push_back(n);
        return n;
    };
    std::map<PolicyCategory, Node*> categories;
    std::map<QString, Node*> composites;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        Node*& category = categories[def.category];
        if (!category) {
            category = add(nullptr);
            category->category = def.category;
        }
        const QString parentKey = QString::fromLatin1(def.parentKey);
        Node* parentNode = parentKey.isEmpty() ? category : composites[parentKey];
        Node* n = add(parentNode ? parentNode : category);
        n->def = &def;
        n->category = def.category;
        if (def.isComposite())
            composites[QString::fromLatin1(def.key)] = n;
    }
}

void PolicyTreeModel::setSnapshot(const PolicySnapshot& snapshot)
{
    m_snapshot = snapshot;
    refreshValues();
}

void PolicyTreeModel::refreshValues()
{
    // The tree's shape never changes; only values, sources and staging marks do.
    for (const Node* root : m_roots) {
        const QModelIndex parentIndex = createIndex(root->row, 0, root);
        Q_EMIT dataChanged(index(0, 0, parentIndex),
                           index(int(root->children.size()) - 1, ColumnCount - 1, parentIndex));
        for (const Node* child : root->children) {
            if (child->children.empty())
                continue;
            const QModelIndex childIndex = createIndex(child->row, 0, child);
            Q_EMIT dataChanged(index(0, 0, childIndex),
                               index(int(child->children.size()) - 1, ColumnCount - 1, childIndex));
        }
    }
}

const PolicyTreeModel::Node* PolicyTreeModel::nodeAt(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : nullptr;
}

QModelIndex PolicyTreeModel::indexOfKey(const QString& key, int column) const
{
    for (const auto& n : m_nodes) {
        if (n->def && key.compare(QLatin1String(n->def->key), Qt::CaseInsensitive) == 0)
            return createIndex(n->row, column, n.get());
    }
    return {};
}

QModelIndex PolicyTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const Node* p = nodeAt(parent);
    const std::vector<Node*>& siblings = p ? p->children : m_roots;
    if (row >= int(siblings.size()))
        return {};
    return createIndex(row, column, siblings[size_t(row)]);
}

QModelIndex PolicyTreeModel::parent(const QModelIndex& child) const
{
    const Node* n = nodeAt(child);
    if (!n || !n->parent)
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int PolicyTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node* p = nodeAt(parent);
    return int(p ? p->children.size() : m_roots.size());
}

int PolicyTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant PolicyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SettingColumn:
        return tr("Setting");
    case ValueColumn:
        return tr("Value");
    case SourceColumn:
        return tr("Source");
    case DefaultColumn:
        return tr("Default");
    default:
        return {};
    }
}

QVariant PolicyTreeModel::data(const QModelIndex& index, int role) const
{
    const Node* n = nodeAt(index);
    if (!n)
        return {};
    if (!n->def) {
        if (role == Qt::DisplayRole && index.column() == SettingColumn)
            return PolicyCatalog::categoryName(n->category);
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == KeyRole)
            return QString();
        return {};
    }
    return settingData(*n, index.column(), role);
}

QVariant PolicyTreeModel::settingData(const Node& node, int column, int role) const
{
    const PolicyDefinition& def = *node.def;
    const QString key = QString::fromLatin1(def.key);
    const EffectivePolicy* effective = m_snapshot.find(key);
    const bool staged = m_staging.isStaged(key);
    const QString error = m_staging.error(key);
    switch (role) {
    case KeyRole:
        return key;
    case SearchTextRole:
        return QStringList{key, QString::fromUtf8(def.gpName),
                           QString::fromLatin1(def.registryValue), PolicyCatalog::description(def)}
            .join(QLatin1Char('\n'));
    case Qt::ToolTipRole:
        return error.isEmpty() ? PolicyCatalog::description(def) : error;
    case Qt::FontRole:
        if (staged || (column == SettingColumn && def.isDeprecated())) {
            QFont f;
            f.setBold(staged);
            f.setItalic(!staged);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (!error.isEmpty())
            return QBrush(Qt::red);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case SettingColumn: {
        // Sub-values sit under their group, so their suffix alone names them.
        const QString parentKey = QString::fromLatin1(def.parentKey);
        const QString name = parentKey.isEmpty() ? key : key.mid(parentKey.size());
        return def.isDeprecated() ? tr("%1 (deprecated)").arg(name) : name;
    }
    case ValueColumn: {
        if (staged) {
            const auto value = m_staging.staged(key);
            return value ? tr("%1 (staged)").arg(formatPolicyValue(def, *value))
                         : tr("unset (staged)");
        }
        return effective ? formatPolicyValue(def, effective->value) : QString();
    }
    case SourceColumn:
        return effective ? sourceName(effective->source) : QString();
    case DefaultColumn:
        return PolicyCatalog::defaultDisplay(def);
    default:
        return {};
    }
}

} // namespace opendo::ui
