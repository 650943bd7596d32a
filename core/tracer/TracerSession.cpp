// Launch, attach, the wait loop, stopping, handing batches over.
#include "tracer/TracerSession.h"

#include "proc/Auxv.h"
#include "proc/ProcMaps.h"
#include "proc/ProcStatus.h"
#include "syscalls/EventFormatter.h"
#include "tracer/SeccompProgram.h"
#include "tracer/TraceeMemory.h"

#include <cerrno>
#include <cstring>
#include <sched.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace syscope {

using namespace tracer_detail;

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
    // The filter stops the tracee only at syscalls it selects (all of them when tracing
    // everything): between them the task runs with PTRACE_CONT, and calls that need no stop of
    // their own (exit, exit_group; fork's exit, see onNewTask) cost none. Every task that
    // inherits the filter must be traced, or its selected calls fail with ENOSYS: so not with
    // --no-follow (as strace --seccomp-bpf needs -f). Not for --user tracing everything either:
    // seccomp would need no_new_privs, which changes how set-uid programs run.
    if (m_opt.seccomp && m_opt.followChildren &&
        (m_opt.user.empty() || !m_opt.filter.tracesEverything())) {
        spec.seccompProgram = buildSeccompProgram(m_opt.filter);
    }
    if (m_opt.pinCpu) {
        const int cpu = sched_getcpu();
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(cpu, &set);
        if (cpu >= 0 && sched_setaffinity(0, sizeof set, &set) == 0) {
            spec.cpu = cpu;
            m_sharesCpu = true;
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
    start.exe = m_launcher->executable();
    start.comm = baseName(start.exe).substr(0, 15);
    t.comm = std::make_shared<const std::string>(start.comm);
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
        const ProcessEvent start = processSnapshotEvent(ProcessEventKind::Start, pid, now);
        emitProcessEvent(ProcessEvent(start));
        const auto comm = std::make_shared<const std::string>(start.comm);
        for (Task& task : m_tasks) {
            const pid_t tid = task.tid;
            if (task.pid == pid) {
                task.comm = comm;
            }
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
        // The system call itself: glibc's waitpid is a cancellation point and wraps the call in
        // two more function calls per stop, for nothing here. __WNOTHREAD: our tracees are this
        // thread's, so the kernel need not look at the other threads' children.
        const auto tid = pid_t(syscall(SYS_wait4, -1, &status, __WALL | __WNOTHREAD, nullptr));
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
        m_resumedOnOurCpu = false;
        dispatch(tid, status, now);
        if (m_batch.events.size() >= m_opt.batchEvents) {
            handOver(false);
        }
        if (now - m_lastFlush >= m_opt.flushIntervalNs) {
            handOver(true);
        }
        // On a CPU shared with the command, a lone task that was just resumed is the only one
        // that can stop next: let it run now rather than sleep in wait4 and be woken for its
        // stop. The recorder stays runnable, so the next wait4 finds the stop without sleeping,
        // and the kernel saves a sleep and a wake-up per stop (4% of the getppid loop's time and
        // of the fork loop's, see bench/tracer). With several tasks, another stop may already
        // be waiting, and serving it first is worth more than the switch.
        if (m_resumedOnOurCpu && m_tasks.size() == 1) {
            sched_yield();
        }
    }
    // Tasks we never saw end (detached, or given up on) still owe their open syscalls.
    for (Task& t : m_tasks) {
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
    Task* found = m_tasks.find(tid);
    const bool known = found != nullptr;
    Task& t = known ? *found : adoptUnknown(tid);
    if (t.hidden) {
        onHiddenStop(t, status);
        return;
    }
    if (!known && m_untracedClones > 0) {
        // Perhaps the child of a clone whose CLONE_UNTRACED we took out: whether to hide it is
        // known only at its parent's fork event, so keep it stopped until then.
        t.held = true;
        return;
    }
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
        onExitStop(t, now);
    } else if (event == PTRACE_EVENT_STOP) {
        onEventStop(t, sig, now);
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
    t.pid = threadGroupId(tid).value_or(tid);
    t.phase = Phase::Newborn;
    return t;
}

void Tracer::Session::resume(Task& t, int sig) {
    if (m_detaching) {
        if (m_opt.vdso && sig == 0 &&
            (pendingSignals(t.tid).value_or(0) & (1ULL << (SIGTRAP - 1)))) {
            // A breakpoint or the trampoline fired, but its SIGTRAP is still queued behind this
            // stop (an interrupt stop comes first). Detached now, the program would die of it:
            // let it arrive, be handled as ours (or passed on), and detach at that stop.
            ptrace(PTRACE_CONT, t.tid, nullptr, 0);
            return;
        }
        finishPendingAsUnfinished(t);
        if (m_opt.vdso) {
            int stillTraced = 0;
            for (const Task& other : m_tasks) {
                stillTraced += other.pid == t.pid && !other.gone;
            }
            m_vdso.releaseTask(t.pid, t.tid, stillTraced <= 1);
        }
        ptrace(PTRACE_DETACH, t.tid, nullptr, sig);
        emitTaskEvent(t, ProcessEventKind::Detach, monotonicNow());
        t.gone = true;
        return;
    }
    const __ptrace_request request = (t.seccompMode && !t.inSyscall) ? PTRACE_CONT : PTRACE_SYSCALL;
    // ESRCH means the task died meanwhile; its exit report will follow.
    rawPtrace(request, t.tid, 0, long(sig));
    m_resumedOnOurCpu = m_sharesCpu;
}

void Tracer::Session::beginStop() {
    const int requests = m_stopRequests.load();
    m_stopsHandled = requests;
    if (m_launched || requests > 1) {
        std::unordered_set<pid_t> processes;
        for (const Task& t : m_tasks) {
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
    for (const Task& t : m_tasks) {
        ptrace(PTRACE_INTERRUPT, t.tid, nullptr, nullptr);
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

ProcessEvent Tracer::Session::processSnapshotEvent(ProcessEventKind kind, pid_t pid, TimeNs now) {
    ProcessEvent ev;
    ev.time = now;
    ev.kind = kind;
    ev.pid = ev.tid = pid;
    ev.argv = readCmdline(pid);
    ev.exe = readExe(pid);
    ev.comm = readComm(pid);
    return ev;
}

ProcessEvent& Tracer::Session::emitTaskEvent(const Task& t, ProcessEventKind kind, TimeNs now,
                                             std::int32_t value) {
    ProcessEvent& ev = m_batch.processEvents.emplace_back();
    ++m_result.processEvents;
    ev.time = now;
    ev.kind = kind;
    ev.pid = t.pid;
    ev.tid = t.tid;
    ev.value = value;
    return ev;
}

void Tracer::Session::emitProcessEvent(ProcessEvent&& ev) {
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

} // namespace syscope
