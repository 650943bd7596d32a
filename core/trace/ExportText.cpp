// The text exports: Chrome Trace Event JSON, CSV, strace text.
#include "trace/Export.h"
#include "trace/TimeMath.h"

#include "syscalls/Errno.h"
#include "syscalls/EventFormatter.h"
#include "syscalls/Signals.h"
#include "syscalls/SyscallTable.h"
#include "trace/TraceStore.h"
#include "util/JsonWriter.h"

#include <cinttypes>
#include <cstdio>
#include <limits>
#include <unordered_map>

namespace syscope {

namespace {

constexpr std::size_t kProgressEvery = 65536;

// The name an event is shown with: "openat", or the vDSO function's name.
std::string exportName(const SyscallEvent& e) {
    if (e.flags & EventFlag::Vdso) {
        const auto name =
            e.nr >= 0 ? vdsoFunctionName(static_cast<VdsoFunction>(e.nr)) : std::string_view();
        return name.empty() ? "vdso_" + std::to_string(e.nr) : std::string(name);
    }
    const bool compat = (e.flags & EventFlag::Compat32) || e.arch == Arch::I386;
    return syscallName(compat ? Arch::I386 : e.arch, e.nr);
}

StringLookup lookupFor(const TraceStore& store, std::size_t i) {
    return [&store, i](int arg) -> std::optional<ArgString> {
        const auto s = store.string(i, arg);
        if (!s) {
            return std::nullopt;
        }
        return ArgString{s->bytes, s->truncated};
    };
}

// ns as "SSS.NNNNNNNNN" seconds (negative values keep their sign).
std::string seconds(TimeNs ns) {
    char buf[48];
    const bool negative = ns < 0;
    const std::uint64_t v =
        negative ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
    std::snprintf(buf, sizeof buf, "%s%" PRIu64 ".%09" PRIu64, negative ? "-" : "", v / 1000000000u,
                  v % 1000000000u);
    return buf;
}

// ns as microseconds with three decimals: Chrome's "ts"/"dur" unit with nanosecond fractions.
std::string micros(TimeNs ns) {
    char buf[48];
    const bool negative = ns < 0;
    const std::uint64_t v =
        negative ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
    std::snprintf(buf, sizeof buf, "%s%" PRIu64 ".%03" PRIu64, negative ? "-" : "", v / 1000u,
                  v % 1000u);
    return buf;
}

std::string flagNames(std::uint8_t flags) {
    static const char* const names[] = {"unfinished", "restarted", "compat32", "vdso", "seccomp"};
    std::string out;
    for (int b = 0; b < 8; ++b) {
        if (flags & (1u << b)) {
            if (!out.empty()) {
                out += '|';
            }
            out += b < 5 ? names[b] : "flag" + std::to_string(b);
        }
    }
    return out;
}

// The argument list of a formatted call: "openat(AT_FDCWD, ...)" -> "AT_FDCWD, ...".
std::string argumentText(const std::string& call) {
    const std::size_t open = call.find('(');
    if (open == std::string::npos || call.empty() || call.back() != ')') {
        return call;
    }
    return call.substr(open + 1, call.size() - open - 2);
}

std::string errnoText(const SyscallEvent& e) {
    if (!e.failed()) {
        return {};
    }
    const auto name = errnoName(static_cast<int>(-e.ret));
    return name.empty() ? std::to_string(-e.ret) : std::string(name);
}

void csvField(std::ostream& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out << s;
        return;
    }
    out << '"';
    for (char c : s) {
        if (c == '"') {
            out << '"';
        }
        out << c;
    }
    out << '"';
}

std::string taskLabel(const TaskInfo& t) {
    if (!t.comm.empty()) {
        return t.comm;
    }
    if (!t.argv.empty()) {
        return t.argv.front();
    }
    return "task " + std::to_string(t.tid);
}

template <typename Fn>
bool forEachInTimeOrder(const TraceStore& store, const std::function<bool(double)>& progress,
                        Fn fn) {
    const std::size_t n = store.eventCount();
    for (std::size_t k = 0; k < n; ++k) {
        fn(store.eventByEnterTime(k));
        if (progress && (k + 1) % kProgressEvery == 0 &&
            !progress(static_cast<double>(k + 1) / static_cast<double>(n))) {
            return false;
        }
    }
    if (progress) {
        progress(1.0);
    }
    return true;
}

} // namespace

