#pragma once

// The process's log as table rows, appended as new records arrive (only the new rows are
// announced, so a filtered, scrolled view keeps its place) and bounded: beyond the limit the
// oldest rows go, like the agent's own ring.

#include "log/LogBuffer.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>

namespace opendo::ui {

class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        LevelColumn,
        ComponentColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        LevelRole = Qt::UserRole, // int(log::LogLevel)
        CategoryRole,
        SeqRole
    };
    static constexpr int kDefaultMaxRows = 20'000;

    explicit LogModel(QObject* parent = nullptr);

    // Records oldest first with increasing sequence numbers; older or repeated ones are ignored.
    void append(const QList<log::LogRecord>& records);
    void clear();
    void setMaxRows(int maxRows); // trims at once when lower
    int maxRows() const { return m_maxRows; }
    qint64 lastSeq() const { return m_lastSeq; }
    const log::LogRecord* record(int row) const;
    QStringList categories() const; // every category seen, sorted

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString levelText(log::LogLevel level);
    static QString lineText(const log::LogRecord& record); // one plain-text line (Copy, Save)

Q_SIGNALS:
    void categoryAdded(const QString& category);

private:
    void trimTo(int rows);

    QList<log::LogRecord> m_records;
    QSet<QString> m_categories;
    qint64 m_lastSeq = 0;
    int m_maxRows = kDefaultMaxRows;
};

// Filters a LogModel by minimum level, by component (category) and by text.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setMinimumLevel(log::LogLevel level);
    log::LogLevel minimumLevel() const { return m_minimumLevel; }
    void setCategory(const QString& category); // "" = all
    QString category() const { return m_category; }
    void setText(const QString& text); // case-insensitive, in the message or the component
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    log::LogLevel m_minimumLevel = log::LogLevel::Debug;
    QString m_category;
    QString m_text;
};

} // namespace opendo::ui
