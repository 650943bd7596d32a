// The kernel side of a syscall's road on x86_64, looked up in /proc/kallsyms: the entry point the
// instruction jumps to, the C function it calls, the dispatcher that turns the number into a
// handler (since Linux 6.9 a switch in x64_sys_call, before that the sys_call_table array), and
// the handler itself (__x64_sys_openat, __ia32_sys_*, __ia32_compat_sys_*).
#pragma once

#include "kernel/Kallsyms.h"
#include "trace/Event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

// One place on the road; `symbol` is empty when no candidate exists in this kernel.
struct KernelPlace {
    std::string symbol;
    std::uint64_t address = 0; // 0: hidden or not found
    bool found() const { return !symbol.empty(); }
};

// The kernel's handler names for one syscall, best first: e.g. {"__x64_sys_openat"} or, for
// i386, {"__ia32_compat_sys_openat", "__ia32_sys_openat"}. Empty when the kernel has no handler
// for the number (sys_ni_syscall: the call fails with ENOSYS).
std::vector<std::string> handlerCandidates(Arch arch, std::string_view syscallName);

struct SyscallHandler {
    KernelPlace handler;         // the first candidate the kernel has
    bool notImplemented = false; // no candidate: the dispatcher falls back to sys_ni_syscall
    KernelPlace niSyscall;       // __x64_sys_ni_syscall / __ia32_sys_ni_syscall, if present
};

SyscallHandler findHandler(const Kallsyms& kallsyms, Arch arch, std::string_view syscallName);

struct KernelEntryPath {
    KernelPlace entry;      // entry_SYSCALL_64; i386: entry_INT80_compat or asm_int80_emulation
    KernelPlace cEntry;     // do_syscall_64; i386: do_int80_syscall_32 / do_int80_emulation
    KernelPlace dispatcher; // x64_sys_call (>= 6.9) or sys_call_table
    bool switchDispatch = false; // the dispatcher is a switch (x64_sys_call), not an array
    std::optional<std::uint64_t> textBase;
};

KernelEntryPath findEntryPath(const Kallsyms& kallsyms, Arch arch);

} // namespace syscope
