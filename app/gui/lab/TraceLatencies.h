// Durations of finished calls grouped by call (syscall per ABI, or vDSO function), from a
// list of store events -- the same filtered list the event table and statistics use. Qt-free.
#pragma once

#include "lab/LatencyBins.h"
#include "trace/Event.h"

#include <cstdint>
#include <string>
#include <vector>

namespace syscope {
class TraceStore;
}

namespace syscope::gui::lab {

struct CallLatencies {
    std::string name; // "read", "vdso clock_gettime", "i386 read"
    bool vdso = false;
    Arch arch = Arch::X86_64;
    std::int32_t nr = -1;
    std::vector<std::int64_t> durations; // finished calls only
    std::uint64_t unfinished = 0;
};

// Sorted by number of finished calls, most first (ties: by name).
std::vector<CallLatencies> collectLatencies(const TraceStore& store,
                                            const std::vector<std::uint32_t>& events);

} // namespace syscope::gui::lab
