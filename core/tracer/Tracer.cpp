#include "tracer/Tracer.h"

#include "Version.h"
#include "proc/SystemFacts.h"
#include "tracer/TracerSession.h"

#include <csignal>
#include <ctime>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace syscope {

using namespace tracer_detail;

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
