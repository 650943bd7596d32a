// The lab views inside the real window, on real data: a recording of syscope-demo (address
// map, latency histograms, vDSO view), aslr/bench-calls JSON written by syscope-cli, live
// experiments through the CLI, lecture mode, exports and the --screenshot views.
#include "MainWindow.h"
#include "PictureExport.h"
#include "Screenshot.h"
#include "SelectionState.h"
#include "TraceSession.h"
#include "lab/AddressLayout.h"
#include "lab/AddressMapCanvas.h"
#include "lab/AddressMapView.h"
#include "lab/AslrLabView.h"
#include "lab/AslrResultPanel.h"
#include "lab/BitHeatmapWidget.h"
#include "lab/CliJob.h"
#include "lab/HistogramModel.h"
#include "lab/LatencyView.h"
#include "lab/LectureMode.h"
#include "lab/LectureView.h"
#include "lab/OverheadProbe.h"
#include "lab/VdsoSymbolModel.h"
#include "lab/VdsoView.h"
#include "models/FilteredEvents.h"
#include "trace/TraceStore.h"

#include <QApplication>
#include <QImage>
#include <QMenuBar>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace syscope;
using namespace syscope::gui;
using namespace syscope::gui::lab;

namespace {

QString dataFile(const char* name) {
    return QStringLiteral(SYSCOPE_TEST_DATA_DIR "/gui2/") + QLatin1String(name);
}

std::unique_ptr<MainWindow> openWindow(const QString& trace) {
    auto w = std::make_unique<MainWindow>();
    w->setAttribute(Qt::WA_DontShowOnScreen);
    w->resize(1280, 720);
    w->show();
    w->openFile(trace);
    if (!w->session()->waitUntilLoaded(60000) ||
        w->session()->state() != TraceSession::State::Ready) {
        return nullptr;
    }
    return w;
}

quint64 totalCount(const HistogramModel* model) {
    quint64 sum = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int col = 1; col < model->columnCount(); ++col) {
            sum += model->index(row, col).data(HistogramModel::CountRole).toULongLong();
        }
    }
    return sum;
}

} // namespace

class TestLabViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void viewsAreRegistered();
    void addressMapFollowsTheCursor();
    void histogramsFollowRangeAndFilter();
    void vdsoViewListsSymbolsAndCalls();
    void aslrLabOpensSavedResults();
    void aslrLabRunsOnAndOffSideBySide();
    void aslrLabCancels();
    void aslrLabComparesRecordedTraces();
    void latencyBenchmarkRunsTheCli();
    void lectureModeScalesAndRestores();
    void lectureClockPageCountsVdsoCalls();
    void lecturePagesRunLive();
    void exportsPngSvgPdf();
    void screenshots_data();
    void screenshots();
};

void TestLabViews::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    qputenv("SYSCOPE_CLI", SYSCOPE_CLI_PATH);
    qputenv("SYSCOPE_DEMO", SYSCOPE_DEMO_PATH);
    // In sanitizer builds the demo carries ASan, whose leak checker cannot run under ptrace;
    // the children started through the CLI run without it (this process keeps its own).
    QByteArray asan = qgetenv("ASAN_OPTIONS");
    asan += asan.isEmpty() ? "detect_leaks=0" : ":detect_leaks=0";
    qputenv("ASAN_OPTIONS", asan);
}

void TestLabViews::viewsAreRegistered() {
    MainWindow w;
    const QStringList ids = w.viewIds();
    for (const char* id : {"map", "histogram", "aslr", "vdso", "lecture"}) {
        QVERIFY2(ids.contains(QLatin1String(id)), id);
    }
}

