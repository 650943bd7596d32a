#include "lab/HistogramModel.h"

#include "lab/LabUi.h"

namespace syscope::gui::lab {

int HistogramData::firstBin() const {
    int first = -1;
    for (const auto& s : series) {
        for (int b = 0; b < LatencyBinning::kBinCount; ++b) {
            if (s.latency.counts[std::size_t(b)] > 0) {
                first = first < 0 ? b : std::min(first, b);
                break;
            }
        }
    }
    return first;
}

int HistogramData::lastBin() const {
    int last = -1;
    for (const auto& s : series) {
        for (int b = LatencyBinning::kBinCount - 1; b >= 0; --b) {
            if (s.latency.counts[std::size_t(b)] > 0) {
                last = std::max(last, b);
                break;
            }
        }
    }
    return last;
}

HistogramModel::HistogramModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void HistogramModel::resetData(const HistogramData& data) {
    beginResetModel();
    m_data = data;
    m_first = data.firstBin();
    m_rows = m_first < 0 ? 0 : data.lastBin() - m_first + 1;
    endResetModel();
}

int HistogramModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int HistogramModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 1 + int(m_data.series.size());
}

QVariant HistogramModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int bin = m_first + index.row();
    if (role == LowerEdgeRole) {
        return LatencyBinning::lowerEdgeNs(bin);
    }
    if (role == UpperEdgeRole) {
        return LatencyBinning::upperEdgeNs(bin);
    }
    if (index.column() == 0) {
        if (role == Qt::DisplayRole) {
            return QStringLiteral("%1 – %2").arg(formatNs(LatencyBinning::lowerEdgeNs(bin)),
                                                 formatNs(LatencyBinning::upperEdgeNs(bin)));
        }
        return {};
    }
    const auto& s = m_data.series[index.column() - 1];
    const auto count = s.latency.counts[std::size_t(bin)];
    switch (role) {
    case Qt::DisplayRole:
        return QString::number(count);
    case CountRole:
        return QVariant::fromValue<qulonglong>(count);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant HistogramModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section > int(m_data.series.size())) {
        return {};
    }
    return section == 0 ? tr("Duration") : m_data.series[section - 1].name;
}

} // namespace syscope::gui::lab
