#include "lab/VdsoSymbolModel.h"

#include "lab/LabUi.h"

namespace syscope::gui::lab {

VdsoSymbolModel::VdsoSymbolModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void VdsoSymbolModel::resetData(const std::vector<VdsoSymbol>& symbols,
                                std::optional<std::uint64_t> traceBase) {
    beginResetModel();
    m_symbols.clear();
    for (const auto& s : symbols) {
        if (s.defined() && !s.name.empty()) {
            m_symbols.push_back(s);
        }
    }
    m_traceBase = traceBase;
    endResetModel();
}

int VdsoSymbolModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_symbols.size());
}

int VdsoSymbolModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VdsoSymbolModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const VdsoSymbol& s = m_symbols[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(s.name);
        case Version:
            return QString(QString::fromStdString(s.version) +
                           (s.versionHidden ? QStringLiteral(" (hidden)") : QString()));
        case Type:
            return QString::fromStdString(s.type);
        case Binding:
            return QString::fromStdString(s.binding);
        case Offset:
            return hexAddress(s.offset);
        case Size:
            return QVariant::fromValue<qulonglong>(s.size);
        case Address:
            return hexAddress(s.address);
        case TraceAddress:
            return m_traceBase ? QVariant(hexAddress(*m_traceBase + s.offset)) : QVariant();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Offset) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == TraceAddress && !m_traceBase) {
        return tr("The trace holds no AT_SYSINFO_EHDR for this process");
    }
    return {};
}

QVariant VdsoSymbolModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Symbol");
    case Version:
        return tr("Version");
    case Type:
        return tr("Type");
    case Binding:
        return tr("Binding");
    case Offset:
        return tr("Offset");
    case Size:
        return tr("Size");
    case Address:
        return tr("Address in syscope");
    case TraceAddress:
        return tr("Address in the traced run");
    default:
        return {};
    }
}

} // namespace syscope::gui::lab
