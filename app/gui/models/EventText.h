// Text for one event of a store, shared by the table, the timeline's tooltip and the detail pane.
#pragma once

#include <QString>
#include <cstddef>

namespace syscope {
class TraceStore;
}

namespace syscope::gui {

// strace's line: `openat(AT_FDCWD, "/etc/hostname", O_RDONLY|O_CLOEXEC) = 3`.
QString eventLine(const TraceStore& store, std::size_t event);
// The arguments alone, without the name and parentheses.
QString eventArguments(const TraceStore& store, std::size_t event);
// The part after "= ".
QString eventResult(const TraceStore& store, std::size_t event);
// "openat", "clock_gettime@vdso".
QString eventSyscallName(const TraceStore& store, std::size_t event);
// Seconds since the trace's start with microsecond digits: "1.234567".
QString relativeTime(const TraceStore& store, long long t);

} // namespace syscope::gui
