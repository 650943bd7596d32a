// The columnar in-memory store: values survive, indexes are right, memory stays small.
#include "TraceTestUtil.h"

#include "trace/TraceReader.h"
#include "trace/TraceStore.h"
#include "trace/TraceWriter.h"

#include <QTest>
#include <random>

using namespace syscope;
using namespace syscope::testutil;

class TestTraceStore : public QObject {
    Q_OBJECT

private slots:
    void valuesSurvive() {
        TraceStore store;
        EventBatch all;
        for (int i = 0; i < 3; ++i) {
            EventBatch b = oddBatch(i);
            store.append(b);
            for (const auto& e : b.events) {
                all.events.push_back(e);
            }
        }
        QCOMPARE(store.eventCount(), all.events.size());
        for (std::size_t i = 0; i < all.events.size(); ++i) {
            const SyscallEvent e = store.event(i);
            QVERIFY2(sameEvent(e, all.events[i]),
                     (describe(e) + "\n" + describe(all.events[i])).c_str());
            QCOMPARE(store.ret(i), all.events[i].ret);
            QCOMPARE(store.nr(i), all.events[i].nr);
            QCOMPARE(store.duration(i),
                     all.events[i].unfinished() ? 0 : all.events[i].exit - all.events[i].enter);
        }
        // Strings of batch 1 (events 7.. of the store): per (event, arg).
        const std::size_t base = 7;
        auto s = store.string(base + 0, 1);
        QVERIFY(s);
        QCOMPARE(std::string(s->bytes), std::string("/etc/hostname"));
        QVERIFY(!s->truncated);
        s = store.string(base + 1, 1);
        QVERIFY(s && s->truncated && s->bytes.size() == 5000);
        s = store.string(base + 4, 0);
        QVERIFY(s);
        QCOMPARE(std::string(s->bytes), std::string("\xff\xfe\n\"\0", 5));
        s = store.string(base + 4, 5);
        QVERIFY(s && s->bytes.empty());
        QVERIFY(!store.string(base + 4, 1));
        QVERIFY(!store.string(base + 2, 0));
        QVERIFY(!store.string(9999, 0));
        // Interned: the same bytes in two batches are one string.
        QCOMPARE(store.string(0, 1)->bytes.data(), store.string(base, 1)->bytes.data());
    }

    void tasksAndProcesses() {
        TraceStore store;
        store.append(oddBatch(0));
        const auto tasks = store.tasks();
        // 100/100, 100/200 and the odd (-1, 0x7fffffff) task.
        QCOMPARE(tasks.size(), std::size_t(3));
        QCOMPARE(store.processCount(), std::size_t(2));
        const auto main = store.findTask(100, 100);
        QVERIFY(main);
        const TaskInfo& t = store.task(*main);
        QCOMPARE(t.comm, std::string("prog"));
        QCOMPARE(t.argv.size(), std::size_t(4));
        QCOMPARE(t.exe, std::string("/bin/prog"));
        QCOMPARE(t.eventCount, std::size_t(4));
        const TaskInfo& worker = store.task(*store.findTask(100, 200));
        QCOMPARE(worker.parent, 100);
        QCOMPARE(worker.comm, std::string("worker"));
        QVERIFY(worker.exited);
        QCOMPARE(worker.exitStatus, 0x8b);
        QCOMPARE(worker.argv, t.argv); // a thread shares its process's command line
        QCOMPARE(store.processEvents().size(), std::size_t(5));
        // A signal straight from a tracer (numbers only) is stored with its text.
        QCOMPARE(store.processEvents()[3].detail,
                 std::string("{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=300, si_uid=1000, "
                             "si_status=SIGKILL, si_utime=18446744073709551615, si_stime=7}"));
        QCOMPARE(store.startTime(), TimeNs(-10));
    }

    void orderIndexes() {
        TraceStore store;
        EventBatch b;
        // Appended by exit time, as a tracer does: task 2's long call entered first.
        b.events.push_back(makeEvent(1, 1, 0, 100, 110, 0));
        b.events.push_back(makeEvent(1, 2, 0, 50, 200, 0));
        b.events.push_back(makeEvent(1, 1, 1, 120, 130, 0));
        store.append(b);
        QCOMPARE(store.eventByEnterTime(0), std::size_t(1));
        QCOMPARE(store.eventByEnterTime(1), std::size_t(0));
        QCOMPARE(store.eventByEnterTime(2), std::size_t(2));
        EventBatch more;
        more.events.push_back(makeEvent(1, 2, 3, 115, 300, 0));
        more.events.push_back(makeEvent(1, 1, 3, 10, 20, 0)); // out of order within its task
        store.append(more);
        std::vector<std::size_t> order;
        for (std::size_t k = 0; k < store.eventCount(); ++k) {
            order.push_back(store.eventByEnterTime(k));
        }
        QCOMPARE(order, (std::vector<std::size_t>{4, 1, 0, 3, 2}));
        const auto t1 = *store.findTask(1, 1);
        QCOMPARE(store.taskEvents(t1), (std::vector<std::uint32_t>{4, 0, 2}));
        const auto t2 = *store.findTask(1, 2);
        QCOMPARE(store.taskEvents(t2), (std::vector<std::uint32_t>{1, 3}));
        QCOMPARE(store.startTime(), TimeNs(10));
        QCOMPARE(store.endTime(), TimeNs(300));
    }

