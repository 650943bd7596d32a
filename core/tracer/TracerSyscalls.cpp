// Syscall stops: what an entry and an exit cost, and what they capture.
#include "tracer/TracerSession.h"

#include "proc/Auxv.h"
#include "proc/ProcMaps.h"
#include "proc/ProcStatus.h"
#include "syscalls/EventFormatter.h"
#include "syscalls/IoctlArg.h"
#include "syscalls/StructFormat.h"
#include "tracer/SeccompProgram.h"
#include "tracer/TraceeMemory.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sched.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace syscope {

using namespace tracer_detail;

std::optional<std::uint64_t> tracer_detail::peekRegister(pid_t tid, std::size_t offset) {
    errno = 0;
    const long value = ptrace(PTRACE_PEEKUSER, tid, reinterpret_cast<void*>(offset), nullptr);
    if (value == -1 && errno != 0) {
        return std::nullopt;
    }
    return std::uint64_t(value);
}

namespace {

// The kinds shown from the register alone, which need no capture: most arguments of most calls.
// The callers of captureArgument test it, so that these cost no call at all.
constexpr bool shownFromRegister(ArgKind kind) {
    switch (kind) {
    case ArgKind::None:
    case ArgKind::Int:
    case ArgKind::UInt:
    case ArgKind::Fd:
    case ArgKind::DirFd:
    case ArgKind::Size:
    case ArgKind::Ptr:
    case ArgKind::Flags:
    case ArgKind::Mode:
    case ArgKind::Signal:
    case ArgKind::Pid:
    case ArgKind::Clock:
    case ArgKind::Offset:
    case ArgKind::Hex:
        return true;
    default:
        return false;
    }
}

template <typename T>
T load(const unsigned char* raw) {
    T value;
    std::memcpy(&value, raw, sizeof value);
    return value;
}

// struct itimerval or itimerspec: four 64-bit fields.
std::string renderItimer(const unsigned char* raw, bool nanoseconds) {
    std::int64_t fields[4];
    std::memcpy(fields, raw, sizeof fields);
    return formatItimer(fields, nanoseconds);
}

// The arguments that point to a struct of a fixed size: read whole, rendered as strace does.
struct FixedStruct {
    ArgKind kind;
    std::size_t size;
    std::string (*render)(const unsigned char* raw);
};

constexpr FixedStruct kFixedStructs[] = {
    {ArgKind::Stat, kStatSize, [](const unsigned char* raw) { return formatStat(raw); }},
    {ArgKind::Statx, kStatxShownSize, [](const unsigned char* raw) { return formatStatx(raw); }},
    {ArgKind::Rlimit, 16,
     [](const unsigned char* raw) {
         return formatRlimit(load<std::uint64_t>(raw), load<std::uint64_t>(raw + 8));
     }},
    {ArgKind::SigSet, 8,
     [](const unsigned char* raw) { return formatSigset(load<std::uint64_t>(raw)); }},
    {ArgKind::SigAction, kSigactionSize,
     [](const unsigned char* raw) { return formatSigaction(raw); }},
    // x86_64 rt_sigreturn: the mask the frame restores.
    {ArgKind::SigFrame, 8,
     [](const unsigned char* raw) {
         return "{mask=" + formatSigset(load<std::uint64_t>(raw)) + "}";
     }},
    {ArgKind::Timespec, 16,
     [](const unsigned char* raw) {
         return formatTimespec(load<std::int64_t>(raw), load<std::int64_t>(raw + 8));
     }},
    {ArgKind::Itimerval, 32, [](const unsigned char* raw) { return renderItimer(raw, false); }},
    {ArgKind::Itimerspec, 32, [](const unsigned char* raw) { return renderItimer(raw, true); }},
    // pipe's and socketpair's two descriptors.
    {ArgKind::FdPair, 8,
     [](const unsigned char* raw) {
         return "[" + std::to_string(load<std::int32_t>(raw)) + ", " +
                std::to_string(load<std::int32_t>(raw + 4)) + "]";
     }},
    {ArgKind::WaitStatus, 4,
     [](const unsigned char* raw) { return formatWaitStatus(load<std::int32_t>(raw)); }},
    {ArgKind::Utsname, kUtsnameSize, [](const unsigned char* raw) { return formatUtsname(raw); }},
    {ArgKind::Sysinfo, kSysinfoSize, [](const unsigned char* raw) { return formatSysinfo(raw); }},
    {ArgKind::Statfs, kStatfsSize, [](const unsigned char* raw) { return formatStatfs(raw); }},
};

constexpr std::size_t kLargestFixedStruct =
    std::max({kStatSize, kStatxShownSize, kSigactionSize, kUtsnameSize, kSysinfoSize, kStatfsSize});
static_assert(std::all_of(std::begin(kFixedStructs), std::end(kFixedStructs),
                          [](const FixedStruct& f) { return f.size <= kLargestFixedStruct; }));

// The first min(count, N) elements of an array in tracee memory, and how many that is; nullopt
// when they cannot be read.
template <typename T, std::size_t N>
std::optional<std::size_t> readArrayHead(pid_t tid, std::uint64_t address, std::uint64_t count,
                                         T (&out)[N]) {
    const std::size_t n = std::size_t(std::min<std::uint64_t>(count, N));
    if (readTraceeMemory(tid, address, out, n * sizeof(T)) != n * sizeof(T)) {
        return std::nullopt;
    }
    return n;
}

const FixedStruct* fixedStruct(ArgKind kind) {
    for (const FixedStruct& f : kFixedStructs) {
        if (f.kind == kind) {
            return &f;
        }
    }
    return nullptr;
}

} // namespace

