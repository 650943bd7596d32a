// Builders for synthetic batches shared by the trace suites.
#pragma once

#include "trace/Event.h"

#include <QString>
#include <QTemporaryDir>
#include <string>

namespace syscope::testutil {

SyscallEvent makeEvent(std::int32_t pid, std::int32_t tid, std::int32_t nr, TimeNs enter,
                       TimeNs exit, std::int64_t ret);

// A batch exercising every field: odd values, strings, process events, maps, auxv.
EventBatch oddBatch(int seed);

// A syscall loop: `count` getppid/read/write-like calls on one task, times 1-3 µs apart.
EventBatch syscallLoop(std::size_t count, TimeNs start);

TraceMetadata sampleMetadata();

bool sameEvent(const SyscallEvent& a, const SyscallEvent& b);
std::string describe(const SyscallEvent& e);

std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& bytes);

} // namespace syscope::testutil
