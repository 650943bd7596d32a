#include "tracer/Tracer.h"

#include "Version.h"
#include "proc/Auxv.h"
#include "proc/ProcMaps.h"
#include "proc/ProcStatus.h"
#include "proc/SystemFacts.h"
#include "syscalls/EventFormatter.h"
#include "syscalls/SyscallTable.h"
#include "tracer/ProcessLauncher.h"
#include "tracer/SeccompProgram.h"
#include "tracer/TraceeMemory.h"
#include "tracer/VdsoHooks.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <linux/audit.h>
#include <sched.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace syscope {

namespace {

constexpr int kErrnoMax = 4095;
constexpr int kRestartSysCodes[] = {512, 513, 514, 516}; // ERESTARTSYS .. ERESTART_RESTARTBLOCK
constexpr int kRestartSyscallX86_64 = 219;
constexpr int kRestartSyscallI386 = 0;
constexpr int kRtSigreturnX86_64 = 15;
constexpr int kRtSigreturnI386 = 173;
constexpr int kEintr = 4;
constexpr int kEnosys = 38;
constexpr std::size_t kMaxArrayElements = 4096; // execve argv/envp entries kept
constexpr std::size_t kMaxArrayBytes = 256 * 1024;
constexpr unsigned long long kUser32CodeSegment = 0x23; // cs of a 32-bit process
constexpr unsigned long kCloneThread = 0x00010000;

int wakeSignal() {
    return SIGRTMIN + 4;
}

void onWakeSignal(int) {
}

TimeNs monotonicNow() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return TimeNs(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

bool isRestartCode(std::int64_t ret) {
    for (int code : kRestartSysCodes) {
        if (ret == -code) {
            return true;
        }
    }
    return false;
}

bool isStopSignal(int sig) {
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

Arch archFromAudit(std::uint32_t audit, std::uint64_t nr) {
    if (audit == AUDIT_ARCH_I386) {
        return Arch::I386;
    }
    return (nr & kX32SyscallBit) ? Arch::X32 : Arch::X86_64;
}

std::string baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

int readTgid(pid_t tid) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", tid);
    FILE* f = std::fopen(path, "re");
    if (!f) {
        return tid;
    }
    char line[256];
    int tgid = tid;
    while (std::fgets(line, sizeof line, f)) {
        if (std::sscanf(line, "Tgid: %d", &tgid) == 1) {
            break;
        }
    }
    std::fclose(f);
    return tgid;
}

} // namespace

int TraceResult::exitCode() const {
    if (mainStatus < 0) {
        return 0;
    }
    if (WIFEXITED(mainStatus)) {
        return WEXITSTATUS(mainStatus);
    }
    if (WIFSIGNALED(mainStatus)) {
        return 128 + WTERMSIG(mainStatus);
    }
    return 0;
}

TraceMetadata Tracer::describeSession(const TracerOptions& options) {
    TraceMetadata meta;
    meta.command = options.command;
    meta.attachedPids = options.attachPids;
    if (!options.workingDirectory.empty()) {
        meta.workingDirectory = options.workingDirectory;
    } else {
        char buf[4096];
        if (getcwd(buf, sizeof buf)) {
            meta.workingDirectory = buf;
        }
    }
    timespec real{};
    clock_gettime(CLOCK_REALTIME, &real);
    meta.startMonoNs = monotonicNow();
    meta.startWallNs = std::int64_t(real.tv_sec) * 1'000'000'000 + real.tv_nsec;
    const SystemFacts facts = readSystemFacts();
    meta.kernelRelease = facts.kernelRelease;
    meta.hostname = facts.hostname;
    meta.machine = facts.machine;
    meta.randomizeVaSpace = facts.randomizeVaSpace;
    meta.vsyscallMode = facts.vsyscallMode;
    meta.syscopeVersion = kVersion;
    return meta;
}

// Everything one run() needs: the task table, the batch being filled, the stop logic.
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
        bool listening = false;   // held in group-stop with PTRACE_LISTEN
        bool gone = false;        // detached; erase after this stop
        bool described = false;   // nr and arguments of the current call are known
        bool fast = true;         // may use the fast path when the session does
        bool armPending = true;   // --vdso: debug registers not loaded yet
        const SyscallInfo* info = nullptr; // table row of the current call
        struct Site {
            std::uint64_t rip = 0;
            std::uint64_t generation = ~0ULL;
            bool int80 = false;
        };
        std::array<Site, 8> sites{}; // recent syscall instruction sites (fast mode)
        std::size_t nextSite = 0;
        SyscallEvent pending;
        std::vector<EventString> pendingStrings;
        int interruptedNr = -1; // the last call that returned a restart code, until it restarts
        int resumedNr = -1;     // the call the current restart_syscall resumes
    };

    bool launch(TraceResult& result);
    bool attach(TraceResult& result);
    void loop();
    void dispatch(pid_t tid, int status, TimeNs now);
    void onSyscallStop(Task& t, TimeNs now);
    void onSeccompStop(Task& t, TimeNs now);
    void startCall(Task& t, TimeNs now);
    void describeCall(Task& t, Arch arch, int nr, const std::uint64_t* args, bool bySeccomp);
    void describeFromRegisters(Task& t, const user_regs_struct& regs);
    void describeStoppedTask(Task& t);
    void completeCall(Task& t, std::int64_t rval, TimeNs now);
    bool isInt80Site(Task& t, std::uint64_t rip);
    void captureStringArray(Task& t, int arg, std::uint64_t address, bool compat);
    void captureArgument(Task& t, int arg, ArgKind kind, std::uint64_t address,
                         std::uint64_t length);
    void prepareVdso(Task& t);
    bool onVdsoTrap(Task& t, TimeNs now);
    void onNewTask(Task& t, int event, TimeNs now);
    void onExec(Task& t, TimeNs now);
    void onEventStop(Task& t, int sig);
    void onSignal(Task& t, int sig, TimeNs now);
    void onTaskEnded(pid_t tid, int status, TimeNs now);
    void finishPendingAsUnfinished(Task& t);
    void resume(Task& t, int sig = 0);
    void beginStop();
    void emitEvent(Task& t);
    void emitProcessEvent(ProcessEvent ev);
    void snapshotProcess(pid_t pid, TimeNs now, int causeNr, bool withAuxv);
    void handOver(bool flushSink);
    Task& adoptUnknown(pid_t tid);
    unsigned long ptraceOptions() const;

    const TracerOptions& m_opt;
    EventSink& m_sink;
    std::atomic<int>& m_stopRequests;
    std::atomic<pid_t>& m_launchedPid;

    std::unordered_map<pid_t, Task> m_tasks;
    std::unordered_map<pid_t, std::string> m_comm; // per process, for fork/thread events
    EventBatch m_batch;
    TraceResult m_result;
    pid_t m_mainPid = 0;
    bool m_launched = false;
    int m_stopsHandled = 0; // requestStop() calls already acted on
    bool m_detaching = false;
    TimeNs m_lastFlush = 0;
    TimeNs m_detachDeadline = 0;
    std::unique_ptr<ProcessLauncher> m_launcher;
    // Launched with the exec hook installed: entry stops cost no ptrace request (see
    // onSyscallStop). Attached tasks take the PTRACE_GET_SYSCALL_INFO path at both stops.
    bool m_fastStops = false;
    std::uint64_t m_codeGeneration = 0; // bumped when any mapping changes
    const SyscallTable* m_x86_64 = &SyscallTable::forArch(Arch::X86_64);
    const SyscallTable* m_i386 = &SyscallTable::forArch(Arch::I386);
    VdsoHooks m_vdso;
    std::unordered_set<pid_t> m_vdsoWanted; // processes whose vDSO is still to be hooked
    std::unordered_set<pid_t> m_vdsoWarned;
};

