/* Job control must behave as without tracing: the parent stops its child with SIGSTOP, sees
 * the stop through waitpid(WUNTRACED), continues it with SIGCONT, sees WCONTINUED, and the child
 * then exits 5. Exit 0 when all of that was observed. */
#include "common.h"

#include <signal.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    if (pipe(fds) != 0) {
        die("pipe");
    }
    const pid_t child = fork();
    if (child == 0) {
        char c;
        /* Wait until the parent says go (after the stop/continue dance). */
        if (read(fds[0], &c, 1) != 1) {
            _exit(90);
        }
        _exit(5);
    }
    int status = 0;
    kill(child, SIGSTOP);
    if (waitpid(child, &status, WUNTRACED) != child || !WIFSTOPPED(status) ||
        WSTOPSIG(status) != SIGSTOP) {
        return 1;
    }
    kill(child, SIGCONT);
    if (waitpid(child, &status, WCONTINUED) != child || !WIFCONTINUED(status)) {
        return 2;
    }
    if (write(fds[1], "g", 1) != 1) {
        return 3;
    }
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 5) {
        return 4;
    }
    return 0;
}
