/* A fork tree: the root forks 2 children, each child forks 1 grandchild: 5 processes.
 * Every process makes exactly 10 getppid calls; exit codes: grandchildren 3, children 2. */
#include "common.h"

#include <sys/wait.h>

static void calls(void) {
    for (int i = 0; i < 10; ++i) {
        raw_getppid();
    }
}

static int waitChild(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) {
        die("waitpid");
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

int main(void) {
    for (int c = 0; c < 2; ++c) {
        const pid_t child = fork();
        if (child < 0) {
            die("fork");
        }
        if (child == 0) {
            const pid_t grandchild = fork();
            if (grandchild < 0) {
                die("fork");
            }
            if (grandchild == 0) {
                calls();
                _exit(3);
            }
            calls();
            _exit(waitChild(grandchild) == 3 ? 2 : 98);
        }
        if (waitChild(child) != 2) {
            return 97;
        }
    }
    calls();
    return 0;
}