unsigned long Tracer::Session::ptraceOptions() const {
    unsigned long o =
        PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT | PTRACE_O_TRACESECCOMP;
    if (m_opt.followChildren) {
        o |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
    }
    if (m_launched) {
        o |= PTRACE_O_EXITKILL;
    }
    return o;
}

TraceResult Tracer::Session::run() {
    m_lastFlush = monotonicNow();
    m_launched = !m_opt.command.empty();
    const bool ok = m_launched ? launch(m_result) : attach(m_result);
    if (!ok) {
        return m_result;
    }
    m_result.started = true;
    loop();
    handOver(true);
    return m_result;
}

bool Tracer::Session::launch(TraceResult& result) {
    LaunchSpec spec;
    spec.argv = m_opt.command;
    spec.extraEnvironment = m_opt.extraEnvironment;
    spec.workingDirectory = m_opt.workingDirectory;
    spec.user = m_opt.user;
    spec.noRandomize = m_opt.noRandomize;
    if (m_opt.seccomp) {
        spec.seccompProgram = buildSeccompProgram(m_opt.filter);
        // Tracing everything: the filter only hooks exec, whose path and argv must be read at
        // entry (after a successful exec the old memory is gone). That lets every other entry
        // stop go without a ptrace request. Not for --user: seccomp would then need
        // no_new_privs, which changes how set-uid programs run.
        if (spec.seccompProgram.empty() && m_opt.user.empty()) {
            std::string ignored;
            if (auto execs = SyscallFilter::parse("execve,execveat", &ignored)) {
                spec.seccompProgram = buildSeccompProgram(*execs);
                m_fastStops = !spec.seccompProgram.empty();
            }
        }
    }
    if (m_opt.pinCpu) {
        const int cpu = sched_getcpu();
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(cpu, &set);
        if (cpu >= 0 && sched_setaffinity(0, sizeof set, &set) == 0) {
            spec.cpu = cpu;
        }
    }
    m_launcher = std::make_unique<ProcessLauncher>();
    std::string error;
    if (!m_launcher->start(spec, &error)) {
        result.error = error;
        return false;
    }
    const pid_t pid = m_launcher->pid();
    if (ptrace(PTRACE_SEIZE, pid, nullptr, ptraceOptions()) != 0) {
        result.error = std::string("cannot trace the command: ") + std::strerror(errno);
        return false;
    }
    m_launcher->release();
    m_mainPid = pid;
    m_launchedPid = pid;
    Task& t = m_tasks[pid];
    t.tid = pid;
    t.pid = pid;
    t.phase = Phase::PreExec;
    // The child stopped itself before exec; SIGCONT lets it go on to exec under our eyes.
    kill(pid, SIGCONT);

    ProcessEvent start;
    start.time = monotonicNow();
    start.kind = ProcessEventKind::Start;
    start.pid = start.tid = pid;
    start.argv = m_opt.command;
    start.exe = ProcessLauncher::resolveExecutable(m_opt.command.front(), &error);
    start.comm = baseName(start.exe).substr(0, 15);
    m_comm[pid] = start.comm;
    emitProcessEvent(std::move(start));
    return true;
}

