// syscope-bench-aslr [RUNS [REPEATS [CMD...]]]: times AslrExperiment on a command (default:
// 1000 runs of /bin/true, 3 repeats) and prints the fastest and median wall time, then the
// call costs of vDSO, syscall and vsyscall paths (p50 ns).
#include "aslr/AslrExperiment.h"
#include "aslr/AslrStatistics.h"
#include "proc/SystemFacts.h"
#include "vdso/CallBenchmark.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace syscope;

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000;
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<std::string> command;
    for (int i = 3; i < argc; ++i) {
        command.emplace_back(argv[i]);
    }
    if (command.empty()) {
        command = {"/bin/true"};
    }
    const SystemFacts facts = readSystemFacts();
    std::printf("kernel %s, randomize_va_space=%d, mmap_rnd_bits=%d, vsyscall %s\n",
                facts.kernelRelease.c_str(), facts.randomizeVaSpace, facts.mmapRndBits,
                facts.vsyscallMode.c_str());

    std::vector<double> seconds;
    AslrStatistics last;
    for (int r = 0; r < repeats; ++r) {
        AslrExperimentOptions options;
        options.command = command;
        options.runs = runs;
        AslrExperiment experiment(options);
        const auto t0 = std::chrono::steady_clock::now();
        std::string error;
        if (!experiment.run(&error)) {
            std::fprintf(stderr, "syscope-bench-aslr: %s\n", error.c_str());
            return 1;
        }
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        std::vector<AslrBases> bases;
        for (const auto& run : experiment.runs()) {
            bases.push_back(run.bases);
        }
        last = AslrStatistics::compute(bases);
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("\nASLR experiment, %d runs of %s: fastest %.2f s, median %.2f s (%.0f runs/s)\n",
                runs, command.front().c_str(), seconds.front(), seconds[seconds.size() / 2],
                runs / seconds[seconds.size() / 2]);
    std::printf("%-14s %8s %8s %8s %12s\n", "region", "present", "varying", "quality",
                "shannon/cap");
    for (const auto& s : last.regions) {
        const auto name = aslrRegionName(s.region);
        std::printf("%-14.*s %8d %8d %8d %5.2f/%5.2f\n", int(name.size()), name.data(), s.present,
                    s.varyingBits, s.qualityBits, s.shannonBits, s.shannonCapBits);
    }

    std::printf("\nCall cost, p50 ns (100000 calls per path):\n");
    for (const auto& c : runCallBenchmarks({})) {
        const auto call = benchCallName(c.call);
        const auto path = callPathName(c.path);
        if (c.ok) {
            std::printf("  %-14.*s %-9.*s %8.1f\n", int(call.size()), call.data(), int(path.size()),
                        path.data(), c.latency.p50Ns);
        } else {
            std::printf("  %-14.*s %-9.*s unavailable\n", int(call.size()), call.data(),
                        int(path.size()), path.data());
        }
    }
    return 0;
}
