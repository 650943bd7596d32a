// syscope-cli dump: every event of a trace, one strace-like line each, in time order.
#include "ArgParser.h"
#include "Command.h"
#include "TraceInput.h"

#include "syscalls/EventFormatter.h"
#include "trace/TraceStore.h"

#include <cinttypes>
#include <cstdio>
#include <string>

namespace syscope::cli {

namespace {

std::string joinArgv(const std::vector<std::string>& argv) {
    std::string out;
    for (const auto& a : argv) {
        if (!out.empty()) {
            out += ' ';
        }
        out += a;
    }
    return out;
}

std::string describeProcessEvent(const ProcessEvent& p) {
    switch (p.kind) {
    case ProcessEventKind::Start:
        return "*** start " + joinArgv(p.argv);
    case ProcessEventKind::Fork:
        return "*** new process " + std::to_string(p.tid) + " forked by " +
               std::to_string(p.parent);
    case ProcessEventKind::Thread:
        return "*** new thread " + std::to_string(p.tid) + " created by " +
               std::to_string(p.parent);
    case ProcessEventKind::Exec:
        return "*** exec " + joinArgv(p.argv) + (p.exe.empty() ? "" : " (" + p.exe + ")") +
               (p.parent != p.tid && p.parent != 0 ? " by former thread " + std::to_string(p.parent)
                                                   : "");
    case ProcessEventKind::Exit:
    case ProcessEventKind::Signal:
    case ProcessEventKind::Stopped:
        return formatProcessLine(p);
    case ProcessEventKind::Detach:
        return "*** detached";
    }
    return "*** ?";
}

int dump(std::span<char*> args) {
    bool absolute = false;
    bool noProcess = false;
    ArgParser p("dump", "[OPTIONS] FILE",
                "Print every event of a trace in time order, one strace-like line each:\n"
                "seconds since the start, [pid/tid], the decoded call, its result and <duration>.");
    p.flag("absolute", 'a', "print wall-clock times (seconds since the epoch) instead", &absolute);
    p.flag("no-process-events", 0, "omit fork, exec, signal and exit lines", &noProcess);
    if (!p.parse(args)) {
        return kExitUsage;
    }
    if (p.helpRequested()) {
        p.printHelp();
        return 0;
    }
    if (p.positional().size() != 1) {
        return p.usageError("give exactly one trace file");
    }
    TraceStore store;
    if (!loadTraceForCli("dump", p.positional().front(), store)) {
        return kExitFailure;
    }
    const auto& meta = store.metadata();
    const TimeNs origin = absolute ? meta.startMonoNs : store.startTime();
    const std::int64_t wallOffset = absolute ? meta.startWallNs : 0;
    auto printTime = [&](TimeNs t) {
        const std::int64_t ns = t - origin + wallOffset;
        std::printf("%" PRId64 ".%06" PRId64 " ", ns / 1'000'000'000, (ns % 1'000'000'000) / 1000);
    };

    const auto& processEvents = store.processEvents();
    std::size_t nextProcess = 0;
    auto printProcessEventsUntil = [&](TimeNs t) {
        while (!noProcess && nextProcess < processEvents.size() &&
               processEvents[nextProcess].time <= t) {
            const ProcessEvent& pe = processEvents[nextProcess++];
            printTime(pe.time);
            std::printf("[%d/%d] %s\n", pe.pid, pe.tid, describeProcessEvent(pe).c_str());
        }
    };

    const std::size_t n = store.eventCount();
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = store.eventByEnterTime(k);
        const SyscallEvent e = store.event(i);
        printProcessEventsUntil(e.enter);
        const std::string line = formatSyscall(e, [&](int arg) -> std::optional<ArgString> {
            if (auto s = store.string(i, arg)) {
                return ArgString{s->bytes, s->truncated};
            }
            return std::nullopt;
        });
        printTime(e.enter);
        if (e.unfinished()) {
            std::printf("[%d/%d] %s\n", e.pid, e.tid, line.c_str());
        } else {
            const TimeNs d = e.duration();
            std::printf("[%d/%d] %s <%" PRId64 ".%06" PRId64 ">\n", e.pid, e.tid, line.c_str(),
                        d / 1'000'000'000, (d % 1'000'000'000) / 1000);
        }
    }
    printProcessEventsUntil(INT64_MAX);
    return std::fflush(stdout) == 0 ? 0 : kExitFailure;
}

const CommandRegistration registration{"dump", "print every event of a trace, strace-like", dump};

} // namespace

} // namespace syscope::cli
