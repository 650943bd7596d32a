#include "models/StatisticsModel.h"

#include "views/SyscallColors.h"
#include "views/TimeAxis.h"

#include <QBrush>

namespace syscope::gui {

StatisticsModel::StatisticsModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void StatisticsModel::resetData(const TraceStatistics& stats) {
    beginResetModel();
    m_stats = stats;
    m_totalNs = 0;
    for (const auto& s : m_stats.syscalls) {
        m_totalNs += s.totalNs;
    }
    endResetModel();
}

const SyscallStats& StatisticsModel::row(int r) const {
    const auto n = int(m_stats.syscalls.size());
    return r < n ? m_stats.syscalls[std::size_t(r)] : m_stats.vdsoCalls[std::size_t(r - n)];
}

int StatisticsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_stats.syscalls.size() + m_stats.vdsoCalls.size());
}

int StatisticsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatisticsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount() || index.column() < 0 ||
        index.column() >= ColumnCount) {
        return {};
    }
    const SyscallStats& s = row(index.row());
    const bool vdso = isVdsoRow(index.row());
    const double share =
        (!vdso && m_totalNs > 0) ? 100.0 * double(s.totalNs) / double(m_totalNs) : 0.0;
    if (role == Qt::TextAlignmentRole) {
        return int(index.column() == SyscallColumn ? (Qt::AlignLeft | Qt::AlignVCenter)
                                                   : (Qt::AlignRight | Qt::AlignVCenter));
    }
    if (role == Qt::DecorationRole && index.column() == SyscallColumn) {
        return categoryColor(categoryOf(s.arch, s.nr, vdso ? EventFlag::Vdso : 0));
    }
    if (role == Qt::ForegroundRole && index.column() == ErrorsColumn && s.errors > 0) {
        return QBrush(failedColor());
    }
    if (role == SortRole) {
        switch (index.column()) {
        case SyscallColumn:
            return QString::fromStdString(s.name);
        case CallsColumn:
            return qulonglong(s.calls);
        case ErrorsColumn:
            return qulonglong(s.errors);
        case UnfinishedColumn:
            return qulonglong(s.unfinished);
        case TotalColumn:
            return qlonglong(s.totalNs);
        case MinColumn:
            return qlonglong(s.minNs);
        case P50Column:
            return qlonglong(s.p50Ns);
        case P99Column:
            return qlonglong(s.p99Ns);
        case MaxColumn:
            return qlonglong(s.maxNs);
        case ShareColumn:
            return share;
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    const bool timed = s.calls > s.unfinished; // some call finished: durations mean something
    const auto duration = [&](TimeNs ns) {
        return timed ? TimeAxis::formatDuration(ns) : QStringLiteral("–");
    };
    switch (index.column()) {
    case SyscallColumn:
        return vdso ? QString::fromStdString(s.name) + QStringLiteral(" (vDSO)")
                    : QString::fromStdString(s.name);
    case CallsColumn:
        return QString::number(s.calls);
    case ErrorsColumn:
        return s.errors ? QString::number(s.errors) : QString();
    case UnfinishedColumn:
        return s.unfinished ? QString::number(s.unfinished) : QString();
    case TotalColumn:
        return duration(s.totalNs);
    case MinColumn:
        return duration(s.minNs);
    case P50Column:
        return duration(s.p50Ns);
    case P99Column:
        return duration(s.p99Ns);
    case MaxColumn:
        return duration(s.maxNs);
    case ShareColumn:
        return vdso ? QString() : QString::number(share, 'f', 2) + QStringLiteral(" %");
    }
    return {};
}

QVariant StatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case SyscallColumn:
        return tr("Syscall");
    case CallsColumn:
        return tr("Calls");
    case ErrorsColumn:
        return tr("Errors");
    case UnfinishedColumn:
        return tr("Unfinished");
    case TotalColumn:
        return tr("Total");
    case MinColumn:
        return tr("Min");
    case P50Column:
        return tr("p50");
    case P99Column:
        return tr("p99");
    case MaxColumn:
        return tr("Max");
    case ShareColumn:
        return tr("% time");
    }
    return {};
}

} // namespace syscope::gui
