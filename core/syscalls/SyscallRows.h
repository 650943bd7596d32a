// Internal: the little vocabulary the declarative syscall tables are written in.
#pragma once

#include "syscalls/SyscallTable.h"

#include <initializer_list>

namespace syscope::rows {

struct A {
    ArgKind kind = ArgKind::None;
    FlagSet set = FlagSet::None;
    bool output = false; // filled by the kernel: captured at exit
};

// Argument kinds.
inline constexpr A fd{ArgKind::Fd};
inline constexpr A dfd{ArgKind::DirFd};
inline constexpr A path{ArgKind::Path};
inline constexpr A str{ArgKind::String};
inline constexpr A sz{ArgKind::Size};
inline constexpr A ptr{ArgKind::Ptr};
inline constexpr A buf{ArgKind::Buffer};
inline constexpr A hex{ArgKind::Hex};
inline constexpr A i{ArgKind::Int};
inline constexpr A u{ArgKind::UInt};
inline constexpr A mode{ArgKind::Mode};
inline constexpr A sig{ArgKind::Signal};
inline constexpr A pid{ArgKind::Pid};
inline constexpr A clk{ArgKind::Clock};
inline constexpr A off{ArgKind::Offset};
inline constexpr A sarr{ArgKind::StringArray};
inline constexpr A earr{ArgKind::EnvArray};
inline constexpr A skip{ArgKind::None}; // a register the call takes but strace does not show
inline constexpr A obuf{ArgKind::Buffer, FlagSet::None, true};        // kernel-filled buffer
inline constexpr A ohex{ArgKind::HexBuffer, FlagSet::None, true};     // kernel-filled random bytes
inline constexpr A opath{ArgKind::Path, FlagSet::None, true};         // kernel-filled path
inline constexpr A optr{ArgKind::Ptr, FlagSet::None, true};           // kernel-filled struct
inline constexpr A ostat{ArgKind::Stat, FlagSet::None, true};         // kernel-filled struct stat
inline constexpr A rlim{ArgKind::Rlimit};                             // struct rlimit64 given
inline constexpr A orlim{ArgKind::Rlimit, FlagSet::None, true};       // struct rlimit64 filled
inline constexpr A ostatx{ArgKind::Statx, FlagSet::None, true};       // kernel-filled struct statx
inline constexpr A saddr{ArgKind::Sockaddr};                          // socket address given
inline constexpr A odirents{ArgKind::Dirents, FlagSet::None, true};   // directory entries
inline constexpr A sigset{ArgKind::SigSet};                           // sigset_t given
inline constexpr A osigset{ArgKind::SigSet, FlagSet::None, true};     // sigset_t filled
inline constexpr A sigact{ArgKind::SigAction};                        // struct sigaction given
inline constexpr A osigact{ArgKind::SigAction, FlagSet::None, true};  // struct sigaction filled
inline constexpr A ts{ArgKind::Timespec};                             // struct timespec given
inline constexpr A ots{ArgKind::Timespec, FlagSet::None, true};       // struct timespec filled
inline constexpr A ostatus{ArgKind::WaitStatus, FlagSet::None, true}; // wait status filled
inline constexpr A ofds{ArgKind::FdPair, FlagSet::None, true};        // int[2] of fds filled
inline constexpr A sigframe{ArgKind::SigFrame}; // rt_sigreturn's frame, read from the stack
inline constexpr A outsname{ArgKind::Utsname, FlagSet::None, true}; // struct utsname filled
inline constexpr A osysinfo{ArgKind::Sysinfo, FlagSet::None, true}; // struct sysinfo filled
inline constexpr A ogids{ArgKind::GidArray, FlagSet::None, true}; // gid_t[] filled (count: result)
inline constexpr A ocpus{ArgKind::CpuSet, FlagSet::None, true};   // CPU mask filled (bytes: result)
inline constexpr A osaddr{ArgKind::Sockaddr, FlagSet::None, true}; // socket address filled
inline constexpr A socklen{ArgKind::SockLen};                      // its length, in and out
inline constexpr A pollfds{ArgKind::PollFds}; // struct pollfd[], events in, revents out
inline constexpr A ostatfs{ArgKind::Statfs, FlagSet::None, true};      // struct statfs filled
inline constexpr A sockopt{ArgKind::SockOptVal};                       // option value given
inline constexpr A osockopt{ArgKind::SockOptVal, FlagSet::None, true}; // option value filled
inline constexpr A optlen{ArgKind::SockOptLen}; // getsockopt's optlen, in and out
inline constexpr A ioctlarg{ArgKind::IoctlArg}; // ioctl's argument, by its request
inline constexpr A itv{ArgKind::Itimerval};     // struct itimerval given
inline constexpr A oitv{ArgKind::Itimerval, FlagSet::None, true};  // struct itimerval filled
inline constexpr A its{ArgKind::Itimerspec};                       // struct itimerspec given
inline constexpr A oits{ArgKind::Itimerspec, FlagSet::None, true}; // struct itimerspec filled
constexpr A fl(FlagSet set) {
    return A{ArgKind::Flags, set};
}

// Class shorthands with strace's names.
inline constexpr std::uint16_t TF = SyscallClass::File;
inline constexpr std::uint16_t TD = SyscallClass::Desc;
inline constexpr std::uint16_t TN = SyscallClass::Network;
inline constexpr std::uint16_t TP = SyscallClass::Process;
inline constexpr std::uint16_t TS = SyscallClass::Signal;
inline constexpr std::uint16_t TI = SyscallClass::Ipc;
inline constexpr std::uint16_t TM = SyscallClass::Memory;
inline constexpr std::uint16_t TCL = SyscallClass::Creds;
inline constexpr std::uint16_t TC = SyscallClass::Clock;
inline constexpr std::uint16_t TST = SyscallClass::Stat | SyscallClass::StatLike;
inline constexpr std::uint16_t TLST = SyscallClass::Lstat | SyscallClass::StatLike;
inline constexpr std::uint16_t TFST = SyscallClass::Fstat | SyscallClass::StatLike;
inline constexpr std::uint16_t TSTA = SyscallClass::StatLike;
inline constexpr std::uint16_t TSF = SyscallClass::StatFs | SyscallClass::StatFsLike;
inline constexpr std::uint16_t TFSF = SyscallClass::FStatFs | SyscallClass::StatFsLike;
inline constexpr std::uint16_t TSFA = SyscallClass::StatFsLike;

// Behaviour shorthands.
inline constexpr std::uint8_t SI = SyscallBehaviour::ChangesMemoryMap;
inline constexpr std::uint8_t PU = SyscallBehaviour::NeverFails;
inline constexpr std::uint8_t SE = SyscallBehaviour::Exec;
inline constexpr std::uint8_t EX = SyscallBehaviour::Exit;
inline constexpr std::uint8_t FK = SyscallBehaviour::Fork;

constexpr SyscallInfo S(int nr, std::string_view name, std::initializer_list<A> args,
                        std::uint16_t classes = 0, std::uint8_t behaviour = 0) {
    SyscallInfo info;
    info.nr = nr;
    info.name = name;
    info.argCount = static_cast<std::uint8_t>(args.size());
    std::size_t k = 0;
    for (const A& a : args) {
        if (k < 6) {
            info.args[k] = a.kind;
            info.flagSets[k] = a.set;
            if (a.output) {
                info.outputArgs = static_cast<std::uint8_t>(info.outputArgs | (1u << k));
            }
        }
        ++k;
    }
    info.classes = classes;
    info.behaviour = behaviour;
    for (std::uint8_t k2 = 0; k2 < info.argCount; ++k2) {
        if (info.outputArgs & (1u << k2)) {
            info.exitFrom = k2;
            break;
        }
    }
    return info;
}

// A call whose arguments are all shown at entry but whose result strace completes at exit
// (poll's revents, select's ready sets).
constexpr SyscallInfo X(SyscallInfo info) {
    info.exitFrom = info.argCount;
    return info;
}

std::span<const SyscallInfo> x86_64Rows();
std::span<const SyscallInfo> i386Rows();

} // namespace syscope::rows
