#include "lab/AslrRegionModel.h"

#include "lab/LabUi.h"

namespace syscope::gui::lab {

AslrRegionModel::AslrRegionModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void AslrRegionModel::resetData(const AslrResult& result) {
    beginResetModel();
    m_result = result;
    endResetModel();
}

int AslrRegionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_result.regions.size());
}

int AslrRegionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AslrRegionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AslrRegionResult& r = m_result.regions[index.row()];
    const bool absent = r.present == 0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Region:
            return r.name;
        case Present:
            return absent ? tr("absent") : QString::number(r.present);
        case Distinct:
            return absent ? QVariant() : QVariant(r.distinct);
        case Min:
            return absent ? QVariant() : QVariant(hexAddress(r.min));
        case Max:
            return absent ? QVariant() : QVariant(hexAddress(r.max));
        case Varying:
            return absent ? QVariant() : QVariant(r.varyingBits);
        case Quality:
            return absent ? QVariant() : QVariant(r.qualityBits);
        case Shannon:
            return absent ? QVariant()
                          : QVariant(QStringLiteral("%1 (cap %2)")
                                         .arg(r.shannonBits, 0, 'f', 2)
                                         .arg(r.shannonCapBits, 0, 'f', 2));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Region) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::FontRole && (index.column() == Min || index.column() == Max)) {
        return QVariant();
    }
    if (role == Qt::ToolTipRole && index.column() == Shannon) {
        return tr("Entropy of the observed addresses. With N runs it can never exceed log2(N) "
                  "bits, however many bits the kernel randomizes: an estimate, capped.");
    }
    if (role == Qt::ToolTipRole && index.column() == Quality) {
        return tr("paxtest-style quality bits: varying bits that were 1 in 35–65 % of the runs");
    }
    return {};
}

QVariant AslrRegionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Region:
        return tr("Region");
    case Present:
        return tr("Present");
    case Distinct:
        return tr("Distinct");
    case Min:
        return tr("Lowest");
    case Max:
        return tr("Highest");
    case Varying:
        return tr("Varying bits");
    case Quality:
        return tr("Quality bits");
    case Shannon:
        return tr("Shannon bits");
    default:
        return {};
    }
}

} // namespace syscope::gui::lab
