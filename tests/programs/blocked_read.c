/* Blocks in read() on a pipe nobody writes to, after announcing itself on stdout. The test
 * kills it with SIGKILL: the read must stay unfinished and nothing may hang. */
#include "common.h"

int main(void) {
    int fds[2];
    if (pipe(fds) != 0) {
        die("pipe");
    }
    printf("ready\n");
    fflush(stdout);
    char c;
    return read(fds[0], &c, 1) == 1 ? 0 : 1;
}
