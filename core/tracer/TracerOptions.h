// What a tracing session should do: launch or attach, what to follow, what to record.
#pragma once

#include "syscalls/SyscallFilter.h"
#include "trace/Event.h"

#include <cstddef>
#include <string>
#include <vector>

namespace syscope {

struct TracerOptions {
    // Launch: argv (argv[0] is looked up in PATH when it has no slash).
    std::vector<std::string> command;
    std::vector<std::string> extraEnvironment; // "NAME=value" added to (or replacing in) ours
    std::string workingDirectory;              // empty: inherit
    std::string user;                          // run the command as this user (like strace -u)
    bool noRandomize = false;                  // personality(ADDR_NO_RANDOMIZE), like setarch -R

    // Attach: every thread of each of these processes.
    std::vector<int> attachPids;

    bool followChildren = true; // threads, fork, vfork, clone3
    SyscallFilter filter = SyscallFilter::everything();
    // Launched commands: let syscalls outside the filter run without stopping (seccomp-bpf).
    bool seccomp = true;
    // Run the tracer thread and a launched command on the same CPU. A ptrace stop that has to
    // wake a task on the other CPU costs several times one that stays on the same CPU.
    bool pinCpu = true;
    bool trackMaps = true;                // /proc/PID/maps at exec and after map-changing calls
    bool vdso = false;                    // record calls into the vDSO too (see VdsoHooks)
    std::size_t maxStringBytes = 4096;    // per captured string argument
    TimeNs flushIntervalNs = 100'000'000; // sinks see data at least this often while live
    // Hand a batch to the sinks when it holds this many events. Small (22 KiB of events): the
    // tracer wakes for every stop between the tracee's own work, and a batch that stays in the
    // CPU's caches leaves more of them to the kernel's fork and stop paths (about 2% on a fork
    // loop against 4096); the file writer still collects its 64 KiB chunks.
    std::size_t batchEvents = 256;
};

} // namespace syscope