bool writeChromeJson(const TraceStore& store, std::ostream& out,
                     const std::function<bool(double)>& progress) {
    const TimeNs origin = store.startTime();
    out << "{\"displayTimeUnit\":\"ns\",\"otherData\":{";
    const auto& meta = store.metadata();
    std::string command;
    for (const auto& a : meta.command) {
        command += (command.empty() ? "" : " ") + a;
    }
    out << "\"command\":";
    JsonWriter::writeEscaped(out, command);
    out << ",\"kernel\":";
    JsonWriter::writeEscaped(out, meta.kernelRelease);
    out << ",\"hostname\":";
    JsonWriter::writeEscaped(out, meta.hostname);
    out << ",\"syscope_version\":";
    JsonWriter::writeEscaped(out, meta.syscopeVersion);
    out << "},\n\"traceEvents\":[\n";
    bool first = true;
    auto begin = [&] {
        if (!first) {
            out << ",\n";
        }
        first = false;
    };
    // Metadata events: one name per process (its leader's, else its first task's) and thread.
    std::unordered_map<std::int32_t, std::string> processNames;
    for (std::size_t t = 0; t < store.taskCount(); ++t) {
        const TaskInfo& task = store.task(t);
        auto it = processNames.find(task.pid);
        if (it == processNames.end() || task.tid == task.pid) {
            processNames[task.pid] = taskLabel(task);
        }
    }
    for (std::size_t t = 0; t < store.taskCount(); ++t) {
        const TaskInfo& task = store.task(t);
        if (task.tid == task.pid || t == 0 || store.task(t - 1).pid != task.pid) {
            if (processNames.count(task.pid)) {
                begin();
                out << "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":" << task.pid
                    << ",\"tid\":" << task.pid << ",\"args\":{\"name\":";
                JsonWriter::writeEscaped(out, processNames[task.pid] + " (" +
                                                  std::to_string(task.pid) + ")");
                out << "}}";
                processNames.erase(task.pid);
            }
        }
        begin();
        out << "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":" << task.pid
            << ",\"tid\":" << task.tid << ",\"args\":{\"name\":";
        JsonWriter::writeEscaped(out, taskLabel(task) + " (" + std::to_string(task.tid) + ")");
        out << "}}";
    }
    for (const auto& p : store.processEvents()) {
        static const char* const kinds[] = {"start", "fork",   "thread", "exec",
                                            "exit",  "signal", "detach", "stopped"};
        const auto kind = static_cast<std::size_t>(p.kind);
        begin();
        out << "{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"process\",\"name\":\""
            << (kind < 8 ? kinds[kind] : "process") << "\",\"pid\":" << p.pid
            << ",\"tid\":" << p.tid << ",\"ts\":" << micros(wrapSub(p.time, origin))
            << ",\"args\":{\"parent\":" << p.parent << ",\"value\":" << p.value;
        if (p.kind == ProcessEventKind::Signal || p.kind == ProcessEventKind::Stopped) {
            out << ",\"signal\":";
            JsonWriter::writeEscaped(out, signalName(p.value));
            if (!p.detail.empty()) {
                out << ",\"siginfo\":";
                JsonWriter::writeEscaped(out, p.detail);
            }
        }
        if (!p.exe.empty()) {
            out << ",\"exe\":";
            JsonWriter::writeEscaped(out, p.exe);
        }
        out << "}}";
    }
    const bool done = forEachInTimeOrder(store, progress, [&](std::size_t i) {
        const SyscallEvent e = store.event(i);
        const auto lookup = lookupFor(store, i);
        begin();
        const bool unfinished = e.unfinished();
        out << "{\"ph\":\"" << (unfinished ? "i\",\"s\":\"t" : "X") << "\",\"cat\":\""
            << ((e.flags & EventFlag::Vdso) ? "vdso" : "syscall") << "\",\"name\":";
        JsonWriter::writeEscaped(out, exportName(e));
        out << ",\"pid\":" << e.pid << ",\"tid\":" << e.tid
            << ",\"ts\":" << micros(wrapSub(e.enter, origin));
        if (!unfinished) {
            out << ",\"dur\":" << micros(wrapSub(e.exit, e.enter));
        }
        out << ",\"args\":{\"call\":";
        JsonWriter::writeEscaped(out, formatCall(e, lookup));
        out << ",\"return\":";
        JsonWriter::writeEscaped(out, formatReturn(e, &lookup));
        if (e.failed()) {
            out << ",\"errno\":";
            JsonWriter::writeEscaped(out, errnoText(e));
        }
        if (e.flags) {
            out << ",\"flags\":";
            JsonWriter::writeEscaped(out, flagNames(e.flags));
        }
        out << "}}";
    });
    out << "\n]}\n";
    return done;
}

