#pragma once

// Bytes per source class over the panel's range, each class's share and its rate right now,
// as table rows: one per class in enum order, then the total. The row set never changes (only
// values do), so a selection or scroll position survives every refresh.

#include "stats/TransferHistory.h"
#include "transfer/SourceClass.h"

#include <QAbstractTableModel>
#include <QColor>

namespace opendo::ui {

class SourceTotalsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ClassColumn,
        BytesColumn,
        ShareColumn,
        RateColumn,
        ColumnCount
    };
    enum Role
    {
        // The number behind the text: bytes, percent (double), bytes per second.
        ValueRole = Qt::UserRole
    };
    static constexpr int kTotalRow = int(transfer::kAllSourceClasses.size());

    explicit SourceTotalsModel(QObject* parent = nullptr);

    void setDirection(stats::Direction direction);
    stats::Direction direction() const { return m_direction; }
    void setTotals(const stats::ClassBytes& bytes);
    void setRates(const stats::ClassBytes& bytesPerSecond);
    // The chart's colour for each class, shown as the row's swatch.
    void setColors(const transfer::PerSourceClass<QColor>& colors);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant value(int row, int column) const;
    void changed(int firstColumn, int lastColumn);

    stats::Direction m_direction = stats::Direction::Download;
    stats::ClassBytes m_bytes{};
    stats::ClassBytes m_rates{};
    transfer::PerSourceClass<QColor> m_colors{};
};

} // namespace opendo::ui
