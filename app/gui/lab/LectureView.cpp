#include "lab/LectureView.h"

#include "MainWindow.h"
#include "ToolLocator.h"
#include "TraceSession.h"
#include "lab/AslrResultPanel.h"
#include "lab/CliJob.h"
#include "lab/LabUi.h"
#include "lab/LectureMode.h"
#include "syscalls/SyscallTable.h"
#include "trace/TraceStore.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <map>
#include <qcustomplot.h>

namespace syscope::gui::lab {

namespace {

// clock_gettime counts of a `stats --json` output: (syscalls, vDSO calls).
std::pair<qint64, qint64> clockCounts(const QByteArray& json) {
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    qint64 sys = 0;
    qint64 vdso = 0;
    for (const auto& v : root.value(QLatin1String("syscalls")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("name")).toString() == QLatin1String("clock_gettime")) {
            sys += o.value(QLatin1String("calls")).toInteger();
        }
    }
    for (const auto& v : root.value(QLatin1String("vdso_calls")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("name")).toString() == QLatin1String("clock_gettime")) {
            vdso += o.value(QLatin1String("calls")).toInteger();
        }
    }
    return {sys, vdso};
}

QString demoProgram() {
    const QString demo = findSyscopeDemo();
    return demo.isEmpty() ? QStringLiteral("/bin/true") : demo;
}

} // namespace

