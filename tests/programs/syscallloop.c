/* One task making N getppid calls through the syscall instruction (N = argv[1], 1000 when not
 * given), and nothing else after the loader's calls: for how the recorder serves a lone task. */
#include "common.h"

int main(int argc, char** argv) {
    const long n = argc > 1 ? atol(argv[1]) : 1000;
    for (long i = 0; i < n; ++i) {
        raw_getppid();
    }
    return 0;
}
