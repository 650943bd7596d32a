#include "syscalls/SyscallTable.h"

#include "syscalls/SyscallRows.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace syscope {

namespace {

// x86_64 numbers that the x32 ABI does not have: their x32 versions live at 512..547.
constexpr int kX86_64Only[] = {13,  15,  16,  19,  20,  45,  46,  47,  54,  55,  59,  101,
                               127, 128, 129, 131, 134, 156, 174, 177, 178, 180, 205, 206,
                               209, 211, 214, 215, 222, 236, 244, 246, 247, 273, 274, 278,
                               279, 295, 296, 297, 299, 307, 310, 311, 322, 327, 328};

// The x32 entries 512..547, in order; their shapes are those of the x86_64 calls of the same name.
constexpr std::string_view kX32Specific[] = {"rt_sigaction",
                                             "rt_sigreturn",
                                             "ioctl",
                                             "readv",
                                             "writev",
                                             "recvfrom",
                                             "sendmsg",
                                             "recvmsg",
                                             "execve",
                                             "ptrace",
                                             "rt_sigpending",
                                             "rt_sigtimedwait",
                                             "rt_sigqueueinfo",
                                             "sigaltstack",
                                             "timer_create",
                                             "mq_notify",
                                             "kexec_load",
                                             "waitid",
                                             "set_robust_list",
                                             "get_robust_list",
                                             "vmsplice",
                                             "move_pages",
                                             "preadv",
                                             "pwritev",
                                             "rt_tgsigqueueinfo",
                                             "recvmmsg",
                                             "sendmmsg",
                                             "process_vm_readv",
                                             "process_vm_writev",
                                             "setsockopt",
                                             "getsockopt",
                                             "io_setup",
                                             "io_submit",
                                             "execveat",
                                             "preadv2",
                                             "pwritev2"};

std::vector<SyscallInfo> buildX32Rows() {
    std::vector<SyscallInfo> rows;
    auto base = rows::x86_64Rows();
    for (const SyscallInfo& r : base) {
        if (std::find(std::begin(kX86_64Only), std::end(kX86_64Only), r.nr) ==
            std::end(kX86_64Only)) {
            rows.push_back(r);
        }
    }
    int nr = 512;
    for (std::string_view name : kX32Specific) {
        auto it = std::find_if(base.begin(), base.end(),
                               [&](const SyscallInfo& r) { return r.name == name; });
        if (it != base.end()) {
            SyscallInfo r = *it;
            r.nr = nr;
            rows.push_back(r);
        }
        ++nr;
    }
    std::sort(rows.begin(), rows.end(),
              [](const SyscallInfo& a, const SyscallInfo& b) { return a.nr < b.nr; });
    return rows;
}

} // namespace

SyscallTable::SyscallTable(Arch arch, std::span<const SyscallInfo> rows)
    : m_arch(arch)
    , m_rows(rows) {
    for (const SyscallInfo& r : rows) {
        m_maxNumber = std::max(m_maxNumber, r.nr);
    }
    m_index.assign(static_cast<std::size_t>(m_maxNumber + 1), -1);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        m_index[static_cast<std::size_t>(rows[k].nr)] = static_cast<std::int16_t>(k);
    }
}

const SyscallTable& SyscallTable::forArch(Arch arch) {
    static const SyscallTable x86_64(Arch::X86_64, rows::x86_64Rows());
    static const SyscallTable i386(Arch::I386, rows::i386Rows());
    static const std::vector<SyscallInfo> x32Rows = buildX32Rows();
    static const SyscallTable x32(Arch::X32, x32Rows);
    switch (arch) {
    case Arch::X86_64:
        return x86_64;
    case Arch::I386:
        return i386;
    case Arch::X32:
        return x32;
    }
    return x86_64;
}

const SyscallInfo* SyscallTable::lookup(int nr) const {
    if (m_arch == Arch::X32) {
        nr &= ~kX32SyscallBit;
    }
    if (nr < 0 || nr > m_maxNumber) {
        return nullptr;
    }
    std::int16_t k = m_index[static_cast<std::size_t>(nr)];
    return k < 0 ? nullptr : &m_rows[static_cast<std::size_t>(k)];
}

