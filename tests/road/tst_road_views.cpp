// The syscall table model (QAbstractItemModelTester, rows against <asm/unistd_64.h> and
// <asm/unistd_32.h>), the search proxy, live call and error counts from a trace, the
// double-click filter, and the road view following the selected event and rendering it.
#include "SelectionState.h"
#include "TraceSession.h"
#include "road/KernelFacts.h"
#include "road/RoadFocus.h"
#include "road/RoadPainter.h"
#include "road/RoadView.h"
#include "road/SyscallTableModel.h"
#include "road/SyscallTableView.h"
#include "syscalls/SyscallTable.h"
#include "trace/TraceWriter.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <tuple>

using namespace syscope;
using namespace syscope::gui;
using namespace syscope::gui::road;

namespace {

// __NR_name -> number from one of the kernel's unistd headers.
std::map<int, QString> headerNumbers(const QString& file) {
    QFile f(QStringLiteral("/usr/include/x86_64-linux-gnu/asm/") + file);
    std::map<int, QString> out;
    if (!f.open(QIODevice::ReadOnly)) {
        return out;
    }
    static const QRegularExpression re(QStringLiteral("^#define __NR_(\\w+)\\s+(\\d+)\\s*$"));
    for (const QByteArray& line : f.readAll().split('\n')) {
        const auto m = re.match(QString::fromLatin1(line));
        if (m.hasMatch()) {
            out[m.captured(2).toInt()] = m.captured(1);
        }
    }
    return out;
}

SyscallEvent ev(TimeNs t, int nr, std::int64_t ret, std::array<std::uint64_t, 6> args = {},
                std::uint8_t flags = 0) {
    SyscallEvent e;
    e.enter = t;
    e.exit = t + 500;
    e.pid = 300;
    e.tid = 300;
    e.nr = nr;
    e.args = args;
    e.ret = ret;
    e.flags = flags;
    return e;
}

// One process: two openat (one fails), read, close, a vDSO clock_gettime, exit_group.
bool writeSampleTrace(const QString& path) {
    EventBatch b;
    ProcessEvent start;
    start.time = 1000;
    start.kind = ProcessEventKind::Start;
    start.pid = start.tid = 300;
    start.comm = "cat";
    start.exe = "/usr/bin/cat";
    start.argv = {"cat", "/etc/hostname"};
    b.processEvents.push_back(start);
    MapsSnapshot maps;
    maps.time = 1000;
    maps.pid = 300;
    maps.entries.push_back({0x555500002000, 0x555500007000, 0x2000, 7, 8, 1,
                            MapPerm::Read | MapPerm::Exec, "/usr/bin/cat"});
    maps.entries.push_back({0x7f0000028000, 0x7f00001bd000, 0x28000, 8, 8, 1,
                            MapPerm::Read | MapPerm::Exec, "/usr/lib/x86_64-linux-gnu/libc.so.6"});
    maps.entries.push_back(
        {0x7ffc00010000, 0x7ffc00012000, 0, 0, 0, 0, MapPerm::Read | MapPerm::Exec, "[vdso]"});
    b.maps.push_back(maps);
    AuxvSnapshot auxv;
    auxv.time = 1000;
    auxv.pid = 300;
    auxv.entries = {{33, 0x7ffc00010000}};
    b.auxv.push_back(auxv);
    const std::uint64_t atFdcwd = std::uint64_t(-100);
    b.events.push_back(ev(2000, 257, -2, {atFdcwd, 0x1000, 0x80000}));
    b.events.push_back(ev(3000, 257, 3, {atFdcwd, 0x2000, 0x80000}));
    b.events.push_back(ev(4000, 0, 10, {3, 0x3000, 4096}));
    b.events.push_back(ev(5000, 3, 0, {3}));
    b.events.push_back(ev(6000, int(VdsoFunction::ClockGettime), 0, {1, 0x4000}, EventFlag::Vdso));
    b.events.push_back(ev(7000, 231, 0, {0}, EventFlag::Unfinished));
    b.strings.push_back({0, 1, false, "/nope"});
    b.strings.push_back({1, 1, false, "/etc/hostname"});
    std::string error;
    TraceMetadata meta;
    meta.command = {"cat", "/etc/hostname"};
    auto w = TraceWriter::create(path.toStdString(), meta, &error);
    if (!w) {
        return false;
    }
    w->consume(b);
    return w->close(&error);
}

int proxyRowOf(const QSortFilterProxyModel* proxy, int nr) {
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, 0).data(SyscallTableModel::NumberRole).toInt() == nr) {
            return r;
        }
    }
    return -1;
}

} // namespace

