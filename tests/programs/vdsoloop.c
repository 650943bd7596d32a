/* For attach/detach with --vdso: prints its pid, then 300 times: 50 clock_gettime through the
 * vDSO and a 5 ms sleep; checks that time moves forward, prints "done" and exits 0. */
#include "common.h"

#include <time.h>

int main(void) {
    printf("%d\n", getpid());
    fflush(stdout);
    struct timespec last = {0, 0};
    for (int i = 0; i < 300; ++i) {
        for (int k = 0; k < 50; ++k) {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            if (ts.tv_sec < last.tv_sec ||
                (ts.tv_sec == last.tv_sec && ts.tv_nsec < last.tv_nsec)) {
                return 1;
            }
            last = ts;
        }
        struct timespec pause = {0, 5000000};
        nanosleep(&pause, NULL);
    }
    printf("done\n");
    return 0;
}
