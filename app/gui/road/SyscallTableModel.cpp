#include "road/SyscallTableModel.h"

#include "kernel/GlibcWrappers.h"
#include "kernel/Kallsyms.h"
#include "kernel/SyscallHandlers.h"
#include "syscalls/SyscallTable.h"
#include "views/SyscallColors.h"

#include <QColor>
#include <QFont>
#include <QFontDatabase>

namespace syscope::gui::road {

namespace {

QString argumentList(const SyscallInfo& info) {
    QStringList parts;
    for (int i = 0; i < info.argCount; ++i) {
        const ArgKind kind = info.args[std::size_t(i)];
        QString a = QString::fromLatin1(argKindName(kind));
        if (kind == ArgKind::Flags) {
            a += QLatin1Char('(') +
                 QString::fromLatin1(flagSetName(info.flagSets[std::size_t(i)])) + QLatin1Char(')');
        }
        if (info.isOutputArg(i)) {
            a += QStringLiteral(" out");
        }
        parts << a;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

SyscallTableModel::SyscallTableModel(const Kallsyms* kallsyms, QObject* parent)
    : QAbstractTableModel(parent)
    , m_kallsyms(kallsyms) {
    rebuild();
}

void SyscallTableModel::setKallsyms(const Kallsyms* kallsyms) {
    if (kallsyms == m_kallsyms) {
        return;
    }
    m_kallsyms = kallsyms;
    rebuild(); // same rows, new handler and address texts
    if (!m_rows.empty()) {
        emit dataChanged(index(0, Handler), index(int(m_rows.size()) - 1, Address));
    }
}

void SyscallTableModel::setArch(Arch arch) {
    if (arch == m_arch) {
        return;
    }
    beginResetModel();
    m_arch = arch;
    m_calls.clear();
    m_errors.clear();
    m_hasCounts = false;
    rebuild();
    endResetModel();
}

void SyscallTableModel::rebuild() {
    m_rows.clear();
    for (const SyscallInfo& info : SyscallTable::forArch(m_arch).all()) {
        Row r;
        r.info = &info;
        r.arguments = argumentList(info);
        r.category = categoryName(categoryOf(m_arch, info.nr));
        QStringList classes;
        for (auto c : classNames(info.classes)) {
            classes << QString::fromLatin1(c);
        }
        r.classes = classes.join(QLatin1Char(' '));
        r.glibc = QString::fromStdString(glibcWrapperText(m_arch, info.name));
        if (m_kallsyms) {
            const SyscallHandler h = findHandler(*m_kallsyms, m_arch, info.name);
            const KernelPlace& p = h.handler.found() ? h.handler : h.niSyscall;
            r.handler = QString::fromStdString(p.symbol);
            if (h.notImplemented) {
                r.handler += QStringLiteral(" (ENOSYS)");
            }
            r.address = p.address;
            r.addressText = p.address ? QString::fromStdString(kernelAddressText(p.address))
                                      : (p.found() ? tr("hidden") : QString());
        } else {
            const auto names = handlerCandidates(m_arch, info.name);
            r.handler = names.empty() ? QStringLiteral("sys_ni_syscall (ENOSYS)")
                                      : QString::fromStdString(names.front());
            r.addressText = tr("unreadable");
        }
        m_rows.push_back(std::move(r));
    }
}

void SyscallTableModel::setCounts(std::vector<quint64> calls, std::vector<quint64> errors) {
    const bool had = m_hasCounts;
    m_hasCounts = !calls.empty() || !errors.empty();
    m_calls = std::move(calls);
    m_errors = std::move(errors);
    if ((had || m_hasCounts) && !m_rows.empty()) {
        emit dataChanged(index(0, Calls), index(int(m_rows.size()) - 1, Errors));
    }
}

int SyscallTableModel::rowOfNumber(int nr) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].info->nr == nr) {
            return int(i);
        }
    }
    return -1;
}

int SyscallTableModel::numberAt(int row) const {
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[std::size_t(row)].info->nr : -1;
}

int SyscallTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SyscallTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyscallTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& r = m_rows[std::size_t(index.row())];
    const int nr = r.info->nr;
    const auto count = [&](const std::vector<quint64>& v) -> quint64 {
        return nr >= 0 && std::size_t(nr) < v.size() ? v[std::size_t(nr)] : 0;
    };
    const int col = index.column();
    if (role == NumberRole) {
        return nr;
    }
    if (role == ClassesRole) {
        return r.classes;
    }
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (col) {
        case Number:
            return nr;
        case Name:
            return QString::fromLatin1(r.info->name);
        case Arguments:
            return r.arguments;
        case Category:
            return r.category;
        case Glibc:
            return r.glibc;
        case Handler:
            return r.handler;
        case Address:
            if (role == SortRole) {
                return r.address;
            }
            return r.addressText;
        case Calls:
        case Errors:
            if (!m_hasCounts) {
                return role == SortRole ? QVariant(0ull) : QVariant();
            }
            return count(col == Calls ? m_calls : m_errors);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (col) {
        case Arguments:
            return r.arguments;
        case Category:
            return r.classes.isEmpty() ? r.category
                                       : tr("%1 (strace classes: %2)").arg(r.category, r.classes);
        case Glibc: {
            const GlibcWrapper w = glibcWrapper(m_arch, r.info->name);
            return w.note.empty() ? r.glibc
                                  : r.glibc + QStringLiteral("\n") + QString::fromUtf8(w.note);
        }
        case Address:
            if (r.address == 0) {
                return tr("The kernel did not show this address (kptr_restrict or missing "
                          "rights), or the handler is missing.");
            }
            return tr("This boot's address: kernel addresses change at every boot (KASLR).");
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && col == Category) {
        return categoryColor(categoryOf(m_arch, nr));
    }
    if (role == Qt::TextAlignmentRole && (col == Number || col == Calls || col == Errors)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::FontRole && (col == Address || col == Handler)) {
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    }
    if (role == Qt::ForegroundRole && col == Errors && m_hasCounts && count(m_errors) > 0) {
        return failedColor();
    }
    return {};
}

QVariant SyscallTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case Address:
            return tr("The handler's address in /proc/kallsyms: it changes at every boot (KASLR)");
        case Calls:
        case Errors:
            return tr("Calls (and failed calls) of this syscall in the open trace");
        case Glibc:
            return tr("The glibc functions that issue this syscall (glibc 2.36)");
        default:
            break;
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Number:
        return tr("Nr");
    case Name:
        return tr("Syscall");
    case Arguments:
        return tr("Arguments");
    case Category:
        return tr("Category");
    case Glibc:
        return tr("glibc wrapper");
    case Handler:
        return tr("Kernel handler");
    case Address:
        return tr("Address");
    case Calls:
        return tr("Calls");
    case Errors:
        return tr("Errors");
    default:
        return {};
    }
}

} // namespace syscope::gui::road
