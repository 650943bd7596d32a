// syscope-cli bench-calls: the lecture's claim "vsyscall is slower than the vDSO, which is
// faster than a syscall" as numbers on this machine.
#include "ArgParser.h"
#include "Command.h"

#include "proc/SystemFacts.h"
#include "util/JsonWriter.h"
#include "vdso/CallBenchmark.h"

#include <cstdio>
#include <iostream>

namespace syscope::cli {
namespace {

void printJson(const std::vector<CallCost>& results, const CallBenchmarkOptions& o,
               const SystemFacts& facts) {
    JsonWriter json(std::cout, true);
    json.beginObject();
    json.field("iterations", o.iterations);
    json.field("batch", o.batch);
    json.field("vsyscall_mode", facts.vsyscallMode);
    json.field("kernel", facts.kernelRelease);
    json.key("results").beginArray();
    for (const auto& r : results) {
        json.beginObject();
        json.field("call", benchCallName(r.call));
        json.field("path", callPathName(r.path));
        json.field("status", r.ok ? "ok" : "unavailable");
        if (!r.ok) {
            json.field("reason", r.reason);
        } else {
            const auto& l = r.latency;
            json.field("samples", static_cast<std::uint64_t>(l.samples));
            json.field("min_ns", l.minNs);
            json.field("p50_ns", l.p50Ns);
            json.field("p90_ns", l.p90Ns);
            json.field("p99_ns", l.p99Ns);
            json.field("max_ns", l.maxNs);
            json.field("mean_ns", l.meanNs);
            json.key("histogram").beginArray();
            for (const auto& b : l.histogram) {
                json.beginObject();
                json.field("lo_ns", b.loNs);
                json.field("hi_ns", b.hiNs);
                json.field("count", b.count);
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
    }
    json.endArray();
    json.endObject();
    std::cout << '\n';
}

void printTable(const std::vector<CallCost>& results, const CallBenchmarkOptions& o,
                const SystemFacts& facts) {
    std::printf("Cost of a call, %d calls per path in batches of %d (kernel %s, vsyscall %s)\n\n",
                o.iterations, o.batch, facts.kernelRelease.c_str(), facts.vsyscallMode.c_str());
    std::printf("%-14s %-9s %10s %10s %10s %10s\n", "call", "path", "p50 ns", "p90 ns", "p99 ns",
                "mean ns");
    for (const auto& r : results) {
        const auto call = benchCallName(r.call);
        const auto path = callPathName(r.path);
        if (!r.ok) {
            std::printf("%-14.*s %-9.*s unavailable: %s\n", int(call.size()), call.data(),
                        int(path.size()), path.data(), r.reason.c_str());
            continue;
        }
        std::printf("%-14.*s %-9.*s %10.1f %10.1f %10.1f %10.1f\n", int(call.size()), call.data(),
                    int(path.size()), path.data(), r.latency.p50Ns, r.latency.p90Ns,
                    r.latency.p99Ns, r.latency.meanNs);
    }
}

int runBenchCalls(std::span<char*> args) {
    long long iterations = 100000;
    long long batch = 16;
    bool json = false;
    std::string assumeVsyscall;
    ArgParser parser("bench-calls", "[--iterations N] [--json]",
                     "Measures clock_gettime, gettimeofday, time and getcpu through the vDSO, the\n"
                     "raw syscall instruction and the legacy vsyscall page, each in its own child\n"
                     "process. One sample = the mean of a batch of back-to-back calls, timed with\n"
                     "CLOCK_MONOTONIC minus the timer's own cost.");
    parser.option("iterations", 'n', "N", "calls per call and path (default 100000)",
                  [&](const std::string& v) { return parseInt(v, &iterations) && iterations > 0; });
    parser.option(
        "batch", 'b', "N", "calls timed together per sample (default 16)",
        [&](const std::string& v) { return parseInt(v, &batch) && batch > 0 && batch <= 4096; });
    parser.option("assume-vsyscall", 0, "MODE",
                  "treat the vsyscall mode as MODE (none, emulate, xonly) instead of reading it",
                  [&](const std::string& v) {
                      assumeVsyscall = v;
                      return v == "none" || v == "emulate" || v == "xonly" || v == "unknown";
                  });
    parser.flag("json", 'j', "print JSON instead of a table", &json);
    if (!parser.parse(args)) {
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        parser.printHelp();
        return 0;
    }
    if (!parser.positional().empty() || !parser.rest().empty()) {
        return parser.usageError("unexpected argument");
    }
    SystemFacts facts = readSystemFacts();
    if (!assumeVsyscall.empty()) {
        facts.vsyscallMode = assumeVsyscall;
    }
    CallBenchmarkOptions options;
    options.iterations = static_cast<int>(std::min<long long>(iterations, 100000000));
    options.batch = static_cast<int>(batch);
    options.vsyscallMode = facts.vsyscallMode;
    const auto results = runCallBenchmarks(options);
    if (json) {
        printJson(results, options, facts);
    } else {
        printTable(results, options, facts);
    }
    return 0;
}

const CommandRegistration
    registration("bench-calls", "measure vDSO vs syscall vs vsyscall call latency", runBenchCalls);

} // namespace
} // namespace syscope::cli
