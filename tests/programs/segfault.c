/* Makes 3 getppid calls, then dereferences a null pointer: killed by SIGSEGV. */
#include "common.h"

int main(void) {
    for (int i = 0; i < 3; ++i) {
        raw_getppid();
    }
    volatile int* p = NULL;
    *p = 1;
    return 0;
}
