// Internal: what rendering the arguments of one call needs, shared by EventFormatter.cpp (the
// generic, kind-driven rendering) and SpecialCalls.cpp (calls whose shape depends on their
// arguments, such as clone, fcntl and futex).
#pragma once

#include "syscalls/EventFormatter.h"
#include "syscalls/SyscallTable.h"

#include <optional>
#include <string>

namespace syscope::detail {

// Everything one argument rendering needs.
struct Call {
    const SyscallEvent& e;
    const StringLookup& strings;
    bool compat; // i386: registers are 32 bits wide

    // Registers as the kernel reported them. For int $0x80 calls the kernel itself uses only
    // the low halves, but strace 6.1 shows the full 64-bit values where an argument is not an
    // int (a 64-bit program can leave bits in the upper halves), and so do we.
    std::uint64_t raw(int i) const { return e.args[static_cast<std::size_t>(i)]; }
    std::uint64_t low(int i) const { return raw(i) & 0xffffffffu; }
    std::int64_t asInt(int i) const { return static_cast<std::int32_t>(raw(i) & 0xffffffffu); }
    std::int64_t asLong(int i) const {
        return compat ? static_cast<std::int32_t>(raw(i)) : static_cast<std::int64_t>(raw(i));
    }
};

std::string decimal(std::int64_t v);
std::string udecimal(std::uint64_t v);
std::optional<ArgString> captured(const Call& c, int i);
// A captured string that holds a struct or array already rendered (ArgKind::Ptr and the struct
// kinds), as it is shown.
std::string renderedStruct(const ArgString& s);
// A Path/String/Buffer argument: the captured bytes (cut at `limit`) or the address.
std::string stringArg(const Call& c, const SyscallInfo& info, int i, std::size_t limit,
                      bool allHex = false);
// One argument as its kind in the table says.
std::string argByKind(const Call& c, const SyscallInfo& info, int i);
std::string makedev(std::uint64_t dev);
// Appends ", arg" (or just "arg" right after the opening parenthesis).
void append(std::string& out, const std::string& arg);
// Renders the arguments of calls with a special shape; false for all others.
bool formatSpecial(const Call& c, const SyscallInfo& info, std::string& out);

} // namespace syscope::detail
