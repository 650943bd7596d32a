// Opening a trace for the read-only subcommands (dump, stats, convert, aslr --from).
#pragma once

#include "trace/TraceStore.h"

#include <string>

namespace syscope::cli {

// Loads `path` into `store`. Prints "syscope-cli CMD: ..." errors and recovery warnings to stderr;
// false when nothing usable could be read.
bool loadTraceForCli(const std::string& command, const std::string& path, TraceStore& store);

} // namespace syscope::cli
