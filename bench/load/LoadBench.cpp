// syscope-bench-load: how fast a big trace opens and how much memory it takes.
//
// Generates a trace of N events (default 10 million) shaped like a recording of a busy program —
// four threads in syscall loops (read/write/getppid/clock_nanosleep), openat/close pairs with
// path strings, mmaps with fresh addresses, failing calls — writes it with TraceWriter, then
// loads it R times (default 5) with loadTrace() into a TraceStore and prints the medians: load
// time (wall and CPU: on a busy machine only the CPU time is comparable), time until the first
// events are available, bytes per event on disk and in memory.
//
//   syscope-bench-load [--events N] [--runs R] [--keep FILE]
#include "trace/TraceReader.h"
#include "trace/TraceStore.h"
#include "trace/TraceWriter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace syscope;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

EventBatch makeBatch(std::size_t count, std::size_t firstIndex, TimeNs* clock,
                     std::mt19937_64& rng) {
    EventBatch b;
    b.events.reserve(count);
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = firstIndex + k;
        SyscallEvent e;
        e.pid = 31337;
        e.tid = 31337 + static_cast<int>(i % 4);
        *clock += 800 + static_cast<TimeNs>(rng() % 1500);
        e.enter = *clock;
        TimeNs dur = 300 + static_cast<TimeNs>(rng() % 900);
        switch (i % 16) {
        case 0:
        case 4:
        case 8:
            e.nr = 0; // read(5, buf, 65536)
            e.args = {5, 0x7ffc0badf000ULL, 65536, 0, 0, 0};
            e.ret = 65536;
            break;
        case 1:
        case 5:
        case 9:
            e.nr = 1; // write(6, buf, 65536)
            e.args = {6, 0x7ffc0badf000ULL, 65536, 0, 0, 0};
            e.ret = 65536;
            break;
        case 2:
        case 6:
        case 10:
        case 14:
            e.nr = 110; // getppid()
            e.ret = 4242;
            break;
        case 3: { // openat(AT_FDCWD, "/usr/lib/...", O_RDONLY|O_CLOEXEC)
            e.nr = 257;
            e.args = {static_cast<std::uint64_t>(-100),
                      0x55d0c0de0000ULL + (rng() % 64) * 64,
                      02000000,
                      0,
                      0,
                      0};
            const bool fails = rng() % 4 == 0;
            e.ret = fails ? -2 : 7;
            b.strings.push_back(
                {static_cast<std::uint32_t>(k), 1, false,
                 "/usr/lib/x86_64-linux-gnu/lib" + std::to_string(rng() % 200) + ".so"});
            break;
        }
        case 7:
            e.nr = 3; // close(7)
            e.args = {7, 0, 0, 0, 0, 0};
            break;
        case 11: // mmap(NULL, len, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
            e.nr = 9;
            e.args = {0, 4096 * (1 + rng() % 256), 3, 0x22, ~0ULL, 0};
            e.ret = static_cast<std::int64_t>(0x7f0000000000ULL + (rng() % (1ULL << 30)) * 4096);
            break;
        case 12: // clock_nanosleep(CLOCK_MONOTONIC, 0, req, NULL)
            e.nr = 230;
            e.args = {1, 0, 0x7ffc0bad0000ULL, 0, 0, 0};
            dur = 50'000 + static_cast<TimeNs>(rng() % 50'000);
            break;
        case 13: // futex wake
            e.nr = 202;
            e.args = {0x55d0c0f00000ULL + (rng() % 8) * 8, 129, 1, 0, 0, 0};
            e.ret = static_cast<std::int64_t>(rng() % 2);
            break;
        default: // access("/etc/ld.so.preload", R_OK) = -1 ENOENT
            e.nr = 21;
            e.args = {0x7f1e2d000000ULL, 4, 0, 0, 0, 0};
            e.ret = -2;
            break;
        }
        e.exit = e.enter + dur;
        *clock = e.exit;
        b.events.push_back(e);
    }
    return b;
}

double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

long peakRssKb() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t events = 10'000'000;
    int runs = 5;
    std::string keep;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--events" && i + 1 < argc) {
            events = std::strtoull(argv[++i], nullptr, 10);
        } else if (a == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--keep" && i + 1 < argc) {
            keep = argv[++i];
        } else {
            std::fprintf(stderr, "usage: %s [--events N] [--runs R] [--keep FILE]\n", argv[0]);
            return 2;
        }
    }
    std::string path = keep;
    if (path.empty()) {
        char tmpl[] = "/tmp/syscope-bench-load-XXXXXX";
        const int fd = mkstemp(tmpl);
        if (fd < 0) {
            std::perror("mkstemp");
            return 1;
        }
        ::close(fd);
        path = tmpl;
    }

    // Write.
    TraceMetadata meta;
    meta.command = {"syscope-bench-load"};
    meta.syscopeVersion = "bench";
    std::string error;
    auto t0 = Clock::now();
    auto writer = TraceWriter::create(path, meta, &error);
    if (!writer) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::mt19937_64 rng(12345);
    TimeNs clock = 1'000'000'000;
    for (std::size_t done = 0; done < events; done += 100'000) {
        const std::size_t n = std::min<std::size_t>(100'000, events - done);
        writer->consume(makeBatch(n, done, &clock, rng));
        writer->flush(); // as the live recorder does every 100 ms
    }
    if (!writer->close(&error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const double writeSeconds = secondsSince(t0);
    const double fileBytes = static_cast<double>(writer->bytesWritten());

    // Load, R times.
    std::vector<double> loadTimes;
    std::vector<double> loadCpu;
    std::vector<double> firstTimes;
    double memoryPerEvent = 0;
    std::size_t loaded = 0;
    for (int r = 0; r < runs; ++r) {
        TraceStore store;
        double first = -1;
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds();
        const bool ok = loadTrace(path, store, &error, [&](double) {
            if (first < 0 && store.eventCount() > 0) {
                first = secondsSince(start);
            }
            return true;
        });
        loadTimes.push_back(secondsSince(start));
        loadCpu.push_back(cpuSeconds() - cpuStart);
        firstTimes.push_back(first < 0 ? loadTimes.back() : first);
        if (!ok) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        loaded = store.eventCount();
        memoryPerEvent = static_cast<double>(store.memoryBytes()) / static_cast<double>(loaded);
    }
    std::printf("events                    %zu\n", loaded);
    std::printf("write                     %.2f s (%.0f ns/event)\n", writeSeconds,
                writeSeconds * 1e9 / static_cast<double>(events));
    std::printf("file size                 %.1f MB, %.2f bytes/event\n", fileBytes / 1e6,
                fileBytes / static_cast<double>(events));
    std::printf("load (median of %d)        %.2f s wall, %.2f s CPU\n", runs, median(loadTimes),
                median(loadCpu));
    std::printf("first events after        %.3f s\n", median(firstTimes));
    std::printf("store memory              %.1f bytes/event (memoryBytes())\n", memoryPerEvent);
    std::printf("peak RSS                  %.0f MB\n", static_cast<double>(peakRssKb()) / 1024);
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) > 0) {
        // Wall time only means something on an otherwise idle machine.
        std::printf("load average              %.2f (machine has %ld CPUs)\n", load[0],
                    sysconf(_SC_NPROCESSORS_ONLN));
    }
    if (keep.empty()) {
        ::unlink(path.c_str());
    }
    return 0;
}
