/* Syscall-heavy workloads for the tracer benchmark.
 *   workload getppid N      N getppid calls
 *   workload readwrite N    N write+read pairs of 64 bytes through a pipe
 *   workload openclose N    N openat+close of /dev/null
 *   workload threads N      4 threads, N/4 getppid calls each
 *   workload fork N         N fork+_exit+wait4
 *   workload clock N        N clock_gettime through glibc (served by the vDSO) */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long iterations;

static void* getppidWorker(void* arg) {
    const long n = *(const long*)arg;
    for (long i = 0; i < n; ++i) {
        syscall(SYS_getppid);
    }
    return NULL;
}

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: workload getppid|readwrite|openclose|threads|fork|clock N\n");
        return 2;
    }
    iterations = atol(argv[2]);
    const char* mode = argv[1];
    if (strcmp(mode, "getppid") == 0) {
        getppidWorker(&iterations);
    } else if (strcmp(mode, "readwrite") == 0) {
        int fds[2];
        char buf[64] = {0};
        if (pipe(fds) != 0) {
            return 1;
        }
        for (long i = 0; i < iterations; ++i) {
            if (write(fds[1], buf, sizeof buf) != sizeof buf ||
                read(fds[0], buf, sizeof buf) != sizeof buf) {
                return 1;
            }
        }
    } else if (strcmp(mode, "openclose") == 0) {
        for (long i = 0; i < iterations; ++i) {
            const int fd = openat(AT_FDCWD, "/dev/null", O_RDONLY);
            if (fd < 0) {
                return 1;
            }
            close(fd);
        }
    } else if (strcmp(mode, "threads") == 0) {
        pthread_t t[4];
        long each = iterations / 4;
        for (int i = 0; i < 4; ++i) {
            pthread_create(&t[i], NULL, getppidWorker, &each);
        }
        for (int i = 0; i < 4; ++i) {
            pthread_join(t[i], NULL);
        }
    } else if (strcmp(mode, "fork") == 0) {
        for (long i = 0; i < iterations; ++i) {
            const pid_t pid = fork();
            if (pid == 0) {
                _exit(0);
            }
            int status;
            waitpid(pid, &status, 0);
        }
    } else if (strcmp(mode, "clock") == 0) {
        struct timespec ts;
        long sum = 0;
        for (long i = 0; i < iterations; ++i) {
            clock_gettime(CLOCK_MONOTONIC, &ts);
            sum += ts.tv_nsec & 1;
        }
        return sum < 0;
    } else {
        fprintf(stderr, "unknown workload %s\n", mode);
        return 2;
    }
    return 0;
}
