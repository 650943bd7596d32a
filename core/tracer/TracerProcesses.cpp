// Process life: new tasks, exec, group-stops, signals, exits, vDSO traps.
#include "tracer/TracerSession.h"

#include "proc/Auxv.h"
#include "proc/ProcMaps.h"
#include "proc/ProcStatus.h"
#include "syscalls/EventFormatter.h"
#include "syscalls/Siginfo.h"
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

void Tracer::Session::onNewTask(Task& t, int event, TimeNs now) {
    unsigned long msg = 0;
    rawPtrace(PTRACE_GETEVENTMSG, t.tid, 0, &msg);
    const pid_t child = pid_t(msg);
    bool thread = false;
    if (event == PTRACE_EVENT_CLONE) {
        // CLONE_THREAD decides: a new thread, or a process sharing (or not) our memory. The call
        // was described at its entry (clone3's flags are in memory: read them now).
        if (t.inSyscall && t.described && !t.ignoring) {
            std::uint64_t flags = t.pending.args[0];
            if (t.pending.nr == syscallNumbers(t.pending.arch).clone3) {
                flags = 0;
                readTraceeMemory(t.tid, t.pending.args[0], &flags, sizeof flags);
            }
            thread = flags & kCloneThread;
        } else {
            thread = threadGroupId(child).value_or(child) == t.pid;
        }
    }
    const bool hide = t.hidden || t.untraced.active;
    if (t.untraced.active) {
        endUntracedClone(t, true);
    }
    if (child > 0) {
        auto [task, inserted] = m_tasks.tryEmplace(child);
        Task& c = *task;
        if (inserted) {
            c.tid = child;
            c.phase = Phase::Newborn;
        }
        c.pid = thread ? t.pid : child;
        c.seccompMode = t.seccompMode;
        c.ownFilter = t.ownFilter;
        c.hidden = hide;
        c.comm = t.comm;
        if (c.held) {
            // Its first stop came before this event and was kept: answer it now.
            c.held = false;
            c.phase = Phase::Running;
            if (hide) {
                ptrace(PTRACE_CONT, c.tid, nullptr, 0);
            } else {
                resume(c);
            }
        }
        if (hide) {
            if (t.hidden) {
                ptrace(PTRACE_CONT, t.tid, nullptr, 0);
                return;
            }
        } else if (!thread) {
            if (m_opt.vdso) {
                m_vdso.inheritProcess(child, t.pid);
            }
        }
        if (!hide) {
            ProcessEvent& ev =
                emitTaskEvent(c, thread ? ProcessEventKind::Thread : ProcessEventKind::Fork, now);
            ev.parent = t.tid;
            if (c.comm) {
                ev.comm = *c.comm;
            }
        }
        if (t.seccompMode && t.inSyscall && event != PTRACE_EVENT_VFORK &&
            sharesOurPidNamespace(t)) {
            // The call's result is the child's pid, and all that is left of it is the return
            // to user space: record it now and skip its exit stop (PTRACE_CONT; the filter
            // stops the next call). A vfork parent still waits for its child: that one exits
            // normally, with its true duration.
            completeCall(t, child, now);
        }
    }
    resume(t);
}

