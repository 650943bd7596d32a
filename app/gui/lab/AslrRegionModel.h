// The per-region statistics of one ASLR result as a read-only table (fed whole, like
// heaptrack's models): region, present, distinct, min, max, varying bits, quality bits,
// Shannon estimate (with its cap).
#pragma once

#include "lab/LabResults.h"

#include <QAbstractTableModel>

namespace syscope::gui::lab {

class AslrRegionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Region, Present, Distinct, Min, Max, Varying, Quality, Shannon, ColumnCount };

    explicit AslrRegionModel(QObject* parent = nullptr);
    void resetData(const AslrResult& result);
    const AslrResult& result() const { return m_result; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    AslrResult m_result;
};

} // namespace syscope::gui::lab