class TestRoadViews : public QObject {
    Q_OBJECT
private slots:
    void modelAgreesWithHeaders_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<QString>("header");
        QTest::newRow("x86_64") << int(Arch::X86_64) << QStringLiteral("unistd_64.h");
        QTest::newRow("i386") << int(Arch::I386) << QStringLiteral("unistd_32.h");
    }
    void modelAgreesWithHeaders() {
        QFETCH(int, arch);
        QFETCH(QString, header);
        const auto numbers = headerNumbers(header);
        if (numbers.empty()) {
            QSKIP("kernel headers not installed");
        }
        SyscallTableModel model(nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setArch(Arch(arch));
        // Every number of the header is a row with the header's name; rows beyond the header's
        // last number are syscalls newer than the build machine's headers.
        const int headerMax = numbers.rbegin()->first;
        for (const auto& [nr, name] : numbers) {
            const int r = model.rowOfNumber(nr);
            QVERIFY2(r >= 0, qPrintable(name));
            QCOMPARE(model.index(r, SyscallTableModel::Name).data().toString(), name);
        }
        for (int r = 0; r < model.rowCount(); ++r) {
            const int nr = model.index(r, SyscallTableModel::Number).data().toInt();
            QVERIFY2(numbers.count(nr) || nr > headerMax, qPrintable(QString::number(nr)));
            QCOMPARE(model.numberAt(r), nr);
            QVERIFY(!model.index(r, SyscallTableModel::Handler).data().toString().isEmpty());
            QVERIFY(!model.index(r, SyscallTableModel::Glibc).data().toString().isEmpty());
        }
        // No trace: the count columns are blank.
        QVERIFY(!model.index(0, SyscallTableModel::Calls).data().isValid());
        model.setCounts({5, 0, 1}, {1, 0, 0});
        QCOMPARE(model.index(model.rowOfNumber(0), SyscallTableModel::Calls).data().toULongLong(),
                 5ull);
        QCOMPARE(model.index(model.rowOfNumber(0), SyscallTableModel::Errors).data().toULongLong(),
                 1ull);
        model.setCounts({}, {});
        QVERIFY(!model.hasCounts());
    }

    void openatRow() {
        SyscallTableModel model(nullptr);
        const int row = model.rowOfNumber(257);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, SyscallTableModel::Name).data().toString(),
                 QStringLiteral("openat"));
        QCOMPARE(model.index(row, SyscallTableModel::Arguments).data().toString(),
                 QStringLiteral("dirfd, path, flags(%1), mode")
                     .arg(QLatin1String(flagSetName(FlagSet::OpenFlags))));
        QCOMPARE(model.index(row, SyscallTableModel::Category).data().toString(),
                 QStringLiteral("file"));
        QVERIFY(model.index(row, SyscallTableModel::Glibc)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("open, openat, fopen")));
        QCOMPARE(model.index(row, SyscallTableModel::Handler).data().toString(),
                 QStringLiteral("__x64_sys_openat"));
        QCOMPARE(model.index(row, SyscallTableModel::Address).data().toString(),
                 QStringLiteral("unreadable"));
    }

    void search_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("mustHave");
        QTest::addColumn<int>("mustNotHave");
        QTest::addColumn<int>("maxRows");
        QTest::newRow("name") << QByteArray("openat") << 257 << 0 << 5;
        QTest::newRow("number") << QByteArray("257") << 257 << 2 << 1;
        QTest::newRow("hex number") << QByteArray("0x101") << 257 << 2 << 1;
        QTest::newRow("category") << QByteArray("network") << 41 << 257 << 100;
        QTest::newRow("strace class") << QByteArray("%file") << 257 << 41 << 200;
        QTest::newRow("two words") << QByteArray("open file") << 2 << 0 << 10;
    }
    void search() {
        QFETCH(QByteArray, text);
        QFETCH(int, mustHave);
        QFETCH(int, mustNotHave);
        QFETCH(int, maxRows);
        SyscallTableModel model(nullptr);
        SyscallSearchProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSearch(QString::fromLatin1(text));
        QVERIFY(proxyRowOf(&proxy, mustHave) >= 0);
        QCOMPARE(proxyRowOf(&proxy, mustNotHave), -1);
        QVERIFY2(proxy.rowCount() <= maxRows, qPrintable(QString::number(proxy.rowCount())));
        proxy.setSearch(QString());
        QCOMPARE(proxy.rowCount(), model.rowCount());
    }

    void countsFilterAndRoad() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("road.syscope"));
        QVERIFY(writeSampleTrace(path));
        TraceSession session;
        SelectionState selection;
        RoadFocus focus;
        int shown = 0;
        SyscallTableView table(&session, &selection, &focus, [&shown] { ++shown; });
        RoadView road(&session, &selection, &focus);
        QAbstractItemModelTester tester(table.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Both views do their work when visible (the road reads /proc/kallsyms on first show).
        road.resize(1100, 640);
        road.show();
        QVERIFY(QTest::qWaitForWindowExposed(&road));
        session.openFile(path);
        QVERIFY(session.waitUntilLoaded(30000));
        QCOMPARE(session.store().eventCount(), std::size_t(6));
        table.updateCounts();
        SyscallTableModel* model = table.model();
        const int openatRow = model->rowOfNumber(257);
        QCOMPARE(model->index(openatRow, SyscallTableModel::Calls).data().toULongLong(), 2ull);
        QCOMPARE(model->index(openatRow, SyscallTableModel::Errors).data().toULongLong(), 1ull);
        // The vDSO event is not a syscall: clock_gettime (228) counts nothing.
        QCOMPARE(
            model->index(model->rowOfNumber(228), SyscallTableModel::Calls).data().toULongLong(),
            0ull);

        // Default road: the program's first openat of a non-library file (here the failing one).
        road.refresh();
        QCOMPARE(road.shownEvent(), qint64(0));
        QCOMPARE(road.road().name, std::string("openat"));
        QCOMPARE(road.road().steps.back().kind, RoadStepKind::Errno);

        // Selecting the successful call shows its road, with the program from the trace.
        selection.setSelectedEvent(1);
        road.refresh();
        QCOMPARE(road.shownEvent(), qint64(1));
        QVERIFY(road.road().call.find("/etc/hostname") != std::string::npos);
        QCOMPARE(road.road().steps.front().symbol, std::string("cat"));
        QCOMPARE(road.road().steps.back().kind, RoadStepKind::Result);

        // The vDSO call takes the short road, with the vDSO base from the trace's auxv.
        selection.setSelectedEvent(4);
        road.refresh();
        QVERIFY(road.road().vdso);
        bool sawBase = false;
        for (const auto& s : road.road().steps) {
            for (const auto& l : s.lines) {
                sawBase = sawBase || l.find("0x7ffc00010000") != std::string::npos;
            }
        }
        QVERIFY(sawBase);

        // A click in the table shows that syscall's road from the table.
        table.resize(1200, 700);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        {
            // Shown: the handler addresses of this boot (or the plain reason they are missing).
            const QString address =
                model->index(openatRow, SyscallTableModel::Address).data().toString();
            const Kallsyms* ks = KernelFacts::get().symbols();
            if (!ks) {
                QCOMPARE(address, QStringLiteral("unreadable"));
            } else if (ks->addressesHidden()) {
                QCOMPARE(address, QStringLiteral("hidden"));
            } else {
                QVERIFY2(address.startsWith(QStringLiteral("0xffffffff")), qPrintable(address));
            }
        }
        table.searchField()->setText(QStringLiteral("close"));
        const int closeRow = proxyRowOf(table.proxy(), 3);
        QVERIFY(closeRow >= 0);
        QTest::mouseClick(table.table()->viewport(), Qt::LeftButton, {},
                          table.table()->visualRect(table.proxy()->index(closeRow, 1)).center());
        QCOMPARE(focus.nr(), 3);
        QCOMPARE(road.road().name, std::string("close"));
        QVERIFY(!road.road().fromEvent);

        // A double-click filters the trace to it.
        table.filterTraceTo(closeRow);
        QCOMPARE(selection.filter().syscallsText(), QStringLiteral("close"));
        QCOMPARE(shown, 1);

        // Rendering: something is drawn, at a small and a projector size, on a light and a
        // dark palette. SYSCOPE_ROAD_PICTURES=DIR keeps the pictures for a human to look at.
        const QString keep = qEnvironmentVariable("SYSCOPE_ROAD_PICTURES");
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(30, 30, 34));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::Highlight, QColor(80, 150, 240));
        const SyscallRoad closeRoad = road.road();
        const SyscallRoad vdsoRoad = [&] {
            selection.setSelectedEvent(-1);
            selection.setSelectedEvent(4);
            road.refresh();
            return road.road();
        }();
        QVERIFY(vdsoRoad.vdso);
        selection.setSelectedEvent(0);
        road.refresh();
        const SyscallRoad failedRoad = road.road();
        // Lecture mode scales the application font by 1.75: the picture must still fit.
        for (const auto& [name, r, pal, scale] :
             {std::tuple{"vdso-dark", vdsoRoad, dark, 1.0},
              std::tuple{"close-table", closeRoad, road.palette(), 1.0},
              std::tuple{"enoent-lecture", failedRoad, road.palette(), 1.75}}) {
            QImage image(QSize(1280, 720), QImage::Format_ARGB32);
            QPainter p(&image);
            paintRoad(p, QRectF(image.rect()), r, RoadPaintOptions{pal, scale});
            p.end();
            QVERIFY(image.pixel(5, 5) == pal.color(QPalette::Base).rgb());
            if (!keep.isEmpty()) {
                image.save(keep + QStringLiteral("/road-") + QLatin1String(name) +
                           QStringLiteral(".png"));
            }
        }
        for (QSize size : {QSize(640, 420), QSize(1280, 720), QSize(1920, 1080)}) {
            QImage image(size, QImage::Format_ARGB32);
            image.fill(Qt::transparent);
            QPainter p(&image);
            paintRoad(p, QRectF(QPoint(0, 0), size), road.road(),
                      RoadPaintOptions{road.palette(), 1.0});
            p.end();
            QSet<QRgb> colours;
            for (int y = 0; y < size.height(); y += 7) {
                for (int x = 0; x < size.width(); x += 7) {
                    colours.insert(image.pixel(x, y));
                }
            }
            QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
        }
        session.close();
        QCOMPARE(model->index(openatRow, SyscallTableModel::Calls).data().isValid(), false);
    }

    void stepRectsDoNotOverlap() {
        SyscallEvent e = ev(0, 257, -2, {std::uint64_t(-100), 0x1000, 0});
        const SyscallRoad r = buildSyscallRoad(e, RoadInputs{});
        const QRectF area(0, 0, 1280, 720);
        const auto rects = roadStepRects(area, r);
        QCOMPARE(rects.size(), r.steps.size());
        for (std::size_t i = 0; i < rects.size(); ++i) {
            QVERIFY(area.contains(rects[i]));
            QVERIFY(rects[i].height() > 40);
            for (std::size_t j = i + 1; j < rects.size(); ++j) {
                QVERIFY2(!rects[i].intersects(rects[j]),
                         qPrintable(QStringLiteral("%1 %2").arg(i).arg(j)));
            }
        }
    }

    void registerValues() {
        QCOMPARE(registerValueText(257), QStringLiteral("257"));
        QCOMPARE(registerValueText(std::uint64_t(-2)), QStringLiteral("-2"));
        QCOMPARE(registerValueText(0x7ffd1234abcdull), QStringLiteral("0x7ffd1234abcd"));
    }
};

QTEST_MAIN(TestRoadViews)
#include "tst_road_views.moc"
