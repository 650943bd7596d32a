#include "lab/LatencyView.h"

#include "TraceSession.h"
#include "lab/CliJob.h"
#include "lab/HistogramModel.h"
#include "lab/LabUi.h"
#include "lab/LectureMode.h"
#include "lab/OverheadProbe.h"
#include "lab/TraceLatencies.h"
#include "models/FilteredEvents.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace syscope::gui::lab {

namespace {

const QColor kSeriesColours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                 QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
                                 QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                 QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};

QColor pathColour(const QString& path) {
    if (path == QLatin1String("vdso")) {
        return QColor(0x2c, 0xa0, 0x2c);
    }
    if (path == QLatin1String("syscall")) {
        return QColor(0x1f, 0x77, 0xb4);
    }
    return QColor(0xd6, 0x27, 0x28);
}

void styleAxes(QCustomPlot* plot, const QPalette& pal, const QFont& font) {
    const QColor fg = pal.color(QPalette::Text);
    plot->setBackground(pal.color(QPalette::Base));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(fg));
        axis->setTickPen(QPen(fg));
        axis->setSubTickPen(QPen(fg));
        axis->setTickLabelColor(fg);
        axis->setLabelColor(fg);
        axis->setTickLabelFont(font);
        axis->setLabelFont(font);
    }
    plot->legend->setFont(font);
    plot->legend->setTextColor(fg);
    plot->legend->setBrush(pal.color(QPalette::Base));
}

void setupLogX(QCustomPlot* plot) {
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const double decades[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};
    const char* labels[] = {"1 ns", "10 ns", "100 ns", "1 µs", "10 µs", "100 µs",
                            "1 ms", "10 ms", "100 ms", "1 s",  "10 s"};
    for (int i = 0; i < 11; ++i) {
        ticker->addTick(decades[i], QString::fromUtf8(labels[i]));
    }
    ticker->setSubTickCount(0);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setLabel(QObject::tr("duration (log scale, 10 bins per decade)"));
}

void setCountAxis(QCustomPlot* plot, bool log, double maxCount) {
    if (log) {
        plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        plot->yAxis->setRange(0.8, std::max(10.0, maxCount * 2));
        plot->yAxis->setLabel(QObject::tr("calls per bin (log)"));
    } else {
        plot->yAxis->setScaleType(QCPAxis::stLinear);
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        plot->yAxis->setRange(0, std::max(1.0, maxCount * 1.15));
        plot->yAxis->setLabel(QObject::tr("calls per bin"));
    }
}

// One histogram as a filled step line over log-scale bins; zero bins sit on the axis floor.
QCPGraph* addStepHistogram(QCustomPlot* plot, const QVector<double>& lower,
                           const QVector<double>& upper, const QVector<double>& counts,
                           const QColor& colour, const QString& name, double floor) {
    QCPGraph* g = plot->addGraph();
    QVector<double> xs;
    QVector<double> ys;
    for (int i = 0; i < lower.size(); ++i) {
        const double y = counts[i] > 0 ? counts[i] : floor;
        xs << lower[i] << upper[i];
        ys << y << y;
    }
    g->setData(xs, ys, true);
    g->setLineStyle(QCPGraph::lsLine);
    g->setPen(QPen(colour, 2.5 * LectureMode::lineScale()));
    QColor fill = colour;
    fill.setAlpha(50);
    g->setBrush(fill);
    g->setName(name);
    return g;
}

void addMarker(QCustomPlot* plot, double x, const QColor& colour, Qt::PenStyle style,
               const QString& text, int slot) {
    auto* line = new QCPItemStraightLine(plot);
    line->point1->setCoords(x, 1);
    line->point2->setCoords(x, 2);
    line->setPen(QPen(colour, 2 * LectureMode::lineScale(), style));
    if (text.isEmpty()) {
        return;
    }
    auto* label = new QCPItemText(plot);
    label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(x, 0.02 + 0.07 * slot);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setText(text);
    label->setColor(colour);
    label->setFont(plot->xAxis->tickLabelFont());
    label->setPadding(QMargins(3, 0, 0, 0));
}

} // namespace

