// Arithmetic on times and 64-bit values that come from outside (files, logs): wraps modulo 2^64
// instead of overflowing, which would be undefined behaviour for signed integers. A garbage
// input then gives garbage numbers, never UB.
#pragma once

#include <cstdint>

namespace syscope {

inline std::int64_t wrapAdd(std::int64_t a, std::int64_t b) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
inline std::int64_t wrapSub(std::int64_t a, std::int64_t b) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}

} // namespace syscope
