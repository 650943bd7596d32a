#include "kernel/GlibcWrappers.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace syscope {
namespace {

struct Row {
    std::string_view syscall;
    std::string_view functions;
    std::string_view note = {};
    bool vdso = false;
};

constexpr std::string_view kNone = "";

// glibc 2.36 on x86_64. Sorted by syscall name (checked at first use). A plain array: clang
// limits the fold expression behind std::array's deduction guide to 256 elements.
constexpr Row kRows[] = {
    Row{"accept", "accept"},
    Row{"accept4", "accept4"},
    Row{"access", "access"},
    Row{"acct", "acct"},
    Row{"add_key", kNone, "libkeyutils wraps it"},
    Row{"adjtimex", "adjtimex, ntp_adjtime"},
    Row{"alarm", "alarm"},
    Row{"arch_prctl", "arch_prctl", "ld.so sets the TLS base with it at startup"},
    Row{"bind", "bind"},
    Row{"bpf", kNone, "libbpf wraps it"},
    Row{"brk", "brk, sbrk, malloc", "malloc grows the heap with it"},
    Row{"capget", "capget"},
    Row{"capset", "capset"},
    Row{"chdir", "chdir"},
    Row{"chmod", "chmod"},
    Row{"chown", "chown"},
    Row{"chroot", "chroot"},
    Row{"clock_adjtime", "clock_adjtime"},
    Row{"clock_getres", "clock_getres", "", true},
    Row{"clock_gettime", "clock_gettime, time, timespec_get", "", true},
    Row{"clock_nanosleep", "clock_nanosleep, nanosleep, sleep, usleep",
        "nanosleep() has used clock_nanosleep since 2.31"},
    Row{"clock_settime", "clock_settime, settimeofday"},
    Row{"clone", "fork, clone, posix_spawn, system", "fork() is clone(SIGCHLD) since 2.3"},
    Row{"clone3", "pthread_create, posix_spawn", "pthread_create uses clone3 since 2.34"},
    Row{"close", "close, fclose, closedir"},
    Row{"close_range", "close_range, closefrom"},
    Row{"connect", "connect"},
    Row{"copy_file_range", "copy_file_range"},
    Row{"creat", kNone, "glibc's creat() calls openat"},
    Row{"delete_module", "delete_module"},
    Row{"dup", "dup"},
    Row{"dup2", "dup2"},
    Row{"dup3", "dup3"},
    Row{"epoll_create", kNone, "glibc's epoll_create() calls epoll_create1"},
    Row{"epoll_create1", "epoll_create, epoll_create1"},
    Row{"epoll_ctl", "epoll_ctl"},
    Row{"epoll_pwait", "epoll_pwait, epoll_wait", "epoll_wait() is epoll_pwait without a mask"},
    Row{"epoll_pwait2", "epoll_pwait2"},
    Row{"epoll_wait", kNone, "glibc's epoll_wait() calls epoll_pwait"},
    Row{"eventfd", kNone, "glibc's eventfd() calls eventfd2"},
    Row{"eventfd2", "eventfd"},
    Row{"execve", "execve, execv, execl, execvp, execlp, system, posix_spawn"},
    Row{"execveat", "execveat, fexecve"},
    Row{"exit", "pthread_exit", "ends one thread"},
    Row{"exit_group", "exit, _exit", "ends every thread of the process"},
    Row{"faccessat", "faccessat", "fallback when faccessat2 is missing"},
    Row{"faccessat2", "faccessat"},
    Row{"fadvise64", "posix_fadvise"},
    Row{"fallocate", "fallocate, posix_fallocate"},
    Row{"fanotify_init", "fanotify_init"},
    Row{"fanotify_mark", "fanotify_mark"},
    Row{"fchdir", "fchdir"},
    Row{"fchmod", "fchmod"},
    Row{"fchmodat", "fchmodat"},
    Row{"fchown", "fchown"},
    Row{"fchownat", "fchownat, lchown"},
    Row{"fcntl", "fcntl, lockf"},
    Row{"fdatasync", "fdatasync"},
    Row{"fgetxattr", "fgetxattr"},
    Row{"finit_module", kNone, "kmod's insmod calls it through syscall(2)"},
    Row{"flistxattr", "flistxattr"},
    Row{"flock", "flock"},
    Row{"fork", kNone, "glibc's fork() calls clone"},
    Row{"fremovexattr", "fremovexattr"},
    Row{"fsetxattr", "fsetxattr"},
    Row{"fstat", kNone, "glibc's fstat() calls newfstatat(fd, \"\", AT_EMPTY_PATH) since 2.33"},
    Row{"fstatfs", "fstatfs, fstatvfs"},
    Row{"fsync", "fsync"},
    Row{"ftruncate", "ftruncate"},
    Row{"futex", kNone, "glibc's mutexes, condition variables and pthread_join use it internally"},
    Row{"get_robust_list", kNone},
    Row{"getcpu", "sched_getcpu, getcpu", "", true},
    Row{"getcwd", "getcwd, get_current_dir_name"},
    Row{"getdents64", "readdir, scandir, nftw, getdents64"},
    Row{"getegid", "getegid"},
    Row{"geteuid", "geteuid"},
    Row{"getgid", "getgid"},
    Row{"getgroups", "getgroups"},
    Row{"getitimer", "getitimer"},
    Row{"getpeername", "getpeername"},
    Row{"getpgid", "getpgid"},
    Row{"getpgrp", "getpgrp"},
    Row{"getpid", "getpid"},
    Row{"getppid", "getppid"},
    Row{"getpriority", "getpriority, nice"},
    Row{"getrandom", "getrandom, getentropy, arc4random"},
    Row{"getresgid", "getresgid"},
    Row{"getresuid", "getresuid"},
    Row{"getrlimit", kNone, "glibc's getrlimit() calls prlimit64"},
    Row{"getrusage", "getrusage"},
    Row{"getsid", "getsid"},
    Row{"getsockname", "getsockname"},
    Row{"getsockopt", "getsockopt"},
    Row{"gettid", "gettid"},
    Row{"gettimeofday", "gettimeofday", "", true},
    Row{"getuid", "getuid"},
    Row{"getxattr", "getxattr"},
    Row{"init_module", "init_module"},
    Row{"inotify_add_watch", "inotify_add_watch"},
    Row{"inotify_init", kNone, "glibc's inotify_init() calls inotify_init1"},
    Row{"inotify_init1", "inotify_init, inotify_init1"},
    Row{"inotify_rm_watch", "inotify_rm_watch"},
    Row{"io_setup", kNone, "libaio wraps it"},
    Row{"io_submit", kNone, "libaio wraps it"},
    Row{"io_uring_enter", kNone, "liburing wraps it"},
    Row{"io_uring_register", kNone, "liburing wraps it"},
    Row{"io_uring_setup", kNone, "liburing wraps it"},
    Row{"ioctl", "ioctl, tcgetattr, tcsetattr, isatty"},
    Row{"ioprio_get", kNone},
    Row{"ioprio_set", kNone},
    Row{"kcmp", kNone},
    Row{"kexec_load", kNone},
    Row{"keyctl", kNone, "libkeyutils wraps it"},
    Row{"kill", "kill, killpg"},
    Row{"landlock_create_ruleset", kNone},
    Row{"lchown", kNone, "glibc's lchown() calls fchownat"},
    Row{"lgetxattr", "lgetxattr"},
    Row{"link", "link"},
    Row{"linkat", "linkat"},
    Row{"listen", "listen"},
    Row{"listxattr", "listxattr"},
    Row{"lseek", "lseek, fseek, ftell, rewind"},
    Row{"lstat", kNone, "glibc's lstat() calls newfstatat(AT_SYMLINK_NOFOLLOW) since 2.33"},
    Row{"madvise", "madvise, posix_madvise, free"},
    Row{"membarrier", kNone},
    Row{"memfd_create", "memfd_create"},
    Row{"mincore", "mincore"},
    Row{"mkdir", "mkdir"},
    Row{"mkdirat", "mkdirat"},
    Row{"mknod", "mknod"},
    Row{"mknodat", "mknodat, mkfifo"},
    Row{"mlock", "mlock"},
    Row{"mlock2", "mlock2"},
    Row{"mlockall", "mlockall"},
    Row{"mmap", "mmap, malloc, dlopen", "malloc maps big blocks; ld.so maps every library"},
    Row{"mount", "mount"},
    Row{"mprotect", "mprotect, dlopen", "ld.so protects RELRO after relocation"},
    Row{"mremap", "mremap, realloc"},
    Row{"msync", "msync"},
    Row{"munlock", "munlock"},
    Row{"munlockall", "munlockall"},
    Row{"munmap", "munmap, free, dlclose"},
    Row{"name_to_handle_at", "name_to_handle_at"},
    Row{"nanosleep", kNone, "glibc's nanosleep() calls clock_nanosleep since 2.31"},
    Row{"newfstatat", "stat, fstat, lstat, fstatat",
        "every stat variant goes through newfstatat since 2.33"},
    Row{"open", kNone, "glibc's open() has called openat since 2.26"},
    Row{"open_by_handle_at", "open_by_handle_at"},
    Row{"openat", "open, openat, fopen, creat, opendir"},
    Row{"openat2", kNone},
    Row{"pause", kNone, "glibc's pause() calls ppoll"},
    Row{"perf_event_open", kNone, "perf calls it through syscall(2)"},
    Row{"personality", "personality"},
    Row{"pidfd_getfd", "pidfd_getfd"},
    Row{"pidfd_open", "pidfd_open"},
    Row{"pidfd_send_signal", "pidfd_send_signal"},
    Row{"pipe", kNone, "glibc's pipe() calls pipe2"},
    Row{"pipe2", "pipe, pipe2, popen"},
    Row{"pivot_root", kNone},
    Row{"pkey_alloc", "pkey_alloc"},
    Row{"pkey_free", "pkey_free"},
    Row{"pkey_mprotect", "pkey_mprotect"},
    Row{"poll", "poll"},
    Row{"ppoll", "ppoll, pause"},
    Row{"prctl", "prctl"},
    Row{"pread64", "pread, pread64"},
    Row{"preadv", "preadv"},
    Row{"preadv2", "preadv2"},
    Row{"prlimit64", "getrlimit, setrlimit, prlimit"},
    Row{"process_vm_readv", "process_vm_readv"},
    Row{"process_vm_writev", "process_vm_writev"},
    Row{"pselect6", "pselect, select", "select() has used pselect6 on some paths since 2.35"},
    Row{"ptrace", "ptrace"},
    Row{"pwrite64", "pwrite, pwrite64"},
    Row{"pwritev", "pwritev"},
    Row{"pwritev2", "pwritev2"},
    Row{"quotactl", "quotactl"},
    Row{"read", "read, fread, fgets, getline, scanf"},
    Row{"readahead", "readahead"},
    Row{"readlink", "readlink"},
    Row{"readlinkat", "readlinkat, realpath"},
    Row{"readv", "readv"},
    Row{"reboot", "reboot"},
    Row{"recvfrom", "recv, recvfrom"},
    Row{"recvmmsg", "recvmmsg"},
    Row{"recvmsg", "recvmsg"},
    Row{"removexattr", "removexattr"},
    Row{"rename", "rename"},
    Row{"renameat", "renameat"},
    Row{"renameat2", "renameat2"},
    Row{"restart_syscall", kNone, "issued by the kernel itself to resume an interrupted sleep"},
    Row{"rmdir", "rmdir"},
    Row{"rseq", kNone, "glibc registers a rseq area for each thread at start (2.35+)"},
    Row{"rt_sigaction", "sigaction, signal"},
    Row{"rt_sigpending", "sigpending"},
    Row{"rt_sigprocmask", "sigprocmask, pthread_sigmask"},
    Row{"rt_sigqueueinfo", "sigqueue"},
    Row{"rt_sigreturn", kNone,
        "the restorer that sigaction installs calls it when a handler returns"},
    Row{"rt_sigsuspend", "sigsuspend"},
    Row{"rt_sigtimedwait", "sigwait, sigwaitinfo, sigtimedwait"},
    Row{"rt_tgsigqueueinfo", "pthread_sigqueue"},
    Row{"sched_get_priority_max", "sched_get_priority_max"},
    Row{"sched_get_priority_min", "sched_get_priority_min"},
    Row{"sched_getaffinity", "sched_getaffinity, pthread_getaffinity_np"},
    Row{"sched_getattr", kNone},
    Row{"sched_getparam", "sched_getparam"},
    Row{"sched_getscheduler", "sched_getscheduler"},
    Row{"sched_rr_get_interval", "sched_rr_get_interval"},
    Row{"sched_setaffinity", "sched_setaffinity, pthread_setaffinity_np"},
    Row{"sched_setattr", kNone},
    Row{"sched_setparam", "sched_setparam"},
    Row{"sched_setscheduler", "sched_setscheduler"},
    Row{"sched_yield", "sched_yield, pthread_yield"},
    Row{"seccomp", kNone, "libseccomp wraps it"},
    Row{"select", "select"},
    Row{"semctl", "semctl"},
    Row{"semget", "semget"},
    Row{"semop", "semop"},
    Row{"semtimedop", "semtimedop"},
    Row{"sendfile", "sendfile"},
    Row{"sendmmsg", "sendmmsg"},
    Row{"sendmsg", "sendmsg"},
    Row{"sendto", "send, sendto"},
    Row{"set_robust_list", kNone, "glibc registers each thread's robust futex list at start"},
    Row{"set_tid_address", kNone, "glibc sets it for each thread at start"},
    Row{"setdomainname", "setdomainname"},
    Row{"setfsgid", "setfsgid"},
    Row{"setfsuid", "setfsuid"},
    Row{"setgid", "setgid"},
    Row{"setgroups", "setgroups, initgroups"},
    Row{"sethostname", "sethostname"},
    Row{"setitimer", "setitimer"},
    Row{"setns", "setns"},
    Row{"setpgid", "setpgid, setpgrp"},
    Row{"setpriority", "setpriority, nice"},
    Row{"setregid", "setregid"},
    Row{"setresgid", "setresgid"},
    Row{"setresuid", "setresuid"},
    Row{"setreuid", "setreuid"},
    Row{"setrlimit", kNone, "glibc's setrlimit() calls prlimit64"},
    Row{"setsid", "setsid"},
    Row{"setsockopt", "setsockopt"},
    Row{"settimeofday", "settimeofday"},
    Row{"setuid", "setuid"},
    Row{"setxattr", "setxattr"},
    Row{"shmat", "shmat"},
    Row{"shmctl", "shmctl"},
    Row{"shmdt", "shmdt"},
    Row{"shmget", "shmget"},
    Row{"shutdown", "shutdown"},
    Row{"sigaltstack", "sigaltstack"},
    Row{"signalfd", kNone, "glibc's signalfd() calls signalfd4"},
    Row{"signalfd4", "signalfd"},
    Row{"socket", "socket"},
    Row{"socketpair", "socketpair"},
    Row{"splice", "splice"},
    Row{"stat", kNone, "glibc's stat() calls newfstatat since 2.33"},
    Row{"statfs", "statfs, statvfs"},
    Row{"statx", "statx"},
    Row{"swapoff", "swapoff"},
    Row{"swapon", "swapon"},
    Row{"symlink", "symlink"},
    Row{"symlinkat", "symlinkat"},
    Row{"sync", "sync"},
    Row{"sync_file_range", "sync_file_range"},
    Row{"syncfs", "syncfs"},
    Row{"sysinfo", "sysinfo, get_nprocs"},
    Row{"syslog", "klogctl"},
    Row{"tee", "tee"},
    Row{"tgkill", "pthread_kill, raise, abort, tgkill"},
    Row{"time", "time", "", true},
    Row{"timer_create", "timer_create"},
    Row{"timer_delete", "timer_delete"},
    Row{"timer_getoverrun", "timer_getoverrun"},
    Row{"timer_gettime", "timer_gettime"},
    Row{"timer_settime", "timer_settime"},
    Row{"timerfd_create", "timerfd_create"},
    Row{"timerfd_gettime", "timerfd_gettime"},
    Row{"timerfd_settime", "timerfd_settime"},
    Row{"times", "times, clock"},
    Row{"tkill", kNone, "obsolete: glibc uses tgkill"},
    Row{"truncate", "truncate"},
    Row{"umask", "umask"},
    Row{"umount2", "umount, umount2"},
    Row{"uname", "uname, gethostname"},
    Row{"unlink", "unlink, remove"},
    Row{"unlinkat", "unlinkat, remove"},
    Row{"unshare", "unshare"},
    Row{"userfaultfd", kNone},
    Row{"utime", "utime"},
    Row{"utimensat", "utimensat, futimens, utimes, utime"},
    Row{"utimes", "utimes"},
    Row{"vfork", "vfork"},
    Row{"vhangup", "vhangup"},
    Row{"vmsplice", "vmsplice"},
    Row{"wait4", "wait, waitpid, wait3, wait4"},
    Row{"waitid", "waitid"},
    Row{"write", "write, fwrite, printf, puts, fflush"},
    Row{"writev", "writev"},
};

bool sorted() {
    return std::is_sorted(std::begin(kRows), std::end(kRows),
                          [](const Row& a, const Row& b) { return a.syscall < b.syscall; });
}

// i386 names that glibc reaches the same way as the x86_64 syscall they correspond to.
std::string_view x86_64Equivalent(std::string_view name) {
    struct Pair {
        std::string_view i386;
        std::string_view x86_64;
    };
    static constexpr std::array kPairs{
        Pair{"mmap2", "mmap"},
        Pair{"_llseek", "lseek"},
        Pair{"fstat64", "fstat"},
        Pair{"stat64", "stat"},
        Pair{"lstat64", "lstat"},
        Pair{"fstatat64", "newfstatat"},
        Pair{"ugetrlimit", "getrlimit"},
        Pair{"clock_gettime64", "clock_gettime"},
        Pair{"clock_nanosleep_time64", "clock_nanosleep"},
        Pair{"futex_time64", "futex"},
        Pair{"_newselect", "select"},
        Pair{"waitpid", "wait4"},
    };
    for (const Pair& p : kPairs) {
        if (p.i386 == name) {
            return p.x86_64;
        }
    }
    // getuid32 and friends are the plain calls with 32-bit ids.
    if (name.size() > 2 && name.substr(name.size() - 2) == "32") {
        return name.substr(0, name.size() - 2);
    }
    return name;
}

} // namespace

