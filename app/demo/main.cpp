// syscope-demo: the bundled workload of `make run` and the GUI's "Run the demo".
//
// It makes a short, varied and mostly deterministic mix of syscalls so that every view of syscope
// has something to show: file I/O with a few expected failures, anonymous and file-backed memory
// maps, brk growth, threads that block on futexes, a fork+exec talking through pipes, a signal,
// sleeps, and clock_gettime both through the vDSO (invisible to ptrace) and as a raw syscall.
// Each phase prints one line; pauses between phases keep them apart on a timeline.
// Everything it creates lives in one temporary directory that is removed before it exits, also
// after SIGINT, SIGTERM or SIGHUP.

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;

// Iteration counts of one run. The full run takes about 1-2 s untraced; --quick about 0.1 s.
struct Plan {
    int files = 12;             // files created, written, read, renamed and removed
    int chunksPerFile = 4;      // 4 KiB writes per file
    int brkBlocks = 64;         // 24 KiB malloc blocks (below the mmap threshold: brk grows)
    int threads = 3;            // worker threads
    long spinRounds = 3000000;  // CPU work per thread
    int pipeChunks = 16;        // 4 KiB chunks sent to the exec'd child
    int vdsoCalls = 1000;       // clock_gettime through the vDSO: no syscall at all
    int rawClockCalls = 50;     // clock_gettime through the syscall instruction
    int randomCalls = 4;        // getrandom
    long sleepNs = 10'000'000;  // each of the short sleeps
    long pauseNs = 250'000'000; // pause between phases
};

Plan quickPlan() {
    Plan p;
    p.files = 4;
    p.chunksPerFile = 2;
    p.brkBlocks = 16;
    p.threads = 2;
    p.spinRounds = 200000;
    p.pipeChunks = 4;
    p.vdsoCalls = 100;
    p.rawClockCalls = 10;
    p.randomCalls = 2;
    p.sleepNs = 1'000'000;
    p.pauseNs = 5'000'000;
    return p;
}

std::atomic<bool> g_stop{false};
volatile sig_atomic_t g_usr1Count = 0;
volatile std::uint64_t g_sink = 0; // keeps the optimiser from dropping work whose result is unused

extern "C" void onStopSignal(int) {
    g_stop.store(true);
}
extern "C" void onUsr1(int) {
    g_usr1Count = g_usr1Count + 1;
}

bool stopped() {
    return g_stop.load();
}

void say(const char* phase, const std::string& text) {
    std::printf("[%-7s] %s\n", phase, text.c_str());
    std::fflush(stdout); // one write per line, at the phase's end: visible as such on a timeline
}

__attribute__((format(printf, 1, 2))) std::string format(const char* fmt, ...) {
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}

std::uint64_t monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::uint64_t(ts.tv_sec) * 1'000'000'000u + std::uint64_t(ts.tv_nsec);
}

// Sleeps through glibc (which issues clock_nanosleep); returns early when asked to stop.
void pause(long ns) {
    timespec ts{ns / 1'000'000'000, ns % 1'000'000'000};
    if (!stopped()) {
        nanosleep(&ts, nullptr);
    }
}

