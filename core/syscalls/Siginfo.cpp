#include "syscalls/Siginfo.h"

#include "syscalls/Errno.h"
#include "syscalls/Signals.h"
#include "syscalls/SyscallTable.h"

#include <cstdint>
#include <cstdio>
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

std::string hex(std::uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string address(const void* p) {
    const auto v = reinterpret_cast<std::uintptr_t>(p);
    return v ? hex(v) : "NULL";
}

std::string source(const siginfo_t& si) {
    return ", si_pid=" + std::to_string(static_cast<unsigned>(si.si_pid)) +
           ", si_uid=" + std::to_string(static_cast<unsigned>(si.si_uid));
}

std::string value(const siginfo_t& si) {
    return ", si_value={int=" + std::to_string(si.si_value.sival_int) +
           ", ptr=" + address(si.si_value.sival_ptr) + "}";
}

std::string auditArch(std::uint32_t arch) {
    switch (arch) {
    case AUDIT_ARCH_X86_64:
        return "AUDIT_ARCH_X86_64";
    case AUDIT_ARCH_I386:
        return "AUDIT_ARCH_I386";
    default:
        return hex(arch) + " /* AUDIT_ARCH_??? */";
    }
}

} // namespace

std::string formatSiginfo(const siginfo_t& si) {
    std::string out = "{si_signo=" + signalName(si.si_signo);
    if (si.si_errno != 0) {
        const std::string_view name = errnoName(si.si_errno);
        out += ", si_errno=" + (name.empty() ? std::to_string(si.si_errno) : std::string(name));
    }
    const std::string_view code = codeName(si.si_signo, si.si_code);
    out += ", si_code=" +
           (code.empty() ? hex(static_cast<std::uint32_t>(si.si_code)) : std::string(code));
    if (si.si_code <= 0) { // sent by a process (SI_FROMUSER)
        switch (si.si_code) {
        case SI_USER:
        case SI_TKILL:
            out += source(si);
            break;
        case SI_TIMER:
            out += ", si_timerid=" + hex(static_cast<std::uint32_t>(si.si_timerid)) +
                   ", si_overrun=" + std::to_string(si.si_overrun) + value(si);
            break;
        default:
            out += source(si);
            if (si.si_value.sival_ptr) {
                out += value(si);
            }
            break;
        }
        return out + "}";
    }
    switch (si.si_signo) {
    case SIGCHLD:
        out +=
            source(si) + ", si_status=" +
            (si.si_code == CLD_EXITED ? std::to_string(si.si_status) : signalName(si.si_status)) +
            ", si_utime=" + std::to_string(static_cast<unsigned long long>(si.si_utime)) +
            ", si_stime=" + std::to_string(static_cast<unsigned long long>(si.si_stime));
        break;
    case SIGILL:
    case SIGFPE:
    case SIGSEGV:
    case SIGBUS:
        out += ", si_addr=" + address(si.si_addr);
        break;
    case SIGPOLL:
        if (si.si_code == POLL_IN || si.si_code == POLL_OUT || si.si_code == POLL_MSG) {
            out += ", si_band=" + std::to_string(si.si_band);
        }
        break;
    case SIGSYS: {
        const auto arch = static_cast<std::uint32_t>(si.si_arch);
        const Arch table = arch == AUDIT_ARCH_I386 ? Arch::I386 : Arch::X86_64;
        const SyscallInfo* info = SyscallTable::forArch(table).lookup(si.si_syscall);
        out += ", si_call_addr=" + address(si.si_call_addr) + ", si_syscall=" +
               (info ? "__NR_" + std::string(info->name)
                     : std::to_string(static_cast<unsigned>(si.si_syscall))) +
               ", si_arch=" + auditArch(arch);
        break;
    }
    default:
        if (si.si_pid || si.si_uid) {
            out += source(si);
        }
        if (si.si_value.sival_ptr) {
            out += value(si);
        }
        break;
    }
    return out + "}";
}

} // namespace syscope
