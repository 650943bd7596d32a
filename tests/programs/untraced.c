/* A CLONE_UNTRACED child is neither traced nor disturbed: its 50 getppid calls must each return
 * the parent's pid (not fail, as they would under an inherited seccomp filter without a tracer),
 * and it execs a shell whose exit status the parent checks. No tracer may record any of it; the
 * parent makes 5 getppid calls and waits for it. */
#include "common.h"

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[64 * 1024];
static pid_t parent;

static int child(void* arg) {
    (void)arg;
    for (int i = 0; i < 50; ++i) {
        if (raw_getppid() != parent) {
            return 5;
        }
    }
    execl("/bin/sh", "sh", "-c", "exit 4", (char*)NULL);
    return 6;
}

int main(void) {
    parent = getpid();
    const pid_t pid = clone(child, stack + sizeof stack, CLONE_UNTRACED | SIGCHLD, NULL);
    if (pid < 0) {
        die("clone");
    }
    for (int i = 0; i < 5; ++i) {
        raw_getppid();
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 4) {
        return 1;
    }
    return 0;
}
