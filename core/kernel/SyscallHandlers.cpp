#include "kernel/SyscallHandlers.h"

#include <array>

namespace syscope {
namespace {

struct Alias {
    Arch arch;
    std::string_view name;   // the syscall as the table names it
    std::string_view kernel; // the sys_* name in the kernel's syscall_*.tbl
};

// Where arch/x86/entry/syscalls/syscall_{64,32}.tbl gives a syscall an entry point whose name
// differs from the syscall's own (checked against /proc/kallsyms of a 6.18 kernel).
constexpr std::array kAliases{
    Alias{Arch::X86_64, "umount2", "umount"},
    Alias{Arch::I386, "umount2", "umount"},
    Alias{Arch::I386, "oldstat", "stat"},
    Alias{Arch::I386, "oldfstat", "fstat"},
    Alias{Arch::I386, "oldlstat", "lstat"},
    Alias{Arch::I386, "oldolduname", "olduname"},
    Alias{Arch::I386, "readdir", "old_readdir"},
    Alias{Arch::I386, "_llseek", "llseek"},
    Alias{Arch::I386, "_newselect", "select"},
    Alias{Arch::I386, "ugetrlimit", "getrlimit"},
    Alias{Arch::I386, "mmap2", "mmap_pgoff"},
    Alias{Arch::I386, "truncate64", "ia32_truncate64"},
    Alias{Arch::I386, "ftruncate64", "ia32_ftruncate64"},
    Alias{Arch::I386, "stat64", "ia32_stat64"},
    Alias{Arch::I386, "lstat64", "ia32_lstat64"},
    Alias{Arch::I386, "fstat64", "ia32_fstat64"},
    Alias{Arch::I386, "fstatat64", "ia32_fstatat64"},
    Alias{Arch::I386, "lchown32", "lchown"},
    Alias{Arch::I386, "getuid32", "getuid"},
    Alias{Arch::I386, "getgid32", "getgid"},
    Alias{Arch::I386, "geteuid32", "geteuid"},
    Alias{Arch::I386, "getegid32", "getegid"},
    Alias{Arch::I386, "setreuid32", "setreuid"},
    Alias{Arch::I386, "setregid32", "setregid"},
    Alias{Arch::I386, "getgroups32", "getgroups"},
    Alias{Arch::I386, "setgroups32", "setgroups"},
    Alias{Arch::I386, "fchown32", "fchown"},
    Alias{Arch::I386, "setresuid32", "setresuid"},
    Alias{Arch::I386, "getresuid32", "getresuid"},
    Alias{Arch::I386, "setresgid32", "setresgid"},
    Alias{Arch::I386, "getresgid32", "getresgid"},
    Alias{Arch::I386, "chown32", "chown"},
    Alias{Arch::I386, "setuid32", "setuid"},
    Alias{Arch::I386, "setgid32", "setgid"},
    Alias{Arch::I386, "setfsuid32", "setfsuid"},
    Alias{Arch::I386, "setfsgid32", "setfsgid"},
    Alias{Arch::I386, "clock_gettime64", "clock_gettime"},
    Alias{Arch::I386, "clock_settime64", "clock_settime"},
    Alias{Arch::I386, "clock_adjtime64", "clock_adjtime"},
    Alias{Arch::I386, "clock_getres_time64", "clock_getres"},
    Alias{Arch::I386, "clock_nanosleep_time64", "clock_nanosleep"},
    Alias{Arch::I386, "timer_gettime64", "timer_gettime"},
    Alias{Arch::I386, "timer_settime64", "timer_settime"},
    Alias{Arch::I386, "timerfd_gettime64", "timerfd_gettime"},
    Alias{Arch::I386, "timerfd_settime64", "timerfd_settime"},
    Alias{Arch::I386, "utimensat_time64", "utimensat"},
    Alias{Arch::I386, "mq_timedsend_time64", "mq_timedsend"},
    Alias{Arch::I386, "mq_timedreceive_time64", "mq_timedreceive"},
    Alias{Arch::I386, "semtimedop_time64", "semtimedop"},
    Alias{Arch::I386, "futex_time64", "futex"},
    Alias{Arch::I386, "sched_rr_get_interval_time64", "sched_rr_get_interval"},
};

// Numbers the kernel reserves without a handler (sys_ni_syscall).
constexpr std::array<std::string_view, 25> kNotImplemented{
    "_sysctl",        "create_module",  "get_kernel_syms",
    "query_module",   "nfsservctl",     "getpmsg",
    "putpmsg",        "afs_syscall",    "tuxcall",
    "security",       "lookup_dcookie", "epoll_ctl_old",
    "epoll_wait_old", "vserver",        "break",
    "stty",           "gtty",           "ftime",
    "prof",           "lock",           "mpx",
    "ulimit",         "profil",         "idle",
    "bdflush"};

std::string_view kernelName(Arch arch, std::string_view name) {
    const Arch table = arch == Arch::X32 ? Arch::X86_64 : arch;
    for (const Alias& a : kAliases) {
        if (a.arch == table && a.name == name) {
            return a.kernel;
        }
    }
    return name;
}

KernelPlace place(const KernelSymbol* s) {
    KernelPlace p;
    if (s) {
        p.symbol = s->name;
        p.address = s->address;
    }
    return p;
}

} // namespace

std::vector<std::string> handlerCandidates(Arch arch, std::string_view syscallName) {
    for (auto n : kNotImplemented) {
        if (n == syscallName) {
            return {};
        }
    }
    const std::string base(kernelName(arch, syscallName));
    switch (arch) {
    case Arch::X86_64:
        return {"__x64_sys_" + base};
    case Arch::X32:
        return {"__x32_compat_sys_" + base, "__x64_sys_" + base};
    case Arch::I386:
        // A compat handler converts 32-bit structures; calls without any use the native one.
        return {"__ia32_compat_sys_" + base, "__ia32_sys_" + base};
    }
    return {};
}

SyscallHandler findHandler(const Kallsyms& kallsyms, Arch arch, std::string_view syscallName) {
    SyscallHandler h;
    const auto candidates = handlerCandidates(arch, syscallName);
    for (const std::string& c : candidates) {
        if (const KernelSymbol* s = kallsyms.find(c)) {
            h.handler = place(s);
            break;
        }
    }
    if (!h.handler.found()) {
        h.notImplemented = candidates.empty() || kallsyms.size() > 0;
        h.niSyscall = place(arch == Arch::I386
                                ? kallsyms.findFirst({"__ia32_sys_ni_syscall", "sys_ni_syscall"})
                                : kallsyms.findFirst({"__x64_sys_ni_syscall", "sys_ni_syscall"}));
    }
    return h;
}

KernelEntryPath findEntryPath(const Kallsyms& kallsyms, Arch arch) {
    KernelEntryPath p;
    if (arch == Arch::I386) {
        // int $0x80: an IDT entry; since 6.7 the asm_int80_emulation path replaced
        // entry_INT80_compat on kernels built with IA32 emulation.
        p.entry = place(kallsyms.findFirst({"entry_INT80_compat", "asm_int80_emulation"}));
        p.cEntry = place(kallsyms.findFirst({"do_int80_syscall_32", "do_int80_emulation"}));
        const KernelSymbol* sw = kallsyms.find("ia32_sys_call");
        p.switchDispatch = sw != nullptr;
        p.dispatcher = place(sw ? sw : kallsyms.find("ia32_sys_call_table"));
    } else {
        p.entry = place(kallsyms.find("entry_SYSCALL_64"));
        p.cEntry = place(kallsyms.find("do_syscall_64"));
        const KernelSymbol* sw = kallsyms.find(arch == Arch::X32 ? "x32_sys_call" : "x64_sys_call");
        p.switchDispatch = sw != nullptr;
        p.dispatcher = place(
            sw ? sw : kallsyms.find(arch == Arch::X32 ? "x32_sys_call_table" : "sys_call_table"));
    }
    p.textBase = kallsyms.textBase();
    return p;
}

} // namespace syscope
