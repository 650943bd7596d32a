#include "trace/StraceSyntax.h"

#include "syscalls/Errno.h"
#include "syscalls/Signals.h"
#include "syscalls/XlatTables.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <unordered_map>

namespace syscope::strace {
namespace {

bool isAlnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

// Skips the construct starting at text[i] if it is a string, comment or annotation; returns the
// index after it, or i when text[i] starts none of them, or npos when it does not end.
std::size_t skipOpaque(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == '"') {
        for (std::size_t k = i + 1; k < text.size(); ++k) {
            if (text[k] == '\\') {
                ++k;
            } else if (text[k] == '"') {
                return k + 1;
            }
        }
        return std::string_view::npos;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
        const std::size_t end = text.find("*/", i + 2);
        return end == std::string_view::npos ? end : end + 2;
    }
    if (c == '<' &&
        ((i > 0 && isAlnum(text[i - 1])) || (i + 1 < text.size() && text[i + 1] == '.'))) {
        // -y annotations "3</path>", "AT_FDCWD</dir>" and "<... resuming ...>" markers.
        int depth = 0;
        for (std::size_t k = i; k < text.size(); ++k) {
            if (text[k] == '<') {
                ++depth;
            } else if (text[k] == '>' && --depth == 0) {
                return k + 1;
            }
        }
        return std::string_view::npos;
    }
    return i;
}

constexpr std::uint64_t kFutexPrivateFlag = 128;

const std::unordered_map<std::string_view, std::uint64_t>& constants() {
    // The names syscope's decoders do not print themselves: zero values strace names (an
    // access mode, PROT_NONE, F_OK), special values, and bits syscope shows under another name.
    static std::unordered_map<std::string_view, std::uint64_t> table = {
        {"AT_FDCWD", static_cast<std::uint64_t>(-100)},
        {"AT_STATX_SYNC_AS_STAT", 0},
        {"F_OK", 0},
        {"O_RDONLY", 0},
        {"O_WRONLY", 01},
        {"O_RDWR", 02},
        {"O_ASYNC", 020000},
        {"PROT_NONE", 0},
        {"WUNTRACED", 2},
        {"CLONE_DETACHED", 0x400000},
    };
    // And every name syscope's own decoders print (open and mmap flags, clone flags, socket
    // families, futex operations, ...): whatever strace writes in a set syscope knows reads back
    // to its value.
    static const bool complete = [] {
        for (const auto& names : xlat::tables::kAllTables) {
            for (const auto& n : names) {
                table.emplace(n.name, n.value);
            }
        }
        return true;
    }();
    (void)complete;
    return table;
}

} // namespace

std::size_t findCallEnd(std::string_view text, int depth) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t skipped = skipOpaque(text, i);
        if (skipped == std::string_view::npos) {
            return skipped;
        }
        if (skipped != i) {
            i = skipped - 1;
            continue;
        }
        const char c = text[i];
        if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == ')' || c == ']' || c == '}') {
            if (--depth == 0) {
                return c == ')' ? i + 1 : std::string_view::npos;
            }
        }
    }
    return std::string_view::npos;
}

std::vector<std::string_view> splitArgs(std::string_view args) {
    std::vector<std::string_view> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::size_t skipped = skipOpaque(args, i);
        if (skipped == std::string_view::npos) {
            break;
        }
        if (skipped != i) {
            i = skipped - 1;
            continue;
        }
        const char c = args[i];
        if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == ')' || c == ']' || c == '}') {
            --depth;
        } else if (c == ',' && depth == 0) {
            out.push_back(trim(args.substr(start, i - start)));
            start = i + 1;
        }
    }
    const std::string_view last = trim(args.substr(std::min(start, args.size())));
    if (!last.empty() || !out.empty()) {
        out.push_back(last);
    }
    return out;
}

std::optional<std::string> parseQuoted(std::string_view text, bool* truncated,
                                       std::size_t* consumed) {
    if (text.empty() || text[0] != '"') {
        return std::nullopt;
    }
    std::string out;
    std::size_t i = 1;
    for (;;) {
        if (i >= text.size()) {
            return std::nullopt;
        }
        const char c = text[i++];
        if (c == '"') {
            break;
        }
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (i >= text.size()) {
            return std::nullopt;
        }
        const char e = text[i++];
        switch (e) {
        case 'n':
            out.push_back('\n');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 'v':
            out.push_back('\v');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'a':
            out.push_back('\a');
            break;
        case 'b':
            out.push_back('\b');
            break;
        case 'x': {
            int v = 0;
            int digits = 0;
            while (digits < 2 && i < text.size() &&
                   std::isxdigit(static_cast<unsigned char>(text[i]))) {
                const char h = text[i++];
                v = v * 16 +
                    (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (h | 0x20) - 'a' + 10);
                ++digits;
            }
            if (digits == 0) {
                return std::nullopt;
            }
            out.push_back(static_cast<char>(v));
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                int v = e - '0';
                for (int k = 0; k < 2 && i < text.size() && text[i] >= '0' && text[i] <= '7'; ++k) {
                    v = v * 8 + (text[i++] - '0');
                }
                out.push_back(static_cast<char>(v & 0xff));
            } else {
                out.push_back(e); // \\ \" \' and anything else stand for themselves
            }
        }
    }
    const bool dots = text.substr(i, 3) == "...";
    if (truncated) {
        *truncated = dots;
    }
    if (consumed) {
        *consumed = i + (dots ? 3 : 0);
    }
    return out;
}

