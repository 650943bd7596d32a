// One line of strace output -> one Record. Used by the strace log importer (StraceImport.cpp).
#pragma once

#include "trace/Event.h"
#include "trace/StraceSyntax.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace syscope::strace {

// One understood line of a log.
struct Record {
    enum Kind : std::uint8_t {
        Call,
        Unfinished,
        Resumed,
        Signal,
        Stopped, // "--- stopped by SIGSTOP ---": a group-stop
        Exited,
        Killed,
        Mode,
        Ignored,
        Superseded, // "+++ superseded by execve in pid N +++": N's exec goes on as this tid
    };
    Kind kind = Ignored;
    std::int32_t tid = 0;
    bool hasTime = false;
    TimeNs time = 0;
    bool hasDuration = false;
    TimeNs duration = 0;
    std::string name;       // syscall name
    std::string args;       // Call: the argument list; Unfinished: its start; Resumed: its rest;
                            // Signal: the siginfo, "{si_signo=...}"
    ReturnValue ret;        // Call, Resumed
    std::int32_t value = 0; // Signal, Stopped: signo; Exited: code; Killed: signo | 0x80 core;
                            // Mode: Arch; Superseded: N
    std::uint32_t file = 0;
    std::uint32_t line = 0;
};

struct FileState {
    std::int32_t defaultTid = 0;
    TimeNs relative = 0; // -r: running sum
    TimeNs lastTod = -1; // -t/-tt: to notice midnight
    TimeNs dayOffset = 0;
    bool inSummary = false;
    std::string carry; // a line cut by "strace: Process N attached"
};

// Parses one line (pid prefix, timestamp, body, -T duration); false when not understood.
bool parseLine(std::string_view line, FileState& fs, Record* r);

} // namespace syscope::strace
