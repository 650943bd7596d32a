#include "syscalls/EventFormatter.h"

#include "syscalls/CallArgs.h"

#include "syscalls/Errno.h"
#include "syscalls/FlagFormat.h"
#include "syscalls/Signals.h"
#include "syscalls/SyscallTable.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace syscope {

namespace {

constexpr std::string_view kVdsoNames[] = {"clock_gettime", "gettimeofday", "time",
                                           "getcpu",        "clock_getres", "getrandom"};

using namespace detail;

std::string callWithInfo(const Call& c, const SyscallInfo& info, std::string_view shownName) {
    std::string out(shownName);
    out += '(';
    if (formatSpecial(c, info, out)) {
        return out + ')';
    }
    // An unfinished call shows what strace prints at entry, then " <unfinished ...>" where the
    // exit part would have followed: `read(3,  <unfinished ...>)`, `poll([...], 1, -1
    // <unfinished ...>)`. Calls fully decoded at entry (pause, exit_group) look as usual.
    const bool cut = c.e.unfinished() && info.exitFrom != kDecodedAtEntry;
    const int shown = cut ? std::min<int>(info.exitFrom, info.argCount) : info.argCount;
    for (int i = 0; i < shown && i < 6; ++i) {
        if (info.args[static_cast<std::size_t>(i)] == ArgKind::None) {
            continue;
        }
        append(out, argByKind(c, info, i));
    }
    if (cut) {
        if (shown < info.argCount && out.back() != '(') {
            out += ", ";
        }
        out += " <unfinished ...>";
    }
    return out + ')';
}

// The arguments of the vDSO functions syscope watches.
const SyscallInfo* vdsoInfo(VdsoFunction f) {
    using K = ArgKind;
    static const SyscallInfo kInfos[] = {
        {0, "clock_gettime", 2, {K::Clock, K::Ptr}, {}, SyscallClass::Clock, 0},
        {1, "gettimeofday", 2, {K::Ptr, K::Ptr}, {}, SyscallClass::Clock, 0},
        {2, "time", 1, {K::Ptr}, {}, SyscallClass::Clock, 0},
        {3, "getcpu", 3, {K::Ptr, K::Ptr, K::Ptr}, {}, 0, 0},
        {4, "clock_getres", 2, {K::Clock, K::Ptr}, {}, SyscallClass::Clock, 0},
        {5,
         "getrandom",
         3,
         {K::Ptr, K::Size, K::Flags},
         {FlagSet::None, FlagSet::None, FlagSet::GetrandomFlags},
         0,
         0},
    };
    auto k = static_cast<std::size_t>(f);
    return k < std::size(kInfos) ? &kInfos[k] : nullptr;
}

// " (2026-11-27T05:41:19+0000)": the seconds as local time, as strace explains time()'s result.
std::string timeComment(std::int64_t seconds) {
    const auto t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (!localtime_r(&t, &tm)) {
        return {};
    }
    char buf[64];
    if (std::strftime(buf, sizeof buf, " (%Y-%m-%dT%H:%M:%S%z)", &tm) == 0) {
        return {};
    }
    return buf;
}

bool returnsAddress(std::string_view name) {
    return name == "mmap" || name == "mmap2" || name == "mremap" || name == "brk" ||
           name == "shmat";
}

} // namespace

std::string_view vdsoFunctionName(VdsoFunction f) {
    auto k = static_cast<std::size_t>(f);
    return k < std::size(kVdsoNames) ? kVdsoNames[k] : std::string_view();
}

std::optional<VdsoFunction> vdsoFunctionFromSymbol(std::string_view symbol) {
    if (symbol.substr(0, 7) == "__vdso_") {
        symbol.remove_prefix(7);
    }
    for (std::size_t k = 0; k < std::size(kVdsoNames); ++k) {
        if (kVdsoNames[k] == symbol) {
            return static_cast<VdsoFunction>(k);
        }
    }
    return std::nullopt;
}

std::string formatPointer(std::uint64_t p) {
    return p == 0 ? std::string("NULL") : xlat::hex(p);
}

std::string escapeStringHex(std::string_view bytes, bool truncated) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 4 + 6);
    out += '"';
    for (const char c : bytes) {
        const auto ch = static_cast<unsigned char>(c);
        out += "\\x";
        out += kDigits[ch >> 4];
        out += kDigits[ch & 0xf];
    }
    out += '"';
    if (truncated) {
        out += "...";
    }
    return out;
}

std::string escapeString(std::string_view bytes, bool truncated) {
    std::string out;
    out.reserve(bytes.size() + 8);
    out += '"';
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto ch = static_cast<unsigned char>(bytes[i]);
        switch (ch) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\f':
            out += "\\f";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\v':
            out += "\\v";
            continue;
        default:
            break;
        }
        if (ch >= 0x20 && ch < 0x7f) {
            out += static_cast<char>(ch);
            continue;
        }
        // Octal, as short as possible unless an octal digit follows (then always three).
        const bool digitFollows =
            i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
        char buf[8];
        if (digitFollows) {
            std::snprintf(buf, sizeof buf, "\\%03o", ch);
        } else {
            std::snprintf(buf, sizeof buf, "\\%o", ch);
        }
        out += buf;
    }
    out += '"';
    if (truncated) {
        out += "...";
    }
    return out;
}

std::string eventName(const SyscallEvent& e) {
    if (e.flags & EventFlag::Vdso) {
        std::string_view n = vdsoFunctionName(static_cast<VdsoFunction>(e.nr));
        return (n.empty() ? "vdso_" + std::to_string(e.nr) : std::string(n)) + "@vdso";
    }
    const Arch arch = (e.flags & EventFlag::Compat32) ? Arch::I386 : e.arch;
    return syscallName(arch, e.nr);
}

