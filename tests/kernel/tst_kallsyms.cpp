// /proc/kallsyms parsing (visible, hidden all-zero and module-suffixed addresses, malformed
// text), the handler and entry-point lookup on samples of a 6.18 kernel (x64_sys_call switch)
// and a 6.1-style kernel (sys_call_table array, entry_INT80_compat, modules), and the real
// /proc/kallsyms of this machine.
#include "kernel/Kallsyms.h"
#include "kernel/SyscallHandlers.h"
#include "proc/ProcFile.h"
#include "syscalls/SyscallTable.h"

#include <QTest>
#include <unistd.h>

using namespace syscope;

namespace {

std::string sample(const char* name) {
    std::string text, error;
    const std::string path = std::string(SYSCOPE_TEST_DATA_DIR) + "/kernel/" + name;
    if (!readWholeFile(path.c_str(), text, &error)) {
        qFatal("%s", error.c_str());
    }
    return text;
}

Kallsyms parsed(const char* name) {
    std::string error;
    auto k = Kallsyms::parse(sample(name), &error);
    if (!k) {
        qFatal("%s: %s", name, error.c_str());
    }
    return std::move(*k);
}

} // namespace

class TestKallsyms : public QObject {
    Q_OBJECT
private slots:
    void visibleAddresses() {
        const Kallsyms k = parsed("kallsyms-6.18.txt");
        QCOMPARE(k.size(), std::size_t(28));
        QVERIFY(!k.addressesHidden());
        const KernelSymbol* s = k.find("__x64_sys_openat");
        QVERIFY(s);
        QCOMPARE(s->address, 0xffffffff816b7900ull);
        QCOMPARE(s->type, 'T');
        QVERIFY(s->module.empty());
        QCOMPARE(k.textBase().value(), 0xffffffff81000000ull);
        const KernelSymbol* tramp = k.find("ftrace_trampoline");
        QVERIFY(tramp);
        QCOMPARE(tramp->module, std::string("__builtin__ftrace"));
        QCOMPARE(tramp->type, 't');
        QVERIFY(!k.find("__x64_sys_nonexistent"));
    }

    void hiddenAddresses() {
        const Kallsyms k = parsed("kallsyms-hidden.txt");
        QCOMPARE(k.size(), std::size_t(28));
        QVERIFY(k.addressesHidden());
        QVERIFY(!k.textBase());
        const KernelSymbol* s = k.find("__x64_sys_openat");
        QVERIFY(s);
        QCOMPARE(s->address, 0ull);
        // Names are still there, so the handler is found; the address stays 0.
        const SyscallHandler h = findHandler(k, Arch::X86_64, "openat");
        QCOMPARE(h.handler.symbol, std::string("__x64_sys_openat"));
        QCOMPARE(h.handler.address, 0ull);
    }

    void hiddenReason_data() {
        QTest::addColumn<int>("kptr");
        QTest::addColumn<int>("paranoid");
        QTest::addColumn<bool>("capSyslog");
        QTest::addColumn<QString>("expected");
        QTest::newRow("kptr 2") << 2 << 2 << true << QStringLiteral("kptr_restrict = 2");
        QTest::newRow("kptr 1 no cap") << 1 << 2 << false << QStringLiteral("CAP_SYSLOG");
        QTest::newRow("kptr 0 paranoid")
            << 0 << 2 << false << QStringLiteral("perf_event_paranoid = 2");
        QTest::newRow("unreadable") << -1 << -1 << false << QStringLiteral("unreadable");
    }
    void hiddenReason() {
        QFETCH(int, kptr);
        QFETCH(int, paranoid);
        QFETCH(bool, capSyslog);
        QFETCH(QString, expected);
        KernelAccess a;
        a.kptrRestrict = kptr;
        a.perfEventParanoid = paranoid;
        a.capSyslog = capSyslog;
        const QString reason = QString::fromStdString(a.hiddenReason());
        QVERIFY2(reason.contains(expected), qPrintable(reason));
    }

