// The vDSO's dynamic symbols as a read-only table (fed whole): name, version, type, binding,
// offset, size, the address in syscope's own process and -- when the trace has the run's
// AT_SYSINFO_EHDR -- the address the same symbol had in the traced run.
#pragma once

#include "vdso/VdsoImage.h"

#include <QAbstractTableModel>
#include <optional>
#include <vector>

namespace syscope::gui::lab {

class VdsoSymbolModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Version, Type, Binding, Offset, Size, Address, TraceAddress, ColumnCount };

    explicit VdsoSymbolModel(QObject* parent = nullptr);
    // Only defined symbols are listed (the vDSO has no undefined ones worth showing).
    void resetData(const std::vector<VdsoSymbol>& symbols, std::optional<std::uint64_t> traceBase);
    const std::vector<VdsoSymbol>& symbols() const { return m_symbols; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<VdsoSymbol> m_symbols;
    std::optional<std::uint64_t> m_traceBase;
};

} // namespace syscope::gui::lab
