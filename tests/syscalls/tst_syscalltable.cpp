// The syscall tables against the kernel headers of this machine and against strace 6.1's
// class membership (recorded in tests/data/syscalls/strace-6.1-classes-*.txt).
#include "syscalls/SyscallNumbers.h"
#include "syscalls/SyscallTable.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <map>
#include <set>
#include <string>

using namespace syscope;

namespace {

constexpr const char* kHeaderDir = "/usr/include/x86_64-linux-gnu/asm/";

// __NR_name -> number from one unistd_*.h; `x32` strips "(__X32_SYSCALL_BIT + N)".
std::map<std::string, int> parseUnistd(const QString& file) {
    std::map<std::string, int> out;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        return out;
    }
    static const QRegularExpression re(
        QStringLiteral(R"(^#define __NR_(\w+)\s+(?:\(__X32_SYSCALL_BIT \+ )?(\d+)\)?\s*$)"));
    while (!f.atEnd()) {
        const QString line = QString::fromLatin1(f.readLine()).trimmed();
        const auto m = re.match(line);
        if (m.hasMatch()) {
            out[m.captured(1).toStdString()] = m.captured(2).toInt();
        }
    }
    return out;
}

std::map<QString, std::set<std::string>> parseClasses(const QString& file) {
    std::map<QString, std::set<std::string>> out;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        return out;
    }
    while (!f.atEnd()) {
        const QString line = QString::fromLatin1(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        auto& names = out[line.left(colon)];
        for (const QString& n : line.mid(colon + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            names.insert(n.toStdString());
        }
    }
    return out;
}

std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& n : s) {
        out += (out.empty() ? "" : " ") + n;
    }
    return out;
}

// strace 6.1 knows the numbers up to 450; the newer rows have no oracle.
constexpr int kStraceMaxNumber = 450;

} // namespace

