// Pieces of strace's output syntax, shared by the strace log importer and its tests: splitting
// an argument list at top-level commas, decoding quoted strings, reading numbers, symbolic
// constants and return values. Everything works on string_views and never reads out of bounds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace syscope::strace {

// Index just past the ')' that closes an argument list whose '(' was already consumed (depth
// starts at `depth`), skipping strings, braces, brackets, comments and -y annotations; npos
// when the list does not close within `text`.
std::size_t findCallEnd(std::string_view text, int depth = 1);

// Splits "a, {b, c}, \"d,e\"" at top-level commas; pieces are trimmed.
std::vector<std::string_view> splitArgs(std::string_view args);

// A quoted strace string at the start of `text`: "abc\n\x01"... . Returns the decoded bytes,
// sets *truncated when strace appended "..." and *consumed to the characters used.
std::optional<std::string> parseQuoted(std::string_view text, bool* truncated,
                                       std::size_t* consumed);

// A number as strace prints it: decimal (maybe negative), 0x hex, 0 octal. Whole text.
std::optional<std::uint64_t> parseNumber(std::string_view text);

// The raw value of one rendered argument when it can be recovered: numbers, NULL, AT_FDCWD,
// fds with -y annotations ("3</etc/passwd>"), and OR-ed known flag names ("O_RDONLY|O_CLOEXEC").
// Structures, arrays and unknown names give nullopt.
std::optional<std::uint64_t> argumentValue(std::string_view arg);

// The part after "= ": "3", "-1 ENOENT (No such file or directory)", "? ERESTARTSYS (...)",
// "0x7f00 (something)", "?"; with -T the trailing "<0.000012>" is removed by the caller.
struct ReturnValue {
    bool unfinished = false; // "= ?" without an errno
    std::int64_t value = 0;
    // What strace explains after a successful result, without the parentheses: poll's
    // "[{fd=3, revents=POLLIN}]", fcntl's "flags O_RDONLY", "Timeout".
    std::string detail;
};
std::optional<ReturnValue> parseReturn(std::string_view text);

// "<0.000123>" at the end of a line (strace -T): seconds as ns; removes it from *line.
std::optional<std::int64_t> takeDuration(std::string_view* line);

} // namespace syscope::strace
