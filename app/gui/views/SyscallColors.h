// How syscalls look in every view: one category per event (the first of a fixed priority
// order among its table classes) and one colour per category, readable on light and dark
// palettes. The timeline, its legend, the statistics plot and part-2 views share it.
#pragma once

#include "trace/Event.h"

#include <QColor>
#include <QString>
#include <array>
#include <cstdint>

namespace syscope::gui {

enum class SyscallCategory : std::uint8_t {
    Wait, // blocks by design: sleeps, futex waits, wait4, poll/select/epoll_wait
    Process,
    Memory,
    Signal,
    Network,
    Ipc,
    File,
    Desc,
    Clock,
    Creds,
    Vdso,
    Other,
    Count_
};

inline constexpr int kCategoryCount = int(SyscallCategory::Count_);

// The category of one syscall (vDSO events: pass flags with EventFlag::Vdso).
SyscallCategory categoryOf(Arch arch, std::int32_t nr, std::uint8_t flags = 0);
QString categoryName(SyscallCategory c); // "file", "memory", ...
QColor categoryColor(SyscallCategory c);

// The colour drawn on top of a failed call and the pattern colour of unfinished ones.
QColor failedColor();

// categoryOf() for every number of the x86_64 and i386 tables, as one lookup per event in the
// timeline's inner loop.
class CategoryLookup {
public:
    CategoryLookup();
    SyscallCategory operator()(Arch arch, std::int32_t nr, std::uint8_t flags) const {
        if (flags & EventFlag::Vdso) {
            return SyscallCategory::Vdso;
        }
        const auto& table = m_tables[arch == Arch::I386 ? 1 : 0];
        if (nr >= 0 && nr < int(table.size())) {
            return table[std::size_t(nr)];
        }
        return categoryOf(arch, nr, flags);
    }

private:
    std::array<std::array<SyscallCategory, 1024>, 2> m_tables{};
};

} // namespace syscope::gui
