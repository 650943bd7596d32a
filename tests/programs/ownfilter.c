/* A program with a seccomp filter of its own, as sandboxes install: getppid fails with EPERM
 * without entering the kernel's getppid. A tracer that relies on its own filter's stops would
 * never see those calls (the stricter action wins); they must be recorded like any other:
 * 3 getppid before the filter (succeeding), then 4 refused; a fork child inherits the filter
 * and makes 2 refused calls. */
#include "common.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/wait.h>

static int refused(void) {
    return raw_getppid() == -1 && errno == EPERM;
}

int main(void) {
    for (int i = 0; i < 3; ++i) {
        if (raw_getppid() <= 0) {
            return 1;
        }
    }
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {sizeof code / sizeof code[0], code};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        die("seccomp");
    }
    for (int i = 0; i < 4; ++i) {
        if (!refused()) {
            return 2;
        }
    }
    const pid_t pid = fork();
    if (pid == 0) {
        _exit(refused() && refused() ? 0 : 3);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return 4;
    }
    return 0;
}
