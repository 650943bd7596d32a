// End-to-end tests of the ptrace engine: small C programs with exactly known syscall counts
// (tests/programs) are traced in-process; counts must match exactly, and where strace is
// installed they must equal `strace -f -c` of the same program.
#include "TraceRunner.h"

#include "syscalls/EventFormatter.h"
#include "syscalls/SyscallTable.h"
#include "trace/Event.h"
#include "trace/StraceImport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <iterator>
#include <map>
#include <set>
#include <sys/wait.h>
#include <thread>

using namespace syscope;
using namespace syscope::test;

namespace {

TracerOptions launch(const std::string& program, std::vector<std::string> args = {}) {
    TracerOptions o;
    o.command.push_back(programPath(program));
    o.command.insert(o.command.end(), args.begin(), args.end());
    return o;
}

long calls(const std::map<std::string, CallCounts>& counts, const std::string& name) {
    const auto it = counts.find(name);
    return it == counts.end() ? 0 : it->second.calls;
}

} // namespace

class TestTracer : public QObject {
    Q_OBJECT

private slots:
    void threadsAreFollowed_data();
    void threadsAreFollowed();
    void noFollowTracesOneTask();
    void forkTree();
    void execFromNonLeaderThread();
    void signalsAndRestarts();
    void siginfoMatchesStrace_data();
    void siginfoMatchesStrace();
    void sigkillDuringBlockedRead();
    void segfault();
    void int80IsI386();
    void awkwardPaths();
    void attachAndDetach();
    void jobControlUnchanged();
    void untracedCloneIsLeftAlone();
    void noFollowLetsChildrenRun();
    void structsMatchStrace();
    void lsMatchesStraceLineForLine();
    void waitStatusesMatchStrace();
    void vsyscallCallsAreLeftOut();
    void programWithItsOwnSeccompFilter();
    void vforkExec();
    void mapsAndAuxv();
    void vdsoCallsAreCounted();
    void vdsoAttachAndDetach();
    void loneTaskIsServedWithoutSleeping();
    void missingProgram();
    void attachErrors();
    void matchesStrace_data();
    void matchesStrace();
};

void TestTracer::threadsAreFollowed_data() {
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("seccomp");
    QTest::addColumn<bool>("pin");
    QTest::newRow("everything") << QString() << true << true;
    QTest::newRow("everything, unpinned") << QString() << true << false;
    QTest::newRow("getppid via seccomp") << QStringLiteral("getppid") << true << true;
    QTest::newRow("getppid without seccomp") << QStringLiteral("getppid") << false << true;
    QTest::newRow("%process,getppid via seccomp")
        << QStringLiteral("%process,getppid") << true << true;
}

void TestTracer::threadsAreFollowed() {
    QFETCH(QString, filter);
    QFETCH(bool, seccomp);
    QFETCH(bool, pin);
    TracerOptions o = launch("threads");
    o.seccomp = seccomp;
    o.pinCpu = pin;
    if (!filter.isEmpty()) {
        std::string error;
        auto f = SyscallFilter::parse(filter.toStdString(), &error);
        QVERIFY2(f, error.c_str());
        o.filter = *f;
    }
    TracedRun run;
    traceInto(run, o);
    QVERIFY2(run.result.started, run.result.error.c_str());
    QCOMPARE(run.result.exitCode(), 0);
    const auto counts = countCalls(run.store);
    QCOMPARE(calls(counts, "getppid"), 410L);
    QCOMPARE(countProcessEvents(run.store, ProcessEventKind::Thread), 4);
    QCOMPARE(run.store.taskCount(), std::size_t(5));
    if (!filter.isEmpty()) {
        for (const auto& [name, c] : counts) {
            QVERIFY2(name == "getppid" || filter.contains(QStringLiteral("%process")),
                     name.c_str());
        }
        if (seccomp) {
            // Every entry was a seccomp stop, except exit and exit_group: they make none and
            // are recorded at their PTRACE_EVENT_EXIT stop.
            bool allSeccomp = true;
            for (std::size_t i = 0; i < run.store.eventCount(); ++i) {
                const bool exit = run.store.nr(i) == 60 || run.store.nr(i) == 231;
                allSeccomp &= exit || (run.store.flags(i) & EventFlag::Seccomp) != 0;
            }
            QVERIFY(allSeccomp);
        }
    } else {
        QVERIFY(calls(counts, "clone3") + calls(counts, "clone") == 4);
        QCOMPARE(calls(counts, "execve"), 1L);
        // Each thread ends with exit, the process with exit_group: recorded at the exit stops.
        QCOMPARE(calls(counts, "exit"), 4L);
        QCOMPARE(calls(counts, "exit_group"), 1L);
    }
}

