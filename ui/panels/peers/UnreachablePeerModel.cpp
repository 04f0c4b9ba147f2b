#include "panels/peers/UnreachablePeerModel.h"

#include <QLocale>

namespace opendo::ui {

namespace {

bool sameFailure(const transfer::DialFailure& a, const transfer::DialFailure& b)
{
    return a.contentId == b.contentId && a.endpoint == b.endpoint && a.attempts == b.attempts &&
           a.lastAt == b.lastAt && a.lastError == b.lastError && a.sourceClass == b.sourceClass;
}

} // namespace

UnreachablePeerModel::UnreachablePeerModel(QObject* parent) : RecordListModel(ColumnCount, parent)
{}

void UnreachablePeerModel::setFailures(const QList<transfer::DialFailure>& failures)
{
    replaceRecords({failures.crbegin(), failures.crend()}, sameFailure);
}

QVariant UnreachablePeerModel::data(const QModelIndex& index, int role) const
{
    const transfer::DialFailure* record = recordAt(index);
    if (!record)
        return {};
    const transfer::DialFailure& f = *record;
    if (role == Qt::ToolTipRole) {
        if (index.column() == ContentColumn)
            return f.contentId;
        if (index.column() == AttemptsColumn)
            return tr("Failed attempts since %1")
                .arg(QLocale().toString(f.firstAt.toLocalTime(), QLocale::ShortFormat));
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == AttemptsColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case AddressColumn:
        return f.endpoint;
    case ClassColumn:
        return transfer::sourceClassLabel(f.sourceClass);
    case ContentColumn:
        return f.contentId.left(12);
    case AttemptsColumn:
        return QLocale().toString(f.attempts);
    case LastAttemptColumn:
        return QLocale().toString(f.lastAt.toLocalTime().time(), QLocale::ShortFormat);
    case ErrorColumn:
        return f.lastError;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UnreachablePeerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case AddressColumn:
        return tr("Address");
    case ClassColumn:
        return tr("Class");
    case ContentColumn:
        return tr("Content");
    case AttemptsColumn:
        return tr("Attempts");
    case LastAttemptColumn:
        return tr("Last attempt");
    case ErrorColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace opendo::ui