void TestLabViews::addressMapFollowsTheCursor() {
    auto w = openWindow(dataFile("demo-quick.syscope"));
    QVERIFY(w);
    const TraceStore& store = w->session()->store();
    QVERIFY(store.mapsSnapshots().size() > 10);
    auto* map = qobject_cast<AddressMapView*>(w->view(QStringLiteral("map")));
    QVERIFY(map);
    w->showView(QStringLiteral("map"));
    map->refresh();
    const std::int32_t pid = store.mapsSnapshots().front().pid;
    QCOMPARE(map->shownPid(), pid);
    // No cursor yet: the final map of the process.
    const MapsSnapshot* last = store.mapsAt(pid, store.endTime());
    QVERIFY(last);
    QCOMPARE(map->shownSnapshotTime(), last->time);
    QCOMPARE(map->canvas()->entries().size(), last->entries.size());
    // One row per file by default: libc's pieces are one row; all of them when ungrouped.
    QCOMPARE(map->canvas()->layout().mappingCount(), groupMappings(last->entries).size());
    QVERIFY(map->canvas()->layout().mappingCount() < last->entries.size());
    map->canvas()->setGrouping(false);
    QCOMPARE(map->canvas()->layout().mappingCount(), last->entries.size());
    map->canvas()->setGrouping(true);
    QVERIFY(map->canvas()->layout().gapCount() > 0);

    // Scrub to the first snapshot caused by an mmap: that map, with the new mapping marked.
    const MapsSnapshot* mmapSnap = nullptr;
    for (const auto& s : store.mapsSnapshots()) {
        if (s.pid == pid && s.causeNr == 9 /* mmap */ && store.mapsAt(pid, s.time - 1)) {
            mmapSnap = &s;
            break;
        }
    }
    QVERIFY(mmapSnap);
    w->selection()->setCursorTime(mmapSnap->time);
    map->refresh();
    QCOMPARE(map->shownSnapshotTime(), mmapSnap->time);
    QCOMPARE(map->canvas()->entries().size(), mmapSnap->entries.size());
    QVERIFY(map->headerText().contains(QStringLiteral("mmap")));
    QVERIFY(!map->canvas()->changed().empty());

    // Before everything: the first snapshot, said so.
    w->selection()->setCursorTime(store.startTime() - 1000);
    map->refresh();
    QVERIFY(map->headerText().contains(QStringLiteral("before the first snapshot")));

    // The special kernel mappings explain themselves in the tooltip.
    w->selection()->setCursorTime(store.endTime());
    map->refresh();
    map->canvas()->resize(1000, 2000);
    const auto& layout = map->canvas()->layout();
    bool sawVdso = false;
    for (const auto& seg : layout.segments()) {
        if (!seg.gap && map->canvas()->groups()[seg.entry].merged.path == "[vdso]") {
            // Middle of the segment in widget coordinates: high addresses at the top.
            const QRect r = map->canvas()->rect();
            const double unit = std::max(map->canvas()->fontMetrics().height() * 1.15,
                                         (r.height() - 16.0) / layout.totalExtent());
            const int y = int(8 + (layout.totalExtent() - seg.position - seg.extent / 2) * unit);
            const QString tip = map->canvas()->describeAt(QPoint(r.width() / 2, y));
            QVERIFY2(tip.contains(QStringLiteral("virtual dynamic shared object")),
                     qPrintable(tip));
            sawVdso = true;
        }
    }
    QVERIFY(sawVdso);
}