void TestTracer::noFollowTracesOneTask() {
    TracerOptions o = launch("threads");
    o.followChildren = false;
    TracedRun run;
    traceInto(run, o);
    QCOMPARE(run.result.exitCode(), 0);
    QCOMPARE(calls(countCalls(run.store), "getppid"), 10L);
    QCOMPARE(run.store.taskCount(), std::size_t(1));
}

void TestTracer::programWithItsOwnSeccompFilter() {
    // The program's filter refuses getppid with EPERM; that action wins over our filter's
    // SECCOMP_RET_TRACE, so such calls would never stop. Once the program has a filter, its tasks
    // stop at every syscall entry again: all 9 getppid calls are recorded, 6 of them failed, as
    // strace -f -c counts them.
    // The same with a --filter that does not select seccomp: our filter still stops there.
    for (const char* filter : {"", "getppid"}) {
        TracerOptions o = launch("ownfilter");
        if (*filter) {
            std::string error;
            o.filter = *SyscallFilter::parse(filter, &error);
        }
        TracedRun run;
        traceInto(run, o);
        QCOMPARE(run.result.exitCode(), 0);
        const auto counts = countCalls(run.store);
        QCOMPARE(calls(counts, "getppid"), 9L);
        QCOMPARE(counts.at("getppid").errors, 6L);
        // (matchesStrace compares every count with strace.)
        QCOMPARE(calls(counts, "seccomp"), *filter ? 0L : 1L);
    }
}

void TestTracer::vsyscallCallsAreLeftOut() {
    // The kernel emulates calls into the vsyscall page without a syscall exit; the seccomp filter
    // sees them, but their result never shows. They are left out, as strace leaves them out,
    // rather than recorded as calls that never returned.
    TracedRun run;
    traceInto(run, launch("vsyscall"));
    if (run.result.exitCode() == 77) {
        QSKIP("no vsyscall page on this kernel");
    }
    QCOMPARE(run.result.exitCode(), 0);
    const auto counts = countCalls(run.store);
    QCOMPARE(calls(counts, "getppid"), 2L);
    QCOMPARE(calls(counts, "time"), 0L);
    long unfinished = 0;
    for (const auto& [name, c] : counts) {
        unfinished += c.unfinished;
    }
    QCOMPARE(unfinished, 1L); // exit_group
}

namespace {

// A line as compared with strace's: its padding before " = " and what differs from run to run
// (addresses, which ASLR moves; pids; getrandom's bytes) left out.
QString comparable(QString line) {
    static const QRegularExpression padding(QStringLiteral("\\) +="));
    static const QRegularExpression address(QStringLiteral("0x[0-9a-f]{6,}"));
    static const QRegularExpression pid(QStringLiteral("^(wait4\\()\\d+|(\\) = )\\d{3,}$"));
    static const QRegularExpression random(QStringLiteral("^getrandom\\(\"[^\"]*\""));
    // sysinfo's uptime, loads and free memory, a file system's free blocks and a timer's time
    // left change from run to run: their form is compared.
    static const QRegularExpression sysinfoNumbers(QStringLiteral("(?<=[=\\[ ])[0-9]+(?=[,\\]}])"));
    line.replace(padding, QStringLiteral(") ="));
    line.replace(address, QStringLiteral("0x..."));
    line.replace(pid, QStringLiteral("\\1\\2<pid>"));
    line.replace(random, QStringLiteral("getrandom(<bytes>"));
    // ppoll's time left depends on how long the call took.
    static const QRegularExpression left(
        QStringLiteral(", left \\{tv_sec=\\d+, tv_nsec=\\d+\\}\\)$"));
    line.replace(left, QStringLiteral(", left {...})"));
    if (line.startsWith(QStringLiteral("sysinfo({")) ||
        line.startsWith(QStringLiteral("getitimer(")) ||
        line.startsWith(QStringLiteral("timerfd_gettime(")) ||
        line.startsWith(QStringLiteral("timer_gettime(")) ||
        line.startsWith(QStringLiteral("statfs(")) || line.startsWith(QStringLiteral("fstatfs("))) {
        line.replace(sysinfoNumbers, QStringLiteral("N"));
    }
    return line;
}

// The syscall lines strace writes for `argv` (one process, no -f), made comparable; only the
// calls named in `names` when it is not empty. Empty when strace is not installed. `raw` gets
// the log as strace wrote it.
QStringList straceLines(const QStringList& argv, const QStringList& names,
                        QByteArray* raw = nullptr) {
    const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
    if (strace.isEmpty()) {
        return {};
    }
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("strace.log"));
    QStringList args = {QStringLiteral("-o"), log};
    if (!names.isEmpty()) {
        args << QStringLiteral("-e") << QStringLiteral("trace=") + names.join(u',');
    }
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(strace, args + argv);
    if (!p.waitForFinished(60000)) {
        return {};
    }
    QFile file(log);
    QStringList lines;
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray text = file.readAll();
        if (raw) {
            *raw = text;
        }
        for (const QByteArray& line : text.split('\n')) {
            if (!line.isEmpty() && !line.startsWith("+++") && !line.startsWith("---")) {
                lines << comparable(QString::fromUtf8(line));
            }
        }
    }
    return lines;
}