    void modulesAndOldKernel() {
        const Kallsyms k = parsed("kallsyms-6.1-modules.txt");
        QCOMPARE(k.size(), std::size_t(18)); // the blank line is skipped
        // A module's symbol of the same name never shadows the core kernel's.
        QCOMPARE(k.find("__x64_sys_openat")->address, 0xffffffff9a8a1f30ull);
        QCOMPARE(k.find("ext4_fill_super")->module, std::string("ext4"));
        // _stext wins over _text as the text base.
        QCOMPARE(k.textBase().value(), 0xffffffff9a601000ull);

        const KernelEntryPath p = findEntryPath(k, Arch::X86_64);
        QCOMPARE(p.entry.symbol, std::string("entry_SYSCALL_64"));
        QCOMPARE(p.cEntry.symbol, std::string("do_syscall_64"));
        QCOMPARE(p.dispatcher.symbol, std::string("sys_call_table"));
        QVERIFY(!p.switchDispatch);
        const KernelEntryPath p32 = findEntryPath(k, Arch::I386);
        QCOMPARE(p32.entry.symbol, std::string("entry_INT80_compat"));
        QCOMPARE(p32.cEntry.symbol, std::string("do_int80_syscall_32"));
        QCOMPARE(p32.dispatcher.symbol, std::string("ia32_sys_call_table"));
    }

    void newKernelEntryPath() {
        const Kallsyms k = parsed("kallsyms-6.18.txt");
        const KernelEntryPath p = findEntryPath(k, Arch::X86_64);
        QCOMPARE(p.entry.symbol, std::string("entry_SYSCALL_64"));
        QCOMPARE(p.entry.address, 0xffffffff81000080ull);
        QCOMPARE(p.dispatcher.symbol, std::string("x64_sys_call"));
        QVERIFY(p.switchDispatch);
        QCOMPARE(p.cEntry.address, 0xffffffff821ef620ull);
        const KernelEntryPath p32 = findEntryPath(k, Arch::I386);
        QCOMPARE(p32.entry.symbol, std::string("asm_int80_emulation"));
        QCOMPARE(p32.cEntry.symbol, std::string("do_int80_emulation"));
        QCOMPARE(p32.dispatcher.symbol, std::string("ia32_sys_call"));
    }

