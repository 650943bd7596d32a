#include "tracer/SeccompProgram.h"

#include "syscalls/SyscallTable.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <utility>

namespace syscope {

namespace {

sock_filter stmt(unsigned short code, unsigned k) {
    return sock_filter{code, 0, 0, k};
}

sock_filter jump(unsigned short code, unsigned k, unsigned char jt, unsigned char jf) {
    return sock_filter{code, jt, jf, k};
}

std::vector<std::pair<int, int>> ranges(const std::vector<int>& numbers) {
    std::vector<std::pair<int, int>> out;
    for (int n : numbers) {
        if (!out.empty() && out.back().second + 1 == n) {
            out.back().second = n;
        } else {
            out.emplace_back(n, n);
        }
    }
    return out;
}

// For each range: if lo <= nr <= hi return TRACE; falls through to the next range otherwise.
void appendRangeChecks(std::vector<sock_filter>& prog, const std::vector<int>& numbers) {
    for (const auto& [lo, hi] : ranges(numbers)) {
        prog.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, unsigned(lo), 0, 2));
        prog.push_back(jump(BPF_JMP | BPF_JGT | BPF_K, unsigned(hi), 1, 0));
        prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    }
}

// The tracer must see every clone that asks for CLONE_UNTRACED, selected or not: the child
// inherits the filter, so it has to be traced after all (see Tracer::Session::onUntracedClone).
// clone3 keeps its flags in memory, out of the filter's sight: it always stops. Expects A = nr;
// falls through with A = nr for other calls.
void appendCloneChecks(std::vector<sock_filter>& prog, int cloneNr) {
    prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, unsigned(kNrX86_64.clone3), 0, 1));
    prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, unsigned(cloneNr), 0, 4));
    prog.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args))); // low half
    prog.push_back(jump(BPF_JMP | BPF_JSET | BPF_K, unsigned(kCloneUntraced), 0, 1));
    prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
}

// The tracer must also see the program install a seccomp filter of its own (see
// Tracer::Session::completeCall): seccomp(2) always stops, prctl only for PR_SET_SECCOMP.
// Expects A = nr; falls through with A = nr for other calls.
void appendFilterChecks(std::vector<sock_filter>& prog, int seccompNr, int prctlNr) {
    prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, unsigned(seccompNr), 0, 1));
    prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, unsigned(prctlNr), 0, 4));
    prog.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args))); // low half
    prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, kPrSetSeccomp, 0, 1));
    prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
}

} // namespace

std::vector<unsigned char> buildSeccompProgram(const SyscallFilter& filter) {
    // exit and exit_group never return, and the PTRACE_EVENT_EXIT stop that follows them has
    // their number and argument in the registers: they need no stop of their own.
    auto isExit = [](int nr) { return nr == kNrX86_64.exit || nr == kNrX86_64.exitGroup; };
    std::vector<sock_filter> native64;
    std::vector<sock_filter> compat32;
    if (filter.tracesEverything()) {
        // Every number, known to the table or not, stops; the table's gaps too.
        native64.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, unsigned(kNrX86_64.exit), 2, 0));
        native64.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, unsigned(kNrX86_64.exitGroup), 1, 0));
        native64.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
        native64.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
        compat32.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    } else {
        std::vector<int> native = filter.numbers(Arch::X86_64);
        native.erase(std::remove_if(native.begin(), native.end(), isExit), native.end());
        appendRangeChecks(native64, native);
        appendCloneChecks(native64, kNrX86_64.clone);
        appendFilterChecks(native64, kNrX86_64.seccomp, kNrX86_64.prctl);
        // x32 calls share AUDIT_ARCH_X86_64; syscope does not filter them.
        native64.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, unsigned(kX32SyscallBit), 0, 1));
        native64.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
        native64.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
        appendRangeChecks(compat32, filter.numbers(Arch::I386));
        appendCloneChecks(compat32, kNrI386.clone);
        appendFilterChecks(compat32, kNrI386.seccomp, kNrI386.prctl);
        compat32.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    }

    // A = nr is kept in X while the arch decides which block of range checks applies.
    std::vector<sock_filter> prog;
    prog.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)));
    prog.push_back(stmt(BPF_MISC | BPF_TAX, 0));
    prog.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
    prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
    const size_t toCompat = prog.size();
    prog.push_back(stmt(BPF_JMP | BPF_JA, 0)); // conditional jumps reach only 255 ahead
    prog.push_back(stmt(BPF_MISC | BPF_TXA, 0));
    prog.insert(prog.end(), native64.begin(), native64.end());
    prog[toCompat].k = unsigned(prog.size() - toCompat - 1);
    // A still holds the arch here. An unknown arch is traced, so nothing goes unseen.
    prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 1, 0));
    prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    prog.push_back(stmt(BPF_MISC | BPF_TXA, 0));
    prog.insert(prog.end(), compat32.begin(), compat32.end());

    std::vector<unsigned char> bytes(prog.size() * sizeof(sock_filter));
    std::memcpy(bytes.data(), prog.data(), bytes.size());
    return bytes;
}

} // namespace syscope
