/* Calls whose structs strace decodes: struct stat (a regular file, a character device, a sticky
 * directory, a failing call), struct statx, struct rlimit (read, and written back unchanged),
 * getdents64's entries, socket addresses (AF_UNIX path and abstract, AF_INET, AF_INET6,
 * AF_NETLINK), signal sets and actions, times, fd pairs and wait statuses, struct utsname and
 * struct sysinfo, group lists (empty, NULL, full, too short), a CPU mask, and socket addresses
 * the kernel fills with their lengths (getsockname, getpeername, recvfrom, accept, accept4, on
 * abstract AF_UNIX names, which do not change from run to run), and poll's arrays with what it
 * found (readable, writable with an error, timeout, ignored and empty entries), ppoll's too
 * (with the time left), and struct
 * statfs (proc, a pipe, a failing call), and socket options given and filled (ints, a struct,
 * strings, lengths the kernel changes, too short and NULL), and ioctl's argument by request (an
 * int given, an int filled, none, NULL, an unknown request), and the timers' structs (itimerval,
 * itimerspec; given, filled, NULL). Raw syscalls,
 * so that glibc's choice of wrapper cannot differ between two runs. */
#include "common.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <time.h>

static void onAlarm(int sig) {
    (void)sig;
}

int main(void) {
    struct stat st;
    const char* paths[] = {"/etc/passwd", "/dev/null", "/tmp", "/nonexistent/x"};
    for (int i = 0; i < 4; ++i) {
        syscall(SYS_newfstatat, AT_FDCWD, paths[i], &st, 0);
    }
    syscall(SYS_stat, "/dev/zero", &st);
    syscall(SYS_lstat, "/proc/self", &st);
    const long fd = syscall(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY);
    syscall(SYS_fstat, fd, &st);
    struct rlimit64 {
        unsigned long long cur, max;
    } limit;
    syscall(SYS_prlimit64, 0, RLIMIT_STACK, NULL, &limit);
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &limit);
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &limit, NULL);
    syscall(SYS_getrlimit, RLIMIT_CORE, &limit);
    syscall(SYS_setrlimit, RLIMIT_CORE, &limit);
    struct statx stx;
    syscall(SYS_statx, AT_FDCWD, "/etc/passwd", 0, STATX_BASIC_STATS, &stx);
    syscall(SYS_statx, AT_FDCWD, "/", 0, STATX_ALL, &stx);
    const long dir = syscall(SYS_openat, AT_FDCWD, "/etc/ssh", O_RDONLY | O_DIRECTORY);
    char entries[1 << 15];
    while (syscall(SYS_getdents64, dir, entries, sizeof entries) > 0) {
    }
    const long unixSocket = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    strcpy(un.sun_path, "/nonexistent/socket");
    syscall(SYS_connect, unixSocket, &un, sizeof un);
    memcpy(un.sun_path, "\0abstract-name", 14);
    syscall(SYS_connect, unixSocket, &un, 2 + 14);
    const long udp = syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(9)};
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    syscall(SYS_connect, udp, &in, sizeof in);
    syscall(SYS_sendto, udp, "x", 1, 0, NULL, 0);
    const long udp6 = syscall(SYS_socket, AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(443)};
    in6.sin6_addr = in6addr_loopback;
    syscall(SYS_sendto, udp6, "y", 1, 0, &in6, sizeof in6);
    const long netlink = syscall(SYS_socket, AF_NETLINK, SOCK_RAW, 0);
    struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
    syscall(SYS_bind, netlink, &nl, sizeof nl);
    // Signal sets and actions: strace writes a set with 42 or more of the 64 signals as its
    // complement; sa_flags of glibc's int is sign-extended into the kernel's unsigned long.
    unsigned long long mask = 0;
    for (int bits = 40; bits <= 43; ++bits) {
        mask = (1ULL << bits) - 1;
        syscall(SYS_rt_sigprocmask, SIG_BLOCK, &mask, NULL, 8);
    }
    mask = ~0ULL;
    syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &mask, &mask, 8);
    syscall(SYS_rt_sigpending, &mask, 8);
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_handler = SIG_IGN;
    act.sa_flags = SA_RESTART | SA_RESETHAND | SA_NOCLDSTOP;
    sigaddset(&act.sa_mask, SIGUSR1);
    sigaddset(&act.sa_mask, SIGRTMIN);
    sigaction(SIGCHLD, &act, NULL);
    sigaction(SIGCHLD, NULL, &act);
    // rt_sigreturn restores the mask from before the signal: USR2 blocked here.
    act.sa_handler = onAlarm;
    act.sa_flags = 0;
    sigemptyset(&act.sa_mask);
    sigaction(SIGALRM, &act, NULL);
    mask = 1ULL << (SIGUSR2 - 1);
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &mask, NULL, 8);
    syscall(SYS_kill, syscall(SYS_getpid), SIGALRM);
    // Times, fd pairs and wait statuses.
    struct timespec now;
    syscall(SYS_clock_getres, CLOCK_MONOTONIC, &now);
    const struct timespec pause = {0, 1000};
    syscall(SYS_nanosleep, &pause, NULL);
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &pause, NULL);
    int fds[2];
    syscall(SYS_pipe2, fds, O_CLOEXEC);
    syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, fds);
    act.sa_handler = SIG_DFL; // children to wait for, not reaped by the kernel
    sigaction(SIGCHLD, &act, NULL);
    for (int code = 0; code < 2; ++code) {
        const pid_t child = (pid_t)syscall(SYS_fork);
        if (child == 0) {
            if (code == 1) {
                syscall(SYS_kill, syscall(SYS_getpid), SIGTERM);
            }
            syscall(SYS_exit_group, 3);
        }
        int status = 0;
        syscall(SYS_wait4, child, &status, 0, NULL);
    }
    // uname, sysinfo, group lists and a CPU mask (the mask set first: a tracer may have pinned
    // the program to a CPU of its choice).
    struct utsname uts;
    syscall(SYS_uname, &uts);
    unsigned char info[112];
    syscall(SYS_sysinfo, info);
    unsigned gids[64];
    syscall(SYS_getgroups, 0, gids);
    syscall(SYS_getgroups, 0, NULL);
    const unsigned groups[] = {4, 24, 27};
    syscall(SYS_setgroups, 3, groups); /* as root; otherwise the list stays as it was */
    syscall(SYS_getgroups, 64, gids);
    syscall(SYS_getgroups, 1, gids); /* too short for the list: EINVAL, shown as the address */
    unsigned long cpus = 1;
    syscall(SYS_sched_setaffinity, 0, sizeof cpus, &cpus);
    unsigned char cpuMask[128];
    syscall(SYS_sched_getaffinity, 0, sizeof cpuMask, cpuMask);
    syscall(SYS_sched_getaffinity, 0, 1, NULL); /* fails: shown as the address */

    struct sockaddr_un receiver = {.sun_family = AF_UNIX};
    memcpy(receiver.sun_path, "\0syscope-structs-r", 18);
    struct sockaddr_un sender = receiver;
    sender.sun_path[17] = 's';
    struct sockaddr_un listener = receiver;
    listener.sun_path[17] = 'l';
    const socklen_t nameLength = offsetof(struct sockaddr_un, sun_path) + 18;
    const long r = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
    const long w = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
    syscall(SYS_bind, r, &receiver, nameLength);
    syscall(SYS_bind, w, &sender, nameLength);
    struct sockaddr_storage got;
    socklen_t gotLength = sizeof got;
    syscall(SYS_getsockname, r, &got, &gotLength); /* [128 => 20] */
    syscall(SYS_getsockname, r, &got, &gotLength); /* [20] */
    gotLength = sizeof got;
    syscall(SYS_getpeername, r, &got, &gotLength); /* ENOTCONN: the address, [128] */
    syscall(SYS_getsockname, r, &got, NULL);       /* both as pointers */
    syscall(SYS_sendto, w, "x", 1, 0, &receiver, nameLength);
    char byte;
    syscall(SYS_recvfrom, r, &byte, 1, 0, &got, &gotLength);
    syscall(SYS_recvfrom, r, &byte, 1, MSG_DONTWAIT, NULL, NULL); /* EAGAIN */
    const long l = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    syscall(SYS_bind, l, &listener, nameLength);
    syscall(SYS_listen, l, 2);
    for (int k = 0; k < 2; ++k) {
        const long c = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
        syscall(SYS_connect, c, &listener, nameLength);
    }
    gotLength = sizeof got;
    syscall(SYS_accept, l, &got, &gotLength); /* an unbound peer: {sa_family=AF_UNIX} */
    gotLength = sizeof got;
    syscall(SYS_accept4, l, &got, &gotLength, SOCK_CLOEXEC);

    int readable[2];
    int writable[2];
    syscall(SYS_pipe2, readable, 0);
    syscall(SYS_pipe2, writable, 0);
    struct pollfd polled[3] = {
        {readable[0], POLLIN, 0}, {-1, POLLIN, 0}, {writable[1], POLLOUT | POLLPRI, 0}};
    syscall(SYS_poll, polled, 3, 0);
    syscall(SYS_write, readable[1], "x", 1);
    syscall(SYS_close, writable[0]); /* the write end now reports POLLERR too */
    syscall(SYS_poll, polled, 3, 0);
    struct pollfd quiet = {readable[1], 0, 0};
    syscall(SYS_poll, &quiet, 1, 0); /* 0 (Timeout) */
    syscall(SYS_poll, NULL, 0, 0);
    /* ppoll: a timeout with a signal mask (the time left follows the result), none, and the
     * timeouts of a quiet entry */
    const struct timespec second = {1, 500};
    const struct timespec zero = {0, 0};
    sigset_t childMask;
    sigemptyset(&childMask);
    sigaddset(&childMask, SIGCHLD);
    syscall(SYS_ppoll, polled, 1, &second, &childMask, 8);
    syscall(SYS_ppoll, polled, 1, NULL, NULL, 8);
    syscall(SYS_ppoll, &quiet, 1, &zero, NULL, 8);
    syscall(SYS_ppoll, polled, 1, (void*)8, NULL, 8); /* EFAULT */

    unsigned char fs[120]; /* struct statfs */
    syscall(SYS_statfs, "/proc", fs);
    syscall(SYS_fstatfs, readable[0], fs); /* pipefs */
    syscall(SYS_statfs, "/nonexistent", fs);

    const long opt = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
    int one = 1;
    int value = 0;
    socklen_t valueLength = sizeof value;
    struct linger linger = {1, 5};
    syscall(SYS_setsockopt, opt, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    syscall(SYS_setsockopt, opt, SOL_SOCKET, SO_SNDBUF, NULL, sizeof one); /* EFAULT */
    syscall(SYS_setsockopt, opt, SOL_SOCKET, SO_SNDBUF, &one, 2);          /* too short */
    syscall(SYS_setsockopt, opt, SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    syscall(SYS_setsockopt, opt, IPPROTO_TCP, TCP_CONGESTION, "no-such-algorithm-by-this-long-name",
            35); /* ENOENT; shown as a string, cut at 32 bytes */
    syscall(SYS_getsockopt, opt, SOL_SOCKET, SO_REUSEADDR, &value, &valueLength);
    valueLength = 8;
    syscall(SYS_getsockopt, opt, SOL_SOCKET, SO_TYPE, &value, &valueLength); /* [8 => 4] */
    valueLength = 2;
    syscall(SYS_getsockopt, opt, SOL_SOCKET, SO_REUSEADDR, &value, &valueLength);
    valueLength = sizeof linger;
    syscall(SYS_getsockopt, opt, SOL_SOCKET, SO_LINGER, &linger, &valueLength);
    valueLength = 4;
    syscall(SYS_getsockopt, opt, SOL_SOCKET, SO_LINGER, &linger, &valueLength); /* {l_onoff=1} */
    valueLength = sizeof value;
    syscall(SYS_getsockopt, opt, SOL_SOCKET, SO_ERROR, &value, &valueLength);
    syscall(SYS_getsockopt, opt, SOL_SOCKET, SO_TYPE, NULL, &valueLength); /* EFAULT */
    syscall(SYS_getsockopt, opt, SOL_SOCKET, SO_TYPE, &value, NULL);       /* EFAULT */
    char congestion[16];
    valueLength = sizeof congestion;
    syscall(SYS_getsockopt, opt, IPPROTO_TCP, TCP_CONGESTION, congestion, &valueLength);

    int pending = 0;
    syscall(SYS_ioctl, readable[0], FIONREAD, &pending); /* [1]: the "x" written above */
    syscall(SYS_ioctl, readable[0], FIONBIO, &one);
    syscall(SYS_ioctl, readable[0], FIOCLEX);
    syscall(SYS_ioctl, readable[0], FIONCLEX);
    syscall(SYS_ioctl, readable[0], FIONREAD, NULL);      /* EFAULT */
    syscall(SYS_ioctl, readable[0], TCGETS, NULL);        /* ENOTTY */
    syscall(SYS_ioctl, readable[0], TIOCGPGRP, &pending); /* ENOTTY: the address */
    syscall(SYS_ioctl, readable[0], 0x1234, 0);           /* a request strace does not know */

    struct itimerval interval = {{0, 0}, {5, 250000}};
    struct itimerval previous;
    syscall(SYS_setitimer, ITIMER_REAL, &interval, &previous);
    syscall(SYS_getitimer, ITIMER_REAL, &previous); /* the time left */
    struct itimerval off = {{0, 0}, {0, 0}};
    syscall(SYS_setitimer, ITIMER_REAL, &off, NULL);
    syscall(SYS_setitimer, ITIMER_REAL, NULL, NULL);
    const long timerFd = syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC);
    struct itimerspec spec = {{1, 0}, {2, 500}};
    struct itimerspec old;
    syscall(SYS_timerfd_settime, timerFd, 0, &spec, &old);
    syscall(SYS_timerfd_gettime, timerFd, &old);
    syscall(SYS_timerfd_settime, timerFd, 0, (void*)8, NULL); /* EFAULT */
    struct sigevent none;
    memset(&none, 0, sizeof none);
    none.sigev_notify = SIGEV_NONE;
    int timer = 0;
    syscall(SYS_timer_create, CLOCK_MONOTONIC, &none, &timer);
    syscall(SYS_timer_settime, timer, 0, &spec, &old);
    syscall(SYS_timer_gettime, timer, &old);
    syscall(SYS_timer_delete, timer);
    return 0;
}
