// Test helpers: run the Tracer in-process on its own thread into a TraceStore, count events,
// and parse `strace -f -c` output as the oracle.
#pragma once

#include "trace/TraceStore.h"
#include "tracer/Tracer.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace syscope::test {

struct TracedRun {
    TraceStore store;
    TraceResult result;
    // The tracer thread's context switches during run() (getrusage RUSAGE_THREAD): voluntary
    // ones are sleeps, in wait4 above all; involuntary ones include its yields.
    long tracerSleeps = 0;
    long tracerPreemptions = 0;
};

// Runs `options` to completion; `whileRunning` (if given) is called on the test's thread once the
// tracer has started, with the Tracer, and may call requestStop().
void traceInto(TracedRun& run, const TracerOptions& options,
               const std::function<void(Tracer&)>& whileRunning = {});

std::string programPath(const std::string& name);

struct CallCounts {
    long calls = 0;      // every entered call
    long errors = 0;     // returns in [-4095, -1]
    long unfinished = 0; // no exit seen
};

// Per syscall name (i386 ones as "name@i386"), counted over the store.
std::map<std::string, CallCounts> countCalls(const TraceStore& store);

int countProcessEvents(const TraceStore& store, ProcessEventKind kind);

// Runs `strace -f -c -o FILE argv...` and returns per-syscall (calls, errors), where strace's
// calls are the finished calls. Empty map when strace is not installed (`available` false).
std::map<std::string, CallCounts> straceCounts(const std::vector<std::string>& argv,
                                               bool* available);

// Runs `strace -f -o FILE argv...` and returns its signal lines' contents, "SIGCHLD
// {si_signo=...}" and "stopped by SIGSTOP", in order, with the numbers that differ from run to run
// (si_pid, si_utime, si_stime) replaced by "N". Empty when strace is not installed (`available`
// false).
std::vector<std::string> straceSignals(const std::vector<std::string>& argv, bool* available);

// The same for the Signal and Stopped process events of a recorded trace.
std::vector<std::string> recordedSignals(const TraceStore& store);

// Compares syscope's finished calls and errors with strace's, for the given names (all names when
// empty). Returns a human-readable list of differences (empty when equal).
std::string compareWithStrace(const std::map<std::string, CallCounts>& ours,
                              const std::map<std::string, CallCounts>& strace,
                              const std::vector<std::string>& names = {});

} // namespace syscope::test
