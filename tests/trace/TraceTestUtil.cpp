#include "TraceTestUtil.h"

#include <csignal>
#include <fstream>
#include <sstream>

namespace syscope::testutil {

SyscallEvent makeEvent(std::int32_t pid, std::int32_t tid, std::int32_t nr, TimeNs enter,
                       TimeNs exit, std::int64_t ret) {
    SyscallEvent e;
    e.pid = pid;
    e.tid = tid;
    e.nr = nr;
    e.enter = enter;
    e.exit = exit;
    e.ret = ret;
    return e;
}

EventBatch oddBatch(int seed) {
    EventBatch b;
    const TimeNs base = 1'000'000'000'000LL + seed * 1'000'000LL;
    ProcessEvent start;
    start.time = base - 10;
    start.kind = ProcessEventKind::Start;
    start.pid = 100 + seed;
    start.tid = 100 + seed;
    start.comm = "prog";
    start.argv = {"/bin/prog", "--flag", std::string("bin\0ary", 7), ""};
    start.exe = "/bin/prog";
    b.processEvents.push_back(start);
    ProcessEvent thread;
    thread.time = base + 5;
    thread.kind = ProcessEventKind::Thread;
    thread.pid = 100 + seed;
    thread.tid = 200 + seed;
    thread.parent = 100 + seed;
    thread.comm = "worker";
    b.processEvents.push_back(thread);
    ProcessEvent exitEv;
    exitEv.time = base + 900;
    exitEv.kind = ProcessEventKind::Exit;
    exitEv.pid = 100 + seed;
    exitEv.tid = 200 + seed;
    exitEv.value = 0x8b; // killed by SIGSEGV with core
    b.processEvents.push_back(exitEv);
    ProcessEvent signal; // as the tracer records it: the siginfo's numbers, no text
    signal.time = base + 800;
    signal.kind = ProcessEventKind::Signal;
    signal.pid = signal.tid = 100 + seed;
    signal.value = SIGCHLD;
    signal.siginfo.emplace();
    signal.siginfo->code = CLD_KILLED;
    signal.siginfo->words = {std::uint64_t(1000) << 32 | std::uint64_t(300 + seed), SIGKILL, ~0ULL,
                             7};
    b.processEvents.push_back(signal);
    ProcessEvent imported = signal; // as an strace log gives it: text only
    imported.siginfo.reset();
    imported.detail = "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}";
    imported.value = SIGSEGV;
    b.processEvents.push_back(imported);

    auto e = makeEvent(100 + seed, 100 + seed, 257, base, base + 1234, 3);
    e.args = {static_cast<std::uint64_t>(-100), 0x7ffd12345678ULL, 0x80000, 0, 0, 0};
    b.events.push_back(e);
    b.strings.push_back({0, 1, false, "/etc/hostname"});

    e = makeEvent(100 + seed, 100 + seed, 257, base + 2000, base + 2100, -2);
    e.args = {static_cast<std::uint64_t>(-100), 0x7ffd12345700ULL, 0, 0, 0, 0};
    b.events.push_back(e);
    b.strings.push_back({1, 1, true, std::string(5000, 'x')});

    e = makeEvent(100 + seed, 200 + seed, 0, base + 10, base + 1'000'000'000'000LL, -512);
    e.flags = EventFlag::Restarted;
    e.args = {~0ULL, 0x8000000000000000ULL, 0x7fffffffffffffffULL, 1, 2, 3};
    b.events.push_back(e);

    e = makeEvent(100 + seed, 200 + seed, 231, base + 20, 0, 0);
    e.flags = EventFlag::Unfinished;
    e.exit = e.enter;
    e.args = {42, 0, 0, 0, 0, 0};
    b.events.push_back(e);

    e = makeEvent(100 + seed, 100 + seed, 5, base + 3000, base + 3001,
                  std::numeric_limits<std::int64_t>::min());
    e.arch = Arch::I386;
    e.flags = EventFlag::Compat32;
    e.args = {1, 2, 3, 4, 5, 6};
    b.events.push_back(e);
    b.strings.push_back({4, 0, false, std::string("\xff\xfe\n\"\0", 5)});
    b.strings.push_back({4, 5, false, ""});

    e = makeEvent(100 + seed, 100 + seed, 0, base + 4000, base + 4010, 0);
    e.flags = EventFlag::Vdso;
    b.events.push_back(e);

    e = makeEvent(-1, 0x7fffffff, -1, -5, -10, std::numeric_limits<std::int64_t>::max());
    e.arch = Arch::X32;
    e.flags = 0xff & ~EventFlag::Unfinished;
    b.events.push_back(e);

    MapsSnapshot m;
    m.time = base + 1;
    m.pid = 100 + seed;
    m.causeNr = 9;
    m.entries.push_back(
        {0x555555554000ULL, 0x555555556000ULL, 0, 1234, 8, 1, MapPerm::Read, "/bin/prog"});
    m.entries.push_back({0x7ffff7fc1000ULL, 0x7ffff7fc3000ULL, 0, 0, 0, 0,
                         MapPerm::Read | MapPerm::Exec, "[vdso]"});
    m.entries.push_back(
        {0xffffffffff600000ULL, 0xffffffffff601000ULL, 0, 0, 0, 0, MapPerm::Exec, "[vsyscall]"});
    m.entries.push_back(
        {0x1000, 0x2000, 0xffffffffffff0000ULL, ~0ULL, 0xffffffffu, 0xffffffffu, 0xff, ""});
    b.maps.push_back(m);
    AuxvSnapshot a;
    a.time = base + 2;
    a.pid = 100 + seed;
    a.entries = {{33, 0x7ffff7fc1000ULL}, {25, 0x7ffd0000ULL}, {0, 0}, {~0ULL, ~0ULL}};
    b.auxv.push_back(a);
    return b;
}

EventBatch syscallLoop(std::size_t count, TimeNs start) {
    EventBatch b;
    b.events.reserve(count);
    TimeNs t = start;
    for (std::size_t i = 0; i < count; ++i) {
        SyscallEvent e;
        e.pid = 4242;
        e.tid = 4242;
        // A read/write loop with a getppid in between: the same three calls over and over.
        switch (i % 3) {
        case 0:
            e.nr = 0; // read(3, buf, 4096) = 4096
            e.args = {3, 0x7ffc0badf00dULL, 4096, 0, 0, 0};
            e.ret = 4096;
            break;
        case 1:
            e.nr = 1; // write(4, buf, 4096) = 4096
            e.args = {4, 0x7ffc0badf00dULL, 4096, 0, 0, 0};
            e.ret = 4096;
            break;
        default:
            e.nr = 110; // getppid()
            e.ret = 4000;
            break;
        }
        t += 1000 + static_cast<TimeNs>((i * 7919) % 2000);
        e.enter = t;
        t += 500 + static_cast<TimeNs>((i * 104729) % 1500);
        e.exit = t;
        b.events.push_back(e);
    }
    return b;
}

TraceMetadata sampleMetadata() {
    TraceMetadata m;
    m.command = {"/usr/bin/ls", "-la", "dir with space", ""};
    m.attachedPids = {12, -3};
    m.workingDirectory = "/tmp/\xc3\xa9t\xe9";
    m.startWallNs = 1'790'000'000'123'456'789LL;
    m.startMonoNs = 987'654'321'000LL;
    m.kernelRelease = "6.1.0-test";
    m.hostname = "host";
    m.machine = "x86_64";
    m.randomizeVaSpace = 2;
    m.vsyscallMode = "xonly";
    m.syscopeVersion = "0.1.0";
    return m;
}

bool sameEvent(const SyscallEvent& a, const SyscallEvent& b) {
    return a.enter == b.enter && (a.unfinished() || a.exit == b.exit) && a.pid == b.pid &&
           a.tid == b.tid && a.nr == b.nr && a.arch == b.arch && a.flags == b.flags &&
           a.args == b.args && a.ret == b.ret;
}

std::string describe(const SyscallEvent& e) {
    std::ostringstream s;
    s << "pid " << e.pid << " tid " << e.tid << " nr " << e.nr << " arch " << int(e.arch)
      << " flags " << int(e.flags) << " enter " << e.enter << " exit " << e.exit << " ret " << e.ret
      << " args";
    for (auto a : e.args) {
        s << ' ' << std::hex << a << std::dec;
    }
    return s.str();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace syscope::testutil
