/* 32-bit syscalls from a 64-bit program through int $0x80: 3 getpid (i386 nr 20) and one
 * getppid (i386 nr 64). Exit 77 when the kernel has no IA-32 emulation. */
#include "common.h"

static long int80(long nr) {
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr) : "memory");
    return ret;
}

int main(void) {
    if (int80(20) != getpid()) {
        return 77;
    }
    int80(20);
    int80(20);
    int80(64);
    return 0;
}