class TestSyscallTable : public QObject {
    Q_OBJECT

private slots:
    void matchesHeader_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<QString>("header");
        QTest::newRow("x86_64") << int(Arch::X86_64) << QStringLiteral("unistd_64.h");
        QTest::newRow("i386") << int(Arch::I386) << QStringLiteral("unistd_32.h");
        QTest::newRow("x32") << int(Arch::X32) << QStringLiteral("unistd_x32.h");
    }

    void matchesHeader() {
        QFETCH(int, arch);
        QFETCH(QString, header);
        const auto defs = parseUnistd(QString::fromLatin1(kHeaderDir) + header);
        if (defs.empty()) {
            QSKIP("kernel headers not installed");
        }
        const SyscallTable& table = SyscallTable::forArch(Arch(arch));
        int maxHeader = 0;
        for (const auto& [name, nr] : defs) {
            maxHeader = std::max(maxHeader, nr);
            const int lookupNr = Arch(arch) == Arch::X32 ? (nr | kX32SyscallBit) : nr;
            const SyscallInfo* info = table.lookup(lookupNr);
            QVERIFY2(info, qPrintable(QStringLiteral("no row for %1 = %2")
                                          .arg(QString::fromStdString(name))
                                          .arg(nr)));
            QCOMPARE(std::string(info->name), name);
            QCOMPARE(syscallName(Arch(arch), lookupNr), name);
        }
        // No invented rows inside the header's range: every row up to its last number exists there
        // (451..469 are newer than the Debian 12 headers; the x32 header jumps from 450 to 512).
        std::set<int> numbers;
        for (const auto& [name, nr] : defs) {
            numbers.insert(nr);
        }
        for (const SyscallInfo& info : table.all()) {
            if (info.nr <= maxHeader && (info.nr <= kStraceMaxNumber || info.nr >= 512)) {
                QVERIFY2(numbers.count(info.nr),
                         qPrintable(QStringLiteral("row %1 (%2) is not in %3")
                                        .arg(info.nr)
                                        .arg(QString::fromLatin1(info.name.data(),
                                                                 qsizetype(info.name.size())))
                                        .arg(header)));
            }
        }
    }

    void rowsAreWellFormed_data() {
        QTest::addColumn<int>("arch");
        QTest::newRow("x86_64") << int(Arch::X86_64);
        QTest::newRow("i386") << int(Arch::I386);
        QTest::newRow("x32") << int(Arch::X32);
    }

    void rowsAreWellFormed() {
        QFETCH(int, arch);
        const SyscallTable& table = SyscallTable::forArch(Arch(arch));
        int previous = -1;
        std::set<std::string_view> names;
        for (const SyscallInfo& info : table.all()) {
            QVERIFY(info.nr > previous); // ascending, no duplicates
            previous = info.nr;
            QVERIFY(!info.name.empty());
            QVERIFY(info.argCount <= 6);
            if (Arch(arch) != Arch::X32) {
                QVERIFY2(names.insert(info.name).second, info.name.data());
            }
            for (int i = 0; i < 6; ++i) {
                const ArgKind k = info.args[std::size_t(i)];
                const FlagSet s = info.flagSets[std::size_t(i)];
                if (i >= info.argCount) {
                    QCOMPARE(k, ArgKind::None);
                }
                QCOMPARE(k == ArgKind::Flags, s != FlagSet::None);
            }
            QCOMPARE(table.lookup(info.nr), &info);
        }
        QCOMPARE(table.maxNumber(), previous);
        QVERIFY(table.lookup(-1) == nullptr);
        QVERIFY(table.lookup(table.maxNumber() + 1) == nullptr);
        QVERIFY(table.lookup(1 << 29) == nullptr);
    }

    // The numbers the tracer acts on name the calls it means, on both arches.
    void tracerNumbersNameTheirCalls() {
        for (const Arch arch : {Arch::X86_64, Arch::I386}) {
            const SyscallNumbers& nr = syscallNumbers(arch);
            const std::pair<int, std::string_view> expected[] = {
                {nr.restartSyscall, "restart_syscall"},
                {nr.exit, "exit"},
                {nr.execve, "execve"},
                {nr.rtSigreturn, "rt_sigreturn"},
                {nr.clone, "clone"},
                {nr.prctl, "prctl"},
                {nr.exitGroup, "exit_group"},
                {nr.seccomp, "seccomp"},
                {nr.execveat, "execveat"},
                {nr.clone3, "clone3"},
            };
            for (const auto& [number, name] : expected) {
                const SyscallInfo* info = SyscallTable::forArch(arch).lookup(number);
                QVERIFY2(info, name.data());
                QCOMPARE(std::string(info->name), std::string(name));
            }
        }
        QCOMPARE(&syscallNumbers(Arch::X32), &kNrX86_64);
    }

    void classesMatchStrace_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<QString>("cls");
        QTest::addColumn<int>("classBits");
        QTest::addColumn<int>("behaviourBits");
        const struct {
            const char* name;
            int classes;
            int behaviour;
        } kClasses[] = {
            {"file", SyscallClass::File, 0},           {"desc", SyscallClass::Desc, 0},
            {"network", SyscallClass::Network, 0},     {"process", SyscallClass::Process, 0},
            {"signal", SyscallClass::Signal, 0},       {"ipc", SyscallClass::Ipc, 0},
            {"memory", SyscallClass::Memory, 0},       {"creds", SyscallClass::Creds, 0},
            {"clock", SyscallClass::Clock, 0},         {"stat", SyscallClass::Stat, 0},
            {"lstat", SyscallClass::Lstat, 0},         {"fstat", SyscallClass::Fstat, 0},
            {"%%stat", SyscallClass::StatLike, 0},     {"statfs", SyscallClass::StatFs, 0},
            {"fstatfs", SyscallClass::FStatFs, 0},     {"%%statfs", SyscallClass::StatFsLike, 0},
            {"pure", 0, SyscallBehaviour::NeverFails},
        };
        for (Arch a : {Arch::X86_64, Arch::I386}) {
            for (const auto& c : kClasses) {
                QTest::addRow("%s %s", archName(a), c.name)
                    << int(a) << QString::fromLatin1(c.name) << c.classes << c.behaviour;
            }
        }
    }

    void classesMatchStrace() {
        QFETCH(int, arch);
        QFETCH(QString, cls);
        QFETCH(int, classBits);
        QFETCH(int, behaviourBits);
        const QString file =
            QStringLiteral(SYSCOPE_TEST_DATA_DIR "/syscalls/strace-6.1-classes-%1.txt")
                .arg(QString::fromLatin1(archName(Arch(arch))));
        const auto oracle = parseClasses(file);
        QVERIFY2(oracle.count(cls), qPrintable(file));
        const std::set<std::string>& expected = oracle.at(cls);

        std::set<std::string> ours;
        for (const SyscallInfo& info : SyscallTable::forArch(Arch(arch)).all()) {
            if (info.nr > kStraceMaxNumber) {
                continue;
            }
            if ((info.classes & classBits) || (info.behaviour & behaviourBits)) {
                ours.insert(std::string(info.name));
            }
        }
        std::set<std::string> missing, extra;
        for (const auto& n : expected) {
            if (!ours.count(n)) {
                missing.insert(n);
            }
        }
        for (const auto& n : ours) {
            if (!expected.count(n)) {
                extra.insert(n);
            }
        }
        QVERIFY2(missing.empty() && extra.empty(),
                 qPrintable(QStringLiteral("missing: %1; extra: %2")
                                .arg(QString::fromStdString(join(missing)),
                                     QString::fromStdString(join(extra)))));
    }

    void behaviour_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<int>("bit");
        QTest::addColumn<QString>("names");
        const auto x64 = int(Arch::X86_64);
        const auto x86 = int(Arch::I386);
        QTest::newRow("x86_64 map") << x64 << int(SyscallBehaviour::ChangesMemoryMap)
                                    << QStringLiteral("brk execve execveat map_shadow_stack mmap "
                                                      "mprotect mremap munmap pkey_mprotect "
                                                      "remap_file_pages shmat shmdt");
        QTest::newRow("i386 map") << x86 << int(SyscallBehaviour::ChangesMemoryMap)
                                  << QStringLiteral("brk execve execveat mmap mmap2 mprotect "
                                                    "mremap munmap pkey_mprotect "
                                                    "remap_file_pages shmat shmdt");
        QTest::newRow("x86_64 exec")
            << x64 << int(SyscallBehaviour::Exec) << QStringLiteral("execve execveat");
        QTest::newRow("x86_64 exit")
            << x64 << int(SyscallBehaviour::Exit) << QStringLiteral("exit exit_group");
        QTest::newRow("x86_64 fork")
            << x64 << int(SyscallBehaviour::Fork) << QStringLiteral("clone clone3 fork vfork");
        QTest::newRow("i386 fork")
            << x86 << int(SyscallBehaviour::Fork) << QStringLiteral("clone clone3 fork vfork");
    }

    void behaviour() {
        QFETCH(int, arch);
        QFETCH(int, bit);
        QFETCH(QString, names);
        QStringList ours;
        for (const SyscallInfo& info : SyscallTable::forArch(Arch(arch)).all()) {
            if (info.behaviour & bit) {
                ours << QString::fromLatin1(info.name.data(), qsizetype(info.name.size()));
            }
        }
        ours.sort();
        QCOMPARE(ours.join(QLatin1Char(' ')), names);
    }

    void argumentKinds_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kinds");
        QTest::newRow("openat") << QStringLiteral("openat")
                                << QStringLiteral("dirfd path flags:open-flags mode");
        QTest::newRow("read") << QStringLiteral("read") << QStringLiteral("fd buffer size");
        QTest::newRow("mmap") << QStringLiteral("mmap")
                              << QStringLiteral("ptr size flags:mmap-prot flags:mmap-flags fd hex");
        QTest::newRow("clone") << QStringLiteral("clone")
                               << QStringLiteral("flags:clone-flags ptr ptr ptr hex");
        QTest::newRow("wait4") << QStringLiteral("wait4")
                               << QStringLiteral("pid wait-status flags:wait-options ptr");
        QTest::newRow("kill") << QStringLiteral("kill") << QStringLiteral("pid signal");
        QTest::newRow("clock_gettime")
            << QStringLiteral("clock_gettime") << QStringLiteral("clock timespec");
        QTest::newRow("newfstatat") << QStringLiteral("newfstatat")
                                    << QStringLiteral("dirfd path stat-struct flags:at-flags");
        QTest::newRow("connect") << QStringLiteral("connect") << QStringLiteral("fd sockaddr int");
        QTest::newRow("access") << QStringLiteral("access")
                                << QStringLiteral("path flags:access-mode");
        QTest::newRow("lseek") << QStringLiteral("lseek")
                               << QStringLiteral("fd offset flags:whence");
        QTest::newRow("getpid") << QStringLiteral("getpid") << QString();
        QTest::newRow("preadv2 hides pos_h")
            << QStringLiteral("preadv2")
            << QStringLiteral("fd ptr size offset none flags:read-write-flags");
    }

    void argumentKinds() {
        QFETCH(QString, name);
        QFETCH(QString, kinds);
        const SyscallTable& t = SyscallTable::forArch(Arch::X86_64);
        const auto nr = t.numberOf(name.toStdString());
        QVERIFY(nr);
        const SyscallInfo* info = t.lookup(*nr);
        QStringList parts;
        for (int i = 0; i < info->argCount; ++i) {
            QString k = QString::fromLatin1(argKindName(info->args[std::size_t(i)]).data());
            if (info->args[std::size_t(i)] == ArgKind::Flags) {
                k += QLatin1Char(':') +
                     QString::fromLatin1(flagSetName(info->flagSets[std::size_t(i)]).data());
            }
            parts << k;
        }
        QCOMPARE(parts.join(QLatin1Char(' ')), kinds);
    }

    void outputArguments_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("mask");
        QTest::newRow("read") << int(Arch::X86_64) << QStringLiteral("read") << 0b10;
        QTest::newRow("write") << int(Arch::X86_64) << QStringLiteral("write") << 0;
        QTest::newRow("pread64") << int(Arch::X86_64) << QStringLiteral("pread64") << 0b10;
        // The buffer and the sender's address; the address length is read at entry and exit.
        QTest::newRow("recvfrom") << int(Arch::X86_64) << QStringLiteral("recvfrom") << 0b10010;
        QTest::newRow("getsockname") << int(Arch::X86_64) << QStringLiteral("getsockname") << 0b10;
        QTest::newRow("readlink") << int(Arch::X86_64) << QStringLiteral("readlink") << 0b10;
        QTest::newRow("readlinkat") << int(Arch::X86_64) << QStringLiteral("readlinkat") << 0b100;
        QTest::newRow("getcwd") << int(Arch::X86_64) << QStringLiteral("getcwd") << 0b1;
        QTest::newRow("openat") << int(Arch::X86_64) << QStringLiteral("openat") << 0;
        QTest::newRow("i386 read") << int(Arch::I386) << QStringLiteral("read") << 0b10;
        QTest::newRow("i386 pread64") << int(Arch::I386) << QStringLiteral("pread64") << 0b10;
    }

    // Arguments the kernel fills are captured at exit; everything else at entry.
    void outputArguments() {
        QFETCH(int, arch);
        QFETCH(QString, name);
        QFETCH(int, mask);
        const SyscallTable& t = SyscallTable::forArch(Arch(arch));
        const SyscallInfo* info = t.lookup(*t.numberOf(name.toStdString()));
        QVERIFY(info);
        QCOMPARE(int(info->outputArgs), mask);
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(info->isOutputArg(i), bool(mask & (1 << i)));
        }
        QVERIFY(!info->isOutputArg(-1));
        QVERIFY(!info->isOutputArg(6));
    }

    // Where strace's decoding continues at exit (what an unfinished call still shows).
    void exitDecoding_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("exitFrom");
        QTest::newRow("read") << QStringLiteral("read") << 1;
        QTest::newRow("wait4") << QStringLiteral("wait4") << 1;
        QTest::newRow("clock_nanosleep") << QStringLiteral("clock_nanosleep") << 3;
        QTest::newRow("poll") << QStringLiteral("poll") << 3;
        QTest::newRow("pselect6") << QStringLiteral("pselect6") << 6;
        QTest::newRow("pipe2") << QStringLiteral("pipe2") << 0;
        QTest::newRow("pause") << QStringLiteral("pause") << int(kDecodedAtEntry);
        QTest::newRow("futex") << QStringLiteral("futex") << int(kDecodedAtEntry);
        QTest::newRow("exit_group") << QStringLiteral("exit_group") << int(kDecodedAtEntry);
        QTest::newRow("write") << QStringLiteral("write") << int(kDecodedAtEntry);
    }

    void exitDecoding() {
        QFETCH(QString, name);
        QFETCH(int, exitFrom);
        const SyscallTable& t = SyscallTable::forArch(Arch::X86_64);
        const SyscallInfo* info = t.lookup(*t.numberOf(name.toStdString()));
        QVERIFY(info);
        QCOMPARE(int(info->exitFrom), exitFrom);
        // Every output argument lies at or after the point where exit decoding starts.
        for (int i = 0; i < info->argCount; ++i) {
            if (info->isOutputArg(i)) {
                QVERIFY(i >= info->exitFrom);
            }
        }
    }

    void names_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<int>("nr");
        QTest::addColumn<QString>("name");
        QTest::newRow("openat") << int(Arch::X86_64) << 257 << QStringLiteral("openat");
        QTest::newRow("gap") << int(Arch::X86_64) << 0x1a4 << QStringLiteral("syscall_0x1a4");
        QTest::newRow("past end") << int(Arch::X86_64) << 999 << QStringLiteral("syscall_0x3e7");
        QTest::newRow("negative") << int(Arch::X86_64) << -1
                                  << QStringLiteral("syscall_0xffffffff");
        QTest::newRow("6.18 file_setattr")
            << int(Arch::X86_64) << 469 << QStringLiteral("file_setattr");
        QTest::newRow("i386 restart") << int(Arch::I386) << 0 << QStringLiteral("restart_syscall");
        QTest::newRow("i386 open") << int(Arch::I386) << 5 << QStringLiteral("open");
        QTest::newRow("i386 mmap2") << int(Arch::I386) << 192 << QStringLiteral("mmap2");
        QTest::newRow("i386 socketcall") << int(Arch::I386) << 102 << QStringLiteral("socketcall");
        QTest::newRow("x32 read") << int(Arch::X32) << (kX32SyscallBit | 0)
                                  << QStringLiteral("read");
        QTest::newRow("x32 execve")
            << int(Arch::X32) << (kX32SyscallBit | 520) << QStringLiteral("execve");
        QTest::newRow("x32 has no 64-bit execve")
            << int(Arch::X32) << (kX32SyscallBit | 59) << QStringLiteral("syscall_0x4000003b");
    }

    void names() {
        QFETCH(int, arch);
        QFETCH(int, nr);
        QFETCH(QString, name);
        QCOMPARE(QString::fromStdString(syscallName(Arch(arch), nr)), name);
    }

    void numberOf() {
        const SyscallTable& x64 = SyscallTable::forArch(Arch::X86_64);
        QCOMPARE(x64.numberOf("openat"), std::optional<int>(257));
        QCOMPARE(x64.numberOf("nonsense"), std::optional<int>());
        QCOMPARE(SyscallTable::forArch(Arch::I386).numberOf("openat"), std::optional<int>(295));
        QCOMPARE(SyscallTable::forArch(Arch::X32).numberOf("execve"), std::optional<int>(520));
    }

    void classNamesInBitOrder() {
        QCOMPARE(classNames(SyscallClass::File | SyscallClass::Desc | SyscallClass::StatLike),
                 (std::vector<std::string_view>{"file", "desc", "%stat"}));
        QCOMPARE(behaviourNames(SyscallBehaviour::ChangesMemoryMap | SyscallBehaviour::Exec),
                 (std::vector<std::string_view>{"changes-memory-map", "exec"}));
    }
};

QTEST_GUILESS_MAIN(TestSyscallTable)
#include "tst_syscalltable.moc"
