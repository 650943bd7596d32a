#include "models/EventTableModel.h"

#include "models/EventText.h"
#include "models/FilteredEvents.h"
#include "trace/TraceStore.h"
#include "views/SyscallColors.h"
#include "views/TimeAxis.h"

#include <QBrush>

namespace syscope::gui {

EventTableModel::EventTableModel(FilteredEvents* events, QObject* parent)
    : QAbstractTableModel(parent)
    , m_events(events) {
    connect(events, &FilteredEvents::aboutToReset, this, [this] { beginResetModel(); });
    connect(events, &FilteredEvents::resetDone, this, [this] { endResetModel(); });
    connect(events, &FilteredEvents::aboutToInsert, this,
            [this](int first, int count) { beginInsertRows({}, first, first + count - 1); });
    connect(events, &FilteredEvents::inserted, this, [this] { endInsertRows(); });
}

int EventTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_events->size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

quint64 EventTableModel::eventAt(int row) const {
    return m_events->at(std::size_t(row));
}

int EventTableModel::rowOfEvent(quint64 event) const {
    const auto row = m_events->rowOf(std::uint32_t(event));
    return row ? int(*row) : -1;
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || std::size_t(index.row()) >= m_events->size() ||
        index.column() < 0 || index.column() >= ColumnCount) {
        return {};
    }
    const TraceStore& store = m_events->store();
    const std::size_t e = m_events->at(std::size_t(index.row()));
    const bool unfinished = store.flags(e) & EventFlag::Unfinished;
    switch (role) {
    case EventIndexRole:
        return QVariant::fromValue<qulonglong>(e);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case TimeColumn:
        case PidColumn:
        case TidColumn:
        case DurationColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn) {
            const std::int64_t ret = store.ret(e);
            if (!unfinished && ret < 0 && ret >= -4095) {
                return QBrush(failedColor());
            }
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == SyscallColumn) {
            return categoryColor(categoryOf(store.arch(e), store.nr(e), store.flags(e)));
        }
        return {};
    case Qt::ToolTipRole:
        return eventLine(store, e);
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return qlonglong(store.enterTime(e));
        case PidColumn:
            return store.pid(e);
        case TidColumn:
            return store.tid(e);
        case DurationColumn:
            return qlonglong(unfinished ? -1 : store.duration(e));
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return relativeTime(store, store.enterTime(e));
        case PidColumn:
            return store.pid(e);
        case TidColumn:
            return store.tid(e);
        case SyscallColumn:
            return eventSyscallName(store, e);
        case ArgsColumn:
            return eventArguments(store, e);
        case ResultColumn:
            return eventResult(store, e);
        case DurationColumn:
            return unfinished ? QStringLiteral("unfinished")
                              : TimeAxis::formatDuration(store.duration(e));
        }
        return {};
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time (s)");
    case PidColumn:
        return tr("PID");
    case TidColumn:
        return tr("TID");
    case SyscallColumn:
        return tr("Syscall");
    case ArgsColumn:
        return tr("Arguments");
    case ResultColumn:
        return tr("Result");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

} // namespace syscope::gui
