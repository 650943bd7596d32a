// The few syscall numbers that change what the tracer does (not only how a call is shown), for
// the two arches it stops: the seccomp program, exec, clone and exit handling, restarts and
// signal returns read them from here. Everything else about a call comes from SyscallTable;
// tst_syscalltable checks every number here against the tables' names.
#pragma once

#include "trace/Event.h"

namespace syscope {

struct SyscallNumbers {
    int restartSyscall;
    int exit;
    int execve;
    int rtSigreturn;
    int clone;
    int prctl;
    int exitGroup;
    int seccomp;
    int execveat;
    int clone3;
};

inline constexpr SyscallNumbers kNrX86_64{.restartSyscall = 219,
                                          .exit = 60,
                                          .execve = 59,
                                          .rtSigreturn = 15,
                                          .clone = 56,
                                          .prctl = 157,
                                          .exitGroup = 231,
                                          .seccomp = 317,
                                          .execveat = 322,
                                          .clone3 = 435};

inline constexpr SyscallNumbers kNrI386{.restartSyscall = 0,
                                        .exit = 1,
                                        .execve = 11,
                                        .rtSigreturn = 173,
                                        .clone = 120,
                                        .prctl = 172,
                                        .exitGroup = 252,
                                        .seccomp = 354,
                                        .execveat = 358,
                                        .clone3 = 435};

// x32 calls are recorded and shown but never acted on: they get the x86_64 numbers, which an
// x32 number (with its high bit) never equals.
constexpr const SyscallNumbers& syscallNumbers(Arch arch) {
    return arch == Arch::I386 ? kNrI386 : kNrX86_64;
}

} // namespace syscope
