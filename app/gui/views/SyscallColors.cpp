#include "views/SyscallColors.h"

#include "syscalls/SyscallTable.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace syscope::gui {

SyscallCategory categoryOf(Arch arch, std::int32_t nr, std::uint8_t flags) {
    if (flags & EventFlag::Vdso) {
        return SyscallCategory::Vdso;
    }
    const SyscallInfo* info = SyscallTable::forArch(arch).lookup(nr);
    if (!info) {
        return SyscallCategory::Other;
    }
    // Calls that exist to wait come first: on a timeline they are the idle time of a thread
    // and get a pale colour, so that the calls doing work stand out.
    static constexpr std::array<std::string_view, 20> kWaits = {"nanosleep",
                                                                "clock_nanosleep",
                                                                "clock_nanosleep_time64",
                                                                "futex",
                                                                "futex_time64",
                                                                "futex_waitv",
                                                                "pause",
                                                                "sched_yield",
                                                                "wait4",
                                                                "waitid",
                                                                "waitpid",
                                                                "rt_sigsuspend",
                                                                "sigsuspend",
                                                                "poll",
                                                                "ppoll",
                                                                "select",
                                                                "pselect6",
                                                                "epoll_wait",
                                                                "epoll_pwait",
                                                                "epoll_pwait2"};
    if (std::find(kWaits.begin(), kWaits.end(), info->name) != kWaits.end()) {
        return SyscallCategory::Wait;
    }
    // Priority: what a reader looks for first. A call that creates processes or maps memory is
    // that before it is "takes an fd"; stat-like calls count as file calls.
    using namespace SyscallClass;
    if (info->hasClass(Process)) {
        return SyscallCategory::Process;
    }
    if (info->hasClass(Memory)) {
        return SyscallCategory::Memory;
    }
    if (info->hasClass(Signal)) {
        return SyscallCategory::Signal;
    }
    if (info->hasClass(Network)) {
        return SyscallCategory::Network;
    }
    if (info->hasClass(Ipc)) {
        return SyscallCategory::Ipc;
    }
    if (info->hasClass(File | Stat | Lstat | StatLike | StatFs | StatFsLike)) {
        return SyscallCategory::File;
    }
    if (info->hasClass(Desc | Fstat | FStatFs)) {
        return SyscallCategory::Desc;
    }
    if (info->hasClass(Clock)) {
        return SyscallCategory::Clock;
    }
    if (info->hasClass(Creds)) {
        return SyscallCategory::Creds;
    }
    return SyscallCategory::Other;
}

QString categoryName(SyscallCategory c) {
    switch (c) {
    case SyscallCategory::Wait:
        return QStringLiteral("wait/sleep");
    case SyscallCategory::Process:
        return QStringLiteral("process");
    case SyscallCategory::Memory:
        return QStringLiteral("memory");
    case SyscallCategory::Signal:
        return QStringLiteral("signal");
    case SyscallCategory::Network:
        return QStringLiteral("network");
    case SyscallCategory::Ipc:
        return QStringLiteral("ipc");
    case SyscallCategory::File:
        return QStringLiteral("file");
    case SyscallCategory::Desc:
        return QStringLiteral("fd i/o");
    case SyscallCategory::Clock:
        return QStringLiteral("clock");
    case SyscallCategory::Creds:
        return QStringLiteral("creds");
    case SyscallCategory::Vdso:
        return QStringLiteral("vDSO");
    case SyscallCategory::Other:
    case SyscallCategory::Count_:
        break;
    }
    return QStringLiteral("other");
}

QColor categoryColor(SyscallCategory c) {
    // Mid-lightness hues (Tableau 10 family) that stay distinct on white and on dark grey;
    // waiting is pale, "other" a darker grey.
    switch (c) {
    case SyscallCategory::Wait:
        return QColor(0xc9, 0xc6, 0xdb);
    case SyscallCategory::Process:
        return QColor(0xb0, 0x7a, 0xa1);
    case SyscallCategory::Memory:
        return QColor(0xf2, 0x8e, 0x2b);
    case SyscallCategory::Signal:
        return QColor(0xed, 0xc9, 0x48);
    case SyscallCategory::Network:
        return QColor(0x76, 0xb7, 0xb2);
    case SyscallCategory::Ipc:
        return QColor(0xff, 0x9d, 0xa7);
    case SyscallCategory::File:
        return QColor(0x4e, 0x79, 0xa7);
    case SyscallCategory::Desc:
        return QColor(0x59, 0xa1, 0x4f);
    case SyscallCategory::Clock:
        return QColor(0x9c, 0x75, 0x5f);
    case SyscallCategory::Creds:
        return QColor(0xa0, 0xcb, 0xe8);
    case SyscallCategory::Vdso:
        return QColor(0x17, 0xbe, 0xcf);
    case SyscallCategory::Other:
    case SyscallCategory::Count_:
        break;
    }
    return QColor(0x7f, 0x7f, 0x7f);
}

QColor failedColor() {
    return QColor(0xd6, 0x27, 0x28);
}

CategoryLookup::CategoryLookup() {
    for (int t = 0; t < 2; ++t) {
        const Arch arch = t == 0 ? Arch::X86_64 : Arch::I386;
        for (std::size_t nr = 0; nr < m_tables[std::size_t(t)].size(); ++nr) {
            m_tables[std::size_t(t)][nr] = categoryOf(arch, std::int32_t(nr), 0);
        }
    }
}

} // namespace syscope::gui
