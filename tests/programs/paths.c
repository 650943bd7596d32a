/* openat() with awkward paths, each failing with ENOENT (or ENAMETOOLONG for the long one):
 *   "/nonexistent/a\nb"  (newline)
 *   "/nonexistent/say \"hi\""  (quotes)
 *   "/nonexistent/\xff\xfe-latin1-\xe9" (not UTF-8)
 *   "/nonexistent/" followed by 'x' up to 4000 bytes in all
 * The last path ends exactly at the end of a page followed by an unmapped page, so a tracer
 * that reads past the terminating NUL faults. */
#include "common.h"

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>

int main(void) {
    const char* paths[] = {"/nonexistent/a\nb", "/nonexistent/say \"hi\"",
                           "/nonexistent/\xff\xfe-latin1-\xe9"};
    for (unsigned i = 0; i < sizeof paths / sizeof paths[0]; ++i) {
        if (openat(AT_FDCWD, paths[i], O_RDONLY) != -1) {
            return 1;
        }
    }
    const long page = sysconf(_SC_PAGESIZE);
    char* area = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (area == MAP_FAILED || munmap(area + page, page) != 0) {
        die("mmap");
    }
    /* 4000 bytes + NUL placed so the NUL is the last byte of the mapped page. */
    char* path = area + page - 4001;
    memset(path, 'x', 4000);
    memcpy(path, "/nonexistent/", 13);
    path[4000] = '\0';
    if (openat(AT_FDCWD, path, O_RDONLY) != -1) {
        return 2;
    }
    return 0;
}
