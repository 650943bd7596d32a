// What ioctl's third argument is, by request: for the tracer (what to capture) and the
// formatter (how to show it).
#pragma once

#include <cstdint>

namespace syscope {

// How strace 6.1 shows ioctl's third argument for a request: as a number (requests it does not
// decode), not at all (FIOCLEX, FIONCLEX), as an address (NULL for 0) of a struct, or as the int
// it points to, given (FIONBIO: "[1]") or filled on success (FIONREAD: "[3]").
enum class IoctlArgUse : std::uint8_t { Value, None, Pointer, IntIn, IntOut };

IoctlArgUse ioctlArgUse(std::uint64_t request);

} // namespace syscope
