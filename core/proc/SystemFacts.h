// Kernel settings that decide what an ASLR experiment or a vDSO benchmark can show.
#pragma once

#include "trace/Event.h"

#include <string>
#include <string_view>

namespace syscope {

struct SystemFacts {
    int randomizeVaSpace = -1;  // /proc/sys/kernel/randomize_va_space (0, 1, 2), -1 unknown
    int mmapRndBits = -1;       // /proc/sys/vm/mmap_rnd_bits, -1 unknown
    int mmapRndCompatBits = -1; // /proc/sys/vm/mmap_rnd_compat_bits, -1 unknown
    // "none", "emulate", "xonly" or "unknown", from the [vsyscall] mapping of /proc/self/maps:
    // absent = none, r-xp = emulate, --xp = xonly.
    std::string vsyscallMode;
    std::string kernelRelease; // uname -r
    std::string hostname;
    std::string machine; // uname -m
};

SystemFacts readSystemFacts();

// The vsyscall mode implied by the maps of one process (see SystemFacts::vsyscallMode).
std::string vsyscallModeFromMaps(const MapsSnapshot& maps);

// One sentence on what a randomize_va_space value means.
std::string_view explainRandomizeVaSpace(int value);

} // namespace syscope