LatencyView::LatencyView(TraceSession* session, FilteredEvents* events, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_events(events) {
    m_model = new HistogramModel(this);
    m_probe = new OverheadProbe(this);
    m_tabs = new QTabWidget(this);

    // Trace histograms.
    auto* tracePage = new QWidget;
    m_calls = new QListWidget(tracePage);
    m_calls->setToolTip(tr("Tick the calls to overlay (the four busiest by default)"));
    m_calls->setMaximumWidth(260);
    m_logCounts = new QCheckBox(tr("Log count axis"), tracePage);
    m_plot = new QCustomPlot(tracePage);
    m_plot->setMinimumHeight(260);
    setupLogX(m_plot);
    m_plot->legend->setVisible(true);
    m_summary = new QLabel(tracePage);
    m_summary->setWordWrap(true);
    auto* exportTrace = makePlotExportButton(this, tr("Export Latency Histogram"),
                                             QStringLiteral("latency"), m_plot);
    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_logCounts);
    top->addWidget(exportTrace);
    auto* split = new QSplitter(Qt::Horizontal, tracePage);
    split->addWidget(m_calls);
    split->addWidget(m_plot);
    split->setStretchFactor(1, 1);
    auto* tl = new QVBoxLayout(tracePage);
    tl->addLayout(top);
    tl->addWidget(split, 1);
    tl->addWidget(makeNote(ptraceCostNote(), &m_overhead[0]));
    m_tabs->addTab(tracePage, tr("Syscall durations in this trace"));

    // Call-cost benchmark.
    auto* benchPage = new QWidget;
    m_benchJob = new CliJob(this);
    m_benchCall = new QComboBox(benchPage);
    m_benchCall->addItems({QStringLiteral("clock_gettime"), QStringLiteral("gettimeofday"),
                           QStringLiteral("time"), QStringLiteral("getcpu")});
    m_benchLog = new QCheckBox(tr("Log count axis"), benchPage);
    m_benchRun = new QPushButton(tr("Run Benchmark"), benchPage);
    m_benchRun->setToolTip(tr("syscope-cli bench-calls --json: every call through the vDSO, the "
                              "raw syscall instruction and the vsyscall page, in child processes"));
    m_benchStatus = new QLabel(tr("Not run yet."), benchPage);
    m_benchStatus->setWordWrap(true);
    m_benchPlot = new QCustomPlot(benchPage);
    m_benchPlot->setMinimumHeight(240);
    setupLogX(m_benchPlot);
    m_benchPlot->legend->setVisible(true);
    m_benchTable = new QTableWidget(0, 4, benchPage);
    m_benchTable->setHorizontalHeaderLabels(
        {tr("Call"), tr("vDSO (p50)"), tr("syscall (p50)"), tr("vsyscall (p50)")});
    m_benchTable->verticalHeader()->hide();
    m_benchTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_benchTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_benchTable->setMaximumHeight(170);
    auto* brow = new QHBoxLayout;
    brow->addWidget(new QLabel(tr("Call:"), benchPage));
    brow->addWidget(m_benchCall);
    brow->addWidget(m_benchRun);
    brow->addWidget(m_benchStatus, 1);
    brow->addWidget(m_benchLog);
    brow->addWidget(makePlotExportButton(this, tr("Export Call Cost Histogram"),
                                         QStringLiteral("call-cost"), m_benchPlot));
    auto* bl = new QVBoxLayout(benchPage);
    bl->addLayout(brow);
    bl->addWidget(m_benchPlot, 1);
    bl->addWidget(m_benchTable);
    bl->addWidget(makeNote(tr("These calls run untraced, in child processes of syscope-cli. "
                              "Under ptrace every syscall also stops the program twice (entry "
                              "and exit) and switches to the tracer."),
                           &m_overhead[1]));
    m_tabs->addTab(benchPage, tr("What a call costs: vDSO, syscall, vsyscall"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &LatencyView::recompute);
    connect(events, &FilteredEvents::changed, this, &LatencyView::schedule);
    connect(session, &TraceSession::cleared, this, [this] {
        m_userChoice.clear();
        schedule();
    });
    connect(m_calls, &QListWidget::itemChanged, this, [this] {
        if (m_updatingList) {
            return;
        }
        m_userChoice = shownCalls();
        updatePlot();
    });
    connect(m_logCounts, &QCheckBox::toggled, this, &LatencyView::updatePlot);
    connect(m_benchLog, &QCheckBox::toggled, this, &LatencyView::updateBenchPlot);
    connect(m_benchCall, &QComboBox::currentTextChanged, this, &LatencyView::updateBenchPlot);
    connect(m_benchRun, &QPushButton::clicked, this, &LatencyView::runBenchmark);
    connect(m_benchJob, &CliJob::finished, this,
            [this](bool ok, const QByteArray& output, const QString& message) {
                m_benchRun->setEnabled(true);
                QString error;
                const auto results = BenchResults::fromJson(output, &error);
                if (!ok || !results) {
                    m_benchStatus->setText(
                        tr("The benchmark failed: %1").arg(message.isEmpty() ? error : message));
                    return;
                }
                showBenchmark(*results);
            });
    connect(m_probe, &OverheadProbe::finished, this, [this](bool ok) {
        if (!ok) {
            for (QLabel* l : m_overhead) {
                l->setText(
                    tr("Measuring the tracing overhead failed: %1").arg(m_probe->errorString()));
            }
            return;
        }
        updateOverheadText();
    });
    updateOverheadText();
    schedule();
}

QWidget* LatencyView::makeNote(const QString& text, QLabel** overheadLabel) {
    auto* box = new QWidget(this);
    auto* note = new QLabel(text, box);
    note->setWordWrap(true);
    auto* overhead = new QLabel(box);
    overhead->setWordWrap(true);
    overhead->setObjectName(QStringLiteral("tracingOverhead"));
    auto* measure = new QPushButton(tr("Measure"), box);
    measure->setToolTip(tr("Time a raw syscall untraced and under syscope-cli record (a few "
                           "seconds); the result is remembered"));
    connect(measure, &QPushButton::clicked, this, &LatencyView::startOverheadMeasurement);
    auto* l = new QVBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    row->addWidget(overhead, 1);
    row->addWidget(measure);
    l->addWidget(note);
    l->addLayout(row);
    QPalette pal = box->palette();
    box->setAutoFillBackground(true);
    QColor tint = pal.color(QPalette::Highlight);
    tint.setAlpha(35);
    pal.setColor(QPalette::Window, tint);
    box->setPalette(pal);
    *overheadLabel = overhead;
    return box;
}

void LatencyView::startOverheadMeasurement() {
    for (QLabel* l : m_overhead) {
        l->setText(tr("Measuring the tracing overhead of this machine (a few seconds)…"));
    }
    if (!m_probe->measure()) {
        for (QLabel* l : m_overhead) {
            l->setText(m_probe->errorString());
        }
    }
}

void LatencyView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Measured once per machine, the first time a latency view is looked at.
    if (!m_probe->cached() && !m_probe->isRunning()) {
        startOverheadMeasurement();
    }
}

