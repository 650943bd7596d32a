/* Shared helpers of the traced test programs: raw syscalls that glibc cannot merge or skip. */
#ifndef SYSCOPE_TEST_COMMON_H
#define SYSCOPE_TEST_COMMON_H

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* getppid through the syscall instruction: one traced call per invocation, never cached. */
static inline long raw_getppid(void) {
    return syscall(SYS_getppid);
}

static inline void die(const char* what) {
    perror(what);
    exit(99);
}

#endif
