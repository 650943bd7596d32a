// syscope-cli record: trace a command or attach to processes, stream the trace to a file.
#include "ArgParser.h"
#include "Command.h"

#include "syscalls/SyscallFilter.h"
#include "trace/TraceWriter.h"
#include "tracer/Tracer.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <poll.h>
#include <thread>
#include <unistd.h>

namespace syscope::cli {

namespace {

constexpr int kTracerDone = SIGUSR2;

// Opens the output file on first use, so that the default name can carry the traced pid.
class RecordSink : public EventSink {
public:
    RecordSink(std::string path, const TracerOptions& options)
        : m_path(std::move(path))
        , m_options(options) {}

    void setTracer(const Tracer* tracer) { m_tracer = tracer; }

    bool open() {
        if (m_writer || !m_error.empty()) {
            return m_writer != nullptr;
        }
        if (m_path.empty()) {
            std::string name = m_options.command.empty() ? "pid" : m_options.command.front();
            if (const auto slash = name.rfind('/'); slash != std::string::npos) {
                name = name.substr(slash + 1);
            }
            const int pid = m_options.command.empty() ? m_options.attachPids.front()
                                                      : int(m_tracer ? m_tracer->launchedPid() : 0);
            m_path = "syscope-" + name + "-" + std::to_string(pid) + ".syscope";
        }
        m_writer = TraceWriter::create(m_path, Tracer::describeSession(m_options), &m_error);
        if (m_writer) {
            m_writer->setSyncOnClose(false); // see TraceWriter::setSyncOnClose
        }
        return m_writer != nullptr;
    }
    void consume(const EventBatch& batch) override {
        if (open()) {
            m_writer->consume(batch);
        }
        m_broken = failed();
    }
    void flush() override {
        if (open()) {
            m_writer->flush();
        }
        m_broken = failed();
    }
    // Set on the tracer's thread when the file cannot be written; read by the main thread.
    bool broken() const { return m_broken.load(); }
    bool close(std::string* error) {
        if (!open()) {
            *error = m_error;
            return false;
        }
        return m_writer->close(error);
    }
    const std::string& path() const { return m_path; }
    bool failed() const { return !m_error.empty() || (m_writer && m_writer->failed()); }
    std::string error() const { return m_writer ? m_writer->error() : m_error; }

private:
    std::string m_path;
    const TracerOptions& m_options;
    const Tracer* m_tracer = nullptr;
    std::unique_ptr<TraceWriter> m_writer;
    std::string m_error;
    std::atomic<bool> m_broken{false};
};

// Without blocking: whether standard input is at end of file (or unusable). Bytes that arrive are
// read and ignored.
bool standardInputEnded() {
    pollfd pfd{STDIN_FILENO, POLLIN, 0};
    if (poll(&pfd, 1, 0) <= 0) {
        return false;
    }
    if (pfd.revents & (POLLERR | POLLNVAL)) {
        return true;
    }
    char buf[256];
    const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    return n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN);
}

int record(std::span<char*> args) {
    TracerOptions options;
    std::string output;
    bool noFollow = false;
    bool noSeccomp = false;
    bool noPin = false;
    bool noMaps = false;
    bool quiet = false;
    bool stopOnEof = false;
    std::vector<std::string> pids;
    std::string filterText;

    ArgParser p("record", "[OPTIONS] (-p PID... | -- COMMAND [ARGS...])",
                "Trace a command (or attach to running processes) and write every syscall,\n"
                "process event and address-map change to a .syscope trace file. The exit\n"
                "status is the traced command's (128+N when killed by signal N).");
    p.option("output", 'o', "FILE", "trace file (default: syscope-COMMAND-PID.syscope)",
             [&](const std::string& v) {
                 output = v;
                 return !v.empty();
             });
    p.multi("pid", 'p', "PID", "attach to this process and all its threads (repeatable)", &pids);
    p.flag("no-follow", 0, "trace only the first task: no threads, forks or clones", &noFollow);
    p.option("user", 'u', "NAME", "run the command as this user (like strace -u)",
             [&](const std::string& v) {
                 options.user = v;
                 return !v.empty();
             });
    p.option("filter", 'e', "SET",
             "record only these syscalls: names and classes (%file, %desc, %network, %process,\n"
             "%signal, %ipc, %memory, %creds, %clock, %stat), '!' negates",
             [&](const std::string& v) {
                 filterText = v;
                 return true;
             });
    p.option("cwd", 'C', "DIR", "working directory of the command", [&](const std::string& v) {
        options.workingDirectory = v;
        return !v.empty();
    });
    p.multi("env", 'E', "NAME=VALUE", "set an environment variable for the command (repeatable)",
            &options.extraEnvironment);
    p.flag("no-seccomp", 0,
           "use no seccomp-bpf filter: stop at every syscall's entry and exit (slower)",
           &noSeccomp);
    p.flag("no-pin", 0,
           "do not run the tracer and the command on one CPU (slower stops, all CPUs for the "
           "command)",
           &noPin);
    p.flag("no-maps", 0, "do not record /proc/PID/maps snapshots", &noMaps);
    p.flag("no-randomize", 0, "disable address space randomization (like setarch -R)",
           &options.noRandomize);
    p.flag("vdso", 0,
           "also record calls into the vDSO (clock_gettime, gettimeofday, time, getcpu), which\n"
           "never reach ptrace; each costs two extra stops",
           &options.vdso);
    p.flag("stop-on-eof", 0,
           "end the session (kill or detach) when standard input reaches end of file: for callers\n"
           "that cannot signal the recorder, such as a window that started it through pkexec",
           &stopOnEof);
    p.flag("quiet", 'q', "no summary on stderr", &quiet);
    if (!p.parse(args, true)) {
        return kExitUsage;
    }
    if (p.helpRequested()) {
        p.printHelp();
        return 0;
    }
    options.command = p.rest();
    for (const auto& text : pids) {
        long long pid = 0;
        if (!parseInt(text, &pid) || pid <= 0 || pid > 0x3fffffff) {
            return p.usageError("invalid PID '" + text + "'");
        }
        options.attachPids.push_back(int(pid));
    }
    if (options.command.empty() == options.attachPids.empty()) {
        return p.usageError(options.command.empty()
                                ? "give a command after '--' or a PID with --pid"
                                : "give either a command or --pid, not both");
    }
    if (!filterText.empty()) {
        std::string error;
        auto filter = SyscallFilter::parse(filterText, &error);
        if (!filter) {
            return p.usageError("--filter: " + error);
        }
        options.filter = *filter;
    }
    options.followChildren = !noFollow;
    options.seccomp = !noSeccomp;
    options.pinCpu = !noPin;
    options.trackMaps = !noMaps;

    // Signals go to this thread only; the tracer thread sees just its own wake signal.
    sigset_t handled;
    sigemptyset(&handled);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, kTracerDone}) {
        sigaddset(&handled, s);
    }
    pthread_sigmask(SIG_BLOCK, &handled, nullptr);

    RecordSink sink(output, options);
    if (!output.empty() && !sink.open()) {
        std::fprintf(stderr, "syscope-cli record: %s\n", sink.error().c_str());
        return kExitFailure;
    }
    Tracer tracer(options, sink);
    sink.setTracer(&tracer);

    std::atomic<bool> done{false};
    TraceResult result;
    const pthread_t mainThread = pthread_self();
    std::thread tracerThread([&] {
        result = tracer.run();
        done = true;
        pthread_kill(mainThread, kTracerDone); // wake the loop below at once
    });

    int interrupts = 0;
    bool stoppedForWriteError = false;
    while (!done.load()) {
        timespec tick{0, 100'000'000};
        siginfo_t info{};
        const int sig = sigtimedwait(&handled, &info, &tick);
        if (stopOnEof && standardInputEnded()) {
            stopOnEof = false; // once
            tracer.requestStop();
        }
        if (sink.broken() && !stoppedForWriteError) {
            // Tracing on without a file would only lose more: stop (launched commands are
            // killed, attached processes detached) and report the write error below.
            stoppedForWriteError = true;
            tracer.requestStop();
        }
        if (sig <= 0 || sig == kTracerDone) {
            continue;
        }
        if (sig == SIGINT && !options.command.empty() && interrupts++ == 0) {
            // A terminal's Ctrl-C reaches the command too (same process group); a SIGINT sent to
            // us alone is passed on. The command decides what SIGINT means; a second one kills.
            if (info.si_code <= 0 && tracer.launchedPid() > 0) {
                kill(tracer.launchedPid(), SIGINT);
            }
            continue;
        }
        tracer.requestStop();
    }
    tracerThread.join();

    if (!result.started) {
        std::fprintf(stderr, "syscope-cli record: %s\n", result.error.c_str());
        if (!output.empty()) {
            std::string ignored;
            sink.close(&ignored);
            unlink(output.c_str()); // nothing was traced: leave no empty trace behind
        }
        return result.error.find("cannot find") != std::string::npos ||
                       result.error.find("cannot run") != std::string::npos
                   ? 127
                   : kExitFailure;
    }
    std::string closeError;
    const bool written = sink.close(&closeError);
    for (const auto& w : result.warnings) {
        std::fprintf(stderr, "syscope-cli record: warning: %s\n", w.c_str());
    }
    if (!result.error.empty()) {
        std::fprintf(stderr, "syscope-cli record: %s\n", result.error.c_str());
    }
    if (!written) {
        std::fprintf(stderr, "syscope-cli record: cannot write the trace: %s\n",
                     closeError.c_str());
        return kExitFailure;
    }
    if (!quiet) {
        std::fprintf(stderr,
                     "syscope-cli record: %llu syscalls, %llu process events, %llu address-map "
                     "snapshots written to %s%s\n",
                     static_cast<unsigned long long>(result.events),
                     static_cast<unsigned long long>(result.processEvents),
                     static_cast<unsigned long long>(result.mapsSnapshots), sink.path().c_str(),
                     result.detached ? " (detached)" : "");
    }
    return result.exitCode();
}

const CommandRegistration registration{"record", "trace a command or a running process into a file",
                                       record};

} // namespace

} // namespace syscope::cli
