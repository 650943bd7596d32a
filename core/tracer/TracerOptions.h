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
    // Hand a batch to the sinks when it holds this many events (about 90 KiB of events). Each
    // hand-over costs the sinks' setup again, and a batch much larger no longer stays in the
    // CPU's caches, which the tracee's fork and stop paths share: same-run comparisons on the
    // fork and getppid loops put 1024 about 1.5% ahead of both 256 and 4096. The file writer
    // still collects its 64 KiB chunks.
    std::size_t batchEvents = 1024;
};

} // namespace syscope
