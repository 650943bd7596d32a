// Small per-process facts from /proc: who traces it, its name, command line, tasks; and the
// process list the GUI's attach dialog shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace syscope {

// TracerPid from /proc/PID/status (0: not traced); nullopt when unreadable.
std::optional<int> tracerPid(int pid);

// Tgid from /proc/TID/status: the process a task belongs to; nullopt when unreadable.
std::optional<int> threadGroupId(int tid);

// Signals queued for task `tid` and not yet delivered, its own (SigPnd) and its process's
// (ShdPnd): bit n-1 for signal n. nullopt when unreadable.
std::optional<std::uint64_t> pendingSignals(int tid);

// /proc/PID/comm without the newline; empty when unreadable.
std::string readComm(int pid);

// /proc/PID/cmdline split at NULs; empty for kernel threads and zombies.
std::vector<std::string> readCmdline(int pid);

// The target of /proc/PID/exe; empty when unreadable.
std::string readExe(int pid);
// The pid namespace process `pid` lives in ("pid:[4026531836]"); empty if unreadable.
std::string pidNamespace(int pid);

// The tids under /proc/PID/task, ascending; empty when the process is gone.
std::vector<int> listTasks(int pid);

struct ProcessListEntry {
    int pid = 0;
    std::uint32_t uid = 0;
    std::string user; // name for uid, or the number when it has none
    std::string comm;
    std::vector<std::string> cmdline;
    bool kernelThread = false;
};

// Every process in /proc, ascending by pid. Processes that vanish while listing are skipped.
std::vector<ProcessListEntry> listProcesses();

// Why attaching to `pid` with ptrace would fail, as far as can be known without trying:
// "no such process", "kernel thread", "zombie", "already traced by PID 123 (gdb)",
// "owned by uid N: needs root or CAP_SYS_PTRACE", "Yama ptrace_scope=N forbids ...",
// "this is syscope itself". Empty when nothing speaks against it. `asRoot`: as it would be for a
// recorder started with root rights (through pkexec): only the reasons that hold for root.
std::string whyNotTraceable(int pid, bool asRoot = false);

} // namespace syscope
