// The window on real data: lanes per thread grouped by process, selection synchronised between
// table, timeline and detail pane, the rubber-band range filtering table and statistics (and the
// way back), a recorded multi-threaded program, picture export and --screenshot.
#include "AttachDialog.h"
#include "FileActions.h"
#include "GuiTestUtil.h"
#include "MainWindow.h"
#include "PictureExport.h"
#include "RecorderProcess.h"
#include "Screenshot.h"
#include "SelectionState.h"
#include "SessionStatusBar.h"
#include "TraceSession.h"
#include "models/EventTableModel.h"
#include "models/FilteredEvents.h"
#include "models/StatisticsModel.h"
#include "trace/TraceStore.h"
#include "views/EventDetailPane.h"
#include "views/EventTableView.h"
#include "views/StatisticsView.h"
#include "views/TimelineCanvas.h"
#include "views/TimelineView.h"

#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <cmath>

using namespace syscope;
using namespace syscope::gui;
using namespace syscope::guitest;

namespace {

// The store index of the first event of (tid, nr).
qint64 findEvent(const TraceStore& store, int tid, int nr) {
    for (std::size_t i = 0; i < store.eventCount(); ++i) {
        if (store.tid(i) == tid && store.nr(i) == nr) {
            return qint64(i);
        }
    }
    return -1;
}

// The middle of an event's span in canvas coordinates.
QPoint eventPoint(const TimelineCanvas* canvas, const TraceStore& store, std::size_t e) {
    const auto row = canvas->layout().rowOfTask(store.taskIndex(e));
    const TimelineRow& r = canvas->layout().rows()[*row];
    const TimeNs mid = store.enterTime(e) + store.duration(e) / 2;
    const double x = canvas->labelWidth() + canvas->axis().mapTimeToX(mid);
    const int y = canvas->rulerHeight() + r.y - canvas->scrollY() + r.height / 2;
    return {int(x), y};
}

} // namespace

class TestGuiWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_trace;

    void openInWindow(MainWindow& w, const QString& path) {
        w.setAttribute(Qt::WA_DontShowOnScreen);
        w.resize(1200, 700);
        w.show();
        w.openFile(path);
        QVERIFY(w.session()->waitUntilLoaded(60000));
        QCOMPARE(w.session()->state(), TraceSession::State::Ready);
        QApplication::processEvents();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_trace = m_dir.filePath(QStringLiteral("sample.syscope"));
        QVERIFY(writeTrace(m_trace, syntheticTrace()));
    }

    void lanesPerThreadGroupedByProcess() {
        MainWindow w;
        openInWindow(w, m_trace);
        QVERIFY(!w.isShowingStartPage());
        const auto& rows = w.timelineView()->canvas()->layout().rows();
        QCOMPARE(int(rows.size()), 5);
        using K = TimelineRow::Kind;
        const QList<std::pair<K, int>> expected{{K::Process, 100},
                                                {K::Thread, 100},
                                                {K::Thread, 101},
                                                {K::Process, 200},
                                                {K::Thread, 200}};
        for (int i = 0; i < 5; ++i) {
            const TimelineRow& r = rows[std::size_t(i)];
            QCOMPARE(r.kind, expected[i].first);
            QCOMPARE(r.kind == K::Process ? r.pid : r.tid, expected[i].second);
        }
        QCOMPARE(rows[1].label, QStringLiteral("100 sample"));
        QCOMPARE(rows[2].label, QStringLiteral("101 worker"));
        QCOMPARE(rows[4].label, QStringLiteral("200 true")); // named after its exec
        QVERIFY(rows[4].exited);
        QVERIFY(rows[0].tooltip.contains(QLatin1String("/usr/bin/sample --flag")));
        const QString summary = w.sessionStatusBar()->summary();
        QVERIFY2(summary.contains(QLatin1String("12 events")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("2 processes, 3 threads")), qPrintable(summary));
        // Fit: the whole trace is in view.
        const auto& axis = w.timelineView()->canvas()->axis();
        QVERIFY(axis.visibleStart() <= w.session()->store().startTime());
        QVERIFY(axis.visibleEnd() >= w.session()->store().endTime());
        // The painter drew something for every lane, and merged nothing at this zoom.
        QImage image(w.timelineView()->canvas()->size(), QImage::Format_ARGB32);
        w.timelineView()->canvas()->render(&image);
        QVERIFY(!image.isNull());
    }

    void tableSelectionCentresTimeline() {
        MainWindow w;
        openInWindow(w, m_trace);
        const TraceStore& store = w.session()->store();
        const qint64 write = findEvent(store, 101, 1);
        QVERIFY(write >= 0);
        w.showView(QStringLiteral("table"));
        QTableView* table = w.tableView()->table();
        const int row = w.tableView()->model()->rowOfEvent(quint64(write));
        QVERIFY(row >= 0);
        table->selectRow(row);
        QCOMPARE(w.selection()->selectedEvent(), write);
        auto* canvas = w.timelineView()->canvas();
        const TimeNs centre = (canvas->axis().visibleStart() + canvas->axis().visibleEnd()) / 2;
        const TimeNs mid =
            store.enterTime(std::size_t(write)) + store.duration(std::size_t(write)) / 2;
        QVERIFY2(std::llabs(centre - mid) <= canvas->axis().visibleSpan() / 100,
                 qPrintable(QStringLiteral("centre %1, event %2").arg(centre).arg(mid)));
        QVERIFY(w.tableView()->detailPane()->toPlainText().contains(QLatin1String("write(")));
        QVERIFY(
            w.tableView()->detailPane()->toPlainText().contains(QLatin1String("pid 100, tid 101")));
    }

    void signalMarkWithSiginfo() {
        MainWindow w;
        openInWindow(w, m_trace);
        auto* canvas = w.timelineView()->canvas();
        canvas->axis().setVisibleRange(kBase + 100'000, kBase + 200'000);
        const auto& rows = canvas->layout().rows();
        const TimelineRow& lane = rows[1]; // tid 100
        QCOMPARE(lane.tid, 100);
        const int x =
            canvas->labelWidth() + int(std::lround(canvas->axis().mapTimeToX(kBase + 141'000)));
        const int top = canvas->rulerHeight() + lane.y - canvas->scrollY();
        const QPoint p(x, top + 3);
        const ProcessEvent* sig = canvas->signalAt(p);
        QVERIFY(sig);
        QCOMPARE(sig->value, 17);
        QVERIFY(QByteArray::fromStdString(sig->detail).contains("CLD_EXITED"));
        // Not on the other lanes, nor far from the mark.
        QVERIFY(!canvas->signalAt(QPoint(x, canvas->rulerHeight() + rows[2].y + 3)));
        QVERIFY(!canvas->signalAt(QPoint(x + 40, top + 3)));
        // The mark is painted in its colour.
        QImage image(canvas->size(), QImage::Format_ARGB32);
        canvas->render(&image);
        QCOMPARE(QColor(image.pixel(x, top + 4)).rgb(), kSignalColor.rgb());
        // The detail pane of the call it arrived during (clock_nanosleep) names it.
        const qint64 sleep = findEvent(w.session()->store(), 100, 230);
        QVERIFY(sleep >= 0);
        w.selection()->setSelectedEvent(sleep);
        const QString detail = w.tableView()->detailPane()->toPlainText();
        QVERIFY2(
            detail.contains(QLatin1String("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED")),
            qPrintable(detail));
        // ... and only that one.
        const qint64 open = findEvent(w.session()->store(), 100, 257);
        w.selection()->setSelectedEvent(open);
        QVERIFY(!w.tableView()->detailPane()->toPlainText().contains(QLatin1String("SIGCHLD")));
    }

    void timelineClickSelectsTableRow() {
        MainWindow w;
        openInWindow(w, m_trace);
        const TraceStore& store = w.session()->store();
        const qint64 futex = findEvent(store, 101, 202);
        auto* canvas = w.timelineView()->canvas();
        // Zoom so that the 50 µs futex is many pixels wide.
        canvas->axis().setVisibleRange(kBase, kBase + 200'000);
        const QPoint p = eventPoint(canvas, store, std::size_t(futex));
        QCOMPARE(canvas->eventAt(p).value_or(9999), std::size_t(futex));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, p);
        QCOMPARE(w.selection()->selectedEvent(), futex);
        const int row = w.tableView()->model()->rowOfEvent(quint64(futex));
        QCOMPARE(w.tableView()->table()->currentIndex().row(), row);
        // A click on empty lane space clears the selection.
        QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(canvas->width() - 3, p.y()));
        QCOMPARE(w.selection()->selectedEvent(), qint64(-1));
    }

    void rangeSelectionFiltersTableAndStatistics() {
        MainWindow w;
        openInWindow(w, m_trace);
        const TraceStore& store = w.session()->store();
        auto* canvas = w.timelineView()->canvas();
        canvas->axis().setVisibleRange(kBase, kBase + 200'000);
        canvas->update();
        // Drag in the ruler from +1800 ns to +65000 ns.
        const auto xOf = [&](TimeNs t) {
            return int(std::lround(canvas->labelWidth() + canvas->axis().mapTimeToX(kBase + t)));
        };
        const int y = canvas->rulerHeight() / 2;
        QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(xOf(1800), y));
        QTest::mouseMove(canvas, QPoint(xOf(30000), y));
        QTest::mouseMove(canvas, QPoint(xOf(65000), y));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(xOf(65000), y));
        const TimeRange range = w.selection()->range();
        QVERIFY(range.isValid());
        QVERIFY(std::llabs(range.start - (kBase + 1800)) <= 400);
        QVERIFY(std::llabs(range.end - (kBase + 65000)) <= 400);

        // Expected: every event overlapping the range.
        int expected = 0;
        for (std::size_t i = 0; i < store.eventCount(); ++i) {
            const bool unfinished = store.flags(i) & EventFlag::Unfinished;
            const TimeNs exit = unfinished ? store.enterTime(i) : store.exitTime(i);
            expected += range.overlaps(store.enterTime(i), exit) ? 1 : 0;
        }
        // futex, read, close, openat(/nope), clock_nanosleep, execve, write.
        QCOMPARE(expected, 7);
        QCOMPARE(w.tableView()->model()->rowCount(), expected);
        w.statisticsView()->recompute();
        const TraceStatistics& stats = w.statisticsView()->model()->statistics();
        QCOMPARE(int(stats.events), expected);
        QCOMPARE(w.statisticsView()->model()->rowCount(), 7); // one row per syscall name
    }

    void showAllTimesRestoresEverything() {
        MainWindow w;
        openInWindow(w, m_trace);
        w.selection()->setRange({kBase + 1800, kBase + 3050});
        QCOMPARE(w.tableView()->model()->rowCount(), 3);
        QPushButton* showAll = w.findChild<QPushButton*>(QStringLiteral("showAllTimes"));
        QVERIFY(showAll);
        QVERIFY(showAll->isVisible());
        QTest::mouseClick(showAll, Qt::LeftButton);
        QVERIFY(!w.selection()->range().isValid());
        QVERIFY(!showAll->isVisible());
        QCOMPARE(w.tableView()->model()->rowCount(), syntheticEventCount());
    }

    void recordedThreadsProgram() {
        const QString path = m_dir.filePath(QStringLiteral("threads.syscope"));
        QString error;
        QVERIFY2(recordProgram(
                     path, {QStringLiteral(SYSCOPE_TEST_PROGRAMS_DIR) + QStringLiteral("/threads")},
                     &error),
                 qPrintable(error));
        MainWindow w;
        openInWindow(w, path);
        // One process, its main thread and 4 workers.
        const auto& layout = w.timelineView()->canvas()->layout();
        QCOMPARE(int(layout.laneCount()), 5);
        QCOMPARE(int(layout.rows().size()), 6);
        QCOMPARE(layout.rows()[0].kind, TimelineRow::Kind::Process);
        w.statisticsView()->recompute();
        const auto& stats = w.statisticsView()->model()->statistics();
        std::uint64_t getppid = 0;
        for (const auto& s : stats.syscalls) {
            if (s.name == "getppid") {
                getppid = s.calls;
            }
        }
        QCOMPARE(getppid, std::uint64_t(410));
        // Filter to getppid: the table shows exactly those.
        EventFilter f;
        QString problem;
        QVERIFY(f.setSyscalls(QStringLiteral("getppid"), &problem));
        w.selection()->setFilter(f);
        QCOMPARE(w.tableView()->model()->rowCount(), 410);
    }

    void pictureExports_data() {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("svg") << QStringLiteral("svg");
        QTest::newRow("pdf") << QStringLiteral("pdf");
    }
    void pictureExports() {
        QFETCH(QString, suffix);
        MainWindow w;
        openInWindow(w, m_trace);
        const QString out = m_dir.filePath(QStringLiteral("timeline.") + suffix);
        QString error;
        QVERIFY2(exportPicture(
                     out, QSize(900, 400),
                     [&](QPainter& p, const QRect& r) { w.timelineView()->renderForExport(p, r); },
                     &error),
                 qPrintable(error));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(64);
        if (suffix == QLatin1String("png")) {
            QImage image(out);
            QCOMPARE(image.size(), QSize(1800, 800)); // twice the size, for slides
        } else if (suffix == QLatin1String("svg")) {
            QVERIFY(head.contains("<?xml") || head.contains("<svg"));
        } else {
            QVERIFY(head.startsWith("%PDF"));
        }
        QVERIFY(!exportPicture(
            m_dir.filePath(QStringLiteral("x.bmpx")), QSize(10, 10), [](QPainter&, const QRect&) {},
            &error));
    }

    void screenshot_data() {
        QTest::addColumn<QString>("view");
        QTest::newRow("timeline") << QStringLiteral("timeline");
        QTest::newRow("table") << QStringLiteral("table");
        QTest::newRow("stats") << QStringLiteral("stats");
    }
    void screenshot() {
        QFETCH(QString, view);
        ScreenshotRequest request;
        request.output = m_dir.filePath(view + QStringLiteral(".png"));
        request.view = view;
        request.size = parseSize(QStringLiteral("1000x640"));
        request.trace = m_trace;
        QCOMPARE(takeScreenshot(request), 0);
        QImage image(request.output);
        QCOMPARE(image.size(), QSize(1000, 640));
    }

    void attachDialogListsWhatCanBeTraced() {
        QProcess sleeper;
        sleeper.start(QStringLiteral(SYSCOPE_TEST_PROGRAMS_DIR "/sleeper"), {});
        QVERIFY(sleeper.waitForReadyRead(5000));
        const qint64 pid = sleeper.readLine().trimmed().toLongLong();
        AttachDialog dialog;
        // Root needs no pkexec: the choice is not offered.
        QCOMPARE(dialog.elevateBox()->isVisibleTo(&dialog), RecorderProcess::canElevate());
        dialog.setSearchText(QString::number(pid));
        QVERIFY(dialog.proxy()->rowCount() >= 1);
        QModelIndex row;
        for (int r = 0; r < dialog.proxy()->rowCount(); ++r) {
            const QModelIndex i = dialog.proxy()->index(r, AttachDialog::PidColumn);
            if (i.data(Qt::UserRole).toLongLong() == pid) {
                row = i;
            }
        }
        QVERIFY(row.isValid());
        QCOMPARE(dialog.proxy()->index(row.row(), AttachDialog::StatusColumn).data().toString(),
                 QStringLiteral("yes"));
        auto* view = dialog.findChild<QTreeView*>();
        QVERIFY(view);
        view->setCurrentIndex(row);
        QCOMPARE(dialog.selectedPid(), pid);
        // A kernel thread is listed with its reason and cannot be chosen.
        dialog.setSearchText(QStringLiteral("kthreadd"));
        if (dialog.proxy()->rowCount() > 0) {
            const QModelIndex k = dialog.proxy()->index(0, AttachDialog::StatusColumn);
            QVERIFY2(k.data().toString().contains(QLatin1String("kernel thread")),
                     qPrintable(k.data().toString()));
            view->setCurrentIndex(k);
            QCOMPARE(dialog.selectedPid(), qint64(0));
        }
        // Asking for administrator rights re-evaluates the list; as root nothing changes.
        const int before = dialog.model()->rowCount();
        dialog.setElevated(true);
        QVERIFY(dialog.elevated());
        QVERIFY(std::abs(dialog.model()->rowCount() - before) < 50); // processes come and go
        sleeper.kill();
        sleeper.waitForFinished(5000);
    }

    void screenshotErrors() {
        ScreenshotRequest request;
        request.output = m_dir.filePath(QStringLiteral("bad.png"));
        request.trace = m_trace;
        request.view = QStringLiteral("no-such-view");
        QCOMPARE(takeScreenshot(request), 1);
        request.view = QStringLiteral("table");
        request.select = 12; // the synthetic trace has 12 events
        QCOMPARE(takeScreenshot(request), 1);
        request.select = 11;
        QCOMPARE(takeScreenshot(request), 0);
        request.select = -1;
        request.view = QStringLiteral("timeline");
        request.trace = m_dir.filePath(QStringLiteral("missing.syscope"));
        QCOMPARE(takeScreenshot(request), 1);
        QVERIFY(parseSize(QStringLiteral("12x")).isEmpty());
        QVERIFY(parseSize(QStringLiteral("100000x100")).isEmpty());
        QCOMPARE(parseSize(QStringLiteral("1280x720")), QSize(1280, 720));
    }

    void garbageFileGivesAMessage() {
        const QString path = m_dir.filePath(QStringLiteral("garbage.syscope"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x89SYSCOPE\x01\x00\x00\x00garbage garbage", 24));
        f.close();
        MainWindow w;
        w.setAttribute(Qt::WA_DontShowOnScreen);
        w.show();
        w.openFile(path);
        QVERIFY(w.session()->waitUntilLoaded(30000));
        QTRY_VERIFY(!w.lastMessage().isEmpty());
        QVERIFY2(w.lastMessage().contains(path), qPrintable(w.lastMessage()));
    }
};

QTEST_MAIN(TestGuiWindow)
#include "tst_gui_window.moc"
