#include "syscalls/Siginfo.h"

#include "syscalls/Errno.h"
#include "syscalls/Signals.h"
#include "syscalls/SyscallTable.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <linux/audit.h>
#include <string_view>

namespace syscope {

namespace {

struct CodeName {
    int code;
    std::string_view name;
};

// Codes any signal can carry (<asm-generic/siginfo.h>).
constexpr CodeName kGenericCodes[] = {
    {SI_USER, "SI_USER"},       {SI_KERNEL, "SI_KERNEL"}, {SI_QUEUE, "SI_QUEUE"},
    {SI_TIMER, "SI_TIMER"},     {SI_MESGQ, "SI_MESGQ"},   {SI_ASYNCIO, "SI_ASYNCIO"},
    {SI_SIGIO, "SI_SIGIO"},     {SI_TKILL, "SI_TKILL"},   {-7, "SI_DETHREAD"},
    {SI_ASYNCNL, "SI_ASYNCNL"},
};

constexpr CodeName kIllCodes[] = {
    {1, "ILL_ILLOPC"}, {2, "ILL_ILLOPN"}, {3, "ILL_ILLADR"}, {4, "ILL_ILLTRP"},   {5, "ILL_PRVOPC"},
    {6, "ILL_PRVREG"}, {7, "ILL_COPROC"}, {8, "ILL_BADSTK"}, {9, "ILL_BADIADDR"},
};
constexpr CodeName kFpeCodes[] = {
    {1, "FPE_INTDIV"}, {2, "FPE_INTOVF"},    {3, "FPE_FLTDIV"}, {4, "FPE_FLTOVF"},
    {5, "FPE_FLTUND"}, {6, "FPE_FLTRES"},    {7, "FPE_FLTINV"}, {8, "FPE_FLTSUB"},
    {9, "FPE_FLTUNK"}, {10, "FPE_CONDTRAP"},
};
constexpr CodeName kSegvCodes[] = {
    {1, "SEGV_MAPERR"},  {2, "SEGV_ACCERR"},  {3, "SEGV_BNDERR"},  {4, "SEGV_PKUERR"},
    {5, "SEGV_ACCADI"},  {6, "SEGV_ADIDERR"}, {7, "SEGV_ADIPERR"}, {8, "SEGV_MTEAERR"},
    {9, "SEGV_MTESERR"}, {10, "SEGV_CPERR"},
};
constexpr CodeName kBusCodes[] = {
    {1, "BUS_ADRALN"},    {2, "BUS_ADRERR"},    {3, "BUS_OBJERR"},
    {4, "BUS_MCEERR_AR"}, {5, "BUS_MCEERR_AO"},
};
constexpr CodeName kTrapCodes[] = {
    {1, "TRAP_BRKPT"},  {2, "TRAP_TRACE"}, {3, "TRAP_BRANCH"},
    {4, "TRAP_HWBKPT"}, {5, "TRAP_UNK"},   {6, "TRAP_PERF"},
};
constexpr CodeName kChldCodes[] = {
    {1, "CLD_EXITED"},  {2, "CLD_KILLED"},  {3, "CLD_DUMPED"},
    {4, "CLD_TRAPPED"}, {5, "CLD_STOPPED"}, {6, "CLD_CONTINUED"},
};
constexpr CodeName kPollCodes[] = {
    {1, "POLL_IN"},  {2, "POLL_OUT"}, {3, "POLL_MSG"},
    {4, "POLL_ERR"}, {5, "POLL_PRI"}, {6, "POLL_HUP"},
};
constexpr CodeName kSysCodes[] = {{1, "SYS_SECCOMP"}, {2, "SYS_USER_DISPATCH"}};

template <std::size_t N>
std::string_view find(const CodeName (&table)[N], int code) {
    for (const CodeName& c : table) {
        if (c.code == code) {
            return c.name;
        }
    }
    return {};
}

std::string_view codeName(int signo, int code) {
    if (const auto generic = find(kGenericCodes, code); !generic.empty()) {
        return generic;
    }
    switch (signo) {
    case SIGILL:
        return find(kIllCodes, code);
    case SIGFPE:
        return find(kFpeCodes, code);
    case SIGSEGV:
        return find(kSegvCodes, code);
    case SIGBUS:
        return find(kBusCodes, code);
    case SIGTRAP:
        return find(kTrapCodes, code);
    case SIGCHLD:
        return find(kChldCodes, code);
    case SIGPOLL:
        return find(kPollCodes, code);
    case SIGSYS:
        return find(kSysCodes, code);
    default:
        return {};
    }
}

// The siginfo line is built once per delivered signal on the tracer's thread (a SIGCHLD per
// child): into a buffer on the stack, copied once into the string returned.
class Text {
public:
    Text& operator+=(std::string_view s) {
        const std::size_t n = std::min(s.size(), sizeof m_buf - m_size); // never cut in practice
        std::memcpy(m_buf + m_size, s.data(), n);
        m_size += n;
        return *this;
    }
    Text& operator+=(char c) { return *this += std::string_view(&c, 1); }
    std::string str() const { return {m_buf, m_size}; }

private:
    char m_buf[512];
    std::size_t m_size = 0;
};

template <typename T>
void appendNumber(Text& out, T v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out += std::string_view(buf, std::size_t(r.ptr - buf));
}

void appendHex(Text& out, std::uint64_t v) {
    if (v == 0) {
        out += '0'; // as printf's %#llx
        return;
    }
    char buf[24] = {'0', 'x'};
    const auto r = std::to_chars(buf + 2, buf + sizeof buf, v, 16);
    out += std::string_view(buf, std::size_t(r.ptr - buf));
}

void appendAddress(Text& out, const void* p) {
    const auto v = reinterpret_cast<std::uintptr_t>(p);
    if (v) {
        appendHex(out, v);
    } else {
        out += "NULL";
    }
}

void appendSource(Text& out, const siginfo_t& si) {
    out += ", si_pid=";
    appendNumber(out, static_cast<unsigned>(si.si_pid));
    out += ", si_uid=";
    if (si.si_uid == static_cast<uid_t>(-1)) {
        out += "-1"; // as strace prints an id that stands for "none"
    } else {
        appendNumber(out, static_cast<unsigned>(si.si_uid));
    }
}

// The value of a queued or timer signal: two fields, as strace 6.1 prints them.
void appendValue(Text& out, const siginfo_t& si) {
    out += ", si_int=";
    appendNumber(out, si.si_value.sival_int);
    out += ", si_ptr=";
    appendAddress(out, si.si_value.sival_ptr);
}

void appendAddr(Text& out, const void* addr) {
    out += ", si_addr=";
    appendAddress(out, addr);
}

void appendBandAndFd(Text& out, const siginfo_t& si) {
    out += ", si_band=";
    appendNumber(out, si.si_band);
    out += ", si_fd=";
    appendNumber(out, si.si_fd);
}

void appendAuditArch(Text& out, std::uint32_t arch) {
    switch (arch) {
    case AUDIT_ARCH_X86_64:
        out += "AUDIT_ARCH_X86_64";
        break;
    case AUDIT_ARCH_I386:
        out += "AUDIT_ARCH_I386";
        break;
    default:
        appendHex(out, arch);
        out += " /* AUDIT_ARCH_??? */";
        break;
    }
}

} // namespace

std::string formatSiginfo(const siginfo_t& si) {
    Text out;
    out += "{si_signo=";
    out += signalName(si.si_signo);
    out += ", si_code=";
    if (const std::string_view code = codeName(si.si_signo, si.si_code); !code.empty()) {
        out += code;
    } else {
        appendHex(out, static_cast<std::uint32_t>(si.si_code));
    }
    if (si.si_errno != 0) {
        out += ", si_errno=";
        const std::string_view name = errnoName(si.si_errno);
        if (name.empty()) {
            appendNumber(out, si.si_errno);
        } else {
            out += name;
        }
    }
    if (si.si_code <= 0) { // sent by a process (SI_FROMUSER)
        switch (si.si_code) {
        case SI_USER:
        case SI_TKILL:
            appendSource(out, si);
            break;
        case SI_TIMER:
            out += ", si_timerid=";
            appendHex(out, static_cast<std::uint32_t>(si.si_timerid));
            out += ", si_overrun=";
            appendNumber(out, si.si_overrun);
            appendValue(out, si);
            break;
        case SI_SIGIO:
            appendBandAndFd(out, si);
            break;
        default:
            appendSource(out, si);
            if (si.si_value.sival_ptr) {
                appendValue(out, si);
            }
            break;
        }
        out += '}';
        return out.str();
    }
    switch (si.si_signo) {
    case SIGCHLD:
        appendSource(out, si);
        out += ", si_status=";
        if (si.si_code == CLD_EXITED) {
            appendNumber(out, si.si_status);
        } else {
            out += signalName(si.si_status);
        }
        out += ", si_utime=";
        appendNumber(out, static_cast<unsigned long long>(si.si_utime));
        out += ", si_stime=";
        appendNumber(out, static_cast<unsigned long long>(si.si_stime));
        break;
    case SIGILL:
    case SIGFPE:
    case SIGTRAP:
        appendAddr(out, si.si_addr);
        break;
    case SIGBUS:
        appendAddr(out, si.si_addr);
        if (si.si_code == BUS_MCEERR_AR || si.si_code == BUS_MCEERR_AO) {
            out += ", si_addr_lsb=";
            appendHex(out, static_cast<std::uint16_t>(si.si_addr_lsb));
        }
        break;
    case SIGSEGV:
        appendAddr(out, si.si_addr);
        if (si.si_code == SEGV_BNDERR) {
            out += ", si_lower=";
            appendAddress(out, si.si_lower);
            out += ", si_upper=";
            appendAddress(out, si.si_upper);
        } else if (si.si_code == SEGV_PKUERR) {
            out += ", si_pkey=";
            appendNumber(out, static_cast<std::uint32_t>(si.si_pkey));
        }
        break;
    case SIGPOLL:
        if (si.si_code == POLL_IN || si.si_code == POLL_OUT || si.si_code == POLL_MSG) {
            appendBandAndFd(out, si);
        }
        break;
    case SIGSYS: {
        const auto arch = static_cast<std::uint32_t>(si.si_arch);
        const Arch table = arch == AUDIT_ARCH_I386 ? Arch::I386 : Arch::X86_64;
        out += ", si_call_addr=";
        appendAddress(out, si.si_call_addr);
        out += ", si_syscall=";
        if (const SyscallInfo* info = SyscallTable::forArch(table).lookup(si.si_syscall)) {
            out += "__NR_";
            out += info->name;
        } else {
            appendNumber(out, static_cast<unsigned>(si.si_syscall));
        }
        out += ", si_arch=";
        appendAuditArch(out, arch);
        break;
    }
    default:
        if (si.si_pid || si.si_uid) {
            appendSource(out, si);
        }
        if (si.si_value.sival_ptr) {
            appendValue(out, si);
        }
        break;
    }
    out += '}';
    return out.str();
}

namespace {
// The union starts after si_signo, si_errno, si_code and the padding to 8 bytes.
constexpr std::size_t kUnionOffset = 16;
static_assert(sizeof(siginfo_t) >= kUnionOffset + sizeof(RawSiginfo::words));
} // namespace

RawSiginfo rawSiginfo(const siginfo_t& si) {
    RawSiginfo raw;
    raw.code = si.si_code;
    raw.errnum = si.si_errno;
    std::memcpy(raw.words.data(), reinterpret_cast<const char*>(&si) + kUnionOffset,
                sizeof raw.words);
    return raw;
}

siginfo_t siginfoFromRaw(int signo, const RawSiginfo& raw) {
    siginfo_t si;
    std::memset(&si, 0, sizeof si);
    si.si_signo = signo;
    si.si_code = raw.code;
    si.si_errno = raw.errnum;
    std::memcpy(reinterpret_cast<char*>(&si) + kUnionOffset, raw.words.data(), sizeof raw.words);
    return si;
}

void fillSignalDetail(ProcessEvent& ev) {
    if (ev.siginfo && ev.detail.empty()) {
        ev.detail = formatSiginfo(siginfoFromRaw(ev.value, *ev.siginfo));
    }
}

} // namespace syscope
