// Every syscall of one table (x86_64 or i386) as rows: number, name, arguments with their kinds,
// category, the glibc functions that issue it, the kernel handler and its address in this boot,
// and, with a trace open, how often the trace called it and how often that failed.
// Rows never change for an arch (~460 at most); counts arrive with setCounts().
#pragma once

#include "trace/Event.h"

#include <QAbstractTableModel>
#include <vector>

namespace syscope {
class Kallsyms;
struct SyscallInfo;
} // namespace syscope

namespace syscope::gui::road {

class SyscallTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Number,
        Name,
        Calls,
        Errors,
        Category,
        Arguments,
        Glibc,
        Handler,
        Address,
        ColumnCount
    };
    // Numbers for Number/Calls/Errors/Address, text otherwise: what the proxy sorts by.
    static constexpr int SortRole = Qt::UserRole + 1;
    // The row's syscall number (int).
    static constexpr int NumberRole = Qt::UserRole + 2;
    // Category names joined by spaces ("file desc"), for searching.
    static constexpr int ClassesRole = Qt::UserRole + 3;

    // `kallsyms` may be null (unreadable); it must outlive the model.
    explicit SyscallTableModel(const Kallsyms* kallsyms, QObject* parent = nullptr);

    // Handler addresses come from `kallsyms` from now on (null: unreadable or not read yet).
    void setKallsyms(const Kallsyms* kallsyms);
    const Kallsyms* kallsyms() const { return m_kallsyms; }
    void setArch(Arch arch);
    Arch arch() const { return m_arch; }

    // Calls and failed calls per number of the current arch (index = number); empty vectors
    // mean no trace is open and the columns stay blank.
    void setCounts(std::vector<quint64> calls, std::vector<quint64> errors);
    bool hasCounts() const { return m_hasCounts; }

    int rowOfNumber(int nr) const;
    int numberAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        const SyscallInfo* info = nullptr;
        QString arguments;
        QString category;
        QString classes;
        QString glibc;
        QString handler;
        quint64 address = 0; // 0: hidden or missing
        QString addressText;
    };
    void rebuild();

    const Kallsyms* m_kallsyms;
    Arch m_arch = Arch::X86_64;
    std::vector<Row> m_rows;
    std::vector<quint64> m_calls;
    std::vector<quint64> m_errors;
    bool m_hasCounts = false;
};

} // namespace syscope::gui::road
