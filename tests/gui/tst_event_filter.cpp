// The filter logic: EventFilter conditions one by one and combined, duration parsing, and
// FilteredEvents (filter + time range) including incremental updates of a growing trace.
#include "GuiTestUtil.h"
#include "SelectionState.h"
#include "TraceSession.h"
#include "models/EventFilter.h"
#include "models/FilteredEvents.h"
#include "trace/TraceStore.h"
#include "trace/TraceWriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace syscope;
using namespace syscope::gui;
using namespace syscope::guitest;

namespace {

TraceStore syntheticStore(int extra = 0) {
    TraceStore store;
    for (const auto& b : syntheticTrace(extra)) {
        store.append(b);
    }
    return store;
}

// Names of the matching events, in store order.
QStringList matching(const TraceStore& store, const EventFilter& f) {
    QStringList names;
    for (std::size_t i = 0; i < store.eventCount(); ++i) {
        if (f.matches(store, i)) {
            names << QStringLiteral("%1:%2").arg(store.tid(i)).arg(store.nr(i));
        }
    }
    return names;
}

} // namespace

class TestEventFilter : public QObject {
    Q_OBJECT
private slots:
    void conditions_data() {
        QTest::addColumn<QString>("syscalls");
        QTest::addColumn<bool>("failedOnly");
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minDuration");
        QTest::addColumn<QStringList>("expected"); // tid:nr
        const QStringList all =
            strings({"100:257", "101:202", "100:0", "100:3", "100:257", "100:230", "200:59",
                     "101:1", "101:110", "200:12", "200:231", "100:231"});
        QTest::newRow("empty filter") << QString() << false << 0 << QString() << 0LL << all;
        QTest::newRow("names") << QStringLiteral("openat,close") << false << 0 << QString() << 0LL
                               << strings({"100:257", "100:3", "100:257"});
        QTest::newRow("class %file") << QStringLiteral("%file") << false << 0 << QString() << 0LL
                                     << strings({"100:257", "100:257", "200:59"});
        QTest::newRow("negated class")
            << QStringLiteral("!%desc") << false << 0 << QString() << 0LL
            << strings({"101:202", "100:230", "200:59", "101:110", "200:12", "200:231", "100:231"});
        QTest::newRow("failed only")
            << QString() << true << 0 << QString() << 0LL << strings({"100:257"});
        QTest::newRow("pid selects its threads") << QString() << false << 200 << QString() << 0LL
                                                 << strings({"200:59", "200:12", "200:231"});
        QTest::newRow("tid selects one thread") << QString() << false << 101 << QString() << 0LL
                                                << strings({"101:202", "101:1", "101:110"});
        QTest::newRow("text in a path")
            << QString() << false << 0 << QStringLiteral("host") << 0LL << strings({"100:257"});
        QTest::newRow("text in execve's path")
            << QString() << false << 0 << QStringLiteral("/bin/") << 0LL << strings({"200:59"});
        QTest::newRow("text is case-sensitive")
            << QString() << false << 0 << QStringLiteral("HOST") << 0LL << QStringList{};
        QTest::newRow("min duration excludes unfinished")
            << QString() << false << 0 << QString() << 50'000LL
            << strings({"101:202", "100:230", "200:59"});
        QTest::newRow("combined: %file and failed")
            << QStringLiteral("%file") << true << 0 << QString() << 0LL << strings({"100:257"});
        QTest::newRow("combined: process and duration")
            << QString() << false << 100 << QString() << 300LL
            << strings({"100:257", "101:202", "100:0", "100:230", "101:1"});
    }
    void conditions() {
        QFETCH(QString, syscalls);
        QFETCH(bool, failedOnly);
        QFETCH(int, id);
        QFETCH(QString, text);
        QFETCH(qint64, minDuration);
        QFETCH(QStringList, expected);
        const TraceStore store = syntheticStore();
        EventFilter f;
        QString error;
        QVERIFY2(f.setSyscalls(syscalls, &error), qPrintable(error));
        f.setFailedOnly(failedOnly);
        f.setPidOrTid(id);
        f.setText(text);
        f.setMinDuration(minDuration);
        QCOMPARE(f.isEmpty(), syscalls.isEmpty() && !failedOnly && id == 0 && text.isEmpty() &&
                                  minDuration == 0);
        QCOMPARE(matching(store, f), expected);
    }

