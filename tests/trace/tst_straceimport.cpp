// strace logs in: the syntax pieces, hand-written odd lines, and logs written by the installed
// strace for the suite's test programs, whose per-syscall counts must equal strace's own -C
// summary of the same run.
#include "TraceTestUtil.h"

#include "syscalls/EventFormatter.h"
#include "trace/Statistics.h"
#include "trace/StraceImport.h"
#include "trace/StraceSyntax.h"
#include "trace/TraceReader.h"
#include "trace/TraceStore.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <csignal>
#include <map>
#include <sstream>

using namespace syscope;
using namespace syscope::testutil;

namespace {

using Counts = std::map<std::string, std::pair<std::uint64_t, std::uint64_t>>; // calls, errors

// strace's -c/-C table(s); the 32-bit table is added to the 64-bit one by name, because a log
// does not say which personality a line came from.
Counts parseSummary(const std::string& text) {
    Counts counts;
    std::istringstream in(text);
    std::string line;
    bool inTable = false;
    while (std::getline(in, line)) {
        if (line.rfind("% time", 0) == 0) {
            inTable = true;
            continue;
        }
        if (!inTable || line.rfind("------", 0) == 0) {
            continue;
        }
        std::istringstream row(line);
        std::vector<std::string> tokens;
        for (std::string t; row >> t;) {
            tokens.push_back(t);
        }
        if (tokens.size() < 5 || tokens.back() == "total" ||
            !std::isdigit(static_cast<unsigned char>(tokens[0][0]))) {
            inTable = tokens.size() >= 5 && tokens.back() == "total" ? false : inTable;
            continue;
        }
        auto& c = counts[tokens.back()];
        c.first += std::stoull(tokens[3]);
        c.second += tokens.size() == 6 ? std::stoull(tokens[4]) : 0;
    }
    return counts;
}

Counts importedCounts(const TraceStore& store) {
    Counts counts;
    for (const auto& s : computeStatistics(store).syscalls) {
        if (s.calls == s.unfinished) {
            continue; // strace -c counts at syscall exit
        }
        auto& c = counts[s.name];
        c.first += s.calls - s.unfinished;
        c.second += s.errors;
    }
    return counts;
}

std::string describe(const Counts& c) {
    std::string out;
    for (const auto& [name, v] : c) {
        out += name + "=" + std::to_string(v.first) + "/" + std::to_string(v.second) + " ";
    }
    return out;
}

QString program(const char* name) {
    return QStringLiteral(SYSCOPE_TEST_PROGRAMS_DIR "/") + QLatin1String(name);
}

bool runStrace(const QStringList& args, const QString& stderrFile = {}) {
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    if (!stderrFile.isEmpty()) {
        p.setStandardErrorFile(stderrFile);
    }
    p.start(QStringLiteral("strace"), args);
    // strace ends the way the traced program did (a segfault kills it with SIGSEGV too).
    return p.waitForFinished(60000);
}

StraceImportReport importInto(const std::vector<std::string>& paths, TraceStore& store) {
    EventBatch batch;
    TraceMetadata meta;
    StraceImportReport report;
    std::string error;
    if (!importStraceLogs(paths, batch, meta, report, &error)) {
        qWarning("%s", error.c_str());
    }
    store.setMetadata(meta);
    store.append(batch);
    return report;
}

} // namespace

class TestStraceImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    StraceImportReport importText(const std::string& text, TraceStore& store,
                                  const std::string& name = "log") {
        EventBatch batch;
        TraceMetadata meta;
        StraceImportReport report;
        importStraceTexts({{name, text, pidFromStraceFileName(name)}}, batch, meta, report);
        store.setMetadata(meta);
        store.append(batch);
        return report;
    }

