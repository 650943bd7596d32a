// The inside of one Tracer::run(): the task table, the stop handlers and the batch being
// filled. Private to core/tracer; its members are defined in TracerSession.cpp (launch, attach,
// the wait loop, stopping, handing over), TracerSyscalls.cpp (syscall stops and what they
// capture) and TracerProcesses.cpp (fork, exec, signals, group-stops, exits, vDSO traps).
#pragma once

#include "syscalls/SyscallNumbers.h"
#include "syscalls/SyscallTable.h"
#include "trace/Event.h"
#include "tracer/ProcessLauncher.h"
#include "tracer/SeccompProgram.h"
#include "tracer/TaskTable.h"
#include "tracer/Tracer.h"
#include "tracer/VdsoHooks.h"

#include <array>
#include <atomic>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <linux/audit.h>
#include <memory>
#include <optional>
#include <string>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/user.h>
#include <unistd.h>
#include <unordered_set>
#include <vector>

namespace syscope::tracer_detail {

inline constexpr int kErrnoMax = 4095;
inline constexpr int kRestartSysCodes[] = {512, 513, 514,
                                           516}; // ERESTARTSYS .. ERESTART_RESTARTBLOCK
inline constexpr int kEintr = 4;
inline constexpr int kEnosys = 38;
inline constexpr std::size_t kMaxArrayElements = 4096; // execve argv/envp entries kept
inline constexpr std::size_t kMaxArrayBytes = 256 * 1024;
inline constexpr unsigned long long kUser32CodeSegment = 0x23; // cs of a 32-bit process
inline constexpr unsigned long kCloneThread = 0x00010000;
inline constexpr std::uint64_t kVsyscallPage =
    0xffffffffff600000ULL; // fixed, like ASLR never moves it

inline int wakeSignal() {
    return SIGRTMIN + 4;
}

inline void onWakeSignal(int) {
}

inline TimeNs monotonicNow() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return TimeNs(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline bool isRestartCode(std::int64_t ret) {
    for (int code : kRestartSysCodes) {
        if (ret == -code) {
            return true;
        }
    }
    return false;
}

inline bool isStopSignal(int sig) {
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

inline Arch archFromAudit(std::uint32_t audit, std::uint64_t nr) {
    if (audit == AUDIT_ARCH_I386) {
        return Arch::I386;
    }
    return (nr & kX32SyscallBit) ? Arch::X32 : Arch::X86_64;
}

// ptrace(2) as the bare system call, for the requests made at every stop (never a PEEK, whose
// word glibc returns instead of storing it): glibc's variadic ptrace() takes more instructions
// than the tracer's own work for a resume, and a fork loop makes 17 requests per fork.
inline long rawPtrace(int request, pid_t pid, unsigned long addr, const void* data) {
    return syscall(SYS_ptrace, request, pid, addr, data);
}
inline long rawPtrace(int request, pid_t pid, unsigned long addr, long data) {
    return syscall(SYS_ptrace, request, pid, addr, data);
}

// One register of a stopped tracee at `offset` in user_regs_struct (offsetof). A
// PTRACE_PEEKUSER costs about two thirds of a PTRACE_GETREGS, which copies the whole register set
// through a bounce buffer (0.21 against 0.33 µs here). nullopt when the task is gone.
std::optional<std::uint64_t> peekRegister(pid_t tid, std::size_t offset);

// Whether a finished call (that returned 0) gave its task a seccomp filter: seccomp(2) with
// SECCOMP_SET_MODE_FILTER, or prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER).
inline bool installsSeccompFilter(const SyscallEvent& e) {
    constexpr std::uint64_t kSetModeFilter = 1;
    constexpr std::uint64_t kModeFilter = 2;
    const SyscallNumbers& nr = syscallNumbers(e.arch);
    if (e.nr == nr.seccomp) {
        return e.args[0] == kSetModeFilter;
    }
    return e.nr == nr.prctl && e.args[0] == kPrSetSeccomp && e.args[1] == kModeFilter;
}

inline std::string baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace syscope::tracer_detail

namespace syscope {

class Tracer::Session {
public:
    Session(const TracerOptions& options, EventSink& sink, std::atomic<int>& stopRequests,
            std::atomic<pid_t>& launchedPid)
        : m_opt(options)
        , m_sink(sink)
        , m_stopRequests(stopRequests)
        , m_launchedPid(launchedPid) {}

    TraceResult run();

private:
    enum class Phase : std::uint8_t { Newborn, Attaching, PreExec, Running };

    struct Task {
        pid_t tid = 0;
        pid_t pid = 0;
        Phase phase = Phase::Running;
        bool inSyscall = false;
        bool ignoring = false;       // the current syscall is outside the filter
        bool entryBySeccomp = false; // the current entry was a seccomp stop
        bool seccompMode = false; // the filter is installed: resume with PTRACE_CONT between calls
        bool ownFilter = false;   // the program installed a seccomp filter: stop at every entry
        bool listening = false;   // held in group-stop with PTRACE_LISTEN
        bool gone = false;        // detached; erase after this stop
        bool described = false;   // nr and arguments of the current call are known
        bool armPending = true;   // --vdso: debug registers not loaded yet
        const SyscallInfo* info = nullptr; // table row of the current call
        // The process's comm as of its start or last exec, shared by its threads and copied by
        // fork children: for their fork, thread and exit events.
        std::shared_ptr<const std::string> comm;
        // A CLONE_UNTRACED child that the seccomp filter forces us to trace after all: it runs
        // as if untraced (every stop is answered at once) and nothing of it is recorded.
        bool hidden = false;
        bool held = false; // a newborn waiting for its parent's fork event (see adoptUnknown)
        // A clone of this task whose CLONE_UNTRACED we took out, until its child is known.
        struct UntracedClone {
            bool active = false;
            bool inMemory = false; // clone3: the flags word at `where`; clone: register `where`
            std::uint64_t where = 0;
            std::uint64_t original = 0;
        } untraced;
        enum class PidNamespace : std::uint8_t { Unknown, Ours, Other };
        PidNamespace pidNamespace = PidNamespace::Unknown;
        SyscallEvent pending;
        std::vector<EventString> pendingStrings;
        int interruptedNr = -1; // the last call that returned a restart code, until it restarts
        int resumedNr = -1;     // the call the current restart_syscall resumes
        // The current call's socklen_t (ArgKind::SockLen or SockOptLen) as it was at entry,
        // and its argument; -1 when it was not captured.
        std::int32_t sockLenIn = 0;
        int sockLenArg = -1;
    };

    bool launch(TraceResult& result);
    bool attach(TraceResult& result);
    void loop();
    void dispatch(pid_t tid, int status, TimeNs now);
    void onSyscallStop(Task& t, TimeNs now);
    void onSeccompStop(Task& t, TimeNs now);
    void startCall(Task& t, TimeNs now);
    // `stackPointer`: the task's rsp at entry, for what a call finds on the stack (rt_sigreturn's
    // frame); 0 when unknown.
    void describeCall(Task& t, Arch arch, int nr, const std::uint64_t* args, bool bySeccomp,
                      std::uint64_t stackPointer = 0);
    void completeCall(Task& t, std::int64_t rval, TimeNs now);
    void captureStringArray(Task& t, int arg, std::uint64_t address, bool compat);
    // At a successful exit: a socket address the kernel filled in (`arg`), followed by its
    // socklen_t (ArgKind::SockLen).
    void captureFilledSockaddr(Task& t, int arg);
    // At poll's successful exit: the entries the kernel set revents in.
    void capturePollResult(Task& t);
    // A length argument captured at entry as "[given]", shown as "[given => stored]" when the
    // kernel changed it.
    void showChangedLength(Task& t, int arg, std::int32_t given, std::int32_t stored);
    // At ioctl's successful exit: the int a request like FIONREAD filled in.
    void captureIoctlResult(Task& t);
    // The int at `address` in the tracee; nullopt for NULL or when it cannot be read.
    std::optional<std::int32_t> readInt32(Task& t, std::uint64_t address);
    // The same as "[N]"; false when it cannot be read.
    bool readIntArgument(Task& t, std::uint64_t address, std::string& out);
    // What the kernel stored in the length argument `lengthArg` captured at entry (SockLen,
    // SockOptLen); nullopt when it was not captured or cannot be read back.
    std::optional<std::int32_t> storedLength(Task& t, int lengthArg);
    // At getsockopt's successful exit: the value the kernel filled in (`arg`), followed by its
    // length (ArgKind::SockOptLen).
    void captureFilledSockOpt(Task& t, int arg);
    // A socket option's value of `length` bytes at `address`, rendered into `out` (see
    // formatSockOpt); false when it cannot be read or strace shows the address.
    bool readSockOpt(Task& t, int level, int name, std::uint64_t address, std::int32_t length,
                     bool filled, std::string& out);
    // An argument of a kind that lives in tracee memory (callers leave out the kinds shown from
    // the register); any other kind is ignored.
    void captureArgument(Task& t, int arg, ArgKind kind, std::uint64_t address,
                         std::uint64_t length);
    void prepareVdso(Task& t);
    bool onVdsoTrap(Task& t, TimeNs now);
    void onNewTask(Task& t, int event, TimeNs now);
    bool sharesOurPidNamespace(Task& t);
    // The wait status a wait4 of task `t` that returned `pid` stored, when the tracer
    // saw that process end itself (see m_ended); nullopt when it must be read back.
    std::optional<int> reapedStatus(Task& t, pid_t pid);
    void onUntracedClone(Task& t, Arch arch, int nr, const std::uint64_t* args);
    void endUntracedClone(Task& t, bool restore);
    void onHiddenStop(Task& t, int status);
    void resumeHeld();
    void onExec(Task& t, TimeNs now);
    void onEventStop(Task& t, int sig, TimeNs now);
    void onSignal(Task& t, int sig, TimeNs now);
    void onExitStop(Task& t, TimeNs now);
    void onTaskEnded(pid_t tid, int status, TimeNs now);
    void finishPendingAsUnfinished(Task& t);
    void resume(Task& t, int sig = 0);
    void beginStop();
    void emitEvent(Task& t);
    void emitProcessEvent(ProcessEvent&& ev);
    // A Start or Exec event of process `pid` with what /proc says of it now (command line,
    // executable, comm).
    ProcessEvent processSnapshotEvent(ProcessEventKind kind, pid_t pid, TimeNs now);
    // A new process event about task `t` (its pid and tid) at `now`, made in place in the batch
    // (a fork loop makes three per fork); the reference lasts until the next event is added.
    ProcessEvent& emitTaskEvent(const Task& t, ProcessEventKind kind, TimeNs now,
                                std::int32_t value = 0);
    void snapshotProcess(pid_t pid, TimeNs now, int causeNr, bool withAuxv);
    void handOver(bool flushSink);
    Task& adoptUnknown(pid_t tid);
    unsigned long ptraceOptions() const;

    const TracerOptions& m_opt;
    // The usual case, asked at every call: no lookup in the filter's tables for it.
    const bool m_tracesEverything = m_opt.filter.tracesEverything();
    EventSink& m_sink;
    std::atomic<int>& m_stopRequests;
    std::atomic<pid_t>& m_launchedPid;

    tracer_detail::TaskTable<Task> m_tasks;
    int m_untracedClones = 0; // clones in flight whose CLONE_UNTRACED we took out
    // The last processes seen to end, with the status our own wait got. A traced child's
    // parent is told only after that, and its wait4 stores the same status (the kernel computes
    // both from the dead task's exit and group-exit codes), so the recorder need not read it
    // back from the parent's memory: one system call less per child reaped.
    struct Ended {
        pid_t pid = 0;
        int status = 0;
    };
    std::array<Ended, 16> m_ended{};
    std::size_t m_endedNext = 0;
    EventBatch m_batch;
    TraceResult m_result;
    pid_t m_mainPid = 0;
    bool m_launched = false;
    bool m_sharesCpu = false;       // the recorder and the launched command are pinned to one CPU
    bool m_resumedOnOurCpu = false; // this stop resumed its task, which shares our CPU (see loop)
    int m_stopsHandled = 0;         // requestStop() calls already acted on
    bool m_detaching = false;
    TimeNs m_lastFlush = 0;
    TimeNs m_detachDeadline = 0;
    std::unique_ptr<ProcessLauncher> m_launcher;
    const SyscallTable* m_x86_64 = &SyscallTable::forArch(Arch::X86_64);
    const SyscallTable* m_i386 = &SyscallTable::forArch(Arch::I386);
    VdsoHooks m_vdso;
    std::unordered_set<pid_t> m_vdsoWanted; // processes whose vDSO is still to be hooked
    std::unordered_set<pid_t> m_vdsoWarned;
};

} // namespace syscope
