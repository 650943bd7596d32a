#include "trace/StraceImport.h"
#include "trace/TimeMath.h"

#include "syscalls/SyscallTable.h"
#include "trace/StraceLineParser.h"
#include "trace/StraceSyntax.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

namespace syscope {

using namespace strace;

namespace {

constexpr std::size_t kMaxSamples = 50;

std::string basenameOf(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    std::string base(slash == std::string_view::npos ? path : path.substr(slash + 1));
    if (base.size() > 15) {
        base.resize(15); // as the kernel cuts comm
    }
    return base;
}

struct StringArray {
    std::vector<std::string> elements;
    std::vector<bool> cut; // the element was longer than strace showed ("..."...)
    bool more = false;     // strace left elements out (", ...]")
};

StringArray parseStringArrayFully(std::string_view arg) {
    StringArray out;
    if (arg.size() < 2 || arg.front() != '[') {
        return out;
    }
    const std::size_t close = arg.rfind(']');
    if (close == std::string_view::npos || close == 0) {
        return out;
    }
    for (std::string_view item : splitArgs(arg.substr(1, close - 1))) {
        bool truncated = false;
        if (auto s = parseQuoted(item, &truncated, nullptr)) {
            out.elements.push_back(std::move(*s));
            out.cut.push_back(truncated);
        } else if (item == "...") {
            out.more = true;
        }
    }
    return out;
}

std::vector<std::string> parseStringArray(std::string_view arg) {
    return parseStringArrayFully(arg).elements;
}

bool isCloneLike(std::string_view name) {
    return name == "clone" || name == "clone3" || name == "fork" || name == "vfork";
}

// Where a note of strace itself ("strace: Process 12 attached") starts in the middle of a line
// of trace output; npos when there is none or the note is the whole line.
std::size_t noteCut(std::string_view line) {
    const std::size_t p = line.find("strace: Process ");
    if (p == std::string_view::npos || p == 0) {
        return std::string_view::npos;
    }
    std::size_t k = p;
    auto pathChar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' ||
               c == '-';
    };
    while (k > 0 && pathChar(line[k - 1])) {
        --k;
    }
    const std::size_t start = line[k] == '/' ? k : p;
    return start == 0 ? std::string_view::npos : start;
}

// More environment entries than a kernel accepts (ARG_MAX / 2 bytes) are not believed.
constexpr std::uint64_t kMaxImportedEnvEntries = 1 << 20;

// A syscall after pairing its <unfinished ...> and <... resumed> halves.
struct Call {
    std::int32_t tid = 0;
    TimeNs enter = 0;
    TimeNs exit = 0;
    bool unfinished = false;
    std::int64_t ret = 0;
    std::string retDetail; // see strace::ReturnValue::detail
    Arch arch = Arch::X86_64;
    std::string name;
    std::string args;
    std::uint32_t file = 0;
    std::uint32_t line = 0;
};

// The register slot of the k-th printed argument. strace prints clone() with names and in its
// own order ("child_stack=..., flags=..."); *text loses the "name=" part.
std::size_t argumentSlot(std::string_view syscall, Arch arch, std::size_t k,
                         std::string_view* text) {
    if (syscall != "clone") {
        return k;
    }
    const std::size_t eq = text->find('=');
    if (eq == std::string_view::npos) {
        return k;
    }
    const std::string_view name = text->substr(0, eq);
    *text = text->substr(eq + 1);
    const bool i386 = arch == Arch::I386;
    if (name == "flags") {
        return 0;
    }
    if (name == "child_stack") {
        return 1;
    }
    if (name == "parent_tid") {
        return 2;
    }
    if (name == "child_tidptr") {
        return i386 ? 4 : 3;
    }
    if (name == "tls") {
        return i386 ? 3 : 4;
    }
    return 6;
}

std::string joinArgs(const std::string& a, const std::string& b) {
    if (a.empty()) {
        return b;
    }
    if (b.empty()) {
        return a;
    }
    return a + " " + b;
}

void addSample(StraceImportReport& report, const std::vector<StraceText>& texts, std::uint32_t file,
               std::uint32_t line, std::string_view text) {
    if (report.unknownSamples.size() >= kMaxSamples) {
        return;
    }
    std::string t(text.substr(0, 200));
    report.unknownSamples.push_back(texts[file].name + ":" + std::to_string(line) + ": " + t);
}

} // namespace

