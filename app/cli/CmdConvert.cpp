// syscope-cli convert: a trace (or an strace log) to another format.
#include "ArgParser.h"
#include "Command.h"

#include "trace/Export.h"
#include "trace/TraceReader.h"
#include "trace/TraceStore.h"

#include <cstdio>

namespace syscope::cli {

namespace {

int convert(std::span<char*> args) {
    std::string output;
    std::string formatName;
    ArgParser p("convert", "IN -o OUT --format syscope|chrome-json|csv|strace",
                "Convert a trace to another format. IN is a .syscope trace or an strace log\n"
                "(recognised by its content). chrome-json opens in ui.perfetto.dev and\n"
                "chrome://tracing; csv has one row per event; strace writes `strace -f -ttt -T`\n"
                "style text that import-strace reads back.");
    p.option("output", 'o', "OUT", "the file to write", [&](const std::string& v) {
        output = v;
        return true;
    });
    p.option("format", 'f', "FORMAT", "syscope, chrome-json, csv or strace",
             [&](const std::string& v) {
                 formatName = v;
                 return true;
             });
    if (!p.parse(args)) {
        return kExitUsage;
    }
    if (p.helpRequested()) {
        p.printHelp();
        return 0;
    }
    if (p.positional().size() != 1) {
        return p.usageError("give exactly one input file");
    }
    if (output.empty()) {
        return p.usageError("give the output file with -o OUT");
    }
    if (formatName.empty()) {
        return p.usageError("give the output format with --format");
    }
    const auto format = exportFormatFromName(formatName);
    if (!format) {
        return p.usageError("unknown format '" + formatName +
                            "' (use syscope, chrome-json, csv or strace)");
    }
    TraceStore store;
    std::string error;
    std::string warning;
    if (!loadTrace(p.positional().front(), store, &error, {}, &warning)) {
        std::fprintf(stderr, "syscope-cli convert: %s\n", error.c_str());
        return kExitFailure;
    }
    if (!warning.empty()) {
        std::fprintf(stderr, "syscope-cli convert: warning: %s\n", warning.c_str());
    }
    if (!exportTrace(store, *format, output, &error)) {
        std::fprintf(stderr, "syscope-cli convert: %s\n", error.c_str());
        return kExitFailure;
    }
    return 0;
}

const CommandRegistration registration{
    "convert", "convert a trace to syscope, chrome-json, csv or strace", convert};

} // namespace

} // namespace syscope::cli
