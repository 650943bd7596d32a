// The classic-BPF program that makes the kernel stop a tracee only for the syscalls a filter
// selects (SECCOMP_RET_TRACE) and lets all others run untouched, as strace --seccomp-bpf does.
#pragma once

#include "syscalls/SyscallFilter.h"
#include "syscalls/SyscallNumbers.h"

#include <vector>

namespace syscope {

inline constexpr unsigned kCloneUntraced = 0x00800000;
inline constexpr unsigned kPrSetSeccomp = 22;

// An array of struct sock_filter as bytes. The 64-bit exit and exit_group are never selected:
// the tracer records them at their PTRACE_EVENT_EXIT stop. clone3, clone with CLONE_UNTRACED,
// seccomp and prctl(PR_SET_SECCOMP) always are.
std::vector<unsigned char> buildSeccompProgram(const SyscallFilter& filter);

} // namespace syscope
