// The syscall table view: every syscall of the x86_64 (or i386) table with its arguments,
// category, glibc wrapper and kernel handler with this boot's address; searchable by name,
// number and category. With a trace open it counts calls and errors per syscall. A click picks
// the syscall for the road view (RoadFocus); a double-click (or Enter) filters the trace's views
// to that syscall through SelectionState's EventFilter.
#pragma once

#include "trace/Event.h"

#include <QSortFilterProxyModel>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace syscope::gui {
class SelectionState;
class TraceSession;
} // namespace syscope::gui

namespace syscope::gui::road {

class RoadFocus;
class SyscallTableModel;

// Search: every whitespace-separated word must match the number exactly, or be part of the name,
// the category or one of the strace classes ("%file" and "file" both work).
class SyscallSearchProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setSearch(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
};

class SyscallTableView : public QWidget {
    Q_OBJECT
public:
    // `showTrace` is called after a double-click set the filter (e.g. to show the timeline).
    SyscallTableView(TraceSession* session, SelectionState* selection, RoadFocus* focus,
                     std::function<void()> showTrace = {}, QWidget* parent = nullptr);

    SyscallTableModel* model() const { return m_model; }
    SyscallSearchProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    QLineEdit* searchField() const { return m_search; }

    void setArch(Arch arch);
    // Reads /proc/kallsyms (once per process) and shows the handler addresses; happens on
    // first show, since reading it takes a noticeable fraction of a second.
    void loadKernelSymbols();
    // Counts everything appended so far now (normally coalesced on a timer).
    void updateCounts();
    // Most-called first (screenshots of a trace).
    void sortByCalls();
    // Filters the trace to the syscall at proxy row `row` (what a double-click does).
    void filterTraceTo(int row);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onClicked(const QModelIndex& index);
    void resetCounts();

    TraceSession* m_session;
    SelectionState* m_selection;
    RoadFocus* m_focus;
    std::function<void()> m_showTrace;
    SyscallTableModel* m_model;
    SyscallSearchProxy* m_proxy;
    QComboBox* m_arch;
    QLineEdit* m_search;
    QLabel* m_shown;
    QLabel* m_note;
    QTableView* m_table;
    QTimer m_countTimer;
    // Calls and errors per arch (0: x86_64, 1: i386) and number, over the events counted so far.
    std::vector<quint64> m_calls[2];
    std::vector<quint64> m_errors[2];
    std::size_t m_counted = 0;
    bool m_symbolsLoaded = false;
};

} // namespace syscope::gui::road