void TestLabViews::histogramsFollowRangeAndFilter() {
    auto w = openWindow(dataFile("demo-quick.syscope"));
    QVERIFY(w);
    auto* latency = qobject_cast<LatencyView*>(w->view(QStringLiteral("histogram")));
    QVERIFY(latency);
    const TraceStore& store = w->session()->store();
    w->filteredEvents()->rebuild();
    latency->recompute();
    QVERIFY(latency->availableCalls().size() > 5);
    QCOMPARE(latency->shownCalls().size(), 4);
    QCOMPARE(latency->model()->histogramData().series.size(), 4);

    // All calls shown: the histogram holds every finished event of the trace.
    latency->setShownCalls(latency->availableCalls());
    quint64 finished = 0;
    for (std::size_t i = 0; i < store.eventCount(); ++i) {
        finished += store.event(i).unfinished() ? 0 : 1;
    }
    QCOMPARE(totalCount(latency->model()), finished);

    // The first half of the trace only.
    const TimeNs mid = store.startTime() + (store.endTime() - store.startTime()) / 2;
    w->selection()->setRange({store.startTime(), mid});
    w->filteredEvents()->rebuild();
    latency->recompute();
    latency->setShownCalls(latency->availableCalls());
    quint64 inRange = 0;
    for (std::size_t i = 0; i < store.eventCount(); ++i) {
        inRange += (!store.event(i).unfinished() && w->filteredEvents()->passes(i)) ? 1 : 0;
    }
    QCOMPARE(totalCount(latency->model()), inRange);
    QVERIFY(inRange < finished);

    // The filter bar's syscall set.
    w->selection()->clearRange();
    EventFilter filter;
    QString error;
    QVERIFY(filter.setSyscalls(QStringLiteral("read"), &error));
    w->selection()->setFilter(filter);
    w->filteredEvents()->rebuild();
    latency->recompute();
    QCOMPARE(latency->availableCalls(), QStringList{QStringLiteral("read")});
    QCOMPARE(latency->model()->histogramData().series.size(), 1);
    const auto& s = latency->model()->histogramData().series.front().latency;
    QVERIFY(s.p50 <= s.p90 && s.p90 <= s.p99);
    // Percentile markers are items on the plot: three per series.
    QCOMPARE(latency->plot()->itemCount(), 3); // p50, p90, p99 lines
    latency->setLogCounts(true);
    QCOMPARE(latency->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
}

void TestLabViews::vdsoViewListsSymbolsAndCalls() {
    auto w = openWindow(dataFile("demo-vdso.syscope"));
    QVERIFY(w);
    auto* vdso = qobject_cast<VdsoView*>(w->view(QStringLiteral("vdso")));
    QVERIFY(vdso);
    vdso->refresh();
    QVERIFY(vdso->image());
    QVERIFY(vdso->model()->rowCount() > 4);
    const TraceStore& store = w->session()->store();
    const auto base = traceVdsoBase(store, 0);
    QVERIFY(base);
    QVERIFY(vdso->headerText().contains(QStringLiteral("0x") + QString::number(*base, 16)));
    QVERIFY(!vdso->model()->index(0, VdsoSymbolModel::TraceAddress).data().toString().isEmpty());
    // vDSO calls counted like the store has them.
    qulonglong clockCalls = 0;
    for (std::size_t i = 0; i < store.eventCount(); ++i) {
        if ((store.flags(i) & EventFlag::Vdso) && store.nr(i) == 0 &&
            !store.event(i).unfinished()) {
            ++clockCalls;
        }
    }
    QVERIFY(clockCalls >= 100); // the quick demo's 100 calls through glibc
    bool found = false;
    for (int row = 0; row < vdso->callTable()->rowCount(); ++row) {
        if (vdso->callTable()->item(row, 0)->text() == QLatin1String("clock_gettime")) {
            QCOMPARE(vdso->callTable()->item(row, 1)->data(Qt::DisplayRole).toULongLong(),
                     clockCalls);
            found = true;
        }
    }
    QVERIFY(found);
}

void TestLabViews::aslrLabOpensSavedResults() {
    AslrLabView lab;
    QString error;
    QVERIFY(!lab.openResults({dataFile("missing.json")}, &error));
    QVERIFY(!lab.openResults({dataFile("demo-quick.syscope")}, &error));
    QVERIFY2(lab.openResults({dataFile("aslr.json"), dataFile("aslr-norandom.json")}, &error),
             qPrintable(error));
    QVERIFY(lab.showsTwo());
    AslrResultPanel* on = lab.firstPanel();
    AslrResultPanel* off = lab.secondPanel();
    QCOMPARE(on->heatmap()->rows().size(), on->result().presentRegions().size());
    QCOMPARE(on->stripChart()->graphCount(), int(on->result().presentRegions().size()));
    for (int g = 0; g < on->stripChart()->graphCount(); ++g) {
        const auto data = on->stripChart()->graph(g)->data();
        double lo = 1e9;
        double hi = -1e9;
        for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
            lo = std::min(lo, it->value);
            hi = std::max(hi, it->value);
        }
        const auto region = on->result().presentRegions()[g]; // a copy: the list is temporary
        if (region.name == QLatin1String("[vsyscall]")) {
            QCOMPARE(lo, hi); // visibly flat
        } else if (region.varyingBits > 0) {
            QVERIFY(hi - lo > 0.5); // spread over most of its band
        }
    }
    for (int g = 0; g < off->stripChart()->graphCount(); ++g) {
        const auto data = off->stripChart()->graph(g)->data();
        QCOMPARE(data->constBegin()->value, (data->constEnd() - 1)->value);
    }
    // Heatmap of randomization off: every share is 0 or 1.
    for (const auto& s : off->heatmap()->shares()) {
        for (const double share : s.share) {
            QVERIFY(share == 0.0 || share == 1.0);
        }
    }
    QCOMPARE(on->offsets()->rowCount(), int(on->result().constantOffsets.size()));
    QCOMPARE(shareColor(0.0), QColor(Qt::black));
    QCOMPARE(shareColor(1.0), QColor(Qt::white));
}

void TestLabViews::aslrLabRunsOnAndOffSideBySide() {
    AslrLabView lab;
    QSignalSpy progress(lab.job(), &CliJob::progress);
    QVERIFY(
        lab.runExperiment({QStringLiteral(SYSCOPE_DEMO_PATH)}, 8, AslrLabView::Mode::SideBySide));
    QVERIFY(lab.waitForIdle(120000));
    QVERIFY2(lab.showsTwo(), qPrintable(lab.statusText()));
    QVERIFY(progress.size() >= 2);
    const AslrResult& on = lab.firstPanel()->result();
    const AslrResult& off = lab.secondPanel()->result();
    QCOMPARE(on.runs, 8);
    QVERIFY(on.randomize);
    QVERIFY(!off.randomize);
    int moving = 0;
    for (const auto& r : on.presentRegions()) {
        moving += r.varyingBits > 0 ? 1 : 0;
    }
    QVERIFY(moving >= 5);
    for (const auto& r : off.presentRegions()) {
        QCOMPARE(r.varyingBits, 0);
    }
}