bool LatencyView::ensureOverheadMeasured(int timeoutMs) {
    if (m_probe->cached()) {
        updateOverheadText();
        return true;
    }
    if (!m_probe->isRunning()) {
        startOverheadMeasurement();
    }
    if (m_probe->isRunning()) {
        QEventLoop loop;
        connect(m_probe, &OverheadProbe::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_probe->cached().has_value();
}

QString LatencyView::overheadText() const {
    return m_overhead[0]->text();
}

void LatencyView::updateOverheadText() {
    const auto o = m_probe->cached();
    for (int k = 0; k < 2; ++k) {
        QString text;
        if (o) {
            text = QStringLiteral("<b>%1</b>").arg(o->describe().toHtmlEscaped());
            text += k == 0 ? tr(" The durations shown here include that cost.")
                           : tr(" The timings shown here do not include it.");
        } else {
            text = tr("<b>Tracing overhead of this machine: not measured yet</b> — press "
                      "Measure (it times a raw syscall with and without syscope-cli record).");
        }
        m_overhead[k]->setText(text);
    }
}

void LatencyView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        updatePlot();
        updateBenchPlot();
    }
}

void LatencyView::schedule() {
    if (!m_timer->isActive()) {
        m_timer->start();
    }
}

QStringList LatencyView::availableCalls() const {
    QStringList out;
    for (int i = 0; i < m_calls->count(); ++i) {
        out << m_calls->item(i)->data(Qt::UserRole).toString();
    }
    return out;
}

QStringList LatencyView::shownCalls() const {
    QStringList out;
    for (int i = 0; i < m_calls->count(); ++i) {
        if (m_calls->item(i)->checkState() == Qt::Checked) {
            out << m_calls->item(i)->data(Qt::UserRole).toString();
        }
    }
    return out;
}

