#include "aslr/AslrExperiment.h"
#include "aslr/AslrStatistics.h"
#include "proc/ProcMaps.h"
#include "proc/SystemFacts.h"

#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace syscope;

namespace {

std::vector<AslrBases> basesOf(const AslrExperiment& e) {
    std::vector<AslrBases> out;
    for (const auto& r : e.runs()) {
        out.push_back(r.bases);
    }
    return out;
}

std::optional<std::uint64_t> ownVsyscall() {
    const auto maps = readMaps(int(getpid()), nullptr);
    if (maps) {
        for (const auto& e : maps->entries) {
            if (e.path == "[vsyscall]") {
                return e.start;
            }
        }
    }
    return std::nullopt;
}

} // namespace

class TestAslrExperiment : public QObject {
    Q_OBJECT
private slots:
    void randomized();
    void noRandomize();
    void staticBinary();
    void keepRunningSeesHeap();
    void keepRunningPassesSignals();
    void cancel();
    void launchErrors();
    void thousandRunsAreFast();
};

void TestAslrExperiment::randomized() {
    AslrExperiment e({{"true"}, 20, true, false});
    int progressCalls = 0;
    e.setProgressCallback([&](int done, int total) {
        ++progressCalls;
        QCOMPARE(total, 20);
        QCOMPARE(done, progressCalls);
    });
    std::string error;
    QVERIFY2(e.run(&error), error.c_str());
    QCOMPARE(int(e.runs().size()), 20);
    QCOMPARE(progressCalls, 20);
    for (const auto& r : e.runs()) {
        QVERIFY(r.pid > 0);
        QVERIFY(r.libcMapped);
        QVERIFY(!r.endedEarly);
        QVERIFY(r.loaderSyscalls > 0);
        for (const AslrRegion must :
             {AslrRegion::Exe, AslrRegion::Interp, AslrRegion::Libc, AslrRegion::Heap,
              AslrRegion::Stack, AslrRegion::Vdso, AslrRegion::AnonMmap}) {
            QVERIFY2(r.bases[must], aslrRegionName(must).data());
        }
        // libc is mapped below the loader by the top-down mmap allocator.
        QVERIFY(*r.bases[AslrRegion::Libc] < *r.bases[AslrRegion::Interp]);
    }
    const auto st = AslrStatistics::compute(basesOf(e));
    // vsyscall: fixed where present, and present exactly when this process has it.
    const auto vs = ownVsyscall();
    QCOMPARE(st.region(AslrRegion::Vsyscall).present, vs ? 20 : 0);
    if (vs) {
        QCOMPARE(st.region(AslrRegion::Vsyscall).distinct, 1);
        QCOMPARE(st.region(AslrRegion::Vsyscall).min, *vs);
        QCOMPARE(st.region(AslrRegion::Vsyscall).varyingBits, 0);
    }
    const int rvs = readSystemFacts().randomizeVaSpace;
    if (rvs == 0) {
        QSKIP("randomize_va_space=0: nothing varies on this machine");
    }
    for (const AslrRegion r :
         {AslrRegion::Exe, AslrRegion::Libc, AslrRegion::Stack, AslrRegion::Vdso}) {
        QVERIFY2(st.region(r).varyingBits > 8, aslrRegionName(r).data());
        QVERIFY(st.region(r).distinct > 15); // 20 draws from >= 2^8 values
        QVERIFY(st.region(r).pageAligned);
    }
    if (rvs == 2) {
        QVERIFY(st.region(AslrRegion::Heap).varyingBits > 8);
    }
}

void TestAslrExperiment::noRandomize() {
    AslrExperiment e({{"/bin/true"}, 10, false, false});
    std::string error;
    QVERIFY2(e.run(&error), error.c_str());
    const auto st = AslrStatistics::compute(basesOf(e));
    for (const auto& s : st.regions) {
        QVERIFY2(s.varyingBits == 0, aslrRegionName(s.region).data());
        QVERIFY(s.distinct <= 1);
        QCOMPARE(s.qualityBits, 0);
        QCOMPARE(s.shannonBits, 0.0);
    }
    QVERIFY(st.region(AslrRegion::Libc).present == 10);
    QVERIFY(st.constantOffsets.empty()); // nothing varies, so no pair is worth reporting
}