    void mapsAtTime() {
        TraceStore store;
        EventBatch b;
        for (TimeNs t : {300, 100, 200}) {
            MapsSnapshot m;
            m.time = t;
            m.pid = 7;
            m.causeNr = static_cast<int>(t);
            b.maps.push_back(m);
        }
        MapsSnapshot other;
        other.time = 150;
        other.pid = 8;
        b.maps.push_back(other);
        store.append(b);
        QVERIFY(!store.mapsAt(7, 99));
        QCOMPARE(store.mapsAt(7, 100)->causeNr, 100);
        QCOMPARE(store.mapsAt(7, 250)->causeNr, 200);
        QCOMPARE(store.mapsAt(7, 1000)->causeNr, 300);
        QCOMPARE(store.mapsAt(8, 1000)->time, TimeNs(150));
        QVERIFY(!store.mapsAt(9, 1000));
        QCOMPARE(store.mapsSnapshots().size(), std::size_t(4));
    }

    void wideValues() {
        TraceStore store;
        EventBatch b;
        auto e = makeEvent(1, 1, 0x40000000 | 1, 0, 10'000'000'000LL, -1); // x32 nr, 10 s
        e.arch = Arch::X32;
        b.events.push_back(e);
        auto neg = makeEvent(1, 1, -70000, 100, 50, 1); // exit before enter: kept as is
        b.events.push_back(neg);
        store.append(b);
        QVERIFY(sameEvent(store.event(0), e));
        QVERIFY(sameEvent(store.event(1), neg));
    }

    void memoryPerEvent() {
        // A mixed workload: loops with repeating arguments plus calls whose pointers change,
        // over several tasks.
        TraceStore store;
        std::mt19937_64 rng(42);
        const std::size_t total = 2'000'000;
        TimeNs t = 1'000'000;
        for (std::size_t done = 0; done < total; done += 20'000) {
            EventBatch b = syscallLoop(20'000, t);
            t = b.events.back().exit + 1000;
            for (std::size_t i = 0; i < b.events.size(); ++i) {
                auto& e = b.events[i];
                e.tid = 4242 + static_cast<int>(i % 4);
                if (i % 10 == 0) { // an mmap with a fresh address
                    e.nr = 9;
                    e.args = {0, 4096 * (1 + rng() % 64), 3, 0x22, ~0ULL, 0};
                    e.ret = static_cast<std::int64_t>(0x7f0000000000ULL +
                                                      (rng() % (1ULL << 36)) * 4096);
                }
            }
            store.append(b);
        }
        store.shrinkToFit();
        const double perEvent =
            static_cast<double>(store.memoryBytes()) / static_cast<double>(store.eventCount());
        qInfo("store: %.1f bytes per event", perEvent);
        QVERIFY2(perEvent <= 48.0, std::to_string(perEvent).c_str());
        // Spot-check values after all that packing.
        for (std::size_t i : {std::size_t(0), std::size_t(10), std::size_t(123457), total - 1}) {
            const auto e = store.event(i);
            QVERIFY(e.tid >= 4242 && e.tid < 4246);
            if (i % 20'000 % 10 == 0) {
                QCOMPARE(e.nr, 9);
                QCOMPARE(e.args[4], ~0ULL);
            }
        }
    }

    void loadTraceWithProgressAndCancel() {
        QTemporaryDir dir;
        const std::string p = dir.filePath(QStringLiteral("p.syscope")).toStdString();
        std::string error;
        auto w = TraceWriter::create(p, sampleMetadata(), &error);
        QVERIFY(w);
        EventBatch all;
        w->consume(oddBatch(0));
        const EventBatch loop = syscallLoop(300'000, 5'000'000'000LL);
        w->consume(loop);
        QVERIFY(w->close(&error));

        TraceStore store;
        std::vector<double> seen;
        LoadReport report;
        QVERIFY2(loadTrace(
                     p, store, &error,
                     [&](double f) {
                         seen.push_back(f);
                         return true;
                     },
                     nullptr, &report),
                 error.c_str());
        QVERIFY(report.complete);
        QCOMPARE(store.eventCount(), loop.events.size() + 7);
        QCOMPARE(store.metadata().hostname, std::string("host"));
        QVERIFY(seen.size() >= 2);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), 1.0);
        QVERIFY(sameEvent(store.event(7 + 1234), loop.events[1234]));
        // Sized from the end chunk: no spare capacity left after the load.
        const double perEvent =
            static_cast<double>(store.memoryBytes()) / static_cast<double>(store.eventCount());
        QVERIFY2(perEvent <= 48.0, std::to_string(perEvent).c_str());

        TraceStore cancelled;
        int calls = 0;
        QVERIFY(!loadTrace(
            p, cancelled, &error, [&](double) { return ++calls < 2; }, nullptr, &report));
        QVERIFY(report.cancelled);
        QVERIFY2(error.find("cancelled") != std::string::npos, error.c_str());
        QVERIFY(cancelled.eventCount() < store.eventCount());
    }
};

QTEST_GUILESS_MAIN(TestTraceStore)
#include "tst_tracestore.moc"
