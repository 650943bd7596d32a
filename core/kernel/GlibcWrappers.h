// Which glibc functions issue each syscall (glibc 2.36, Debian 12, x86_64): the "wrapper" step of
// a syscall's road. Declarative, like the syscall table; a syscall glibc never issues on its own
// says so ("none (syscall(2) only)"), and calls the vDSO answers first say that too.
#pragma once

#include "trace/Event.h"

#include <string>
#include <string_view>
#include <vector>

namespace syscope {

struct GlibcWrapper {
    // "open, openat, fopen"; empty when glibc has no function that issues this syscall.
    std::string_view functions;
    // Why, or how: "glibc's open() has used openat since 2.26", "vDSO first".
    std::string_view note;
    bool vdsoFirst = false; // glibc calls into the vDSO and falls back to the syscall
    bool known = false;     // false: syscope's table has no row for this syscall
};

GlibcWrapper glibcWrapper(Arch arch, std::string_view syscallName);

// One short text for tables: "open, openat, fopen", "clock_gettime (vDSO first)",
// "none (syscall(2) only)", or "not listed" when syscope does not know.
std::string glibcWrapperText(Arch arch, std::string_view syscallName);

// The x86_64 syscall names the table has a row for, in its (sorted) order: for tests.
std::vector<std::string_view> glibcWrapperRows();

} // namespace syscope