// Options that launch `argv` (the command strace was given).
TracerOptions launchArgv(const QStringList& argv) {
    TracerOptions o;
    for (const QString& a : argv) {
        o.command.push_back(a.toStdString());
    }
    return o;
}

// The same lines from a recording, in time order.
QStringList recordedLines(const TraceStore& store, const QStringList& names) {
    QStringList lines;
    for (std::size_t k = 0; k < store.eventCount(); ++k) {
        const std::size_t i = store.eventByEnterTime(k);
        const SyscallEvent e = store.event(i);
        if (!names.isEmpty() &&
            !names.contains(QString::fromStdString(syscallName(e.arch, e.nr)))) {
            continue;
        }
        const std::string line = formatSyscall(e, [&](int arg) -> std::optional<ArgString> {
            if (const auto s = store.string(i, arg)) {
                return ArgString{s->bytes, s->truncated};
            }
            return std::nullopt;
        });
        lines << comparable(QString::fromStdString(line));
    }
    return lines;
}

} // namespace

void TestTracer::structsMatchStrace() {
    // struct stat, statx and rlimit, directory entries, socket addresses, signal sets and
    // actions, times, fd pairs and wait statuses as strace prints them, line for line (the
    // program makes its calls through syscall(), so both runs make the same ones).
    const QStringList names = {
        QStringLiteral("newfstatat"),      QStringLiteral("stat"),
        QStringLiteral("lstat"),           QStringLiteral("fstat"),
        QStringLiteral("prlimit64"),       QStringLiteral("getrlimit"),
        QStringLiteral("setrlimit"),       QStringLiteral("statx"),
        QStringLiteral("getdents64"),      QStringLiteral("connect"),
        QStringLiteral("sendto"),          QStringLiteral("bind"),
        QStringLiteral("rt_sigprocmask"),  QStringLiteral("rt_sigpending"),
        QStringLiteral("rt_sigaction"),    QStringLiteral("clock_getres"),
        QStringLiteral("nanosleep"),       QStringLiteral("clock_nanosleep"),
        QStringLiteral("pipe2"),           QStringLiteral("socketpair"),
        QStringLiteral("wait4"),           QStringLiteral("rt_sigreturn"),
        QStringLiteral("uname"),           QStringLiteral("sysinfo"),
        QStringLiteral("getgroups"),       QStringLiteral("sched_getaffinity"),
        QStringLiteral("getsockname"),     QStringLiteral("getpeername"),
        QStringLiteral("recvfrom"),        QStringLiteral("accept"),
        QStringLiteral("accept4"),         QStringLiteral("poll"),
        QStringLiteral("statfs"),          QStringLiteral("fstatfs"),
        QStringLiteral("setsockopt"),      QStringLiteral("getsockopt"),
        QStringLiteral("ioctl"),           QStringLiteral("ppoll"),
        QStringLiteral("setitimer"),       QStringLiteral("getitimer"),
        QStringLiteral("timerfd_settime"), QStringLiteral("timerfd_gettime"),
        QStringLiteral("timer_settime"),   QStringLiteral("timer_gettime")};
    const QStringList theirs = straceLines({QString::fromStdString(programPath("structs"))}, names);
    if (theirs.isEmpty()) {
        QSKIP("strace is not installed");
    }
    TracedRun run;
    traceInto(run, launch("structs"));
    QCOMPARE(run.result.exitCode(), 0);
    QCOMPARE(recordedLines(run.store, names), theirs);
}

void TestTracer::lsMatchesStraceLineForLine() {
    // A real program, every call: ls -la reads its directory, stats each entry, asks for the
    // user and group names (connecting to nscd's socket first) and writes.
    // Through sh, so that both runs write to /dev/null (ls stats its standard output).
    const QStringList argv = {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                              QStringLiteral("exec /bin/ls -la /etc/ssh >/dev/null")};
    QByteArray log;
    const QStringList theirs = straceLines(argv, {}, &log);
    if (theirs.isEmpty()) {
        QSKIP("strace is not installed");
    }
    TracedRun run;
    traceInto(run, launchArgv(argv));
    QCOMPARE(run.result.exitCode(), 0);
    QCOMPARE(recordedLines(run.store, {}), theirs);
    // strace's log imported: every call reads back as strace wrote it (structs, arrays, flags).
    EventBatch batch;
    TraceMetadata meta;
    StraceImportReport report;
    importStraceTexts({{"ls.strace", log.toStdString(), 0}}, batch, meta, report);
    TraceStore imported;
    imported.setMetadata(meta);
    imported.append(batch);
    QCOMPARE(recordedLines(imported, {}), theirs);
}

