#include "trace/StraceLineParser.h"
#include "trace/TimeMath.h"

#include "syscalls/Signals.h"
#include "trace/StraceSyntax.h"

#include <cctype>

namespace syscope::strace {

namespace {

constexpr TimeNs kSecond = 1'000'000'000;
std::string_view ltrim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    return s;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool startsWith(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}

// Leading unsigned decimal of s (at most 9 digits); advances s.
std::optional<std::int64_t> takeInt(std::string_view& s, int maxDigits = 18) {
    std::int64_t v = 0;
    int n = 0;
    while (!s.empty() && isDigit(s.front()) && n < maxDigits) {
        v = v * 10 + (s.front() - '0');
        s.remove_prefix(1);
        ++n;
    }
    if (n == 0) {
        return std::nullopt;
    }
    return v;
}

// Fraction digits after a '.', as nanoseconds.
TimeNs takeFraction(std::string_view& s) {
    TimeNs v = 0;
    int digits = 0;
    while (!s.empty() && isDigit(s.front())) {
        if (digits < 9) {
            v = v * 10 + (s.front() - '0');
            ++digits;
        }
        s.remove_prefix(1);
    }
    for (; digits < 9; ++digits) {
        v *= 10;
    }
    return v;
}

// Timestamp at the start of s (-t, -tt, -ttt or -r); advances s past it and its space.
bool takeTimestamp(std::string_view& s, FileState& fs, TimeNs* out, bool afterPid) {
    std::string_view t = ltrim(s);
    // strace -r right-aligns its deltas ("%6ld.%06ld"); -ttt prints epoch seconds unpadded.
    const std::size_t lead = s.size() - t.size();
    const std::size_t padding = afterPid && lead > 0 ? lead - 1 : lead;
    if (t.empty() || !isDigit(t.front())) {
        return false;
    }
    std::string_view p = t;
    const auto first = takeInt(p);
    if (!first) {
        return false;
    }
    if (!p.empty() && p.front() == ':') { // HH:MM:SS[.frac]
        p.remove_prefix(1);
        const auto mm = takeInt(p, 2);
        if (!mm || p.empty() || p.front() != ':') {
            return false;
        }
        p.remove_prefix(1);
        const auto ss = takeInt(p, 2);
        if (!ss || *first > 47 || *mm > 59 || *ss > 60) {
            return false;
        }
        TimeNs frac = 0;
        if (!p.empty() && p.front() == '.') {
            p.remove_prefix(1);
            frac = takeFraction(p);
        }
        if (p.empty() || p.front() != ' ') {
            return false;
        }
        TimeNs tod = ((*first * 60 + *mm) * 60 + *ss) * kSecond + frac;
        if (fs.lastTod >= 0 && tod + 12 * 3600 * kSecond < fs.lastTod) {
            fs.dayOffset = wrapAdd(fs.dayOffset, 24 * 3600 * kSecond);
        }
        fs.lastTod = tod;
        *out = wrapAdd(tod, fs.dayOffset);
        s = p;
        return true;
    }
    // Beyond 9e9 s the value no longer fits in 64-bit nanoseconds: not a timestamp.
    if (p.empty() || p.front() != '.' || *first > 9'000'000'000LL) {
        return false;
    }
    p.remove_prefix(1);
    const TimeNs frac = takeFraction(p);
    if (p.empty() || p.front() != ' ') {
        return false;
    }
    const TimeNs v = *first * kSecond + frac;
    if (*first < 100'000'000 && padding > 0) { // -r: seconds since the previous line
        fs.relative = wrapAdd(fs.relative, v);
        *out = fs.relative;
    } else { // -ttt: seconds since the epoch
        *out = v;
    }
    s = p;
    return true;
}

bool isSummaryLine(std::string_view s, FileState& fs) {
    if (startsWith(s, "% time") || startsWith(s, "System call usage summary")) {
        fs.inSummary = true;
        return true;
    }
    if (!fs.inSummary) {
        return false;
    }
    if (startsWith(s, "------")) {
        return true;
    }
    // "  0.00    0.000000           0         1           read" and the total row.
    std::string_view t = ltrim(s);
    return !t.empty() && (isDigit(t.front()) || startsWith(t, "100.00"));
}

// Parses the body of a line (after pid and timestamp) into *r; false when not understood.
bool parseBody(std::string_view body, Record* r) {
    if (startsWith(body, "--- ")) {
        if (startsWith(body, "--- stopped by ")) {
            std::string_view rest = body.substr(15);
            const auto sig = signalFromName(rest.substr(0, rest.find(' ')));
            if (!sig) {
                return false;
            }
            r->kind = Record::Stopped;
            r->value = *sig;
            return true;
        }
        std::string_view rest = body.substr(4);
        const std::size_t end = rest.find_first_of(" {");
        const auto sig = signalFromName(rest.substr(0, end));
        if (!sig) {
            return false;
        }
        r->kind = Record::Signal;
        r->value = *sig;
        // The siginfo: from the '{' after the name to the closing " ---".
        if (end != std::string_view::npos) {
            std::string_view info = rest.substr(end);
            while (!info.empty() && info.front() == ' ') {
                info.remove_prefix(1);
            }
            if (info.size() >= 4 && info.substr(info.size() - 4) == " ---") {
                info.remove_suffix(4);
            }
            if (info.size() >= 2 && info.front() == '{' && info.back() == '}') {
                r->args = std::string(info);
            }
        }
        return true;
    }
    if (startsWith(body, "+++ ")) {
        std::string_view rest = body.substr(4);
        if (startsWith(rest, "exited with ")) {
            rest.remove_prefix(12);
            const auto code = takeInt(rest, 3);
            if (!code) {
                return false;
            }
            r->kind = Record::Exited;
            r->value = static_cast<std::int32_t>(*code & 0xff);
            return true;
        }
        if (startsWith(rest, "killed by ")) {
            rest.remove_prefix(10);
            const std::size_t end = rest.find(' ');
            const auto sig = signalFromName(rest.substr(0, end));
            if (!sig) {
                return false;
            }
            r->kind = Record::Killed;
            r->value = *sig | (rest.find("(core dumped)") != std::string_view::npos ? 0x80 : 0);
            return true;
        }
        if (startsWith(rest, "superseded by execve")) {
            // "+++ superseded by execve in pid N +++": a non-leader thread N exec'd and took
            // over this tid; its unfinished execve resumes here.
            r->kind = Record::Ignored;
            const auto in = rest.find("in pid ");
            if (in != std::string_view::npos) {
                std::int32_t n = 0;
                std::size_t i = in + 7;
                bool digits = false;
                while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9' && n < 100000000) {
                    n = n * 10 + (rest[i++] - '0');
                    digits = true;
                }
                if (digits) {
                    r->kind = Record::Superseded;
                    r->value = n;
                }
            }
            return true;
        }
        return false;
    }
    if (startsWith(body, "[ Process PID=")) {
        r->kind = Record::Mode;
        if (body.find("32 bit mode") != std::string_view::npos) {
            r->value = static_cast<std::int32_t>(Arch::I386);
        } else if (body.find("x32 mode") != std::string_view::npos) {
            r->value = static_cast<std::int32_t>(Arch::X32);
        } else if (body.find("64 bit mode") != std::string_view::npos) {
            r->value = static_cast<std::int32_t>(Arch::X86_64);
        } else {
            return false;
        }
        std::string_view p = body.substr(14);
        const auto pid = takeInt(p, 9);
        if (pid) {
            r->tid = static_cast<std::int32_t>(*pid);
        }
        return true;
    }
    std::string_view rest;
    if (startsWith(body, "<... ")) {
        const std::size_t end = body.find(" resumed>");
        if (end == std::string_view::npos) {
            return false;
        }
        r->kind = Record::Resumed;
        r->name = std::string(body.substr(5, end - 5));
        rest = body.substr(end + 9);
        const std::size_t close = findCallEnd(rest, 1);
        if (close == std::string_view::npos) {
            return false;
        }
        r->args = std::string(rest.substr(0, close - 1));
        rest = rest.substr(close);
    } else {
        std::size_t n = 0;
        while (n < body.size() &&
               (std::isalnum(static_cast<unsigned char>(body[n])) || body[n] == '_')) {
            ++n;
        }
        if (n == 0 || n >= body.size() || body[n] != '(') {
            return false;
        }
        r->name = std::string(body.substr(0, n));
        std::string_view args = body.substr(n + 1);
        constexpr std::string_view kUnfinished = "<unfinished ...>";
        // A non-leader thread's execve: "execve(...) <pid changed to N ...>"; it resumes after
        // "+++ superseded by execve in pid T +++" under the leader's tid N.
        constexpr std::string_view kPidChanged = "<pid changed to ";
        std::size_t cut = std::string_view::npos;
        if (args.size() >= kUnfinished.size() &&
            args.substr(args.size() - kUnfinished.size()) == kUnfinished) {
            cut = args.size() - kUnfinished.size();
        } else if (const auto at = args.rfind(kPidChanged);
                   at != std::string_view::npos && args.size() >= 4 &&
                   args.substr(args.size() - 4) == "...>") {
            cut = at;
        }
        if (cut != std::string_view::npos) {
            r->kind = Record::Unfinished;
            std::string_view part = args.substr(0, cut);
            while (!part.empty() && part.back() == ' ') {
                part.remove_suffix(1);
            }
            r->args = std::string(part);
            return true;
        }
        const std::size_t close = findCallEnd(args, 1);
        if (close == std::string_view::npos) {
            return false;
        }
        r->kind = Record::Call;
        r->args = std::string(args.substr(0, close - 1));
        rest = args.substr(close);
    }
    rest = ltrim(rest);
    if (!startsWith(rest, "=")) {
        return false;
    }
    const auto ret = parseReturn(rest.substr(1));
    if (!ret) {
        return false;
    }
    r->ret = *ret;
    return true;
}

} // namespace

