// Latency histograms as a table (heaptrack's HistogramModel shape: fed whole with resetData):
// one row per log-scale duration bin that holds a sample in any series, one column per series
// (a syscall, or a call path of the benchmark) after the bin column.
#pragma once

#include "lab/LatencyBins.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>
#include <QVector>

namespace syscope::gui::lab {

struct HistogramSeries {
    QString name;
    QColor colour;
    LatencySeries latency;
};

struct HistogramData {
    QVector<HistogramSeries> series;
    // First and last bin holding a sample in any series (-1, -1 when empty).
    int firstBin() const;
    int lastBin() const;
};

class HistogramModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { CountRole = Qt::UserRole + 1, LowerEdgeRole, UpperEdgeRole };

    explicit HistogramModel(QObject* parent = nullptr);
    void resetData(const HistogramData& data);
    const HistogramData& histogramData() const { return m_data; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    HistogramData m_data;
    int m_first = -1;
    int m_rows = 0;
};

} // namespace syscope::gui::lab