void TestTracer::waitStatusesMatchStrace() {
    // What wait4 stored, line for line: a stop (WUNTRACED) and a continue (WCONTINUED) read
    // back from the parent's memory, and exits and a death by signal, which the recorder takes
    // from its own wait on the child (the parent's wait4 stores the same status).
    const QList<QStringList> commands = {
        {QString::fromStdString(programPath("groupstop"))},
        {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
         QStringLiteral("/bin/sh -c 'kill -KILL $$'; /bin/sh -c 'exit 3'; exit 0")},
    };
    for (const QStringList& argv : commands) {
        const QStringList theirs = straceLines(argv, {QStringLiteral("wait4")});
        if (theirs.isEmpty()) {
            QSKIP("strace is not installed");
        }
        TracedRun run;
        traceInto(run, launchArgv(argv));
        QCOMPARE(run.result.exitCode(), 0);
        // The calls that reaped or saw a child (traced, the parent's wait can also be
        // interrupted by a SIGCHLD that strace without -f does not cause: ERESTARTSYS).
        auto reports = [](const QStringList& lines) { return lines.filter(QStringLiteral("[{")); };
        QCOMPARE(reports(recordedLines(run.store, {QStringLiteral("wait4")})), reports(theirs));
        QVERIFY(reports(theirs).size() >= 2);
    }
}

void TestTracer::noFollowLetsChildrenRun() {
    // Children that are not traced must not inherit a seccomp filter that needs a tracer: their
    // calls would fail with ENOSYS (the shell's exec of /bin/true first of all).
    TracerOptions o;
    o.command = {"/bin/sh", "-c", "/bin/true && exit 7"};
    o.followChildren = false;
    TracedRun run;
    traceInto(run, o);
    QCOMPARE(run.result.exitCode(), 7);
    QCOMPARE(run.store.processCount(), std::size_t(1));
}

void TestTracer::forkTree() {
    TracedRun run;
    traceInto(run, launch("forktree"));
    QCOMPARE(run.result.exitCode(), 0);
    const auto counts = countCalls(run.store);
    QCOMPARE(calls(counts, "getppid"), 50L);
    QCOMPARE(countProcessEvents(run.store, ProcessEventKind::Fork), 4);
    QCOMPARE(run.store.processCount(), std::size_t(5));
    std::map<int, int> exitCodes;
    for (const auto& p : run.store.processEvents()) {
        if (p.kind == ProcessEventKind::Exit) {
            QVERIFY(WIFEXITED(p.value));
            ++exitCodes[WEXITSTATUS(p.value)];
        }
    }
    QCOMPARE(exitCodes[3], 2);
    QCOMPARE(exitCodes[2], 2);
    QCOMPARE(exitCodes[0], 1);
    // exit_group never returns: one unfinished per process. It makes no entry stop (the seccomp
    // filter lets it through); its status is read at the exit stop and matches the exit code.
    QCOMPARE(countCalls(run.store).at("exit_group").unfinished, 5L);
    std::map<int, int> exitGroupStatus;
    std::set<int> forkResults;
    for (std::size_t i = 0; i < run.store.eventCount(); ++i) {
        const SyscallEvent e = run.store.event(i);
        if (e.nr == 231) {
            ++exitGroupStatus[int(e.args[0])];
        } else if (e.nr == 56 || e.nr == 57) {
            // fork's exit stop is skipped: its result comes from the fork event, its duration
            // ends there.
            QVERIFY(!e.unfinished());
            QVERIFY(e.exit >= e.enter);
            forkResults.insert(int(e.ret));
        }
    }
    QCOMPARE(exitGroupStatus, exitCodes);
    std::set<int> children;
    for (const auto& p : run.store.processEvents()) {
        if (p.kind == ProcessEventKind::Fork) {
            children.insert(p.tid);
        }
    }
    QCOMPARE(forkResults, children);
}

void TestTracer::execFromNonLeaderThread() {
    TracedRun run;
    traceInto(run, launch("exec_thread"));
    QVERIFY2(run.result.started, run.result.error.c_str());
    QCOMPARE(run.result.exitCode(), 0);
    int nonLeaderExecs = 0;
    int execs = 0;
    for (const auto& p : run.store.processEvents()) {
        if (p.kind == ProcessEventKind::Exec) {
            ++execs;
            nonLeaderExecs += p.parent != p.pid;
        }
    }
    QCOMPARE(execs, 2);
    QCOMPARE(nonLeaderExecs, 1);
    QCOMPARE(calls(countCalls(run.store), "getppid"), 7L);
    // If the leader reached pause() before its thread exec'd, that call never returned.
    const auto counts = countCalls(run.store);
    if (const auto it = counts.find("pause"); it != counts.end()) {
        QCOMPARE(it->second.unfinished, it->second.calls);
    }
}

