// Calls whose rendering depends on their arguments (clone's named fields, fcntl's command, futex's
// operation, ...), each as strace 6.1 renders it.
#include "syscalls/CallArgs.h"

#include "syscalls/FlagFormat.h"
#include "syscalls/IoctlArg.h"
#include "syscalls/Signals.h"
#include "syscalls/XlatTables.h"

namespace syscope::detail {

namespace {

using namespace xlat::tables;

std::string named(std::uint64_t v, std::span<const xlat::Named> table, std::string_view prefix) {
    return xlat::value(v, table, prefix);
}

// prctl's operands depend on the option, as in strace 6.1: getters that return their value show
// no operands, getters that store it show the address, setters show the value by name.
void formatPrctl(const Call& c, const SyscallInfo& info, std::string& out) {
    const std::uint64_t option = c.low(0);
    const std::string optionName(xlat::lookup(option, kPrctl));
    auto x = [&](int i) { return xlat::hex(c.raw(i)); };
    auto u = [&](int i) { return udecimal(c.raw(i)); };
    auto p = [&](int i) { return formatPointer(c.raw(i)); };
    auto rest = [&](int from) {
        for (int i = from; i <= 4; ++i) {
            append(out, x(i));
        }
    };
    auto cap = [&](int i) { return named(c.low(i), kCapabilities, "CAP_"); };
    if (optionName.empty()) {
        append(out, xlat::value(option, kPrctl, "PR_"));
        rest(1);
        return;
    }
    append(out, optionName);
    switch (option) {
    case 3:
    case 7:
    case 13:
    case 21:
    case 27:
    case 30:
    case 31:
    case 32:
    case 46:
    case 51:
    case 64: // getters returning the value, and the perf toggles: no operands
        break;
    case 2:
    case 5:
    case 9:
    case 11:
    case 16:
    case 19:
    case 25:
    case 37:
    case 40:
        append(out, p(1)); // getters storing the value at an address
        break;
    case 15: // PR_SET_NAME: the name, when the tracer captured it
        append(out, stringArg(c, info, 1, kMaxStringShown));
        break;
    case 1: // PR_SET_PDEATHSIG
        append(out, c.asInt(1) == 0 ? std::string("0") : signalName(static_cast<int>(c.asInt(1))));
        break;
    case 4:
        append(out, named(c.raw(1), kSuidDump, "SUID_DUMP_"));
        break;
    case 6:
        append(out, xlat::flags(c.raw(1), kUnalign));
        break;
    case 8:
    case 10:
    case 12:
    case 14:
    case 20:
    case 29:
    case 36:
        append(out, u(1));
        break;
    case 22: // PR_SET_SECCOMP
        append(out, named(c.raw(1), kSeccompModes, "SECCOMP_MODE_"));
        if (c.raw(1) == 2) {
            append(out, p(2));
        }
        break;
    case 23:
    case 24: // PR_CAPBSET_READ, PR_CAPBSET_DROP
        append(out, cap(1));
        break;
    case 26:
        append(out, named(c.raw(1), kTscModes, "PR_TSC_"));
        break;
    case 28:
        append(out, xlat::flags(c.raw(1), kSecureBits));
        break;
    case 33: // PR_MCE_KILL
        append(out, named(c.raw(1), kMceKillOps, "PR_MCE_KILL_"));
        if (c.raw(1) == 1) {
            append(out, named(c.raw(2), kMceKillPolicies, "PR_MCE_KILL_"));
            rest(3);
        } else {
            rest(2);
        }
        break;
    case 35: // PR_SET_MM
        append(out, named(c.raw(1), kSetMmOps, "PR_SET_MM_"));
        rest(2);
        break;
    case 38:
    case 41:
    case 57: // setters of a number that take (and show) unused operands
        append(out, u(1));
        rest(2);
        break;
    case 45:
        append(out, xlat::flags(c.raw(1), kFpModes));
        break;
    case 47: { // PR_CAP_AMBIENT
        const std::uint64_t op = c.raw(1);
        append(out, named(op, kCapAmbientOps, "PR_CAP_AMBIENT_"));
        if (op >= 1 && op <= 3) {
            append(out, cap(2));
            rest(3);
        } else {
            rest(2);
        }
        break;
    }
    case 50:
    case 63: // PR_SVE_SET_VL, PR_SME_SET_VL
        append(out, x(1));
        break;
    case 52:
        append(out, named(c.raw(1), kSpecWhich, "PR_SPEC_"));
        break;
    case 53:
        append(out, named(c.raw(1), kSpecWhich, "PR_SPEC_"));
        append(out, xlat::flags(c.raw(2), kSpecValues));
        break;
    case 54: // PR_PAC_RESET_KEYS
        append(out, xlat::flags(c.raw(1), kPacKeys));
        rest(2);
        break;
    case 55: { // PR_SET_TAGGED_ADDR_CTRL: enable bit, MTE check fault mode, tag mask
        const std::uint64_t v = c.raw(1);
        std::string text = (v & 1) ? "PR_TAGGED_ADDR_ENABLE|" : "";
        const std::uint64_t tcf = v & 6;
        text += tcf == 0   ? "PR_MTE_TCF_NONE"
                : tcf == 2 ? "PR_MTE_TCF_SYNC"
                : tcf == 4 ? "PR_MTE_TCF_ASYNC"
                           : "PR_MTE_TCF_SYNC|PR_MTE_TCF_ASYNC";
        if (v & ~std::uint64_t{7}) {
            text += "|" + xlat::hex(v & ~std::uint64_t{7});
        }
        append(out, text);
        rest(2);
        break;
    }
    case 59: // PR_SET_SYSCALL_USER_DISPATCH
        append(out, named(c.raw(1), kSysDispatch, "PR_SYS_DISPATCH_"));
        rest(2);
        break;
    case 60: // PR_PAC_SET_ENABLED_KEYS
        append(out, xlat::flags(c.raw(1), kPacKeys));
        append(out, xlat::flags(c.raw(2), kPacKeys));
        rest(3);
        break;
    case 62: { // PR_SCHED_CORE
        append(out, named(c.raw(1), kSchedCoreOps, "PR_SCHED_CORE_"));
        append(out, decimal(c.asInt(2)));
        const std::string_view type = xlat::lookup(c.raw(3), kPidTypes);
        append(out, x(3) + " /* " +
                        (type.empty() ? std::string("PIDTYPE_???") : std::string(type)) + " */");
        append(out, x(4));
        break;
    }
    case 0x53564d41: // PR_SET_VMA
        append(out, c.raw(1) == 0 ? std::string("PR_SET_VMA_ANON_NAME") : x(1));
        append(out, x(2));
        append(out, u(3));
        append(out, p(4));
        break;
    default: // the others show all four operands raw
        rest(1);
        break;
    }
}

} // namespace

bool formatSpecial(const Call& c, const SyscallInfo& info, std::string& out) {
    const std::string_view name = info.name;
    auto arg = [&](int i) { return argByKind(c, info, i); };

    if (name == "open" || name == "openat" || name == "mq_open") {
        const int flagsArg = name == "openat" ? 2 : 1;
        for (int i = 0; i <= flagsArg; ++i) {
            append(out, arg(i));
        }
        // The mode only means something when a file may be created.
        if (c.raw(flagsArg) & (0x40 | 0x400000)) {
            append(out, arg(flagsArg + 1));
            if (name == "mq_open") {
                append(out, arg(flagsArg + 2));
            }
        }
        return true;
    }
    if (name == "clone") {
        // x86_64: flags, stack, parent_tid, child_tid, tls; i386: flags, stack, parent_tid,
        // tls, child_tid.
        const std::uint64_t flags = c.raw(0);
        const int childTid = c.compat ? 4 : 3;
        const int tls = c.compat ? 3 : 4;
        append(out, "child_stack=" + formatPointer(c.raw(1)));
        append(out, "flags=" + xlat::cloneFlags(flags));
        if (flags & 0x100000) { // CLONE_PARENT_SETTID
            append(out, "parent_tid=" + formatPointer(c.raw(2)));
        }
        if (flags & 0x80000) { // CLONE_SETTLS
            append(out, "tls=" + formatPointer(c.raw(tls)));
        }
        if (flags & (0x1000000 | 0x200000)) { // CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID
            append(out, "child_tidptr=" + formatPointer(c.raw(childTid)));
        }
        return true;
    }
    if (name == "fcntl" || name == "fcntl64") {
        append(out, arg(0));
        const std::uint64_t cmd = c.raw(1) & 0xffffffffu;
        append(out, xlat::fcntlCommand(cmd));
        switch (cmd) {
        case 1:
        case 3:
        case 9:
        case 11:
        case 1025:
        case 1032:
        case 1034:
        case 1035:
        case 1037:
            break; // F_GETFD, F_GETFL, F_GETOWN, F_GETSIG, F_GETLEASE, F_GETPIPE_SZ, ... take none
        case 2:    // F_SETFD
            append(out, xlat::fdFlags(c.raw(2)));
            break;
        case 4: // F_SETFL
            append(out, xlat::openFlags(c.raw(2)));
            break;
        case 0:
        case 8:
        case 1030:
        case 1031: // F_DUPFD, F_SETOWN, F_DUPFD_CLOEXEC, F_SETPIPE_SZ
            append(out, decimal(c.asInt(2)));
            break;
        case 10: // F_SETSIG
            append(out,
                   c.asInt(2) == 0 ? std::string("0") : signalName(static_cast<int>(c.asInt(2))));
            break;
        case 1033: // F_ADD_SEALS
            append(out, xlat::fcntlSeals(c.raw(2)));
            break;
        case 5:
        case 6:
        case 7:
        case 12:
        case 13:
        case 14:
        case 15:
        case 16:
        case 17:
        case 36:
        case 37:
        case 38:
        case 1036:
        case 1038:
            append(out, formatPointer(c.raw(2)));
            break;
        default:
            append(out, xlat::hex(c.raw(2)));
            break;
        }
        return true;
    }
    if (name == "restart_syscall") {
        // The tracer may hand over the name of the interrupted call as string 0 (the call itself
        // has no arguments); strace prints the same placeholder when it does not know it.
        const std::optional<ArgString> interrupted = captured(c, 0);
        out += "<... resuming interrupted ";
        out += interrupted && !interrupted->bytes.empty() ? interrupted->bytes : "call";
        out += " ...>";
        return true;
    }
    if (name == "syslog") {
        const std::uint64_t type = c.raw(0) & 0xffffffffu;
        append(out, xlat::syslogAction(type));
        // CLOSE, OPEN, CLEAR, CONSOLE_OFF, CONSOLE_ON, SIZE_UNREAD and SIZE_BUFFER ignore the
        // buffer and the length; the reads, CONSOLE_LEVEL and unknown actions show them.
        switch (type) {
        case 0:
        case 1:
        case 5:
        case 6:
        case 7:
        case 9:
        case 10:
            break;
        default:
            append(out, formatPointer(c.raw(1)));
            append(out, decimal(c.asInt(2)));
            break;
        }
        return true;
    }
    if (name == "ioprio_get" || name == "ioprio_set") {
        append(out, xlat::ioprioWho(c.raw(0)));
        append(out, decimal(c.asInt(1)));
        if (name == "ioprio_set") {
            append(out, xlat::ioprioValue(c.raw(2)));
        }
        return true;
    }
    if (name == "fanotify_init") {
        append(out, xlat::fanotifyInitFlags(c.raw(0)));
        append(out, xlat::openFlags(c.raw(1)));
        return true;
    }
    if (name == "io_uring_register") {
        append(out, arg(0));
        append(out, xlat::ioUringRegisterOp(c.raw(1)));
        append(out, arg(2));
        append(out, arg(3));
        return true;
    }
    if (name == "fsconfig") {
        append(out, arg(0));
        append(out, xlat::fsconfigCmd(c.raw(1)));
        append(out, arg(2));
        append(out, arg(3));
        append(out, arg(4));
        return true;
    }
    if (name == "landlock_add_rule") {
        append(out, arg(0));
        append(out, xlat::landlockRuleType(c.raw(1)));
        append(out, arg(2));
        append(out, arg(3));
        return true;
    }
    if (name == "kexec_load") {
        append(out, formatPointer(c.raw(0)));
        append(out, udecimal(c.raw(1)));
        append(out, formatPointer(c.raw(2)));
        append(out, xlat::kexecFlags(c.raw(3)));
        return true;
    }
    if (name == "quotactl" || name == "quotactl_fd") {
        const bool byFd = name == "quotactl_fd";
        if (byFd) {
            append(out, arg(0));
        }
        append(out, xlat::quotactlCmd(c.raw(byFd ? 1 : 0)));
        if (!byFd) {
            append(out, arg(1));
        }
        append(out, decimal(c.asInt(2)));
        append(out, formatPointer(c.raw(3)));
        return true;
    }
    if (name == "reboot") {
        append(out, xlat::rebootMagic1(c.raw(0)));
        append(out, xlat::rebootMagic2(c.raw(1)));
        append(out, xlat::rebootCmd(c.raw(2)));
        if ((c.raw(2) & 0xffffffffu) == 0xA1B2C3D4) { // RESTART2 takes a command string
            append(out, stringArg(c, info, 3, kMaxStringShown));
        }
        return true;
    }
    if (name == "keyctl") {
        // The command is decoded; KEYCTL_GET_KEYRING_ID (key, create) shows its two operands,
        // the others keep their raw values.
        append(out, xlat::keyctlCmd(c.raw(0)));
        const int operands = (c.raw(0) & 0xffffffffu) == 0 ? 2 : info.argCount - 1;
        for (int i = 1; i <= operands; ++i) {
            append(out, (c.raw(0) & 0xffffffffu) == 0 ? decimal(c.asInt(i)) : arg(i));
        }
        return true;
    }
    if (name == "prctl") {
        formatPrctl(c, info, out);
        return true;
    }
    if (name == "add_key" || name == "request_key") {
        const int keyringArg = name == "add_key" ? 4 : 3;
        for (int i = 0; i < keyringArg; ++i) {
            append(out, arg(i));
        }
        append(out, xlat::keyring(c.raw(keyringArg)));
        return true;
    }
    if (name == "ipc") { // i386
        append(out, xlat::ipcCall(c.raw(0)));
        for (int i = 1; i < info.argCount; ++i) {
            append(out, arg(i));
        }
        return true;
    }
    if (name == "fanotify_mark") {
        // x86_64: fd, flags, mask, dirfd, path; i386: the 64-bit mask takes two registers.
        const int dirfdArg = c.compat ? 4 : 3;
        const std::uint64_t mask = c.compat ? (c.low(2) | (c.raw(3) << 32)) : c.raw(2);
        append(out, arg(0));
        append(out, xlat::flagArg(FlagSet::FanMarkFlags, c.raw(1)));
        append(out, xlat::flagArg(FlagSet::FanEventMask, mask));
        const std::int64_t dirfd = c.asInt(dirfdArg);
        append(out, dirfd == -100 ? std::string("AT_FDCWD")
                    : dirfd == -1 ? std::string("FAN_NOFD")
                                  : decimal(dirfd));
        append(out, stringArg(c, info, dirfdArg + 1, kMaxPathShown));
        return true;
    }
    if (name == "membarrier") {
        append(out, arg(0));
        append(out, arg(1));
        if (c.raw(1) & 1) { // MEMBARRIER_CMD_FLAG_CPU: the cpu operand is used
            append(out, arg(2));
        }
        return true;
    }
    if (name == "set_mempolicy") { // the mode is an int here (mbind's is an unsigned long)
        append(out, xlat::mempolicyMode(c.low(0)));
        append(out, arg(1));
        append(out, arg(2));
        return true;
    }
    if (name == "mremap") {
        for (int i = 0; i < 4; ++i) {
            append(out, arg(i));
        }
        if (c.raw(3) & 2) { // MREMAP_FIXED: the new address is used
            append(out, arg(4));
        }
        return true;
    }
    if (name == "shmget" || name == "semget" || name == "msgget") {
        append(out, c.low(0) == 0 ? std::string("IPC_PRIVATE") : xlat::hex(c.low(0)));
        for (int i = 1; i < info.argCount; ++i) {
            append(out, arg(i));
        }
        return true;
    }
    if (name == "setsockopt" || name == "getsockopt") {
        append(out, arg(0));
        const std::string level = arg(1);
        // An unknown level gets a two-question-mark comment, as strace 6.1 prints it.
        append(out, level.find("SOL_???") != std::string::npos
                        ? xlat::hex(c.low(1)) + " /* SOL_?? */"
                        : level);
        append(out, xlat::socketOption(c.raw(1), c.raw(2)));
        append(out, arg(3));
        append(out, arg(4));
        return true;
    }
    if (name == "ioctl") {
        append(out, arg(0));
        append(out, xlat::ioctlRequest(c.raw(1)));
        switch (ioctlArgUse(c.raw(1))) {
        case IoctlArgUse::None:
            break;
        case IoctlArgUse::Value:
            // Not a pointer strace knows of: the number, 0 as 0 (a captured rendering is kept,
            // as strace wrote it in an imported log).
            append(out, c.raw(2) == 0 && !captured(c, 2) ? std::string("0") : arg(2));
            break;
        default: // an address, or the int it points to when captured
            append(out, arg(2));
            break;
        }
        return true;
    }
    if (name == "ptrace") {
        const std::uint64_t req = c.raw(0);
        append(out, arg(0));
        if (req == 0) { // PTRACE_TRACEME
            return true;
        }
        append(out, arg(1));
        if (req == 16 || req == 8 || req == 0x4207) { // ATTACH, KILL, INTERRUPT take only a pid
            return true;
        }
        append(out, arg(2));
        // CONT, SYSCALL, SINGLESTEP, DETACH, SYSEMU*, LISTEN: the data is a signal to deliver.
        if (req == 7 || req == 24 || req == 9 || req == 17 || req == 31 || req == 32 ||
            req == 0x4208) {
            append(out,
                   c.asInt(3) == 0 ? std::string("0") : signalName(static_cast<int>(c.asInt(3))));
        } else {
            append(out, arg(3));
        }
        return true;
    }
    if (name == "ustat") {
        append(out, makedev(c.raw(0)));
        append(out, arg(1));
        return true;
    }
    if (name == "signal") { // i386
        append(out, arg(0));
        const std::uint64_t h = c.raw(1);
        if (h == 0) {
            append(out, "SIG_DFL");
        } else if (h == 1) {
            append(out, "SIG_IGN");
        } else if (h == ~std::uint64_t{0} || h == 0xffffffffu) {
            append(out, "SIG_ERR");
        } else {
            append(out, xlat::hex(h));
        }
        return true;
    }
    if (name == "ssetmask") { // i386
        append(out, xlat::sigmask(c.raw(0), 32));
        return true;
    }
    if (name == "sigsuspend" && c.compat) { // i386: only the mask (third argument) matters
        append(out, xlat::sigmask(c.raw(2), 32));
        return true;
    }
    if (name == "_llseek") { // i386: fd, offset_high, offset_low, result, whence
        append(out, arg(0));
        append(out, std::to_string(static_cast<std::int64_t>((c.raw(1) << 32) | c.raw(2))));
        append(out, formatPointer(c.raw(3)));
        append(out, arg(4));
        return true;
    }
    if (name == "mmap2") { // i386: the offset is in pages
        for (int i = 0; i < 5; ++i) {
            append(out, arg(i));
        }
        append(out, xlat::hex(c.raw(5) << 12));
        return true;
    }
    if (name == "socket" || name == "socketpair") {
        append(out, arg(0));
        append(out, arg(1));
        append(out, xlat::socketProtocol(c.raw(0) & 0xffffffffu, c.raw(2)));
        if (name == "socketpair") {
            append(out, arg(3));
        }
        return true;
    }
    if (name == "mknod" || name == "mknodat") {
        const int m = name == "mknodat" ? 2 : 1;
        for (int i = 0; i < m; ++i) {
            append(out, arg(i));
        }
        append(out, xlat::fileMode(c.raw(m)));
        const std::uint64_t type = c.raw(m) & 0170000;
        if (type == 0020000 || type == 0060000) { // S_IFCHR, S_IFBLK
            append(out, makedev(c.raw(m + 1)));
        }
        return true;
    }
    if (name == "futex" || name == "futex_time64") {
        append(out, formatPointer(c.raw(0)));
        append(out, xlat::futexOp(c.raw(1)));
        const std::uint64_t op = c.raw(1) & 0xffffffffu;
        const std::uint64_t cmd = op & 127;
        const bool known = (op & ~std::uint64_t{127 | 128 | 256}) == 0;
        auto val = [&](int i) { return udecimal(c.raw(i) & 0xffffffffu); };
        if (!known || cmd > 13) {
            append(out, val(2));
            append(out, xlat::hex(c.raw(3)));
            append(out, xlat::hex(c.raw(4)));
            append(out, xlat::hex(c.raw(5)));
            return true;
        }
        switch (cmd) {
        case 0:
        case 11: // FUTEX_WAIT, FUTEX_WAIT_REQUEUE_PI
            append(out, val(2));
            append(out, formatPointer(c.raw(3)));
            if (cmd == 11) {
                append(out, formatPointer(c.raw(4)));
            }
            break;
        case 1:
        case 2: // FUTEX_WAKE, FUTEX_FD
            append(out, val(2));
            break;
        case 3: // FUTEX_REQUEUE
            append(out, val(2));
            append(out, val(3));
            append(out, formatPointer(c.raw(4)));
            break;
        case 4:
        case 12: // FUTEX_CMP_REQUEUE, FUTEX_CMP_REQUEUE_PI
        case 5:  // FUTEX_WAKE_OP (strace decodes the operation in val3; we show it raw)
            append(out, val(2));
            append(out, val(3));
            append(out, formatPointer(c.raw(4)));
            append(out, cmd == 5 ? xlat::hex(c.raw(5) & 0xffffffffu) : val(5));
            break;
        case 6:
        case 13: // FUTEX_LOCK_PI, FUTEX_LOCK_PI2
            append(out, formatPointer(c.raw(3)));
            break;
        case 7:
        case 8: // FUTEX_UNLOCK_PI, FUTEX_TRYLOCK_PI
            break;
        case 9:
        case 10: { // FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET
            append(out, val(2));
            if (cmd == 9) {
                append(out, formatPointer(c.raw(3)));
            }
            const std::uint64_t mask = c.raw(5) & 0xffffffffu;
            append(out,
                   mask == 0xffffffffu ? std::string("FUTEX_BITSET_MATCH_ANY") : xlat::hex(mask));
            break;
        }
        default:
            break;
        }
        return true;
    }
    return false;
}

} // namespace syscope::detail

namespace syscope {

IoctlArgUse ioctlArgUse(std::uint64_t request) {
    switch (request & 0xffffffffu) {
    case 0x5450: // FIONCLEX
    case 0x5451: // FIOCLEX
        return IoctlArgUse::None;
    case 0x5401: // TCGETS
    case 0x5402: // TCSETS
    case 0x5403: // TCSETSW
    case 0x5404: // TCSETSF
    case 0x5413: // TIOCGWINSZ
    case 0x5414: // TIOCSWINSZ
        return IoctlArgUse::Pointer;
    case 0x5410: // TIOCSPGRP
    case 0x5421: // FIONBIO
    case 0x5452: // FIOASYNC
        return IoctlArgUse::IntIn;
    case 0x540F: // TIOCGPGRP
    case 0x5411: // TIOCOUTQ
    case 0x541B: // FIONREAD
        return IoctlArgUse::IntOut;
    default:
        return IoctlArgUse::Value;
    }
}

} // namespace syscope
