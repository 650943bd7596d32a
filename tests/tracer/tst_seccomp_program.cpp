// The seccomp filter's decisions, checked by running the classic-BPF program it builds on
// seccomp_data records: what stops, what runs free.
#include "syscalls/SyscallFilter.h"
#include "tracer/SeccompProgram.h"

#include <QTest>

#include <cstddef>
#include <cstring>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <optional>
#include <vector>

using namespace syscope;

namespace {

// A classic-BPF interpreter for the instructions seccomp programs use. nullopt when the program
// does something a seccomp filter may not (or runs off its end).
std::optional<unsigned> run(const std::vector<unsigned char>& bytes, const seccomp_data& data) {
    std::vector<sock_filter> prog(bytes.size() / sizeof(sock_filter));
    std::memcpy(prog.data(), bytes.data(), prog.size() * sizeof(sock_filter));
    unsigned a = 0;
    unsigned x = 0;
    for (std::size_t pc = 0; pc < prog.size(); ++pc) {
        const sock_filter& in = prog[pc];
        switch (in.code) {
        case BPF_LD | BPF_W | BPF_ABS:
            if (in.k + 4 > sizeof data || in.k % 4 != 0) {
                return std::nullopt;
            }
            std::memcpy(&a, reinterpret_cast<const char*>(&data) + in.k, 4);
            break;
        case BPF_MISC | BPF_TAX:
            x = a;
            break;
        case BPF_MISC | BPF_TXA:
            a = x;
            break;
        case BPF_JMP | BPF_JA:
            pc += in.k;
            break;
        case BPF_JMP | BPF_JEQ | BPF_K:
            pc += a == in.k ? in.jt : in.jf;
            break;
        case BPF_JMP | BPF_JGE | BPF_K:
            pc += a >= in.k ? in.jt : in.jf;
            break;
        case BPF_JMP | BPF_JGT | BPF_K:
            pc += a > in.k ? in.jt : in.jf;
            break;
        case BPF_JMP | BPF_JSET | BPF_K:
            pc += (a & in.k) ? in.jt : in.jf;
            break;
        case BPF_RET | BPF_K:
            return in.k;
        default:
            return std::nullopt;
        }
    }
    return std::nullopt;
}

seccomp_data call(std::uint32_t arch, int nr, std::uint64_t arg0 = 0) {
    seccomp_data d{};
    d.nr = nr;
    d.arch = arch;
    d.args[0] = arg0;
    return d;
}

constexpr unsigned kTrace = SECCOMP_RET_TRACE;
constexpr unsigned kAllow = SECCOMP_RET_ALLOW;
constexpr std::uint64_t kUntraced = 0x00800000;
constexpr std::uint64_t kSigchld = 17;

} // namespace

class TestSeccompProgram : public QObject {
    Q_OBJECT

private slots:
    void everythingStopsButExit() {
        const auto prog = buildSeccompProgram(SyscallFilter::everything());
        QVERIFY(!prog.empty());
        for (int nr : {0, 1, 39, 56, 57, 59, 61, 230, 232, 435, 461, 999, 65535}) {
            QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, nr)), kTrace);
        }
        // exit and exit_group are recorded at their exit stop instead.
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 60)), kAllow);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 231)), kAllow);
        // Not so for i386 (exit is 1, exit_group 252) nor x32: those always stop.
        for (int nr : {1, 60, 231, 252}) {
            QCOMPARE(run(prog, call(AUDIT_ARCH_I386, nr)), kTrace);
        }
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 0x40000000 | 60)), kTrace);
        // An arch we do not know is traced, so nothing goes unseen.
        QCOMPARE(run(prog, call(0x12345678, 60)), kTrace);
    }

    void filterSelects() {
        std::string error;
        const auto filter = SyscallFilter::parse("openat,getppid", &error);
        QVERIFY2(filter, error.c_str());
        const auto prog = buildSeccompProgram(*filter);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 257)), kTrace);            // openat
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 110)), kTrace);            // getppid
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 39)), kAllow);             // getpid
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 0)), kAllow);              // read
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 295)), kTrace);              // openat@32
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 3)), kAllow);                // read@32
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 0x40000000 | 0)), kTrace); // x32: unfiltered
    }

    void exitIsNeverSelected() {
        std::string error;
        const auto filter = SyscallFilter::parse("%process", &error);
        QVERIFY2(filter, error.c_str());
        const auto prog = buildSeccompProgram(*filter);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 60)), kAllow);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 231)), kAllow);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 59)), kTrace); // execve
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 252)), kTrace);  // exit_group@32
    }

    void untracedClonesAndFiltersAlwaysStop() {
        // Their children inherit the filter and must be traced after all (hidden), so the
        // tracer has to see such clones even when the filter does not select clone.
        std::string error;
        const auto filter = SyscallFilter::parse("openat", &error);
        QVERIFY2(filter, error.c_str());
        const auto prog = buildSeccompProgram(*filter);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 56, kSigchld)), kAllow);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 56, kUntraced | kSigchld)), kTrace);
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 120, kSigchld)), kAllow);
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 120, kUntraced | kSigchld)), kTrace);
        // clone3 keeps its flags in memory, out of the filter's reach.
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 435)), kTrace);
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 435)), kTrace);
        // The program installing a filter of its own: seccomp always, prctl(PR_SET_SECCOMP).
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 317)), kTrace);
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 354)), kTrace);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 157, 22)), kTrace);
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 157, 15)), kAllow); // PR_SET_NAME
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 172, 22)), kTrace);
        QCOMPARE(run(prog, call(AUDIT_ARCH_I386, 172, 15)), kAllow);
        // Other calls are not disturbed by these checks.
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 57, kUntraced)), kAllow); // fork
        QCOMPARE(run(prog, call(AUDIT_ARCH_X86_64, 257, kUntraced)), kTrace);
    }
};

QTEST_APPLESS_MAIN(TestSeccompProgram)
#include "tst_seccomp_program.moc"
