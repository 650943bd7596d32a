/* For attach/detach: prints its pid, then for about 1.5 s makes one getppid and one 10 ms
 * nanosleep per iteration (150 iterations), writes "done N" and exits 0. */
#include "common.h"

#include <time.h>

int main(void) {
    printf("%d\n", getpid());
    fflush(stdout);
    int n = 0;
    for (; n < 150; ++n) {
        raw_getppid();
        struct timespec ts = {0, 10000000};
        nanosleep(&ts, NULL);
    }
    printf("done %d\n", n);
    return 0;
}