bool Tracer::Session::attach(TraceResult& result) {
    if (m_opt.attachPids.empty()) {
        result.error = "nothing to trace: give a command or a PID";
        return false;
    }
    for (const int pid : m_opt.attachPids) {
        if (pid <= 0) {
            result.error = "invalid PID " + std::to_string(pid);
            return false;
        }
        if (pid == getpid()) {
            result.error = "PID " + std::to_string(pid) + " is syscope itself";
            return false;
        }
        if (kill(pid, 0) != 0 && errno == ESRCH) {
            result.error = "PID " + std::to_string(pid) + ": no such process";
            return false;
        }
        if (const auto tracer = tracerPid(pid); tracer && *tracer != 0) {
            result.error = "PID " + std::to_string(pid) + " is already traced by PID " +
                           std::to_string(*tracer) + " (" + readComm(*tracer) + ")";
            return false;
        }
        // Threads may appear while we attach; repeat until a pass finds no new one.
        std::unordered_set<pid_t> seized;
        for (bool found = true; found;) {
            found = false;
            for (const int tid : listTasks(pid)) {
                if (seized.count(tid)) {
                    continue;
                }
                seized.insert(tid);
                if (ptrace(PTRACE_SEIZE, tid, nullptr, ptraceOptions()) != 0) {
                    if (errno == ESRCH) {
                        continue; // the thread ended meanwhile
                    }
                    const int err = errno;
                    std::string why = whyNotTraceable(pid);
                    result.error = "cannot attach to PID " + std::to_string(pid) + ": " +
                                   std::strerror(err) + (why.empty() ? "" : " (" + why + ")");
                    if (m_tasks.empty()) {
                        return false;
                    }
                    result.warnings.push_back(result.error);
                    result.error.clear();
                    continue;
                }
                found = true;
                ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr);
                Task& t = m_tasks[tid];
                t.tid = tid;
                t.pid = pid;
                t.phase = Phase::Attaching;
            }
        }
        if (seized.empty() || m_tasks.empty()) {
            result.error = "PID " + std::to_string(pid) + ": no such process";
            return false;
        }
        if (!m_mainPid) {
            m_mainPid = pid;
        }
        const TimeNs now = monotonicNow();
        ProcessEvent start;
        start.time = now;
        start.kind = ProcessEventKind::Start;
        start.pid = start.tid = pid;
        start.argv = readCmdline(pid);
        start.exe = readExe(pid);
        start.comm = readComm(pid);
        m_comm[pid] = start.comm;
        emitProcessEvent(start);
        for (const auto& [tid, task] : m_tasks) {
            if (task.pid == pid && tid != pid) {
                ProcessEvent th = start;
                th.kind = ProcessEventKind::Thread;
                th.tid = tid;
                th.parent = pid;
                th.argv.clear();
                th.exe.clear();
                emitProcessEvent(std::move(th));
            }
        }
        snapshotProcess(pid, now, -1, true);
        if (m_opt.vdso) {
            m_vdsoWanted.insert(pid);
        }
    }
    return true;
}

void Tracer::Session::loop() {
    while (!m_tasks.empty()) {
        if (m_stopRequests.load() > m_stopsHandled) {
            beginStop();
        }
        int status = 0;
        const pid_t tid = waitpid(-1, &status, __WALL);
        const TimeNs now = monotonicNow();
        if (tid < 0) {
            if (errno == EINTR) {
                if (now - m_lastFlush >= m_opt.flushIntervalNs) {
                    handOver(true);
                }
                if (m_detaching && now > m_detachDeadline) {
                    m_result.warnings.push_back("some threads did not stop for detaching; left "
                                                "to the kernel");
                    break;
                }
                continue;
            }
            if (errno != ECHILD) {
                m_result.warnings.push_back(std::string("waitpid: ") + std::strerror(errno));
            }
            break;
        }
        dispatch(tid, status, now);
        if (m_batch.events.size() >= m_opt.batchEvents) {
            handOver(false);
        }
        if (now - m_lastFlush >= m_opt.flushIntervalNs) {
            handOver(true);
        }
    }
    // Tasks we never saw end (detached, or given up on) still owe their open syscalls.
    for (auto& [tid, t] : m_tasks) {
        finishPendingAsUnfinished(t);
    }
    m_tasks.clear();
    if (m_launcher && m_result.mainStatus >= 0 && WIFEXITED(m_result.mainStatus) &&
        WEXITSTATUS(m_result.mainStatus) == 127) {
        const std::string why = m_launcher->execError();
        if (!why.empty()) {
            m_result.error = "cannot execute '" + m_opt.command.front() + "': " + why;
        }
    }
}

