// syscope-cli import-strace: turn strace logs (-f, -ff -o, -t/-tt/-ttt/-r, -T, -y...) into a
// .syscope trace.
#include "ArgParser.h"
#include "Command.h"

#include "trace/StraceImport.h"
#include "trace/TraceWriter.h"

#include <cstdio>

namespace syscope::cli {

namespace {

int importStrace(std::span<char*> args) {
    std::string output;
    bool quiet = false;
    ArgParser p("import-strace", "LOG... -o FILE",
                "Import strace logs into a syscope trace. Give one log written with or without\n"
                "-f, or all the files of `strace -ff -o NAME` (the pid comes from each file's\n"
                "suffix). Lines that are not understood are counted and listed with their line\n"
                "numbers; they do not stop the import.");
    p.option("output", 'o', "FILE", "the .syscope file to write", [&](const std::string& v) {
        output = v;
        return true;
    });
    p.flag("quiet", 'q', "do not print the import summary", &quiet);
    if (!p.parse(args)) {
        return kExitUsage;
    }
    if (p.helpRequested()) {
        p.printHelp();
        return 0;
    }
    if (p.positional().empty()) {
        return p.usageError("give at least one strace log");
    }
    if (output.empty()) {
        return p.usageError("give the output file with -o FILE");
    }
    EventBatch batch;
    TraceMetadata meta;
    StraceImportReport report;
    std::string error;
    if (!importStraceLogs(p.positional(), batch, meta, report, &error)) {
        std::fprintf(stderr, "syscope-cli import-strace: %s\n", error.c_str());
        return kExitFailure;
    }
    if (batch.events.empty() && batch.processEvents.empty()) {
        std::fprintf(stderr, "syscope-cli import-strace: no strace output found: %s\n",
                     report.summary().c_str());
        return kExitFailure;
    }
    meta.syscopeVersion = "strace import";
    auto writer = TraceWriter::create(output, meta, &error);
    if (!writer) {
        std::fprintf(stderr, "syscope-cli import-strace: %s\n", error.c_str());
        return kExitFailure;
    }
    writer->consume(batch);
    if (!writer->close(&error)) {
        std::fprintf(stderr, "syscope-cli import-strace: %s\n", error.c_str());
        return kExitFailure;
    }
    if (!quiet) {
        std::fprintf(stderr, "syscope-cli import-strace: %s\n", report.summary().c_str());
    }
    return 0;
}

const CommandRegistration registration{"import-strace", "convert strace logs into a trace",
                                       importStrace};

} // namespace

} // namespace syscope::cli