void Tracer::Session::onSyscallStop(Task& t, TimeNs now) {
    __ptrace_syscall_info info{};
    const long n = rawPtrace(PTRACE_GET_SYSCALL_INFO, t.tid, sizeof info, &info);
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
                     reinterpret_cast<const std::uint64_t*>(info.entry.args), false,
                     info.stack_pointer);
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
    // The filter selects the syscalls to record: between them the task may run freely (unless
    // the program has a filter of its own, see completeCall).
    t.seccompMode = !t.ownFilter;
    __ptrace_syscall_info info{};
    const long n = rawPtrace(PTRACE_GET_SYSCALL_INFO, t.tid, sizeof info, &info);
    if (n > 0 && info.instruction_pointer >= kVsyscallPage &&
        info.instruction_pointer < kVsyscallPage + 4096) {
        // A call into the legacy vsyscall page, which the kernel emulates: it consults seccomp
        // but has no syscall exit, so its result would never be seen. Left out, as strace (and
        // syscope without the filter) never see it either.
        resume(t);
        return;
    }
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
        const Arch arch = archFromAudit(info.arch, info.seccomp.nr);
        const auto* args = reinterpret_cast<const std::uint64_t*>(info.seccomp.args);
        describeCall(t, arch, int(info.seccomp.nr), args, true, info.stack_pointer);
        if (m_opt.followChildren) {
            onUntracedClone(t, arch, int(info.seccomp.nr), args);
        }
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
    t.sockLenArg = -1;
}