    void badSyscallSetIsRejected() {
        EventFilter f;
        QString error;
        QVERIFY(f.setSyscalls(QStringLiteral("openat"), &error));
        QVERIFY(!f.setSyscalls(QStringLiteral("no_such_call"), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(f.syscallsText(), QStringLiteral("openat")); // unchanged
        QVERIFY(f.setSyscalls(QStringLiteral("  "), &error));
        QVERIFY(f.isEmpty());
    }

    void vdsoEventsAndSyscallSets() {
        TraceStore store;
        EventBatch b;
        SyscallEvent e;
        e.pid = e.tid = 1;
        e.nr = 0; // VdsoFunction::ClockGettime, not read(2)
        e.flags = EventFlag::Vdso;
        e.enter = 10;
        e.exit = 20;
        b.events.push_back(e);
        store.append(b);
        EventFilter f;
        QString error;
        QVERIFY(f.setSyscalls(QStringLiteral("read"), &error));
        QVERIFY(!f.matches(store, 0));
        QVERIFY(EventFilter().matches(store, 0));
    }

    void parseDuration_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns"); // -1: invalid
        QTest::newRow("ms") << QStringLiteral("1ms") << 1'000'000LL;
        QTest::newRow("spaced decimal") << QStringLiteral(" 1.5 ms ") << 1'500'000LL;
        QTest::newRow("us") << QStringLiteral("250us") << 250'000LL;
        QTest::newRow("µs") << QStringLiteral("250µs") << 250'000LL;
        QTest::newRow("s") << QStringLiteral("2s") << 2'000'000'000LL;
        QTest::newRow("ns") << QStringLiteral("800ns") << 800LL;
        QTest::newRow("plain is ms") << QStringLiteral("3") << 3'000'000LL;
        QTest::newRow("upper case") << QStringLiteral("2MS") << 2'000'000LL;
        QTest::newRow("negative") << QStringLiteral("-1ms") << -1LL;
        QTest::newRow("garbage") << QStringLiteral("fast") << -1LL;
        QTest::newRow("empty") << QString() << -1LL;
        QTest::newRow("overflow") << QStringLiteral("1e30s") << -1LL;
    }
    void parseDuration() {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        const auto parsed = EventFilter::parseDuration(text);
        QCOMPARE(parsed.has_value(), ns >= 0);
        if (parsed) {
            QCOMPARE(*parsed, ns);
        }
    }

    void describe() {
        EventFilter f;
        QVERIFY(f.describe().isEmpty());
        QString error;
        QVERIFY(f.setSyscalls(QStringLiteral("%file"), &error));
        f.setFailedOnly(true);
        f.setMinDuration(1'000'000);
        QCOMPARE(f.describe(), QStringLiteral("%file, failed only, ≥ 1.00 ms"));
    }

    // FilteredEvents over a session: range and filter, entry-time order, row lookup.
    void filteredEventsRangeAndFilter() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.syscope"));
        QVERIFY(writeTrace(path, syntheticTrace()));
        TraceSession session;
        SelectionState selection;
        FilteredEvents events(&session, &selection);
        session.openFile(path);
        QVERIFY(session.waitUntilLoaded(30000));
        QCOMPARE(session.state(), TraceSession::State::Ready);
        QCOMPARE(int(events.size()), syntheticEventCount());
        // Entry-time order, whatever the append order.
        for (std::size_t r = 1; r < events.size(); ++r) {
            QVERIFY(session.store().enterTime(events.at(r - 1)) <=
                    session.store().enterTime(events.at(r)));
        }
        for (std::size_t r = 0; r < events.size(); ++r) {
            QCOMPARE(events.rowOf(events.at(r)).value_or(9999), r);
        }

        QSignalSpy resets(&events, &FilteredEvents::resetDone);
        // [kBase+1800, kBase+3050): the futex (1500..51500) overlaps, read at 2000, close at 3000.
        selection.setRange({kBase + 1800, kBase + 3050});
        QCOMPARE(resets.count(), 1);
        QStringList inRange;
        for (std::size_t r = 0; r < events.size(); ++r) {
            inRange << QString::number(session.store().nr(events.at(r)));
        }
        QCOMPARE(inRange, (strings({"202", "0", "3"})));

        EventFilter f;
        f.setPidOrTid(101);
        selection.setFilter(f);
        QCOMPARE(int(events.size()), 1); // the futex of thread 101
        // An event that the filter hides has no row.
        QVERIFY(!events.rowOf(2).has_value());
        selection.clearRange();
        QCOMPARE(int(events.size()), 3); // every call of thread 101
        selection.setFilter(EventFilter());
        QCOMPARE(int(events.size()), syntheticEventCount());
    }

    // A growing (live) file: newcomers are inserted in entry-time order, also when a long call
    // that started earlier returns later.
    void filteredEventsGrowLive() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.syscope"));
        std::string error;
        auto writer = TraceWriter::create(path.toStdString(), syntheticMetadata(), &error);
        QVERIFY(writer);
        TraceSession session;
        SelectionState selection;
        FilteredEvents events(&session, &selection);
        QSignalSpy inserted(&events, &FilteredEvents::inserted);
        session.followLiveFile(path);

        const auto batches = syntheticTrace(20);
        std::size_t expected = 0;
        for (const auto& b : batches) {
            writer->consume(b);
            writer->flush();
            expected += b.events.size();
            // Shown while the file is still open for writing.
            QTRY_COMPARE_WITH_TIMEOUT(session.store().eventCount(), expected, 5000);
            QCOMPARE(events.size(), expected);
            QCOMPARE(session.state(), TraceSession::State::Live);
        }
        // An event that entered long before the last ones (a blocking read that returns now).
        EventBatch late;
        SyscallEvent e;
        e.pid = 100;
        e.tid = 101;
        e.nr = 0;
        e.enter = kBase + 65'000;
        e.exit = kBase + 9'000'000;
        e.ret = 1;
        late.events.push_back(e);
        writer->consume(late);
        QVERIFY(writer->close(&error));
        session.finishLive();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TraceSession::State::Ready, 10000);
        QCOMPARE(int(events.size()), syntheticEventCount(20) + 1);
        QVERIFY(inserted.count() >= 2);
        for (std::size_t r = 1; r < events.size(); ++r) {
            const TimeNs a = session.store().enterTime(events.at(r - 1));
            const TimeNs b = session.store().enterTime(events.at(r));
            QVERIFY2(a < b || (a == b && events.at(r - 1) < events.at(r)),
                     qPrintable(QStringLiteral("row %1").arg(r)));
        }
    }
};

QTEST_GUILESS_MAIN(TestEventFilter)
#include "tst_event_filter.moc"
