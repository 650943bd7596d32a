// errno and signal names as strace prints them.
#include "syscalls/Errno.h"
#include "syscalls/Siginfo.h"
#include "syscalls/Signals.h"

#include <QTest>
#include <csignal>
#include <cstring>
#include <linux/audit.h>

using namespace syscope;

class TestErrnoSignals : public QObject {
    Q_OBJECT

private slots:
    void errnos_data() {
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("EPERM") << 1 << QStringLiteral("EPERM")
                               << QStringLiteral("Operation not permitted");
        QTest::newRow("ENOENT") << 2 << QStringLiteral("ENOENT")
                                << QStringLiteral("No such file or directory");
        QTest::newRow("EAGAIN") << 11 << QStringLiteral("EAGAIN")
                                << QStringLiteral("Resource temporarily unavailable");
        QTest::newRow("EDEADLK") << 35 << QStringLiteral("EDEADLK")
                                 << QStringLiteral("Resource deadlock avoided");
        QTest::newRow("ENOSYS") << 38 << QStringLiteral("ENOSYS")
                                << QStringLiteral("Function not implemented");
        QTest::newRow("EOPNOTSUPP")
            << 95 << QStringLiteral("EOPNOTSUPP") << QStringLiteral("Operation not supported");
        QTest::newRow("EHWPOISON") << 133 << QStringLiteral("EHWPOISON")
                                   << QStringLiteral("Memory page has hardware error");
        QTest::newRow("ERESTARTSYS") << 512 << QStringLiteral("ERESTARTSYS")
                                     << QStringLiteral("To be restarted if SA_RESTART is set");
        QTest::newRow("ERESTARTNOINTR")
            << 513 << QStringLiteral("ERESTARTNOINTR") << QStringLiteral("To be restarted");
        QTest::newRow("ERESTARTNOHAND") << 514 << QStringLiteral("ERESTARTNOHAND")
                                        << QStringLiteral("To be restarted if no handler");
        QTest::newRow("ENOIOCTLCMD")
            << 515 << QStringLiteral("ENOIOCTLCMD") << QStringLiteral("Unknown error 515");
        QTest::newRow("ERESTART_RESTARTBLOCK") << 516 << QStringLiteral("ERESTART_RESTARTBLOCK")
                                               << QStringLiteral("Interrupted by signal");
        QTest::newRow("EPROBE_DEFER")
            << 517 << QStringLiteral("EPROBE_DEFER") << QStringLiteral("Unknown error 517");
        QTest::newRow("EOPENSTALE")
            << 518 << QStringLiteral("EOPENSTALE") << QStringLiteral("Unknown error 518");
        QTest::newRow("ENOPARAM") << 519 << QStringLiteral("ENOPARAM")
                                  << QStringLiteral("Unknown error 519");
        QTest::newRow("EBADHANDLE")
            << 521 << QStringLiteral("EBADHANDLE") << QStringLiteral("Unknown error 521");
        QTest::newRow("ENOTSUPP") << 524 << QStringLiteral("ENOTSUPP")
                                  << QStringLiteral("Unknown error 524");
        QTest::newRow("ERECALLCONFLICT")
            << 530 << QStringLiteral("ERECALLCONFLICT") << QStringLiteral("Unknown error 530");
        QTest::newRow("none 134") << 134 << QString() << QString();
        QTest::newRow("none 0") << 0 << QString() << QString();
        QTest::newRow("none negative") << -2 << QString() << QString();
        QTest::newRow("none 4095") << 4095 << QString() << QString();
    }

    void errnos() {
        QFETCH(int, number);
        QFETCH(QString, name);
        QFETCH(QString, message);
        QCOMPARE(QString::fromLatin1(errnoName(number).data(), qsizetype(errnoName(number).size())),
                 name);
        QCOMPARE(QString::fromLatin1(errnoMessage(number).data(),
                                     qsizetype(errnoMessage(number).size())),
                 message);
        if (!name.isEmpty()) {
            QCOMPARE(errnoFromName(name.toStdString()), std::optional<int>(number));
        }
    }