void Tracer::Session::dispatch(pid_t tid, int status, TimeNs now) {
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
        onTaskEnded(tid, status, now);
        return;
    }
    if (!WIFSTOPPED(status)) {
        return;
    }
    auto it = m_tasks.find(tid);
    Task& t = it != m_tasks.end() ? it->second : adoptUnknown(tid);
    if (m_opt.vdso) {
        prepareVdso(t);
    }
    const int sig = WSTOPSIG(status);
    const int event = status >> 16;
    if (sig == (SIGTRAP | 0x80)) {
        onSyscallStop(t, now);
    } else if (event == 0) {
        onSignal(t, sig, now);
    } else if (event == PTRACE_EVENT_SECCOMP) {
        onSeccompStop(t, now);
    } else if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
               event == PTRACE_EVENT_CLONE) {
        onNewTask(t, event, now);
    } else if (event == PTRACE_EVENT_EXEC) {
        onExec(t, now); // the execing thread now has the leader's tid, which is `tid` here
    } else if (event == PTRACE_EVENT_EXIT) {
        describeStoppedTask(t);
        finishPendingAsUnfinished(t);
        resume(t);
    } else if (event == PTRACE_EVENT_STOP) {
        onEventStop(t, sig);
    } else {
        resume(t);
    }
    if (t.gone) {
        m_tasks.erase(tid);
    }
}

Tracer::Session::Task& Tracer::Session::adoptUnknown(pid_t tid) {
    // A new child can report its first stop before its parent reports the fork event.
    Task& t = m_tasks[tid];
    t.tid = tid;
    t.pid = readTgid(tid);
    t.phase = Phase::Newborn;
    return t;
}

void Tracer::Session::onSyscallStop(Task& t, TimeNs now) {
    if (m_fastStops && t.fast) {
        // One ptrace request per syscall: the entry stop only takes the time; the exit stop
        // reads number, arguments and result from the registers in one PTRACE_GETREGS.
        if (!t.inSyscall) {
            startCall(t, now);
            resume(t);
            return;
        }
        user_regs_struct regs{};
        if (ptrace(PTRACE_GETREGS, t.tid, nullptr, &regs) != 0) {
            resume(t);
            return;
        }
        // The kernel puts -ENOSYS in rax before an entry stop. A real ENOSYS return looks the
        // same, so ask which stop this is; that also repairs any lost entry/exit pairing.
        if (std::int64_t(regs.rax) == -kEnosys) {
            __ptrace_syscall_info info{};
            if (ptrace(PTRACE_GET_SYSCALL_INFO, t.tid, sizeof info, &info) > 0 &&
                info.op == PTRACE_SYSCALL_INFO_ENTRY) {
                if (t.entryBySeccomp) {
                    resume(t); // kernels before 4.8: the seccomp stop came first
                    return;
                }
                finishPendingAsUnfinished(t);
                startCall(t, now);
                resume(t);
                return;
            }
        }
        if (!t.described) {
            describeFromRegisters(t, regs);
        }
        completeCall(t, std::int64_t(regs.rax), now);
        resume(t);
        return;
    }
    __ptrace_syscall_info info{};
    const long n = ptrace(PTRACE_GET_SYSCALL_INFO, t.tid, sizeof info, &info);
    if (n <= 0) {
        resume(t);
        return;
    }
    if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
        if (t.inSyscall && t.entryBySeccomp && int(info.entry.nr) == t.pending.nr) {
            resume(t); // kernels before 4.8: the seccomp stop came first
            return;
        }
        if (t.inSyscall) {
            finishPendingAsUnfinished(t);
        }
        startCall(t, now);
        describeCall(t, archFromAudit(info.arch, info.entry.nr), int(info.entry.nr),
                     reinterpret_cast<const std::uint64_t*>(info.entry.args), false);
    } else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
        if (!t.inSyscall) {
            // An exit without its entry (we attached while the call was running): recover
            // the number and arguments from the registers.
            user_regs_struct regs{};
            if (ptrace(PTRACE_GETREGS, t.tid, nullptr, &regs) == 0) {
                const std::uint64_t args[6] = {regs.rdi, regs.rsi, regs.rdx,
                                               regs.r10, regs.r8,  regs.r9};
                startCall(t, now);
                describeCall(t, archFromAudit(info.arch, regs.orig_rax), int(regs.orig_rax), args,
                             false);
            }
        }
        if (t.inSyscall) {
            completeCall(t, info.exit.rval, now);
        }
    }
    resume(t);
}

void Tracer::Session::onSeccompStop(Task& t, TimeNs now) {
    // The filter selects the user's syscalls: between them the task may run freely. (In fast
    // mode it only hooks exec, and every syscall must still stop.)
    t.seccompMode = !m_fastStops;
    __ptrace_syscall_info info{};
    const long n = ptrace(PTRACE_GET_SYSCALL_INFO, t.tid, sizeof info, &info);
    if (n > 0 && info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
        // A task resumed with PTRACE_SYSCALL whose call the filter also selects reports the
        // syscall-entry stop first and then this seccomp stop: one call, now described.
        if (!t.inSyscall || t.entryBySeccomp) {
            if (t.inSyscall) {
                finishPendingAsUnfinished(t);
            }
            startCall(t, now);
        }
        t.entryBySeccomp = true;
        describeCall(t, archFromAudit(info.arch, info.seccomp.nr), int(info.seccomp.nr),
                     reinterpret_cast<const std::uint64_t*>(info.seccomp.args), true);
    }
    resume(t); // inSyscall is set: PTRACE_SYSCALL, so the exit stops
}

void Tracer::Session::startCall(Task& t, TimeNs now) {
    t.inSyscall = true;
    t.described = false;
    t.ignoring = false;
    t.entryBySeccomp = false;
    t.pending.enter = now;
    t.pending.flags = 0;
    t.pendingStrings.clear();
}

