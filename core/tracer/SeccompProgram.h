// The classic-BPF program that makes the kernel stop a tracee only for the syscalls a filter
// selects (SECCOMP_RET_TRACE) and lets all others run untouched, as strace --seccomp-bpf does.
#pragma once

#include "syscalls/SyscallFilter.h"

#include <vector>

namespace syscope {

inline constexpr int kExitX86_64 = 60;
inline constexpr int kExitGroupX86_64 = 231;
inline constexpr int kCloneX86_64 = 56;
inline constexpr int kCloneI386 = 120;
inline constexpr int kClone3Nr = 435; // the same number on x86_64 and i386
inline constexpr unsigned kCloneUntraced = 0x00800000;
inline constexpr int kSeccompX86_64 = 317;
inline constexpr int kSeccompI386 = 354;
inline constexpr int kPrctlX86_64 = 157;
inline constexpr int kPrctlI386 = 172;
inline constexpr unsigned kPrSetSeccomp = 22;

// An array of struct sock_filter as bytes. The 64-bit exit and exit_group are never selected:
// the tracer records them at their PTRACE_EVENT_EXIT stop. clone3, clone with CLONE_UNTRACED,
// seccomp and prctl(PR_SET_SECCOMP) always are.
std::vector<unsigned char> buildSeccompProgram(const SyscallFilter& filter);

} // namespace syscope
