// syscope-cli stats: the per-syscall summary of a trace (strace -c columns and percentiles).
#include "ArgParser.h"
#include "Command.h"
#include "TraceInput.h"

#include "trace/Statistics.h"
#include "trace/TraceStore.h"

#include <iostream>

namespace syscope::cli {

namespace {

int stats(std::span<char*> args) {
    bool json = false;
    bool pretty = false;
    ArgParser p("stats", "[--json] FILE",
                "Print per-syscall statistics of a trace: calls, errors, unfinished calls and\n"
                "total/min/p50/p99/max time (durations include ptrace's cost per stop).");
    p.flag("json", 'j', "print the summary as JSON", &json);
    p.flag("pretty", 0, "indent the JSON output", &pretty);
    if (!p.parse(args)) {
        return kExitUsage;
    }
    if (p.helpRequested()) {
        p.printHelp();
        return 0;
    }
    if (p.positional().size() != 1) {
        return p.usageError("give exactly one trace file");
    }
    TraceStore store;
    if (!loadTraceForCli("stats", p.positional().front(), store)) {
        return kExitFailure;
    }
    const TraceStatistics s = computeStatistics(store);
    if (json) {
        writeStatisticsJson(s, std::cout, pretty);
        std::cout << '\n';
    } else {
        writeStatisticsTable(s, std::cout);
    }
    std::cout.flush();
    return std::cout.good() ? 0 : kExitFailure;
}

const CommandRegistration registration{"stats", "per-syscall summary of a trace (--json)", stats};

} // namespace

} // namespace syscope::cli