void Tracer::Session::describeCall(Task& t, Arch arch, int nr, const std::uint64_t* args,
                                   bool bySeccomp) {
    t.described = true;
    const bool isExec = arch == Arch::I386 ? (nr == 11 || nr == 358) : (nr == 59 || nr == 322);
    // The launcher's own calls between its stop and exec are not the command's.
    t.ignoring = (t.phase == Phase::PreExec && !isExec) || !m_opt.filter.matches(arch, nr);
    if (t.ignoring) {
        return;
    }
    SyscallEvent& e = t.pending;
    e.exit = 0;
    e.pid = t.pid;
    e.tid = t.tid;
    e.nr = nr;
    e.arch = arch;
    e.ret = 0;
    for (int i = 0; i < 6; ++i) {
        e.args[i] = arch == Arch::I386 ? (args[i] & 0xffffffffu) : args[i];
    }
    if (arch == Arch::I386) {
        e.flags |= EventFlag::Compat32;
    }
    if (bySeccomp) {
        e.flags |= EventFlag::Seccomp;
    }
    // The kernel restarts an interrupted call either by running it again (after a signal
    // handler with SA_RESTART, or after a stop) or through restart_syscall.
    const int restartNr = arch == Arch::I386 ? kRestartSyscallI386 : kRestartSyscallX86_64;
    t.pendingStrings.clear();
    if (nr == restartNr || nr == t.interruptedNr) {
        e.flags |= EventFlag::Restarted;
        if (nr == restartNr && t.interruptedNr >= 0) {
            // What restart_syscall resumes, for "<... resuming interrupted nanosleep ...>".
            EventString es;
            es.arg = 0;
            es.bytes = syscallName(arch, t.interruptedNr);
            t.pendingStrings.push_back(std::move(es));
            t.resumedNr = t.interruptedNr;
        }
        t.interruptedNr = -1;
    }
    t.info = (arch == Arch::I386 ? m_i386 : m_x86_64)->lookup(nr);
    if (t.info) {
        // Input strings and buffers are read now; output ones (read's buffer, getcwd's path)
        // only once the call has succeeded, in completeCall().
        for (int i = 0; i < t.info->argCount && i < 6; ++i) {
            if (!t.info->isOutputArg(i)) {
                const std::uint64_t length = i + 1 < 6 ? e.args[i + 1] : 0;
                captureArgument(t, i, t.info->args[i], e.args[i], length);
            }
        }
        if (isExec) {
            // argv and envp: each string followed by a NUL, in one EventString per array.
            const int argvIndex = (nr == 322 || nr == 358) ? 2 : 1;
            for (int i = argvIndex; i <= argvIndex + 1; ++i) {
                captureStringArray(t, i, e.args[i], arch == Arch::I386);
            }
        }
    }
}

void Tracer::Session::captureArgument(Task& t, int arg, ArgKind kind, std::uint64_t address,
                                      std::uint64_t length) {
    EventString es;
    es.arg = std::uint8_t(arg);
    if (kind == ArgKind::Path || kind == ArgKind::String) {
        TraceeString str = readTraceeString(t.tid, address, m_opt.maxStringBytes);
        if (!str.ok) {
            return;
        }
        es.truncated = str.truncated;
        es.bytes = std::move(str.bytes);
    } else if (kind == ArgKind::Buffer) {
        // strace shows the first kMaxStringShown bytes of a buffer; that is all we keep.
        const std::size_t want = std::size_t(std::min<std::uint64_t>(length, kMaxStringShown));
        if (address == 0) {
            return;
        }
        es.bytes.resize(want);
        if (want > 0 && readTraceeMemory(t.tid, address, es.bytes.data(), want) != want) {
            return;
        }
        es.truncated = length > want;
    } else {
        return;
    }
    t.pendingStrings.push_back(std::move(es));
}

void Tracer::Session::captureStringArray(Task& t, int arg, std::uint64_t address, bool compat) {
    EventString es;
    es.arg = std::uint8_t(arg);
    const std::size_t pointerSize = compat ? 4 : 8;
    std::size_t budget = kMaxArrayBytes;
    for (std::size_t k = 0; address != 0; ++k) {
        std::uint64_t element = 0;
        if (k >= kMaxArrayElements || readTraceeMemory(t.tid, address + k * pointerSize, &element,
                                                       pointerSize) != pointerSize) {
            es.truncated = true;
            break;
        }
        if (element == 0) {
            break;
        }
        TraceeString str = readTraceeString(t.tid, element, std::min(budget, m_opt.maxStringBytes));
        if (!str.ok || str.truncated || str.bytes.size() + 1 > budget) {
            es.truncated = true;
            break;
        }
        budget -= str.bytes.size() + 1;
        es.bytes += str.bytes;
        es.bytes += '\0';
    }
    if (address != 0) {
        t.pendingStrings.push_back(std::move(es));
    }
}