std::optional<std::uint64_t> parseNumber(std::string_view text) {
    bool negative = false;
    if (!text.empty() && text[0] == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    if (text.empty()) {
        return std::nullopt;
    }
    unsigned base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        text.remove_prefix(2);
    } else if (text.size() > 1 && text[0] == '0') {
        base = 8;
        text.remove_prefix(1);
    }
    std::uint64_t v = 0;
    for (char c : text) {
        unsigned d;
        if (c >= '0' && c <= '9') {
            d = static_cast<unsigned>(c - '0');
        } else if (base == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            d = static_cast<unsigned>((c | 0x20) - 'a' + 10);
        } else {
            return std::nullopt;
        }
        if (d >= base || v > (std::numeric_limits<std::uint64_t>::max() - d) / base) {
            return std::nullopt;
        }
        v = v * base + d;
    }
    return negative ? ~v + 1 : v;
}

std::optional<std::uint64_t> argumentValue(std::string_view arg) {
    arg = trim(arg);
    // Drop a trailing comment ("0x7ffd /* 37 vars */") and a -y annotation ("3</etc/passwd>").
    if (const auto c = arg.find(" /*"); c != std::string_view::npos) {
        arg = trim(arg.substr(0, c));
    }
    if (const auto lt = arg.find('<');
        lt != std::string_view::npos && lt > 0 && arg.back() == '>') {
        arg = arg.substr(0, lt);
    }
    if (arg.empty()) {
        return std::nullopt;
    }
    if (arg == "NULL") {
        return 0;
    }
    if (auto n = parseNumber(arg)) {
        return n;
    }
    std::uint64_t v = 0;
    std::size_t start = 0;
    while (start <= arg.size()) {
        std::size_t bar = arg.find('|', start);
        if (bar == std::string_view::npos) {
            bar = arg.size();
        }
        const std::string_view part = arg.substr(start, bar - start);
        if (auto n = parseNumber(part)) {
            v |= *n;
        } else if (auto it = constants().find(part); it != constants().end()) {
            v |= it->second;
        } else if (const auto base =
                       part.substr(0, part.size() - std::min<std::size_t>(8, part.size()));
                   part.starts_with("FUTEX_") && part.ends_with("_PRIVATE") &&
                   constants().count(base)) {
            v |= constants().at(base) | kFutexPrivateFlag; // FUTEX_WAKE_PRIVATE and the like
        } else if (part.substr(0, 3) == "SIG") {
            const auto sig = signalFromName(part);
            if (!sig) {
                return std::nullopt;
            }
            v |= static_cast<std::uint64_t>(*sig);
        } else {
            return std::nullopt;
        }
        start = bar + 1;
    }
    return v;
}

std::optional<ReturnValue> parseReturn(std::string_view text) {
    text = trim(text);
    ReturnValue r;
    if (text.empty()) {
        return std::nullopt;
    }
    std::size_t space = text.find(' ');
    const std::string_view first = text.substr(0, space);
    const std::string_view rest =
        space == std::string_view::npos ? std::string_view() : trim(text.substr(space + 1));
    auto errnoOf = [](std::string_view s) -> std::optional<int> {
        const std::string_view name = s.substr(0, s.find(' '));
        return errnoFromName(name);
    };
    if (first == "?") {
        if (rest.empty()) {
            r.unfinished = true;
            return r;
        }
        const auto e = errnoOf(rest);
        if (!e) {
            return std::nullopt;
        }
        r.value = -*e;
        return r;
    }
    // "3</etc/passwd>" with -y: the number ends where the annotation starts.
    std::string_view number = first;
    if (const auto lt = number.find('<'); lt != std::string_view::npos) {
        number = number.substr(0, lt);
    }
    const auto v = parseNumber(number);
    if (!v) {
        return std::nullopt;
    }
    r.value = static_cast<std::int64_t>(*v);
    if (r.value == -1 && !rest.empty() && rest[0] == 'E') {
        if (const auto e = errnoOf(rest)) {
            r.value = -*e;
        }
    } else if (r.value == -1 && rest.substr(0, 7) == "(errno ") {
        // An errno without a name: "-1 (errno 530)".
        const std::string_view digits = rest.substr(7, rest.find(')') - 7);
        if (const auto e = parseNumber(digits); e && *e > 0 && *e < 4096) {
            r.value = -static_cast<std::int64_t>(*e);
        }
    } else if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
        r.detail = std::string(rest.substr(1, rest.size() - 2));
    }
    return r;
}

std::optional<std::int64_t> takeDuration(std::string_view* line) {
    std::string_view s = trim(*line);
    if (s.empty() || s.back() != '>') {
        return std::nullopt;
    }
    const std::size_t lt = s.rfind('<');
    if (lt == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view inner = s.substr(lt + 1, s.size() - lt - 2);
    const std::size_t dot = inner.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= inner.size()) {
        return std::nullopt;
    }
    std::int64_t secs = 0;
    for (char c : inner.substr(0, dot)) {
        if (c < '0' || c > '9' || secs > 1'000'000'000) {
            return std::nullopt;
        }
        secs = secs * 10 + (c - '0');
    }
    if (secs > 1'000'000'000) { // beyond 31 years: not a duration (and would overflow below)
        return std::nullopt;
    }
    std::int64_t frac = 0;
    int digits = 0;
    for (char c : inner.substr(dot + 1)) {
        if (c < '0' || c > '9' || digits >= 9) {
            return std::nullopt;
        }
        frac = frac * 10 + (c - '0');
        ++digits;
    }
    for (; digits < 9; ++digits) {
        frac *= 10;
    }
    *line = trim(s.substr(0, lt));
    return secs * 1'000'000'000 + frac;
}

} // namespace syscope::strace