void TestAslrExperiment::staticBinary() {
    AslrExperiment e({{ASLR_STATIC_PROBE}, 5, true, false});
    std::string error;
    QVERIFY2(e.run(&error), error.c_str());
    for (const auto& r : e.runs()) {
        QVERIFY(!r.bases[AslrRegion::Interp]); // absent, not zero
        QVERIFY(!r.bases[AslrRegion::Libc]);
        QVERIFY(r.bases[AslrRegion::Exe]);
        QVERIFY(r.bases[AslrRegion::Stack]);
        QVERIFY(r.bases[AslrRegion::Heap]); // from the first brk()
        QVERIFY(r.libcMapped);
        QVERIFY(r.loaderSyscalls < 20);
    }
}

void TestAslrExperiment::keepRunningSeesHeap() {
    AslrExperiment e({{ASLR_HEAP_PROBE}, 3, true, true});
    std::string error;
    QVERIFY2(e.run(&error), error.c_str());
    QCOMPARE(int(e.runs().size()), 3);
    for (const auto& r : e.runs()) {
        QVERIFY(r.ranToEnd);
        QVERIFY(WIFEXITED(r.exitStatus));
        QCOMPARE(WEXITSTATUS(r.exitStatus), 3);
        QVERIFY(r.bases[AslrRegion::Heap]);
        QVERIFY(r.bases[AslrRegion::Libc]);
    }
    // The same program killed at the stop point never reaches main, yet the brk start is known.
    AslrExperiment killed({{ASLR_HEAP_PROBE}, 3, true, false});
    QVERIFY2(killed.run(&error), error.c_str());
    for (const auto& r : killed.runs()) {
        QVERIFY(!r.ranToEnd);
        QVERIFY(r.bases[AslrRegion::Heap]);
    }
}

void TestAslrExperiment::keepRunningPassesSignals() {
    // A stop signal must not wedge the run (group-stop is resumed, not re-injected), and other
    // signals must reach the program's handler.
    AslrExperiment e(
        {{"/bin/sh", "-c", "trap 'exit 7' USR1; kill -STOP $$; kill -USR1 $$; sleep 5"},
         2,
         true,
         true});
    std::string error;
    QVERIFY2(e.run(&error), error.c_str());
    for (const auto& r : e.runs()) {
        QVERIFY(r.ranToEnd);
        QVERIFY(WIFEXITED(r.exitStatus));
        QCOMPARE(WEXITSTATUS(r.exitStatus), 7);
    }
}

void TestAslrExperiment::cancel() {
    std::atomic<bool> stop{false};
    AslrExperiment e({{"/bin/true"}, 100, true, false});
    e.setCancelFlag(&stop);
    e.setProgressCallback([&](int done, int) {
        if (done == 3) {
            stop = true;
        }
    });
    std::string error;
    QVERIFY(e.run(&error));
    QVERIFY(e.cancelled());
    QCOMPARE(int(e.runs().size()), 3);
}

void TestAslrExperiment::launchErrors() {
    std::string error;
    AslrExperiment missing({{"/nonexistent/program"}, 3, true, false});
    QVERIFY(!missing.run(&error));
    QVERIFY2(error.find("/nonexistent/program") != std::string::npos, error.c_str());
    QVERIFY(missing.runs().empty());

    AslrExperiment notFound({{"syscope-no-such-command-xyz"}, 3, true, false});
    QVERIFY(!notFound.run(&error));
    QVERIFY2(error.find("not found") != std::string::npos, error.c_str());

    // Executable bit but not a valid program: execve itself fails (ENOEXEC).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\x7f"
            "ELF garbage");
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::WriteOwner);
    AslrExperiment garbage({{path.toStdString()}, 1, true, false});
    QVERIFY(!garbage.run(&error));
    QVERIFY2(error.find("cannot start") != std::string::npos, error.c_str());

    AslrExperiment empty({{}, 1, true, false});
    QVERIFY(!empty.run(&error));
    // No zombies left behind.
    QCOMPARE(waitpid(-1, nullptr, WNOHANG), pid_t(-1));
}

void TestAslrExperiment::thousandRunsAreFast() {
    QElapsedTimer timer;
    timer.start();
    AslrExperiment e({{"/bin/true"}, 1000, true, false});
    std::string error;
    QVERIFY2(e.run(&error), error.c_str());
    const qint64 ms = timer.elapsed();
    qDebug("1000 runs of /bin/true: %lld ms", ms);
    QCOMPARE(int(e.runs().size()), 1000);
#if defined(__SANITIZE_ADDRESS__)
    // Sanitized builds (CI runs the suite under ASan, often beside other tests) are slower; the
    // 5 s promise is for normal builds.
    const qint64 limit = 20000;
#else
    const qint64 limit = 5000;
#endif
    QVERIFY2(ms < limit, qPrintable(QString::number(ms)));
}

QTEST_GUILESS_MAIN(TestAslrExperiment)
#include "tst_aslr_experiment.moc"
