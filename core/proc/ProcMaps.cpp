#include "proc/ProcMaps.h"

#include "proc/ProcFile.h"

#include <cstdio>

namespace syscope {

namespace {

// A cursor over one line; every accessor checks the bounds.
struct LineCursor {
    std::string_view s;
    std::size_t pos = 0;

    bool atEnd() const { return pos >= s.size(); }

    bool hex(std::uint64_t& out, std::size_t maxDigits = 16) {
        std::uint64_t v = 0;
        std::size_t digits = 0;
        while (pos < s.size()) {
            const char c = s[pos];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                break;
            }
            if (++digits > maxDigits) {
                return false;
            }
            v = (v << 4) | static_cast<std::uint64_t>(d);
            ++pos;
        }
        out = v;
        return digits > 0;
    }

    bool dec(std::uint64_t& out) {
        std::uint64_t v = 0;
        std::size_t digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            const auto d = static_cast<std::uint64_t>(s[pos] - '0');
            if (v > (UINT64_MAX - d) / 10) {
                return false;
            }
            v = v * 10 + d;
            ++digits;
            ++pos;
        }
        out = v;
        return digits > 0;
    }

    bool expect(char c) {
        if (pos < s.size() && s[pos] == c) {
            ++pos;
            return true;
        }
        return false;
    }

    // At least one space or tab.
    bool spaces() {
        const std::size_t before = pos;
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) {
            ++pos;
        }
        return pos > before;
    }
};

bool fail(std::string* error, std::size_t lineNo, const char* what) {
    if (error) {
        *error = "line " + std::to_string(lineNo) + ": " + what;
    }
    return false;
}

bool parseLine(std::string_view line, std::size_t lineNo, MapEntry& e, std::string* error) {
    LineCursor c{line};
    if (!c.hex(e.start) || !c.expect('-') || !c.hex(e.end)) {
        return fail(error, lineNo, "bad address range");
    }
    if (e.end < e.start) {
        return fail(error, lineNo, "address range ends before it starts");
    }
    if (!c.spaces()) {
        return fail(error, lineNo, "missing permissions");
    }
    if (c.pos + 4 > line.size()) {
        return fail(error, lineNo, "truncated permissions");
    }
    const std::string_view p = line.substr(c.pos, 4);
    std::uint8_t perms = 0;
    if (p[0] == 'r') {
        perms |= MapPerm::Read;
    } else if (p[0] != '-') {
        return fail(error, lineNo, "bad permissions");
    }
    if (p[1] == 'w') {
        perms |= MapPerm::Write;
    } else if (p[1] != '-') {
        return fail(error, lineNo, "bad permissions");
    }
    if (p[2] == 'x') {
        perms |= MapPerm::Exec;
    } else if (p[2] != '-') {
        return fail(error, lineNo, "bad permissions");
    }
    if (p[3] == 's') {
        perms |= MapPerm::Shared;
    } else if (p[3] != 'p') {
        return fail(error, lineNo, "bad permissions");
    }
    e.perms = perms;
    c.pos += 4;
    std::uint64_t major = 0;
    std::uint64_t minor = 0;
    if (!c.spaces() || !c.hex(e.offset)) {
        return fail(error, lineNo, "bad offset");
    }
    if (!c.spaces() || !c.hex(major, 8) || !c.expect(':') || !c.hex(minor, 8)) {
        return fail(error, lineNo, "bad device");
    }
    e.devMajor = static_cast<std::uint32_t>(major);
    e.devMinor = static_cast<std::uint32_t>(minor);
    if (!c.spaces() || !c.dec(e.inode)) {
        return fail(error, lineNo, "bad inode");
    }
    if (c.atEnd()) {
        e.path.clear();
        return true;
    }
    if (!c.spaces()) {
        return fail(error, lineNo, "junk after inode");
    }
    // The rest of the line is the path, spaces included.
    e.path.assign(line.substr(c.pos));
    return true;
}

} // namespace

bool parseMaps(std::string_view text, std::vector<MapEntry>& out, std::string* error) {
    const std::size_t oldSize = out.size();
    std::size_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) {
            nl = text.size();
        }
        const std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        if (line.empty()) {
            continue;
        }
        MapEntry e;
        if (!parseLine(line, lineNo, e, error)) {
            out.resize(oldSize);
            return false;
        }
        out.push_back(std::move(e));
    }
    return true;
}

std::optional<MapsSnapshot> readMaps(int pid, std::string* error) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/maps", pid);
    // One buffer per thread: the tracer reads maps after every map-changing syscall.
    thread_local std::string buffer;
    if (!readWholeFile(path, buffer, error)) {
        return std::nullopt;
    }
    MapsSnapshot snap;
    snap.pid = pid;
    snap.entries.reserve(64);
    std::string parseError;
    if (!parseMaps(buffer, snap.entries, &parseError)) {
        if (error) {
            *error = std::string(path) + ": " + parseError;
        }
        return std::nullopt;
    }
    return snap;
}

std::string_view mapPathWithoutDeleted(std::string_view path) {
    constexpr std::string_view suffix = " (deleted)";
    if (path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix) {
        return path.substr(0, path.size() - suffix.size());
    }
    return path;
}

} // namespace syscope
