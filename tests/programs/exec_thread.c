/* Exec from a non-leader thread: the exec'ing thread takes over the leader's tid.
 * Without arguments: start a thread that execs this program with "after"; the main thread
 * blocks in pause(). With "after": make 7 getppid calls and exit 0. */
#include "common.h"

#include <pthread.h>
#include <string.h>

static char* self;

static void* execer(void* arg) {
    (void)arg;
    char* argv[] = {self, "after", NULL};
    execv("/proc/self/exe", argv);
    die("execv");
    return NULL;
}

int main(int argc, char** argv) {
    if (argc > 1 && strcmp(argv[1], "after") == 0) {
        for (int i = 0; i < 7; ++i) {
            raw_getppid();
        }
        return 0;
    }
    self = argv[0];
    pthread_t t;
    if (pthread_create(&t, NULL, execer, NULL) != 0) {
        die("pthread_create");
    }
    for (;;) {
        pause();
    }
}