void TestLabViews::aslrLabCancels() {
    AslrLabView lab;
    QSignalSpy progress(lab.job(), &CliJob::progress);
    QVERIFY(lab.runExperiment({QStringLiteral("/bin/true")}, 100000, AslrLabView::Mode::On));
    QVERIFY(progress.wait(30000));
    lab.cancel();
    QVERIFY(lab.waitForIdle(30000));
    QVERIFY(!lab.isRunning());
    // The CLI stops early and still reports what it measured.
    QVERIFY2(lab.firstPanel()->result().cancelled, qPrintable(lab.statusText()));
    QVERIFY(lab.firstPanel()->result().runs < 100000);
}

void TestLabViews::aslrLabComparesRecordedTraces() {
    AslrLabView lab;
    QVERIFY(lab.compareTraces({dataFile("demo-quick.syscope"), dataFile("demo-vdso.syscope")}));
    QVERIFY(lab.waitForIdle(60000));
    const AslrResult& r = lab.firstPanel()->result();
    QCOMPARE(r.runs, 2);
    QCOMPARE(r.source, QStringLiteral("trace files"));
    QCOMPARE(r.files.size(), 2);
    QVERIFY(!lab.showsTwo());
    for (const auto& g : r.presentRegions()) {
        if (g.name == QLatin1String("[vsyscall]")) {
            QCOMPARE(g.varyingBits, 0);
        }
    }
}

void TestLabViews::latencyBenchmarkRunsTheCli() {
    MainWindow w;
    auto* latency = qobject_cast<LatencyView*>(w.view(QStringLiteral("histogram")));
    QSignalSpy done(latency->benchJob(), &CliJob::finished);
    QVERIFY(latency->runBenchmark());
    QVERIFY(done.wait(120000));
    QVERIFY(latency->benchmark());
    // clock_gettime: vDSO and syscall paths always run; each is one histogram.
    QVERIFY(latency->benchPlot()->graphCount() >= 2);
    const BenchResult* v =
        latency->benchmark()->find(QStringLiteral("clock_gettime"), QStringLiteral("vdso"));
    QVERIFY(v && v->ok);

    // The tracing overhead: a raw syscall under syscope-cli record against untraced.
    QVERIFY(latency->ensureOverheadMeasured(120000));
    const auto o = latency->overheadProbe()->cached();
    QVERIFY(o);
    QVERIFY2(o->tracedNs > o->untracedNs, qPrintable(o->describe()));
    QVERIFY(latency->overheadText().contains(QStringLiteral("ptrace adds")));
}

void TestLabViews::lectureModeScalesAndRestores() {
    MainWindow w;
    w.show();
    auto* mode = w.findChild<LectureMode*>();
    QVERIFY(mode);
    const QFont before = QApplication::font();
    const QColor windowBefore = QApplication::palette().color(QPalette::Window);
    mode->setOn(true);
    QVERIFY(mode->isOn());
    QVERIFY(QApplication::font().pointSizeF() >= before.pointSizeF() * 1.5);
    QVERIFY(QApplication::font().pointSizeF() <= before.pointSizeF() * 2.0);
    QCOMPARE(QApplication::palette().color(QPalette::Text), QColor(Qt::black));
    QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::white));
    QVERIFY(w.menuBar()->isHidden());
    QVERIFY(LectureMode::lineScale() > 1.4);
    mode->setOn(false);
    QCOMPARE(QApplication::font(), before);
    QCOMPARE(QApplication::palette().color(QPalette::Window), windowBefore);
    QVERIFY(!w.menuBar()->isHidden());
    QCOMPARE(LectureMode::lineScale(), 1.0);
}

