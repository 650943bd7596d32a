// The glibc wrapper table: every row names a real x86_64 syscall, the lookups the road and the
// table rely on, and the plain texts for calls without a wrapper.
#include "kernel/GlibcWrappers.h"
#include "syscalls/SyscallTable.h"

#include <QTest>

using namespace syscope;

class TestGlibcWrappers : public QObject {
    Q_OBJECT
private slots:
    void wrappers_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<QByteArray>("syscall");
        QTest::addColumn<QByteArray>("text");
        const int x64 = int(Arch::X86_64);
        QTest::newRow("openat") << x64 << QByteArray("openat")
                                << QByteArray("open, openat, fopen, creat, opendir");
        QTest::newRow("newfstatat")
            << x64 << QByteArray("newfstatat") << QByteArray("stat, fstat, lstat, fstatat");
        QTest::newRow("clock_gettime")
            << x64 << QByteArray("clock_gettime")
            << QByteArray("clock_gettime, time, timespec_get (vDSO first)");
        QTest::newRow("getdents64")
            << x64 << QByteArray("getdents64") << QByteArray("readdir, scandir, nftw, getdents64");
        QTest::newRow("exit_group") << x64 << QByteArray("exit_group") << QByteArray("exit, _exit");
        QTest::newRow("rt_sigaction")
            << x64 << QByteArray("rt_sigaction") << QByteArray("sigaction, signal");
        QTest::newRow("clone3") << x64 << QByteArray("clone3")
                                << QByteArray("pthread_create, posix_spawn");
        QTest::newRow("wait4") << x64 << QByteArray("wait4")
                               << QByteArray("wait, waitpid, wait3, wait4");
        QTest::newRow("futex") << x64 << QByteArray("futex")
                               << QByteArray("none (syscall(2) only)");
        QTest::newRow("open") << x64 << QByteArray("open") << QByteArray("none (syscall(2) only)");
        QTest::newRow("unlisted") << x64 << QByteArray("mq_notify") << QByteArray("not listed");
        QTest::newRow("i386 mmap2")
            << int(Arch::I386) << QByteArray("mmap2") << QByteArray("mmap, malloc, dlopen");
        QTest::newRow("i386 getuid32")
            << int(Arch::I386) << QByteArray("getuid32") << QByteArray("getuid");
    }
    void wrappers() {
        QFETCH(int, arch);
        QFETCH(QByteArray, syscall);
        QFETCH(QByteArray, text);
        QCOMPARE(QByteArray::fromStdString(glibcWrapperText(Arch(arch), syscall.toStdString())),
                 text);
    }

    void notesExplainMissingWrappers() {
        const GlibcWrapper w = glibcWrapper(Arch::X86_64, "open");
        QVERIFY(w.known);
        QVERIFY(w.functions.empty());
        QVERIFY(w.note.find("openat") != std::string_view::npos);
    }

    // Every row names a syscall of the x86_64 table, the rows are sorted and unique (the lookup
    // is a binary search), and most of the table is covered.
    void everyRowIsARealSyscall() {
        const SyscallTable& t = SyscallTable::forArch(Arch::X86_64);
        const auto rows = glibcWrapperRows();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QVERIFY2(t.numberOf(rows[i]).has_value(), std::string(rows[i]).c_str());
            if (i > 0) {
                QVERIFY2(rows[i - 1] < rows[i], std::string(rows[i]).c_str());
            }
            QVERIFY(glibcWrapper(Arch::X86_64, rows[i]).known);
        }
        int listed = 0;
        for (const SyscallInfo& info : t.all()) {
            const GlibcWrapper w = glibcWrapper(Arch::X86_64, info.name);
            listed += w.known;
        }
        QVERIFY2(listed >= 250, qPrintable(QString::number(listed)));
        for (const char* name : {"read", "write", "close", "mmap", "brk", "execve", "kill"}) {
            QVERIFY2(glibcWrapper(Arch::X86_64, name).known, name);
        }
    }
};

QTEST_GUILESS_MAIN(TestGlibcWrappers)
#include "tst_glibcwrappers.moc"
