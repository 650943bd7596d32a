// The road model: a sample openat (success and ENOENT), a vDSO clock_gettime with this
// kernel's real vDSO image, the table's road for i386, hidden and missing kernel addresses,
// calls that never return, and the splitting of the formatter's line into arguments.
#include "kernel/Kallsyms.h"
#include "kernel/SyscallRoad.h"
#include "proc/ProcFile.h"
#include "syscalls/SyscallTable.h"
#include "vdso/VdsoImage.h"

#include <QTest>

using namespace syscope;

namespace {

Kallsyms sampleKallsyms(const char* name) {
    std::string text, error;
    const std::string path = std::string(SYSCOPE_TEST_DATA_DIR) + "/kernel/" + name;
    if (!readWholeFile(path.c_str(), text, &error)) {
        qFatal("%s", error.c_str());
    }
    auto k = Kallsyms::parse(text, &error);
    if (!k) {
        qFatal("%s", error.c_str());
    }
    return std::move(*k);
}

MapsSnapshot sampleMaps() {
    MapsSnapshot m;
    m.pid = 4242;
    m.entries.push_back(
        {0x55d0c0a00000, 0x55d0c0a02000, 0, 11, 8, 1, MapPerm::Read, "/usr/bin/cat"});
    m.entries.push_back({0x55d0c0a02000, 0x55d0c0a07000, 0x2000, 11, 8, 1,
                         MapPerm::Read | MapPerm::Exec, "/usr/bin/cat"});
    m.entries.push_back({0x7f1c2e428000, 0x7f1c2e5bd000, 0x28000, 12, 8, 1,
                         MapPerm::Read | MapPerm::Exec, "/usr/lib/x86_64-linux-gnu/libc.so.6"});
    m.entries.push_back(
        {0x7ffd8a3f2000, 0x7ffd8a3f4000, 0, 0, 0, 0, MapPerm::Read | MapPerm::Exec, "[vdso]"});
    return m;
}

SyscallEvent openatEvent(std::int64_t ret) {
    SyscallEvent e;
    e.pid = 4242;
    e.tid = 4242;
    e.nr = 257;
    e.arch = Arch::X86_64;
    e.args = {std::uint64_t(-100), 0x7ffd8a3e1f00, 0x80000, 0, 0, 0};
    e.ret = ret;
    e.enter = 1000;
    e.exit = 2000;
    return e;
}

StringLookup pathString(const char* path) {
    return [path](int arg) -> std::optional<ArgString> {
        if (arg == 1) {
            return ArgString{path, false};
        }
        return std::nullopt;
    };
}

std::vector<RoadStepKind> kinds(const SyscallRoad& r) {
    std::vector<RoadStepKind> out;
    for (const auto& s : r.steps) {
        out.push_back(s.kind);
    }
    return out;
}

// Not inlined: GCC's -Wnull-dereference would otherwise flag every `QVERIFY(p); p->...` after it,
// not knowing that QVERIFY returns when p is null.
[[gnu::noinline]] const RoadStep* step(const SyscallRoad& r, RoadStepKind k) {
    for (const auto& s : r.steps) {
        if (s.kind == k) {
            return &s;
        }
    }
    return nullptr;
}

// For checks that read a step's fields directly: a missing step reads as an empty one (and the
// comparison then fails), instead of dereferencing null.
const RoadStep& stepOrEmpty(const SyscallRoad& r, RoadStepKind k) {
    static const RoadStep none{};
    const RoadStep* s = step(r, k);
    return s ? *s : none;
}

bool anyLineContains(const RoadStep& s, const char* text) {
    for (const auto& l : s.lines) {
        if (l.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestSyscallRoad : public QObject {
    Q_OBJECT
private slots:
    void openatSuccess() {
        const Kallsyms k = sampleKallsyms("kallsyms-6.18.txt");
        const MapsSnapshot maps = sampleMaps();
        RoadInputs in;
        in.kallsyms = &k;
        in.maps = &maps;
        in.program = "/usr/bin/cat";
        in.strings = pathString("/etc/hostname");
        const SyscallRoad r = buildSyscallRoad(openatEvent(3), in);

        QCOMPARE(r.call,
                 std::string("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY|O_CLOEXEC) = 3"));
        QCOMPARE(r.name, std::string("openat"));
        QCOMPARE(r.nr, 257);
        QVERIFY(!r.vdso);
        QVERIFY(r.fromEvent);
        const std::vector<RoadStepKind> expected{
            RoadStepKind::CallSite,    RoadStepKind::Wrapper,    RoadStepKind::Instruction,
            RoadStepKind::KernelEntry, RoadStepKind::Dispatcher, RoadStepKind::Handler,
            RoadStepKind::Return,      RoadStepKind::Result};
        QVERIFY(kinds(r) == expected);

        const RoadStep* site = step(r, RoadStepKind::CallSite);
        QCOMPARE(site->symbol, std::string("cat"));
        QCOMPARE(site->address.value(), 0x55d0c0a02000ull);
        const RoadStep* wrapper = step(r, RoadStepKind::Wrapper);
        QCOMPARE(wrapper->symbol, std::string("open()"));
        QCOMPARE(wrapper->address.value(), 0x7f1c2e428000ull);
        QVERIFY(anyLineContains(*wrapper, "fopen"));

        const RoadStep* insn = step(r, RoadStepKind::Instruction);
        QCOMPARE(insn->symbol, std::string("syscall"));
        QVERIFY(!insn->inKernel);
        QCOMPARE(insn->registers.size(), std::size_t(1 + 4)); // rax + openat's four arguments
        QCOMPARE(insn->registers[0].name, std::string("rax"));
        QCOMPARE(insn->registers[0].value.value(), 257ull);
        QCOMPARE(insn->registers[0].meaning, std::string("openat"));
        const char* names[] = {"rdi", "rsi", "rdx", "r10"};
        const char* meanings[] = {"AT_FDCWD", "\"/etc/hostname\"", "O_RDONLY|O_CLOEXEC", ""};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(insn->registers[std::size_t(i + 1)].name, std::string(names[i]));
            QCOMPARE(insn->registers[std::size_t(i + 1)].meaning, std::string(meanings[i]));
        }
        QCOMPARE(insn->registers[1].value.value(), 0xffffffffffffff9cull);
        QCOMPARE(insn->registers[4].name, std::string("r10"));

        const RoadStep* entry = step(r, RoadStepKind::KernelEntry);
        QVERIFY(entry->inKernel);
        QCOMPARE(entry->symbol, std::string("entry_SYSCALL_64"));
        QCOMPARE(entry->address.value(), 0xffffffff81000080ull);
        QVERIFY(anyLineContains(*entry, "do_syscall_64 at 0xffffffff821ef620"));
        const RoadStep* disp = step(r, RoadStepKind::Dispatcher);
        QCOMPARE(disp->symbol, std::string("x64_sys_call()"));
        QVERIFY(anyLineContains(*disp, "6.9"));
        QVERIFY(anyLineContains(*disp, "sys_call_table[257]"));
        const RoadStep* handler = step(r, RoadStepKind::Handler);
        QCOMPARE(handler->symbol, std::string("__x64_sys_openat"));
        QCOMPARE(handler->address.value(), 0xffffffff816b7900ull);

        const RoadStep* ret = step(r, RoadStepKind::Return);
        QCOMPARE(ret->registers.at(0).name, std::string("rax"));
        QCOMPARE(ret->registers.at(0).value.value(), 3ull);
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Result).symbol, std::string("returns 3"));
        QVERIFY(!step(r, RoadStepKind::Errno));

        QCOMPARE(r.textBase.value(), 0xffffffff81000000ull);
        QVERIFY(r.kaslrNote.find("KASLR") != std::string::npos);
        QVERIFY(r.kaslrNote.find("0xffffffff81000000") != std::string::npos);
        QVERIFY(r.addressNote.empty());
    }

    void openatFails() {
        const Kallsyms k = sampleKallsyms("kallsyms-6.18.txt");
        RoadInputs in;
        in.kallsyms = &k;
        in.strings = pathString("/nope");
        const SyscallRoad r = buildSyscallRoad(openatEvent(-2), in);
        QCOMPARE(r.call, std::string("openat(AT_FDCWD, \"/nope\", O_RDONLY|O_CLOEXEC) = -1 ENOENT "
                                     "(No such file or directory)"));
        QCOMPARE(kinds(r).back(), RoadStepKind::Errno);
        QVERIFY(!step(r, RoadStepKind::Result));
        const RoadStep* ret = step(r, RoadStepKind::Return);
        QCOMPARE(ret->registers.at(0).value.value(), 0xfffffffffffffffeull);
        QCOMPARE(ret->registers.at(0).meaning, std::string("-ENOENT"));
        const RoadStep* err = step(r, RoadStepKind::Errno);
        QCOMPARE(err->symbol, std::string("returns -1, errno = ENOENT"));
        QVERIFY(anyLineContains(*err, "-2 is in -4095..-1"));
        QVERIFY(anyLineContains(*err, "No such file or directory"));
        // Without maps the call site has no address, and says so by having none.
        QVERIFY(!stepOrEmpty(r, RoadStepKind::CallSite).address);
    }

    void restartIsNotAnErrnoForTheProgram() {
        RoadInputs in;
        SyscallEvent e = openatEvent(-512);
        const SyscallRoad r = buildSyscallRoad(e, in);
        const RoadStep* err = step(r, RoadStepKind::Errno);
        QVERIFY(err);
        QCOMPARE(err->symbol, std::string("ERESTARTSYS"));
        QVERIFY(anyLineContains(*err, "never sees it"));
    }

    void vdsoCall() {
        std::string error;
        auto vdso = VdsoImage::fromSelf(&error);
        if (!vdso) {
            QSKIP(error.c_str());
        }
        const VdsoSymbol* sym = vdso->findFunction("clock_gettime");
        QVERIFY(sym);
        const Kallsyms k = sampleKallsyms("kallsyms-6.18.txt");
        const MapsSnapshot maps = sampleMaps();
        AuxvSnapshot auxv;
        auxv.pid = 4242;
        auxv.entries = {{6, 4096}, {33, 0x7ffd8a3f2000}};
        RoadInputs in;
        in.kallsyms = &k;
        in.maps = &maps;
        in.auxv = &auxv;
        in.vdso = &*vdso;
        in.program = "/usr/bin/cat";
        SyscallEvent e;
        e.pid = e.tid = 4242;
        e.flags = EventFlag::Vdso;
        e.nr = int(VdsoFunction::ClockGettime);
        e.args = {1, 0x7ffd8a3e1e80, 0, 0, 0, 0};
        e.ret = 0;
        const SyscallRoad r = buildSyscallRoad(e, in);
        QVERIFY(r.vdso);
        QCOMPARE(r.name, std::string("clock_gettime"));
        const std::vector<RoadStepKind> expected{RoadStepKind::CallSite, RoadStepKind::Wrapper,
                                                 RoadStepKind::VdsoFunction, RoadStepKind::Return,
                                                 RoadStepKind::Result};
        QVERIFY(kinds(r) == expected);
        for (const auto& s : r.steps) {
            QVERIFY2(!s.inKernel, s.title.c_str());
        }
        const RoadStep* v = step(r, RoadStepKind::VdsoFunction);
        QCOMPARE(v->symbol, sym->name);
        QCOMPARE(v->address.value(), 0x7ffd8a3f2000ull + sym->offset);
        QVERIFY(anyLineContains(*v, "no syscall instruction"));
        QVERIFY(anyLineContains(*v, "no kernel entry"));
        QVERIFY(anyLineContains(*v, "0x7ffd8a3f2000"));
        // A function call: System V registers rdi, rsi (not a syscall's r10).
        QCOMPARE(v->registers.size(), std::size_t(2));
        QCOMPARE(v->registers[0].name, std::string("rdi"));
        QCOMPARE(v->registers[0].meaning, std::string("CLOCK_MONOTONIC"));
        QCOMPARE(v->registers[1].name, std::string("rsi"));
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Return).symbol, std::string("ret"));
        QVERIFY(stepOrEmpty(r, RoadStepKind::Wrapper).symbol.find("clock_gettime") == 0);
    }

    void vdsoWithoutImageUsesTheMapping() {
        const MapsSnapshot maps = sampleMaps();
        RoadInputs in;
        in.maps = &maps;
        SyscallEvent e;
        e.flags = EventFlag::Vdso;
        e.nr = int(VdsoFunction::Gettimeofday);
        const SyscallRoad r = buildSyscallRoad(e, in);
        const RoadStep* v = step(r, RoadStepKind::VdsoFunction);
        QVERIFY(v);
        QVERIFY(!v->address);
        QVERIFY(anyLineContains(*v, "0x7ffd8a3f2000"));
        QVERIFY(anyLineContains(*v, "offset unknown"));
    }

    void tableRoadI386() {
        const Kallsyms k = sampleKallsyms("kallsyms-6.18.txt");
        RoadInputs in;
        in.kallsyms = &k;
        const int nr = SyscallTable::forArch(Arch::I386).numberOf("openat").value();
        const SyscallRoad r = buildSyscallRoad(Arch::I386, nr, in);
        QVERIFY(!r.fromEvent);
        const RoadStep* insn = step(r, RoadStepKind::Instruction);
        QCOMPARE(insn->symbol, std::string("int $0x80"));
        QCOMPARE(insn->registers[0].name, std::string("eax"));
        QCOMPARE(insn->registers[0].value.value(), std::uint64_t(nr));
        QCOMPARE(insn->registers[1].name, std::string("ebx"));
        QVERIFY(!insn->registers[1].value);
        QCOMPARE(insn->registers[1].meaning, std::string("dirfd"));
        QCOMPARE(stepOrEmpty(r, RoadStepKind::KernelEntry).symbol,
                 std::string("asm_int80_emulation"));
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Dispatcher).symbol, std::string("ia32_sys_call()"));
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Handler).symbol,
                 std::string("__ia32_compat_sys_openat"));
        QVERIFY(step(r, RoadStepKind::Errno));
    }

    void oldKernelArray() {
        const Kallsyms k = sampleKallsyms("kallsyms-6.1-modules.txt");
        RoadInputs in;
        in.kallsyms = &k;
        const SyscallRoad r = buildSyscallRoad(openatEvent(3), in);
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Dispatcher).symbol,
                 std::string("sys_call_table[257]"));
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Dispatcher).address.value(), 0xffffffff9b8002e0ull);
        // KASLR moved this kernel: no "default" remark.
        QVERIFY(r.kaslrNote.find("0xffffffff9a601000") != std::string::npos);
        QVERIFY(r.kaslrNote.find("default") == std::string::npos);
    }

    void hiddenAddresses() {
        Kallsyms k = sampleKallsyms("kallsyms-hidden.txt");
        KernelAccess a;
        a.kptrRestrict = 2;
        k.setAccess(a);
        RoadInputs in;
        in.kallsyms = &k;
        const SyscallRoad r = buildSyscallRoad(openatEvent(3), in);
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Handler).symbol, std::string("__x64_sys_openat"));
        for (const auto& s : r.steps) {
            if (s.inKernel) {
                QVERIFY2(!s.address, s.title.c_str());
            }
        }
        QVERIFY(!r.textBase);
        QVERIFY(r.addressNote.find("hidden") != std::string::npos);
        QVERIFY(r.addressNote.find("kptr_restrict = 2") != std::string::npos);
    }

    void noKallsyms() {
        RoadInputs in;
        in.kallsymsError = "cannot open /proc/kallsyms: Permission denied";
        const SyscallRoad r = buildSyscallRoad(openatEvent(3), in);
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Handler).symbol, std::string("__x64_sys_openat"));
        QCOMPARE(stepOrEmpty(r, RoadStepKind::KernelEntry).symbol, std::string("entry_SYSCALL_64"));
        QVERIFY(r.addressNote.find("Permission denied") != std::string::npos);
    }

    void neverReturns() {
        const Kallsyms k = sampleKallsyms("kallsyms-6.18.txt");
        RoadInputs in;
        in.kallsyms = &k;
        SyscallEvent e;
        e.nr = 231; // exit_group
        e.args = {0, 0, 0, 0, 0, 0};
        e.flags = EventFlag::Unfinished;
        const SyscallRoad r = buildSyscallRoad(e, in);
        QCOMPARE(kinds(r).back(), RoadStepKind::Return);
        QCOMPARE(r.steps.back().symbol, std::string("no return"));
        QVERIFY(anyLineContains(r.steps.back(), "never returns"));
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Handler).address.value(), 0xffffffff81360280ull);
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Wrapper).symbol, std::string("exit()"));
    }

    void unknownNumber() {
        RoadInputs in;
        SyscallEvent e;
        e.nr = 999;
        e.ret = -38;
        const SyscallRoad r = buildSyscallRoad(e, in);
        QCOMPARE(r.name, std::string("syscall_0x3e7"));
        QVERIFY(step(r, RoadStepKind::Errno));
        QCOMPARE(stepOrEmpty(r, RoadStepKind::Instruction).registers.size(), std::size_t(7));
    }

    void split_data() {
        QTest::addColumn<QByteArray>("call");
        QTest::addColumn<QByteArrayList>("args");
        QTest::newRow("simple") << QByteArray("close(3)") << QByteArrayList{"3"};
        QTest::newRow("none") << QByteArray("getpid()") << QByteArrayList{};
        QTest::newRow("quoted comma") << QByteArray("openat(AT_FDCWD, \"/a,b\\\"c)\", O_RDONLY)")
                                      << QByteArrayList{"AT_FDCWD", "\"/a,b\\\"c)\"", "O_RDONLY"};
        QTest::newRow("braces")
            << QByteArray("rt_sigaction(SIGINT, {sa_handler=0x1, sa_mask=[INT TERM]}, NULL, 8)")
            << QByteArrayList{"SIGINT", "{sa_handler=0x1, sa_mask=[INT TERM]}", "NULL", "8"};
        QTest::newRow("unterminated") << QByteArray("read(3, \"abc") << QByteArrayList{};
        QTest::newRow("no parens") << QByteArray("garbage") << QByteArrayList{};
    }
    void split() {
        QFETCH(QByteArray, call);
        QFETCH(QByteArrayList, args);
        QByteArrayList got;
        for (const auto& a : splitCallArguments(call.toStdString())) {
            got << QByteArray::fromStdString(a);
        }
        QCOMPARE(got, args);
    }
};

QTEST_GUILESS_MAIN(TestSyscallRoad)
#include "tst_syscallroad.moc"
