// Per-syscall summaries of a trace: what `syscope-cli stats` prints and the GUI's statistics
// view shows. Counting rules are strace -c's (see issue 2): `calls` counts every entered
// syscall, `unfinished` those without an exit, `errors` the returns in [-4095, -1] (restart codes
// such as ERESTARTSYS included), durations are over finished calls only.
#pragma once

#include "trace/Event.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace syscope {

class TraceStore;

struct SyscallStats {
    Arch arch = Arch::X86_64;
    std::int32_t nr = -1;
    std::string name;
    std::uint64_t calls = 0;
    std::uint64_t errors = 0;
    std::uint64_t unfinished = 0;
    // Over finished calls; all 0 when none finished. Percentiles are nearest-rank:
    // the smallest duration d such that at least p% of the durations are <= d.
    TimeNs totalNs = 0;
    TimeNs minNs = 0;
    TimeNs p50Ns = 0;
    TimeNs p99Ns = 0;
    TimeNs maxNs = 0;
};

struct TraceStatistics {
    std::uint64_t events = 0; // syscall events (vDSO calls not included)
    std::uint64_t processes = 0;
    std::uint64_t tasks = 0;
    TimeNs durationNs = 0;              // end - start of the trace (or of the range)
    std::vector<SyscallStats> syscalls; // by arch, then nr
    std::map<std::string, std::uint64_t> errorsByErrno;
    std::vector<SyscallStats> vdsoCalls; // EventFlag::Vdso events, nr is the VdsoFunction
};

// Over the whole store.
TraceStatistics computeStatistics(const TraceStore& store);
// Over the events with indices in [first, last) (append order); processes/tasks count those
// seen in the range, durationNs spans the range's events.
TraceStatistics computeStatistics(const TraceStore& store, std::size_t first, std::size_t last);
// Over an arbitrary list of event indices (a filtered view).
TraceStatistics computeStatistics(const TraceStore& store,
                                  const std::vector<std::uint32_t>& events);

// Nearest-rank percentile of sorted values (p in 0..100); 0 for an empty list.
TimeNs percentileNearestRank(const std::vector<TimeNs>& sorted, double p);

// The `stats --json` document of issue 2 (plus "vdso_calls").
void writeStatisticsJson(const TraceStatistics& stats, std::ostream& out, bool pretty = false);
// An strace -c like table with min/p50/p99/max columns (in microseconds), sorted by total time.
void writeStatisticsTable(const TraceStatistics& stats, std::ostream& out);

} // namespace syscope
