// Statistics over a synthetic store whose answers were computed by hand.
#include "TraceTestUtil.h"

#include "trace/Statistics.h"
#include "trace/TraceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <sstream>

using namespace syscope;
using namespace syscope::testutil;

namespace {

// openat x6 on task 10/10: durations 100,200,300,400,1000 + one unfinished; returns 3, -2, -2,
// 4, -512 (ERESTARTSYS counts as an error, as strace counts it).
// read x100 on task 20/21: durations 1..100, returns 0.
// i386 open (nr 5) x2 on task 20/20: durations 10, 20; returns -13, 3.
// exit_group x1 unfinished on 10/10. clock_gettime@vdso x3 on 10/10: 50, 60, 70.
TraceStore buildStore() {
    TraceStore store;
    EventBatch b;
    TimeNs t = 1000;
    const TimeNs openDur[] = {100, 200, 300, 400, 1000};
    const std::int64_t openRet[] = {3, -2, -2, 4, -512};
    for (int i = 0; i < 5; ++i) {
        b.events.push_back(makeEvent(10, 10, 257, t, t + openDur[i], openRet[i]));
        t += 2000;
    }
    auto unfinishedOpen = makeEvent(10, 10, 257, t, t, 0);
    unfinishedOpen.flags = EventFlag::Unfinished;
    b.events.push_back(unfinishedOpen);
    t += 2000;
    for (int i = 1; i <= 100; ++i) {
        b.events.push_back(makeEvent(20, 21, 0, t, t + i, 0));
        t += 200;
    }
    auto o1 = makeEvent(20, 20, 5, t, t + 10, -13);
    o1.arch = Arch::I386;
    o1.flags = EventFlag::Compat32;
    auto o2 = o1;
    o2.enter += 100;
    o2.exit = o2.enter + 20;
    o2.ret = 3;
    b.events.push_back(o1);
    b.events.push_back(o2);
    t += 1000;
    for (TimeNs d : {50, 60, 70}) {
        auto v = makeEvent(10, 10, static_cast<int>(VdsoFunction::ClockGettime), t, t + d, 0);
        v.flags = EventFlag::Vdso;
        b.events.push_back(v);
        t += 100;
    }
    auto exitGroup = makeEvent(10, 10, 231, t, t, 0);
    exitGroup.flags = EventFlag::Unfinished;
    b.events.push_back(exitGroup);
    store.append(b);
    return store;
}

const SyscallStats* find(const TraceStatistics& s, Arch arch, int nr) {
    for (const auto& e : s.syscalls) {
        if (e.arch == arch && e.nr == nr) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace

class TestStatistics : public QObject {
    Q_OBJECT

private slots:
    void percentiles_data() {
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("empty") << QList<qint64>{} << 50.0 << qint64(0);
        QTest::newRow("one") << QList<qint64>{7} << 99.0 << qint64(7);
        QTest::newRow("p50 of 5") << QList<qint64>{1, 2, 3, 4, 5} << 50.0 << qint64(3);
        QTest::newRow("p50 of 4") << QList<qint64>{1, 2, 3, 4} << 50.0 << qint64(2);
        QTest::newRow("p99 of 100") << QList<qint64>{} << 99.0 << qint64(99);
        QTest::newRow("p0") << QList<qint64>{5, 6} << 0.0 << qint64(5);
        QTest::newRow("p100") << QList<qint64>{5, 6} << 100.0 << qint64(6);
    }
    void percentiles() {
        QFETCH(QList<qint64>, values);
        QFETCH(double, p);
        QFETCH(qint64, expected);
        std::vector<TimeNs> v(values.begin(), values.end());
        if (QByteArray(QTest::currentDataTag()) == "p99 of 100") {
            for (int i = 1; i <= 100; ++i) {
                v.push_back(i);
            }
        }
        QCOMPARE(percentileNearestRank(v, p), expected);
    }

    void handComputed() {
        const TraceStore store = buildStore();
        const TraceStatistics s = computeStatistics(store);
        QCOMPARE(s.events, std::uint64_t(109));
        QCOMPARE(s.processes, std::uint64_t(2));
        QCOMPARE(s.tasks, std::uint64_t(3));
        QCOMPARE(s.syscalls.size(), std::size_t(4));

        const SyscallStats* open = find(s, Arch::X86_64, 257);
        QVERIFY(open);
        QCOMPARE(open->name, std::string("openat"));
        QCOMPARE(open->calls, std::uint64_t(6));
        QCOMPARE(open->unfinished, std::uint64_t(1));
        QCOMPARE(open->errors, std::uint64_t(3));
        QCOMPARE(open->totalNs, TimeNs(2000));
        QCOMPARE(open->minNs, TimeNs(100));
        QCOMPARE(open->p50Ns, TimeNs(300));
        QCOMPARE(open->p99Ns, TimeNs(1000));
        QCOMPARE(open->maxNs, TimeNs(1000));

        const SyscallStats* read = find(s, Arch::X86_64, 0);
        QVERIFY(read);
        QCOMPARE(read->calls, std::uint64_t(100));
        QCOMPARE(read->errors, std::uint64_t(0));
        QCOMPARE(read->totalNs, TimeNs(5050));
        QCOMPARE(read->p50Ns, TimeNs(50));
        QCOMPARE(read->p99Ns, TimeNs(99));
        QCOMPARE(read->minNs, TimeNs(1));
        QCOMPARE(read->maxNs, TimeNs(100));

        const SyscallStats* open32 = find(s, Arch::I386, 5);
        QVERIFY(open32);
        QCOMPARE(open32->name, std::string("open"));
        QCOMPARE(open32->calls, std::uint64_t(2));
        QCOMPARE(open32->errors, std::uint64_t(1));
        QCOMPARE(open32->p50Ns, TimeNs(10));
        QCOMPARE(open32->p99Ns, TimeNs(20));

        const SyscallStats* exitGroup = find(s, Arch::X86_64, 231);
        QVERIFY(exitGroup);
        QCOMPARE(exitGroup->calls, std::uint64_t(1));
        QCOMPARE(exitGroup->unfinished, std::uint64_t(1));
        QCOMPARE(exitGroup->totalNs, TimeNs(0));
        QCOMPARE(exitGroup->maxNs, TimeNs(0));

        QCOMPARE(s.errorsByErrno.size(), std::size_t(3));
        QCOMPARE(s.errorsByErrno.at("ENOENT"), std::uint64_t(2));
        QCOMPARE(s.errorsByErrno.at("ERESTARTSYS"), std::uint64_t(1));
        QCOMPARE(s.errorsByErrno.at("EACCES"), std::uint64_t(1));

        QCOMPARE(s.vdsoCalls.size(), std::size_t(1));
        QCOMPARE(s.vdsoCalls[0].name, std::string("clock_gettime"));
        QCOMPARE(s.vdsoCalls[0].calls, std::uint64_t(3));
        QCOMPARE(s.vdsoCalls[0].p50Ns, TimeNs(60));
        QCOMPARE(s.vdsoCalls[0].totalNs, TimeNs(180));
        QCOMPARE(s.durationNs, store.endTime() - store.startTime());
    }

    void range() {
        const TraceStore store = buildStore();
        // Only the six openat events.
        const TraceStatistics s = computeStatistics(store, 0, 6);
        QCOMPARE(s.events, std::uint64_t(6));
        QCOMPARE(s.tasks, std::uint64_t(1));
        QCOMPARE(s.processes, std::uint64_t(1));
        QCOMPARE(s.syscalls.size(), std::size_t(1));
        QCOMPARE(s.syscalls[0].errors, std::uint64_t(3));
        QCOMPARE(s.durationNs, TimeNs(10000)); // first enter 1000, unfinished enter 11000
        const TraceStatistics none = computeStatistics(store, 5, 2);
        QCOMPARE(none.events, std::uint64_t(0));
        const TraceStatistics picked =
            computeStatistics(store, std::vector<std::uint32_t>{1, 2, 999});
        QCOMPARE(picked.syscalls.size(), std::size_t(1));
        QCOMPARE(picked.syscalls[0].calls, std::uint64_t(2));
        QCOMPARE(picked.errorsByErrno.at("ENOENT"), std::uint64_t(2));
    }

    void jsonShape() {
        const TraceStore store = buildStore();
        std::ostringstream out;
        writeStatisticsJson(computeStatistics(store), out);
        QJsonParseError err{};
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out.str()), &err);
        QVERIFY2(!doc.isNull(), qPrintable(err.errorString()));
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QLatin1String("events")).toInt(), 109);
        QCOMPARE(o.value(QLatin1String("processes")).toInt(), 2);
        QCOMPARE(o.value(QLatin1String("tasks")).toInt(), 3);
        QVERIFY(o.value(QLatin1String("duration_ns")).isDouble());
        const QJsonArray syscalls = o.value(QLatin1String("syscalls")).toArray();
        QCOMPARE(syscalls.size(), 4);
        bool sawI386 = false;
        for (const auto& v : syscalls) {
            const QJsonObject e = v.toObject();
            for (const char* k : {"name", "nr", "arch", "calls", "errors", "unfinished", "total_ns",
                                  "min_ns", "p50_ns", "p99_ns", "max_ns"}) {
                QVERIFY2(e.contains(QLatin1String(k)), k);
            }
            if (e.value(QLatin1String("arch")).toString() == QLatin1String("i386")) {
                sawI386 = true;
                QCOMPARE(e.value(QLatin1String("name")).toString(), QStringLiteral("open"));
            }
            if (e.value(QLatin1String("name")).toString() == QLatin1String("openat")) {
                QCOMPARE(e.value(QLatin1String("calls")).toInt(), 6);
                QCOMPARE(e.value(QLatin1String("errors")).toInt(), 3);
                QCOMPARE(e.value(QLatin1String("unfinished")).toInt(), 1);
                QCOMPARE(e.value(QLatin1String("p50_ns")).toInt(), 300);
            }
        }
        QVERIFY(sawI386);
        const QJsonObject errnos = o.value(QLatin1String("errors_by_errno")).toObject();
        QCOMPARE(errnos.value(QLatin1String("ENOENT")).toInt(), 2);
        QCOMPARE(errnos.value(QLatin1String("ERESTARTSYS")).toInt(), 1);
        const QJsonArray vdso = o.value(QLatin1String("vdso_calls")).toArray();
        QCOMPARE(vdso.size(), 1);
        QCOMPARE(vdso[0].toObject().value(QLatin1String("calls")).toInt(), 3);
    }

    void textTable() {
        const TraceStore store = buildStore();
        std::ostringstream out;
        writeStatisticsTable(computeStatistics(store), out);
        const std::string text = out.str();
        QVERIFY2(text.find("% time") == 0, text.c_str());
        QVERIFY(text.find("usecs/call") != std::string::npos);
        QVERIFY(text.find(" openat\n") != std::string::npos);
        QVERIFY(text.find(" open [i386]\n") != std::string::npos);
        QVERIFY(text.find(" total\n") != std::string::npos);
        QVERIFY(text.find("clock_gettime") != std::string::npos);
        // read has the most total time: it is the first row.
        const auto firstRow = text.find('\n', text.find("------")) + 1;
        const std::string row = text.substr(firstRow, text.find('\n', firstRow) - firstRow);
        QVERIFY2(row.find(" read") != std::string::npos, row.c_str());
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
