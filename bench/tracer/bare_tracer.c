/* The floor for the tracer benchmark: a tracer that makes exactly the stops and ptrace requests
 * syscope makes for a launched command (the same seccomp filter for "everything", the same
 * skipped stops: no entry stop for exit/exit_group, no exit stop after a fork event; on a CPU
 * shared with its command, the same yield after resuming a lone task) and records nothing. What
 * syscope costs beyond this is its own work: decoding, events, the file.
 *
 *   bare_tracer COMMAND [ARGS...] */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PTRACE_GET_SYSCALL_INFO
#define PTRACE_GET_SYSCALL_INFO 0x420e
#endif

enum { kMaxTid = 1 << 22 };

static unsigned char inSyscall[kMaxTid];

static void installFilter(void) {
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 60, 2, 0),  /* exit */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 231, 1, 0), /* exit_group */
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {sizeof code / sizeof code[0], code};
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        _exit(126);
    }
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bare_tracer COMMAND [ARGS...]\n");
        return 2;
    }
    const pid_t child = fork();
    if (child == 0) {
        kill(getpid(), SIGSTOP); /* until the tracer holds us */
        installFilter();
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    const long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |
                         PTRACE_O_TRACESECCOMP | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
                         PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL;
    if (ptrace(PTRACE_SEIZE, child, NULL, (void*)options) != 0) {
        perror("bare_tracer: PTRACE_SEIZE");
        return 1;
    }
    kill(child, SIGCONT);
    /* Run under taskset with one CPU, tracer and command share it (syscope pins both itself). */
    cpu_set_t cpus;
    const int sharesCpu = sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) == 1;
    int tasks = 1;
    int exitCode = 1;
    unsigned char info[88];
    for (;;) {
        int status = 0;
        const pid_t tid = (pid_t)syscall(SYS_wait4, -1, &status, __WALL | __WNOTHREAD, NULL);
        if (tid < 0) {
            if (errno == EINTR) {
                continue;
            }
            break; /* ECHILD: everything ended */
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            --tasks;
            if (tid == child) {
                exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            continue;
        }
        const int sig = WSTOPSIG(status);
        const int event = status >> 16;
        unsigned char* in = &inSyscall[tid % kMaxTid];
        int request = PTRACE_CONT;
        int inject = 0;
        if (event == PTRACE_EVENT_SECCOMP) {
            ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void*)sizeof info, info);
            *in = 1;
            request = PTRACE_SYSCALL;
        } else if (sig == (SIGTRAP | 0x80)) {
            ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void*)sizeof info, info);
            *in = 0;
        } else if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_CLONE ||
                   event == PTRACE_EVENT_VFORK) {
            unsigned long message = 0;
            ptrace(PTRACE_GETEVENTMSG, tid, NULL, &message);
            ++tasks;
            *in = event == PTRACE_EVENT_VFORK; /* a vfork parent still exits normally */
            request = *in ? PTRACE_SYSCALL : PTRACE_CONT;
        } else if (event == PTRACE_EVENT_EXIT) {
            struct user_regs_struct regs; /* orig_rax, cs and rdi: the exit call and status */
            ptrace(PTRACE_GETREGS, tid, NULL, &regs);
            *in = 0;
        } else if (event == PTRACE_EVENT_STOP || event == PTRACE_EVENT_EXEC) {
            request = *in ? PTRACE_SYSCALL : PTRACE_CONT;
        } else { /* a signal: passed on (the workloads make no group-stops) */
            siginfo_t si;
            ptrace(PTRACE_GETSIGINFO, tid, NULL, &si);
            inject = sig;
        }
        ptrace(request, tid, NULL, (void*)(long)inject);
        if (sharesCpu && tasks == 1) {
            sched_yield();
        }
    }
    return exitCode;
}
