/* A call through the legacy vsyscall page (time(), emulated by the kernel when vsyscall is in
 * xonly or emulate mode), between two getppid calls. Exit status 77 when the page is absent. */
#include "common.h"

#include <string.h>
#include <time.h>

static int haveVsyscall(void) {
    FILE* maps = fopen("/proc/self/maps", "r");
    char line[512];
    int found = 0;
    while (maps && fgets(line, sizeof line, maps)) {
        found |= strstr(line, "[vsyscall]") != NULL;
    }
    if (maps) {
        fclose(maps);
    }
    return found;
}

int main(void) {
    if (!haveVsyscall()) {
        return 77;
    }
    time_t (*vtime)(time_t*) = (time_t(*)(time_t*))0xffffffffff600400UL;
    raw_getppid();
    const time_t t = vtime(NULL);
    raw_getppid();
    return t > 0 ? 0 : 1;
}
