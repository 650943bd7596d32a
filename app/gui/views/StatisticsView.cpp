#include "views/StatisticsView.h"

#include "TraceSession.h"
#include "models/FilteredEvents.h"
#include "models/StatisticsModel.h"
#include "views/SyscallColors.h"
#include "views/TimeAxis.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace syscope::gui {

namespace {

// Log ticks (values in microseconds) labelled as durations: "100 µs", "1 ms", "1 s".
class DurationLogTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override {
        const auto ns = TimeNs(std::llround(tick * 1e3));
        return TimeAxis::formatOffset(ns, ns);
    }
};

} // namespace

StatisticsView::StatisticsView(TraceSession* session, FilteredEvents* events, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_events(events) {
    m_model = new StatisticsModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StatisticsModel::SortRole);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StatisticsModel::TotalColumn, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm(font());
    for (int c = 0; c < StatisticsModel::ColumnCount; ++c) {
        m_table->setColumnWidth(c,
                                fm.horizontalAdvance(c == StatisticsModel::SyscallColumn
                                                         ? QStringLiteral("clock_nanosleep (vDSO)")
                                                         : QStringLiteral("Unfinished")) +
                                    28);
    }

    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(180);
    m_plot->setInteractions({});
    m_summary = new QLabel(this);
    m_summary->setContentsMargins(6, 4, 6, 4);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_plot);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({500, 340});
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &StatisticsView::recompute);
    // A reset (filter, range, new trace) is the user waiting: soon. Growth: throttled.
    connect(events, &FilteredEvents::resetDone, this, [this] { schedule(true); });
    connect(events, &FilteredEvents::inserted, this, [this] { schedule(false); });
    connect(session, &TraceSession::finished, this, [this] { schedule(true); });
    applyPalette();
    recompute();
}

void StatisticsView::schedule(bool soon) {
    if (soon) {
        m_timer->start(0);
        return;
    }
    if (!m_timer->isActive()) {
        m_timer->start(int(std::max<qint64>(kMinIntervalMs, m_lastCostMs * 5)));
    }
}

void StatisticsView::recompute() {
    m_timer->stop();
    QElapsedTimer clock;
    clock.start();
    const TraceStore& store = m_session->store();
    const TraceStatistics stats = computeStatistics(store, m_events->indices());
    m_model->resetData(stats);
    m_lastCostMs = clock.elapsed();
    const bool filtered = m_events->size() != store.eventCount();
    m_summary->setText(
        tr("%L1 syscalls%2 · %L3 processes · %L4 threads · %5 · %L6 errors")
            .arg(stats.events)
            .arg(filtered ? tr(" (of %L1, filtered)").arg(store.eventCount()) : QString())
            .arg(stats.processes)
            .arg(stats.tasks)
            .arg(TimeAxis::formatDuration(stats.durationNs))
            .arg([&] {
                std::uint64_t n = 0;
                for (const auto& s : stats.syscalls) {
                    n += s.errors;
                }
                return n;
            }()));
    updatePlot();
}

void StatisticsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        updatePlot();
    }
    QWidget::changeEvent(event);
}

void StatisticsView::applyPalette() {
    const QPalette pal = palette();
    m_plot->setBackground(pal.color(QPalette::Base));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(pal.color(QPalette::Text)));
        axis->setTickPen(QPen(pal.color(QPalette::Text)));
        axis->setSubTickPen(QPen(pal.color(QPalette::Text)));
        axis->setTickLabelColor(pal.color(QPalette::Text));
        axis->setLabelColor(pal.color(QPalette::Text));
        QColor grid = pal.color(QPalette::Text);
        grid.setAlpha(40);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
}

void StatisticsView::updatePlot() {
    m_plot->clearPlottables();
    const auto& stats = m_model->statistics();
    std::vector<const SyscallStats*> rows;
    for (const auto& s : stats.syscalls) {
        if (s.totalNs > 0) {
            rows.push_back(&s);
        }
    }
    std::sort(rows.begin(), rows.end(),
              [](const SyscallStats* a, const SyscallStats* b) { return a->totalNs > b->totalNs; });
    if (rows.size() > std::size_t(kMaxBars)) {
        rows.resize(std::size_t(kMaxBars));
    }
    TimeNs maxNs = 1;
    for (const auto* s : rows) {
        maxNs = std::max(maxNs, s->totalNs);
    }
    // Times spread over many decades (a sleep against a getpid): a logarithmic axis in
    // microseconds keeps every bar readable.
    const double unit = 1e3;
    TimeNs minNs = maxNs;
    for (const auto* s : rows) {
        minNs = std::min(minNs, s->totalNs);
    }
    // Bars start at the decade below the smallest one (a log axis has no zero).
    const double base = std::max(
        0.01, std::pow(10.0, std::floor(std::log10(std::max(0.01, double(minNs) / unit)))));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    // Largest at the top: key n-1-i.
    const int n = int(rows.size());
    for (int i = 0; i < n; ++i) {
        const SyscallStats& s = *rows[std::size_t(i)];
        auto* bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
        const QColor color = categoryColor(categoryOf(s.arch, s.nr, 0));
        bars->setBrush(color);
        bars->setPen(QPen(color.darker(130)));
        bars->setWidth(0.7);
        bars->setBaseValue(base);
        bars->addData(n - 1 - i, double(s.totalNs) / unit);
        ticker->addTick(n - 1 - i, QString::fromStdString(s.name));
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->setTickLength(0, 3);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setRange(-0.6, std::max(1, n) - 0.4);
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> logTicker(new DurationLogTicker);
    logTicker->setLogBase(10);
    logTicker->setSubTickCount(8);
    m_plot->xAxis->setTicker(logTicker);
    m_plot->xAxis->setLabel(
        tr("total time in the syscall (log scale) — the %1 syscalls with the most time").arg(n));
    m_plot->xAxis->setRange(base, double(maxNs) / unit * 2);
    m_plot->replot();
}

} // namespace syscope::gui