    void handlerLookup_data() {
        QTest::addColumn<int>("arch");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("symbol");
        QTest::addColumn<quint64>("address");
        QTest::addColumn<bool>("notImplemented");
        QTest::newRow("openat") << int(Arch::X86_64) << QByteArray("openat")
                                << QByteArray("__x64_sys_openat") << quint64(0xffffffff816b7900ull)
                                << false;
        QTest::newRow("umount2 alias")
            << int(Arch::X86_64) << QByteArray("umount2") << QByteArray("__x64_sys_umount")
            << quint64(0xffffffff816f3180ull) << false;
        QTest::newRow("i386 compat first")
            << int(Arch::I386) << QByteArray("openat") << QByteArray("__ia32_compat_sys_openat")
            << quint64(0xffffffff816b7db0ull) << false;
        QTest::newRow("i386 native")
            << int(Arch::I386) << QByteArray("getuid32") << QByteArray("__ia32_sys_getuid")
            << quint64(0xffffffff81379d90ull) << false;
        QTest::newRow("i386 stat64") << int(Arch::I386) << QByteArray("stat64")
                                     << QByteArray("__ia32_compat_sys_ia32_stat64")
                                     << quint64(0xffffffff81304ff0ull) << false;
        QTest::newRow("tuxcall: ni_syscall")
            << int(Arch::X86_64) << QByteArray("tuxcall") << QByteArray("__x64_sys_ni_syscall")
            << quint64(0xffffffff8130c7d0ull) << true;
        QTest::newRow("missing in sample")
            << int(Arch::X86_64) << QByteArray("write") << QByteArray("") << quint64(0) << true;
    }
    void handlerLookup() {
        QFETCH(int, arch);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, symbol);
        QFETCH(quint64, address);
        QFETCH(bool, notImplemented);
        const Kallsyms k = parsed("kallsyms-6.18.txt");
        const SyscallHandler h = findHandler(k, Arch(arch), name.toStdString());
        QCOMPARE(h.notImplemented, notImplemented);
        if (notImplemented) {
            if (!symbol.isEmpty()) {
                QCOMPARE(QByteArray::fromStdString(h.niSyscall.symbol), symbol);
                QCOMPARE(quint64(h.niSyscall.address), address);
            }
            QVERIFY(!h.handler.found());
        } else {
            QCOMPARE(QByteArray::fromStdString(h.handler.symbol), symbol);
            QCOMPARE(quint64(h.handler.address), address);
        }
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("not hex") << QByteArray("zz T x\n") << QByteArray("line 1");
        QTest::newRow("address too long")
            << QByteArray("11112222333344445 T x\n") << QByteArray("16 hex digits");
        QTest::newRow("no type") << QByteArray("ffff\n") << QByteArray("one-letter");
        QTest::newRow("long type") << QByteArray("ffff TT name\n") << QByteArray("one-letter");
        QTest::newRow("no name") << QByteArray("ffff T \n") << QByteArray("line 1");
        QTest::newRow("bad module") << QByteArray("ffff t name\text4\n") << QByteArray("[module]");
        QTest::newRow("second line")
            << QByteArray("ffff T ok\nffff T ok2 [m] extra\n") << QByteArray("line 2");
        QTest::newRow("type not letter") << QByteArray("ffff 1 name\n") << QByteArray("letter");
        QTest::newRow("nul bytes") << QByteArray("ffff T a\0b\n", 11) << QByteArray("line 1");
    }
    void malformed() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, error);
        std::string message;
        const auto k =
            Kallsyms::parse(std::string_view(text.constData(), std::size_t(text.size())), &message);
        QVERIFY(!k);
        QVERIFY2(QByteArray::fromStdString(message).contains(error), message.c_str());
    }

    void malformedFile() {
        std::string message;
        QVERIFY(!Kallsyms::parse(sample("kallsyms-malformed.txt"), &message));
        QVERIFY(QString::fromStdString(message).contains(QStringLiteral("line 2")));
        QVERIFY(!Kallsyms::read(&message, "/nonexistent/kallsyms"));
        QVERIFY(!message.empty());
    }

    void emptyAndTruncated() {
        std::string message;
        auto empty = Kallsyms::parse("", &message);
        QVERIFY(empty);
        QCOMPARE(empty->size(), std::size_t(0));
        QVERIFY(!empty->addressesHidden());
        // Every prefix of a valid text parses or fails cleanly, never crashes.
        const std::string text = sample("kallsyms-6.1-modules.txt");
        for (std::size_t n = 0; n <= text.size(); ++n) {
            (void)Kallsyms::parse(std::string_view(text).substr(0, n), &message);
        }
    }

    void movingKeepsTheIndex() {
        Kallsyms a = parsed("kallsyms-6.18.txt");
        Kallsyms b = std::move(a);
        QVERIFY(b.find("x64_sys_call"));
        QVERIFY(b.find("_text"));
    }

    // This machine: every x86_64 syscall with a handler resolves, as do the entry points.
    void thisMachine() {
        std::string error;
        auto k = Kallsyms::read(&error);
        if (!k) {
            QSKIP(
                qPrintable(QStringLiteral("no /proc/kallsyms: ") + QString::fromStdString(error)));
        }
        QVERIFY(k->size() > 1000);
        QVERIFY(findEntryPath(*k, Arch::X86_64).entry.found());
        QVERIFY(findEntryPath(*k, Arch::X86_64).dispatcher.found());
        int missing = 0;
        QStringList names;
        for (const SyscallInfo& info : SyscallTable::forArch(Arch::X86_64).all()) {
            const auto candidates = handlerCandidates(Arch::X86_64, info.name);
            const SyscallHandler h = findHandler(*k, Arch::X86_64, info.name);
            if (!candidates.empty() && !h.handler.found()) {
                ++missing;
                names << QString::fromLatin1(info.name);
            }
        }
        // Syscalls newer than the table's kernel or configured out may miss; a handful at most.
        QVERIFY2(missing <= 5, qPrintable(names.join(QLatin1Char(' '))));
        if (k->addressesHidden()) {
            QVERIFY(!k->access().hiddenReason().empty());
        } else if (::geteuid() == 0) {
            QVERIFY(k->textBase().has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestKallsyms)
#include "tst_kallsyms.moc"