LectureView::LectureView(MainWindow* window, LectureMode* mode, QWidget* parent)
    : QWidget(parent)
    , m_window(window)
    , m_mode(mode) {
    m_job = new CliJob(this);
    connect(m_job, &CliJob::finished, this, &LectureView::finishStep);
    m_tempDir = QStandardPaths::writableLocation(QStandardPaths::TempLocation) +
                QStringLiteral("/syscope-lecture");
    QDir().mkpath(m_tempDir);

    m_pages[0] = {tr("1 · Watch a program talk to the kernel"),
                  tr("Every file, every sleep, every thread start is a syscall: the program asks "
                     "the kernel and waits. syscope records syscope-demo with ptrace and counts "
                     "each call.")};
    m_pages[1] = {tr("2 · clock_gettime without a syscall"),
                  tr("syscope-demo asks for the time 1000 times through glibc. ptrace sees no "
                     "syscall for those: glibc calls the vDSO, code the kernel mapped into the "
                     "process. Only the 50 calls made with the raw syscall instruction appear. "
                     "Then the same with record --vdso, which catches the vDSO calls with "
                     "breakpoints.")};
    m_pages[2] = {tr("3 · 100 runs: the vDSO moves, vsyscall stays"),
                  tr("ASLR puts the stack, the libraries and the vDSO at a new random address on "
                     "every run. The legacy vsyscall page sits at 0xffffffffff600000 forever.")};
    m_pages[3] = {tr("4 · Randomization off: everything freezes"),
                  tr("The same 100 runs with personality(ADDR_NO_RANDOMIZE), as setarch -R "
                     "does (and gdb by default): every region lands on the same address every "
                     "time.")};
    m_pages[4] = {tr("5 · What a call costs"),
                  tr("clock_gettime, gettimeofday, time and getcpu timed through the vDSO, the "
                     "raw syscall instruction and the vsyscall page, on this machine.")};

    m_syscallTable = new QTableWidget(0, 3);
    m_syscallTable->setHorizontalHeaderLabels({tr("Syscall"), tr("Calls"), tr("Total time")});
    m_syscallTable->verticalHeader()->hide();
    m_syscallTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_syscallTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* page1Extra = new QWidget;
    auto* p1l = new QVBoxLayout(page1Extra);
    p1l->setContentsMargins(0, 0, 0, 0);
    p1l->addWidget(m_syscallTable, 1);
    auto* showTimeline = new QPushButton(tr("Show on the Timeline"), page1Extra);
    connect(showTimeline, &QPushButton::clicked, this,
            [this] { m_window->showView(QStringLiteral("timeline")); });
    p1l->addWidget(showTimeline, 0, Qt::AlignLeft);
    m_aslrPanels[0] = new AslrResultPanel;
    m_aslrPanels[1] = new AslrResultPanel;
    m_aslrPanels[0]->setCompact(true);
    m_aslrPanels[1]->setCompact(true);
    m_costPlot = new QCustomPlot;
    m_costPlot->setMinimumHeight(220);
    QWidget* extras[kPageCount] = {page1Extra, nullptr, m_aslrPanels[0], m_aslrPanels[1],
                                   m_costPlot};

    m_index = new QListWidget(this);
    m_stack = new QStackedWidget(this);
    for (int i = 0; i < kPageCount; ++i) {
        m_index->addItem(m_pages[i].title);
        m_stack->addWidget(buildPage(m_pages[i], extras[i]));
    }
    m_index->setMaximumWidth(330);
    m_index->setWordWrap(true);
    m_prev = new QPushButton(tr("◀ Previous"), this);
    m_next = new QPushButton(tr("Next ▶"), this);
    m_modeButton = new QPushButton(tr("Lecture Mode"), this);
    m_modeButton->setCheckable(true);
    m_modeButton->setToolTip(tr("Large fonts and lines, high contrast (Ctrl+Shift+L)"));
    connect(m_modeButton, &QPushButton::toggled, m_mode, &LectureMode::setOn);
    connect(m_mode, &LectureMode::toggled, m_modeButton, &QPushButton::setChecked);
    connect(m_index, &QListWidget::currentRowChanged, this, &LectureView::setCurrentPage);
    connect(m_prev, &QPushButton::clicked, this, [this] { setCurrentPage(currentPage() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setCurrentPage(currentPage() + 1); });

    auto* nav = new QHBoxLayout;
    nav->addWidget(m_modeButton);
    nav->addStretch(1);
    nav->addWidget(m_prev);
    nav->addWidget(m_next);
    auto* body = new QHBoxLayout;
    body->addWidget(m_index);
    body->addWidget(m_stack, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addLayout(nav);
    setCurrentPage(0);

    connect(window->session(), &TraceSession::finished, this, &LectureView::showTraceSummary);
}

QWidget* LectureView::buildPage(Page& page, QWidget* extra) {
    auto* w = new QWidget;
    auto* title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(page.title.toHtmlEscaped()), w);
    auto* text = new QLabel(page.text, w);
    text->setWordWrap(true);
    page.run = new QPushButton(tr("Run"), w);
    page.run->setDefault(true);
    page.result = new QLabel(w);
    page.result->setWordWrap(true);
    page.result->setTextFormat(Qt::RichText);
    page.result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    page.extra = extra;
    connect(page.run, &QPushButton::clicked, this, &LectureView::runCurrentPage);
    auto* l = new QVBoxLayout(w);
    l->addWidget(title);
    l->addWidget(text);
    l->addWidget(page.run, 0, Qt::AlignLeft);
    l->addWidget(page.result);
    if (extra) {
        extra->setParent(w);
        l->addWidget(extra, 1);
    } else {
        l->addStretch(1);
    }
    return w;
}

int LectureView::currentPage() const {
    return m_stack->currentIndex();
}

void LectureView::setCurrentPage(int page) {
    page = std::clamp(page, 0, kPageCount - 1);
    m_stack->setCurrentIndex(page);
    if (m_index->currentRow() != page) {
        m_index->setCurrentRow(page);
    }
    m_prev->setEnabled(page > 0);
    m_next->setEnabled(page < kPageCount - 1);
}

QString LectureView::pageTitle(int page) const {
    return page >= 0 && page < kPageCount ? m_pages[page].title : QString();
}

QString LectureView::resultText(int page) const {
    return page >= 0 && page < kPageCount ? m_pages[page].result->text() : QString();
}

bool LectureView::isRunning() const {
    return m_runningPage >= 0;
}

QString LectureView::tempFile(const QString& name) const {
    return m_tempDir + u'/' + name;
}

bool LectureView::runCurrentPage() {
    const int page = currentPage();
    const QString demo = demoProgram();
    const QString demoBusy = demo; // the full run: 1000 vDSO clock_gettime calls
    switch (page) {
    case 0: {
        const QString out = tempFile(QStringLiteral("demo.syscope"));
        return runSequence(page,
                           {{QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-o"),
                             out, QStringLiteral("--"), demo, QStringLiteral("--quick")}},
                           [this, out](const QList<QByteArray>&) {
                               m_pages[0].result->setText(tr("Recorded. Loading the trace…"));
                               m_window->openFile(out);
                           });
    }
    case 1: {
        const QString plain = tempFile(QStringLiteral("clock.syscope"));
        const QString vdso = tempFile(QStringLiteral("clock-vdso.syscope"));
        return runSequence(
            page,
            {{QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("--no-maps"),
              QStringLiteral("-o"), plain, QStringLiteral("--"), demoBusy},
             {QStringLiteral("stats"), QStringLiteral("--json"), plain},
             {QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("--no-maps"),
              QStringLiteral("--vdso"), QStringLiteral("-o"), vdso, QStringLiteral("--"), demoBusy},
             {QStringLiteral("stats"), QStringLiteral("--json"), vdso}},
            [this](const QList<QByteArray>& outputs) {
                const auto [sys1, vdso1] = clockCounts(outputs.value(1));
                const auto [sys2, vdso2] = clockCounts(outputs.value(3));
                m_pages[1].result->setText(
                    tr("<p style='font-size:x-large'>Plain ptrace: <b>%1</b> clock_gettime "
                       "syscalls, <b>%2</b> vDSO calls seen.</p>"
                       "<p style='font-size:x-large'>With --vdso: <b>%3</b> clock_gettime "
                       "syscalls and <b>%4</b> vDSO clock_gettime calls.</p>"
                       "<p>The 1000 calls through glibc never enter the kernel; only the raw "
                       "syscall instructions do.</p>")
                        .arg(sys1)
                        .arg(vdso1)
                        .arg(sys2)
                        .arg(vdso2));
            });
    }
    case 2:
    case 3: {
        QStringList args{QStringLiteral("aslr"), QStringLiteral("--json"),
                         QStringLiteral("--progress"), QStringLiteral("--runs"),
                         QStringLiteral("100")};
        if (page == 3) {
            args << QStringLiteral("--no-randomize");
        }
        args << QStringLiteral("--") << demo;
        return runSequence(page, {args}, [this, page](const QList<QByteArray>& outputs) {
            QString error;
            const auto r = AslrResult::fromJson(outputs.value(0), &error);
            if (!r) {
                m_pages[page].result->setText(error.toHtmlEscaped());
                return;
            }
            showAslrResult(*r);
        });
    }
    case 4:
        return runSequence(page,
                           {{QStringLiteral("bench-calls"), QStringLiteral("--json"),
                             QStringLiteral("--iterations"), QStringLiteral("20000")}},
                           [this](const QList<QByteArray>& outputs) {
                               QString error;
                               const auto r = BenchResults::fromJson(outputs.value(0), &error);
                               if (!r) {
                                   m_pages[4].result->setText(error.toHtmlEscaped());
                                   return;
                               }
                               showBenchmark(*r);
                           });
    default:
        return false;
    }
}

bool LectureView::runSequence(int page, QList<QStringList> steps,
                              std::function<void(const QList<QByteArray>&)> done) {
    if (isRunning() || steps.isEmpty()) {
        return false;
    }
    m_runningPage = page;
    m_steps = std::move(steps);
    m_outputs.clear();
    m_done = std::move(done);
    m_pages[page].run->setEnabled(false);
    m_pages[page].result->setText(tr("Running: syscope-cli %1…").arg(m_steps.front().join(u' ')));
    if (!m_job->start(m_steps.takeFirst())) {
        m_pages[page].result->setText(m_job->errorString().toHtmlEscaped());
        m_pages[page].run->setEnabled(true);
        m_runningPage = -1;
        emit pageFinished(page, false);
        return false;
    }
    return true;
}

void LectureView::finishStep(bool ok, const QByteArray& output, const QString& message) {
    const int page = m_runningPage;
    if (page < 0) {
        return;
    }
    if (!ok) {
        m_pages[page].result->setText(tr("<b>Failed:</b> %1").arg(message.toHtmlEscaped()));
        m_pages[page].run->setEnabled(true);
        m_runningPage = -1;
        emit pageFinished(page, false);
        return;
    }
    m_outputs << output;
    if (!m_steps.isEmpty()) {
        const QStringList next = m_steps.takeFirst();
        m_pages[page].result->setText(tr("Running: syscope-cli %1…").arg(next.join(u' ')));
        if (m_job->start(next)) {
            return;
        }
        m_pages[page].result->setText(m_job->errorString().toHtmlEscaped());
        m_pages[page].run->setEnabled(true);
        m_runningPage = -1;
        emit pageFinished(page, false);
        return;
    }
    m_pages[page].run->setEnabled(true);
    m_runningPage = -1;
    if (m_done) {
        m_done(m_outputs);
    }
    emit pageFinished(page, true);
}

void LectureView::showTraceSummary() {
    const TraceStore& store = m_window->session()->store();
    std::map<std::pair<int, std::int32_t>, std::pair<std::uint64_t, std::int64_t>> counts;
    for (std::size_t i = 0; i < store.eventCount(); ++i) {
        if (store.flags(i) & EventFlag::Vdso) {
            continue;
        }
        auto& c = counts[{int(store.arch(i)), store.nr(i)}];
        ++c.first;
        c.second += store.duration(i);
    }
    std::vector<std::pair<std::pair<int, std::int32_t>, std::pair<std::uint64_t, std::int64_t>>>
        rows(counts.begin(), counts.end());
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    m_syscallTable->setRowCount(0);
    for (const auto& [key, value] : rows) {
        const int row = m_syscallTable->rowCount();
        m_syscallTable->insertRow(row);
        m_syscallTable->setItem(
            row, 0,
            new QTableWidgetItem(QString::fromStdString(syscallName(Arch(key.first), key.second))));
        auto* n = new QTableWidgetItem;
        n->setData(Qt::DisplayRole, qulonglong(value.first));
        m_syscallTable->setItem(row, 1, n);
        m_syscallTable->setItem(row, 2, new QTableWidgetItem(formatNs(double(value.second))));
    }
    if (store.eventCount() > 0) {
        m_pages[0].result->setText(
            tr("<p style='font-size:x-large'><b>%1</b> syscalls of <b>%2</b> different kinds "
               "from %3 processes, %4 threads, in %5.</p>")
                .arg(store.eventCount())
                .arg(rows.size())
                .arg(store.processCount())
                .arg(store.taskCount())
                .arg(formatNs(double(store.endTime() - store.startTime()))));
    }
}

void LectureView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // Lecture mode scales the fonts: the plot's texts follow.
    if (event->type() == QEvent::FontChange && m_bench) {
        showBenchmark(*m_bench);
    }
}

