/* A tracee for the ASLR tests: grows the brk heap and makes an anonymous mapping, then exits
 * with status 3 so a test can tell it ran to its end. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int main(void) {
    char* p = malloc(1000);
    if (!p) {
        return 1;
    }
    memset(p, 1, 1000);
    void* m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        return 1;
    }
    free(p);
    return 3;
}
