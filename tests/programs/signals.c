/* Signals with handlers and restarts.
 * 1. SIGALRM with SA_RESTART interrupts read() on an empty pipe: the read is restarted
 *    (ERESTARTSYS, then read again) and later gets data written by a second SIGALRM's handler.
 * 2. SIGALRM without SA_RESTART (every 50 ms) interrupts read(): it fails with EINTR.
 * 3. clock_nanosleep stopped by SIGSTOP and woken by SIGCONT (sent by a child) goes on through
 *    restart_syscall and returns 0.
 * Exit 0 when every step behaved as expected. */
#include "common.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

static int pipeFds[2];
static volatile sig_atomic_t alarms;

static void onAlarm(int sig) {
    (void)sig;
    if (++alarms == 2) {
        const char c = 'x';
        if (write(pipeFds[1], &c, 1) != 1) {
            _exit(90);
        }
    }
}

int main(void) {
    if (pipe(pipeFds) != 0) {
        die("pipe");
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = onAlarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);

    /* Step 1: two alarms 50 ms apart; the first restarts the read, the second feeds it. */
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_usec = 50000;
    it.it_interval.tv_usec = 50000;
    setitimer(ITIMER_REAL, &it, NULL);
    char c = 0;
    if (read(pipeFds[0], &c, 1) != 1 || c != 'x') {
        return 1;
    }
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);

    /* Step 2: no SA_RESTART: the first alarm during the read ends it with EINTR. */
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);
    alarms = 10;
    memset(&it, 0, sizeof it);
    it.it_value.tv_usec = 50000;
    it.it_interval.tv_usec = 50000;
    setitimer(ITIMER_REAL, &it, NULL);
    errno = 0;
    if (read(pipeFds[0], &c, 1) != -1 || errno != EINTR) {
        return 2;
    }
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);

    /* Step 3: stop and continue during a sleep. */
    const pid_t self = getpid();
    const pid_t kicker = fork();
    if (kicker == 0) {
        usleep(30000);
        kill(self, SIGSTOP);
        usleep(20000);
        kill(self, SIGCONT);
        _exit(0);
    }
    struct timespec ts = {0, 150000000};
    if (clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL) != 0) {
        return 3;
    }
    int status = 0;
    if (waitpid(kicker, &status, 0) != kicker) {
        return 4;
    }
    return 0;
}