std::string StraceImportReport::summary() const {
    std::ostringstream s;
    s << "imported " << events << " syscalls and " << processEvents << " process events from "
      << files << (files == 1 ? " file" : " files") << " (" << lines << " lines)";
    if (!hadTimestamps) {
        s << "; the log has no timestamps (-t/-tt/-ttt/-r), so times are synthetic";
    }
    if (unknownLines) {
        s << "; " << unknownLines << (unknownLines == 1 ? " line was" : " lines were")
          << " not understood";
    }
    if (unknownSyscalls) {
        s << "; " << unknownSyscalls << " calls have unknown syscall names";
    }
    if (unmatchedResumes) {
        s << "; " << unmatchedResumes << " resumed calls had no start";
    }
    if (unfinishedAtEnd) {
        s << "; " << unfinishedAtEnd << " calls never finished";
    }
    for (const auto& sample : unknownSamples) {
        s << "\n  " << sample;
    }
    return s.str();
}

std::int32_t pidFromStraceFileName(const std::string& path) {
    const std::size_t dot = path.rfind('.');
    const std::size_t slash = path.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) ||
        dot + 1 >= path.size() || path.size() - dot - 1 > 9) {
        return 0;
    }
    std::int32_t v = 0;
    for (std::size_t i = dot + 1; i < path.size(); ++i) {
        if (path[i] < '0' || path[i] > '9') {
            return 0;
        }
        v = v * 10 + (path[i] - '0');
    }
    return v;
}

bool looksLikeStraceLog(std::string_view head) {
    FileState fs;
    int good = 0;
    int bad = 0;
    std::size_t pos = 0;
    for (int n = 0; n < 40 && pos < head.size(); ++n) {
        const std::size_t nl = head.find('\n', pos);
        if (nl == std::string_view::npos && n > 0) {
            break; // a cut last line says nothing
        }
        const std::string_view line =
            head.substr(pos, nl == std::string_view::npos ? head.size() - pos : nl - pos);
        pos = nl == std::string_view::npos ? head.size() : nl + 1;
        if (line.find('\0') != std::string_view::npos) {
            return false;
        }
        Record r;
        if (!parseLine(line, fs, &r)) {
            ++bad;
        } else if (r.kind != Record::Ignored) {
            ++good;
        }
    }
    return good > 0 && bad * 2 <= good;
}