void TestTracer::signalsAndRestarts() {
    TracedRun run;
    traceInto(run, launch("signals"));
    QCOMPARE(run.result.exitCode(), 0);
    int restarted = 0;
    int erestartsys = 0;
    for (std::size_t i = 0; i < run.store.eventCount(); ++i) {
        const SyscallEvent e = run.store.event(i);
        restarted += (e.flags & EventFlag::Restarted) != 0;
        erestartsys += !e.unfinished() && e.ret == -512;
    }
    QVERIFY2(restarted >= 3, std::to_string(restarted).c_str()); // 2 reads + restart_syscall
    QVERIFY(erestartsys >= 3);
    QVERIFY(calls(countCalls(run.store), "restart_syscall") >= 1);
    int alarms = 0;
    for (const auto& p : run.store.processEvents()) {
        alarms += p.kind == ProcessEventKind::Signal && p.value == SIGALRM;
    }
    QVERIFY(alarms >= 3);
}

void TestTracer::siginfoMatchesStrace_data() {
    QTest::addColumn<QString>("program");
    QTest::newRow("signals") << QStringLiteral("signals");   // SI_KERNEL, SI_USER, CLD_EXITED, stop
    QTest::newRow("segfault") << QStringLiteral("segfault"); // SEGV_MAPERR, si_addr
    QTest::newRow("forktree") << QStringLiteral("forktree"); // SIGCHLD with exit statuses
    QTest::newRow("groupstop") << QStringLiteral("groupstop"); // stopped by SIGSTOP, CLD_STOPPED
    // SI_TKILL, SI_QUEUE and SI_TIMER with values, POLL_IN with band and fd, SIGTRAP's SI_KERNEL,
    // SIGSYS from a filter's SECCOMP_RET_TRAP (si_errno), SEGV_MAPERR, BUS_ADRERR.
    QTest::newRow("siginfo") << QStringLiteral("siginfo");
}

void TestTracer::siginfoMatchesStrace() {
    // Every signal line's siginfo as strace 6.1 prints it (pids and times aside). How often a
    // timer fires depends on scheduling, so the distinct lines are compared, not their count.
    // SIGCHLDs may merge (a second one arriving while one is pending is dropped), so which of
    // them a run sees is timing too: those must have strace's exact form, and the runs must
    // share at least one; every other line must be in both runs.
    QFETCH(QString, program);
    bool available = false;
    const auto oracle = straceSignals({programPath(program.toStdString())}, &available);
    if (!available) {
        QSKIP("strace is not installed");
    }
    TracedRun run;
    traceInto(run, launch(program.toStdString()));
    const auto ours = recordedSignals(run.store);
    auto split = [](const std::vector<std::string>& lines, std::set<std::string>* chld,
                    std::set<std::string>* other) {
        for (const auto& l : lines) {
            (l.rfind("SIGCHLD ", 0) == 0 ? chld : other)->insert(l);
        }
    };
    std::set<std::string> ourChld, ourOther, straceChld, straceOther;
    split(ours, &ourChld, &ourOther);
    split(oracle, &straceChld, &straceOther);
    auto join = [](const std::set<std::string>& lines) {
        std::string s;
        for (const auto& l : lines) {
            s += "\n  " + l;
        }
        return s;
    };
    const std::string both = "syscope:" + join(ourChld) + join(ourOther) +
                             "\nstrace:" + join(straceChld) + join(straceOther);
    QVERIFY2(!ours.empty(), "no signals recorded");
    QVERIFY2(ourOther == straceOther, both.c_str());
    static const QRegularExpression chldForm(QStringLiteral(
        "^SIGCHLD \\{si_signo=SIGCHLD, si_code=CLD_(EXITED|KILLED|DUMPED|STOPPED|CONTINUED), "
        "si_pid=N, si_uid=0, si_status=([0-9]+|SIG[A-Z0-9]+), si_utime=N, si_stime=N\\}$"));
    for (const auto& l : ourChld) {
        QVERIFY2(chldForm.match(QString::fromStdString(l)).hasMatch(), l.c_str());
    }
    QCOMPARE(ourChld.empty(), straceChld.empty());
    if (!ourChld.empty()) {
        std::vector<std::string> shared;
        std::set_intersection(ourChld.begin(), ourChld.end(), straceChld.begin(), straceChld.end(),
                              std::back_inserter(shared));
        QVERIFY2(!shared.empty(), both.c_str());
    }
}

void TestTracer::sigkillDuringBlockedRead() {
    TracedRun run;
    const auto started = std::chrono::steady_clock::now();
    traceInto(run, launch("blocked_read"), [](Tracer& t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        kill(t.launchedPid(), SIGKILL);
    });
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    QCOMPARE(run.result.exitCode(), 128 + SIGKILL);
    const auto counts = countCalls(run.store);
    QVERIFY(counts.count("read"));
    // The last read never returned.
    QCOMPARE(counts.at("read").unfinished, 1L);
}