void Tracer::Session::completeCall(Task& t, std::int64_t rval, TimeNs now) {
    t.inSyscall = false;
    t.entryBySeccomp = false;
    if (t.ignoring || !t.described) {
        t.ignoring = false;
        return;
    }
    SyscallEvent& e = t.pending;
    e.exit = now;
    e.ret = rval;
    if (isRestartCode(rval)) {
        // An interrupted restart_syscall still stands for the call it resumed.
        const int restartNr = e.arch == Arch::I386 ? kRestartSyscallI386 : kRestartSyscallX86_64;
        t.interruptedNr = e.nr == restartNr && t.resumedNr >= 0 ? t.resumedNr : e.nr;
    } else if (rval == -kEintr && (e.nr == kRtSigreturnX86_64 || e.nr == kRtSigreturnI386)) {
        t.interruptedNr = -1; // the handler's return delivers EINTR: no restart follows
    }
    if (t.info && t.info->outputArgs != 0 && !(rval < 0 && rval >= -kErrnoMax)) {
        for (int i = 0; i < t.info->argCount && i < 6; ++i) {
            if (t.info->isOutputArg(i)) {
                captureArgument(t, i, t.info->args[i], e.args[i], std::uint64_t(rval));
            }
        }
    }
    emitEvent(t);
    if (m_opt.trackMaps && !(rval < 0 && rval >= -kErrnoMax) && t.info &&
        t.info->hasBehaviour(SyscallBehaviour::ChangesMemoryMap)) {
        ++m_codeGeneration; // code may have moved: re-check syscall instruction sites
        // A successful exec was already snapshotted at its exec event.
        if (!t.info->hasBehaviour(SyscallBehaviour::Exec)) {
            snapshotProcess(t.pid, now, e.nr, false);
        }
    }
}

void Tracer::Session::describeFromRegisters(Task& t, const user_regs_struct& regs) {
    const bool compat = regs.cs == kUser32CodeSegment || isInt80Site(t, regs.rip);
    if (regs.cs == kUser32CodeSegment) {
        // A 32-bit process: its sigreturn and rt_sigreturn both leave orig_rax at -1 and cannot
        // be told apart at the exit stop, so its tasks take the PTRACE_GET_SYSCALL_INFO path.
        t.fast = false;
    }
    if (std::int64_t(regs.orig_rax) == -1) {
        // Only the sigreturn family leaves orig_rax at -1 (restoring the interrupted context
        // disables syscall restart); on x86_64 and from 64-bit code that is rt_sigreturn.
        const std::uint64_t none[6] = {};
        describeCall(t, compat ? Arch::I386 : Arch::X86_64,
                     compat ? kRtSigreturnI386 : kRtSigreturnX86_64, none, false);
        return;
    }
    if (compat) {
        const std::uint64_t args[6] = {regs.rbx, regs.rcx, regs.rdx, regs.rsi, regs.rdi, regs.rbp};
        describeCall(t, Arch::I386, int(regs.orig_rax & 0xffffffff), args, false);
    } else {
        const std::uint64_t args[6] = {regs.rdi, regs.rsi, regs.rdx, regs.r10, regs.r8, regs.r9};
        const Arch arch = (regs.orig_rax & kX32SyscallBit) ? Arch::X32 : Arch::X86_64;
        describeCall(t, arch, int(regs.orig_rax), args, false);
    }
}

void Tracer::Session::describeStoppedTask(Task& t) {
    // In fast mode an entry is described only at its exit. A call that will never exit (the task
    // is exiting, or we detach) is described from the registers while the task is stopped.
    if (t.inSyscall && !t.described) {
        user_regs_struct regs{};
        if (ptrace(PTRACE_GETREGS, t.tid, nullptr, &regs) == 0) {
            describeFromRegisters(t, regs);
        }
    }
}

bool Tracer::Session::isInt80Site(Task& t, std::uint64_t rip) {
    // rip points after the instruction that entered the kernel: `int $0x80` is CD 80, the
    // 64-bit `syscall` is 0F 05. Sites are few per program, so they are remembered.
    for (const auto& site : t.sites) {
        if (site.rip == rip && site.generation == m_codeGeneration) {
            return site.int80;
        }
    }
    unsigned char bytes[2] = {0, 0};
    readTraceeMemory(t.tid, rip - 2, bytes, 2);
    const bool int80 = bytes[0] == 0xcd && bytes[1] == 0x80;
    t.sites[t.nextSite] = {rip, m_codeGeneration, int80};
    t.nextSite = (t.nextSite + 1) % t.sites.size();
    return int80;
}

void Tracer::Session::finishPendingAsUnfinished(Task& t) {
    if (t.inSyscall && t.described && !t.ignoring) {
        t.pending.flags |= EventFlag::Unfinished;
        t.pending.exit = 0;
        t.pending.ret = 0;
        emitEvent(t);
    }
    t.inSyscall = false;
    t.ignoring = false;
    t.entryBySeccomp = false;
}

void Tracer::Session::onNewTask(Task& t, int event, TimeNs now) {
    unsigned long msg = 0;
    ptrace(PTRACE_GETEVENTMSG, t.tid, nullptr, &msg);
    const pid_t child = pid_t(msg);
    bool thread = false;
    if (event == PTRACE_EVENT_CLONE) {
        user_regs_struct regs{};
        if (ptrace(PTRACE_GETREGS, t.tid, nullptr, &regs) == 0) {
            std::uint64_t flags = regs.rdi;
            if (regs.orig_rax == SYS_clone3) {
                flags = 0;
                readTraceeMemory(t.tid, regs.rdi, &flags, sizeof flags);
            }
            thread = flags & kCloneThread;
        } else {
            thread = readTgid(child) == t.pid;
        }
    }
    if (child > 0) {
        auto [it, inserted] = m_tasks.try_emplace(child);
        Task& c = it->second;
        if (inserted) {
            c.tid = child;
            c.phase = Phase::Newborn;
        }
        c.pid = thread ? t.pid : child;
        c.seccompMode = t.seccompMode;
        if (!thread) {
            m_comm[child] = m_comm[t.pid];
            if (m_opt.vdso) {
                m_vdso.inheritProcess(child, t.pid);
            }
        }
        ProcessEvent ev;
        ev.time = now;
        ev.kind = thread ? ProcessEventKind::Thread : ProcessEventKind::Fork;
        ev.pid = c.pid;
        ev.tid = child;
        ev.parent = t.tid;
        ev.comm = m_comm[c.pid];
        emitProcessEvent(std::move(ev));
    }
    resume(t);
}

