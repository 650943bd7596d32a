// strace-like syscall sets: "openat,close", "%file", "!%memory", "all", "none".
#pragma once

#include "trace/Event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

class SyscallFilter {
public:
    // Grammar (as strace's -e trace=): a comma-separated list of elements, optionally prefixed
    // by `!` which negates the whole set. Elements: a syscall name (of any arch table), a class
    // (%file %desc %network/%net %process %signal %ipc %memory %creds %clock %stat %lstat
    // %fstat %%stat %statfs %fstatfs %%statfs %pure), `all`, `none`, a number, and `?NAME` to
    // ignore an unknown name instead of failing. A name may carry `@64`, `@32` or `@x32` to
    // restrict it to one ABI. Returns nullopt and sets *error on an unknown name or bad syntax.
    static std::optional<SyscallFilter> parse(std::string_view text, std::string* error);

    // The filter that traces everything.
    static SyscallFilter everything();

    // Like strace, numbers that the arch's table does not know are always traced (a filter can
    // only name known calls, and an unknown call is exactly what one wants to see).
    bool matches(Arch arch, int nr) const;
    // The traced numbers known to one arch table, ascending (for a seccomp-bpf program; numbers
    // above SyscallTable::maxNumber() must be treated as traced there too).
    std::vector<int> numbers(Arch arch) const;
    bool tracesEverything() const;
    bool tracesNothing() const;
    // A canonical text that parse() accepts and that gives the same filter.
    std::string toString() const;

private:
    const std::vector<bool>& bits(Arch arch) const;

    static constexpr int kArchCount = 3;  // indexed by Arch
    std::vector<bool> m_bits[kArchCount]; // per arch: nr -> traced (table numbers only)
};

} // namespace syscope