void TestTracer::segfault() {
    TracedRun run;
    traceInto(run, launch("segfault"));
    QCOMPARE(run.result.exitCode(), 128 + SIGSEGV);
    QCOMPARE(calls(countCalls(run.store), "getppid"), 3L);
    bool sawSignal = false;
    bool sawKilled = false;
    for (const auto& p : run.store.processEvents()) {
        sawSignal |= p.kind == ProcessEventKind::Signal && p.value == SIGSEGV;
        sawKilled |= p.kind == ProcessEventKind::Exit && WIFSIGNALED(p.value) &&
                     WTERMSIG(p.value) == SIGSEGV;
    }
    QVERIFY(sawSignal);
    QVERIFY(sawKilled);
}

void TestTracer::int80IsI386() {
    TracedRun run;
    traceInto(run, launch("int80"));
    if (run.result.exitCode() == 77) {
        QSKIP("this kernel has no IA-32 emulation");
    }
    QCOMPARE(run.result.exitCode(), 0);
    const auto counts = countCalls(run.store);
    QCOMPARE(calls(counts, "getpid@i386"), 3L);
    QCOMPARE(calls(counts, "getppid@i386"), 1L);
    for (std::size_t i = 0; i < run.store.eventCount(); ++i) {
        if (run.store.arch(i) == Arch::I386) {
            QVERIFY(run.store.flags(i) & EventFlag::Compat32);
        }
    }
}

void TestTracer::awkwardPaths() {
    TracedRun run;
    traceInto(run, launch("paths"));
    QCOMPARE(run.result.exitCode(), 0);
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < run.store.eventCount(); ++i) {
        if (syscallName(run.store.arch(i), run.store.nr(i)) != "openat") {
            continue;
        }
        const auto s = run.store.string(i, 1);
        if (s && std::string(s->bytes).rfind("/nonexistent/", 0) == 0) {
            QVERIFY(!s->truncated);
            paths.emplace_back(s->bytes);
            QVERIFY(run.store.ret(i) < 0);
        }
    }
    QCOMPARE(paths.size(), std::size_t(4));
    QCOMPARE(paths[0], std::string("/nonexistent/a\nb"));
    QCOMPARE(paths[1], std::string("/nonexistent/say \"hi\""));
    QCOMPARE(paths[2], std::string("/nonexistent/\xff\xfe-latin1-\xe9"));
    QCOMPARE(paths[3].size(), std::size_t(4000));
    QCOMPARE(paths[3].substr(0, 14), std::string("/nonexistent/x"));
}

void TestTracer::attachAndDetach() {
    QProcess sleeper;
    sleeper.start(QString::fromStdString(programPath("sleeper")), {});
    QVERIFY(sleeper.waitForReadyRead(5000));
    const int pid = sleeper.readLine().trimmed().toInt();
    QVERIFY(pid > 0);
    TracerOptions o;
    o.attachPids = {pid};
    TracedRun run;
    traceInto(run, o, [](Tracer& t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        t.requestStop();
    });
    QVERIFY2(run.result.started, run.result.error.c_str());
    QVERIFY(run.result.detached);
    const long seen = calls(countCalls(run.store), "getppid");
    QVERIFY2(seen >= 10 && seen < 150, std::to_string(seen).c_str());
    // The program goes on as if never traced.
    QVERIFY(sleeper.waitForFinished(10000));
    QCOMPARE(sleeper.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sleeper.exitCode(), 0);
    QCOMPARE(sleeper.readAll().trimmed(), QByteArray("done 150"));
}

void TestTracer::jobControlUnchanged() {
    TracedRun run;
    const auto started = std::chrono::steady_clock::now();
    traceInto(run, launch("groupstop"));
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
    QCOMPARE(run.result.exitCode(), 0);
    // The child's group-stop is recorded, as strace's "--- stopped by SIGSTOP ---".
    int stops = 0;
    for (const auto& p : run.store.processEvents()) {
        stops += p.kind == ProcessEventKind::Stopped && p.value == SIGSTOP;
    }
    QCOMPARE(stops, 1);
}

void TestTracer::untracedCloneIsLeftAlone() {
    // The child checks that its calls work (the seccomp filter it inherits must not fail them)
    // and execs a shell; none of it may be recorded. With a --filter too, which does not select
    // clone: the filter still stops at it.
    for (const char* filter : {"", "getppid", "%file"}) {
        TracerOptions o = launch("untraced");
        if (*filter) {
            std::string error;
            o.filter = *SyscallFilter::parse(filter, &error);
        }
        TracedRun run;
        traceInto(run, o);
        QCOMPARE(run.result.exitCode(), 0);
        QCOMPARE(calls(countCalls(run.store), "getppid"), *filter == '%' ? 0L : 5L);
        QCOMPARE(run.store.processCount(), std::size_t(1));
        // Only the traced process: its start, exec and exit.
        for (const auto& p : run.store.processEvents()) {
            QCOMPARE(p.pid, run.store.processEvents().front().pid);
        }
    }
}

