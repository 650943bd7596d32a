#include "proc/SystemFacts.h"

#include "proc/ProcFile.h"
#include "proc/ProcMaps.h"

#include <sys/utsname.h>
#include <unistd.h>

namespace syscope {

std::string vsyscallModeFromMaps(const MapsSnapshot& maps) {
    for (const auto& e : maps.entries) {
        if (e.path != "[vsyscall]") {
            continue;
        }
        const bool r = e.perms & MapPerm::Read;
        const bool x = e.perms & MapPerm::Exec;
        if (r && x) {
            return "emulate";
        }
        if (x) {
            return "xonly";
        }
        return "unknown";
    }
    return "none";
}

SystemFacts readSystemFacts() {
    SystemFacts f;
    f.randomizeVaSpace = readIntFile("/proc/sys/kernel/randomize_va_space", -1);
    f.mmapRndBits = readIntFile("/proc/sys/vm/mmap_rnd_bits", -1);
    f.mmapRndCompatBits = readIntFile("/proc/sys/vm/mmap_rnd_compat_bits", -1);
    if (const auto maps = readMaps(static_cast<int>(::getpid()), nullptr)) {
        f.vsyscallMode = vsyscallModeFromMaps(*maps);
    } else {
        f.vsyscallMode = "unknown";
    }
    struct utsname u {};
    if (::uname(&u) == 0) {
        f.kernelRelease = u.release;
        f.hostname = u.nodename;
        f.machine = u.machine;
    }
    return f;
}

std::string_view explainRandomizeVaSpace(int value) {
    switch (value) {
    case 0:
        return "0: ASLR off - stack, mmap base, vDSO and heap are at the same place on every run";
    case 1:
        return "1: conservative - stack, mmap base (libraries), vDSO and PIE executables are "
               "randomized, the brk heap is not";
    case 2:
        return "2: full - like 1, and the brk heap is randomized too (the usual default)";
    default:
        return "unknown: /proc/sys/kernel/randomize_va_space could not be read";
    }
}

} // namespace syscope
