// The event table: one row per entry of FilteredEvents, columns decoded on demand from the
// columnar store. No per-row objects, so millions of rows cost one index each.
#pragma once

#include <QAbstractTableModel>

namespace syscope {
class TraceStore;
}

namespace syscope::gui {

class FilteredEvents;

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        PidColumn,
        TidColumn,
        SyscallColumn,
        ArgsColumn,
        ResultColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role {
        EventIndexRole = Qt::UserRole + 1, // qulonglong: the event's index in the store
        SortRole,                          // raw value of the cell
    };

    explicit EventTableModel(FilteredEvents* events, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The store index shown in `row`.
    quint64 eventAt(int row) const;
    // The row of a store event, or -1 when the filter or range hides it.
    int rowOfEvent(quint64 event) const;

private:
    FilteredEvents* m_events;
};

} // namespace syscope::gui
