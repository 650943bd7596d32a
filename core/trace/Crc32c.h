// CRC-32C (Castagnoli), the checksum of every chunk in a .syscope file. Uses the SSE4.2 crc32
// instruction when the CPU has it and a table otherwise; both give the same values.
#pragma once

#include <cstddef>
#include <cstdint>

namespace syscope {

// Continues a running checksum: crc32c(b, crc32c(a)) == crc32c(a + b). Start with 0.
std::uint32_t crc32c(const void* data, std::size_t size, std::uint32_t crc = 0);

} // namespace syscope