void Tracer::Session::onUntracedClone(Task& t, Arch arch, int nr, const std::uint64_t* args) {
    // A CLONE_UNTRACED child would inherit the seccomp filter without a tracer, and every call
    // the filter selects would fail with ENOSYS. So the flag is taken out for the kernel (and put
    // back once the child exists, so the program never sees the change): the child is traced,
    // but hidden, running as if untraced. Its parent's clone is recorded as made.
    const SyscallNumbers& numbers = syscallNumbers(arch);
    if (!t.seccompMode || (nr != numbers.clone && nr != numbers.clone3) || arch == Arch::X32) {
        return;
    }
    if (nr == numbers.clone && !(args[0] & kCloneUntraced)) {
        return; // the flags as the filter saw them: most clones are done here, without a peek
    }
    Task::UntracedClone u;
    if (nr == numbers.clone3) {
        u.inMemory = true;
        u.where = args[0];
        if (readTraceeMemory(t.tid, u.where, &u.original, sizeof u.original) != sizeof u.original) {
            return; // the kernel will fail the call with EFAULT
        }
    } else {
        u.where =
            arch == Arch::I386 ? offsetof(user_regs_struct, rbx) : offsetof(user_regs_struct, rdi);
        const auto value = peekRegister(t.tid, std::size_t(u.where));
        if (!value) {
            return;
        }
        u.original = *value;
    }
    if (!(u.original & kCloneUntraced)) {
        return;
    }
    const auto stripped = static_cast<long>(u.original & ~std::uint64_t(kCloneUntraced));
    const __ptrace_request poke = u.inMemory ? PTRACE_POKEDATA : PTRACE_POKEUSER;
    if (ptrace(poke, t.tid, reinterpret_cast<void*>(u.where), reinterpret_cast<void*>(stripped)) !=
        0) {
        return;
    }
    u.active = true;
    t.untraced = u;
    ++m_untracedClones;
}

void Tracer::Session::endUntracedClone(Task& t, bool restore) {
    if (restore) {
        const __ptrace_request poke = t.untraced.inMemory ? PTRACE_POKEDATA : PTRACE_POKEUSER;
        ptrace(poke, t.tid, reinterpret_cast<void*>(t.untraced.where),
               reinterpret_cast<void*>(static_cast<long>(t.untraced.original)));
    }
    t.untraced = {};
    if (--m_untracedClones == 0) {
        resumeHeld();
    }
}

void Tracer::Session::resumeHeld() {
    // Newborns held for a parent event that will not come (the parent died in its clone).
    for (Task& task : m_tasks) {
        if (task.held) {
            task.held = false;
            task.phase = Phase::Running;
            resume(task);
        }
    }
}

void Tracer::Session::onHiddenStop(Task& t, int status) {
    // Answer at once, as if there were no tracer: the signal goes on, a group-stop stays stopped.
    const int sig = WSTOPSIG(status);
    const int event = status >> 16;
    int inject = 0;
    if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE) {
        onNewTask(t, event, 0); // its children are hidden too; resumes t
        return;
    }
    if (event == PTRACE_EVENT_SECCOMP) {
        // Its own CLONE_UNTRACED children need the same care; the filter stops a hidden task only
        // at clone3 and such clones when a --filter is given, at every call otherwise.
        __ptrace_syscall_info info{};
        if (ptrace(PTRACE_GET_SYSCALL_INFO, t.tid, sizeof info, &info) > 0 &&
            info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
            onUntracedClone(t, archFromAudit(info.arch, info.seccomp.nr), int(info.seccomp.nr),
                            reinterpret_cast<const std::uint64_t*>(info.seccomp.args));
        }
        if (t.untraced.active) {
            ptrace(PTRACE_SYSCALL, t.tid, nullptr, 0); // to undo it at the exit if it fails
            return;
        }
    } else if (sig == (SIGTRAP | 0x80) && t.untraced.active) {
        endUntracedClone(t, true); // the clone failed
    } else if (event == PTRACE_EVENT_EXEC) {
        unsigned long former = 0;
        ptrace(PTRACE_GETEVENTMSG, t.tid, nullptr, &former);
        if (pid_t(former) != t.tid) {
            m_tasks.erase(pid_t(former)); // a non-leader exec: the old leader is gone
        }
    } else if (event == PTRACE_EVENT_STOP) {
        if (t.phase == Phase::Newborn) {
            t.phase = Phase::Running;
        } else if (isStopSignal(sig)) {
            ptrace(PTRACE_LISTEN, t.tid, nullptr, nullptr);
            return;
        }
    } else if (event == 0 && sig != (SIGTRAP | 0x80)) {
        inject = t.phase == Phase::Newborn && sig == SIGSTOP ? 0 : sig;
        t.phase = Phase::Running;
    }
    ptrace(PTRACE_CONT, t.tid, nullptr, inject);
}

