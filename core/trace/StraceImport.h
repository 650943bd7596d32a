// Imports strace logs: with and without -f ([pid N] or bare pid prefixes), -ff -o files (pid
// from the file name suffix), -t/-tt/-ttt/-r timestamps, -T durations, -y/-yy annotations,
// <unfinished ...>/<... resumed> pairs across threads, signals, exits, kills, restart_syscall,
// "[ Process PID=N runs in 32 bit mode. ]" and the -c/-C summary table (skipped). Lines it cannot
// understand are counted and reported with file and line number; they never stop the import.
//
// What the text loses is not invented: arguments strace printed as structures, arrays or unknown
// names import as 0; strings (paths, buffers) are kept as strings of their argument; without
// timestamps, times are synthetic (1 µs per line) but their order is the log's.
#pragma once

#include "trace/Event.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

struct StraceImportReport {
    std::size_t files = 0;
    std::size_t lines = 0;
    std::size_t events = 0;
    std::size_t processEvents = 0;
    std::size_t unknownLines = 0;
    std::vector<std::string> unknownSamples; // "FILE:LINE: text" for the first 50
    std::size_t unknownSyscalls = 0;         // names no table knows (imported with nr -1)
    std::size_t unmatchedResumes = 0;        // "<... x resumed>" without its start
    std::size_t unfinishedAtEnd = 0;         // "<unfinished ...>" never resumed
    bool hadTimestamps = false;
    bool hadDurations = false;

    // One paragraph for a CLI warning or a GUI message.
    std::string summary() const;
};

// Parses the logs (one per -ff file, or one -f log) into one batch in time order.
// Returns false with *error only when a file cannot be read.
bool importStraceLogs(const std::vector<std::string>& paths, EventBatch& out, TraceMetadata& meta,
                      StraceImportReport& report, std::string* error);

// The same from text in memory (`name` is used in messages; `pidFromName` is the -ff suffix or 0).
struct StraceText {
    std::string name;
    std::string_view text;
    std::int32_t pidFromName = 0;
};
void importStraceTexts(const std::vector<StraceText>& texts, EventBatch& out, TraceMetadata& meta,
                       StraceImportReport& report);

// Heuristic: do the first lines of `head` read like strace output?
bool looksLikeStraceLog(std::string_view head);

// "trace.12345" -> 12345 (strace -ff -o trace); 0 when the name has no numeric suffix.
std::int32_t pidFromStraceFileName(const std::string& path);

} // namespace syscope