void Tracer::Session::onExec(Task& t, TimeNs now) {
    unsigned long former = 0;
    ptrace(PTRACE_GETEVENTMSG, t.tid, nullptr, &former);
    const pid_t pid = t.tid;
    Task* execing = &t;
    if (pid_t(former) != pid && former != 0) {
        // Exec from a non-leader thread: it takes over the leader's tid; the old leader is gone.
        auto old = m_tasks.find(pid_t(former));
        finishPendingAsUnfinished(t);
        if (old != m_tasks.end()) {
            Task moved = std::move(old->second);
            m_tasks.erase(old);
            moved.tid = pid;
            moved.pending.tid = pid;
            Task& slot = m_tasks[pid];
            slot = std::move(moved);
            execing = &slot;
        }
    }
    Task& x = *execing;
    x.phase = Phase::Running;
    x.pid = pid;
    ProcessEvent ev;
    ev.time = now;
    ev.kind = ProcessEventKind::Exec;
    ev.pid = ev.tid = pid;
    ev.parent = pid_t(former);
    ev.argv = readCmdline(pid);
    ev.exe = readExe(pid);
    ev.comm = readComm(pid);
    m_comm[pid] = ev.comm;
    emitProcessEvent(std::move(ev));
    if (m_opt.trackMaps) {
        snapshotProcess(pid, now, -1, true);
    }
    if (m_opt.vdso) {
        // Calls open in the old image can never return; the new image has a new vDSO.
        for (SyscallEvent& open : m_vdso.forgetTask(pid_t(former))) {
            m_batch.events.push_back(open);
            ++m_result.events;
        }
        m_vdso.forgetProcess(pid);
        m_vdsoWanted.insert(pid);
        x.armPending = true;
        prepareVdso(x);
    }
    resume(x);
}

void Tracer::Session::onEventStop(Task& t, int sig) {
    switch (t.phase) {
    case Phase::Newborn:
    case Phase::PreExec:
        t.phase = t.phase == Phase::Newborn ? Phase::Running : t.phase;
        resume(t);
        return;
    case Phase::Attaching:
        t.phase = Phase::Running;
        break;
    case Phase::Running:
        break;
    }
    if (isStopSignal(sig) && !m_detaching) {
        // Group-stop: stay stopped as without tracing, but keep watching for SIGCONT.
        t.listening = true;
        ptrace(PTRACE_LISTEN, t.tid, nullptr, nullptr);
        return;
    }
    t.listening = false;
    resume(t);
}

bool Tracer::Session::onVdsoTrap(Task& t, TimeNs now) {
    SyscallEvent completed;
    bool isCompleted = false;
    if (!m_vdso.handleTrap(t.pid, t.tid, now, &completed, &isCompleted)) {
        return false;
    }
    if (isCompleted) {
        m_batch.events.push_back(completed);
        ++m_result.events;
    }
    return true;
}

void Tracer::Session::prepareVdso(Task& t) {
    if (m_vdsoWanted.erase(t.pid)) {
        std::string error;
        if (!m_vdso.setupProcess(t.pid, t.tid, &error) && m_vdsoWarned.insert(t.pid).second) {
            m_result.warnings.push_back("vDSO calls of PID " + std::to_string(t.pid) +
                                        " are not recorded: " + error);
        }
    }
    if (t.armPending && m_vdso.hasProcess(t.pid)) {
        t.armPending = !m_vdso.armTask(t.pid, t.tid);
    }
}

void Tracer::Session::onSignal(Task& t, int sig, TimeNs now) {
    if (sig == SIGTRAP && m_opt.vdso && onVdsoTrap(t, now)) {
        resume(t); // our breakpoint: the program never sees this SIGTRAP
        return;
    }
    if ((t.phase == Phase::PreExec && (sig == SIGSTOP || sig == SIGCONT)) ||
        (t.phase == Phase::Newborn && sig == SIGSTOP)) {
        if (t.phase == Phase::Newborn) {
            t.phase = Phase::Running;
        }
        resume(t);
        return;
    }
    ProcessEvent ev;
    ev.time = now;
    ev.kind = ProcessEventKind::Signal;
    ev.pid = t.pid;
    ev.tid = t.tid;
    ev.value = sig;
    emitProcessEvent(std::move(ev));
    resume(t, sig);
}

