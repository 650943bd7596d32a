/* 4 threads, each makes exactly 100 getppid calls; the main thread makes 10. Total: 410. */
#include "common.h"

#include <pthread.h>

enum { kThreads = 4, kCallsPerThread = 100, kMainCalls = 10 };

static void* worker(void* arg) {
    (void)arg;
    for (int i = 0; i < kCallsPerThread; ++i) {
        raw_getppid();
    }
    return NULL;
}

int main(void) {
    pthread_t threads[kThreads];
    for (int i = 0; i < kThreads; ++i) {
        if (pthread_create(&threads[i], NULL, worker, NULL) != 0) {
            die("pthread_create");
        }
    }
    for (int i = 0; i < kMainCalls; ++i) {
        raw_getppid();
    }
    for (int i = 0; i < kThreads; ++i) {
        pthread_join(threads[i], NULL);
    }
    return 0;
}
