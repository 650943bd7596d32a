// What a call costs: clock_gettime, gettimeofday, time and getcpu through the vDSO, through the
// raw syscall instruction, and through the legacy vsyscall page -- measured in child processes
// so that a path that faults (no vsyscall page) costs a result line, not syscope.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

enum class BenchCall { ClockGettime = 0, Gettimeofday, Time, Getcpu };
enum class CallPath { Vdso = 0, Syscall, Vsyscall };

std::string_view benchCallName(BenchCall call); // "clock_gettime", ...
std::string_view callPathName(CallPath path);   // "vdso", "syscall", "vsyscall"

struct LatencyBin {
    double loNs = 0; // inclusive
    double hiNs = 0; // exclusive
    std::uint64_t count = 0;
};

struct LatencySummary {
    std::size_t samples = 0;
    double minNs = 0, p50Ns = 0, p90Ns = 0, p99Ns = 0, maxNs = 0, meanNs = 0;
    // Log-scale bins, ten per decade (edges 10^(k/10) ns), from the first to the last bin that
    // holds a sample.
    std::vector<LatencyBin> histogram;
};

// Percentiles by nearest rank on the sorted samples; pure, for tests and for the CLI.
LatencySummary summarizeLatencies(std::vector<double> samplesNs);

struct CallCost {
    BenchCall call = BenchCall::ClockGettime;
    CallPath path = CallPath::Vdso;
    bool ok = false;
    std::string reason; // why the path is unavailable (when !ok)
    LatencySummary latency;
};

struct CallBenchmarkOptions {
    int iterations = 100000; // calls per (call, path); sampled in batches
    int batch = 16;          // calls timed together; one sample = batch time / batch
    // "none", "emulate", "xonly" or "unknown"; empty = read from this process's maps.
    std::string vsyscallMode;
    // Base of the vsyscall page (tests point it at unmapped memory to prove a fault is contained).
    std::uint64_t vsyscallBase = 0xffffffffff600000ull;
};

// Runs every (call, path) pair in its own forked child. Never throws or crashes on a faulting path.
std::vector<CallCost> runCallBenchmarks(const CallBenchmarkOptions& options);

} // namespace syscope