    void errnoAliasesAndRestart() {
        QCOMPARE(errnoFromName("EWOULDBLOCK"), std::optional<int>(11));
        QCOMPARE(errnoFromName("ENOTSUP"), std::optional<int>(95));
        QCOMPARE(errnoFromName("EDEADLOCK"), std::optional<int>(35));
        QCOMPARE(errnoFromName("ENOTANERRNO"), std::optional<int>());
        QCOMPARE(errnoFromName(""), std::optional<int>());
        QVERIFY(isRestartErrno(512));
        QVERIFY(isRestartErrno(516));
        QVERIFY(!isRestartErrno(515));
        QVERIFY(!isRestartErrno(4));
    }

    void signalNames_data() {
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("name");
        QTest::newRow("1") << 1 << QStringLiteral("SIGHUP");
        QTest::newRow("9") << 9 << QStringLiteral("SIGKILL");
        QTest::newRow("11") << 11 << QStringLiteral("SIGSEGV");
        QTest::newRow("16") << 16 << QStringLiteral("SIGSTKFLT");
        QTest::newRow("17") << 17 << QStringLiteral("SIGCHLD");
        QTest::newRow("29") << 29 << QStringLiteral("SIGIO");
        QTest::newRow("31") << 31 << QStringLiteral("SIGSYS");
        QTest::newRow("32") << 32 << QStringLiteral("SIGRTMIN");
        QTest::newRow("33") << 33 << QStringLiteral("SIGRT_1");
        QTest::newRow("35") << 35 << QStringLiteral("SIGRT_3");
        QTest::newRow("64") << 64 << QStringLiteral("SIGRT_32");
        QTest::newRow("65") << 65 << QStringLiteral("65");
        QTest::newRow("0") << 0 << QStringLiteral("0");
        QTest::newRow("-1") << -1 << QStringLiteral("-1");
    }

    // As strace 6.1 printed kill(-999999999, N) for N = 0..66.
    void signalNames() {
        QFETCH(int, number);
        QFETCH(QString, name);
        QCOMPARE(QString::fromStdString(signalName(number)), name);
        if (number > 0 && number <= 64) {
            QCOMPARE(signalFromName(name.toStdString()), std::optional<int>(number));
        }
    }