void LatencyView::setShownCalls(const QStringList& names) {
    m_userChoice = names;
    m_updatingList = true;
    for (int i = 0; i < m_calls->count(); ++i) {
        QListWidgetItem* item = m_calls->item(i);
        item->setCheckState(names.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
    m_updatingList = false;
    updatePlot();
}

void LatencyView::setLogCounts(bool on) {
    m_logCounts->setChecked(on);
    m_benchLog->setChecked(on);
}

void LatencyView::recompute() {
    const auto groups = collectLatencies(m_session->store(), m_events->indices());
    m_updatingList = true;
    m_calls->clear();
    HistogramData histogram;
    int shown = 0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& g = groups[i];
        if (g.durations.empty()) {
            continue;
        }
        const QString name = QString::fromStdString(g.name);
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 (%2)").arg(name).arg(g.durations.size()), m_calls);
        item->setData(Qt::UserRole, name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool on = m_userChoice.isEmpty() ? shown < 4 : m_userChoice.contains(name);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        HistogramSeries s;
        s.name = name;
        std::vector<std::int64_t> d = g.durations;
        s.latency = LatencySeries::fromDurations(d);
        if (on) {
            s.colour = kSeriesColours[shown % 8];
            ++shown;
            histogram.series.push_back(s);
        }
    }
    m_updatingList = false;
    m_model->resetData(histogram);
    updatePlot();
}

void LatencyView::updatePlot() {
    // The model holds the series last computed; a change of ticks needs the groups again.
    const QStringList wanted = shownCalls();
    QStringList have;
    for (const auto& s : m_model->histogramData().series) {
        have << s.name;
    }
    if (have != wanted && !m_updatingList) {
        HistogramData histogram;
        const auto groups = collectLatencies(m_session->store(), m_events->indices());
        int k = 0;
        for (const auto& g : groups) {
            const QString name = QString::fromStdString(g.name);
            if (!wanted.contains(name) || g.durations.empty()) {
                continue;
            }
            HistogramSeries s;
            s.name = name;
            s.colour = kSeriesColours[k++ % 8];
            std::vector<std::int64_t> d = g.durations;
            s.latency = LatencySeries::fromDurations(d);
            histogram.series.push_back(s);
        }
        m_model->resetData(histogram);
    }
    const HistogramData& shownData = m_model->histogramData();
    QCustomPlot* plot = m_plot;
    plot->clearGraphs();
    plot->clearItems();
    styleAxes(plot, palette(), font());
    const bool log = m_logCounts->isChecked();
    const double floor = log ? 0.8 : 0.0;
    double maxCount = 0;
    const int first = shownData.firstBin();
    const int last = shownData.lastBin();
    int slot = 0;
    for (const auto& s : shownData.series) {
        QVector<double> lo;
        QVector<double> hi;
        QVector<double> counts;
        for (int b = first; b >= 0 && b <= last; ++b) {
            lo << LatencyBinning::lowerEdgeNs(b);
            hi << LatencyBinning::upperEdgeNs(b);
            counts << double(s.latency.counts[std::size_t(b)]);
            maxCount = std::max(maxCount, counts.back());
        }
        addStepHistogram(plot, lo, hi, counts, s.colour,
                         tr("%1 — %2 calls, p50 %3 · p90 %4 · p99 %5")
                             .arg(s.name)
                             .arg(s.latency.total)
                             .arg(formatNs(double(s.latency.p50)), formatNs(double(s.latency.p90)),
                                  formatNs(double(s.latency.p99))),
                         floor);
        addMarker(plot, std::max(1.0, double(s.latency.p50)), s.colour, Qt::SolidLine, QString(),
                  slot);
        addMarker(plot, std::max(1.0, double(s.latency.p90)), s.colour, Qt::DashLine, QString(),
                  slot);
        addMarker(plot, std::max(1.0, double(s.latency.p99)), s.colour, Qt::DotLine, QString(),
                  slot);
        ++slot;
    }
    if (first >= 0) {
        plot->xAxis->setRange(
            LatencyBinning::lowerEdgeNs(std::max(0, first - 2)),
            LatencyBinning::upperEdgeNs(std::min(last + 2, LatencyBinning::kBinCount - 1)));
    } else {
        plot->xAxis->setRange(1, 1e10);
    }
    setCountAxis(plot, log, maxCount);
    plot->legend->setVisible(!shownData.series.isEmpty());
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot->replot();
    const std::size_t events = m_events->size();
    m_summary->setText(
        shownData.series.isEmpty()
            ? tr("No finished calls in the selected range and filter.")
            : tr("%1 events pass the range and filter; solid line p50, dashed p90, dotted p99.")
                  .arg(events));
}

bool LatencyView::runBenchmark() {
    if (!m_benchJob->start({QStringLiteral("bench-calls"), QStringLiteral("--json"),
                            QStringLiteral("--iterations"), QStringLiteral("20000")})) {
        m_benchStatus->setText(m_benchJob->errorString());
        return false;
    }
    m_benchRun->setEnabled(false);
    m_benchStatus->setText(tr("Running syscope-cli bench-calls…"));
    return true;
}

void LatencyView::showBenchmark(const BenchResults& results) {
    m_bench = results;
    m_benchStatus->setText(tr("%1 calls per path · kernel %2 · vsyscall %3")
                               .arg(results.iterations)
                               .arg(results.kernel, results.vsyscallMode));
    m_benchTable->setRowCount(0);
    for (const QString& call : results.calls()) {
        const int row = m_benchTable->rowCount();
        m_benchTable->insertRow(row);
        m_benchTable->setItem(row, 0, new QTableWidgetItem(call));
        int col = 1;
        for (const QString& path :
             {QStringLiteral("vdso"), QStringLiteral("syscall"), QStringLiteral("vsyscall")}) {
            const BenchResult* r = results.find(call, path);
            auto* item = new QTableWidgetItem(!r      ? QStringLiteral("—")
                                              : r->ok ? formatNs(r->p50Ns)
                                                      : tr("unavailable"));
            if (r && !r->ok) {
                item->setToolTip(r->reason);
            }
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_benchTable->setItem(row, col++, item);
        }
    }
    // Start with the call that can go all three ways (the vsyscall page has no clock_gettime).
    int bestPaths = -1;
    QString best;
    for (const QString& call : results.calls()) {
        int ok = 0;
        for (const auto& r : results.results) {
            ok += (r.call == call && r.ok) ? 1 : 0;
        }
        if (ok > bestPaths) {
            bestPaths = ok;
            best = call;
        }
    }
    if (!best.isEmpty() && m_benchCall->findText(best) >= 0) {
        m_benchCall->setCurrentText(best);
    }
    updateBenchPlot();
}

void LatencyView::updateBenchPlot() {
    QCustomPlot* plot = m_benchPlot;
    plot->clearGraphs();
    plot->clearItems();
    styleAxes(plot, palette(), font());
    if (!m_bench) {
        plot->replot();
        return;
    }
    const QString call = m_benchCall->currentText();
    const bool log = m_benchLog->isChecked();
    double maxCount = 0;
    double lo = 1e12;
    double hi = 0;
    int slot = 0;
    for (const QString& path :
         {QStringLiteral("vdso"), QStringLiteral("syscall"), QStringLiteral("vsyscall")}) {
        const BenchResult* r = m_bench->find(call, path);
        if (!r || !r->ok || r->histogram.isEmpty()) {
            continue;
        }
        QVector<double> los;
        QVector<double> his;
        QVector<double> counts;
        for (const auto& b : r->histogram) {
            los << std::max(0.1, b.loNs);
            his << b.hiNs;
            counts << double(b.count);
            maxCount = std::max(maxCount, double(b.count));
        }
        lo = std::min(lo, los.front());
        hi = std::max(hi, his.back());
        const QColor c = pathColour(path);
        addStepHistogram(plot, los, his, counts, c,
                         tr("%1 via %2 — median %3").arg(call, path, formatNs(r->p50Ns)),
                         log ? 0.8 : 0.0);
        addMarker(plot, std::max(0.1, r->p50Ns), c, Qt::SolidLine,
                  tr("median %1").arg(formatNs(r->p50Ns)), slot++);
    }
    if (hi > 0) {
        plot->xAxis->setRange(lo / 1.5, hi * 1.5);
    }
    setCountAxis(plot, log, maxCount);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    plot->replot();
}

} // namespace syscope::gui::lab
