#include "proc/ProcStatus.h"
#include "proc/SystemFacts.h"

#include <QtTest>

#include <atomic>
#include <csignal>
#include <sys/ptrace.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace syscope;

class TestProcStatus : public QObject {
    Q_OBJECT
private slots:
    void self();
    void tracedChild();
    void zombieAndGone();
    void kernelThread();
    void unprivilegedView();
    void processList();
    void systemFacts();
    void vsyscallModes_data();
    void vsyscallModes();
};

void TestProcStatus::self() {
    const int me = int(getpid());
    QCOMPARE(tracerPid(me).value_or(-1), 0);
    QCOMPARE(readComm(me), std::string("tst_proc_status"));
    const auto argv = readCmdline(me);
    QVERIFY(!argv.empty());
    QVERIFY(QByteArray::fromStdString(argv[0]).endsWith("tst_proc_status"));
    QVERIFY(QByteArray::fromStdString(readExe(me)).endsWith("/tst_proc_status"));
    const auto tasks = listTasks(me);
    QVERIFY(!tasks.empty());
    QCOMPARE(tasks.front(), me);
    QVERIFY(std::is_sorted(tasks.begin(), tasks.end()));
    QCOMPARE(whyNotTraceable(me), std::string("this is syscope itself"));
    // A second thread's Tgid is the process.
    std::atomic<int> threadTid{0};
    std::atomic<bool> done{false};
    std::thread worker([&] {
        threadTid = int(gettid());
        while (!done) {
            std::this_thread::yield();
        }
    });
    while (threadTid == 0) {
        std::this_thread::yield();
    }
    const int tid = threadTid;
    QCOMPARE(threadGroupId(tid).value_or(-1), me);
    done = true;
    worker.join();
    QVERIFY(tid != me);
    QCOMPARE(threadGroupId(me).value_or(-1), me);
    QVERIFY(!threadGroupId(0x7ffffff0));
}

void TestProcStatus::tracedChild() {
    int ready[2];
    QCOMPARE(pipe(ready), 0);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
        close(ready[0]);
        (void)!write(ready[1], "x", 1);
        pause();
        _exit(0);
    }
    close(ready[1]);
    char c;
    QCOMPARE(read(ready[0], &c, 1), ssize_t(1));
    close(ready[0]);
    const auto tracer = tracerPid(child);
    const std::string why = whyNotTraceable(child);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    QCOMPARE(tracer.value_or(-1), int(getpid()));
    QCOMPARE(why, "already traced by PID " + std::to_string(getpid()) + " (tst_proc_status)");
}

void TestProcStatus::zombieAndGone() {
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        _exit(0);
    }
    // Wait until it is a zombie without reaping it.
    siginfo_t info{};
    QCOMPARE(waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT), 0);
    const std::string zombie = whyNotTraceable(child);
    QVERIFY(readCmdline(child).empty());
    int status = 0;
    waitpid(child, &status, 0);
    QVERIFY2(zombie.rfind("zombie", 0) == 0, zombie.c_str());
    QCOMPARE(whyNotTraceable(child), std::string("no such process"));
    QCOMPARE(whyNotTraceable(0x7ffffff0), std::string("no such process"));
    QCOMPARE(whyNotTraceable(-5), std::string("no such process"));
    QVERIFY(!tracerPid(0x7ffffff0));
    QVERIFY(readComm(0x7ffffff0).empty());
    QVERIFY(listTasks(0x7ffffff0).empty());
}

void TestProcStatus::kernelThread() {
    const auto list = listProcesses();
    const auto it = std::find_if(list.begin(), list.end(),
                                 [](const ProcessListEntry& e) { return e.kernelThread; });
    if (it == list.end()) {
        QSKIP("no kernel thread visible in /proc (container?)");
    }
    QVERIFY(it->cmdline.empty());
    QCOMPARE(whyNotTraceable(it->pid), std::string("kernel thread"));
}

