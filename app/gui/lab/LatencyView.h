// Latency histograms: the durations of the trace's syscalls (the events that pass the shared
// range and filter: FilteredEvents, as in the table and statistics) on log-scale bins from ns
// to s, several syscalls overlaid with p50/p90/p99 marked; and the call-cost benchmark
// (`syscope-cli bench-calls --json`: vDSO against raw syscall against vsyscall). Both carry the
// note that ptrace adds its own cost per syscall, with this machine's measured overhead.
#pragma once

#include "lab/LabResults.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace syscope::gui {
class FilteredEvents;
class TraceSession;
} // namespace syscope::gui

namespace syscope::gui::lab {

class CliJob;
class HistogramModel;
class OverheadProbe;

class LatencyView : public QWidget {
    Q_OBJECT
public:
    LatencyView(TraceSession* session, FilteredEvents* events, QWidget* parent = nullptr);

    HistogramModel* model() const { return m_model; }
    QCustomPlot* plot() const { return m_plot; }
    QCustomPlot* benchPlot() const { return m_benchPlot; }
    QTabWidget* tabs() const { return m_tabs; }
    // Syscall names listed (most calls first) and those shown.
    QStringList availableCalls() const;
    QStringList shownCalls() const;
    void setShownCalls(const QStringList& names);
    void setLogCounts(bool on);

    // Recomputes from the filtered events now (normally coalesced on a timer).
    void recompute();

    bool runBenchmark();
    void showBenchmark(const BenchResults& results);
    const std::optional<BenchResults>& benchmark() const { return m_bench; }
    CliJob* benchJob() const { return m_benchJob; }
    OverheadProbe* overheadProbe() const { return m_probe; }
    // Measures the tracing overhead now unless it is cached (screenshots); false on failure or
    // timeout.
    bool ensureOverheadMeasured(int timeoutMs);
    QString overheadText() const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void schedule();
    void updatePlot();
    void updateBenchPlot();
    void updateOverheadText();
    QWidget* makeNote(const QString& text, QLabel** overheadLabel);
    void startOverheadMeasurement();

    TraceSession* m_session;
    FilteredEvents* m_events;
    HistogramModel* m_model;
    QTabWidget* m_tabs;
    QListWidget* m_calls;
    QCheckBox* m_logCounts;
    QCustomPlot* m_plot;
    QLabel* m_summary;
    QTimer* m_timer;
    bool m_updatingList = false;
    QStringList m_userChoice; // empty: the four busiest calls

    CliJob* m_benchJob;
    QComboBox* m_benchCall;
    QCheckBox* m_benchLog;
    QPushButton* m_benchRun;
    QLabel* m_benchStatus;
    QCustomPlot* m_benchPlot;
    QTableWidget* m_benchTable;
    std::optional<BenchResults> m_bench;

    OverheadProbe* m_probe;
    QLabel* m_overhead[2] = {nullptr, nullptr};
};

} // namespace syscope::gui::lab
