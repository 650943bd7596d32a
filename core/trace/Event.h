// Plain value types that travel from the tracer to every sink (trace writer, in-memory store,
// statistics). They hold no pointers into tracer state, so a batch can cross threads by value.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace syscope {

// CLOCK_MONOTONIC nanoseconds.
using TimeNs = std::int64_t;

// The ABI a syscall entered through, as PTRACE_GET_SYSCALL_INFO reports it.
enum class Arch : std::uint8_t {
    X86_64 = 0,
    I386 = 1, // int $0x80 (or sysenter) from any process; numbers are the i386 table's
    X32 = 2,  // x86_64 entry with __X32_SYSCALL_BIT set
};

const char* archName(Arch arch);

namespace EventFlag {
enum : std::uint8_t {
    Unfinished = 1 << 0, // no exit was seen: exit_group, exec that replaced the image, killed task
    Restarted = 1 << 1,  // this attempt was a restart of an interrupted earlier attempt
    Compat32 = 1 << 2,   // entered through the 32-bit ABI (arch is I386)
    Vdso =
        1 << 3, // a call into the vDSO caught by a breakpoint, not a syscall; nr is a VdsoFunction
    Seccomp = 1 << 4, // entry was seen as a seccomp stop (filtered tracing)
};
}

// The vDSO functions syscope knows how to watch; the value is stored as `nr` of a Vdso event.
enum class VdsoFunction : std::int32_t {
    ClockGettime = 0,
    Gettimeofday = 1,
    Time = 2,
    Getcpu = 3,
    ClockGetres = 4,
    Getrandom = 5,
};

// One syscall from entry to exit.
struct SyscallEvent {
    TimeNs enter = 0;
    TimeNs exit = 0; // meaningless when Unfinished is set
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    std::int32_t nr = -1;
    Arch arch = Arch::X86_64;
    std::uint8_t flags = 0;
    std::array<std::uint64_t, 6> args{};
    std::int64_t ret = 0; // raw kernel return value (-4095..-1 is -errno)

    bool unfinished() const { return flags & EventFlag::Unfinished; }
    bool failed() const { return !unfinished() && ret < 0 && ret >= -4095; }
    TimeNs duration() const { return unfinished() ? 0 : exit - enter; }
};

// A string read from tracee memory for one argument of one event (path names, execve argv[0]).
struct EventString {
    std::uint32_t event = 0; // index of the event inside its batch
    std::uint8_t arg = 0;    // 0..5
    bool truncated = false;  // the tracee's string was longer than the read limit
    std::string bytes;       // raw bytes, not necessarily UTF-8
};

enum class ProcessEventKind : std::uint8_t {
    Start = 0,  // the first task of a launched command, or an attached task
    Fork = 1,   // a new process (fork, vfork, clone without CLONE_THREAD)
    Thread = 2, // a new thread in an existing process
    Exec =
        3, // a successful execve/execveat; `tid` may differ from the exec caller (non-leader exec)
    Exit = 4,    // a task ended; status holds the wait status
    Signal = 5,  // a signal was delivered to the task (signo in `value`)
    Detach = 6,  // tracing stopped while the task kept running
    Stopped = 7, // group-stop: the task stopped by a stop signal (signo in `value`), as strace's
                 // "--- stopped by SIGSTOP ---"
};

// A delivered signal's siginfo as numbers: the tracer keeps these (formatting and storing the
// text of every SIGCHLD of a fork loop cost more than the rest of its signal stop) and readers
// turn them into strace's text (fillSignalDetail in syscalls/Siginfo.h).
struct RawSiginfo {
    std::int32_t code = 0;   // si_code
    std::int32_t errnum = 0; // si_errno
    // The 32 bytes after si_signo/si_errno/si_code on x86_64, which hold every field strace shows
    // (sender, status and times, fault address, syscall, value, ...), as four native words.
    std::array<std::uint64_t, 4> words{};
};

struct ProcessEvent {
    TimeNs time = 0;
    ProcessEventKind kind = ProcessEventKind::Start;
    std::int32_t pid = 0;          // thread group of `tid`
    std::int32_t tid = 0;          // the task this event is about (new child for Fork/Thread)
    std::int32_t parent = 0;       // Fork/Thread: creating task; Exec: the tid before exec
    std::int32_t value = 0;        // Exit: raw wait status; Signal: signal number
    std::string comm;              // /proc/PID/comm at the time of the event
    std::vector<std::string> argv; // Start/Exec: the new command line
    std::string exe;               // Start/Exec: the executable's path
    std::string detail;            // Signal: siginfo as strace prints it, "{si_signo=SIGCHLD, ...}"
    std::optional<RawSiginfo> siginfo; // Signal, from the tracer: what `detail` is made from
};

// One line of /proc/PID/maps.
struct MapEntry {
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    std::uint64_t offset = 0;
    std::uint64_t inode = 0;
    std::uint32_t devMajor = 0;
    std::uint32_t devMinor = 0;
    std::uint8_t perms = 0; // MapPerm bits
    std::string path;       // file name or [heap], [stack], [vdso], ...; empty for anonymous

    std::uint64_t size() const { return end - start; }
};

namespace MapPerm {
enum : std::uint8_t { Read = 1, Write = 2, Exec = 4, Shared = 8 };
}

// The address map of one process at one moment.
struct MapsSnapshot {
    TimeNs time = 0;
    std::int32_t pid = 0;
    std::int32_t causeNr = -1; // syscall whose exit triggered the read (-1: exec/start)
    std::vector<MapEntry> entries;
};

struct AuxvEntry {
    std::uint64_t type = 0;
    std::uint64_t value = 0;
};

struct AuxvSnapshot {
    TimeNs time = 0;
    std::int32_t pid = 0;
    std::vector<AuxvEntry> entries;
};

// What the tracer hands to its sinks, in the order things happened for each task.
struct EventBatch {
    std::vector<SyscallEvent> events;
    std::vector<EventString> strings;
    std::vector<ProcessEvent> processEvents;
    std::vector<MapsSnapshot> maps;
    std::vector<AuxvSnapshot> auxv;

    bool empty() const {
        return events.empty() && processEvents.empty() && maps.empty() && auxv.empty();
    }
    void clear() {
        events.clear();
        strings.clear();
        processEvents.clear();
        maps.clear();
        auxv.clear();
    }
};

// Facts about the recording, written once at the start of a trace file.
struct TraceMetadata {
    std::vector<std::string> command; // launched argv, or empty when attached
    std::vector<std::int32_t> attachedPids;
    std::string workingDirectory;
    std::int64_t startWallNs = 0; // CLOCK_REALTIME at start
    TimeNs startMonoNs = 0;       // CLOCK_MONOTONIC at the same moment
    std::string kernelRelease;
    std::string hostname;
    std::string machine;
    std::int32_t randomizeVaSpace = -1;
    std::string vsyscallMode; // none, emulate, xonly or unknown
    std::string syscopeVersion;
};

} // namespace syscope