std::string formatCall(const SyscallEvent& e, const StringLookup& strings) {
    const bool compat = (e.flags & EventFlag::Compat32) || e.arch == Arch::I386;
    const Call c{e, strings, compat};
    if (e.flags & EventFlag::Vdso) {
        if (const SyscallInfo* info = vdsoInfo(static_cast<VdsoFunction>(e.nr))) {
            return callWithInfo(c, *info, eventName(e));
        }
    } else {
        const Arch arch = compat ? Arch::I386 : e.arch;
        if (const SyscallInfo* info = SyscallTable::forArch(arch).lookup(e.nr)) {
            return callWithInfo(c, *info, info->name);
        }
    }
    // Unknown to the table: six raw arguments, as strace shows them.
    std::string out = eventName(e) + "(";
    for (int i = 0; i < 6; ++i) {
        append(out, xlat::hex(c.raw(i)));
    }
    return out + ")";
}

std::string formatReturn(const SyscallEvent& e, const StringLookup* strings) {
    if (e.unfinished()) {
        return "?";
    }
    if (e.failed()) {
        const int err = static_cast<int>(-e.ret);
        const std::string_view name = errnoName(err);
        if (isRestartErrno(err)) {
            return "? " + std::string(name) + " (" + std::string(errnoMessage(err)) + ")";
        }
        if (name.empty()) {
            return "-1 (errno " + std::to_string(err) + ")";
        }
        return "-1 " + std::string(name) + " (" + std::string(errnoMessage(err)) + ")";
    }
    const bool compat = (e.flags & EventFlag::Compat32) || e.arch == Arch::I386;
    const SyscallInfo* info =
        (e.flags & EventFlag::Vdso)
            ? nullptr
            : SyscallTable::forArch(compat ? Arch::I386 : e.arch).lookup(e.nr);
    if (info) {
        const std::uint64_t uret = compat ? static_cast<std::uint64_t>(e.ret) & 0xffffffffu
                                          : static_cast<std::uint64_t>(e.ret);
        if (returnsAddress(info->name)) {
            return xlat::hex(uret);
        }
        if (const int slot = info->resultStringSlot(); slot >= 0) {
            if (e.ret == 0) {
                return "0 (Timeout)"; // poll found nothing
            }
            if (strings) {
                if (const auto explained = (*strings)(slot)) {
                    return std::to_string(e.ret) + " (" + std::string(explained->bytes) + ")";
                }
            }
        }
        if (info->name == "umask") {
            // As strace: octal, three digits at least ("000", "022", "0777").
            char buf[16];
            std::snprintf(buf, sizeof buf, "%#03o", static_cast<unsigned>(uret & 07777));
            return buf;
        }
        // Return values strace explains in parentheses.
        if (info->name == "personality") {
            return (uret == 0 ? std::string("0") : xlat::hex(uret)) + " (" +
                   xlat::personality(uret) + ")";
        }
        if (info->name == "sched_getscheduler") {
            return std::to_string(e.ret) + " (" + xlat::schedPolicy(uret) + ")";
        }
        if (info->name == "prctl" && (e.args[0] & 0xffffffffu) == 3) { // PR_GET_DUMPABLE
            return std::to_string(e.ret) + " (" + xlat::suidDump(uret) + ")";
        }
        if (info->name == "ioprio_get") {
            return std::to_string(e.ret) + " (" + xlat::ioprioValue(uret) + ")";
        }
        if (info->name == "time") {
            return std::to_string(e.ret) + timeComment(e.ret);
        }
        if (info->name == "fcntl" || info->name == "fcntl64") {
            const std::uint64_t cmd = e.args[1] & 0xffffffffu;
            if (cmd == 3) { // F_GETFL
                return xlat::hex(uret) + " (flags " + xlat::openFlags(uret) + ")";
            }
            if (cmd == 1034 && uret != 0) { // F_GET_SEALS
                return xlat::hex(uret) + " (seals " + xlat::fcntlSeals(uret) + ")";
            }
            if (cmd == 1 && uret != 0) { // F_GETFD
                return xlat::hex(uret) + " (flags " + xlat::fdFlags(uret) + ")";
            }
        }
    }
    return std::to_string(e.ret);
}

std::string formatSyscall(const SyscallEvent& e, const StringLookup& strings) {
    return formatCall(e, strings) + " = " + formatReturn(e, &strings);
}

std::string formatProcessLine(const ProcessEvent& p, bool siginfoAlways) {
    switch (p.kind) {
    case ProcessEventKind::Signal: {
        const std::string sig = signalName(p.value);
        if (!p.detail.empty()) {
            return "--- " + sig + " " + p.detail + " ---";
        }
        return siginfoAlways ? "--- " + sig + " {si_signo=" + sig + "} ---" : "--- " + sig + " ---";
    }
    case ProcessEventKind::Stopped:
        return "--- stopped by " + signalName(p.value) + " ---";
    case ProcessEventKind::Exit: {
        const int status = p.value;
        if ((status & 0x7f) == 0) {
            return "+++ exited with " + std::to_string((status >> 8) & 0xff) + " +++";
        }
        return "+++ killed by " + signalName(status & 0x7f) +
               ((status & 0x80) ? " (core dumped)" : "") + " +++";
    }
    default:
        return {};
    }
}

std::string formatSyscallPadded(const SyscallEvent& e, const StringLookup& strings) {
    std::string out = formatCall(e, strings);
    if (out.size() < 40) {
        out.append(40 - out.size(), ' ');
    } else {
        out += ' ';
    }
    return out + "= " + formatReturn(e, &strings);
}

} // namespace syscope
