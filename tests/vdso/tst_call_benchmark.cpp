#include "proc/SystemFacts.h"
#include "vdso/CallBenchmark.h"

#include <QtTest>

#include <cmath>
#include <sys/wait.h>

using namespace syscope;

class TestCallBenchmark : public QObject {
    Q_OBJECT
private slots:
    void summaryKnownAnswers();
    void histogramBins();
    void summaryEmpty();
    void realPaths();
    void faultingPathIsContained();
    void noneModeIsUnavailable();
};

void TestCallBenchmark::summaryKnownAnswers() {
    std::vector<double> v;
    for (int i = 100; i >= 1; --i) {
        v.push_back(double(i)); // 1..100, unsorted on purpose
    }
    const auto s = summarizeLatencies(v);
    QCOMPARE(s.samples, size_t(100));
    QCOMPARE(s.minNs, 1.0);
    QCOMPARE(s.maxNs, 100.0);
    QCOMPARE(s.p50Ns, 50.0); // nearest rank: ceil(0.5 * 100) = 50th value
    QCOMPARE(s.p90Ns, 90.0);
    QCOMPARE(s.p99Ns, 99.0);
    QCOMPARE(s.meanNs, 50.5);
    const auto one = summarizeLatencies({7.0});
    QCOMPARE(one.p50Ns, 7.0);
    QCOMPARE(one.p99Ns, 7.0);
}

void TestCallBenchmark::histogramBins() {
    // 10^(k/10) edges: 20 ns lies in bin 13 = [19.95, 25.12); 1000 ns starts bin 30.
    const auto s = summarizeLatencies({20.0, 20.5, 1000.0, 0.2});
    QVERIFY(!s.histogram.empty());
    QCOMPARE(s.histogram.front().loNs, 0.0); // sub-nanosecond samples land in bin 0
    std::uint64_t total = 0;
    for (size_t i = 0; i < s.histogram.size(); ++i) {
        const auto& b = s.histogram[i];
        total += b.count;
        QVERIFY(b.hiNs > b.loNs);
        if (i > 0) {
            QVERIFY(std::abs(b.loNs - s.histogram[i - 1].hiNs) < 1e-9);
            QVERIFY(std::abs(b.hiNs / b.loNs - std::pow(10.0, 0.1)) < 1e-9);
        }
        if (b.loNs <= 20.0 && 20.0 < b.hiNs) {
            QCOMPARE(b.count, std::uint64_t(2));
            QVERIFY(std::abs(b.loNs - std::pow(10.0, 1.3)) < 1e-9);
        }
        if (b.loNs <= 1000.0 && 1000.0 < b.hiNs) {
            QCOMPARE(b.count, std::uint64_t(1));
        }
    }
    QCOMPARE(total, std::uint64_t(4));
    QCOMPARE(s.histogram.size(), size_t(31)); // bins 0..30
}

void TestCallBenchmark::summaryEmpty() {
    const auto s = summarizeLatencies({});
    QCOMPARE(s.samples, size_t(0));
    QVERIFY(s.histogram.empty());
}

void TestCallBenchmark::realPaths() {
    CallBenchmarkOptions o;
    o.iterations = 2000;
    const auto results = runCallBenchmarks(o);
    QCOMPARE(results.size(), size_t(12));
    const std::string mode = readSystemFacts().vsyscallMode;
    for (const auto& r : results) {
        const QByteArray what = QByteArray(benchCallName(r.call).data()) + "/" +
                                QByteArray(callPathName(r.path).data()) + ": " +
                                QByteArray::fromStdString(r.reason);
        if (r.path == CallPath::Vsyscall && r.call == BenchCall::ClockGettime) {
            QVERIFY2(!r.ok, what.constData()); // the vsyscall page has no clock_gettime
            continue;
        }
        if (r.path == CallPath::Vsyscall && mode == "none") {
            QVERIFY2(!r.ok, what.constData());
            continue;
        }
        QVERIFY2(r.ok, what.constData());
        QCOMPARE(r.latency.samples, size_t(2000 / 16));
        QVERIFY(r.latency.p50Ns <= r.latency.p90Ns);
        QVERIFY(r.latency.p90Ns <= r.latency.p99Ns);
        QVERIFY(r.latency.p99Ns <= r.latency.maxNs);
        QVERIFY(r.latency.meanNs > 0);
    }
    // No zombie children left behind.
    QCOMPARE(waitpid(-1, nullptr, WNOHANG), pid_t(-1));
}

void TestCallBenchmark::faultingPathIsContained() {
    CallBenchmarkOptions o;
    o.iterations = 64;
    o.vsyscallMode = "unknown"; // so the path is tried
    o.vsyscallBase = 0x10000;   // nothing is mapped there: every call faults
    const auto results = runCallBenchmarks(o);
    int faulted = 0;
    for (const auto& r : results) {
        if (r.path != CallPath::Vsyscall) {
            QVERIFY(r.ok);
            continue;
        }
        QVERIFY(!r.ok);
        QVERIFY(!r.reason.empty());
        if (r.call != BenchCall::ClockGettime) {
            ++faulted;
            QVERIFY2(r.reason.find("SIGSEGV") != std::string::npos ||
                         r.reason.find("failed") != std::string::npos,
                     r.reason.c_str());
        }
    }
    QCOMPARE(faulted, 3);
}

void TestCallBenchmark::noneModeIsUnavailable() {
    CallBenchmarkOptions o;
    o.iterations = 64;
    o.vsyscallMode = "none";
    for (const auto& r : runCallBenchmarks(o)) {
        if (r.path == CallPath::Vsyscall) {
            QVERIFY(!r.ok);
            if (r.call != BenchCall::ClockGettime) {
                QVERIFY2(r.reason.find("vsyscall=none") != std::string::npos, r.reason.c_str());
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestCallBenchmark)
#include "tst_call_benchmark.moc"
