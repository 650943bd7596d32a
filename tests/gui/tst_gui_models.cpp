// The models under QAbstractItemModelTester: the event table over a loaded and over a growing
// trace (rows inserted live, filters resetting), and the statistics table; plus their contents.
#include "GuiTestUtil.h"
#include "SelectionState.h"
#include "TraceSession.h"
#include "models/EventTableModel.h"
#include "models/FilteredEvents.h"
#include "models/StatisticsModel.h"
#include "trace/TraceStore.h"
#include "trace/TraceWriter.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace syscope;
using namespace syscope::gui;
using namespace syscope::guitest;

class TestGuiModels : public QObject {
    Q_OBJECT
private slots:
    void eventTableContents() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.syscope"));
        QVERIFY(writeTrace(path, syntheticTrace()));
        TraceSession session;
        SelectionState selection;
        FilteredEvents events(&session, &selection);
        EventTableModel model(&events);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.openFile(path);
        QVERIFY(session.waitUntilLoaded(30000));
        QCOMPARE(model.rowCount(), syntheticEventCount());
        QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));

        const auto text = [&](int row, int column) {
            return model.data(model.index(row, column)).toString();
        };
        // Row 0 is the first call by entry time: openat at +1000 ns.
        QCOMPARE(text(0, EventTableModel::TimeColumn), QStringLiteral("0.000001"));
        QCOMPARE(text(0, EventTableModel::PidColumn), QStringLiteral("100"));
        QCOMPARE(text(0, EventTableModel::TidColumn), QStringLiteral("100"));
        QCOMPARE(text(0, EventTableModel::SyscallColumn), QStringLiteral("openat"));
        QCOMPARE(text(0, EventTableModel::ArgsColumn),
                 QStringLiteral("AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC"));
        QCOMPARE(text(0, EventTableModel::ResultColumn), QStringLiteral("3"));
        QCOMPARE(text(0, EventTableModel::DurationColumn), QStringLiteral("500 ns"));
        QCOMPARE(model.data(model.index(0, 0), Qt::ToolTipRole).toString(),
                 QStringLiteral("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC) = 3"));

        // The failed openat: errno by name, drawn in the failure colour.
        int failedRow = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (text(r, EventTableModel::ResultColumn).startsWith(QLatin1String("-1 ENOENT"))) {
                QCOMPARE(failedRow, -1);
                failedRow = r;
            }
        }
        QVERIFY(failedRow >= 0);
        QCOMPARE(text(failedRow, EventTableModel::ArgsColumn),
                 QStringLiteral("AT_FDCWD, \"/nope\", O_RDONLY"));
        QVERIFY(
            model.data(model.index(failedRow, EventTableModel::ResultColumn), Qt::ForegroundRole)
                .canConvert<QBrush>());
        QVERIFY(!model.data(model.index(0, EventTableModel::ResultColumn), Qt::ForegroundRole)
                     .isValid());
        // Unfinished calls: no duration, "?" as result.
        const int last = model.rowCount() - 1;
        QCOMPARE(text(last, EventTableModel::SyscallColumn), QStringLiteral("exit_group"));
        QCOMPARE(text(last, EventTableModel::ResultColumn), QStringLiteral("?"));
        QCOMPARE(text(last, EventTableModel::DurationColumn), QStringLiteral("unfinished"));

        // Event index <-> row.
        for (int r = 0; r < model.rowCount(); ++r) {
            const quint64 e =
                model.data(model.index(r, 0), EventTableModel::EventIndexRole).toULongLong();
            QCOMPARE(model.eventAt(r), e);
            QCOMPARE(model.rowOfEvent(e), r);
        }

        // A filter resets the model; the tester checks the signals.
        EventFilter f;
        f.setFailedOnly(true);
        selection.setFilter(f);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(text(0, EventTableModel::SyscallColumn), QStringLiteral("openat"));
        selection.setFilter(EventFilter());
        QCOMPARE(model.rowCount(), syntheticEventCount());
    }

    void eventTableGrowsLive() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.syscope"));
        std::string error;
        auto writer = TraceWriter::create(path.toStdString(), syntheticMetadata(), &error);
        QVERIFY(writer);
        TraceSession session;
        SelectionState selection;
        FilteredEvents events(&session, &selection);
        EventTableModel model(&events);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.followLiveFile(path);
        int expected = 0;
        for (const auto& b : syntheticTrace(12000)) {
            writer->consume(b);
            writer->flush();
            expected += int(b.events.size());
            QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), expected, 10000);
        }
        QVERIFY(writer->close(&error));
        session.finishLive();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TraceSession::State::Ready, 10000);
        QCOMPARE(model.rowCount(), syntheticEventCount(12000));
    }

    void statisticsModel() {
        TraceStore store;
        for (const auto& b : syntheticTrace(3)) {
            store.append(b);
        }
        StatisticsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.resetData(computeStatistics(store));
        // openat, futex, read, close, clock_nanosleep, execve, write, getppid, brk, exit_group
        QCOMPARE(model.rowCount(), 10);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(StatisticsModel::SortRole);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(StatisticsModel::TotalColumn, Qt::DescendingOrder);
        const auto cell = [&](int row, int column) {
            return proxy.data(proxy.index(row, column)).toString();
        };
        // clock_nanosleep (1 ms) took the most time, then execve (100 µs), futex (50 µs).
        QCOMPARE(cell(0, StatisticsModel::SyscallColumn), QStringLiteral("clock_nanosleep"));
        QCOMPARE(cell(1, StatisticsModel::SyscallColumn), QStringLiteral("execve"));
        QCOMPARE(cell(2, StatisticsModel::SyscallColumn), QStringLiteral("futex"));
        QCOMPARE(cell(0, StatisticsModel::TotalColumn), QStringLiteral("1.00 ms"));
        proxy.sort(StatisticsModel::CallsColumn, Qt::DescendingOrder);
        QCOMPARE(cell(0, StatisticsModel::SyscallColumn), QStringLiteral("getppid"));
        QCOMPARE(cell(0, StatisticsModel::CallsColumn), QStringLiteral("4"));
        int openat = -1;
        int exitGroup = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString name = model.data(model.index(r, 0)).toString();
            openat = name == QLatin1String("openat") ? r : openat;
            exitGroup = name == QLatin1String("exit_group") ? r : exitGroup;
        }
        QVERIFY(openat >= 0 && exitGroup >= 0);
        const auto text = [&](int row, int column) {
            return model.data(model.index(row, column)).toString();
        };
        QCOMPARE(text(openat, StatisticsModel::CallsColumn), QStringLiteral("2"));
        QCOMPARE(text(openat, StatisticsModel::ErrorsColumn), QStringLiteral("1"));
        QCOMPARE(text(openat, StatisticsModel::MinColumn), QStringLiteral("200 ns"));
        QCOMPARE(text(openat, StatisticsModel::MaxColumn), QStringLiteral("500 ns"));
        QCOMPARE(text(exitGroup, StatisticsModel::UnfinishedColumn), QStringLiteral("2"));
        QCOMPARE(text(exitGroup, StatisticsModel::TotalColumn), QStringLiteral("–"));
        // Shares add up to 100 %.
        double share = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            share +=
                model.data(model.index(r, StatisticsModel::ShareColumn), StatisticsModel::SortRole)
                    .toDouble();
        }
        QVERIFY(qAbs(share - 100.0) < 1e-6);
        model.resetData({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestGuiModels)
#include "tst_gui_models.moc"