bool parseLine(std::string_view line, FileState& fs, Record* r) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
        line.remove_suffix(1);
    }
    r->tid = fs.defaultTid;
    if (ltrim(line).empty()) {
        r->kind = Record::Ignored;
        return true;
    }
    // strace's own notes: "strace: Process 12 attached", "/usr/bin/strace: ...".
    if (const std::size_t note = line.find("strace: ");
        note != std::string_view::npos &&
        (note == 0 ||
         (line[0] == '/' && line.substr(0, note).find(' ') == std::string_view::npos))) {
        const std::string_view rest = line.substr(note + 8);
        if (startsWith(rest, "[ Process PID=")) {
            return parseBody(rest, r);
        }
        r->kind = Record::Ignored;
        return true;
    }
    if (isSummaryLine(line, fs)) {
        r->kind = Record::Ignored;
        return true;
    }
    std::string_view s = line;
    bool afterPid = false;
    if (startsWith(s, "[pid ")) {
        s.remove_prefix(5);
        s = ltrim(s);
        const auto pid = takeInt(s, 9);
        if (!pid || s.empty() || s.front() != ']') {
            return false;
        }
        s.remove_prefix(1);
        r->tid = static_cast<std::int32_t>(*pid);
        afterPid = true;
    } else if (!s.empty() && isDigit(s.front())) {
        std::string_view p = s;
        const auto pid = takeInt(p, 9);
        if (pid && !p.empty() && p.front() == ' ') {
            // A pid, unless it is a timestamp without fraction (never printed by strace).
            r->tid = static_cast<std::int32_t>(*pid);
            s = p;
            afterPid = true;
        }
    }
    TimeNs t = 0;
    if (takeTimestamp(s, fs, &t, afterPid)) {
        r->hasTime = true;
        r->time = t;
    }
    std::string_view body = ltrim(s);
    if (auto d = takeDuration(&body)) {
        r->hasDuration = true;
        r->duration = *d;
    }
    return parseBody(body, r);
}

} // namespace syscope::strace
