// What syscope knows about each syscall number: name, arguments, categories and behaviour.
// The tables are declarative, one row per number (like strace's syscallent.h), and a test
// cross-checks them against the kernel headers of the build machine.
#pragma once

#include "trace/Event.h"

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace syscope {

// How one argument is to be shown.
enum class ArgKind : std::uint8_t {
    // Not shown. Inside argCount it marks a register strace does not show (the always-zero high
    // half of preadv2's offset); on i386 an Offset or Size followed by None is one 64-bit value
    // split across two registers, low half first.
    None,
    Int,    // signed int, decimal
    UInt,   // unsigned, decimal
    Fd,     // int file descriptor, decimal
    DirFd,  // int dirfd of the *at() calls: AT_FDCWD by name
    Path,   // NUL-terminated path string read from the tracee
    String, // other NUL-terminated C string read from the tracee
    Size,   // size_t / length, unsigned decimal
    // address: hex, NULL for 0. A captured string, if any, holds the argument already rendered
    // the way strace shows it (the structs and arrays of an imported strace log).
    Ptr,
    Flags,  // symbolic, see the FlagSet of the argument
    Mode,   // file mode bits, octal with a leading 0
    Signal, // signal number: SIGKILL
    Pid,    // pid_t, decimal
    Clock,  // clockid_t: CLOCK_MONOTONIC
    Offset, // off_t / loff_t, signed decimal
    Buffer, // bytes in tracee memory whose length is the next argument (for reads: the return
            // value); shown as a quoted string when captured, else as an address
    Hex,    // an unsigned value best read in hex (ioctl requests, mmap offsets): 0 or 0x...
    // Like Buffer, shown with every byte as \xNN, as strace shows random bytes (getrandom).
    HexBuffer,
    // NULL-terminated array of C strings (execve's argv). Captured as the elements, each
    // followed by a NUL byte; at least kMaxStringShown + 1 bytes of each element and
    // kMaxArrayShown + 1 elements are needed to render exactly what strace shows (set
    // `truncated` when elements were left out).
    StringArray,
    // execve's envp: captured like StringArray; shown as its address and the count of entries
    // ("0x7ffd... /* 37 vars */"), so capturing the entries' first bytes is enough.
    EnvArray,
    // struct stat (x86_64 layout): captured as its rendering, strace's short form
    // ("{st_mode=S_IFREG|0644, st_size=42, ...}"); an address when not captured.
    Stat,
    // struct rlimit64 (also x86_64's struct rlimit): captured as its rendering,
    // "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}"; an address when not captured.
    Rlimit,
    // struct statx: captured as strace's short form, "{stx_mask=STATX_BASIC_STATS,
    // stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=42, ...}".
    Statx,
    // A socket address whose length is the next argument: captured as strace renders it for
    // AF_UNIX, AF_INET, AF_INET6 and AF_NETLINK ("{sa_family=AF_INET, sin_port=htons(53), ...}").
    Sockaddr,
    // getdents' directory entries: captured as the address and their count, as strace shows
    // them ("0x5642... /* 4 entries */").
    Dirents,
    // A kernel sigset_t (8 bytes): captured as strace's "[CHLD USR1]" or "~[RTMIN RT_1]".
    SigSet,
    // The x86_64 kernel's struct sigaction: captured as "{sa_handler=SIG_DFL, sa_mask=[],
    // sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f...}".
    SigAction,
    // struct timespec (64-bit): captured as "{tv_sec=1, tv_nsec=500}".
    Timespec,
    // wait4's status: captured as "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]" when a child was
    // reported (the call returned a pid).
    WaitStatus,
    // int[2] of file descriptors (pipe, pipe2, socketpair): captured as "[3, 4]".
    FdPair,
    // rt_sigreturn's signal frame (not a register argument): captured at entry as the mask it
    // restores, "{mask=[]}" as strace shows it; nothing at all when not captured.
    SigFrame,
    // struct utsname: captured as strace's short form, "{sysname="Linux", nodename="vm", ...}".
    Utsname,
    // struct sysinfo (x86_64 layout): captured as "{uptime=52426, loads=[233920, 142432,
    // 76576], totalram=..., ..., mem_unit=1}".
    Sysinfo,
    // getgroups' list of 32-bit gids, as many as the call returned: captured as "[0, 4, 24]".
    GidArray,
    // sched_getaffinity's CPU mask, as many bytes as the call returned: captured as the numbers
    // of the CPUs in it, "[0 1]".
    CpuSet,
    // The socklen_t that follows a socket address the kernel fills (getsockname, accept,
    // recvfrom): captured at entry as "[128]" when both pointers are set, and at a successful
    // exit as "[128 => 16]" when the kernel changed it. The address before it is captured at the
    // exit with the shorter of the two lengths.
    SockLen,
    // poll's array of struct pollfd, as many as the next argument says: captured at entry as
    // "[{fd=3, events=POLLIN}, {fd=-1}]". At a successful exit the entries with revents are
    // captured too, for the result, "1 ([{fd=3, revents=POLLIN}])", as the string of the
    // argument slot after the call's last (SyscallInfo::resultStringSlot); ppoll's with the
    // time it had left, "1 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=999000})".
    PollFds,
    // struct statfs (x86_64 layout): captured as strace prints it, "{f_type=EXT2_SUPER_MAGIC,
    // f_bsize=4096, ..., f_flags=ST_VALID|ST_RELATIME}".
    Statfs,
    // A socket option's value, for the level and name in the arguments 1 and 2 (formatSockOpt):
    // setsockopt's at entry, its length the next argument; getsockopt's at a successful exit,
    // its length what the kernel stored through the next argument (SockOptLen). "[1]",
    // "{l_onoff=1, l_linger=5}", "\"lo\\0\""; an address when not captured.
    SockOptVal,
    // getsockopt's optlen: captured at entry as "[16]", and at a successful exit as
    // "[16 => 4]" when the kernel changed it.
    SockOptLen,
    // ioctl's third argument, by its request (xlat::ioctlArgUse): the int it points to,
    // captured at entry for a request that reads it (FIONBIO: "[1]") and at a successful exit
    // for one that fills it (FIONREAD: "[3]"); otherwise shown from the register.
    IoctlArg,
    // struct itimerval (x86_64): captured as "{it_interval={tv_sec=0, tv_usec=0},
    // it_value={tv_sec=5, tv_usec=250000}}".
    Itimerval,
    // struct itimerspec (64-bit): captured as "{it_interval={tv_sec=1, tv_nsec=0},
    // it_value={tv_sec=2, tv_nsec=500}}".
    Itimerspec,
};

// Kinds whose captured string is the argument already rendered (a struct or an array), printed
// as it is (Ptr and the struct kinds).
constexpr bool isRenderedStructKind(ArgKind kind) {
    return kind == ArgKind::Ptr || kind == ArgKind::Stat || kind == ArgKind::Rlimit ||
           kind == ArgKind::Statx || kind == ArgKind::Sockaddr || kind == ArgKind::Dirents ||
           kind == ArgKind::SigSet || kind == ArgKind::SigAction || kind == ArgKind::Timespec ||
           kind == ArgKind::WaitStatus || kind == ArgKind::FdPair || kind == ArgKind::SigFrame ||
           kind == ArgKind::Utsname || kind == ArgKind::Sysinfo || kind == ArgKind::GidArray ||
           kind == ArgKind::CpuSet || kind == ArgKind::SockLen || kind == ArgKind::PollFds ||
           kind == ArgKind::Statfs || kind == ArgKind::SockOptVal || kind == ArgKind::SockOptLen ||
           kind == ArgKind::IoctlArg || kind == ArgKind::Itimerval || kind == ArgKind::Itimerspec;
}

// The named constant sets that Flags arguments are decoded with.
enum class FlagSet : std::uint8_t {
    None,
    OpenFlags,   // O_RDONLY|O_CREAT|...
    AccessMode,  // F_OK or R_OK|W_OK|X_OK
    AtFlags,     // AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH|...
    MmapProt,    // PROT_READ|...
    MmapFlags,   // MAP_PRIVATE|MAP_ANONYMOUS|...
    CloneFlags,  // CLONE_VM|...|SIGCHLD
    WaitOptions, // WNOHANG|...
    Whence,      // SEEK_SET...
    SigprocmaskHow,
    FcntlCmd,
    ArchPrctlCode,
    FutexOp,
    PrctlOption,
    SocketFamily,
    SocketType,  // SOCK_STREAM|SOCK_CLOEXEC
    PipeFlags,   // O_CLOEXEC|O_NONBLOCK|O_DIRECT (pipe2, dup3, ...)
    MremapFlags, // MREMAP_MAYMOVE|...
    MsyncFlags,  // MS_ASYNC|...
    MadviseAdvice,
    RlimitResource,
    UnlinkAtFlags, // AT_REMOVEDIR
    RenameFlags,   // RENAME_NOREPLACE|...
    EpollCtlOp,
    EventfdFlags, // EFD_CLOEXEC|EFD_NONBLOCK|EFD_SEMAPHORE
    MemfdFlags,   // MFD_CLOEXEC|...
    GetrandomFlags,
    CloseRangeFlags,
    StatxMask,
    SocketLevel,
    ShutdownHow,
    ItimerWhich,
    TimerFlags, // TIMER_ABSTIME
    PrioWhich,
    SchedPolicy,
    Personality,
    RusageWho,
    IdType, // waitid: P_PID, ...
    MlockallFlags,
    IpcFlags, // IPC_CREAT|... plus mode bits
    IpcCmd,   // IPC_RMID, ...
    MsgFlags, // MSG_DONTWAIT|... (send/recv)
    SpliceFlags,
    SeccompOp,
    BpfCmd,
    MembarrierCmd,
    FadviseAdvice,
    InotifyMask,
    InotifyInitFlags,
    TimerfdFlags,
    SignalfdFlags,
    UnshareFlags, // CLONE_NEW*...
    PtraceRequest,
    RebootMagic,
    ReadWriteFlags, // RWF_*
    FlockOp,
    KcmpType,
    MountFlags,
    UmountFlags,
    XattrFlags,
    EpollCreateFlags, // EPOLL_CLOEXEC
    StatxFlags,       // AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH...
    Faccessat2Flags,  // AT_SYMLINK_NOFOLLOW|AT_EACCESS|AT_EMPTY_PATH
    FcntlFdFlags,     // FD_CLOEXEC
    MempolicyMode,    // MPOL_DEFAULT...
    MbindFlags,       // MPOL_MF_*
    SyncFileRangeFlags,
    Hex32, // a 32-bit flags word strace does not decode: 0 or 0x...
    ShmgetFlags,
    ShmatFlags,
    ShmctlCmd,
    SemctlCmd,
    MsgctlCmd,
    MsgqFlags, // msgsnd/msgrcv
    SwapFlags,
    DeleteModuleFlags,
    GetMempolicyFlags,
    SetnsFlags,
    FallocateMode,
    IoUringEnterFlags,
    OpenTreeFlags,
    MoveMountFlags,
    FsopenFlags,
    FsmountFlags,
    MountAttrFlags,
    FspickFlags,
    PidfdOpenFlags,
    MountSetattrFlags,
    LandlockCreateFlags,
    CloexecFlags, // memfd_secret: O_CLOEXEC
    MembarrierFlags,
    Mlock2Flags,
    PkeyAccess,
    KexecFileFlags,
    UserfaultfdFlags,
    FinitModuleFlags,
    PerfEventFlags,
    NameToHandleFlags,
    FanMarkFlags,
    FanEventMask,
    Count_
};

// Categories, with the meaning of strace's -e trace=%CLASS sets (the strace 6.1 membership was
// used as the oracle for every row). Stat/Lstat/Fstat/StatFs/FStatFs are strace's narrow sets
// (%stat is only stat/stat64/oldstat); StatLike (%%stat) and StatFsLike (%%statfs) are the wide
// ones.
namespace SyscallClass {
enum : std::uint16_t {
    File = 1 << 0,        // %file: takes a file name
    Desc = 1 << 1,        // %desc: takes or returns a file descriptor
    Network = 1 << 2,     // %network
    Process = 1 << 3,     // %process: process lifecycle (fork, exec, exit, wait, kill)
    Signal = 1 << 4,      // %signal
    Ipc = 1 << 5,         // %ipc: SysV IPC
    Memory = 1 << 6,      // %memory: memory mapping
    Creds = 1 << 7,       // %creds: uid/gid/capabilities
    Clock = 1 << 8,       // %clock: read or change system clocks
    Stat = 1 << 9,        // %stat: stat variants taking a file name
    Lstat = 1 << 10,      // %lstat
    Fstat = 1 << 11,      // %fstat: stat variants on an fd (newfstatat, statx, fstat)
    StatLike = 1 << 12,   // %%stat: every stat variant
    StatFs = 1 << 13,     // %statfs
    FStatFs = 1 << 14,    // %fstatfs
    StatFsLike = 1 << 15, // %%statfs: every statfs variant (incl. ustat)
};
}

namespace SyscallBehaviour {
enum : std::uint8_t {
    // The call may change /proc/PID/maps (strace's "memory mapping change" set: mmap, mmap2,
    // munmap, mprotect, pkey_mprotect, mremap, brk, remap_file_pages, shmat, shmdt, execve,
    // execveat; plus map_shadow_stack). madvise, mlock and mseal are not here: they only split
    // VMAs with identical permissions or change flags that /proc/PID/maps does not show.
    ChangesMemoryMap = 1 << 0,
    // Cannot fail (strace's %pure: getpid, getppid, gettid, getuid, geteuid, getgid, getegid,
    // getpgrp and the i386 *32 variants). sched_yield and umask are not in strace's set.
    NeverFails = 1 << 1,
    Exec = 1 << 2, // execve, execveat: a success does not return to the old image
    Exit = 1 << 3, // exit, exit_group: never return
    Fork = 1 << 4, // fork, vfork, clone, clone3: creates a task
};
}

inline constexpr std::uint8_t kDecodedAtEntry = 0xff;

struct SyscallInfo {
    int nr = -1;
    std::string_view name;
    std::uint8_t argCount = 0;
    std::array<ArgKind, 6> args{};
    std::array<FlagSet, 6> flagSets{}; // meaningful where args[i] == ArgKind::Flags
    std::uint16_t classes = 0;         // SyscallClass bits
    std::uint8_t behaviour = 0;        // SyscallBehaviour bits
    // Bit i set: argument i points to memory the kernel fills (read's buffer, readlink's
    // result, getcwd's path). Such Path/String/Buffer arguments are captured at syscall exit and
    // only when the call succeeded (a Buffer then holds min(return value, limit) bytes); the
    // others are captured at entry (a Buffer holds min(next argument, limit) bytes). strace
    // shows at most kMaxStringShown bytes of a buffer, so capturing more is not needed.
    std::uint8_t outputArgs = 0;
    // Where strace's decoding of this call continues at syscall exit: the index of the first
    // argument it prints only then (the lowest output argument), argCount when all arguments are
    // printed at entry but the result needs the exit (poll's revents), or kDecodedAtEntry. An
    // unfinished call shows the arguments before it and " <unfinished ...>".
    std::uint8_t exitFrom = kDecodedAtEntry;

    bool hasClass(std::uint16_t c) const { return (classes & c) != 0; }
    bool hasBehaviour(std::uint8_t b) const { return (behaviour & b) != 0; }
    bool isOutputArg(int i) const { return i >= 0 && i < 6 && (outputArgs & (1u << i)) != 0; }
    // The argument slot whose string explains the result, the one after the last argument:
    // poll's entries with revents ("1 ([{fd=3, revents=POLLIN}])", see ArgKind::PollFds). -1
    // for calls whose result has no such string.
    int resultStringSlot() const {
        return argCount > 0 && argCount < 6 && args[0] == ArgKind::PollFds ? argCount : -1;
    }
};

class SyscallTable {
public:
    // X32's table is x86_64's without the 64-bit-only numbers plus the x32 entries 512..547;
    // its lookup() accepts numbers with or without __X32_SYSCALL_BIT.
    static const SyscallTable& forArch(Arch arch);

    // nullptr for a number this table does not know.
    const SyscallInfo* lookup(int nr) const;
    std::optional<int> numberOf(std::string_view name) const;
    // Rows in ascending number order.
    std::span<const SyscallInfo> all() const { return m_rows; }
    int maxNumber() const { return m_maxNumber; }
    Arch arch() const { return m_arch; }

    SyscallTable(Arch arch, std::span<const SyscallInfo> rows);

private:
    Arch m_arch;
    std::span<const SyscallInfo> m_rows;
    std::vector<std::int16_t> m_index; // nr -> row, -1 when unknown
    // Sorted by name, for numberOf(); built on its first call (a recording never asks, and
    // sorting three tables' names was a tenth of the recorder's start).
    mutable std::vector<std::pair<std::string_view, int>> m_byName;
    mutable std::once_flag m_byNameBuilt;
    int m_maxNumber = -1;
};

inline constexpr int kX32SyscallBit = 0x40000000;

// The name of a syscall, or strace's "syscall_0x1a4" for a number the table does not know.
std::string syscallName(Arch arch, int nr);

std::string_view argKindName(ArgKind kind);
std::string_view flagSetName(FlagSet set);
// "file", "desc", ... for each bit of a SyscallClass mask, in bit order.
std::vector<std::string_view> classNames(std::uint16_t classes);
std::vector<std::string_view> behaviourNames(std::uint8_t behaviour);

} // namespace syscope
