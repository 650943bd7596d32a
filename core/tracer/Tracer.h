// The ptrace engine. One Tracer runs one session (a launched command or attached processes) on
// the thread that calls run(): every ptrace request comes from that thread, as the kernel
// requires. Finished events leave in batches of plain values through an EventSink, called on
// the same thread, so a slow sink slows the tracer down and nothing is ever dropped.
#pragma once

#include "trace/Event.h"
#include "trace/EventSink.h"
#include "tracer/TracerOptions.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace syscope {

struct TraceResult {
    bool started = false; // false: nothing was traced; `error` says why
    std::string error;
    std::vector<std::string> warnings;
    int mainStatus = -1; // raw wait status of the launched (or first attached) process, -1 unknown
    bool detached = false;
    std::uint64_t events = 0;
    std::uint64_t processEvents = 0;
    std::uint64_t mapsSnapshots = 0;

    // As a shell reports it: the exit code, 128 + signal when killed, 0 when unknown.
    int exitCode() const;
};

class Tracer {
public:
    Tracer(TracerOptions options, EventSink& sink);
    ~Tracer();
    Tracer(const Tracer&) = delete;
    Tracer& operator=(const Tracer&) = delete;

    // Traces until every tracee has exited or been detached. Call once, on the thread that is to
    // own the tracees.
    TraceResult run();

    // Ends the session from any thread (async-signal-safe): launched commands are killed,
    // attached processes are detached and keep running. A second call kills launched commands
    // at once even if they ignore the first attempt.
    void requestStop();

    // The pid of the launched command once run() has started it (0 before).
    pid_t launchedPid() const { return m_launchedPid.load(); }

    // The metadata a trace file of this session starts with (command, host, kernel, ...).
    static TraceMetadata describeSession(const TracerOptions& options);

private:
    class Session;
    TracerOptions m_options;
    EventSink& m_sink;
    std::atomic<int> m_stopRequests{0};
    std::atomic<pid_t> m_tracerTid{0};
    std::atomic<pid_t> m_launchedPid{0};
};

} // namespace syscope
