#define _GNU_SOURCE
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#define MAGIC 0x5ca1ab1eUL
int main(int argc, char** argv) {
    int lo = atoi(argv[1]), hi = atoi(argv[2]);
    int i386 = argc > 3;
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[5])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)MAGIC, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 38),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog p = {4, f};
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &p)) { perror("seccomp"); return 1; }
    for (int nr = lo; nr <= hi; nr++) {
        if (!i386) {
            syscall(nr, 0, 0, 0, 0, 0, MAGIC);
        } else {
            long ret;
            __asm__ volatile("push %%rbp\n\tmov %[m], %%rbp\n\tint $0x80\n\tpop %%rbp"
                             : "=a"(ret)
                             : "a"(nr), "b"(0), "c"(0), "d"(0), "S"(0), "D"(0), [m] "r"(MAGIC)
                             : "memory");
        }
    }
    return 0;
}
