// The ELF auxiliary vector (/proc/PID/auxv): what the kernel told the program at exec, e.g. where
// it mapped the vDSO (AT_SYSINFO_EHDR) and the program headers (AT_PHDR).
#pragma once

#include "trace/Event.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

// Parses a 64-bit auxv (pairs of native-endian uint64 type/value) into `out` (appended), up to
// and excluding AT_NULL. A length that is not a whole number of pairs is an error; a missing
// AT_NULL terminator is tolerated (everything before the end is kept).
bool parseAuxv(std::span<const std::byte> bytes, std::vector<AuxvEntry>& out, std::string* error);

// Reads /proc/PID/auxv. Sets `pid`; `time` stays 0 for the caller.
std::optional<AuxvSnapshot> readAuxv(int pid, std::string* error);

// "AT_SYSINFO_EHDR" for 33, ...; empty for types this table does not know.
std::string_view auxvTypeName(std::uint64_t type);

// The value of the first entry of `type`, if any.
std::optional<std::uint64_t> auxvValue(const std::vector<AuxvEntry>& entries, std::uint64_t type);

} // namespace syscope