void TestTracer::vforkExec() {
    TracedRun run;
    traceInto(run, launch("vforkexec"));
    QCOMPARE(run.result.exitCode(), 0);
    QCOMPARE(countProcessEvents(run.store, ProcessEventKind::Exec), 4);
    QCOMPARE(countProcessEvents(run.store, ProcessEventKind::Fork), 3);
    QCOMPARE(calls(countCalls(run.store), "vfork"), 3L);
}

void TestTracer::mapsAndAuxv() {
    TracedRun run;
    traceInto(run, launch("paths"));
    QCOMPARE(run.result.exitCode(), 0);
    const auto& maps = run.store.mapsSnapshots();
    QVERIFY(maps.size() >= 3);
    // The first snapshot is at exec; later ones follow mmap/munmap/mprotect/brk.
    QCOMPARE(maps.front().causeNr, -1);
    bool sawMunmap = false;
    for (const auto& m : maps) {
        sawMunmap |= m.causeNr == 11; // munmap
        bool hasVdso = false;
        for (const auto& e : m.entries) {
            hasVdso |= e.path == "[vdso]";
        }
        QVERIFY(hasVdso);
    }
    QVERIFY(sawMunmap);
    QVERIFY(!run.store.auxv().empty());
    bool hasSysinfo = false;
    for (const auto& a : run.store.auxv().front().entries) {
        hasSysinfo |= a.type == 33; // AT_SYSINFO_EHDR
    }
    QVERIFY(hasSysinfo);
}

void TestTracer::loneTaskIsServedWithoutSleeping() {
    // Pinned to the command's CPU, the recorder yields that CPU to the lone task it has just
    // resumed, and finds the task's next stop without sleeping in wait4. Unpinned (or without the
    // yield) it sleeps at nearly every one of the loop's 2 stops per call.
    constexpr long kCalls = 2000;
    TracedRun run;
    traceInto(run, launch("syscallloop", {std::to_string(kCalls)}));
    QCOMPARE(run.result.exitCode(), 0);
    QCOMPARE(calls(countCalls(run.store), "getppid"), kCalls);
    const std::string counts = "sleeps " + std::to_string(run.tracerSleeps) + ", preemptions " +
                               std::to_string(run.tracerPreemptions);
    QVERIFY2(run.tracerSleeps < kCalls / 2, counts.c_str());
    QVERIFY2(run.tracerPreemptions >= kCalls, counts.c_str());
}

void TestTracer::vdsoCallsAreCounted() {
    TracerOptions o = launch("clockloop");
    o.vdso = true;
    TracedRun run;
    traceInto(run, o);
    QVERIFY2(run.result.warnings.empty(),
             run.result.warnings.empty() ? "" : run.result.warnings.front().c_str());
    QCOMPARE(run.result.exitCode(), 0);
    std::map<int, int> vdso;
    std::vector<std::pair<TimeNs, TimeNs>> cpuTimeCalls;
    std::vector<std::pair<TimeNs, TimeNs>> clockSyscalls;
    for (std::size_t i = 0; i < run.store.eventCount(); ++i) {
        const SyscallEvent e = run.store.event(i);
        if (e.flags & EventFlag::Vdso) {
            QVERIFY(!e.unfinished());
            ++vdso[e.nr];
            if (e.nr == int(VdsoFunction::ClockGettime) && e.args[0] == 2) { // PROCESS_CPUTIME
                cpuTimeCalls.emplace_back(e.enter, e.exit);
            }
        } else if (syscallName(e.arch, e.nr) == "clock_gettime") {
            clockSyscalls.emplace_back(e.enter, e.exit);
        }
    }
    QCOMPARE(vdso[int(VdsoFunction::ClockGettime)], 1033);
    QCOMPARE(vdso[int(VdsoFunction::Gettimeofday)], 2);
    QCOMPARE(vdso[int(VdsoFunction::Time)], 2);
    QCOMPARE(vdso[int(VdsoFunction::Getcpu)], 2);
    QCOMPARE(clockSyscalls.size(), std::size_t(8));
    // A vDSO call that falls back to the kernel contains its syscall.
    QCOMPARE(cpuTimeCalls.size(), std::size_t(3));
    for (const auto& [enter, exit] : cpuTimeCalls) {
        bool nested = false;
        for (const auto& [sEnter, sExit] : clockSyscalls) {
            nested |= enter <= sEnter && sExit <= exit;
        }
        QVERIFY(nested);
    }
    // Without the option nothing of the vDSO is recorded.
    TracedRun plain;
    traceInto(plain, launch("clockloop"));
    for (std::size_t i = 0; i < plain.store.eventCount(); ++i) {
        QVERIFY(!(plain.store.flags(i) & EventFlag::Vdso));
    }
}