void Tracer::Session::describeCall(Task& t, Arch arch, int nr, const std::uint64_t* args,
                                   bool bySeccomp, std::uint64_t stackPointer) {
    t.described = true;
    const SyscallNumbers& numbers = syscallNumbers(arch);
    const bool isExec = nr == numbers.execve || nr == numbers.execveat;
    // Filled in even for a call not recorded: the tracer itself may need to know it.
    SyscallEvent& e = t.pending;
    e.exit = 0;
    e.pid = t.pid;
    e.tid = t.tid;
    e.nr = nr;
    e.arch = arch;
    e.ret = 0;
    if (arch == Arch::I386) {
        for (int i = 0; i < 6; ++i) {
            e.args[i] = args[i] & 0xffffffffu;
        }
        e.flags |= EventFlag::Compat32;
    } else {
        std::copy(args, args + 6, e.args.begin());
    }
    if (bySeccomp) {
        e.flags |= EventFlag::Seccomp;
    }
    // The launcher's own calls between its stop and exec are not the command's.
    t.ignoring = (t.phase == Phase::PreExec && !isExec) ||
                 (!m_tracesEverything && !m_opt.filter.matches(arch, nr));
    if (t.ignoring) {
        return;
    }
    // The kernel restarts an interrupted call either by running it again (after a signal
    // handler with SA_RESTART, or after a stop) or through restart_syscall.
    const int restartNr = numbers.restartSyscall;
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
            if (t.info->args[i] == ArgKind::SigFrame) {
                // x86_64 rt_sigreturn: the frame starts 8 bytes below rsp (the handler's return
                // popped its pretcode); uc.uc_sigmask lies 304 bytes into it.
                constexpr std::uint64_t kSigmaskFromSp = 296;
                if (stackPointer != 0) {
                    captureArgument(t, i, ArgKind::SigFrame, stackPointer + kSigmaskFromSp, 0);
                }
            } else if (!t.info->isOutputArg(i) && !shownFromRegister(t.info->args[i])) {
                const std::uint64_t length = i + 1 < 6 ? e.args[i + 1] : 0;
                captureArgument(t, i, t.info->args[i], e.args[i], length);
            }
        }
        if (isExec) {
            // argv and envp: each string followed by a NUL, in one EventString per array.
            const int argvIndex = nr == numbers.execveat ? 2 : 1;
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
    } else if (const FixedStruct* fixed = fixedStruct(kind)) {
        // wait4's status is filled only when a child was reported: `length` is then the
        // call's result, its pid.
        if (address == 0 || (kind == ArgKind::WaitStatus && length == 0)) {
            return;
        }
        if (kind == ArgKind::WaitStatus) {
            if (const auto status = reapedStatus(t, pid_t(length))) {
                es.bytes = formatWaitStatus(*status);
                t.pendingStrings.push_back(std::move(es));
                return;
            }
        }
        unsigned char raw[kLargestFixedStruct];
        if (readTraceeMemory(t.tid, address, raw, fixed->size) != fixed->size) {
            return;
        }
        // Kept as strace renders it: what a struct stat holds besides mode and size (times,
        // inode, ...) changes from call to call, and would only bloat the trace's string table.
        es.bytes = fixed->render(raw);
    } else if (kind == ArgKind::Sockaddr) {
        // `length` is the address length the call was given.
        unsigned char raw[128];
        const std::size_t want = std::size_t(std::min<std::uint64_t>(length, sizeof raw));
        if (address == 0 || want == 0 || readTraceeMemory(t.tid, address, raw, want) != want) {
            return;
        }
        es.bytes = formatSockaddr(raw, want);
        if (es.bytes.empty()) {
            return; // a family strace decodes and we do not: the address, as before
        }
    } else if (kind == ArgKind::Dirents) {
        // `length` is the call's result, the bytes of entries filled in.
        constexpr std::size_t kMaxDirents = 256 * 1024;
        std::vector<unsigned char> raw(std::size_t(std::min<std::uint64_t>(length, kMaxDirents)));
        if (address == 0 || (!raw.empty() && readTraceeMemory(t.tid, address, raw.data(),
                                                              raw.size()) != raw.size())) {
            return;
        }
        es.bytes = formatDirents(address, raw.data(), raw.size());
    } else if (kind == ArgKind::SockLen || kind == ArgKind::SockOptLen) {
        // As strace: a socket address's length only with both pointers given (otherwise both
        // show as pointers); getsockopt's whenever it can be read.
        if (kind == ArgKind::SockLen && (arg == 0 || t.pending.args[arg - 1] == 0)) {
            return;
        }
        const std::optional<std::int32_t> value = readInt32(t, address);
        if (!value) {
            return;
        }
        t.sockLenIn = *value;
        t.sockLenArg = arg;
        es.bytes = "[" + std::to_string(*value) + "]";
    } else if (kind == ArgKind::SockOptVal) {
        // setsockopt's value; `length` is optlen, the next argument (getsockopt's value is
        // captured by captureFilledSockOpt).
        if (arg < 2 || address == 0 ||
            !readSockOpt(t, int(t.pending.args[arg - 2]), int(t.pending.args[arg - 1]), address,
                         std::int32_t(length), false, es.bytes)) {
            return;
        }
    } else if (kind == ArgKind::IoctlArg) {
        // The int a request reads, at entry (one it fills: captureIoctlResult).
        if (ioctlArgUse(t.pending.args[1]) != IoctlArgUse::IntIn ||
            !readIntArgument(t, address, es.bytes)) {
            return;
        }
    } else if (kind == ArgKind::PollFds) {
        // `length` is nfds, the next argument.
        if (address == 0) {
            return;
        }
        pollfd fds[kMaxArrayShown];
        const auto shown = readArrayHead(t.tid, address, length, fds);
        if (!shown) {
            return;
        }
        es.bytes = formatPollFds(fds, *shown, std::size_t(length));
    } else if (kind == ArgKind::GidArray) {
        // `length` is the call's result, the number of gids filled in; strace shows an address
        // for more than NGROUPS_MAX, and the first kMaxArrayShown of the others.
        constexpr std::uint64_t kNgroupsMax = 65536;
        if (address == 0 || length > kNgroupsMax) {
            return;
        }
        std::uint32_t gids[kMaxArrayShown];
        const auto shown = readArrayHead(t.tid, address, length, gids);
        if (!shown) {
            return;
        }
        es.bytes = formatGidArray(gids, *shown, std::size_t(length));
    } else if (kind == ArgKind::CpuSet) {
        // `length` is the call's result, the bytes of mask filled in.
        constexpr std::size_t kMaxMask = 1024; // 8192 CPUs
        unsigned char mask[kMaxMask];
        const std::size_t want = std::size_t(std::min<std::uint64_t>(length, kMaxMask));
        if (address == 0 || readTraceeMemory(t.tid, address, mask, want) != want) {
            return;
        }
        es.bytes = formatCpuSet(mask, want);
    } else if (kind == ArgKind::Buffer || kind == ArgKind::HexBuffer) {
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

std::optional<std::int32_t> Tracer::Session::readInt32(Task& t, std::uint64_t address) {
    std::int32_t value = 0;
    if (address == 0 || readTraceeMemory(t.tid, address, &value, sizeof value) != sizeof value) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::int32_t> Tracer::Session::storedLength(Task& t, int lengthArg) {
    if (t.sockLenArg != lengthArg) {
        return std::nullopt;
    }
    return readInt32(t, t.pending.args[lengthArg]);
}

void Tracer::Session::captureFilledSockaddr(Task& t, int arg) {
    // The length the call was given (captured at entry) and the one the kernel stored: the
    // address is shown with the shorter, the length as "[given => stored]" when they differ.
    const std::optional<std::int32_t> storedValue = storedLength(t, arg + 1);
    if (!storedValue) {
        return; // as strace: the address, and the length as it was given
    }
    const std::int32_t stored = *storedValue;
    const std::int32_t given = t.sockLenIn;
    const std::int32_t shown = std::max(0, std::min(given, stored));
    captureArgument(t, arg, ArgKind::Sockaddr, t.pending.args[arg], std::uint64_t(shown));
    showChangedLength(t, arg + 1, given, stored);
}

void Tracer::Session::showChangedLength(Task& t, int arg, std::int32_t given, std::int32_t stored) {
    if (stored == given) {
        return;
    }
    for (EventString& s : t.pendingStrings) {
        if (s.arg == arg) {
            s.bytes = "[" + std::to_string(given) + " => " + std::to_string(stored) + "]";
        }
    }
}

bool Tracer::Session::readSockOpt(Task& t, int level, int name, std::uint64_t address,
                                  std::int32_t length, bool filled, std::string& out) {
    unsigned char value[kSockOptShownSize];
    const std::size_t want =
        length > 0 ? std::min<std::size_t>(std::size_t(length), sizeof value) : 0;
    if (want > 0 && readTraceeMemory(t.tid, address, value, want) != want) {
        return false;
    }
    out = formatSockOpt(level, name, value, want, length, filled);
    return !out.empty();
}

void Tracer::Session::captureFilledSockOpt(Task& t, int arg) {
    // getsockopt: the length given (captured at entry) and the one the kernel stored. As
    // strace, the value is shown for what was stored, the length as "[given => stored]" when
    // they differ; when the length cannot be read back, the value's address and "[given]".
    const std::optional<std::int32_t> storedValue = storedLength(t, arg + 1);
    if (!storedValue) {
        return;
    }
    const std::int32_t stored = *storedValue;
    const std::int32_t given = t.sockLenIn;
    showChangedLength(t, arg + 1, given, stored);
    EventString es;
    es.arg = std::uint8_t(arg);
    const std::uint64_t address = t.pending.args[arg];
    if (given > 0 && address != 0 &&
        readSockOpt(t, int(t.pending.args[1]), int(t.pending.args[2]), address, stored, true,
                    es.bytes)) {
        t.pendingStrings.push_back(std::move(es));
    }
}

bool Tracer::Session::readIntArgument(Task& t, std::uint64_t address, std::string& out) {
    const std::optional<std::int32_t> value = readInt32(t, address);
    if (!value) {
        return false;
    }
    out = "[" + std::to_string(*value) + "]";
    return true;
}

void Tracer::Session::captureIoctlResult(Task& t) {
    EventString es;
    es.arg = 2;
    if (ioctlArgUse(t.pending.args[1]) == IoctlArgUse::IntOut &&
        readIntArgument(t, t.pending.args[2], es.bytes)) {
        t.pendingStrings.push_back(std::move(es));
    }
}

void Tracer::Session::capturePollResult(Task& t) {
    // The entries whose revents the kernel set, for the result: "1 ([{fd=3, revents=POLLIN}])",
    // kept as the string of SyscallInfo::resultStringSlot().
    constexpr std::uint64_t kMaxEntries = 4096;
    const std::uint64_t address = t.pending.args[0];
    std::vector<pollfd> fds(std::size_t(std::min<std::uint64_t>(t.pending.args[1], kMaxEntries)));
    const std::size_t bytes = fds.size() * sizeof(pollfd);
    if (address == 0 || fds.empty() ||
        readTraceeMemory(t.tid, address, fds.data(), bytes) != bytes) {
        return;
    }
    EventString es;
    es.arg = std::uint8_t(t.info->resultStringSlot());
    es.bytes = formatPollRevents(fds.data(), fds.size());
    // ppoll: the time it had left, "1 ([{fd=3, revents=POLLIN}], left {tv_sec=0, ...})".
    std::int64_t left[2] = {};
    if (t.info->args[2] == ArgKind::Timespec && t.pending.args[2] != 0 &&
        readTraceeMemory(t.tid, t.pending.args[2], left, sizeof left) == sizeof left) {
        es.bytes += ", left " + formatTimespec(left[0], left[1]);
    }
    t.pendingStrings.push_back(std::move(es));
}

void Tracer::Session::captureStringArray(Task& t, int arg, std::uint64_t address, bool compat) {
    EventString es;
    es.arg = std::uint8_t(arg);
    const std::size_t pointerSize = compat ? 4 : 8;
    std::size_t budget = kMaxArrayBytes;
    // Two windows: one walks the pointer array, the other the strings.
    TraceeReader pointers(t.tid);
    TraceeReader strings(t.tid);
    for (std::size_t k = 0; address != 0; ++k) {
        std::uint64_t element = 0;
        if (k >= kMaxArrayElements ||
            !pointers.read(address + k * pointerSize, &element, pointerSize)) {
            es.truncated = true;
            break;
        }
        if (element == 0) {
            break;
        }
        TraceeString str = strings.string(element, std::min(budget, m_opt.maxStringBytes));
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
    if (t.untraced.active) {
        endUntracedClone(t, true); // the clone failed: no child to hide
    }
    if (rval == 0 && t.seccompMode && t.described && installsSeccompFilter(t.pending)) {
        // The program now has a seccomp filter of its own. Where it refuses a call (an errno,
        // a trap, a kill), that wins over our filter's stop, and the call would go unseen: its
        // tasks stop at every syscall entry from here on, as without our filter.
        for (Task& task : m_tasks) {
            if (task.pid == t.pid) {
                task.ownFilter = true;
                task.seccompMode = false;
            }
        }
    }
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
        const int restartNr = syscallNumbers(e.arch).restartSyscall;
        t.interruptedNr = e.nr == restartNr && t.resumedNr >= 0 ? t.resumedNr : e.nr;
    } else if (rval == -kEintr && e.nr == syscallNumbers(e.arch).rtSigreturn) {
        t.interruptedNr = -1; // the handler's return delivers EINTR: no restart follows
    }
    if (t.info && t.info->outputArgs != 0 && !(rval < 0 && rval >= -kErrnoMax)) {
        for (int i = 0; i < t.info->argCount && i < 6; ++i) {
            if (!t.info->isOutputArg(i) || shownFromRegister(t.info->args[i])) {
                continue;
            }
            if (t.info->args[i] == ArgKind::Sockaddr) {
                captureFilledSockaddr(t, i);
            } else if (t.info->args[i] == ArgKind::SockOptVal) {
                captureFilledSockOpt(t, i);
            } else {
                captureArgument(t, i, t.info->args[i], e.args[i], std::uint64_t(rval));
            }
        }
    }
    if (rval > 0 && t.info && t.info->resultStringSlot() >= 0) {
        capturePollResult(t);
    }
    if (rval >= 0 && t.info && t.info->argCount == 3 && t.info->args[2] == ArgKind::IoctlArg) {
        captureIoctlResult(t);
    }
    emitEvent(t);
    if (!(rval < 0 && rval >= -kErrnoMax) && t.info &&
        t.info->hasBehaviour(SyscallBehaviour::ChangesMemoryMap)) {
        // A successful exec was already snapshotted at its exec event.
        if (m_opt.trackMaps && !t.info->hasBehaviour(SyscallBehaviour::Exec)) {
            snapshotProcess(t.pid, now, e.nr, false);
        }
    }
}

void Tracer::Session::onExitStop(Task& t, TimeNs now) {
    // Under the seccomp filter, exit and exit_group make no entry stop (see SeccompProgram): a
    // task that reaches its exit stop outside any recorded call, with one of them in orig_rax,
    // is making that call. Every other way into the kernel leaves orig_rax at -1, and a 64-bit
    // task's int $0x80 calls and all calls of a 32-bit task stop at entry as usual.
    if (t.seccompMode && !t.inSyscall) {
        // One request for the three registers (orig_rax, cs, rdi): three PEEKUSERs cost three
        // system calls at every task's exit.
        user_regs_struct regs{};
        if (rawPtrace(PTRACE_GETREGS, t.tid, 0, &regs) == 0 &&
            (regs.orig_rax == std::uint64_t(kNrX86_64.exit) ||
             regs.orig_rax == std::uint64_t(kNrX86_64.exitGroup)) &&
            regs.cs != kUser32CodeSegment) {
            // Both take one argument (the status); the others are not shown.
            const std::uint64_t args[6] = {regs.rdi};
            startCall(t, now);
            describeCall(t, Arch::X86_64, int(regs.orig_rax), args, false);
        }
    }
    finishPendingAsUnfinished(t);
    resume(t);
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

} // namespace syscope
