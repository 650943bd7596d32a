// The statistics view: a sortable per-syscall table (calls, errors, unfinished, total, min, p50,
// p99, max, share of time) and a bar chart of where the time went, both over the events that
// FilteredEvents lets through (selected range and filter). Recomputed when those change; while a
// trace grows, at most every kMinIntervalMs (longer when a computation is slow), so a live view
// never spends most of its time on statistics.
#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace syscope::gui {

class FilteredEvents;
class StatisticsModel;
class TraceSession;

class StatisticsView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMinIntervalMs = 500;
    // Bars in the chart.
    static constexpr int kMaxBars = 15;

    StatisticsView(TraceSession* session, FilteredEvents* events, QWidget* parent = nullptr);

    StatisticsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QCustomPlot* plot() const { return m_plot; }
    // Computes now (tests, screenshots).
    void recompute();

private:
    void schedule(bool soon);
    void updatePlot();
    void applyPalette();
    void changeEvent(QEvent* event) override;

    TraceSession* m_session;
    FilteredEvents* m_events;
    StatisticsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QCustomPlot* m_plot;
    QLabel* m_summary;
    QTimer* m_timer;
    qint64 m_lastCostMs = 0;
};

} // namespace syscope::gui
