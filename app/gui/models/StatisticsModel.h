// Per-syscall statistics as a table (strace -c columns plus min/p50/p99/max and share of time),
// fed whole with resetData() — the caller decides over which events (FilteredEvents).
#pragma once

#include "trace/Statistics.h"

#include <QAbstractTableModel>

namespace syscope::gui {

class StatisticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SyscallColumn,
        CallsColumn,
        ErrorsColumn,
        UnfinishedColumn,
        TotalColumn,
        MinColumn,
        P50Column,
        P99Column,
        MaxColumn,
        ShareColumn,
        ColumnCount
    };
    // Raw numbers for sorting (QSortFilterProxyModel::setSortRole).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit StatisticsModel(QObject* parent = nullptr);

    void resetData(const TraceStatistics& stats);
    const TraceStatistics& statistics() const { return m_stats; }
    // Syscalls and vDSO calls, in model row order.
    const SyscallStats& row(int r) const;
    bool isVdsoRow(int r) const { return r >= int(m_stats.syscalls.size()); }
    TimeNs totalTime() const { return m_totalNs; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    TraceStatistics m_stats;
    TimeNs m_totalNs = 0;
};

} // namespace syscope::gui