void importStraceTexts(const std::vector<StraceText>& texts, EventBatch& out, TraceMetadata& meta,
                       StraceImportReport& report) {
    report.files += texts.size();
    std::vector<Record> records;
    bool anyTime = false;
    // 1. Lines -> records. Logs without any pid get a placeholder tid per file (negative),
    //    replaced below by what getpid()/set_tid_address() returned, if anything.
    for (std::uint32_t f = 0; f < texts.size(); ++f) {
        FileState fs;
        fs.defaultTid =
            texts[f].pidFromName ? texts[f].pidFromName : -static_cast<std::int32_t>(f + 1);
        const std::string_view text = texts[f].text;
        TimeNs synthetic = 0;
        std::size_t pos = 0;
        std::uint32_t lineNo = 0;
        while (pos < text.size()) {
            const std::size_t nl = text.find('\n', pos);
            std::string_view raw =
                text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
            pos = nl == std::string_view::npos ? text.size() : nl + 1;
            ++lineNo;
            ++report.lines;
            std::string joined;
            if (!fs.carry.empty()) {
                joined = fs.carry + std::string(raw);
                fs.carry.clear();
                raw = joined;
            }
            // strace writing to a terminal may cut a line with "strace: Process N attached"
            // (or "/usr/bin/strace: ..." when started by its full path).
            const std::size_t cut = noteCut(raw);
            if (cut != std::string_view::npos) {
                fs.carry = std::string(raw.substr(0, cut));
                continue;
            }
            Record r;
            if (!parseLine(raw, fs, &r)) {
                ++report.unknownLines;
                addSample(report, texts, f, lineNo, raw);
                continue;
            }
            if (r.kind == Record::Ignored) {
                continue;
            }
            r.file = f;
            r.line = lineNo;
            if (r.hasTime) {
                anyTime = true;
            } else {
                synthetic = wrapAdd(synthetic, wrapAdd(1000, r.hasDuration ? r.duration : 0));
                r.time = synthetic;
            }
            report.hadDurations = report.hadDurations || r.hasDuration;
            records.push_back(std::move(r));
        }
    }
    report.hadTimestamps = anyTime;
    if (texts.size() > 1 && anyTime) {
        std::stable_sort(records.begin(), records.end(),
                         [](const Record& a, const Record& b) { return a.time < b.time; });
    }

    // 2. Pair unfinished/resumed halves per task.
    std::vector<Call> calls;
    std::vector<const Record*> others;
    std::unordered_map<std::int32_t, const Record*> pending;
    std::unordered_map<std::int32_t, Arch> archOf;
    auto finishPending = [&](std::int32_t tid) {
        auto it = pending.find(tid);
        if (it == pending.end()) {
            return;
        }
        const Record& p = *it->second;
        Call c;
        c.tid = tid;
        c.enter = c.exit = p.time;
        c.unfinished = true;
        c.arch = archOf.count(tid) ? archOf[tid] : Arch::X86_64;
        c.name = p.name;
        c.args = p.args;
        c.file = p.file;
        c.line = p.line;
        calls.push_back(std::move(c));
        pending.erase(it);
    };
    for (const Record& r : records) {
        switch (r.kind) {
        case Record::Call:
        case Record::Resumed: {
            Call c;
            c.tid = r.tid;
            c.arch = archOf.count(r.tid) ? archOf[r.tid] : Arch::X86_64;
            c.name = r.name;
            c.file = r.file;
            c.line = r.line;
            c.unfinished = r.ret.unfinished;
            c.ret = r.ret.value;
            c.retDetail = r.ret.detail;
            if (r.kind == Record::Call) {
                c.args = r.args;
                c.enter = r.time;
                c.exit = wrapAdd(r.time, r.hasDuration ? r.duration : 0);
            } else {
                auto it = pending.find(r.tid);
                if (it != pending.end() && it->second->name == r.name) {
                    const Record& p = *it->second;
                    c.args = joinArgs(p.args, r.args);
                    c.enter = p.time;
                    c.exit = r.hasDuration ? wrapAdd(p.time, r.duration) : std::max(p.time, r.time);
                    c.file = p.file;
                    c.line = p.line;
                    pending.erase(it);
                } else {
                    finishPending(r.tid);
                    ++report.unmatchedResumes;
                    c.args = r.args;
                    c.exit = r.time;
                    c.enter = wrapSub(r.time, r.hasDuration ? r.duration : 0);
                }
            }
            if (c.unfinished) {
                c.exit = c.enter;
            }
            calls.push_back(std::move(c));
            break;
        }
        case Record::Unfinished:
            finishPending(r.tid);
            pending[r.tid] = &r;
            break;
        case Record::Exited:
        case Record::Killed:
            finishPending(r.tid);
            others.push_back(&r);
            break;
        case Record::Signal:
        case Record::Stopped:
            others.push_back(&r);
            break;
        case Record::Mode:
            archOf[r.tid] = static_cast<Arch>(r.value);
            break;
        case Record::Superseded: {
            // The exec'ing thread's unfinished execve now resumes under this tid.
            auto it = pending.find(r.value);
            if (it != pending.end() && r.value != r.tid) {
                finishPending(r.tid);
                pending[r.tid] = it->second;
                pending.erase(it);
            }
            break;
        }
        case Record::Ignored:
            break;
        }
    }
    std::vector<std::int32_t> leftovers;
    for (const auto& [tid, rec] : pending) {
        leftovers.push_back(tid);
    }
    std::sort(leftovers.begin(), leftovers.end());
    report.unfinishedAtEnd += leftovers.size();
    for (std::int32_t tid : leftovers) {
        finishPending(tid);
    }

    // 3. Real ids for logs without pids.
    std::unordered_map<std::int32_t, std::int32_t> realTid;
    for (const Call& c : calls) {
        if (c.tid < 0 && !c.unfinished && c.ret > 0 && c.ret < (1 << 22) && !realTid.count(c.tid) &&
            (c.name == "getpid" || c.name == "gettid" || c.name == "set_tid_address")) {
            realTid[c.tid] = static_cast<std::int32_t>(c.ret);
        }
    }
    auto fixTid = [&](std::int32_t tid) {
        if (tid >= 0) {
            return tid;
        }
        auto it = realTid.find(tid);
        return it != realTid.end() ? it->second : -tid; // file number as a last resort
    };

    // 4. Who created whom: clone()/fork() return values.
    std::unordered_map<std::int32_t, std::int32_t> parentOf;
    std::unordered_map<std::int32_t, bool> isThread;
    std::unordered_map<std::int32_t, TimeNs> createdAt;
    for (Call& c : calls) {
        c.tid = fixTid(c.tid);
        if (isCloneLike(c.name) && !c.unfinished && c.ret > 0 && c.ret <= 0x3fffffff) {
            const auto child = static_cast<std::int32_t>(c.ret);
            if (!parentOf.count(child)) {
                parentOf[child] = c.tid;
                isThread[child] = c.args.find("CLONE_THREAD") != std::string::npos;
                createdAt[child] = c.exit;
            }
        }
    }
    auto pidOf = [&](std::int32_t tid) {
        for (int hops = 0; hops < 64; ++hops) {
            auto it = isThread.find(tid);
            if (it == isThread.end() || !it->second) {
                break;
            }
            tid = parentOf[tid];
        }
        return tid;
    };

    // 5. Events, strings and process events.
    std::map<std::int32_t, TimeNs> firstSeen;
    auto see = [&](std::int32_t tid, TimeNs t) {
        auto [it, inserted] = firstSeen.try_emplace(tid, t);
        if (!inserted) {
            it->second = std::min(it->second, t);
        }
    };
    std::vector<ProcessEvent> processEvents;
    std::unordered_map<std::int32_t, const Call*> firstExec;
    out.events.reserve(out.events.size() + calls.size());
    for (const Call& c : calls) {
        see(c.tid, c.enter);
        SyscallEvent e;
        e.tid = c.tid;
        e.pid = pidOf(c.tid);
        e.enter = c.enter;
        e.exit = c.exit;
        e.arch = c.arch;
        e.ret = c.ret;
        if (c.unfinished) {
            e.flags |= EventFlag::Unfinished;
        }
        if (c.arch == Arch::I386) {
            e.flags |= EventFlag::Compat32;
        }
        const auto nr = SyscallTable::forArch(c.arch).numberOf(c.name);
        if (nr) {
            e.nr = *nr;
        } else if (c.name.rfind("syscall_0x", 0) == 0) {
            const auto v = parseNumber(std::string_view(c.name).substr(8));
            e.nr = v && *v < 0x7fffffff ? static_cast<std::int32_t>(*v) : -1;
        } else {
            e.nr = -1;
            ++report.unknownSyscalls;
            addSample(report, texts, c.file, c.line, "unknown syscall name " + c.name);
        }
        const auto index = static_cast<std::uint32_t>(out.events.size());
        const SyscallInfo* row = nr ? SyscallTable::forArch(c.arch).lookup(*nr) : nullptr;
        const auto args = splitArgs(c.args);
        for (std::size_t k = 0; k < args.size() && k < 6; ++k) {
            std::string_view text = args[k];
            const std::size_t a = argumentSlot(c.name, c.arch, k, &text);
            if (a >= 6) {
                continue;
            }
            if (!text.empty() &&
                (text.front() == '{' || text.front() == '[' || text.front() == '"') && row &&
                a < row->argCount && isRenderedStructKind(row->args[a])) {
                // A struct, an array or bytes strace decoded for an argument syscope shows as a
                // rendering ("{st_mode=...}", "[1]", a socket option's "lo\0"): its address is
                // not in the log, the rendering is kept as the argument's string, as written.
                out.strings.push_back(
                    {index, static_cast<std::uint8_t>(a), false, std::string(text)});
            } else if (!text.empty() && text.front() == '"') {
                bool truncated = false;
                if (auto s = parseQuoted(text, &truncated, nullptr)) {
                    out.strings.push_back(
                        {index, static_cast<std::uint8_t>(a), truncated, std::move(*s)});
                }
            } else if (!text.empty() && text.front() == '[' && row && a < row->argCount &&
                       row->args[a] == ArgKind::StringArray) {
                // execve's argv: the elements, each followed by a NUL, as the tracer keeps them.
                // An element strace cut gets one byte more than it showed, so that it renders
                // cut again.
                const StringArray array = parseStringArrayFully(text);
                std::string elements;
                for (std::size_t e2 = 0; e2 < array.elements.size(); ++e2) {
                    elements += array.elements[e2];
                    if (array.cut[e2]) {
                        elements += '.';
                    }
                    elements += '\0';
                }
                out.strings.push_back(
                    {index, static_cast<std::uint8_t>(a), array.more, std::move(elements)});
            } else if (row && a < row->argCount && row->args[a] == ArgKind::EnvArray) {
                // "0x7ffd... /* 37 vars */": the address, and as many (empty) entries as counted.
                if (auto v = argumentValue(text)) {
                    e.args[a] = *v;
                }
                const auto comment = text.find("/* ");
                if (comment != std::string_view::npos) {
                    const std::string_view rest = text.substr(comment + 3);
                    const auto n = parseNumber(rest.substr(0, rest.find(' ')));
                    if (n && *n <= kMaxImportedEnvEntries) {
                        EventString entries;
                        entries.event = index;
                        entries.arg = static_cast<std::uint8_t>(a);
                        entries.bytes.assign(std::size_t(*n), '\0');
                        out.strings.push_back(std::move(entries));
                    }
                }
            } else if (row && a < row->argCount && row->args[a] == ArgKind::Dirents &&
                       text.find("/*") != std::string_view::npos) {
                // "0x5642... /* 4 entries */": kept as written, the address as the value too.
                e.args[a] = argumentValue(text).value_or(0);
                out.strings.push_back(
                    {index, static_cast<std::uint8_t>(a), false, std::string(text)});
            } else if (auto v = argumentValue(text)) {
                e.args[a] = *v;
            }
        }
        if (const int slot = row ? row->resultStringSlot() : -1;
            slot >= 0 && c.ret > 0 && !c.retDetail.empty() && c.retDetail.front() == '[') {
            // poll's entries with revents, kept as the tracer keeps them.
            out.strings.push_back({index, static_cast<std::uint8_t>(slot), false, c.retDetail});
        }
        out.events.push_back(e);
        if ((c.name == "execve" || c.name == "execveat") && !c.unfinished && c.ret == 0) {
            const std::size_t pathArg = c.name == "execve" ? 0 : 1;
            ProcessEvent p;
            p.time = c.exit;
            p.kind = ProcessEventKind::Exec;
            p.pid = e.pid;
            p.tid = c.tid;
            p.parent = c.tid;
            if (args.size() > pathArg + 1) {
                p.exe = parseQuoted(args[pathArg], nullptr, nullptr).value_or(std::string());
                p.argv = parseStringArray(args[pathArg + 1]);
            }
            p.comm = basenameOf(p.exe);
            processEvents.push_back(std::move(p));
        }
    }
    for (const Record* r : others) {
        const std::int32_t tid = fixTid(r->tid);
        see(tid, r->time);
        ProcessEvent p;
        p.time = r->time;
        p.tid = tid;
        p.pid = pidOf(tid);
        if (r->kind == Record::Signal) {
            p.kind = ProcessEventKind::Signal;
            p.value = r->value;
            p.detail = r->args;
        } else if (r->kind == Record::Stopped) {
            p.kind = ProcessEventKind::Stopped;
            p.value = r->value;
        } else {
            p.kind = ProcessEventKind::Exit;
            p.value = r->kind == Record::Exited ? (r->value & 0xff) << 8 : r->value;
        }
        processEvents.push_back(std::move(p));
    }
    for (const auto& [tid, t] : firstSeen) {
        ProcessEvent p;
        p.tid = tid;
        p.pid = pidOf(tid);
        auto parent = parentOf.find(tid);
        if (parent != parentOf.end()) {
            p.kind = isThread[tid] ? ProcessEventKind::Thread : ProcessEventKind::Fork;
            p.parent = parent->second;
            p.time = std::min(t, createdAt[tid]);
        } else {
            p.kind = ProcessEventKind::Start;
            p.time = t;
        }
        processEvents.push_back(std::move(p));
    }
    std::stable_sort(processEvents.begin(), processEvents.end(),
                     [](const ProcessEvent& a, const ProcessEvent& b) {
                         if (a.time != b.time) {
                             return a.time < b.time;
                         }
                         // At one instant: creation before exec before the rest.
                         auto rank = [](ProcessEventKind k) {
                             return k == ProcessEventKind::Start || k == ProcessEventKind::Fork ||
                                            k == ProcessEventKind::Thread
                                        ? 0
                                    : k == ProcessEventKind::Exec ? 1
                                                                  : 2;
                         };
                         return rank(a.kind) < rank(b.kind);
                     });
    // The first command line seen is the trace's command; a Start takes its task's first exec.
    for (auto& p : processEvents) {
        if (p.kind == ProcessEventKind::Exec && meta.command.empty()) {
            meta.command = p.argv;
        }
    }
    report.processEvents += processEvents.size();
    report.events += calls.size();
    out.processEvents.insert(out.processEvents.end(),
                             std::make_move_iterator(processEvents.begin()),
                             std::make_move_iterator(processEvents.end()));
    if (!out.events.empty()) {
        TimeNs first = out.events.front().enter;
        for (const auto& e : out.events) {
            first = std::min(first, e.enter);
        }
        meta.startMonoNs = first;
        // -ttt times are wall-clock seconds since the epoch: keep them as the start time.
        if (first > 100'000'000LL * 1'000'000'000LL) {
            meta.startWallNs = first;
        }
    }
}

bool importStraceLogs(const std::vector<std::string>& paths, EventBatch& out, TraceMetadata& meta,
                      StraceImportReport& report, std::string* error) {
    std::vector<std::string> contents;
    std::vector<StraceText> texts;
    contents.reserve(paths.size());
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            if (error) {
                *error = path + ": cannot open: " + std::strerror(errno);
            }
            return false;
        }
        std::ostringstream s;
        s << in.rdbuf();
        if (in.bad()) {
            if (error) {
                *error = path + ": cannot read";
            }
            return false;
        }
        contents.push_back(s.str());
    }
    // -ff files carry the pid in their suffix; one log with a numeric suffix is taken the same way.
    for (std::size_t i = 0; i < paths.size(); ++i) {
        texts.push_back({paths[i], contents[i], pidFromStraceFileName(paths[i])});
    }
    importStraceTexts(texts, out, meta, report);
    return true;
}

} // namespace syscope
