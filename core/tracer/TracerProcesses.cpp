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
            thread = threadGroupId(child).value_or(child) == t.pid;
        }
    }
    if (child > 0) {
        auto [it, inserted] = m_tasks.try_emplace(child);
        Task& c = it->second;
        if (inserted) {
            c.tid = child;
            c.phase = Phase::Newborn;
        }
        // Same code at the same addresses (shared, or copied by fork): the syscall sites
        // checked for int $0x80 hold for the child too, until the next mapping change.
        c.sites = t.sites;
        c.pid = thread ? t.pid : child;
        c.seccompMode = t.seccompMode;
        if (!thread) {
            m_comm[child] = m_comm[t.pid];
            if (m_opt.vdso) {
                m_vdso.inheritProcess(child, t.pid);
            }
        }
        ProcessEvent ev =
            taskEvent(c, thread ? ProcessEventKind::Thread : ProcessEventKind::Fork, now);
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
    ++m_codeGeneration; // a new program: every cached syscall site is stale
    x.sites = std::make_shared<SiteCache>();
    x.pid = pid;
    ProcessEvent ev = processSnapshotEvent(ProcessEventKind::Exec, pid, now);
    ev.parent = pid_t(former);
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
        emitProcessEvent(taskEvent(t, ProcessEventKind::Stopped, now, sig));
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
    ProcessEvent ev = taskEvent(t, ProcessEventKind::Signal, now, sig);
    siginfo_t si{};
    if (ptrace(PTRACE_GETSIGINFO, t.tid, nullptr, &si) == 0 && si.si_signo == sig) {
        ev.detail = formatSiginfo(si);
    }
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
    ProcessEvent ev = taskEvent(t, ProcessEventKind::Exit, now, status);
    ev.comm = m_comm[t.pid];
    emitProcessEvent(std::move(ev));
    if (tid == m_mainPid) {
        m_result.mainStatus = status;
    }
    m_tasks.erase(it);
}

} // namespace syscope
