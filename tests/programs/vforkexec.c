/* vfork + exec of /bin/true, three times; exit 0. */
#include "common.h"

#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 3; ++i) {
        const pid_t pid = vfork();
        if (pid == 0) {
            execl("/bin/true", "true", (char*)NULL);
            _exit(127);
        }
        int status = 0;
        if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            return 1;
        }
    }
    return 0;
}
