// Renders one event on one line exactly as strace 6.1 prints it:
//   openat(AT_FDCWD, "/etc/hostname", O_RDONLY|O_CLOEXEC) = 3
//   openat(AT_FDCWD, "/nope", O_RDONLY) = -1 ENOENT (No such file or directory)
//   read(3, 0x7ffd..., 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)
//   read(3,  <unfinished ...>) = ?                 (killed while blocked)
//   clock_gettime@vdso(CLOCK_MONOTONIC, 0x7ffd...) = 0   (a vDSO call; strace cannot see these)
// Every syscall number is checked against strace's own output in tests/syscalls. What strace
// decodes from tracee memory that syscope does not capture (structs such as stat buffers,
// sockaddrs, sigsets, iovecs) is shown as the address, exactly as strace shows it when the
// memory cannot be read; paths, strings, buffers and execve's argv come from the strings the
// tracer captured (see ArgKind and SyscallInfo::outputArgs for what to capture when).
#pragma once

#include "trace/Event.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace syscope {

struct ArgString {
    std::string_view bytes;
    bool truncated = false; // the tracee's string continued past `bytes`
};

// Returns the string captured for argument `arg` (0..5) of the event being formatted, if any.
// For restart_syscall, which has no arguments, string 0 may carry the name of the interrupted
// call: `restart_syscall(<... resuming interrupted nanosleep ...>)`.
using StringLookup = std::function<std::optional<ArgString>(int arg)>;

// "name(args)": the call without its return value.
std::string formatCall(const SyscallEvent& e, const StringLookup& strings);
// The part after "= ": "3", "-1 ENOENT (No such file or directory)", "?",
// "? ERESTARTSYS (To be restarted if SA_RESTART is set)", "0x7f..." for mmap.
// With `strings`, also what strace explains from memory the call filled: poll's
// "1 ([{fd=3, revents=POLLIN}])" (ArgKind::PollFds).
std::string formatReturn(const SyscallEvent& e, const StringLookup* strings = nullptr);
// The whole strace line without padding: `openat(AT_FDCWD, "/x", O_RDONLY) = 3`.
std::string formatSyscall(const SyscallEvent& e, const StringLookup& strings);
// As strace pads: the call, then spaces up to column 40, then the return part.
std::string formatSyscallPadded(const SyscallEvent& e, const StringLookup& strings);

// strace's line for a delivered signal (`--- SIGCHLD {si_signo=SIGCHLD, ...} ---`), a group-stop
// (`--- stopped by SIGSTOP ---`) or a task's end (`+++ exited with 0 +++`, `+++ killed by SIGSEGV
// (core dumped) +++`); empty for the other kinds. A signal whose siginfo is unknown shows as
// `--- SIGCHLD ---`, or with `siginfoAlways` as `--- SIGCHLD {si_signo=SIGCHLD} ---` (strace
// always prints the braces).
std::string formatProcessLine(const ProcessEvent& p, bool siginfoAlways = false);

// A quoted C string as strace prints it: "a\nb\"\377"; truncated strings get `...` after the
// closing quote.
std::string escapeString(std::string_view bytes, bool truncated);
// The same with every byte written as \xNN.
std::string escapeStringHex(std::string_view bytes, bool truncated);

// The strace-like name of an event's call: "openat", "syscall_0x1c3", "clock_gettime@vdso".
std::string eventName(const SyscallEvent& e);
// "clock_gettime" for VdsoFunction::ClockGettime; empty for an unknown value.
std::string_view vdsoFunctionName(VdsoFunction f);
// "__vdso_clock_gettime" or "clock_gettime" -> ClockGettime.
std::optional<VdsoFunction> vdsoFunctionFromSymbol(std::string_view symbol);

// Longest string shown for buffers and plain C strings (strace's default -s 32) and for paths
// (PATH_MAX - 1); longer captured bytes are cut and shown with `...`.
inline constexpr std::size_t kMaxStringShown = 32;
inline constexpr std::size_t kMaxPathShown = 4095;
// Longest part of a string array (execve's argv) shown before `...`.
inline constexpr std::size_t kMaxArrayShown = 32;

// "NULL" or "0x7ffd1234".
std::string formatPointer(std::uint64_t p);

} // namespace syscope
