// Calls every syscall number in [lo, hi] with fixed arguments and lets a seccomp filter fail
// each with ENOSYS, so `strace` prints how it renders every syscall without anything running.
// usage: gen-syscall-lines LO HI PATTERN [i386]
//   PATTERN zero: (0, 0, 0, 0, 0, MAGIC); ones: (-1, -1, -1, -1, -1, MAGIC)
//   i386: make the calls through int $0x80 (the i386 table); MAGIC is 0x5ca1ab1e.
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#define MAGIC 0x5ca1ab1eUL
int main(int argc, char** argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s LO HI zero|ones [i386]\n", argv[0]);
        return 2;
    }
    int lo = atoi(argv[1]), hi = atoi(argv[2]);
    long a = strcmp(argv[3], "ones") == 0 ? -1L : 0L;
    int i386 = argc > 4;
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[5])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)MAGIC, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 38),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog p = {4, f};
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &p)) {
        perror("seccomp");
        return 1;
    }
    for (int nr = lo; nr <= hi; nr++) {
        if (!i386) {
            syscall(nr, a, a, a, a, a, MAGIC);
        } else {
            long ret;
            __asm__ volatile("push %%rbp\n\tmov %[m], %%rbp\n\tint $0x80\n\tpop %%rbp"
                             : "=a"(ret)
                             : "a"(nr), "b"(a), "c"(a), "d"(a), "S"(a), "D"(a), [m] "r"(MAGIC)
                             : "memory");
        }
    }
    return 0;
}
