// An ASLR experiment: launch a command N times, stop each run once the loader has mapped libc,
// and record where every region landed.
//
// Launch: clone(CLONE_VM | CLONE_VFORK) like posix_spawn (no page-table copy, so a launch costs
// the same from a large or sanitized process); the child sets personality(ADDR_NO_RANDOMIZE)
// when asked, PTRACE_TRACEME, and execs; the tracer takes the exec SIGTRAP stop.
//
// Why not stop at exec? At the exec stop only the kernel's mappings exist (executable, loader,
// stack, vDSO, vvar); libc is mapped later by the loader, and [heap] only appears when something
// first extends the brk. So each run is single-stepped from syscall to syscall with
// PTRACE_SYSCALL (about 30 syscalls for a glibc program; no maps re-read on the way):
//   - openat results are resolved through /proc/PID/fd, so the fd of libc is known;
//   - the exit of the first mmap of that fd is the stop point: that mmap reserves libc's whole
//     extent, so its base is final (the later MAP_FIXED mmaps only fill the reservation);
//   - the first brk() returns the heap start (start_brk), which stands for [heap] when the map
//     has no [heap] yet; the first anonymous non-fixed mmap gives the anon_mmap region.
// Static binaries (no AT_BASE) and musl (the loader is libc) stop as soon as the first brk is
// seen (at most a few syscalls later). Then /proc/PID/maps is read once and classified
// (AslrRegions.h), and the run is killed -- or, with keepRunning, continued to its end with a
// PTRACE_O_TRACEEXIT stop where the maps are read again to fill regions that appeared late.
#pragma once

#include "aslr/AslrRegions.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace syscope {

struct AslrRun {
    int pid = 0;
    AslrBases bases;
    int loaderSyscalls = 0;  // syscalls completed before the stop point
    bool libcMapped = false; // the stop point came after libc was mapped (or none was needed)
    bool endedEarly = false; // the program exited before the stop point (bases from exec time)
    bool ranToEnd = false;   // keepRunning: the program finished; exitStatus is valid
    int exitStatus = 0;      // raw wait status when ranToEnd
};

struct AslrExperimentOptions {
    std::vector<std::string> command; // argv; argv[0] is searched in PATH when it has no '/'
    int runs = 100;
    bool randomize = true;        // false: personality(ADDR_NO_RANDOMIZE), like setarch -R
    bool keepRunning = false;     // let each run finish (its stdin/stdout/stderr go to /dev/null)
    int maxLoaderSyscalls = 5000; // give up waiting for libc after this many syscalls
};

class AslrExperiment {
public:
    using ProgressFn = std::function<void(int done, int total)>;

    explicit AslrExperiment(AslrExperimentOptions options);

    void setProgressCallback(ProgressFn fn) { m_progress = std::move(fn); }
    // Checked between runs (and while waiting for a kept-running program).
    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }

    // Performs all runs. False with an error when the command cannot be started at all (the
    // runs done so far stay available). A cancel ends early with true and cancelled() set.
    bool run(std::string* error);
    // One launch; nullopt with an error when it cannot be launched or traced.
    std::optional<AslrRun> runOnce(std::string* error);

    const AslrExperimentOptions& options() const { return m_options; }
    const std::vector<AslrRun>& runs() const { return m_runs; }
    bool cancelled() const { return m_cancelled; }

private:
    bool cancelRequested() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    AslrExperimentOptions m_options;
    std::string m_resolvedPath;
    ProgressFn m_progress;
    const std::atomic<bool>* m_cancel = nullptr;
    std::vector<AslrRun> m_runs;
    bool m_cancelled = false;
};

// Finds `name` the way execvp would: as given when it contains '/', else in $PATH.
std::optional<std::string> resolveExecutable(const std::string& name, std::string* error);

} // namespace syscope
