/* Exactly 1000 clock_gettime(CLOCK_MONOTONIC) calls through glibc (served by the vDSO) and 5
 * through the raw syscall instruction. */
#include "common.h"

#include <time.h>

int main(void) {
    struct timespec ts;
    long sum = 0;
    for (int i = 0; i < 1000; ++i) {
        clock_gettime(CLOCK_MONOTONIC, &ts);
        sum += ts.tv_nsec & 1;
    }
    for (int i = 0; i < 5; ++i) {
        syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
    }
    return sum < 0;
}
