#include "aslr/AslrExperiment.h"

#include "proc/Auxv.h"
#include "proc/ProcMaps.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <elf.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <pthread.h>
#include <sched.h>
#include <set>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

namespace syscope {

namespace {

void setError(std::string* error, std::string message) {
    if (error) {
        *error = std::move(message);
    }
}

// The few syscall numbers the loader walk needs, per ABI.
struct SyscallNumbers {
    std::uint64_t open, openat, openat2, close, mmap, brk, exit, exitGroup;
};
constexpr SyscallNumbers kX86_64{2, 257, 437, 3, 9, 12, 60, 231};
constexpr SyscallNumbers kI386{5, 295, 437, 6, 192 /* mmap2 */, 45, 1, 252};

// Kills and reaps a traced child, whatever state it is in.
void killAndReap(pid_t pid) {
    ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, __WALL) == pid) {
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            break;
        }
    }
}

bool fdIsLibc(pid_t pid, std::uint64_t fd) {
    char link[64];
    std::snprintf(link, sizeof link, "/proc/%d/fd/%llu", static_cast<int>(pid),
                  static_cast<unsigned long long>(fd));
    char target[4096];
    const ssize_t n = ::readlink(link, target, sizeof target);
    if (n <= 0 || static_cast<std::size_t>(n) >= sizeof target) {
        return false;
    }
    return isLibcPath(std::string_view(target, static_cast<std::size_t>(n)));
}

// The signal to pass on when resuming from a stop with `sig`: a signal-delivery stop gets its
// signal delivered; a group-stop (PTRACE_GETSIGINFO fails with EINVAL) must not re-inject it,
// or a stopped program would be stopped again forever.
int signalToDeliver(pid_t pid, int sig) {
    siginfo_t info{};
    if (::ptrace(PTRACE_GETSIGINFO, pid, nullptr, &info) != 0 && errno == EINVAL) {
        return 0;
    }
    return sig;
}

void fillMissing(AslrBases& into, const AslrBases& from) {
    for (int i = 0; i < kAslrRegionCount; ++i) {
        if (!into.base[static_cast<std::size_t>(i)]) {
            into.base[static_cast<std::size_t>(i)] = from.base[static_cast<std::size_t>(i)];
        }
    }
}

struct LaunchArgs {
    const char* path = nullptr;
    char** argv = nullptr;
    bool randomize = true;
    bool quiet = false;
    sigset_t oldMask{};
    int error = 0; // written by the child (shared memory) when it cannot exec
};

// Runs in the CLONE_VM child on its own stack: syscalls only, no allocation, no locks.
__attribute__((no_sanitize("address"))) int launchChild(void* arg) {
    auto* a = static_cast<LaunchArgs*>(arg);
    int err = 0;
    if (!a->randomize) {
        const int persona = ::personality(0xffffffff);
        if (persona == -1 ||
            ::personality(static_cast<unsigned long>(persona) | ADDR_NO_RANDOMIZE) == -1) {
            err = errno;
        }
    }
    if (err == 0 && a->quiet) {
        const int devnull = ::open("/dev/null", O_RDWR);
        if (devnull >= 0) {
            ::dup2(devnull, 0);
            ::dup2(devnull, 1);
            ::dup2(devnull, 2);
            if (devnull > 2) {
                ::close(devnull);
            }
        }
    }
    if (err == 0 && ::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0) {
        err = errno;
    }
    if (err == 0) {
        ::sigprocmask(SIG_SETMASK, &a->oldMask, nullptr);
        ::execve(a->path, a->argv, environ);
        err = errno;
    }
    a->error = err;
    ::_exit(127);
}

} // namespace

std::optional<std::string> resolveExecutable(const std::string& name, std::string* error) {
    if (name.empty()) {
        setError(error, "empty command");
        return std::nullopt;
    }
    if (name.find('/') != std::string::npos) {
        if (::access(name.c_str(), X_OK) != 0) {
            setError(error, "cannot execute " + name + ": " + std::strerror(errno));
            return std::nullopt;
        }
        return name;
    }
    const char* env = std::getenv("PATH");
    const std::string path = env && *env ? env : "/usr/local/bin:/usr/bin:/bin";
    std::size_t pos = 0;
    while (pos <= path.size()) {
        std::size_t end = path.find(':', pos);
        if (end == std::string::npos) {
            end = path.size();
        }
        std::string dir = path.substr(pos, end - pos);
        if (dir.empty()) {
            dir = ".";
        }
        const std::string candidate = dir + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
        pos = end + 1;
    }
    setError(error, "command not found: " + name);
    return std::nullopt;
}

AslrExperiment::AslrExperiment(AslrExperimentOptions options)
    : m_options(std::move(options)) {
}