private slots:
    void syntax() {
        using namespace strace;
        QCOMPARE(splitArgs("AT_FDCWD, \"/a, b\\\"(\", O_RDONLY").size(), std::size_t(3));
        QCOMPARE(splitArgs("{tv_sec=0, tv_nsec=5}, NULL").size(), std::size_t(2));
        QCOMPARE(splitArgs("").size(), std::size_t(0));
        QCOMPARE(splitArgs("3</tmp/a,b>, 5").size(), std::size_t(2));
        QCOMPARE(findCallEnd("1, \")\", [2, 3]) = 0"), std::size_t(15));
        QCOMPARE(findCallEnd("<... resuming interrupted read ...>) = 0"), std::size_t(36));
        QCOMPARE(findCallEnd("\"unterminated"), std::string_view::npos);
        bool truncated = false;
        std::size_t used = 0;
        auto s = parseQuoted("\"a\\nb\\\"\\x41\\0\\377\\t\"...,", &truncated, &used);
        QVERIFY(s);
        QCOMPARE(*s, std::string("a\nb\"A\0\377\t", 8));
        QVERIFY(truncated);
        QCOMPARE(used, std::size_t(23));
        QVERIFY(!parseQuoted("\"abc", nullptr, nullptr));
        QVERIFY(!parseQuoted("\"\\", nullptr, nullptr));
        QCOMPARE(*parseNumber("-100"), static_cast<std::uint64_t>(-100));
        QCOMPARE(*parseNumber("0x7f00"), std::uint64_t(0x7f00));
        QCOMPARE(*parseNumber("0644"), std::uint64_t(0644));
        QCOMPARE(*parseNumber("18446744073709551615"), ~0ULL);
        QVERIFY(!parseNumber("18446744073709551616"));
        QVERIFY(!parseNumber("12a"));
        QCOMPARE(*argumentValue("AT_FDCWD"), static_cast<std::uint64_t>(-100));
        QCOMPARE(*argumentValue("O_RDONLY|O_CLOEXEC"), std::uint64_t(02000000));
        QCOMPARE(*argumentValue("3</etc/ld.so.cache>"), std::uint64_t(3));
        QCOMPARE(*argumentValue("0x7ffe64c02e78 /* 37 vars */"), std::uint64_t(0x7ffe64c02e78));
        QCOMPARE(*argumentValue("CLONE_VM|CLONE_THREAD|SIGCHLD"), std::uint64_t(0x10100 | 17));
        QCOMPARE(*argumentValue("NULL"), std::uint64_t(0));
        // Names the formatter's tables supply (the importer's own list keeps only the rest).
        const std::pair<const char*, std::uint64_t> names[] = {
            {"O_WRONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND",
             01 | 0100 | 0200 | 0400 | 01000 | 02000},
            {"O_RDWR|O_NONBLOCK|O_DSYNC|O_ASYNC|O_DIRECT|O_LARGEFILE",
             02 | 04000 | 010000 | 020000 | 040000 | 0100000},
            {"O_DIRECTORY|O_NOFOLLOW|O_NOATIME|O_SYNC", 0200000 | 0400000 | 01000000 | 04010000},
            {"O_PATH", 010000000},
            {"O_TMPFILE", 020200000},
            {"PROT_NONE", 0},
            {"PROT_READ|PROT_WRITE|PROT_EXEC", 7},
            {"MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS|MAP_DENYWRITE|MAP_NORESERVE|MAP_STACK",
             0x2 | 0x10 | 0x20 | 0x800 | 0x4000 | 0x20000},
            {"MAP_SHARED|MAP_FIXED_NOREPLACE", 0x100001},
            {"F_OK", 0},
            {"R_OK|W_OK|X_OK", 7},
            {"AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH", 0x1100},
            {"AT_REMOVEDIR", 0x200},
            {"AT_EACCESS", 0x200},
            {"AT_STATX_SYNC_AS_STAT", 0},
            {"SEEK_END", 2},
            {"CLOCK_MONOTONIC", 1},
            {"CLOCK_BOOTTIME", 7},
            {"TIMER_ABSTIME", 1},
            {"SIG_SETMASK", 2},
            {"WNOHANG|WUNTRACED|__WALL", 0x40000003},
            {"ARCH_SET_FS", 0x1002},
            {"CLONE_VFORK|CLONE_DETACHED|CLONE_UNTRACED|CLONE_IO",
             0x4000 | 0x400000 | 0x800000 | 0x80000000},
            {"FD_CLOEXEC", 1},
            {"F_DUPFD_CLOEXEC", 1030},
            {"F_SETFL", 4},
            {"RLIMIT_NOFILE", 7},
            {"GRND_NONBLOCK|GRND_RANDOM", 3},
            {"EFD_CLOEXEC|EFD_NONBLOCK", 02004000},
        };
        for (const auto& [text, value] : names) {
            const auto parsed = argumentValue(text);
            QVERIFY2(parsed, text);
            QCOMPARE(*parsed, value);
        }
        QVERIFY(!argumentValue("{st_mode=S_IFREG|0644, ...}"));
        QVERIFY(!argumentValue("[\"a\"]"));
        auto r = parseReturn("-1 ENOENT (No such file or directory)");
        QVERIFY(r && !r->unfinished && r->value == -2);
        r = parseReturn("? ERESTARTSYS (To be restarted if SA_RESTART is set)");
        QVERIFY(r && r->value == -512);
        r = parseReturn("?");
        QVERIFY(r && r->unfinished);
        r = parseReturn("0x7f3d35b93000");
        QVERIFY(r && r->value == 0x7f3d35b93000);
        r = parseReturn("3</etc/ld.so.cache>");
        QVERIFY(r && r->value == 3);
        r = parseReturn("1 ([{fd=3, revents=POLLIN}])");
        QVERIFY(r && r->value == 1);
        QVERIFY(!parseReturn("garbage"));
        std::string_view line = "read(0, \"\", 1) = 0 <0.000123>";
        QCOMPARE(*takeDuration(&line), std::int64_t(123000));
        QCOMPARE(line, std::string_view("read(0, \"\", 1) = 0"));
        line = "x = 0 <1.000000001>";
        QCOMPARE(*takeDuration(&line), std::int64_t(1000000001));
        line = "getppid( <unfinished ...>";
        QVERIFY(!takeDuration(&line));
    }

    void structsAndArraysAreKept() {
        // strace prints structs and arrays instead of their addresses; the rendering is kept as
        // the argument's string and comes back out as it was (it used to become NULL).
        const std::vector<std::string> lines = {
            "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=50563, ...}, AT_EMPTY_PATH) = 0",
            "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0",
            "nanosleep({tv_sec=1, tv_nsec=0}, NULL) = 0",
            "getrandom(\"\\x57\\x02\\xb4\\x04\\x59\\xc0\\x6e\\x03\", 8, GRND_NONBLOCK) = 8",
            "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 7",
            "statfs(\"/selinux\", 0x7ffd41a8fb00) = -1 ENOENT (No such file or directory)",
            "poll([{fd=3, events=POLLIN}, {fd=-1}], 2, 0) = 1 ([{fd=3, revents=POLLIN|POLLHUP}])",
            "poll([{fd=4, events=0}], 1, 0) = 0 (Timeout)",
            "getsockname(3, {sa_family=AF_UNIX, sun_path=@\"x\"}, [128 => 5]) = 0",
            "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0",
            "getgroups(64, [4, 24, 27]) = 3",
            "sched_getaffinity(0, 128, [0 1]) = 32",
            "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0",
            "setsockopt(3, SOL_TCP, TCP_CONGESTION, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"..., 40) = "
            "-1 ENOENT (No such file or directory)",
            "getsockopt(3, SOL_SOCKET, SO_TYPE, [1], [8 => 4]) = 0",
            "getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0",
            "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=1, tv_nsec=500}, [CHLD], 8) = 1 ([{fd=3, "
            "revents=POLLIN}], left {tv_sec=0, tv_nsec=999999432})",
            "ioctl(3, FIONREAD, [3]) = 0",
            "timerfd_settime(3, 0, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2, "
            "tv_nsec=500}}, NULL) = 0",
            "getitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=5, "
            "tv_usec=249719}}) = 0",
            "ioctl(3, FIOCLEX) = 0",
            "ioctl(0, TCGETS, NULL) = -1 ENOTTY (Inappropriate ioctl for device)",
        };
        std::string log;
        for (const auto& line : lines) {
            log += "100 " + line + "\n";
        }
        TraceStore store;
        importText(log, store);
        QCOMPARE(store.eventCount(), lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string text =
                formatSyscall(store.event(i), [&](int arg) -> std::optional<ArgString> {
                    if (const auto s = store.string(i, arg)) {
                        return ArgString{s->bytes, s->truncated};
                    }
                    return std::nullopt;
                });
            QCOMPARE(QString::fromStdString(text), QString::fromStdString(lines[i]));
        }
    }

    void handWrittenVariants() {
        // Every variant in one -f log: [pid N] and bare pids, -tt times, -T, -yy, pairs across
        // threads, signals, exits, kills, restart_syscall, a 32-bit mode switch, odd strings.
        const std::string log =
            "100 05:00:00.000001 execve(\"/bin/prog\", [\"prog\", \"a b\"], 0x7ffc /* 3 vars */) = "
            "0 <0.000200>\n"
            "100 05:00:00.000300 openat(AT_FDCWD</tmp>, \"/etc/x\\n\\\"y\\\"\\377\", "
            "O_RDONLY|O_CLOEXEC) = 3</etc/x> <0.000010>\n"
            "100 05:00:00.000400 clone(child_stack=0x7f00, "
            "flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_"
            "SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, parent_tid=[101], tls=0x7f01, "
            "child_tidptr=0x7f02) = 101 <0.000050>\n"
            "[pid   101] 05:00:00.000500 read(3</etc/x>,  <unfinished ...>\n"
            "100 05:00:00.000510 getppid()   = 1 <0.000002>\n"
            "[pid   101] 05:00:00.000600 <... read resumed>\"data\"..., 4096) = 4096 <0.000100>\n"
            "101 05:00:00.000700 nanosleep({tv_sec=1, tv_nsec=0},  <unfinished ...>\n"
            "100 05:00:00.000710 --- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n"
            "101 05:00:00.000800 <... nanosleep resumed>0x7ffd) = ? ERESTART_RESTARTBLOCK "
            "(Interrupted by signal) <0.000100>\n"
            "101 05:00:00.000900 restart_syscall(<... resuming interrupted nanosleep ...>) = 0 "
            "<0.500000>\n"
            "100 05:00:01.000000 write(1, \"x\", 1) = -1 EPIPE (Broken pipe) <0.000003>\n"
            "100 05:00:01.000010 --- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=100, "
            "si_uid=0} ---\n"
            "[ Process PID=100 runs in 32 bit mode. ]\n"
            "100 05:00:01.000020 getpid() = 100 <0.000001>\n"
            "100 05:00:01.000030 --- stopped by SIGSTOP ---\n"
            "101 05:00:01.000040 exit(0) = ?\n"
            "101 05:00:01.000050 +++ exited with 0 +++\n"
            "this line is not strace output\n"
            "100 05:00:01.000060 +++ killed by SIGSEGV (core dumped) +++\n"
            "100 05:00:01.000070 <... munmap resumed>) = 0\n";
        TraceStore store;
        const StraceImportReport report = importText(log, store);
        QCOMPARE(report.unknownLines, std::size_t(1));
        QCOMPARE(report.unknownSamples.size(), std::size_t(1));
        QCOMPARE(report.unknownSamples[0], std::string("log:18: this line is not strace output"));
        QCOMPARE(report.unmatchedResumes, std::size_t(1));
        QVERIFY(report.hadTimestamps && report.hadDurations);
        QCOMPARE(store.eventCount(), std::size_t(11));
        // execve: times from -tt plus -T, argv into an Exec process event.
        SyscallEvent e = store.event(0);
        QCOMPARE(e.nr, 59);
        QCOMPARE(e.pid, 100);
        QCOMPARE(e.exit - e.enter, TimeNs(200000));
        QCOMPARE(e.enter, TimeNs((5 * 3600) * 1'000'000'000LL + 1000));
        // openat with -yy annotations and escapes.
        e = store.event(1);
        QCOMPARE(e.nr, 257);
        QCOMPARE(e.args[0], static_cast<std::uint64_t>(-100));
        QCOMPARE(e.args[2], std::uint64_t(02000000));
        QCOMPARE(e.ret, std::int64_t(3));
        QCOMPARE(std::string(store.string(1, 1)->bytes), std::string("/etc/x\n\"y\"\377"));
        // The thread's read is paired across the other task's line and belongs to pid 100.
        bool sawRead = false;
        bool sawRestart = false;
        bool sawExit = false;
        bool sawGetpid32 = false;
        for (std::size_t i = 0; i < store.eventCount(); ++i) {
            e = store.event(i);
            if (e.nr == 0 && e.tid == 101) {
                sawRead = true;
                QCOMPARE(e.pid, 100);
                QCOMPARE(e.ret, std::int64_t(4096));
                QCOMPARE(e.exit - e.enter, TimeNs(100000));
                QCOMPARE(e.args[0], std::uint64_t(3));
                QVERIFY(store.string(i, 1)->truncated);
            }
            if (e.nr == 35) { // nanosleep interrupted
                QCOMPARE(e.ret, std::int64_t(-516));
                QVERIFY(!e.unfinished());
            }
            if (e.nr == 219) {
                sawRestart = true;
                QCOMPARE(e.exit - e.enter, TimeNs(500'000'000));
            }
            if (e.nr == 60) {
                sawExit = true;
                QVERIFY(e.unfinished());
            }
            if (e.arch == Arch::I386) {
                QVERIFY(e.flags & EventFlag::Compat32);
                sawGetpid32 = sawGetpid32 || e.nr == 20; // getpid in the i386 table
            }
            if (e.nr == 1) {
                QCOMPARE(e.ret, std::int64_t(-32));
            }
        }
        QVERIFY(sawRead && sawRestart && sawExit && sawGetpid32);
        // Process events: start, thread, exec, signals, exits.
        int threads = 0;
        int signalCount = 0;
        int stops = 0;
        int exits = 0;
        int execs = 0;
        for (const auto& p : store.processEvents()) {
            switch (p.kind) {
            case ProcessEventKind::Thread:
                ++threads;
                QCOMPARE(p.tid, 101);
                QCOMPARE(p.pid, 100);
                QCOMPARE(p.parent, 100);
                break;
            case ProcessEventKind::Stopped:
                ++stops;
                QCOMPARE(p.value, SIGSTOP);
                QCOMPARE(p.tid, 100);
                break;
            case ProcessEventKind::Signal:
                ++signalCount;
                QCOMPARE(p.detail,
                         std::string(p.value == SIGALRM ? "{si_signo=SIGALRM, si_code=SI_KERNEL}"
                                                        : "{si_signo=SIGPIPE, si_code=SI_USER, "
                                                          "si_pid=100, si_uid=0}"));
                break;
            case ProcessEventKind::Exit:
                ++exits;
                if (p.tid == 100) {
                    QCOMPARE(p.value, 11 | 0x80);
                } else {
                    QCOMPARE(p.value, 0);
                }
                break;
            case ProcessEventKind::Exec:
                ++execs;
                QCOMPARE(p.argv, (std::vector<std::string>{"prog", "a b"}));
                QCOMPARE(p.exe, std::string("/bin/prog"));
                QCOMPARE(p.comm, std::string("prog"));
                break;
            default:
                break;
            }
        }
        QCOMPARE(threads, 1);
        QCOMPARE(signalCount, 2);
        QCOMPARE(stops, 1);
        QCOMPARE(exits, 2);
        QCOMPARE(execs, 1);
        QCOMPARE(store.metadata().command, (std::vector<std::string>{"prog", "a b"}));
        QCOMPARE(store.taskCount(), std::size_t(2));
    }

    void execFromNonLeaderThread_data() {
        QTest::addColumn<QString>("execveLine");
        // strace 6.1 ends the thread's execve line either way, depending on whether the leader's
        // exit reached it before the exec.
        QTest::newRow("unfinished")
            << QStringLiteral("201 7.000300 execve(\"/proc/self/exe\", [\"prog\", \"after\"], "
                              "0x7ffe /* 3 vars */ <unfinished ...>");
        QTest::newRow("pid changed")
            << QStringLiteral("201 7.000300 execve(\"/proc/self/exe\", [\"prog\", \"after\"], "
                              "0x7ffe /* 3 vars */ <pid changed to 200 ...>");
    }

    void execFromNonLeaderThread() {
        // Thread 201 of process 200 calls execve; the leader 200 dies in pause() and the exec'd
        // program continues under the leader's tid, where strace prints the execve's result.
        QFETCH(QString, execveLine);
        const std::string log = "200 7.000000 clone3({flags=CLONE_VM|CLONE_THREAD, ...}, 88) = 201 "
                                "<0.000050>\n"
                                "200 7.000200 pause( <unfinished ...>\n" +
                                execveLine.toStdString() +
                                "\n"
                                "200 7.000400 <... pause resumed>) = ?\n"
                                "200 7.000500 +++ superseded by execve in pid 201 +++\n"
                                "200 7.000600 <... execve resumed>) = 0 <0.000300>\n"
                                "200 7.000700 brk(NULL) = 0x5555 <0.000010>\n"
                                "200 7.000800 exit_group(0) = ?\n"
                                "200 7.000900 +++ exited with 0 +++\n";
        TraceStore store;
        const StraceImportReport report = importText(log, store);
        QCOMPARE(report.unknownLines, std::size_t(0));
        QCOMPARE(report.unmatchedResumes, std::size_t(0));
        QCOMPARE(store.eventCount(), std::size_t(5));
        const SyscallEvent pause = store.event(1);
        QCOMPARE(pause.nr, 34);
        QCOMPARE(pause.tid, 200);
        QVERIFY(pause.unfinished());
        const SyscallEvent execve = store.event(2);
        QCOMPARE(execve.nr, 59);
        QCOMPARE(execve.pid, 200);
        QVERIFY(!execve.unfinished());
        QCOMPARE(execve.ret, std::int64_t(0));
        QCOMPARE(execve.exit - execve.enter, TimeNs(300'000));
        QCOMPARE(std::string(store.string(2, 0)->bytes), std::string("/proc/self/exe"));
        const SyscallEvent brk = store.event(3);
        QCOMPARE(brk.nr, 12);
        QCOMPARE(brk.tid, 200);
        QCOMPARE(brk.pid, 200);
        int execs = 0;
        for (const auto& p : store.processEvents()) {
            if (p.kind == ProcessEventKind::Exec) {
                ++execs;
                QCOMPARE(p.pid, 200);
                QCOMPARE(p.argv, (std::vector<std::string>{"prog", "after"}));
            }
        }
        QCOMPARE(execs, 1);
        // strace -c counts the execve once, for the process; pause never returned.
        const Counts counts = importedCounts(store);
        QCOMPARE(counts.at("execve").first, std::uint64_t(1));
        QVERIFY(!counts.count("pause"));
    }

    void timestampsAndPids_data() {
        QTest::addColumn<QString>("log");
        QTest::addColumn<qint64>("secondEnter");
        QTest::addColumn<int>("tid");
        QTest::newRow("none") << QStringLiteral("getpid() = 7\ngetppid() = 1\n") << qint64(2000)
                              << 7;
        QTest::newRow("-t") << QStringLiteral("10:00:01 getpid() = 7\n10:00:02 getppid() = 1\n")
                            << qint64(36002LL * 1'000'000'000) << 7;
        QTest::newRow("-ttt")
            << QStringLiteral("1700000000.5 getppid() = 1\n1700000001.000000001 getppid() = 1\n")
            << qint64(1700000001000000001LL) << 1;
        QTest::newRow("-r") << QStringLiteral(
                                   "     0.000000 getppid() = 1\n     0.000250 getppid() = 1\n")
                            << qint64(250000) << 1;
        QTest::newRow("midnight")
            << QStringLiteral("23:59:59.999999 getppid() = 1\n00:00:00.000001 getppid() = 1\n")
            << qint64(86400000001000LL) << 1;
        QTest::newRow("bare pid -r")
            << QStringLiteral("42      0.000000 getppid() = 1\n42      0.000003 getppid() = 1\n")
            << qint64(3000) << 42;
        QTest::newRow("[pid] -ttt")
            << QStringLiteral("[pid 43] 1700000001.000000 getppid() = 1\n[pid 43] "
                              "1700000002.000000 getppid() = 1\n")
            << qint64(1700000002LL * 1'000'000'000) << 43;
    }
    void timestampsAndPids() {
        QFETCH(QString, log);
        QFETCH(qint64, secondEnter);
        QFETCH(int, tid);
        TraceStore store;
        const auto report = importText(log.toStdString(), store);
        QCOMPARE(report.unknownLines, std::size_t(0));
        QCOMPARE(store.eventCount(), std::size_t(2));
        QCOMPARE(store.enterTime(1), TimeNs(secondEnter));
        QCOMPARE(store.tid(1), tid);
    }

    void fileNameSuffix() {
        QCOMPARE(pidFromStraceFileName("/tmp/x/trace.1234"), 1234);
        QCOMPARE(pidFromStraceFileName("trace.log"), 0);
        QCOMPARE(pidFromStraceFileName("a.b/trace"), 0);
        QCOMPARE(pidFromStraceFileName("trace."), 0);
        TraceStore store;
        importText("getppid() = 1\n", store, "out.555");
        QCOMPARE(store.tid(0), 555);
    }

    void contentSniffing() {
        QVERIFY(looksLikeStraceLog(
            "execve(\"/bin/true\", [\"true\"], 0x7ffd /* 3 vars */) = 0\nbrk(NULL) = 0x1\n"));
        QVERIFY(looksLikeStraceLog("123 1700000000.000001 getppid() = 1 <0.000001>\n"));
        QVERIFY(!looksLikeStraceLog("hello world\nthis is text\n"));
        QVERIFY(!looksLikeStraceLog(std::string_view("\x89SYSCOPE\x01\0\0\0", 12)));
        QVERIFY(!looksLikeStraceLog(""));
        // loadTrace() opens an strace log like a trace.
        const std::string path = m_dir.filePath(QStringLiteral("plain.txt")).toStdString();
        writeFile(path,
                  "openat(AT_FDCWD, \"/x\", O_RDONLY) = -1 ENOENT (No such file or directory)\n"
                  "garbage line\nexit_group(0) = ?\n+++ exited with 0 +++\n");
        TraceStore store;
        std::string error;
        std::string warning;
        QVERIFY2(loadTrace(path, store, &error, {}, &warning), error.c_str());
        QCOMPARE(store.eventCount(), std::size_t(2));
        QVERIFY2(warning.find("1 line was not understood") != std::string::npos, warning.c_str());
        QVERIFY2(warning.find("plain.txt:2: garbage line") != std::string::npos, warning.c_str());
    }

    void realStraceCountsMatch_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("options");
        const char* programs[] = {"threads",  "forktree", "signals", "exec_thread",
                                  "segfault", "int80",    "paths",   "vforkexec"};
        const QList<QStringList> variants = {
            {QStringLiteral("-f")},
            {QStringLiteral("-f"), QStringLiteral("-tt"), QStringLiteral("-T")},
            {QStringLiteral("-f"), QStringLiteral("-ttt"), QStringLiteral("-T"),
             QStringLiteral("-yy")},
            {QStringLiteral("-f"), QStringLiteral("-r")},
            {QStringLiteral("-f"), QStringLiteral("-t"), QStringLiteral("-y")},
            {QStringLiteral("-tt")},
        };
        for (const char* prog : programs) {
            for (const auto& v : variants) {
                QTest::newRow(
                    qPrintable(QLatin1String(prog) + QLatin1Char(' ') + v.join(QLatin1Char(' '))))
                    << QString::fromLatin1(prog) << v;
            }
        }
    }
    void realStraceCountsMatch() {
        QFETCH(QString, program);
        QFETCH(QStringList, options);
        if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty()) {
            QSKIP("strace is not installed");
        }
        const QString exe = ::program(program.toLatin1().constData());
        if (!QFileInfo::exists(exe)) {
            QSKIP("test programs not built");
        }
        const QString log = m_dir.filePath(program + QStringLiteral(".log"));
        QVERIFY(
            runStrace(options + QStringList{QStringLiteral("-C"), QStringLiteral("-o"), log, exe}));
        const std::string text = readFile(log.toStdString());
        const Counts expected = parseSummary(text);
        QVERIFY(!expected.empty());
        TraceStore store;
        const StraceImportReport report = importInto({log.toStdString()}, store);
        QVERIFY2(report.unknownLines == 0, report.summary().c_str());
        QCOMPARE(report.unknownSyscalls, std::size_t(0));
        const Counts got = importedCounts(store);
        QVERIFY2(got == expected,
                 ("imported: " + describe(got) + "\nstrace -C: " + describe(expected)).c_str());
    }

    void stderrOutputWithAttachNotes() {
        // Without -o, strace writes "[pid N]" prefixes and cuts lines with "strace: Process N
        // attached" notes; the summary follows on the same stream.
        if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty()) {
            QSKIP("strace is not installed");
        }
        const QString exe = program("threads");
        if (!QFileInfo::exists(exe)) {
            QSKIP("test programs not built");
        }
        const QString log = m_dir.filePath(QStringLiteral("stderr.log"));
        QVERIFY(runStrace({QStringLiteral("-f"), QStringLiteral("-C"), exe}, log));
        const std::string text = readFile(log.toStdString());
        QVERIFY(text.find("[pid ") != std::string::npos);
        TraceStore store;
        const StraceImportReport report = importInto({log.toStdString()}, store);
        QVERIFY2(report.unknownLines == 0, report.summary().c_str());
        const Counts got = importedCounts(store);
        const Counts expected = parseSummary(text);
        QVERIFY2(got == expected,
                 ("imported: " + describe(got) + "\nstrace -C: " + describe(expected)).c_str());
    }

    void separateFilesPerProcess() {
        // -ff -o: one file per task, pid from the suffix. strace cannot write a summary in this
        // mode, so compare with a -f -C run of the same deterministic program.
        if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty()) {
            QSKIP("strace is not installed");
        }
        for (const char* prog : {"forktree", "threads"}) {
            const QString exe = program(prog);
            if (!QFileInfo::exists(exe)) {
                QSKIP("test programs not built");
            }
            const QString dir = m_dir.filePath(QStringLiteral("ff-") + QLatin1String(prog));
            QVERIFY(QDir().mkpath(dir));
            const QString base = dir + QStringLiteral("/trace");
            QVERIFY(runStrace(
                {QStringLiteral("-ff"), QStringLiteral("-ttt"), QStringLiteral("-o"), base, exe}));
            std::vector<std::string> files;
            for (const auto& f : QDir(dir).entryInfoList(QDir::Files, QDir::Name)) {
                files.push_back(f.filePath().toStdString());
            }
            QVERIFY(files.size() >= 2);
            TraceStore store;
            const StraceImportReport report = importInto(files, store);
            QVERIFY2(report.unknownLines == 0, report.summary().c_str());
            QCOMPARE(store.taskCount(), files.size());
            const QString log = m_dir.filePath(QStringLiteral("ffref.log"));
            QVERIFY(runStrace(
                {QStringLiteral("-f"), QStringLiteral("-C"), QStringLiteral("-o"), log, exe}));
            Counts expected = parseSummary(readFile(log.toStdString()));
            Counts got = importedCounts(store);
            // Thread start-up may take a futex wait or not, depending on timing.
            expected.erase("futex");
            got.erase("futex");
            QVERIFY2(got == expected,
                     ("imported: " + describe(got) + "\nstrace -C: " + describe(expected)).c_str());
            // Every task's pid is resolved through the clone calls: threads share their pid.
            if (std::string(prog) == "threads") {
                QCOMPARE(store.processCount(), std::size_t(1));
            }
        }
    }

    void unreadableFile() {
        EventBatch batch;
        TraceMetadata meta;
        StraceImportReport report;
        std::string error;
        QVERIFY(!importStraceLogs({"/nonexistent/log"}, batch, meta, report, &error));
        QVERIFY2(error.find("/nonexistent/log: cannot open") == 0, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestStraceImport)
#include "tst_straceimport.moc"