void LectureView::showAslrResult(const AslrResult& result) {
    const int page = result.randomize ? 2 : 3;
    m_aslrPanels[page - 2]->setResult(result);
    int moving = 0;
    int fixed = 0;
    QString vdso;
    QString vsyscall;
    for (const auto& r : result.presentRegions()) {
        (r.varyingBits > 0 ? moving : fixed)++;
        if (r.name == QLatin1String("[vdso]")) {
            vdso = r.distinct == 1 ? tr("[vdso]: always %1").arg(hexAddress(r.min))
                                   : tr("[vdso]: %1 different addresses, %2 bits vary")
                                         .arg(r.distinct)
                                         .arg(r.varyingBits);
        }
        if (r.name == QLatin1String("[vsyscall]")) {
            vsyscall = tr("[vsyscall]: always %1").arg(hexAddress(r.min));
        }
    }
    m_pages[page].result->setText(
        QStringLiteral("<p style='font-size:x-large'>%1</p><p>%2 · %3</p>")
            .arg(tr("%1 regions moved, %2 stayed put in %3 runs.")
                     .arg(moving)
                     .arg(fixed)
                     .arg(result.runs),
                 vdso.toHtmlEscaped(), vsyscall.toHtmlEscaped()));
}

void LectureView::showBenchmark(const BenchResults& results) {
    QCustomPlot* plot = m_costPlot;
    plot->clearPlottables();
    const QStringList calls = results.calls();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < calls.size(); ++i) {
        ticker->addTick(i + 1, calls[i]);
    }
    const QStringList paths{QStringLiteral("vdso"), QStringLiteral("syscall"),
                            QStringLiteral("vsyscall")};
    const QColor colours[] = {QColor(0x2c, 0xa0, 0x2c), QColor(0x1f, 0x77, 0xb4),
                              QColor(0xd6, 0x27, 0x28)};
    m_bench = results;
    plot->legend->setFont(font());
    for (QCPAxis* a : {plot->xAxis, plot->yAxis}) {
        a->setTickLabelFont(font());
        a->setLabelFont(font());
    }
    auto* group = new QCPBarsGroup(plot);
    QString summary;
    double maxNs = 1;
    for (int p = 0; p < paths.size(); ++p) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(paths[p] == QLatin1String("vdso") ? tr("vDSO") : paths[p]);
        bars->setBrush(colours[p]);
        bars->setPen(QPen(colours[p].darker(130)));
        bars->setWidth(0.25);
        bars->setBarsGroup(group);
        for (int i = 0; i < calls.size(); ++i) {
            const BenchResult* r = results.find(calls[i], paths[p]);
            if (r && r->ok) {
                bars->addData(i + 1, r->p50Ns);
                maxNs = std::max(maxNs, r->p50Ns);
            }
        }
    }
    // The sentence names the call that went all three ways (the vsyscall page only has
    // gettimeofday, time and getcpu), else clock_gettime.
    QString call = QStringLiteral("clock_gettime");
    for (const QString& c : calls) {
        const BenchResult* x = results.find(c, QStringLiteral("vsyscall"));
        if (x && x->ok) {
            call = c;
            break;
        }
    }
    const BenchResult* v = results.find(call, QStringLiteral("vdso"));
    const BenchResult* s = results.find(call, QStringLiteral("syscall"));
    const BenchResult* x = results.find(call, QStringLiteral("vsyscall"));
    if (v && v->ok && s && s->ok) {
        const double vdsoNs = std::max(0.1, v->p50Ns);
        summary = tr("%1: vDSO %2 · syscall %3 (%4× slower)")
                      .arg(call, formatNs(v->p50Ns), formatNs(s->p50Ns))
                      .arg(s->p50Ns / vdsoNs, 0, 'f', 1);
        if (x && x->ok) {
            summary += tr(" · vsyscall %1 (%2× slower)")
                           .arg(formatNs(x->p50Ns))
                           .arg(x->p50Ns / vdsoNs, 0, 'f', 1);
        }
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, calls.size() + 0.6);
    plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    plot->yAxis->setRange(0.5, maxNs * 3);
    plot->yAxis->setLabel(tr("median ns per call (log)"));
    for (QCPAxis* a : {plot->xAxis, plot->yAxis}) {
        a->setTickLabelFont(font());
        a->setLabelFont(font());
    }
    plot->legend->setVisible(true);
    plot->legend->setFont(font());
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->replot();
    m_pages[4].result->setText(
        QStringLiteral("<p style='font-size:x-large'>%1</p>").arg(summary.toHtmlEscaped()));
}

} // namespace syscope::gui::lab
