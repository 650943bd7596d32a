// Makes calls into the vDSO visible (record --vdso). ptrace never sees them: they run in user
// space. Entries are caught with the CPU's debug registers (execute breakpoints, no code is
// patched, so no instruction has to be emulated or stepped over: the kernel sets the resume flag
// after the trap); returns are caught by swapping the return address on the stack for a
// trampoline, a single int3 byte written into the padding of the vDSO's ELF header (e_ident
// bytes 9..15, read by nobody at run time), which then jumps back to the real return address.
//
// x86_64 has four debug address registers, so four functions are watched: clock_gettime,
// gettimeofday, time and getcpu (those the call-cost benchmark compares).
#pragma once

#include "trace/Event.h"

#include <array>
#include <cstdint>
#include <string>
#include <sys/types.h>
#include <unordered_map>
#include <vector>

namespace syscope {

class VdsoHooks {
public:
    struct Watch {
        std::uint64_t address = 0;
        VdsoFunction function = VdsoFunction::ClockGettime;
    };

    // Per process: where its vDSO functions are and where the trampoline is.
    struct ProcessHooks {
        std::vector<Watch> watches; // at most 4
        std::uint64_t trampoline = 0;
        std::uint8_t savedByte = 0; // the header byte the trampoline replaced
        bool installed = false;
    };

    // Finds the vDSO of `pid` (stopped) and writes the trampoline. False with *error when the
    // process has no vDSO or it cannot be parsed or written.
    bool setupProcess(pid_t pid, pid_t stoppedTid, std::string* error);
    // A fork shares the parent's patched memory: copy the parent's description.
    void inheritProcess(pid_t child, pid_t parent);
    void forgetProcess(pid_t pid);
    bool hasProcess(pid_t pid) const { return m_processes.count(pid) != 0; }

    // Loads the debug registers of a stopped task of a set-up process.
    bool armTask(pid_t pid, pid_t tid);

    // Called for a SIGTRAP signal-delivery stop of `tid`. Returns true when the trap was one of
    // ours (the signal must then be suppressed); *completed is set when a call returned, and
    // holds the finished event.
    bool handleTrap(pid_t pid, pid_t tid, TimeNs now, SyscallEvent* completed, bool* isCompleted);

    // Before detaching a stopped task: disarm it and put back return addresses it still owes.
    // `lastOfProcess` also removes the trampoline.
    void releaseTask(pid_t pid, pid_t tid, bool lastOfProcess);
    // The task ended: drop its open calls (they can never return).
    std::vector<SyscallEvent> forgetTask(pid_t tid);

private:
    struct OpenCall {
        SyscallEvent event;
        std::uint64_t returnAddress = 0;
        std::uint64_t slot = 0; // stack address holding the return address
    };
    std::unordered_map<pid_t, ProcessHooks> m_processes;
    std::unordered_map<pid_t, std::vector<OpenCall>> m_open; // per task, innermost last
};

} // namespace syscope