std::optional<int> SyscallTable::numberOf(std::string_view name) const {
    // Importing a strace log asks once per line. For x32 the later (x32-specific, 512+) entry
    // of a name wins, which is the number x32 code uses.
    std::call_once(m_byNameBuilt, [this] {
        // Stable, so that of two rows with one name (x32) the later one is found last and wins.
        m_byName.reserve(m_rows.size());
        for (const SyscallInfo& r : m_rows) {
            m_byName.emplace_back(r.name, r.nr);
        }
        std::stable_sort(m_byName.begin(), m_byName.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    });
    auto end = std::upper_bound(m_byName.begin(), m_byName.end(), name,
                                [](std::string_view n, const auto& row) { return n < row.first; });
    if (end == m_byName.begin() || std::prev(end)->first != name) {
        return std::nullopt;
    }
    return std::prev(end)->second;
}

std::string syscallName(Arch arch, int nr) {
    if (const SyscallInfo* info = SyscallTable::forArch(arch).lookup(nr)) {
        return std::string(info->name);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "syscall_%#x", static_cast<unsigned>(nr));
    return buf;
}

std::string_view argKindName(ArgKind kind) {
    switch (kind) {
    case ArgKind::None:
        return "none";
    case ArgKind::Int:
        return "int";
    case ArgKind::UInt:
        return "uint";
    case ArgKind::Fd:
        return "fd";
    case ArgKind::DirFd:
        return "dirfd";
    case ArgKind::Path:
        return "path";
    case ArgKind::String:
        return "string";
    case ArgKind::Size:
        return "size";
    case ArgKind::Ptr:
        return "ptr";
    case ArgKind::Stat:
        return "stat-struct";
    case ArgKind::Rlimit:
        return "rlimit-struct";
    case ArgKind::Statx:
        return "statx-struct";
    case ArgKind::Sockaddr:
        return "sockaddr";
    case ArgKind::Dirents:
        return "dirents";
    case ArgKind::SigSet:
        return "sigset";
    case ArgKind::SigAction:
        return "sigaction-struct";
    case ArgKind::Timespec:
        return "timespec";
    case ArgKind::WaitStatus:
        return "wait-status";
    case ArgKind::FdPair:
        return "fd-pair";
    case ArgKind::Utsname:
        return "utsname-struct";
    case ArgKind::Sysinfo:
        return "sysinfo-struct";
    case ArgKind::GidArray:
        return "gid-array";
    case ArgKind::CpuSet:
        return "cpu-set";
    case ArgKind::SockLen:
        return "socklen";
    case ArgKind::PollFds:
        return "pollfds";
    case ArgKind::Statfs:
        return "statfs-struct";
    case ArgKind::SockOptVal:
        return "sockopt-value";
    case ArgKind::SockOptLen:
        return "sockopt-len";
    case ArgKind::IoctlArg:
        return "ioctl-arg";
    case ArgKind::Itimerval:
        return "itimerval";
    case ArgKind::Itimerspec:
        return "itimerspec";
    case ArgKind::SigFrame:
        return "sigframe";
    case ArgKind::Flags:
        return "flags";
    case ArgKind::Mode:
        return "mode";
    case ArgKind::Signal:
        return "signal";
    case ArgKind::Pid:
        return "pid";
    case ArgKind::Clock:
        return "clock";
    case ArgKind::Offset:
        return "offset";
    case ArgKind::Buffer:
        return "buffer";
    case ArgKind::HexBuffer:
        return "hex-buffer";
    case ArgKind::Hex:
        return "hex";
    case ArgKind::StringArray:
        return "string-array";
    case ArgKind::EnvArray:
        return "env-array";
    }
    return "unknown";
}

std::string_view flagSetName(FlagSet set) {
    static constexpr std::string_view kNames[] = {"none",
                                                  "open-flags",
                                                  "access-mode",
                                                  "at-flags",
                                                  "mmap-prot",
                                                  "mmap-flags",
                                                  "clone-flags",
                                                  "wait-options",
                                                  "whence",
                                                  "sigprocmask-how",
                                                  "fcntl-cmd",
                                                  "arch-prctl-code",
                                                  "futex-op",
                                                  "prctl-option",
                                                  "socket-family",
                                                  "socket-type",
                                                  "pipe-flags",
                                                  "mremap-flags",
                                                  "msync-flags",
                                                  "madvise-advice",
                                                  "rlimit-resource",
                                                  "unlink-at-flags",
                                                  "rename-flags",
                                                  "epoll-ctl-op",
                                                  "eventfd-flags",
                                                  "memfd-flags",
                                                  "getrandom-flags",
                                                  "close-range-flags",
                                                  "statx-mask",
                                                  "socket-level",
                                                  "shutdown-how",
                                                  "itimer-which",
                                                  "timer-flags",
                                                  "prio-which",
                                                  "sched-policy",
                                                  "personality",
                                                  "rusage-who",
                                                  "id-type",
                                                  "mlockall-flags",
                                                  "ipc-flags",
                                                  "ipc-cmd",
                                                  "msg-flags",
                                                  "splice-flags",
                                                  "seccomp-op",
                                                  "bpf-cmd",
                                                  "membarrier-cmd",
                                                  "fadvise-advice",
                                                  "inotify-mask",
                                                  "inotify-init-flags",
                                                  "timerfd-flags",
                                                  "signalfd-flags",
                                                  "unshare-flags",
                                                  "ptrace-request",
                                                  "reboot-magic",
                                                  "read-write-flags",
                                                  "flock-op",
                                                  "kcmp-type",
                                                  "mount-flags",
                                                  "umount-flags",
                                                  "xattr-flags",
                                                  "epoll-create-flags",
                                                  "statx-flags",
                                                  "faccessat2-flags",
                                                  "fcntl-fd-flags",
                                                  "mempolicy-mode",
                                                  "mbind-flags",
                                                  "sync-file-range-flags",
                                                  "hex32",
                                                  "shmget-flags",
                                                  "shmat-flags",
                                                  "shmctl-cmd",
                                                  "semctl-cmd",
                                                  "msgctl-cmd",
                                                  "msgq-flags",
                                                  "swap-flags",
                                                  "delete-module-flags",
                                                  "get-mempolicy-flags",
                                                  "setns-flags",
                                                  "fallocate-mode",
                                                  "io-uring-enter-flags",
                                                  "open-tree-flags",
                                                  "move-mount-flags",
                                                  "fsopen-flags",
                                                  "fsmount-flags",
                                                  "mount-attr-flags",
                                                  "fspick-flags",
                                                  "pidfd-open-flags",
                                                  "mount-setattr-flags",
                                                  "landlock-create-flags",
                                                  "cloexec-flags",
                                                  "membarrier-flags",
                                                  "mlock2-flags",
                                                  "pkey-access",
                                                  "kexec-file-flags",
                                                  "userfaultfd-flags",
                                                  "finit-module-flags",
                                                  "perf-event-flags",
                                                  "name-to-handle-flags",
                                                  "fan-mark-flags",
                                                  "fan-event-mask"};
    static_assert(std::size(kNames) == static_cast<std::size_t>(FlagSet::Count_));
    auto k = static_cast<std::size_t>(set);
    return k < std::size(kNames) ? kNames[k] : std::string_view("unknown");
}

std::vector<std::string_view> classNames(std::uint16_t classes) {
    static constexpr std::string_view kNames[16] = {
        "file",  "desc", "network", "process", "signal", "ipc",    "memory",  "creds",
        "clock", "stat", "lstat",   "fstat",   "%stat",  "statfs", "fstatfs", "%statfs"};
    std::vector<std::string_view> out;
    for (int bit = 0; bit < 16; ++bit) {
        if (classes & (1u << bit)) {
            out.push_back(kNames[bit]);
        }
    }
    return out;
}

std::vector<std::string_view> behaviourNames(std::uint8_t behaviour) {
    static constexpr std::string_view kNames[5] = {"changes-memory-map", "never-fails", "exec",
                                                   "exit", "fork"};
    std::vector<std::string_view> out;
    for (int bit = 0; bit < 5; ++bit) {
        if (behaviour & (1u << bit)) {
            out.push_back(kNames[bit]);
        }
    }
    return out;
}

} // namespace syscope