bool writeCsv(const TraceStore& store, std::ostream& out,
              const std::function<bool(double)>& progress) {
    out << "time_ns,pid,tid,syscall,arch,args,ret,errno,duration_ns,flags\n";
    return forEachInTimeOrder(store, progress, [&](std::size_t i) {
        const SyscallEvent e = store.event(i);
        out << e.enter << ',' << e.pid << ',' << e.tid << ',';
        csvField(out, exportName(e));
        out << ',' << archName(e.arch) << ',';
        csvField(out, argumentText(formatCall(e, lookupFor(store, i))));
        out << ',';
        if (!e.unfinished()) {
            out << e.ret;
        }
        out << ',' << errnoText(e) << ',';
        if (!e.unfinished()) {
            out << wrapSub(e.exit, e.enter);
        }
        out << ',' << flagNames(e.flags) << '\n';
    });
}

bool writeStraceText(const TraceStore& store, std::ostream& out,
                     const std::function<bool(double)>& progress) {
    const auto& meta = store.metadata();
    // -ttt prints wall-clock seconds; traces keep CLOCK_MONOTONIC plus the wall clock at start.
    const TimeNs shift = meta.startWallNs ? wrapSub(meta.startWallNs, meta.startMonoNs) : 0;
    const auto& processEvents = store.processEvents();
    std::size_t nextProcess = 0;
    std::unordered_map<std::int32_t, Arch> archOf;
    auto flushProcessEvents = [&](TimeNs upTo) {
        for (; nextProcess < processEvents.size() && processEvents[nextProcess].time <= upTo;
             ++nextProcess) {
            const ProcessEvent& p = processEvents[nextProcess];
            const std::string prefix =
                std::to_string(p.tid) + " " + seconds(wrapAdd(p.time, shift)) + " ";
            const std::string line = formatProcessLine(p, true);
            if (!line.empty()) {
                out << prefix << line << '\n';
            }
        }
    };
    const bool done = forEachInTimeOrder(store, progress, [&](std::size_t i) {
        const SyscallEvent e = store.event(i);
        flushProcessEvents(wrapSub(e.enter, 1));
        if (e.flags & EventFlag::Vdso) {
            return;
        }
        const Arch arch = (e.flags & EventFlag::Compat32) ? Arch::I386 : e.arch;
        auto [it, inserted] = archOf.try_emplace(e.tid, Arch::X86_64);
        if (it->second != arch) {
            it->second = arch;
            out << "[ Process PID=" << e.tid << " runs in "
                << (arch == Arch::I386  ? "32 bit"
                    : arch == Arch::X32 ? "x32"
                                        : "64 bit")
                << " mode. ]\n";
        }
        out << e.tid << ' ' << seconds(wrapAdd(e.enter, shift)) << ' '
            << formatSyscallPadded(e, lookupFor(store, i));
        if (!e.unfinished()) {
            out << " <" << seconds(wrapSub(e.exit, e.enter)) << '>';
        }
        out << '\n';
    });
    flushProcessEvents(std::numeric_limits<TimeNs>::max());
    return done;
}

} // namespace syscope
