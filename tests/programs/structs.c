/* Calls whose structs strace decodes: struct stat (a regular file, a character device, a sticky
 * directory, a failing call) and struct rlimit (read, and written back unchanged). Raw syscalls,
 * so that glibc's choice of wrapper cannot differ between two runs. */
#include "common.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>

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
    return 0;
}
