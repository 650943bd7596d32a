#include "syscalls/CallArgs.h"

#include "syscalls/FlagFormat.h"
#include "syscalls/Signals.h"

#include <algorithm>
#include <vector>

namespace syscope::detail {

std::string decimal(std::int64_t v) {
    return std::to_string(v);
}
std::string udecimal(std::uint64_t v) {
    return std::to_string(v);
}

std::string stringArg(const Call& c, const SyscallInfo& info, int i, std::size_t limit,
                      bool allHex) {
    // What the kernel was to fill in exists only after a successful call; strace shows the
    // address otherwise.
    const bool filled = !info.isOutputArg(i) || (!c.e.unfinished() && !c.e.failed());
    if (filled && c.strings) {
        if (std::optional<ArgString> s = c.strings(i)) {
            std::string_view bytes = s->bytes;
            bool truncated = s->truncated;
            if (bytes.size() > limit) {
                bytes = bytes.substr(0, limit);
                truncated = true;
            }
            return allHex ? escapeStringHex(bytes, truncated) : escapeString(bytes, truncated);
        }
    }
    return formatPointer(c.raw(i));
}

std::optional<ArgString> captured(const Call& c, int i) {
    return c.strings ? c.strings(i) : std::nullopt;
}

std::string renderedStruct(const ArgString& s) {
    // Renderings never hold control characters; a damaged or crafted file's string that does
    // is shown quoted, so it cannot break the line.
    const bool plain = std::none_of(s.bytes.begin(), s.bytes.end(), [](char ch) {
        return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f;
    });
    return plain ? std::string(s.bytes) : escapeString(s.bytes, s.truncated);
}

namespace {

// The elements of a captured string array: each followed by a NUL byte (a missing final NUL is
// tolerated).
std::vector<std::string_view> arrayElements(std::string_view bytes) {
    std::vector<std::string_view> out;
    while (!bytes.empty()) {
        const std::size_t nul = bytes.find('\0');
        out.push_back(bytes.substr(0, nul));
        if (nul == std::string_view::npos) {
            break;
        }
        bytes.remove_prefix(nul + 1);
    }
    return out;
}

// ["ls", "-la", ...] as strace shows argv.
std::string stringArray(const Call& c, int i) {
    const std::optional<ArgString> s = captured(c, i);
    if (!s) {
        return formatPointer(c.raw(i));
    }
    const std::vector<std::string_view> elements = arrayElements(s->bytes);
    std::string out = "[";
    std::size_t shown = 0;
    for (std::string_view element : elements) {
        if (shown == kMaxArrayShown) {
            break;
        }
        if (shown > 0) {
            out += ", ";
        }
        out += escapeString(element.substr(0, kMaxStringShown), element.size() > kMaxStringShown);
        ++shown;
    }
    if (elements.size() > kMaxArrayShown || s->truncated) {
        out += shown > 0 ? ", ..." : "...";
    }
    return out + "]";
}

std::string envArray(const Call& c, int i) {
    std::string out = formatPointer(c.raw(i));
    if (const std::optional<ArgString> s = captured(c, i)) {
        const std::size_t n = arrayElements(s->bytes).size();
        out += " /* " + std::to_string(n) + (s->truncated ? "+" : "") +
               (n == 1 && !s->truncated ? " var */" : " vars */");
    }
    return out;
}

} // namespace

std::string argByKind(const Call& c, const SyscallInfo& info, int i) {
    const ArgKind kind = info.args[static_cast<std::size_t>(i)];
    switch (kind) {
    case ArgKind::None:
        return {};
    case ArgKind::Int:
    case ArgKind::Fd:
    case ArgKind::Pid:
        return decimal(c.asInt(i));
    case ArgKind::UInt:
        return udecimal(c.raw(i) & 0xffffffffu);
    case ArgKind::DirFd:
        return c.asInt(i) == -100 ? std::string("AT_FDCWD") : decimal(c.asInt(i));
    case ArgKind::Path:
        return stringArg(c, info, i, kMaxPathShown);
    case ArgKind::String:
    case ArgKind::Buffer:
        return stringArg(c, info, i, kMaxStringShown);
    case ArgKind::HexBuffer:
        return stringArg(c, info, i, kMaxStringShown, true);
    case ArgKind::Size:
        // On i386 a 64-bit length travels in two registers, low half first (`sz, skip`).
        if (c.compat && i + 1 < info.argCount &&
            info.args[static_cast<std::size_t>(i + 1)] == ArgKind::None) {
            return udecimal(c.low(i) | (c.raw(i + 1) << 32));
        }
        return udecimal(c.raw(i));
    case ArgKind::Ptr:
    case ArgKind::Stat:
    case ArgKind::Rlimit:
    case ArgKind::Statx:
    case ArgKind::Sockaddr:
    case ArgKind::Dirents:
    case ArgKind::SigSet:
    case ArgKind::SigAction:
    case ArgKind::Timespec:
    case ArgKind::WaitStatus:
    case ArgKind::FdPair:
    case ArgKind::Utsname:
    case ArgKind::Sysinfo:
    case ArgKind::GidArray:
    case ArgKind::CpuSet:
    case ArgKind::SockLen:
    case ArgKind::PollFds:
    case ArgKind::Statfs:
    case ArgKind::SockOptVal:
    case ArgKind::SockOptLen:
    case ArgKind::IoctlArg:
    case ArgKind::Itimerval:
    case ArgKind::Itimerspec:
        // A captured string is the struct or array already rendered (by the tracer, or by strace
        // in an imported log).
        if (const std::optional<ArgString> s = captured(c, i)) {
            return renderedStruct(*s);
        }
        return formatPointer(c.raw(i));
    case ArgKind::SigFrame:
        // Not a register: without the captured mask there is nothing to show.
        if (const std::optional<ArgString> s = captured(c, i)) {
            return renderedStruct(*s);
        }
        return {};
    case ArgKind::Flags:
        return xlat::flagArg(info.flagSets[static_cast<std::size_t>(i)], c.raw(i));
    case ArgKind::Mode:
        return xlat::mode(c.raw(i));
    case ArgKind::Signal:
        return c.asInt(i) == 0 ? std::string("0") : signalName(static_cast<int>(c.asInt(i)));
    case ArgKind::Clock:
        return xlat::clockId(c.raw(i));
    case ArgKind::Offset: {
        // On i386 a 64-bit offset travels in two registers, low half first (`off, skip`).
        if (c.compat && i + 1 < info.argCount &&
            info.args[static_cast<std::size_t>(i + 1)] == ArgKind::None) {
            std::uint64_t v = c.low(i) | (c.raw(i + 1) << 32);
            return decimal(static_cast<std::int64_t>(v));
        }
        return decimal(c.asLong(i));
    }
    case ArgKind::Hex:
        return xlat::hex(c.raw(i));
    case ArgKind::StringArray:
        return stringArray(c, i);
    case ArgKind::EnvArray:
        return envArray(c, i);
    }
    return xlat::hex(c.raw(i));
}

// The kernel's 32-bit device number encoding (new_decode_dev), as strace prints it.
std::string makedev(std::uint64_t dev) {
    dev &= 0xffffffffu;
    const std::uint64_t major = (dev & 0xfff00) >> 8;
    const std::uint64_t minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
    return "makedev(" + xlat::hex(major) + ", " + xlat::hex(minor) + ")";
}

void append(std::string& out, const std::string& arg) {
    if (out.back() != '(') {
        out += ", ";
    }
    out += arg;
}

} // namespace syscope::detail