std::optional<int> Tracer::Session::reapedStatus(Task& t, pid_t pid) {
    // Only a call that reports terminations alone: with WUNTRACED or WCONTINUED it may have
    // reported a stop or a continue of a child that died right after. Its pid must also mean
    // the same process in our pid namespace as in the caller's.
    constexpr std::uint64_t kStopOrContinue = WUNTRACED | WCONTINUED;
    if (pid <= 0 || (t.pending.args[2] & kStopOrContinue) != 0 || !sharesOurPidNamespace(t)) {
        return std::nullopt;
    }
    for (std::size_t k = 1; k <= m_ended.size(); ++k) { // newest first: pids are reused
        Ended& e = m_ended[(m_endedNext - k) % m_ended.size()];
        if (e.pid == pid) {
            e.pid = 0; // reaped now; a later process with this pid is another one
            return e.status;
        }
    }
    return std::nullopt;
}

bool Tracer::Session::sharesOurPidNamespace(Task& t) {
    // The event message gives the child's pid in our namespace; the call returns it in the
    // caller's. A process's namespace never changes, so one look per task is enough.
    if (t.pidNamespace == Task::PidNamespace::Unknown) {
        static const std::string ours = pidNamespace(getpid());
        const std::string theirs = pidNamespace(t.tid);
        t.pidNamespace = !theirs.empty() && theirs == ours ? Task::PidNamespace::Ours
                                                           : Task::PidNamespace::Other;
    }
    return t.pidNamespace == Task::PidNamespace::Ours;
}

void Tracer::Session::onExec(Task& t, TimeNs now) {
    unsigned long former = 0;
    ptrace(PTRACE_GETEVENTMSG, t.tid, nullptr, &former);
    const pid_t pid = t.tid;
    Task* execing = &t;
    if (pid_t(former) != pid && former != 0) {
        // Exec from a non-leader thread: it takes over the leader's tid; the old leader is gone.
        Task* old = m_tasks.find(pid_t(former));
        finishPendingAsUnfinished(t);
        if (old) {
            Task moved = std::move(*old);
            m_tasks.erase(pid_t(former));
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
    ProcessEvent ev = processSnapshotEvent(ProcessEventKind::Exec, pid, now);
    ev.parent = pid_t(former);
    x.comm = std::make_shared<const std::string>(ev.comm);
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

void Tracer::Session::onEventStop(Task& t, int sig, TimeNs now) {
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
        emitTaskEvent(t, ProcessEventKind::Stopped, now, sig);
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
    ProcessEvent& ev = emitTaskEvent(t, ProcessEventKind::Signal, now, sig);
    siginfo_t si{};
    if (rawPtrace(PTRACE_GETSIGINFO, t.tid, 0, &si) == 0 && si.si_signo == sig) {
        ev.siginfo = rawSiginfo(si); // the text is made when it is shown
    }
    resume(t, sig);
}

void Tracer::Session::onTaskEnded(pid_t tid, int status, TimeNs now) {
    Task* found = m_tasks.find(tid);
    if (!found) {
        return;
    }
    Task& t = *found;
    if (tid == t.pid) { // a process (its leader): what its parent's wait will report
        m_ended[m_endedNext++ % m_ended.size()] = {tid, status};
    }
    if (t.untraced.active) {
        endUntracedClone(t, false);
    }
    if (t.hidden) {
        m_tasks.erase(tid);
        return;
    }
    finishPendingAsUnfinished(t);
    if (m_opt.vdso) {
        for (SyscallEvent& open : m_vdso.forgetTask(tid)) {
            m_batch.events.push_back(open);
            ++m_result.events;
        }
    }
    ProcessEvent& ev = emitTaskEvent(t, ProcessEventKind::Exit, now, status);
    if (t.comm) {
        ev.comm = *t.comm;
    }
    if (tid == m_mainPid) {
        m_result.mainStatus = status;
    }
    m_tasks.erase(tid);
}

} // namespace syscope