GlibcWrapper glibcWrapper(Arch arch, std::string_view syscallName) {
    static const bool ok = sorted();
    std::string_view name = arch == Arch::I386 ? x86_64Equivalent(syscallName) : syscallName;
    GlibcWrapper w;
    if (!ok) {
        return w; // a table edit broke the order; tests catch this
    }
    const auto it =
        std::lower_bound(std::begin(kRows), std::end(kRows), name,
                         [](const Row& r, std::string_view n) { return r.syscall < n; });
    if (it == std::end(kRows) || it->syscall != name) {
        return w;
    }
    w.functions = it->functions;
    w.note = it->note;
    w.vdsoFirst = it->vdso;
    w.known = true;
    return w;
}

std::string glibcWrapperText(Arch arch, std::string_view syscallName) {
    const GlibcWrapper w = glibcWrapper(arch, syscallName);
    if (!w.known) {
        return "not listed";
    }
    if (w.functions.empty()) {
        return "none (syscall(2) only)";
    }
    std::string out(w.functions);
    if (w.vdsoFirst) {
        out += " (vDSO first)";
    }
    return out;
}

} // namespace syscope

namespace syscope {

std::vector<std::string_view> glibcWrapperRows() {
    std::vector<std::string_view> out;
    for (const Row& r : kRows) {
        out.push_back(r.syscall);
    }
    return out;
}

} // namespace syscope