void TestLabViews::lectureClockPageCountsVdsoCalls() {
    MainWindow w;
    auto* lecture = qobject_cast<LectureView*>(w.view(QStringLiteral("lecture")));
    QVERIFY(lecture);
    lecture->setCurrentPage(1);
    QSignalSpy finished(lecture, &LectureView::pageFinished);
    QVERIFY(lecture->runCurrentPage());
    QVERIFY(finished.wait(240000));
    QCOMPARE(finished.front().at(1).toBool(), true);
    const QString text = lecture->resultText(1);
    // Plain ptrace sees no vDSO call; with --vdso the 1000 calls through glibc appear.
    QVERIFY2(text.contains(QStringLiteral("<b>0</b> vDSO calls seen")), qPrintable(text));
    const QRegularExpression re(QStringLiteral("and <b>(\\d+)</b> vDSO clock_gettime"));
    const auto m = re.match(text);
    QVERIFY2(m.hasMatch(), qPrintable(text));
    QVERIFY(m.captured(1).toInt() >= 1000);
}

void TestLabViews::lecturePagesRunLive() {
    MainWindow w;
    auto* lecture = qobject_cast<LectureView*>(w.view(QStringLiteral("lecture")));
    QSignalSpy finished(lecture, &LectureView::pageFinished);
    // 1: record the demo; the window opens the recording and the page counts its syscalls.
    lecture->setCurrentPage(0);
    QVERIFY(lecture->runCurrentPage());
    QVERIFY(finished.wait(120000));
    QVERIFY(finished.takeFirst().at(1).toBool());
    QVERIFY(w.session()->waitUntilLoaded(60000));
    lecture->showTraceSummary();
    QVERIFY2(lecture->resultText(0).contains(QStringLiteral("syscalls of")),
             qPrintable(lecture->resultText(0)));
    // 3 and 4: the vDSO moves, then nothing moves.
    for (const int page : {2, 3}) {
        lecture->setCurrentPage(page);
        QVERIFY(lecture->runCurrentPage());
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.takeFirst().at(1).toBool());
    }
    QVERIFY2(lecture->resultText(2).contains(QStringLiteral("0xffffffffff600000")) ||
                 !lecture->resultText(2).contains(QStringLiteral("[vsyscall]")),
             qPrintable(lecture->resultText(2)));
    QVERIFY2(lecture->resultText(3).contains(QStringLiteral("0 regions moved")),
             qPrintable(lecture->resultText(3)));
    // 5: the call costs.
    lecture->setCurrentPage(4);
    QVERIFY(lecture->runCurrentPage());
    QVERIFY(finished.wait(120000));
    QVERIFY(finished.takeFirst().at(1).toBool());
    QVERIFY2(lecture->resultText(4).contains(QStringLiteral("vDSO")),
             qPrintable(lecture->resultText(4)));
}

void TestLabViews::exportsPngSvgPdf() {
    AslrLabView lab;
    QString error;
    QVERIFY(lab.openResults({dataFile("aslr.json")}, &error));
    lab.resize(1280, 720);
    QTemporaryDir dir;
    BitHeatmapWidget* heatmap = lab.firstPanel()->heatmap();
    for (const char* suffix : {"png", "svg", "pdf"}) {
        const QString path = dir.filePath(QStringLiteral("bits.") + QLatin1String(suffix));
        QVERIFY2(exportPicture(
                     path, QSize(1280, 720),
                     [heatmap](QPainter& p, const QRect& r) { heatmap->paintTo(p, r); }, &error),
                 qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
    const QImage png(dir.filePath(QStringLiteral("bits.png")));
    QCOMPARE(png.size(), QSize(2560, 1440)); // slide resolution: twice the logical size
}

void TestLabViews::screenshots_data() {
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("file");
    QTest::newRow("map") << QStringLiteral("map") << dataFile("demo-quick.syscope");
    QTest::newRow("histogram") << QStringLiteral("histogram") << dataFile("demo-quick.syscope");
    QTest::newRow("histogram bench") << QStringLiteral("histogram") << dataFile("bench.json");
    QTest::newRow("aslr") << QStringLiteral("aslr") << dataFile("aslr.json");
    QTest::newRow("vdso") << QStringLiteral("vdso") << dataFile("demo-vdso.syscope");
    QTest::newRow("lecture") << QStringLiteral("lecture") << dataFile("demo-quick.syscope");
}

void TestLabViews::screenshots() {
    QFETCH(QString, view);
    QFETCH(QString, file);
    QTemporaryDir dir;
    ScreenshotRequest request;
    request.output = dir.filePath(QStringLiteral("shot.png"));
    request.view = view;
    request.size = QSize(1280, 720);
    request.trace = file;
    QCOMPARE(takeScreenshot(request), 0);
    const QImage image(request.output);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 1280);
    // A wrong kind of JSON is an error, not a blank picture.
    request.trace = dataFile("bench.json");
    request.view = QStringLiteral("aslr");
    QCOMPARE(takeScreenshot(request), 1);
}

QTEST_MAIN(TestLabViews)
#include "tst_lab_views.moc"