void TestProcStatus::unprivilegedView() {
    // What an ordinary user is told about a root process, and what a recorder started with root
    // rights (pkexec) may do: checked in a child that gives up root.
    if (::geteuid() != 0) {
        QSKIP("needs root to drop to another user");
    }
    const int yama = [] {
        QFile f(QStringLiteral("/proc/sys/kernel/yama/ptrace_scope"));
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt() : 0;
    }();
    int fds[2];
    QCOMPARE(pipe(fds), 0);
    const pid_t target = int(getpid()); // this test, running as root
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        close(fds[0]);
        if (setgid(65534) != 0 || setuid(65534) != 0) {
            _exit(2);
        }
        const std::string plain = whyNotTraceable(target);
        const std::string elevated = whyNotTraceable(target, true);
        const std::string out = plain + "\n" + elevated + "\n";
        (void)!write(fds[1], out.data(), out.size());
        _exit(0);
    }
    close(fds[1]);
    QByteArray text;
    char buf[512];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) {
        text.append(buf, n);
    }
    close(fds[0]);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const QList<QByteArray> lines = text.split('\n');
    QVERIFY(lines.size() >= 2);
    if (yama == 3) {
        QVERIFY(lines[0].contains("ptrace_scope=3"));
        QVERIFY(lines[1].contains("ptrace_scope=3"));
        return;
    }
    QVERIFY2(lines[0].contains("needs root") || lines[0].contains("ptrace_scope"),
             lines[0].constData());
    QCOMPARE(lines[1], QByteArray()); // root may
}

void TestProcStatus::processList() {
    const auto list = listProcesses();
    QVERIFY(std::is_sorted(list.begin(), list.end(),
                           [](const auto& a, const auto& b) { return a.pid < b.pid; }));
    const auto me = std::find_if(list.begin(), list.end(),
                                 [](const ProcessListEntry& e) { return e.pid == int(getpid()); });
    QVERIFY(me != list.end());
    QCOMPARE(me->uid, std::uint32_t(getuid()));
    QVERIFY(!me->user.empty());
    QCOMPARE(me->comm, std::string("tst_proc_status"));
    QVERIFY(!me->kernelThread);
    QCOMPARE(me->cmdline, readCmdline(int(getpid())));
    if (getuid() == 0) {
        QCOMPARE(me->user, std::string("root"));
    }
}

void TestProcStatus::systemFacts() {
    const SystemFacts f = readSystemFacts();
    QVERIFY(f.randomizeVaSpace >= 0 && f.randomizeVaSpace <= 2);
    QVERIFY(f.mmapRndBits >= 0);
    const QStringList modes{QStringLiteral("none"), QStringLiteral("emulate"),
                            QStringLiteral("xonly"), QStringLiteral("unknown")};
    QVERIFY(modes.contains(QString::fromStdString(f.vsyscallMode)));
    struct utsname u {};
    QCOMPARE(uname(&u), 0);
    QCOMPARE(f.kernelRelease, std::string(u.release));
    QCOMPARE(f.machine, std::string("x86_64"));
    QCOMPARE(f.hostname, std::string(u.nodename));
    for (int v = 0; v <= 2; ++v) {
        QVERIFY(explainRandomizeVaSpace(v).rfind(std::to_string(v) + ":", 0) == 0);
    }
    QVERIFY(explainRandomizeVaSpace(-1).rfind("unknown", 0) == 0);
}

void TestProcStatus::vsyscallModes_data() {
    QTest::addColumn<int>("perms");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QString>("mode");
    QTest::newRow("absent") << 0 << false << QStringLiteral("none");
    QTest::newRow("r-xp") << int(MapPerm::Read | MapPerm::Exec) << true
                          << QStringLiteral("emulate");
    QTest::newRow("--xp") << int(MapPerm::Exec) << true << QStringLiteral("xonly");
    QTest::newRow("---p") << 0 << true << QStringLiteral("unknown");
}

void TestProcStatus::vsyscallModes() {
    QFETCH(int, perms);
    QFETCH(bool, present);
    QFETCH(QString, mode);
    MapsSnapshot snap;
    snap.entries.push_back(MapEntry{0x1000, 0x2000, 0, 0, 0, 0, MapPerm::Read, "[heap]"});
    if (present) {
        snap.entries.push_back(MapEntry{0xffffffffff600000ull, 0xffffffffff601000ull, 0, 0, 0, 0,
                                        std::uint8_t(perms), "[vsyscall]"});
    }
    QCOMPARE(QString::fromStdString(vsyscallModeFromMaps(snap)), mode);
}

QTEST_GUILESS_MAIN(TestProcStatus)
#include "tst_proc_status.moc"
