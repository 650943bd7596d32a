/* A CLONE_UNTRACED child is neither traced nor disturbed: it makes 50 getppid calls that no
 * tracer sees; the parent makes 5 and waits for it. */
#include "common.h"

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

static char stack[64 * 1024];

static int child(void* arg) {
    (void)arg;
    for (int i = 0; i < 50; ++i) {
        raw_getppid();
    }
    return 4;
}

int main(void) {
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
