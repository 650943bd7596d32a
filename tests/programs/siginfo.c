/* One signal of each siginfo form strace decodes differently, all handled, so that the tests can
 * compare the recorder's "--- SIG... {...} ---" lines with strace's own:
 *  1. SIGUSR1 from kill (SI_USER: si_pid, si_uid)
 *  2. SIGUSR2 from tgkill (SI_TKILL)
 *  3. SIGRTMIN+1 from sigqueue with a value (SI_QUEUE: si_int, si_ptr)
 *  4. SIGALRM from a POSIX timer with a value (SI_TIMER: si_timerid, si_overrun, si_int, si_ptr)
 *  5. SIGIO from a pipe in O_ASYNC mode with F_SETSIG (POLL_IN: si_band, si_fd)
 *  6. SIGTRAP from int3 (SI_KERNEL)
 *  7. SIGSYS from a seccomp filter's SECCOMP_RET_TRAP with data 5 (si_errno=5, si_call_addr,
 *     si_syscall, si_arch)
 *  8. SIGSEGV from a write to an unmapped page (SEGV_MAPERR, si_addr)
 *  9. SIGBUS from a read past the end of a mapped empty file (BUS_ADRERR, si_addr)
 * 10. SIGCHLD from a child's exit (CLD_EXITED: si_status, si_utime, si_stime)
 * Exit 0 when every handler ran. */
#include "common.h"

#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>

static volatile sig_atomic_t seen;
static sigjmp_buf back;

static void onSignal(int sig) {
    (void)sig;
    ++seen;
}

static void onFault(int sig) {
    (void)sig;
    ++seen;
    siglongjmp(back, 1);
}

static void handle(int sig, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    if (sigaction(sig, &sa, NULL) != 0) {
        die("sigaction");
    }
}

int main(void) {
    const int signals[] = {SIGUSR1, SIGUSR2, SIGRTMIN + 1, SIGALRM,
                           SIGIO,   SIGTRAP, SIGSYS,       SIGCHLD};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; ++i) {
        handle(signals[i], onSignal);
    }
    handle(SIGSEGV, onFault);
    handle(SIGBUS, onFault);

    kill(getpid(), SIGUSR1);
    syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR2);
    sigqueue(getpid(), SIGRTMIN + 1, (union sigval){.sival_int = 7});

    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGALRM;
    ev.sigev_value.sival_int = 9;
    timer_t timer;
    if (timer_create(CLOCK_MONOTONIC, &ev, &timer) != 0) {
        die("timer_create");
    }
    struct itimerspec in;
    memset(&in, 0, sizeof in);
    in.it_value.tv_nsec = 1000000;
    timer_settime(timer, 0, &in, NULL);
    while (seen < 4) {
        pause();
    }

    int fds[2];
    if (pipe(fds) != 0) {
        die("pipe");
    }
    fcntl(fds[0], F_SETOWN, getpid());
    fcntl(fds[0], F_SETSIG, SIGIO);
    fcntl(fds[0], F_SETFL, O_ASYNC | O_NONBLOCK);
    if (write(fds[1], "x", 1) != 1) {
        die("write");
    }
    while (seen < 5) {
        pause();
    }

    __asm__ volatile("int3");

    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP | 5),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {sizeof code / sizeof code[0], code};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        die("seccomp");
    }
    raw_getppid();

    char* unmapped = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(unmapped, 4096);
    if (sigsetjmp(back, 1) == 0) {
        *(volatile char*)unmapped = 1;
    }
    FILE* empty = tmpfile();
    if (!empty) {
        die("tmpfile");
    }
    volatile char* past = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fileno(empty), 0);
    if (past == MAP_FAILED) {
        die("mmap");
    }
    if (sigsetjmp(back, 1) == 0) {
        (void)past[0];
    }

    const pid_t child = fork();
    if (child == 0) {
        _exit(3);
    }
    while (seen < 10) {
        pause();
    }
    waitpid(child, NULL, 0);
    return seen == 10 ? 0 : 1;
}
