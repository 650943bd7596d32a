// Tracer overhead: each workload runs untraced, under `syscope-cli record` and under
// `strace -f -o /dev/null`, interleaved round by round so that the machine's noise hits all
// alike; and under bare_tracer, which makes syscope's stops and requests and records nothing:
// the floor for this way of tracing. Printed: medians and the ratio syscope/strace (goal: <= 0.9)
// per workload, once with everything pinned to one CPU (taskset) and once unpinned, as users run
// it; and
// `--filter openat` on the getppid loop against untraced (goal: <= 3x).
//
//   bench_tracer [--rounds N] [--scale F] [--only WORKLOAD]
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

double now() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Runs argv with stdout/stderr to /dev/null; returns seconds, or -1 on failure.
double timeRun(const std::vector<std::string>& argv) {
    std::vector<char*> cargv;
    for (const auto& a : argv) {
        cargv.push_back(const_cast<char*>(a.c_str()));
    }
    cargv.push_back(nullptr);
    std::fflush(stdout); // or the child's freopen would write our buffer again
    const double start = now();
    const pid_t pid = fork();
    if (pid == 0) {
        if (freopen("/dev/null", "w", stdout) == nullptr ||
            freopen("/dev/null", "w", stderr) == nullptr) {
            _exit(126);
        }
        execvp(cargv[0], cargv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const double elapsed = now() - start;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? elapsed : -1;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Workload {
    const char* name;
    long iterations;
};

} // namespace

int main(int argc, char** argv) {
    int rounds = 5;
    double scale = 1.0;
    std::string only; // one workload of the table, one CPU only (for quick comparisons)
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) {
            rounds = std::atoi(argv[++i]);
        } else if (!std::strcmp(argv[i], "--scale") && i + 1 < argc) {
            scale = std::atof(argv[++i]);
        } else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) {
            only = argv[++i];
        } else {
            std::fprintf(stderr,
                         "usage: bench_tracer [--rounds N] [--scale F] [--only WORKLOAD]\n");
            return 2;
        }
    }
    const std::string workload = SYSCOPE_BENCH_WORKLOAD;
    const std::string cli = SYSCOPE_BENCH_CLI;
    const std::string bare = SYSCOPE_BENCH_BARE; // same stops and requests, records nothing
    const std::string trace = "/tmp/syscope-bench-" + std::to_string(getpid()) + ".syscope";
    // Each recording writes a new file, as the default name (with the pid) does; the file is
    // removed after the timed run. Truncating last run's file would add the file system's
    // writeback of its blocks to the time.
    auto timeRecord = [&](const std::vector<std::string>& command) {
        const double t = timeRun(command);
        unlink(trace.c_str());
        return t;
    };
    if (timeRun({"strace", "-V"}) < 0) {
        std::fprintf(stderr, "bench_tracer: strace is not installed\n");
        return 1;
    }
    const Workload workloads[] = {{"getppid", 100000},
                                  {"readwrite", 50000},
                                  {"openclose", 50000},
                                  {"threads", 100000},
                                  {"fork", 1000}};
    std::mt19937 shuffler(20261127); // the same orders in every run of the benchmark
    std::printf(
        "tracer overhead, %d interleaved rounds (each in a shuffled order), medians in ms\n",
        rounds);
    for (const bool pinned : {true, false}) {
        if (!pinned && !only.empty()) {
            break;
        }
        std::printf("\n%s\n", pinned ? "tracer and tracee on one CPU (taskset -c 0 for every run)"
                                     : "unpinned (as users run it; syscope pins itself and a "
                                       "launched command to one CPU by default)");
        std::printf("%-10s %10s %10s %10s %10s %16s %13s %14s\n", "workload", "untraced", "bare",
                    "syscope", "strace", "syscope/strace", "bare/strace", "syscope/untr.");
        for (const auto& w : workloads) {
            if (!only.empty() && only != w.name) {
                continue;
            }
            const std::string n = std::to_string(long(double(w.iterations) * scale));
            std::vector<std::string> prefix;
            if (pinned) {
                prefix = {"taskset", "-c", "0"};
            }
            auto with = [&](std::vector<std::string> tail) {
                std::vector<std::string> v = prefix;
                v.insert(v.end(), tail.begin(), tail.end());
                return v;
            };
            std::vector<double> base, bareRuns, ours, theirs;
            // Each round runs the four in a new order: a run leaves the kernel work of the
            // processes it made (freeing them, RCU) to the next one, and a fixed order would
            // always hand it to the same tool.
            std::array<int, 4> order = {0, 1, 2, 3};
            for (int r = 0; r < rounds; ++r) {
                std::shuffle(order.begin(), order.end(), shuffler);
                for (const int which : order) {
                    switch (which) {
                    case 0:
                        base.push_back(timeRun(with({workload, w.name, n})));
                        break;
                    case 1:
                        bareRuns.push_back(timeRun(with({bare, workload, w.name, n})));
                        break;
                    case 2:
                        ours.push_back(timeRecord(
                            with({cli, "record", "-q", "-o", trace, "--", workload, w.name, n})));
                        break;
                    default:
                        theirs.push_back(timeRun(
                            with({"strace", "-f", "-o", "/dev/null", workload, w.name, n})));
                        break;
                    }
                }
            }
            const double b = median(base), z = median(bareRuns), o = median(ours),
                         s = median(theirs);
            std::printf("%-10s %10.1f %10.1f %10.1f %10.1f %15.2fx %12.2fx %13.2fx\n", w.name,
                        b * 1e3, z * 1e3, o * 1e3, s * 1e3, o / s, z / s, o / b);
            std::fflush(stdout);
        }
    }
    if (!only.empty()) {
        unlink(trace.c_str());
        return 0;
    }
    // Filtered tracing: seccomp lets the unselected getppid calls run without stopping.
    const std::string n = std::to_string(long(100000 * scale));
    std::vector<double> base, filtered;
    for (int r = 0; r < rounds; ++r) {
        base.push_back(timeRun({workload, "getppid", n}));
        filtered.push_back(timeRecord({cli, "record", "-q", "-o", trace, "--filter", "openat", "--",
                                       workload, "getppid", n}));
    }
    std::printf("\n--filter openat on the getppid loop: untraced %.1f ms, syscope %.1f ms: %.2fx "
                "(goal <= 3x)\n",
                median(base) * 1e3, median(filtered) * 1e3, median(filtered) / median(base));
    // --vdso: every vDSO call costs two debug traps; a plain recording sees none of them.
    const std::string calls = std::to_string(long(20000 * scale));
    std::vector<double> clockBase, clockPlain, clockVdso;
    for (int r = 0; r < rounds; ++r) {
        clockBase.push_back(timeRun({workload, "clock", calls}));
        clockPlain.push_back(
            timeRecord({cli, "record", "-q", "-o", trace, "--", workload, "clock", calls}));
        clockVdso.push_back(timeRecord(
            {cli, "record", "-q", "-o", trace, "--vdso", "--", workload, "clock", calls}));
    }
    const double perCall =
        (median(clockVdso) - median(clockPlain)) / double(std::stol(calls)) * 1e6;
    std::printf("--vdso on %s clock_gettime calls: untraced %.1f ms, record %.1f ms, record --vdso "
                "%.1f ms: %.2f us per vDSO call recorded\n",
                calls.c_str(), median(clockBase) * 1e3, median(clockPlain) * 1e3,
                median(clockVdso) * 1e3, perCall);
    unlink(trace.c_str());
    return 0;
}
