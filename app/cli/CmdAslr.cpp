// syscope-cli aslr: launch a command many times and show how far each region moves.
#include "ArgParser.h"
#include "Command.h"

#include "aslr/AslrExperiment.h"
#include "aslr/AslrFromTrace.h"
#include "aslr/AslrStatistics.h"
#include "proc/SystemFacts.h"
#include "trace/TraceReader.h"
#include "trace/TraceStore.h"
#include "util/JsonWriter.h"

#include <atomic>
#include <cinttypes>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace syscope::cli {
namespace {

std::atomic<bool> g_cancel{false};

void onCancelSignal(int) {
    g_cancel.store(true);
}

struct Report {
    std::vector<std::string> command;
    bool randomize = true;
    bool keepRunning = false;
    bool cancelled = false;
    std::string source; // "launch" or "trace files"
    std::vector<std::string> files;
    SystemFacts system;
    AslrStatistics stats;
};

void printJson(const Report& r) {
    JsonWriter json(std::cout, true);
    json.beginObject();
    json.field("runs", r.stats.runs);
    json.field("randomize", r.randomize);
    json.field("keep_running", r.keepRunning);
    json.field("cancelled", r.cancelled);
    json.field("source", r.source);
    json.key("command").beginArray();
    for (const auto& a : r.command) {
        json.value(a);
    }
    json.endArray();
    if (!r.files.empty()) {
        json.key("files").beginArray();
        for (const auto& f : r.files) {
            json.value(f);
        }
        json.endArray();
    }
    json.key("system").beginObject();
    json.field("randomize_va_space", r.system.randomizeVaSpace);
    json.field("randomize_va_space_text", explainRandomizeVaSpace(r.system.randomizeVaSpace));
    json.field("mmap_rnd_bits", r.system.mmapRndBits);
    json.field("mmap_rnd_compat_bits", r.system.mmapRndCompatBits);
    json.field("vsyscall_mode", r.system.vsyscallMode);
    json.field("kernel", r.system.kernelRelease);
    json.field("hostname", r.system.hostname);
    json.field("machine", r.system.machine);
    json.endObject();
    json.key("regions").beginArray();
    for (const auto& s : r.stats.regions) {
        json.beginObject();
        json.field("name", aslrRegionName(s.region));
        json.field("present", s.present);
        json.field("distinct", s.distinct);
        if (s.present > 0) {
            json.key("min").hexValue(s.min);
            json.key("max").hexValue(s.max);
        } else {
            json.key("min").null();
            json.key("max").null();
        }
        json.key("varying_mask").hexValue(s.varyingMask);
        json.field("varying_bits", s.varyingBits);
        json.field("quality_bits", s.qualityBits);
        json.field("shannon_bits", s.shannonBits);
        json.field("shannon_cap_bits", s.shannonCapBits);
        json.field("alignment_bits", s.alignmentBits);
        json.field("page_aligned", s.pageAligned);
        json.key("addresses").beginArray();
        for (const auto a : s.addresses) {
            json.hexValue(a);
        }
        json.endArray();
        json.endObject();
    }
    json.endArray();
    json.key("constant_offsets").beginArray();
    for (const auto& c : r.stats.constantOffsets) {
        json.beginObject();
        json.field("a", aslrRegionName(c.a));
        json.field("b", aslrRegionName(c.b));
        json.key("offset").hexValue(c.offset);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    std::cout << '\n';
}

void printTable(const Report& r) {
    std::string cmd;
    for (const auto& a : r.command) {
        cmd += (cmd.empty() ? "" : " ") + a;
    }
    if (r.source == "launch") {
        std::printf("ASLR experiment: %d runs of %s (randomization %s%s)%s\n", r.stats.runs,
                    cmd.c_str(), r.randomize ? "on" : "off: ADDR_NO_RANDOMIZE",
                    r.keepRunning ? ", each run to its end" : "",
                    r.cancelled ? " -- cancelled" : "");
    } else {
        std::printf("ASLR comparison of %d recorded traces%s%s\n", r.stats.runs,
                    cmd.empty() ? "" : " of ", cmd.c_str());
    }
    const auto explain = explainRandomizeVaSpace(r.system.randomizeVaSpace);
    const std::string rndBits =
        r.system.mmapRndBits < 0 ? "unknown" : std::to_string(r.system.mmapRndBits);
    std::printf("System: kernel %s; randomize_va_space=%.*s; mmap_rnd_bits=%s; vsyscall %s\n\n",
                r.system.kernelRelease.c_str(), int(explain.size()), explain.data(),
                rndBits.c_str(), r.system.vsyscallMode.c_str());
    std::printf("%-14s %7s %8s  %-18s  %-18s %7s %7s %14s %5s\n", "region", "present", "distinct",
                "min", "max", "varying", "quality", "shannon (cap)", "align");
    for (const auto& s : r.stats.regions) {
        const auto name = aslrRegionName(s.region);
        if (s.present == 0) {
            std::printf("%-14.*s %7s\n", int(name.size()), name.data(), "absent");
            continue;
        }
        std::printf("%-14.*s %7d %8d  0x%016" PRIx64 "  0x%016" PRIx64
                    " %7d %7d %6.2f (%5.2f) %5d\n",
                    int(name.size()), name.data(), s.present, s.distinct, s.min, s.max,
                    s.varyingBits, s.qualityBits, s.shannonBits, s.shannonCapBits, s.alignmentBits);
    }
    std::printf("\nvarying = bits that differed between runs; quality = varying bits set in 35-65%%"
                " of runs (paxtest);\nshannon = entropy of the observed addresses, which can never"
                " exceed log2(runs) (cap).\n");
    if (!r.stats.constantOffsets.empty()) {
        std::printf("\nRegions that move together (one leaked address reveals the other):\n");
        for (const auto& c : r.stats.constantOffsets) {
            const auto a = aslrRegionName(c.a);
            const auto b = aslrRegionName(c.b);
            std::printf("  %-14.*s -> %-14.*s +0x%" PRIx64 "\n", int(a.size()), a.data(),
                        int(b.size()), b.data(), c.offset);
        }
    }
}

// aslr --from: every trace is one run; the system facts are those of the first recording.
int compareTraces(const std::vector<std::string>& files, bool json, Report& report) {
    report.source = "trace files";
    report.files = files;
    std::vector<AslrBases> bases;
    for (std::size_t i = 0; i < files.size(); ++i) {
        TraceStore store;
        std::string error;
        std::string warning;
        if (!loadTrace(files[i], store, &error, {}, &warning)) {
            std::fprintf(stderr, "syscope-cli aslr: %s\n", error.c_str());
            return kExitFailure;
        }
        if (!warning.empty()) {
            std::fprintf(stderr, "syscope-cli aslr: %s: %s\n", files[i].c_str(), warning.c_str());
        }
        const auto b = aslrBasesFromTrace(store, &error);
        if (!b) {
            std::fprintf(stderr, "syscope-cli aslr: %s: %s\n", files[i].c_str(), error.c_str());
            return kExitFailure;
        }
        bases.push_back(*b);
        if (i == 0) {
            const TraceMetadata& m = store.metadata();
            report.command = m.command;
            report.system = SystemFacts{};
            report.system.randomizeVaSpace = m.randomizeVaSpace;
            report.system.vsyscallMode = m.vsyscallMode.empty() ? "unknown" : m.vsyscallMode;
            report.system.kernelRelease = m.kernelRelease;
            report.system.hostname = m.hostname;
            report.system.machine = m.machine;
        }
    }
    report.stats = AslrStatistics::compute(bases);
    if (json) {
        printJson(report);
    } else {
        printTable(report);
    }
    return 0;
}

int runAslr(std::span<char*> args) {
    long long runs = 100;
    bool noRandomize = false;
    bool keepRunning = false;
    bool json = false;
    bool progress = false;
    std::vector<std::string> fromFiles;
    ArgParser parser(
        "aslr",
        "[--runs N] [--no-randomize] [--keep-running] [--json] [--progress] -- CMD ARGS...\n"
        "       syscope-cli aslr [--json] --from FILE.syscope...",
        "Launches CMD N times, stops each run once the loader has mapped libc, and shows per\n"
        "region (exe, interp, libc, [heap], [stack], [vdso], [vvar], [vsyscall], ...) how many\n"
        "address bits varied. SIGINT/SIGTERM end the experiment early and still print results.");
    parser.option("runs", 'n', "N", "number of launches (default 100)",
                  [&](const std::string& v) { return parseInt(v, &runs) && runs > 0; });
    parser.flag("no-randomize", 'R', "launch with personality(ADDR_NO_RANDOMIZE), like setarch -R",
                &noRandomize);
    parser.flag("keep-running", 'k', "let each run finish (output discarded) instead of killing it",
                &keepRunning);
    parser.flag("json", 'j', "print JSON instead of a table", &json);
    parser.flag("progress", 'P', "print 'progress DONE/TOTAL' lines to stderr", &progress);
    parser.multi("from", 'f', "FILE",
                 "compare recorded .syscope traces instead of launching (repeatable)", &fromFiles);
    if (!parser.parse(args, true)) {
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        parser.printHelp();
        return 0;
    }
    Report report;
    report.system = readSystemFacts();
    report.randomize = !noRandomize;
    report.keepRunning = keepRunning;
    if (!fromFiles.empty()) {
        if (parser.sawDoubleDash()) {
            return parser.usageError("--from compares recorded traces; it takes no command");
        }
        // `aslr --from a.syscope b.syscope`: the files after the first one arrive as rest().
        for (const auto& f : parser.rest()) {
            if (f.starts_with("-")) {
                return parser.usageError("put options before the trace files ('" + f + "')");
            }
            fromFiles.push_back(f);
        }
        return compareTraces(fromFiles, json, report);
    }
    report.source = "launch";
    report.command = parser.rest();
    if (report.command.empty()) {
        return parser.usageError("no command given (syscope-cli aslr -- CMD ARGS...)");
    }
    AslrExperimentOptions options;
    options.command = report.command;
    options.runs = static_cast<int>(runs);
    options.randomize = !noRandomize;
    options.keepRunning = keepRunning;
    AslrExperiment experiment(options);
    experiment.setCancelFlag(&g_cancel);
    if (progress) {
        experiment.setProgressCallback([](int done, int total) {
            std::fprintf(stderr, "progress %d/%d\n", done, total);
            std::fflush(stderr);
        });
    }
    struct sigaction sa {};
    sa.sa_handler = onCancelSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::string error;
    const bool ok = experiment.run(&error);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    if (!ok && experiment.runs().empty()) {
        std::fprintf(stderr, "syscope-cli aslr: %s\n", error.c_str());
        return kExitFailure;
    }
    if (!ok) {
        std::fprintf(stderr, "syscope-cli aslr: stopped after %zu runs: %s\n",
                     experiment.runs().size(), error.c_str());
    }
    report.cancelled = experiment.cancelled() || !ok;
    std::vector<AslrBases> bases;
    for (const auto& r : experiment.runs()) {
        bases.push_back(r.bases);
    }
    report.stats = AslrStatistics::compute(bases);
    if (json) {
        printJson(report);
    } else {
        printTable(report);
    }
    return ok ? 0 : kExitFailure;
}

const CommandRegistration registration("aslr", "launch a command many times and measure ASLR",
                                       runAslr);

} // namespace
} // namespace syscope::cli