void Tracer::Session::onTaskEnded(pid_t tid, int status, TimeNs now) {
    auto it = m_tasks.find(tid);
    if (it == m_tasks.end()) {
        return;
    }
    Task& t = it->second;
    finishPendingAsUnfinished(t);
    if (m_opt.vdso) {
        for (SyscallEvent& open : m_vdso.forgetTask(tid)) {
            m_batch.events.push_back(open);
            ++m_result.events;
        }
    }
    ProcessEvent ev;
    ev.time = now;
    ev.kind = ProcessEventKind::Exit;
    ev.pid = t.pid;
    ev.tid = tid;
    ev.value = status;
    ev.comm = m_comm[t.pid];
    emitProcessEvent(std::move(ev));
    if (tid == m_mainPid) {
        m_result.mainStatus = status;
    }
    m_tasks.erase(it);
}

void Tracer::Session::resume(Task& t, int sig) {
    if (m_detaching) {
        describeStoppedTask(t);
        finishPendingAsUnfinished(t);
        if (m_opt.vdso) {
            int stillTraced = 0;
            for (const auto& [tid, other] : m_tasks) {
                stillTraced += other.pid == t.pid && !other.gone;
            }
            m_vdso.releaseTask(t.pid, t.tid, stillTraced <= 1);
        }
        ptrace(PTRACE_DETACH, t.tid, nullptr, sig);
        ProcessEvent ev;
        ev.time = monotonicNow();
        ev.kind = ProcessEventKind::Detach;
        ev.pid = t.pid;
        ev.tid = t.tid;
        emitProcessEvent(std::move(ev));
        t.gone = true;
        return;
    }
    const __ptrace_request request = (t.seccompMode && !t.inSyscall) ? PTRACE_CONT : PTRACE_SYSCALL;
    // ESRCH means the task died meanwhile; its exit report will follow.
    ptrace(request, t.tid, nullptr, sig);
}

void Tracer::Session::beginStop() {
    const int requests = m_stopRequests.load();
    m_stopsHandled = requests;
    if (m_launched || requests > 1) {
        std::unordered_set<pid_t> processes;
        for (const auto& [tid, t] : m_tasks) {
            processes.insert(t.pid);
        }
        for (pid_t pid : processes) {
            kill(pid, SIGKILL);
        }
        return;
    }
    if (m_detaching) {
        return;
    }
    m_detaching = true;
    m_result.detached = true;
    m_detachDeadline = monotonicNow() + 3'000'000'000LL;
    for (auto& [tid, t] : m_tasks) {
        ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr);
    }
}

void Tracer::Session::emitEvent(Task& t) {
    const auto index = std::uint32_t(m_batch.events.size());
    m_batch.events.push_back(t.pending);
    for (auto& s : t.pendingStrings) {
        s.event = index;
        m_batch.strings.push_back(std::move(s));
    }
    t.pendingStrings.clear();
    ++m_result.events;
}

void Tracer::Session::emitProcessEvent(ProcessEvent ev) {
    m_batch.processEvents.push_back(std::move(ev));
    ++m_result.processEvents;
}

void Tracer::Session::snapshotProcess(pid_t pid, TimeNs now, int causeNr, bool withAuxv) {
    std::string error;
    if (auto maps = readMaps(pid, &error)) {
        maps->time = now;
        maps->causeNr = causeNr;
        m_batch.maps.push_back(std::move(*maps));
        ++m_result.mapsSnapshots;
    }
    if (withAuxv) {
        if (auto auxv = readAuxv(pid, &error)) {
            auxv->time = now;
            m_batch.auxv.push_back(std::move(*auxv));
        }
    }
}

void Tracer::Session::handOver(bool flushSink) {
    if (!m_batch.empty()) {
        m_sink.consume(m_batch);
        m_batch.clear();
    }
    if (flushSink) {
        m_sink.flush();
        m_lastFlush = monotonicNow();
    }
}

Tracer::Tracer(TracerOptions options, EventSink& sink)
    : m_options(std::move(options))
    , m_sink(sink) {
}

Tracer::~Tracer() = default;

TraceResult Tracer::run() {
    // The wake signal interrupts waitpid: for requestStop() and for the periodic flush.
    struct sigaction sa {};
    sa.sa_handler = onWakeSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: waitpid must return EINTR
    sigaction(wakeSignal(), &sa, nullptr);
    sigset_t wake;
    sigemptyset(&wake);
    sigaddset(&wake, wakeSignal());
    pthread_sigmask(SIG_UNBLOCK, &wake, nullptr);
    m_tracerTid = pid_t(syscall(SYS_gettid));

    timer_t timer{};
    sigevent sev{};
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = wakeSignal();
    sev._sigev_un._tid = m_tracerTid;
    const bool haveTimer = timer_create(CLOCK_MONOTONIC, &sev, &timer) == 0;
    if (haveTimer) {
        itimerspec spec{};
        spec.it_interval.tv_sec = m_options.flushIntervalNs / 1'000'000'000;
        spec.it_interval.tv_nsec = m_options.flushIntervalNs % 1'000'000'000;
        spec.it_value = spec.it_interval;
        timer_settime(timer, 0, &spec, nullptr);
    }

    Session session(m_options, m_sink, m_stopRequests, m_launchedPid);
    TraceResult result = session.run();

    if (haveTimer) {
        timer_delete(timer);
    }
    m_tracerTid = 0;
    return result;
}

void Tracer::requestStop() {
    m_stopRequests.fetch_add(1);
    const pid_t tid = m_tracerTid.load();
    if (tid > 0) {
        syscall(SYS_tgkill, getpid(), tid, wakeSignal());
    }
}

} // namespace syscope
