// The classic-BPF program that makes the kernel stop a tracee only for the syscalls a filter
// selects (SECCOMP_RET_TRACE) and lets all others run untouched, as strace --seccomp-bpf does.
#pragma once

#include "syscalls/SyscallFilter.h"

#include <vector>

namespace syscope {

// An array of struct sock_filter as bytes; empty when the filter traces everything (a program
// would then only add cost).
std::vector<unsigned char> buildSeccompProgram(const SyscallFilter& filter);

} // namespace syscope