bool AslrExperiment::run(std::string* error) {
    m_runs.clear();
    m_cancelled = false;
    const int total = m_options.runs;
    m_runs.reserve(static_cast<std::size_t>(std::max(total, 0)));
    for (int i = 0; i < total; ++i) {
        if (cancelRequested()) {
            m_cancelled = true;
            return true;
        }
        auto one = runOnce(error);
        if (!one) {
            return false;
        }
        m_runs.push_back(std::move(*one));
        if (m_progress) {
            m_progress(i + 1, total);
        }
    }
    return true;
}

std::optional<AslrRun> AslrExperiment::runOnce(std::string* error) {
    if (m_options.command.empty()) {
        setError(error, "no command given");
        return std::nullopt;
    }
    if (m_resolvedPath.empty()) {
        auto resolved = resolveExecutable(m_options.command.front(), error);
        if (!resolved) {
            return std::nullopt;
        }
        m_resolvedPath = std::move(*resolved);
    }
    // The child shares our memory until its exec (CLONE_VM | CLONE_VFORK, as posix_spawn does):
    // no page tables are copied, which keeps a launch cheap even from a big (or sanitized)
    // process. Everything it needs is prepared here; it only makes syscalls.
    std::vector<char*> argv;
    argv.reserve(m_options.command.size() + 1);
    for (auto& a : m_options.command) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    LaunchArgs launch;
    launch.path = m_resolvedPath.c_str();
    launch.argv = argv.data();
    launch.randomize = m_options.randomize;
    launch.quiet = m_options.keepRunning;

    constexpr std::size_t kStackSize = 256 * 1024;
    void* stack = ::mmap(nullptr, kStackSize, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        setError(error, std::string("mmap: ") + std::strerror(errno));
        return std::nullopt;
    }
    sigset_t all;
    sigfillset(&all);
    ::pthread_sigmask(SIG_BLOCK, &all, &launch.oldMask);
    const pid_t pid = ::clone(launchChild, static_cast<char*>(stack) + kStackSize,
                              CLONE_VM | CLONE_VFORK | SIGCHLD, &launch);
    const int cloneErr = errno;
    ::pthread_sigmask(SIG_SETMASK, &launch.oldMask, nullptr);
    ::munmap(stack, kStackSize);
    if (pid < 0) {
        setError(error, std::string("clone: ") + std::strerror(cloneErr));
        return std::nullopt;
    }

    AslrRun run;
    run.pid = pid;
    int status = 0;
    if (::waitpid(pid, &status, __WALL) != pid) {
        const int err = errno;
        killAndReap(pid);
        setError(error, std::string("waitpid: ") + std::strerror(err));
        return std::nullopt;
    }
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
        setError(error, "cannot start " + m_options.command.front() + ": " +
                            (launch.error != 0 ? std::strerror(launch.error)
                                               : "the child ended before exec"));
        return std::nullopt;
    }
    if (!WIFSTOPPED(status) || WSTOPSIG(status) != SIGTRAP) {
        killAndReap(pid);
        setError(error, "unexpected first stop of the launched command (status " +
                            std::to_string(status) + ")");
        return std::nullopt;
    }
    long ptraceOptions = PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL;
    if (m_options.keepRunning) {
        ptraceOptions |= PTRACE_O_TRACEEXIT;
    }
    if (::ptrace(PTRACE_SETOPTIONS, pid, nullptr, reinterpret_cast<void*>(ptraceOptions)) != 0) {
        const int err = errno;
        killAndReap(pid);
        setError(error, std::string("PTRACE_SETOPTIONS: ") + std::strerror(err));
        return std::nullopt;
    }

    // Exec stop: what the kernel mapped.
    std::string readError;
    const auto auxv = readAuxv(pid, &readError);
    const auto execMaps = readMaps(pid, &readError);
    if (!auxv || !execMaps) {
        killAndReap(pid);
        setError(error, "at exec: " + readError);
        return std::nullopt;
    }
    const AslrBases atExec = classifyRegions(execMaps->entries, auxv->entries);
    // Nothing to wait for when there is no loader, or when the loader is libc (musl).
    bool libcDone = !atExec[AslrRegion::Interp] || atExec[AslrRegion::Libc];
    bool brkSeen = false;
    std::optional<std::uint64_t> brkStart;
    std::optional<std::uint64_t> firstAnon;
    std::set<std::uint64_t> libcFds;
    int syscallsAfterLibc = 0;
    std::uint64_t entryNr = UINT64_MAX;
    std::array<std::uint64_t, 6> entryArgs{};
    const SyscallNumbers* nrs = &kX86_64;
    int pendingSignal = 0;
    bool exited = false; // ended (or vanished) before the stop point
    bool reaped = false; // its exit status was collected: the pid must not be touched again

    // Walk the loader's syscalls until libc is mapped and the first brk was seen.
    while (!(libcDone && (brkSeen || syscallsAfterLibc >= 8)) &&
           run.loaderSyscalls < m_options.maxLoaderSyscalls) {
        if (::ptrace(PTRACE_SYSCALL, pid, nullptr, reinterpret_cast<void*>(long(pendingSignal))) !=
            0) {
            exited = true;
            break;
        }
        pendingSignal = 0;
        if (::waitpid(pid, &status, __WALL) != pid) {
            exited = true;
            break;
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            exited = true;
            reaped = true;
            run.exitStatus = status;
            break;
        }
        const int sig = WSTOPSIG(status);
        if (sig != (SIGTRAP | 0x80)) {
            if (sig != SIGTRAP) {
                pendingSignal = signalToDeliver(pid, sig);
            }
            continue;
        }
        __ptrace_syscall_info info{};
        if (::ptrace(PTRACE_GET_SYSCALL_INFO, pid, reinterpret_cast<void*>(sizeof info), &info) <=
            0) {
            continue;
        }
        if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
            nrs = info.arch == AUDIT_ARCH_I386 ? &kI386 : &kX86_64;
            entryNr = info.entry.nr;
            for (std::size_t i = 0; i < 6; ++i) {
                entryArgs[i] = info.entry.args[i];
            }
            if (entryNr == nrs->exitGroup || entryNr == nrs->exit) {
                break; // still alive: its maps can be read below
            }
            continue;
        }
        if (info.op != PTRACE_SYSCALL_INFO_EXIT) {
            continue;
        }
        ++run.loaderSyscalls;
        if (libcDone) {
            ++syscallsAfterLibc;
        }
        if (info.exit.is_error) {
            continue;
        }
        const auto rval = static_cast<std::uint64_t>(info.exit.rval);
        if (entryNr == nrs->brk) {
            if (!brkSeen) {
                brkSeen = true;
                brkStart = rval;
            }
        } else if (entryNr == nrs->mmap) {
            const std::uint64_t flags = entryArgs[3];
            const auto fd = static_cast<std::int32_t>(entryArgs[4]);
            if (flags & MAP_ANONYMOUS) {
                if (!(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) && !firstAnon) {
                    firstAnon = rval;
                }
            } else if (fd >= 0 && libcFds.count(static_cast<std::uint64_t>(fd))) {
                libcDone = true;
            }
        } else if (entryNr == nrs->open || entryNr == nrs->openat || entryNr == nrs->openat2) {
            if (fdIsLibc(pid, rval)) {
                libcFds.insert(rval);
            }
        } else if (entryNr == nrs->close) {
            libcFds.erase(entryArgs[0] & 0xffffffffu);
        }
    }
    run.libcMapped = libcDone;

    if (exited) {
        run.endedEarly = true;
        run.bases = atExec;
    } else {
        const auto maps = readMaps(pid, &readError);
        run.bases = maps ? classifyRegions(maps->entries, auxv->entries) : atExec;
    }
    if (!run.bases[AslrRegion::Heap] && brkStart) {
        run.bases[AslrRegion::Heap] = brkStart;
    }
    run.bases[AslrRegion::AnonMmap] = firstAnon;

    if (reaped) {
        run.ranToEnd = m_options.keepRunning;
        return run;
    }
    if (!m_options.keepRunning || exited) {
        killAndReap(pid);
        return run;
    }

    // Let it run to its end; at the exit stop the address space is still there.
    for (;;) {
        if (::ptrace(PTRACE_CONT, pid, nullptr, reinterpret_cast<void*>(long(pendingSignal))) !=
            0) {
            break;
        }
        pendingSignal = 0;
        pid_t got = 0;
        while ((got = ::waitpid(pid, &status, __WALL | WNOHANG)) == 0) {
            if (cancelRequested()) {
                killAndReap(pid);
                return run;
            }
            const timespec pause{0, 200000};
            ::nanosleep(&pause, nullptr);
        }
        if (got != pid || WIFEXITED(status) || WIFSIGNALED(status)) {
            run.ranToEnd = got == pid;
            run.exitStatus = status;
            return run;
        }
        if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
            if (const auto maps = readMaps(pid, nullptr)) {
                fillMissing(run.bases, classifyRegions(maps->entries, auxv->entries));
            }
            continue;
        }
        const int sig = WSTOPSIG(status);
        if (sig != SIGTRAP && sig != (SIGTRAP | 0x80)) {
            pendingSignal = signalToDeliver(pid, sig);
        }
    }
    killAndReap(pid);
    return run;
}

} // namespace syscope
