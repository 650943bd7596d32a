#include "vdso/CallBenchmark.h"

#include "proc/SystemFacts.h"
#include "vdso/VdsoImage.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

// Calls through addresses taken from the vDSO or the vsyscall page carry no type information
// that clang's -fsanitize=function could check (it would read before the vsyscall page).
#if defined(__clang__)
#define SYSCOPE_NO_SANITIZE_FUNCTION __attribute__((no_sanitize("function")))
#else
#define SYSCOPE_NO_SANITIZE_FUNCTION
#endif

namespace syscope {

namespace {

using ClockGettimeFn = int (*)(clockid_t, timespec*);
using GettimeofdayFn = int (*)(timeval*, void*);
using TimeFn = time_t (*)(time_t*);
using GetcpuFn = int (*)(unsigned*, unsigned*, void*);

inline long rawSyscall3(long nr, long a1, long a2, long a3) {
    long ret;
    asm volatile("syscall"
                 : "=a"(ret)
                 : "a"(nr), "D"(a1), "S"(a2), "d"(a3)
                 : "rcx", "r11", "memory");
    return ret;
}

std::int64_t nowNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// One batch of `n` calls of `call` through `path` (address `fn` for vdso/vsyscall).
SYSCOPE_NO_SANITIZE_FUNCTION
void callBatch(BenchCall call, CallPath path, std::uint64_t fn, int n) {
    timespec ts{};
    timeval tv{};
    unsigned cpu = 0;
    unsigned node = 0;
    for (int i = 0; i < n; ++i) {
        switch (call) {
        case BenchCall::ClockGettime:
            if (path == CallPath::Syscall) {
                rawSyscall3(SYS_clock_gettime, CLOCK_MONOTONIC, reinterpret_cast<long>(&ts), 0);
            } else {
                reinterpret_cast<ClockGettimeFn>(fn)(CLOCK_MONOTONIC, &ts);
            }
            break;
        case BenchCall::Gettimeofday:
            if (path == CallPath::Syscall) {
                rawSyscall3(SYS_gettimeofday, reinterpret_cast<long>(&tv), 0, 0);
            } else {
                reinterpret_cast<GettimeofdayFn>(fn)(&tv, nullptr);
            }
            break;
        case BenchCall::Time:
            if (path == CallPath::Syscall) {
                rawSyscall3(SYS_time, 0, 0, 0);
            } else {
                reinterpret_cast<TimeFn>(fn)(nullptr);
            }
            break;
        case BenchCall::Getcpu:
            if (path == CallPath::Syscall) {
                rawSyscall3(SYS_getcpu, reinterpret_cast<long>(&cpu), reinterpret_cast<long>(&node),
                            0);
            } else {
                reinterpret_cast<GetcpuFn>(fn)(&cpu, &node, nullptr);
            }
            break;
        }
        asm volatile("" ::: "memory"); // keep every call
    }
}

bool writeAll(int fd, const void* data, std::size_t size) {
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Child side: warm up, measure the timer's own cost, then `samples` batches; the samples go to
// `fd` as doubles (ns per call).
// `out` is allocated by the parent before fork: the child only computes and writes.
[[noreturn]] void measureInChild(int fd, BenchCall call, CallPath path, std::uint64_t fn,
                                 std::vector<double>& out, int batch) {
    callBatch(call, path, fn, batch); // a fault happens here, before anything is written
    std::int64_t overhead = INT64_MAX;
    for (int i = 0; i < 200; ++i) {
        const std::int64_t t0 = nowNs();
        const std::int64_t t1 = nowNs();
        overhead = std::min(overhead, t1 - t0);
    }
    const auto samples = static_cast<int>(out.size());
    for (int s = 0; s < samples; ++s) {
        const std::int64_t t0 = nowNs();
        callBatch(call, path, fn, batch);
        const std::int64_t t1 = nowNs();
        out[static_cast<std::size_t>(s)] =
            std::max<double>(0.0, double(t1 - t0 - overhead)) / double(batch);
    }
    const bool ok = writeAll(fd, out.data(), out.size() * sizeof(double));
    ::_exit(ok ? 0 : 1);
}

std::string describeStatus(int status) {
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* name = sigabbrev_np(sig);
        return std::string("the measuring child was killed by SIG") + (name ? name : "?") +
               " when calling through this path";
    }
    if (WIFEXITED(status)) {
        return "the measuring child failed (exit status " + std::to_string(WEXITSTATUS(status)) +
               "), e.g. a fault caught by a sanitizer";
    }
    return "the measuring child stopped unexpectedly";
}

CallCost measure(BenchCall call, CallPath path, std::uint64_t fn, const CallBenchmarkOptions& o) {
    CallCost cost;
    cost.call = call;
    cost.path = path;
    const int batch = std::max(1, o.batch);
    const int samples = std::max(1, o.iterations / batch);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        cost.reason = std::string("pipe: ") + std::strerror(errno);
        return cost;
    }
    std::vector<double> values(static_cast<std::size_t>(samples));
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        cost.reason = std::string("fork: ") + std::strerror(errno);
        ::close(fds[0]);
        ::close(fds[1]);
        return cost;
    }
    if (pid == 0) {
        ::close(fds[0]);
        measureInChild(fds[1], call, path, fn, values, batch);
    }
    ::close(fds[1]);
    auto* buf = reinterpret_cast<char*>(values.data());
    const std::size_t want = values.size() * sizeof(double);
    std::size_t got = 0;
    while (got < want) {
        const ssize_t n = ::read(fds[0], buf + got, want - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += static_cast<std::size_t>(n);
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (got != want || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        cost.reason = describeStatus(status);
        return cost;
    }
    cost.ok = true;
    cost.latency = summarizeLatencies(std::move(values));
    return cost;
}

} // namespace

std::string_view benchCallName(BenchCall call) {
    switch (call) {
    case BenchCall::ClockGettime:
        return "clock_gettime";
    case BenchCall::Gettimeofday:
        return "gettimeofday";
    case BenchCall::Time:
        return "time";
    case BenchCall::Getcpu:
        return "getcpu";
    }
    return "unknown";
}

std::string_view callPathName(CallPath path) {
    switch (path) {
    case CallPath::Vdso:
        return "vdso";
    case CallPath::Syscall:
        return "syscall";
    case CallPath::Vsyscall:
        return "vsyscall";
    }
    return "unknown";
}

LatencySummary summarizeLatencies(std::vector<double> samples) {
    LatencySummary s;
    s.samples = samples.size();
    if (samples.empty()) {
        return s;
    }
    std::sort(samples.begin(), samples.end());
    const auto rank = [&](double q) {
        const auto i = static_cast<std::size_t>(std::ceil(q * double(samples.size())));
        return samples[std::min(samples.size() - 1, i == 0 ? 0 : i - 1)];
    };
    s.minNs = samples.front();
    s.maxNs = samples.back();
    s.p50Ns = rank(0.50);
    s.p90Ns = rank(0.90);
    s.p99Ns = rank(0.99);
    double sum = 0;
    for (const double v : samples) {
        sum += v;
    }
    s.meanNs = sum / double(samples.size());

    // Ten bins per decade; bin k = [10^(k/10), 10^((k+1)/10)) ns; below 1 ns goes to bin 0.
    const auto binOf = [](double v) {
        if (!(v >= 1.0)) {
            return 0;
        }
        return std::min(200, static_cast<int>(std::floor(10.0 * std::log10(v))));
    };
    const int first = binOf(s.minNs);
    const int last = binOf(s.maxNs);
    s.histogram.resize(static_cast<std::size_t>(last - first + 1));
    for (int k = first; k <= last; ++k) {
        auto& bin = s.histogram[static_cast<std::size_t>(k - first)];
        bin.loNs = k == 0 ? 0.0 : std::pow(10.0, k / 10.0);
        bin.hiNs = std::pow(10.0, (k + 1) / 10.0);
    }
    for (const double v : samples) {
        ++s.histogram[static_cast<std::size_t>(binOf(v) - first)].count;
    }
    return s;
}

std::vector<CallCost> runCallBenchmarks(const CallBenchmarkOptions& options) {
    std::vector<CallCost> out;
    const std::string mode =
        options.vsyscallMode.empty() ? readSystemFacts().vsyscallMode : options.vsyscallMode;
    std::string vdsoError;
    const auto vdso = VdsoImage::fromSelf(&vdsoError);
    const char* vdsoNames[] = {"__vdso_clock_gettime", "__vdso_gettimeofday", "__vdso_time",
                               "__vdso_getcpu"};
    // The vsyscall page has exactly three entry points, 1 KiB apart.
    const std::int64_t vsyscallOffsets[] = {-1, 0x000, 0x400, 0x800};
    for (int c = 0; c < 4; ++c) {
        const auto call = static_cast<BenchCall>(c);
        for (int p = 0; p < 3; ++p) {
            const auto path = static_cast<CallPath>(p);
            CallCost unavailable;
            unavailable.call = call;
            unavailable.path = path;
            std::uint64_t fn = 0;
            if (path == CallPath::Vdso) {
                const VdsoSymbol* sym = vdso ? vdso->findFunction(vdsoNames[c]) : nullptr;
                if (!vdso) {
                    unavailable.reason = "no vDSO: " + vdsoError;
                } else if (!sym) {
                    unavailable.reason = std::string("this vDSO exports no ") + vdsoNames[c];
                }
                fn = sym ? sym->address : 0;
            } else if (path == CallPath::Vsyscall) {
                if (vsyscallOffsets[c] < 0) {
                    unavailable.reason = "the vsyscall page has no clock_gettime (only "
                                         "gettimeofday, time and getcpu)";
                } else if (mode == "none") {
                    unavailable.reason = "vsyscall=none: this kernel maps no vsyscall page "
                                         "(booted with vsyscall=none or built without it)";
                }
                fn = options.vsyscallBase +
                     static_cast<std::uint64_t>(std::max<std::int64_t>(0, vsyscallOffsets[c]));
            }
            if (!unavailable.reason.empty()) {
                out.push_back(std::move(unavailable));
                continue;
            }
            out.push_back(measure(call, path, fn, options));
        }
    }
    return out;
}

} // namespace syscope