void TestTracer::vdsoAttachAndDetach() {
    QProcess target;
    target.start(QString::fromStdString(programPath("vdsoloop")), {});
    QVERIFY(target.waitForReadyRead(5000));
    const int pid = target.readLine().trimmed().toInt();
    TracerOptions o;
    o.attachPids = {pid};
    o.vdso = true;
    TracedRun run;
    traceInto(run, o, [](Tracer& t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        t.requestStop();
    });
    QVERIFY2(run.result.started, run.result.error.c_str());
    int vdsoCalls = 0;
    for (std::size_t i = 0; i < run.store.eventCount(); ++i) {
        vdsoCalls += (run.store.flags(i) & EventFlag::Vdso) != 0;
    }
    QVERIFY2(vdsoCalls > 100, std::to_string(vdsoCalls).c_str());
    // Breakpoints, trampoline and return addresses are all put back: it runs on unharmed.
    QVERIFY(target.waitForFinished(15000));
    QCOMPARE(target.exitStatus(), QProcess::NormalExit);
    QCOMPARE(target.exitCode(), 0);
    QCOMPARE(target.readAll().trimmed(), QByteArray("done"));
}

void TestTracer::missingProgram() {
    TracedRun run;
    traceInto(run, launch("does-not-exist"));
    QVERIFY(!run.result.started);
    QVERIFY2(run.result.error.find("does-not-exist") != std::string::npos,
             run.result.error.c_str());
}

void TestTracer::attachErrors() {
    {
        TracerOptions o;
        o.attachPids = {0x3ffffff0};
        TracedRun run;
        traceInto(run, o);
        QVERIFY(!run.result.started);
        QVERIFY2(run.result.error.find("no such process") != std::string::npos,
                 run.result.error.c_str());
    }
    {
        TracerOptions o;
        o.attachPids = {getpid()};
        TracedRun run;
        traceInto(run, o);
        QVERIFY(!run.result.started);
        QVERIFY2(run.result.error.find("syscope itself") != std::string::npos,
                 run.result.error.c_str());
    }
}

void TestTracer::matchesStrace_data() {
    QTest::addColumn<QString>("program");
    // Calls whose count depends on timing (a futex wait happens only when the waiter is first).
    QTest::addColumn<QStringList>("timingDependent");
    QTest::newRow("threads") << QStringLiteral("threads") << QStringList{QStringLiteral("futex")};
    QTest::newRow("forktree") << QStringLiteral("forktree") << QStringList{};
    QTest::newRow("vforkexec") << QStringLiteral("vforkexec") << QStringList{};
    QTest::newRow("untraced") << QStringLiteral("untraced") << QStringList{};
    QTest::newRow("ownfilter") << QStringLiteral("ownfilter") << QStringList{};
    QTest::newRow("paths") << QStringLiteral("paths") << QStringList{};
    QTest::newRow("segfault") << QStringLiteral("segfault") << QStringList{};
    QTest::newRow("int80") << QStringLiteral("int80") << QStringList{};
    // The leader may or may not get to restore its signal mask and enter pause() before its
    // thread's exec ends it.
    QTest::newRow("exec_thread") << QStringLiteral("exec_thread")
                                 << QStringList{QStringLiteral("rt_sigprocmask"),
                                                QStringLiteral("pause")};
    // Whether SIGCHLD from the kicker child interrupts the resumed sleep once more depends on
    // timing (under either tracer).
    QTest::newRow("signals") << QStringLiteral("signals")
                             << QStringList{QStringLiteral("restart_syscall"),
                                            QStringLiteral("clock_nanosleep")};
    // Whether the child is already blocked in read when SIGSTOP comes (and wait4 when SIGCHLD
    // comes) decides if those calls are interrupted and restarted.
    QTest::newRow("groupstop") << QStringLiteral("groupstop")
                               << QStringList{QStringLiteral("read"), QStringLiteral("wait4")};
}

void TestTracer::matchesStrace() {
    QFETCH(QString, program);
    QFETCH(QStringList, timingDependent);
    bool available = false;
    auto oracle = straceCounts({programPath(program.toStdString())}, &available);
    if (!available) {
        QSKIP("strace is not installed");
    }
    TracedRun run;
    traceInto(run, launch(program.toStdString()));
    auto ours = countCalls(run.store);
    for (const auto& name : timingDependent) {
        ours.erase(name.toStdString());
        oracle.erase(name.toStdString());
    }
    const std::string diff = compareWithStrace(ours, oracle);
    QVERIFY2(diff.empty(), diff.c_str());
}

QTEST_GUILESS_MAIN(TestTracer)
#include "tst_tracer.moc"