bool writeAll(int fd, const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

// The temporary directory and everything in it; removed on every way out of main.
class ScratchDir {
public:
    ScratchDir() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/syscope-demo-XXXXXX";
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        if (mkdtemp(buf.data())) {
            m_path = buf.data();
        } else {
            m_error = std::strerror(errno);
        }
    }
    ~ScratchDir() { removeAll(); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    bool ok() const { return !m_path.empty(); }
    const std::string& error() const { return m_error; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }
    const std::string& path() const { return m_path; }

    // Removes every entry (the demo creates plain files only) and the directory itself.
    void removeAll() {
        if (m_path.empty()) {
            return;
        }
        if (DIR* dir = opendir(m_path.c_str())) {
            while (dirent* e = readdir(dir)) {
                const std::string_view name = e->d_name;
                if (name != "." && name != "..") {
                    unlinkat(dirfd(dir), e->d_name, 0);
                }
            }
            closedir(dir);
        }
        rmdir(m_path.c_str());
        m_path.clear();
    }

private:
    std::string m_path;
    std::string m_error;
};

// Phase 1: create, write, stat, read, rename and remove files; three calls fail on purpose.
bool phaseFiles(const Plan& plan, ScratchDir& dir) {
    std::vector<char> chunk(4096);
    for (size_t i = 0; i < chunk.size(); ++i) {
        chunk[i] = char('a' + i % 26);
    }
    std::uint64_t bytesRead = 0;
    int renamed = 0;
    for (int i = 0; i < plan.files && !stopped(); ++i) {
        const std::string name = dir.file(format("file-%02d.txt", i));
        const int fd = open(name.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            say("files", format("cannot create %s: %s", name.c_str(), std::strerror(errno)));
            return false;
        }
        bool ok = true;
        for (int c = 0; c < plan.chunksPerFile && ok; ++c) {
            ok = writeAll(fd, chunk.data(), chunk.size());
        }
        if (i == 0) {
            fsync(fd);
        }
        close(fd);
        if (!ok) {
            say("files", format("cannot write %s", name.c_str()));
            return false;
        }
    }
    for (int i = 0; i < plan.files && !stopped(); ++i) {
        const std::string name = dir.file(format("file-%02d.txt", i));
        struct stat st {};
        if (stat(name.c_str(), &st) != 0) {
            return false;
        }
        const int fd = open(name.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            return false;
        }
        ssize_t n = 0;
        while ((n = read(fd, chunk.data(), chunk.size())) > 0) {
            bytesRead += std::uint64_t(n);
        }
        lseek(fd, 0, SEEK_SET);
        close(fd);
        const std::string newName = dir.file(format("renamed-%02d.txt", i));
        if (rename(name.c_str(), newName.c_str()) == 0) {
            ++renamed;
        }
    }
    // The expected failures: ENOENT twice and EEXIST once.
    int failures = 0;
    const std::string missing = dir.file("does-not-exist");
    if (open(missing.c_str(), O_RDONLY | O_CLOEXEC) < 0 && errno == ENOENT) {
        ++failures;
    }
    if (access(missing.c_str(), R_OK) < 0 && errno == ENOENT) {
        ++failures;
    }
    if (mkdir(dir.path().c_str(), 0700) < 0 && errno == EEXIST) {
        ++failures;
    }
    int entries = 0;
    if (DIR* d = opendir(dir.path().c_str())) {
        while (readdir(d)) {
            ++entries;
        }
        closedir(d);
    }
    int removed = 0;
    for (int i = 0; i < plan.files; ++i) {
        if (unlink(dir.file(format("renamed-%02d.txt", i)).c_str()) == 0) {
            ++removed;
        }
    }
    say("files",
        format("%d files written (%llu bytes read back), %d renamed, %d removed; %d "
               "directory entries; %d failures on purpose (ENOENT x2, EEXIST)",
               plan.files, (unsigned long long)bytesRead, renamed, removed, entries - 2, failures));
    return renamed == plan.files && removed == plan.files && failures == 3;
}

// Phase 2: anonymous and file-backed mappings, protection changes, mremap, and a growing heap.
bool phaseMemory(const Plan& plan, ScratchDir& dir) {
    const long page = sysconf(_SC_PAGESIZE);
    const size_t anonSize = 1u << 20;
    auto* anon = static_cast<unsigned char*>(
        mmap(nullptr, anonSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (anon == MAP_FAILED) {
        say("memory", format("anonymous mmap failed: %s", std::strerror(errno)));
        return false;
    }
    for (size_t off = 0; off < anonSize; off += size_t(page)) {
        anon[off] = static_cast<unsigned char>(off >> 12);
    }
    mprotect(anon, anonSize / 2, PROT_READ);
    mprotect(anon, anonSize / 2, PROT_READ | PROT_WRITE);
    madvise(anon + anonSize / 2, anonSize / 2, MADV_DONTNEED);
    void* grown = mremap(anon, anonSize, 2 * anonSize, MREMAP_MAYMOVE);
    if (grown == MAP_FAILED) {
        munmap(anon, anonSize);
        return false;
    }
    munmap(grown, 2 * anonSize);

    // A guard-page sandwich: PROT_NONE around one writable page.
    auto* guarded = static_cast<char*>(
        mmap(nullptr, size_t(3 * page), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (guarded != MAP_FAILED) {
        mprotect(guarded + page, size_t(page), PROT_READ | PROT_WRITE);
        guarded[page] = 1;
        munmap(guarded, size_t(3 * page));
    }

    // A file mapped shared (written through the mapping, then msync) and private (read).
    const std::string path = dir.file("mapped.bin");
    const size_t fileSize = 64 * 1024;
    const int fd = open(path.c_str(), O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || ftruncate(fd, off_t(fileSize)) != 0) {
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    std::uint64_t sum = 0;
    if (void* m = mmap(nullptr, fileSize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        m != MAP_FAILED) {
        std::memset(m, 7, fileSize);
        msync(m, fileSize, MS_SYNC);
        munmap(m, fileSize);
    }
    if (void* m = mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd, 0); m != MAP_FAILED) {
        const auto* bytes = static_cast<const unsigned char*>(m);
        for (size_t i = 0; i < fileSize; i += 512) {
            sum += bytes[i];
        }
        munmap(m, fileSize);
    }
    close(fd);
    unlink(path.c_str());

    // Heap growth: many blocks below malloc's mmap threshold make glibc extend the break.
    auto* breakBefore = static_cast<char*>(sbrk(0));
    std::vector<unsigned char*> blocks;
    for (int i = 0; i < plan.brkBlocks; ++i) {
        auto* b = static_cast<unsigned char*>(std::malloc(24 * 1024));
        if (!b) {
            break;
        }
        b[0] = static_cast<unsigned char>(i);
        b[24 * 1024 - 1] = static_cast<unsigned char>(i);
        blocks.push_back(b);
    }
    auto* breakAfter = static_cast<char*>(sbrk(0));
    for (auto* b : blocks) {
        sum += b[0] + b[24 * 1024 - 1];
        std::free(b);
    }
    // One block far above the threshold: glibc serves it with mmap and returns it with munmap.
    if (auto* big = static_cast<unsigned char*>(std::malloc(8u << 20))) {
        big[0] = 1;
        big[(8u << 20) - 1] = 2;
        sum += big[0] + big[(8u << 20) - 1];
        std::free(big);
    }
    g_sink = g_sink + sum;
    say("memory", format("1 MiB anonymous map (mprotect, madvise, mremap to 2 MiB), a guard page, "
                         "a 64 KiB file mapped shared and private; heap grew by %ld KiB",
                         long(breakAfter - breakBefore) / 1024));
    return true;
}

// Phase 3: worker threads that first block on a condition variable (futex waits), then work,
// sleep, ask for random bytes and report back under a mutex; the main thread joins them.
bool phaseThreads(const Plan& plan) {
    std::mutex mutex;
    std::condition_variable cv;
    bool go = false;
    int finished = 0;
    std::uint64_t total = 0;
    std::vector<std::thread> workers;
    for (int t = 0; t < plan.threads; ++t) {
        workers.emplace_back([&, t] {
            {
                std::unique_lock lock(mutex);
                cv.wait(lock, [&] { return go; });
            }
            std::uint64_t x = 0x9e3779b97f4a7c15ull ^ std::uint64_t(t);
            for (long i = 0; i < plan.spinRounds; ++i) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }
            unsigned char random[16];
            if (getrandom(random, sizeof random, 0) > 0) {
                x ^= random[0];
            }
            pause(plan.sleepNs);
            std::lock_guard lock(mutex);
            ++finished;
            total += x & 0xff;
        });
    }
    pause(plan.sleepNs * 2); // the workers are parked on the futex by now
    {
        std::lock_guard lock(mutex);
        go = true;
    }
    cv.notify_all();
    for (auto& w : workers) {
        w.join();
    }
    g_sink = g_sink + total;
    say("threads",
        format("%d threads woke from a futex wait, worked, slept and were joined", finished));
    return finished == plan.threads;
}

// The exec'd child of phase 4: reads stdin to the end and writes back "<bytes> <sum>".
int echoChild() {
    unsigned char buf[4096];
    std::uint64_t bytes = 0;
    std::uint64_t sum = 0;
    for (;;) {
        const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        bytes += std::uint64_t(n);
        for (ssize_t i = 0; i < n; ++i) {
            sum += buf[i];
        }
    }
    char reply[64];
    const int len = std::snprintf(reply, sizeof reply, "%llu %llu\n", (unsigned long long)bytes,
                                  (unsigned long long)sum);
    return writeAll(STDOUT_FILENO, reply, size_t(len)) ? kExitOk : kExitFailed;
}

// Phase 4: fork + exec of this program, talking through two pipes; posix_spawn of /bin/true;
// a signal delivered to a handler.
bool phaseProcesses(const Plan& plan, const char* self) {
    int toChild[2];
    int fromChild[2];
    if (pipe2(toChild, O_CLOEXEC) != 0) {
        return false;
    }
    if (pipe2(fromChild, O_CLOEXEC) != 0) {
        close(toChild[0]);
        close(toChild[1]);
        return false;
    }
    // The real path, not /proc/self/exe, so that the child is named syscope-demo (its comm comes
    // from the file name that was executed).
    char exePath[4096] = {};
    if (readlink("/proc/self/exe", exePath, sizeof exePath - 1) <= 0) {
        std::strcpy(exePath, "/proc/self/exe");
    }
    std::fflush(stdout);
    const pid_t child = fork();
    if (child == 0) {
        // dup2 clears O_CLOEXEC on the new descriptors, so only stdin/stdout survive the exec.
        dup2(toChild[0], STDIN_FILENO);
        dup2(fromChild[1], STDOUT_FILENO);
        char arg0[] = "syscope-demo";
        char arg1[] = "--echo-child";
        char* argv[] = {arg0, arg1, nullptr};
        execve(exePath, argv, environ);
        execve("/proc/self/exe", argv, environ);
        execve(self, argv, environ);
        _exit(127);
    }
    close(toChild[0]);
    close(fromChild[1]);
    if (child < 0) {
        close(toChild[1]);
        close(fromChild[0]);
        say("process", format("fork failed: %s", std::strerror(errno)));
        return false;
    }
    std::vector<unsigned char> chunk(4096);
    std::uint64_t expectedSum = 0;
    for (size_t i = 0; i < chunk.size(); ++i) {
        chunk[i] = static_cast<unsigned char>(i * 31);
        expectedSum += chunk[i];
    }
    expectedSum *= std::uint64_t(plan.pipeChunks);
    bool sent = true;
    for (int i = 0; i < plan.pipeChunks && sent; ++i) {
        sent = writeAll(toChild[1], reinterpret_cast<const char*>(chunk.data()), chunk.size());
    }
    close(toChild[1]);
    char reply[64] = {};
    size_t got = 0;
    while (got + 1 < sizeof reply) {
        const ssize_t n = read(fromChild[0], reply + got, sizeof reply - 1 - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += size_t(n);
    }
    close(fromChild[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    unsigned long long bytes = 0;
    unsigned long long sum = 0;
    const bool echoed = std::sscanf(reply, "%llu %llu", &bytes, &sum) == 2 &&
                        bytes == 4096ull * unsigned(plan.pipeChunks) && sum == expectedSum;

    // posix_spawn uses clone(CLONE_VM|CLONE_VFORK): a different shape of process creation.
    int trueStatus = -1;
    pid_t spawned = 0;
    char trueArg0[] = "true";
    char* trueArgv[] = {trueArg0, nullptr};
    if (posix_spawn(&spawned, "/bin/true", nullptr, nullptr, trueArgv, environ) == 0) {
        while (waitpid(spawned, &trueStatus, 0) < 0 && errno == EINTR) {
        }
    }

    struct sigaction sa {};
    sa.sa_handler = onUsr1;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, nullptr);
    raise(SIGUSR1);

    say("process", format("fork+exec of itself: %s through two pipes (%s), exit status %d; "
                          "/bin/true spawned (exit %d); SIGUSR1 handled %d time(s)",
                          format("%llu bytes", bytes).c_str(), echoed ? "echoed" : "NOT echoed",
                          WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                          trueStatus >= 0 && WIFEXITED(trueStatus) ? WEXITSTATUS(trueStatus) : -1,
                          int(g_usr1Count)));
    return sent && echoed && WIFEXITED(status) && WEXITSTATUS(status) == 0 && g_usr1Count == 1;
}

// Phase 5: time and randomness. clock_gettime through glibc goes to the vDSO and never enters
// the kernel; the same call through syscall(2) does. Then a few real sleeps.
bool phaseTime(const Plan& plan) {
    timespec ts{};
    std::uint64_t acc = 0;
    const std::uint64_t vdsoStart = monotonicNs();
    for (int i = 0; i < plan.vdsoCalls; ++i) {
        clock_gettime(CLOCK_MONOTONIC, &ts);
        acc += std::uint64_t(ts.tv_nsec);
    }
    const std::uint64_t vdsoNs = monotonicNs() - vdsoStart;
    const std::uint64_t rawStart = monotonicNs();
    for (int i = 0; i < plan.rawClockCalls; ++i) {
        syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
        acc += std::uint64_t(ts.tv_nsec);
    }
    const std::uint64_t rawNs = monotonicNs() - rawStart;
    timeval tv{};
    gettimeofday(&tv, nullptr); // vDSO as well
    acc += std::uint64_t(tv.tv_usec) + std::uint64_t(time(nullptr));

    int randomOk = 0;
    for (int i = 0; i < plan.randomCalls; ++i) {
        unsigned char buf[32];
        if (getrandom(buf, sizeof buf, 0) == ssize_t(sizeof buf)) {
            ++randomOk;
            acc += buf[0];
        }
    }

    const timespec nap{0, plan.sleepNs};
    int sleeps = 0;
    for (int i = 0; i < 2 && !stopped(); ++i, ++sleeps) {
        syscall(SYS_nanosleep, &nap, nullptr); // the classic nanosleep syscall
    }
    for (int i = 0; i < 2 && !stopped(); ++i, ++sleeps) {
        clock_nanosleep(CLOCK_MONOTONIC, 0, &nap, nullptr);
    }
    timespec until{};
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_nsec += plan.sleepNs;
    if (until.tv_nsec >= 1'000'000'000) {
        until.tv_nsec -= 1'000'000'000;
        ++until.tv_sec;
    }
    if (!stopped()) {
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nullptr);
        ++sleeps;
    }
    g_sink = g_sink + acc;
    const double vdsoPer = plan.vdsoCalls ? double(vdsoNs) / plan.vdsoCalls : 0.0;
    const double rawPer = plan.rawClockCalls ? double(rawNs) / plan.rawClockCalls : 0.0;
    say("time", format("clock_gettime x%d through the vDSO (%.0f ns each, no syscall) and x%d as "
                       "a raw syscall (%.0f ns each); getrandom x%d; %d sleeps",
                       plan.vdsoCalls, vdsoPer, plan.rawClockCalls, rawPer, randomOk, sleeps));
    return randomOk == plan.randomCalls;
}

void printHelp() {
    std::printf(
        "Usage: syscope-demo [--quick]\n\n"
        "The demo workload of syscope: about 1-2 seconds of varied syscalls to record and explore\n"
        "(syscope-cli record -- syscope-demo). In five phases it writes, reads, renames and\n"
        "removes files in a temporary directory (with three failing calls on purpose), maps\n"
        "anonymous and file memory and grows the heap, runs worker threads that block on\n"
        "futexes, forks and execs itself to talk through pipes, handles a signal, sleeps, and\n"
        "calls clock_gettime both through the vDSO (which ptrace cannot see) and as a syscall.\n"
        "It leaves no files behind.\n\n"
        "Options:\n"
        "  --quick        a much shorter run with fewer iterations (for tests)\n"
        "  -h, --help     show this help\n"
        "  -V, --version  show the version\n\n"
        "Exit status: 0 when every phase did what it should, 1 otherwise, 2 for a usage error,\n"
        "130 when interrupted.\n");
}

} // namespace

#if defined(__SANITIZE_ADDRESS__)
// In sanitizer builds: the demo is made to be traced, and LeakSanitizer cannot inspect a process
// that is being traced (it would fail the run at exit). ASAN_OPTIONS can still turn it back on.
extern "C" const char* __asan_default_options() {
    return "detect_leaks=0";
}
#endif

int main(int argc, char** argv) {
    Plan plan;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--quick") {
            plan = quickPlan();
        } else if (arg == "-h" || arg == "--help") {
            printHelp();
            return kExitOk;
        } else if (arg == "-V" || arg == "--version") {
            std::printf("syscope-demo %s\n", SYSCOPE_DEMO_VERSION);
            return kExitOk;
        } else if (arg == "--echo-child") {
            return echoChild();
        } else {
            std::fprintf(stderr, "syscope-demo: unknown argument '%s' (try --help)\n", argv[i]);
            return kExitUsage;
        }
    }

    struct sigaction sa {};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        sigaction(sig, &sa, nullptr);
    }
    // A closed output pipe (syscope-demo | head -1) must not kill the demo before it cleans up.
    signal(SIGPIPE, SIG_IGN);

    const std::uint64_t start = monotonicNs();
    std::printf("syscope-demo: pid %d, five phases of syscalls\n", int(getpid()));
    std::fflush(stdout);

    bool ok = true;
    {
        ScratchDir dir;
        if (!dir.ok()) {
            std::fprintf(stderr, "syscope-demo: cannot create a temporary directory: %s\n",
                         dir.error().c_str());
            return kExitFailed;
        }
        ok = phaseFiles(plan, dir) && ok;
        pause(plan.pauseNs);
        if (!stopped()) {
            ok = phaseMemory(plan, dir) && ok;
        }
        dir.removeAll();
    }
    pause(plan.pauseNs);
    if (!stopped()) {
        ok = phaseThreads(plan) && ok;
    }
    pause(plan.pauseNs);
    if (!stopped()) {
        ok = phaseProcesses(plan, argv[0]) && ok;
    }
    pause(plan.pauseNs);
    if (!stopped()) {
        ok = phaseTime(plan) && ok;
    }
    if (stopped()) {
        std::fprintf(stderr, "syscope-demo: interrupted; temporary files removed\n");
        return kExitInterrupted;
    }
    std::printf("syscope-demo: %s in %.2f s\n", ok ? "done" : "FAILED (see above)",
                double(monotonicNs() - start) / 1e9);
    return ok ? kExitOk : kExitFailed;
}
