#include "syscalls/FlagFormat.h"

#include "syscalls/Signals.h"
#include "syscalls/XlatTables.h"

#include <cstdio>

namespace syscope::xlat {

using namespace tables;

namespace {

// A value that does not name anything, in the style strace uses for the given table:
// hex for most, decimal for a few (prctl options, epoll_ctl operations).
std::string unknownValue(std::uint64_t v, std::string_view prefix, bool decimal) {
    char buf[64];
    if (decimal) {
        std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(v));
    } else {
        std::snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(v));
    }
    return std::string(buf) + " /* " + std::string(prefix) + "??? */";
}

} // namespace

std::string hex(std::uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string flags(std::uint64_t v, std::span<const Named> table, std::string_view zero) {
    if (v == 0) {
        return std::string(zero);
    }
    std::string out;
    for (const Named& n : table) {
        if (n.value != 0 && (v & n.value) == n.value) {
            if (!out.empty()) {
                out += '|';
            }
            out += n.name;
            v &= ~n.value;
        }
    }
    if (v != 0) {
        if (!out.empty()) {
            out += '|';
        }
        out += hex(v);
    }
    return out;
}

std::string_view lookup(std::uint64_t v, std::span<const Named> table) {
    for (const Named& n : table) {
        if (n.value == v) {
            return n.name;
        }
    }
    return {};
}

std::string value(std::uint64_t v, std::span<const Named> table, std::string_view unknownPrefix) {
    std::string_view name = lookup(v, table);
    return name.empty() ? unknownValue(v, unknownPrefix, false) : std::string(name);
}

std::string openFlags(std::uint64_t v) {
    v &= 0xffffffffu;
    static constexpr std::string_view kAcc[] = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
    std::string out(kAcc[v & 3]);
    v &= ~std::uint64_t{3};
    if (v != 0) {
        out += '|';
        out += flags(v, kOpenFlags);
    }
    return out;
}

std::string openFlagsNoAccmode(std::uint64_t v) {
    return flags(v & 0xffffffffu, kOpenFlags);
}
std::string accessMode(std::uint64_t v) {
    return flags(v & 0xffffffffu, kAccessModes, "F_OK");
}
std::string atFlags(std::uint64_t v) {
    return flags(v & 0xffffffffu, kAtFlags);
}

std::string statxFlags(std::uint64_t v) {
    v &= 0xffffffffu;
    std::string out;
    if ((v & 0x6000) == 0) {
        out = "AT_STATX_SYNC_AS_STAT";
        if (v == 0) {
            return out;
        }
        out += '|';
    }
    return out + flags(v, kStatxFlags);
}

std::string mmapProt(std::uint64_t v) {
    return flags(v, kMmapProt, "PROT_NONE");
}

std::string mmapFlags(std::uint64_t v) {
    v &= 0xffffffffu;
    std::string out = value(v & 0xf, kMmapType, "MAP_");
    v &= ~std::uint64_t{0xf};
    const std::uint64_t hugeMask = std::uint64_t{0x3f} << 26;
    std::uint64_t huge = (v & hugeMask) >> 26;
    v &= ~hugeMask;
    if (v != 0) {
        out += '|';
        out += flags(v, kMmapFlags);
    }
    if (huge != 0) {
        out += '|' + std::to_string(huge) + "<<MAP_HUGE_SHIFT";
    }
    return out;
}

std::string cloneFlags(std::uint64_t v) {
    std::uint64_t sig = v & 0xff;
    v &= ~std::uint64_t{0xff};
    std::string out;
    if (v != 0) {
        out = flags(v, kCloneFlags);
    }
    if (sig != 0) {
        if (!out.empty()) {
            out += '|';
        }
        out += signalName(static_cast<int>(sig));
    }
    return out.empty() ? "0" : out;
}

std::string waitOptions(std::uint64_t v) {
    return flags(v & 0xffffffffu, kWaitOptions);
}

std::string mode(std::uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%#03o", static_cast<unsigned>(v & 0xffff));
    return buf;
}

std::string fileMode(std::uint64_t v) {
    v &= 0xffff;
    std::string_view type = lookup(v & 0170000, kFileTypes);
    if (type.empty()) {
        return mode(v);
    }
    return std::string(type) + '|' + mode(v & 07777);
}

std::string clockId(std::uint64_t v) {
    return value(v & 0xffffffffu, kClocks, "CLOCK_");
}

std::string socketProtocol(std::uint64_t family, std::uint64_t protocol) {
    std::string_view name;
    switch (family) {
    case 2:  // AF_INET
    case 10: // AF_INET6
        name = lookup(protocol, kIpProtocols);
        break;
    case 16: // AF_NETLINK
        name = lookup(protocol, kNetlinkProtocols);
        break;
    case 17: { // AF_PACKET: the protocol is in network byte order
        std::uint64_t host = ((protocol & 0xff) << 8) | ((protocol >> 8) & 0xff);
        if (protocol <= 0xffff) {
            std::string_view eth = lookup(host, kEthProtocols);
            if (!eth.empty()) {
                return "htons(" + std::string(eth) + ")";
            }
        }
        break;
    }
    default:
        break;
    }
    if (!name.empty()) {
        return std::string(name);
    }
    return std::to_string(protocol);
}

std::string fcntlCommand(std::uint64_t v) {
    return value(v & 0xffffffffu, kFcntlCmds, "F_");
}
std::string fdFlags(std::uint64_t v) {
    return flags(v & 0xffffffffu, kFdFlags);
}

std::string futexOp(std::uint64_t v) {
    v &= 0xffffffffu;
    std::uint64_t cmd = v & 127;
    std::string_view name = lookup(cmd, kFutexCmds);
    if (name.empty() || (v & ~std::uint64_t{127 | 128 | 256}) != 0) {
        return unknownValue(v, "FUTEX_", false);
    }
    std::string out(name);
    if (v & 128) {
        out += "_PRIVATE";
    }
    if (v & 256) {
        out += "|FUTEX_CLOCK_REALTIME";
    }
    return out;
}

std::string flagArg(FlagSet set, std::uint64_t v) {
    const std::uint64_t v32 = v & 0xffffffffu;
    switch (set) {
    case FlagSet::None:
        return hex(v);
    case FlagSet::OpenFlags:
        return openFlags(v);
    case FlagSet::AccessMode:
        return accessMode(v);
    case FlagSet::AtFlags:
    case FlagSet::UnlinkAtFlags:
        return atFlags(v);
    case FlagSet::StatxFlags:
        return statxFlags(v);
    case FlagSet::Faccessat2Flags:
        return flags(v32, kFaccessat2Flags);
    case FlagSet::MmapProt:
        return mmapProt(v);
    case FlagSet::MmapFlags:
        return mmapFlags(v);
    case FlagSet::CloneFlags:
        return cloneFlags(v);
    case FlagSet::UnshareFlags:
        return flags(v, kUnshareFlags);
    case FlagSet::SetnsFlags:
        return flags(v32, kSetnsFlags);
    case FlagSet::WaitOptions:
        return waitOptions(v);
    case FlagSet::Whence:
        return value(v32, kWhence, "SEEK_");
    case FlagSet::SigprocmaskHow:
        return value(v32, kSigprocmaskHow, "SIG_");
    case FlagSet::FcntlCmd:
        return fcntlCommand(v);
    case FlagSet::FcntlFdFlags:
        return fdFlags(v);
    case FlagSet::ArchPrctlCode:
        return value(v32, kArchPrctl, "ARCH_");
    case FlagSet::FutexOp:
        return futexOp(v);
    case FlagSet::PrctlOption:
        return value(v32, kPrctl, "PR_");
    case FlagSet::SocketFamily:
        return value(v32, kFamilies, "AF_");
    case FlagSet::SocketType: {
        std::string_view type = lookup(v32 & 0xf, kSocketTypes);
        if (type.empty()) {
            return flags(v32, kSocketTypeFlags);
        }
        std::uint64_t rest = v32 & ~std::uint64_t{0xf};
        return rest ? std::string(type) + '|' + flags(rest, kSocketTypeFlags) : std::string(type);
    }
    case FlagSet::PipeFlags:
        return openFlagsNoAccmode(v);
    case FlagSet::MremapFlags:
        return flags(v, kMremapFlags);
    case FlagSet::MsyncFlags:
        return flags(v32, kMsyncFlags);
    case FlagSet::MadviseAdvice:
        return value(v32, kMadvise, "MADV_");
    case FlagSet::RlimitResource:
        return value(v32, kRlimits, "RLIMIT_");
    case FlagSet::RenameFlags:
        return flags(v32, kRenameFlags);
    case FlagSet::EpollCtlOp:
        return value(v32, kEpollCtl, "EPOLL_CTL_");
    case FlagSet::EventfdFlags:
        return flags(v32, kEventfdFlags);
    case FlagSet::MemfdFlags: {
        const std::uint64_t hugeMask = std::uint64_t{0x3f} << 26;
        std::uint64_t huge = (v32 & hugeMask) >> 26;
        std::string out = flags(v32 & ~hugeMask, kMemfdFlags);
        if (huge != 0) {
            out = (v32 & ~hugeMask) ? out + '|' : std::string();
            out += std::to_string(huge) + "<<MFD_HUGE_SHIFT";
        }
        return out;
    }
    case FlagSet::GetrandomFlags:
        return flags(v32, kGetrandomFlags);
    case FlagSet::CloseRangeFlags:
        return flags(v32, kCloseRangeFlags);
    case FlagSet::StatxMask:
        return flags(v32, kStatxMask);
    case FlagSet::SocketLevel:
        return value(v32, kSocketLevels, "SOL_");
    case FlagSet::ShutdownHow:
        return value(v32, kShutdownHow, "SHUT_");
    case FlagSet::ItimerWhich:
        return value(v32, kItimers, "ITIMER_");
    case FlagSet::TimerFlags:
        return flags(v32, kTimerFlags);
    case FlagSet::PrioWhich:
        return value(v32, kPrioWhich, "PRIO_");
    case FlagSet::SchedPolicy:
        return value(v32, kSchedPolicies, "SCHED_");
    case FlagSet::Personality:
        return personality(v);
    case FlagSet::RusageWho:
        return value(v32, kRusageWho, "RUSAGE_");
    case FlagSet::IdType:
        return value(v32, kIdTypes, "P_");
    case FlagSet::MlockallFlags:
        return flags(v32, kMlockall);
    case FlagSet::IpcFlags: {
        const std::uint64_t named = v32 & ~std::uint64_t{0777};
        return named ? flags(named, kIpcFlags) + '|' + mode(v32 & 0777) : mode(v32 & 0777);
    }
    case FlagSet::IpcCmd:
        return value(v32, kIpcCmds, "IPC_");
    case FlagSet::MsgFlags:
        return flags(v32, kMsgFlags);
    case FlagSet::SpliceFlags:
        return flags(v32, kSpliceFlags);
    case FlagSet::SeccompOp:
        return value(v32, kSeccompOps, "SECCOMP_SET_MODE_");
    case FlagSet::BpfCmd:
        return value(v32, kBpfCmds, "BPF_");
    case FlagSet::MembarrierCmd:
        return value(v32, kMembarrier, "MEMBARRIER_CMD_");
    case FlagSet::FadviseAdvice:
        return value(v32, kFadvise, "POSIX_FADV_");
    case FlagSet::InotifyMask:
        return flags(v32, kInotifyMask);
    case FlagSet::InotifyInitFlags:
        return flags(v32, kInotifyInit);
    case FlagSet::TimerfdFlags:
        return flags(v32, kTimerfdFlags);
    case FlagSet::SignalfdFlags:
        return flags(v32, kSignalfdFlags);
    case FlagSet::PtraceRequest:
        return value(v, kPtrace, "PTRACE_");
    case FlagSet::ReadWriteFlags:
        return flags(v32, kRwFlags);
    case FlagSet::FlockOp:
        return flags(v32, kFlockOps);
    case FlagSet::KcmpType:
        return value(v32, kKcmpTypes, "KCMP_");
    case FlagSet::MountFlags:
        return flags(v, kMountFlags);
    case FlagSet::UmountFlags:
        return flags(v32, kUmountFlags);
    case FlagSet::XattrFlags:
        return flags(v32, kXattrFlags);
    case FlagSet::EpollCreateFlags:
        return flags(v32, kEpollCreate);
    case FlagSet::MempolicyMode:
        return mempolicyMode(v);
    case FlagSet::MbindFlags:
        return flags(v32, kMbindFlags);
    case FlagSet::SyncFileRangeFlags:
        return flags(v32, kSyncFileRange);
    case FlagSet::Hex32:
        return hex(v32);
    case FlagSet::ShmgetFlags: {
        const std::uint64_t hugeMask = std::uint64_t{0x3f} << 26;
        const std::uint64_t huge = (v32 & hugeMask) >> 26;
        const std::uint64_t named = v32 & ~std::uint64_t{0777} & ~hugeMask;
        std::string out = named ? flags(named, kShmgetFlags) : std::string();
        if (huge) {
            out += (out.empty() ? "" : "|") + std::to_string(huge) + "<<SHM_HUGE_SHIFT";
        }
        return (out.empty() ? "" : out + '|') + mode(v32 & 0777);
    }
    case FlagSet::ShmatFlags:
        return flags(v32, kShmatFlags);
    case FlagSet::ShmctlCmd:
    case FlagSet::SemctlCmd:
    case FlagSet::MsgctlCmd: {
        const std::uint64_t cmd = v32 & ~std::uint64_t{0x100};
        std::string_view name = lookup(cmd, kIpcCommon);
        const std::string_view prefix = set == FlagSet::ShmctlCmd   ? "SHM_"
                                        : set == FlagSet::SemctlCmd ? "SEM_"
                                                                    : "MSG_";
        if (name.empty()) {
            name = lookup(cmd, set == FlagSet::ShmctlCmd   ? std::span<const Named>(kShmCmds)
                               : set == FlagSet::SemctlCmd ? std::span<const Named>(kSemCmds)
                                                           : std::span<const Named>(kMsgCmds));
        }
        const std::string ipc64 = (v32 & 0x100) ? "IPC_64|" : "";
        return ipc64 + (name.empty() ? unknownValue(cmd, prefix, false) : std::string(name));
    }
    case FlagSet::MsgqFlags:
        return flags(v32, kMsgqFlags);
    case FlagSet::SwapFlags: {
        std::string out = flags(v32 & ~std::uint64_t{0x7fff}, kSwapFlags);
        if ((v32 & 0x8000) && (v32 & 0x7fff)) {
            out += '|' + std::to_string(v32 & 0x7fff);
        }
        return out;
    }
    case FlagSet::DeleteModuleFlags:
        return flags(v32, kDeleteModuleFlags);
    case FlagSet::GetMempolicyFlags:
        return flags(v, kGetMempolicyFlags);
    case FlagSet::FallocateMode:
        return flags(v32, kFallocateModes);
    case FlagSet::IoUringEnterFlags:
        return flags(v32, kIoUringEnterFlags);
    case FlagSet::OpenTreeFlags:
        return flags(v32, kOpenTreeFlags);
    case FlagSet::MoveMountFlags:
        return flags(v32, kMoveMountFlags);
    case FlagSet::FsopenFlags:
        return flags(v32, kFsopenFlags);
    case FlagSet::FsmountFlags:
        return flags(v32, kFsmountFlags);
    case FlagSet::MountAttrFlags:
        return flags(v32, kMountAttrFlags);
    case FlagSet::FspickFlags:
        return flags(v32, kFspickFlags);
    case FlagSet::PidfdOpenFlags:
        return flags(v32, kPidfdOpenFlags);
    case FlagSet::MountSetattrFlags:
        return flags(v32, kMountSetattrFlags);
    case FlagSet::LandlockCreateFlags:
        return flags(v32, kLandlockCreateFlags);
    case FlagSet::CloexecFlags:
        return flags(v32, kCloexecFlags);
    case FlagSet::MembarrierFlags:
        return flags(v32, kMembarrierFlags);
    case FlagSet::Mlock2Flags:
        return flags(v32, kMlock2Flags);
    case FlagSet::PkeyAccess:
        return flags(v, kPkeyAccess);
    case FlagSet::KexecFileFlags:
        return flags(v, kKexecFileFlags);
    case FlagSet::UserfaultfdFlags:
        return flags(v32, kUserfaultfdFlags);
    case FlagSet::FinitModuleFlags:
        return flags(v32, kFinitModuleFlags);
    case FlagSet::PerfEventFlags:
        return flags(v, kPerfEventFlags);
    case FlagSet::NameToHandleFlags:
        return flags(v32, kNameToHandleFlags);
    case FlagSet::FanMarkFlags:
        return flags(v32, kFanMarkFlags);
    case FlagSet::FanEventMask:
        return flags(v, kFanEventMask);
    case FlagSet::RebootMagic:
    case FlagSet::Count_:
        break;
    }
    return hex(v);
}

std::string socketOption(std::uint64_t level, std::uint64_t name) {
    name &= 0xffffffffu;
    std::span<const Named> table;
    std::string_view prefix;
    switch (level & 0xffffffffu) {
    case 0:
        table = kSockOptIp;
        prefix = "IP_";
        break;
    case 1:
        table = kSockOptSocket;
        prefix = "SO_";
        break;
    case 6:
        table = kSockOptTcp;
        prefix = "TCP_";
        break;
    default:
        return std::to_string(name);
    }
    std::string_view n = lookup(name, table);
    return n.empty() ? unknownValue(name, prefix, false) : std::string(n);
}

std::string ioctlRequest(std::uint64_t v) {
    v &= 0xffffffffu;
    std::string_view n = lookup(v, kIoctls);
    if (!n.empty()) {
        return std::string(n);
    }
    const std::uint64_t dir = (v >> 30) & 3;
    const std::uint64_t type = (v >> 8) & 0xff;
    const std::uint64_t nr = v & 0xff;
    const std::uint64_t size = (v >> 16) & 0x3fff;
    return "_IOC(" + std::string(lookup(dir, kIoctlDirs)) + ", " + hex(type) + ", " + hex(nr) +
           ", " + hex(size) + ")";
}

std::string sigmask(std::uint64_t v, int bits) {
    int set = 0;
    for (int b = 0; b < bits; ++b) {
        set += (v >> b) & 1;
    }
    std::string out;
    if (set * 2 > bits) {
        out = "~";
        v = ~v;
    }
    out += '[';
    bool first = true;
    for (int b = 0; b < bits; ++b) {
        if ((v >> b) & 1) {
            if (!first) {
                out += ' ';
            }
            first = false;
            std::string name = signalName(b + 1);
            out += name.substr(0, 3) == "SIG" ? name.substr(3) : name;
        }
    }
    return out + ']';
}

std::string personality(std::uint64_t v) {
    v &= 0xffffffffu;
    if (v == 0xffffffffu) { // the query value
        return hex(v);
    }
    std::string out = value(v & 0xff, kPersonalityTypes, "PER_");
    return (v & ~std::uint64_t{0xff})
               ? out + '|' + flags(v & ~std::uint64_t{0xff}, kPersonalityFlags)
               : out;
}

std::string schedPolicy(std::uint64_t v) {
    return value(v & 0xffffffffu, kSchedPolicies, "SCHED_");
}

std::string suidDump(std::uint64_t v) {
    return value(v & 0xffffffffu, kSuidDump, "SUID_DUMP_");
}

std::string mempolicyMode(std::uint64_t v) {
    // The mode's name when the rest is a known mode, then the mode flags; otherwise the flags
    // and the unknown remainder (mbind passes an unsigned long, set_mempolicy an int).
    const std::uint64_t modeFlags = 0xe000;
    std::string_view name = lookup(v & ~modeFlags, kMempolicyModes);
    if (!name.empty()) {
        return (v & modeFlags) ? std::string(name) + '|' + flags(v & modeFlags, kMempolicyFlags)
                               : std::string(name);
    }
    return flags(v, kMempolicyFlags);
}

std::string keyring(std::uint64_t v) {
    std::string_view name = lookup(v & 0xffffffffu, kKeyrings);
    return name.empty() ? std::to_string(static_cast<std::int32_t>(v & 0xffffffffu))
                        : std::string(name);
}

std::string ipcCall(std::uint64_t v) {
    v &= 0xffffffffu;
    std::string_view name = lookup(v & 0xffff, kIpcCalls);
    std::string call = name.empty() ? std::to_string(v & 0xffff) : std::string(name);
    return (v >> 16) ? std::to_string(v >> 16) + "<<16|" + call : call;
}

std::string valueWithComment(std::uint64_t v, std::span<const Named> table,
                             std::string_view unknownPrefix, bool decimal) {
    std::string_view name = lookup(v, table);
    return name.empty() ? unknownValue(v, unknownPrefix, decimal) : std::string(name);
}

std::string syslogAction(std::uint64_t v) {
    // strace shows the action number with its name as a comment.
    const auto n = static_cast<std::int32_t>(v & 0xffffffffu);
    std::string_view name = lookup(v & 0xffffffffu, kSyslogActions);
    return std::to_string(n) + " /* " +
           (name.empty() ? std::string("SYSLOG_ACTION_???") : std::string(name)) + " */";
}

std::string ioprioWho(std::uint64_t v) {
    return valueWithComment(v & 0xffffffffu, kIoprioWho, "IOPRIO_WHO_", false);
}

std::string ioprioValue(std::uint64_t v) {
    v &= 0xffffffffu;
    return "IOPRIO_PRIO_VALUE(" +
           valueWithComment(v >> 13, kIoprioClasses, "IOPRIO_CLASS_", false) + ", " +
           std::to_string(v & 0x1fff) + ")";
}

std::string fanotifyInitFlags(std::uint64_t v) {
    v &= 0xffffffffu;
    std::string out = value(v & 0xc, kFanClasses, "FAN_CLASS_");
    v &= ~std::uint64_t{0xc};
    return v ? out + '|' + flags(v, kFanInitFlags) : out;
}

std::string ioUringRegisterOp(std::uint64_t v) {
    return valueWithComment(v & 0xffffffffu, kIoUringRegister, "IORING_REGISTER_", false);
}

std::string fsconfigCmd(std::uint64_t v) {
    return valueWithComment(v & 0xffffffffu, kFsconfigCmds, "FSCONFIG_", false);
}

std::string landlockRuleType(std::uint64_t v) {
    return valueWithComment(v & 0xffffffffu, kLandlockRules, "LANDLOCK_RULE_", false);
}

std::string kexecFlags(std::uint64_t v) {
    std::string out = value(v & 0xffff0000u, kKexecArchs, "KEXEC_ARCH_");
    v &= ~std::uint64_t{0xffff0000u};
    return v ? out + '|' + flags(v, kKexecFlags) : out;
}

std::string quotactlCmd(std::uint64_t v) {
    v &= 0xffffffffu;
    return "QCMD(" + valueWithComment(v >> 8, kQuotaCmds, "Q_", false) + ", " +
           (lookup(v & 0xff, kQuotaTypes).empty() ? hex(v & 0xff) + " /* ???QUOTA */"
                                                  : std::string(lookup(v & 0xff, kQuotaTypes))) +
           ")";
}

std::string rebootMagic1(std::uint64_t v) {
    return valueWithComment(v & 0xffffffffu, kRebootMagic1, "LINUX_REBOOT_MAGIC_", false);
}

std::string rebootMagic2(std::uint64_t v) {
    return valueWithComment(v & 0xffffffffu, kRebootMagic2, "LINUX_REBOOT_MAGIC_", false);
}

std::string rebootCmd(std::uint64_t v) {
    return valueWithComment(v & 0xffffffffu, kRebootCmds, "LINUX_REBOOT_CMD_", false);
}

std::string keyctlCmd(std::uint64_t v) {
    return valueWithComment(v & 0xffffffffu, kKeyctlCmds, "KEYCTL_", false);
}

std::string fcntlSeals(std::uint64_t v) {
    return flags(v & 0xffffffffu, kSeals);
}

} // namespace syscope::xlat