    void signalFromNameForms_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("number"); // -1: not a signal
        QTest::newRow("SIGTERM") << QStringLiteral("SIGTERM") << 15;
        QTest::newRow("TERM") << QStringLiteral("TERM") << 15;
        QTest::newRow("SIGIOT") << QStringLiteral("SIGIOT") << 6;
        QTest::newRow("SIGPOLL") << QStringLiteral("SIGPOLL") << 29;
        QTest::newRow("RTMIN+3") << QStringLiteral("SIGRTMIN+3") << 35;
        QTest::newRow("RTMAX") << QStringLiteral("SIGRTMAX") << 64;
        QTest::newRow("RTMAX-1") << QStringLiteral("SIGRTMAX-1") << 63;
        QTest::newRow("number") << QStringLiteral("9") << 9;
        QTest::newRow("RT_33") << QStringLiteral("SIGRT_33") << -1;
        QTest::newRow("bogus") << QStringLiteral("SIGBOGUS") << -1;
        QTest::newRow("SIG") << QStringLiteral("SIG") << -1;
        QTest::newRow("empty") << QString() << -1;
    }

    void signalFromNameForms() {
        QFETCH(QString, text);
        QFETCH(int, number);
        const auto got = signalFromName(text.toStdString());
        QCOMPARE(got, number < 0 ? std::optional<int>() : std::optional<int>(number));
    }

    void siginfoForms() {
        // The forms the tracer tests cannot provoke against strace; strace 6.1's notation. Each
        // also as a trace file keeps it: the numbers, made into a siginfo again.
        auto expectSiginfo = [](const siginfo_t& si, const std::string& want) {
            QCOMPARE(formatSiginfo(si), want);
            QCOMPARE(formatSiginfo(siginfoFromRaw(si.si_signo, rawSiginfo(si))), want);
        };
        auto make = [](int signo, int code) {
            siginfo_t si;
            std::memset(&si, 0, sizeof si);
            si.si_signo = signo;
            si.si_code = code;
            return si;
        };
        siginfo_t q = make(34, SI_QUEUE);
        q.si_pid = 42;
        q.si_value.sival_int = 7;
        expectSiginfo(q, std::string("{si_signo=SIGRT_2, si_code=SI_QUEUE, si_pid=42, "
                                     "si_uid=0, si_int=7, si_ptr=0x7}"));
        siginfo_t t = make(SIGALRM, SI_TIMER);
        t.si_timerid = 3;
        t.si_overrun = 1;
        expectSiginfo(t, std::string("{si_signo=SIGALRM, si_code=SI_TIMER, "
                                     "si_timerid=0x3, si_overrun=1, si_int=0, si_ptr=NULL}"));
        siginfo_t s = make(SIGSYS, 1);
        s.si_call_addr = reinterpret_cast<void*>(0x401000);
        s.si_syscall = 39;
        s.si_arch = AUDIT_ARCH_X86_64;
        expectSiginfo(s,
                      std::string("{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x401000, "
                                  "si_syscall=__NR_getpid, si_arch=AUDIT_ARCH_X86_64}"));
        siginfo_t k = make(SIGCHLD, CLD_KILLED);
        k.si_pid = 9;
        k.si_status = SIGKILL;
        k.si_utime = 2;
        k.si_stime = 3; // the last of the four words a trace keeps
        expectSiginfo(k, std::string("{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=9, "
                                     "si_uid=0, si_status=SIGKILL, si_utime=2, "
                                     "si_stime=3}"));
        siginfo_t b = make(SIGBUS, BUS_ADRERR);
        b.si_addr = reinterpret_cast<void*>(0x7f0000001000);
        b.si_errno = 5;
        expectSiginfo(b, std::string("{si_signo=SIGBUS, si_code=BUS_ADRERR, si_errno=EIO, "
                                     "si_addr=0x7f0000001000}"));
        siginfo_t mce = make(SIGBUS, BUS_MCEERR_AR);
        mce.si_addr = reinterpret_cast<void*>(0x1000);
        mce.si_addr_lsb = 12;
        expectSiginfo(mce, std::string("{si_signo=SIGBUS, si_code=BUS_MCEERR_AR, si_addr=0x1000, "
                                       "si_addr_lsb=0xc}"));
        siginfo_t pku = make(SIGSEGV, SEGV_PKUERR);
        pku.si_addr = reinterpret_cast<void*>(0x2000);
        pku.si_pkey = 3;
        expectSiginfo(pku, std::string("{si_signo=SIGSEGV, si_code=SEGV_PKUERR, si_addr=0x2000, "
                                       "si_pkey=3}"));
        siginfo_t bnd = make(SIGSEGV, SEGV_BNDERR);
        bnd.si_lower = reinterpret_cast<void*>(0x10);
        bnd.si_upper = reinterpret_cast<void*>(0x20);
        expectSiginfo(bnd, std::string("{si_signo=SIGSEGV, si_code=SEGV_BNDERR, si_addr=NULL, "
                                       "si_lower=0x10, si_upper=0x20}"));
        siginfo_t io = make(SIGIO, POLL_IN);
        io.si_band = 65;
        io.si_fd = 3;
        expectSiginfo(io, std::string("{si_signo=SIGIO, si_code=POLL_IN, si_band=65, si_fd=3}"));
        siginfo_t queuedIo = make(SIGIO, SI_SIGIO);
        queuedIo.si_band = 1;
        queuedIo.si_fd = 4;
        expectSiginfo(queuedIo,
                      std::string("{si_signo=SIGIO, si_code=SI_SIGIO, si_band=1, si_fd=4}"));
        siginfo_t nobody = make(SIGUSR2, SI_USER);
        nobody.si_pid = 1;
        nobody.si_uid = static_cast<uid_t>(-1);
        expectSiginfo(nobody, std::string("{si_signo=SIGUSR2, si_code=SI_USER, si_pid=1, "
                                          "si_uid=-1}"));
        expectSiginfo(make(SIGUSR1, 0x42), std::string("{si_signo=SIGUSR1, si_code=0x42}"));
        siginfo_t trap = make(SIGTRAP, TRAP_HWBKPT);
        trap.si_addr = reinterpret_cast<void*>(0x401000);
        expectSiginfo(trap, std::string("{si_signo=SIGTRAP, si_code=TRAP_HWBKPT, "
                                        "si_addr=0x401000}"));
        expectSiginfo(make(SIGTRAP, SI_KERNEL),
                      std::string("{si_signo=SIGTRAP, si_code=SI_KERNEL, si_addr=NULL}"));
    }
};

QTEST_GUILESS_MAIN(TestErrnoSignals)
#include "tst_errnosignals.moc"
