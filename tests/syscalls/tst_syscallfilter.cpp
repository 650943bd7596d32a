// strace-like syscall filter expressions.
#include "syscalls/SyscallFilter.h"
#include "syscalls/SyscallTable.h"

#include <QTest>

using namespace syscope;

namespace {

int nr64(std::string_view name) {
    return *SyscallTable::forArch(Arch::X86_64).numberOf(name);
}
int nr32(std::string_view name) {
    return *SyscallTable::forArch(Arch::I386).numberOf(name);
}

} // namespace

class TestSyscallFilter : public QObject {
    Q_OBJECT

private slots:
    void parses_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("traced64"); // names that must match on x86_64
        QTest::addColumn<QStringList>("notTraced64");
        QTest::newRow("names") << QStringLiteral("openat,close")
                               << QStringList{QStringLiteral("openat"), QStringLiteral("close")}
                               << QStringList{QStringLiteral("read"), QStringLiteral("open")};
        QTest::newRow("file class") << QStringLiteral("%file")
                                    << QStringList{QStringLiteral("openat"),
                                                   QStringLiteral("execve"), QStringLiteral("stat")}
                                    << QStringList{QStringLiteral("close"), QStringLiteral("read")};
        QTest::newRow("legacy class name")
            << QStringLiteral("file") << QStringList{QStringLiteral("openat")}
            << QStringList{QStringLiteral("close")};
        QTest::newRow("desc") << QStringLiteral("%desc")
                              << QStringList{QStringLiteral("close"), QStringLiteral("read"),
                                             QStringLiteral("openat"), QStringLiteral("mmap")}
                              << QStringList{QStringLiteral("getpid")};
        QTest::newRow("network alias")
            << QStringLiteral("%net")
            << QStringList{QStringLiteral("socket"), QStringLiteral("sendfile")}
            << QStringList{QStringLiteral("read")};
        QTest::newRow("process") << QStringLiteral("%process")
                                 << QStringList{QStringLiteral("clone"), QStringLiteral("execve"),
                                                QStringLiteral("exit_group"),
                                                QStringLiteral("wait4"), QStringLiteral("kill")}
                                 << QStringList{QStringLiteral("getpid")};
        QTest::newRow("memory") << QStringLiteral("%memory")
                                << QStringList{QStringLiteral("mmap"), QStringLiteral("brk"),
                                               QStringLiteral("madvise")}
                                << QStringList{QStringLiteral("read")};
        QTest::newRow("stat narrow")
            << QStringLiteral("%stat") << QStringList{QStringLiteral("stat")}
            << QStringList{QStringLiteral("fstat"), QStringLiteral("newfstatat")};
        QTest::newRow("stat wide")
            << QStringLiteral("%%stat")
            << QStringList{QStringLiteral("stat"), QStringLiteral("fstat"), QStringLiteral("statx")}
            << QStringList{QStringLiteral("statfs")};
        QTest::newRow("pure") << QStringLiteral("%pure")
                              << QStringList{QStringLiteral("getpid"), QStringLiteral("gettid")}
                              << QStringList{QStringLiteral("sched_yield")};
        QTest::newRow("creds+clock")
            << QStringLiteral("%creds,%clock")
            << QStringList{QStringLiteral("setuid"), QStringLiteral("clock_gettime")}
            << QStringList{QStringLiteral("nanosleep")};
        QTest::newRow("negated") << QStringLiteral("!%memory,close")
                                 << QStringList{QStringLiteral("openat"), QStringLiteral("read")}
                                 << QStringList{QStringLiteral("mmap"), QStringLiteral("close")};
        QTest::newRow("optional unknown")
            << QStringLiteral("?nosuchcall,read") << QStringList{QStringLiteral("read")}
            << QStringList{QStringLiteral("write")};
        QTest::newRow("number") << QStringLiteral("257") << QStringList{QStringLiteral("openat")}
                                << QStringList{QStringLiteral("open")};
        QTest::newRow("regex") << QStringLiteral("/^mmap$|^munmap")
                               << QStringList{QStringLiteral("mmap"), QStringLiteral("munmap")}
                               << QStringList{QStringLiteral("mremap")};
        QTest::newRow("all") << QStringLiteral("all")
                             << QStringList{QStringLiteral("read"), QStringLiteral("file_setattr")}
                             << QStringList{};
        QTest::newRow("none") << QStringLiteral("none") << QStringList{}
                              << QStringList{QStringLiteral("read"), QStringLiteral("openat")};
        QTest::newRow("not none") << QStringLiteral("!none") << QStringList{QStringLiteral("read")}
                                  << QStringList{};
    }

    void parses() {
        QFETCH(QString, text);
        QFETCH(QStringList, traced64);
        QFETCH(QStringList, notTraced64);
        std::string error;
        const auto f = SyscallFilter::parse(text.toStdString(), &error);
        QVERIFY2(f, error.c_str());
        QVERIFY(error.empty());
        for (const QString& n : traced64) {
            QVERIFY2(f->matches(Arch::X86_64, nr64(n.toStdString())), qPrintable(n));
        }
        for (const QString& n : notTraced64) {
            QVERIFY2(!f->matches(Arch::X86_64, nr64(n.toStdString())), qPrintable(n));
        }
        // The canonical text gives the same filter.
        const auto again = SyscallFilter::parse(f->toString(), &error);
        QVERIFY2(again, qPrintable(QString::fromStdString(f->toString() + ": " + error)));
        for (Arch a : {Arch::X86_64, Arch::I386, Arch::X32}) {
            QCOMPARE(again->numbers(a), f->numbers(a));
        }
    }

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown name") << QStringLiteral("openat,nosuchcall")
                                      << QStringLiteral("invalid system call 'nosuchcall'");
        QTest::newRow("unknown class")
            << QStringLiteral("%bogus") << QStringLiteral("invalid system call class '%bogus'");
        QTest::newRow("empty") << QString() << QStringLiteral("empty syscall set");
        QTest::newRow("only bang") << QStringLiteral("!") << QStringLiteral("empty syscall set");
        QTest::newRow("empty element")
            << QStringLiteral("read,,write") << QStringLiteral("invalid system call ''");
        QTest::newRow("trailing comma")
            << QStringLiteral("read,") << QStringLiteral("invalid system call ''");
        QTest::newRow("bad personality")
            << QStringLiteral("read@16") << QStringLiteral("invalid personality '16' in 'read@16'");
        QTest::newRow("bad regex")
            << QStringLiteral("/[") << QStringLiteral("invalid regular expression '['");
        QTest::newRow("regex without match")
            << QStringLiteral("/^zzz") << QStringLiteral("no system call matches '/^zzz'");
        QTest::newRow("unknown number")
            << QStringLiteral("1000") << QStringLiteral("invalid system call '1000'");
    }

    void errors() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        std::string message;
        QVERIFY(!SyscallFilter::parse(text.toStdString(), &message));
        QCOMPARE(QString::fromStdString(message), error);
        QVERIFY(!SyscallFilter::parse(text.toStdString(), nullptr)); // no crash without a sink
    }

    // Names apply to every ABI that has them; @64/@32 restrict to one.
    void perArch() {
        std::string error;
        auto f = SyscallFilter::parse("openat", &error);
        QVERIFY(f);
        QVERIFY(f->matches(Arch::X86_64, 257));
        QVERIFY(f->matches(Arch::I386, nr32("openat")));
        QVERIFY(!f->matches(Arch::I386, 257)); // 257 is remap_file_pages on i386
        QVERIFY(f->matches(Arch::X32, 257 | kX32SyscallBit));
        QCOMPARE(f->numbers(Arch::X86_64), std::vector<int>{257});
        QCOMPARE(f->numbers(Arch::I386), std::vector<int>{295});

        f = SyscallFilter::parse("openat@64", &error);
        QVERIFY(f);
        QVERIFY(f->matches(Arch::X86_64, 257));
        QVERIFY(!f->matches(Arch::I386, 295));
        QCOMPARE(f->toString(), std::string("openat@64"));

        f = SyscallFilter::parse("waitpid", &error); // only i386 has it
        QVERIFY(f);
        QVERIFY(f->matches(Arch::I386, 7));
        QVERIFY(f->numbers(Arch::X86_64).empty());
        QCOMPARE(f->toString(), std::string("waitpid"));
    }

    // Numbers that the table does not know are always traced, as strace does.
    void unknownNumbersAlwaysMatch() {
        std::string error;
        const auto f = SyscallFilter::parse("read", &error);
        QVERIFY(f->matches(Arch::X86_64, 0x1d6));
        QVERIFY(f->matches(Arch::X86_64, 400)); // the gap 335..423
        QVERIFY(f->matches(Arch::I386, 999));
        QVERIFY(!f->matches(Arch::X86_64, 1));
    }

    void everythingAndNothing() {
        std::string error;
        QVERIFY(SyscallFilter::everything().tracesEverything());
        QCOMPARE(SyscallFilter::everything().toString(), std::string("all"));
        QVERIFY(SyscallFilter::parse("all", &error)->tracesEverything());
        QVERIFY(SyscallFilter::parse("!none", &error)->tracesEverything());
        QVERIFY(!SyscallFilter::parse("!read", &error)->tracesEverything());
        QVERIFY(SyscallFilter::parse("none", &error)->tracesNothing());
        QVERIFY(SyscallFilter::parse("!all", &error)->tracesNothing());
        QCOMPARE(SyscallFilter::parse("!all", &error)->toString(), std::string("none"));
        const auto all = SyscallFilter::everything();
        QCOMPARE(all.numbers(Arch::X86_64).size(),
                 SyscallTable::forArch(Arch::X86_64).all().size());
    }

    void negationPrefersShortText() {
        std::string error;
        const auto f = SyscallFilter::parse("!%memory", &error);
        QVERIFY(f);
        const std::string text = f->toString();
        QVERIFY2(text.rfind('!', 0) == 0, text.c_str());
        QVERIFY(text.find("mmap") != std::string::npos);
        QVERIFY(text.find("openat") == std::string::npos);
    }

    void numbersAreAscending() {
        std::string error;
        const auto f = SyscallFilter::parse("%file,%process", &error);
        QVERIFY(f);
        for (Arch a : {Arch::X86_64, Arch::I386}) {
            const auto n = f->numbers(a);
            QVERIFY(!n.empty());
            QVERIFY(std::is_sorted(n.begin(), n.end()));
            for (int nr : n) {
                QVERIFY(f->matches(a, nr));
            }
        }
        const auto n = f->numbers(Arch::X86_64);
        QVERIFY(std::find(n.begin(), n.end(), nr64("execve")) != n.end());
        QVERIFY(std::find(n.begin(), n.end(), nr64("close")) == n.end());
    }
};

QTEST_GUILESS_MAIN(TestSyscallFilter)
#include "tst_syscallfilter.moc"
