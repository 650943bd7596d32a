/* vDSO calls with exactly known counts:
 *   1000 clock_gettime(CLOCK_MONOTONIC) through glibc (served by the vDSO),
 *   5 clock_gettime through the raw syscall instruction (never the vDSO),
 *   3 clock_gettime(CLOCK_PROCESS_CPUTIME_ID) through glibc: the vDSO falls back to the real
 *     syscall, so each shows as a vDSO call and a syscall,
 *   2 gettimeofday, 2 time, 2 getcpu through glibc,
 *   a thread making 20 clock_gettime and a forked child making 10.
 * Totals: vDSO clock_gettime 1033, gettimeofday 2, time 2, getcpu 2; syscall clock_gettime 8. */
#include "common.h"

#include <pthread.h>
#include <sched.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

static long sum;

static void monotonicCalls(int n) {
    struct timespec ts;
    for (int i = 0; i < n; ++i) {
        clock_gettime(CLOCK_MONOTONIC, &ts);
        sum += ts.tv_nsec & 1;
    }
}

static void* worker(void* arg) {
    (void)arg;
    monotonicCalls(20);
    return NULL;
}

int main(void) {
    struct timespec ts;
    monotonicCalls(1000);
    for (int i = 0; i < 5; ++i) {
        syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
    }
    for (int i = 0; i < 3; ++i) {
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    }
    struct timeval tv;
    unsigned cpu = 0;
    for (int i = 0; i < 2; ++i) {
        gettimeofday(&tv, NULL);
        sum += time(NULL) & 1;
        getcpu(&cpu, NULL);
    }
    pthread_t t;
    if (pthread_create(&t, NULL, worker, NULL) != 0) {
        die("pthread_create");
    }
    pthread_join(t, NULL);
    const pid_t child = fork();
    if (child == 0) {
        monotonicCalls(10);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return sum < 0 || !WIFEXITED(status);
}
