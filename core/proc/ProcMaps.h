// /proc/PID/maps: parsing and reading.
#pragma once

#include "trace/Event.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

// Parses the text of a maps file into `out` (appended). Paths may contain spaces and may end in
// " (deleted)"; the path is kept verbatim, as the kernel printed it. Every field is checked
// (hex widths, start <= end, the permission letters); on the first bad line `out` is restored
// to its old size and `error` says "line N: ...". Empty text is valid (a zombie has no maps).
bool parseMaps(std::string_view text, std::vector<MapEntry>& out, std::string* error);

// Reads and parses /proc/PID/maps. Sets `pid`; `time` stays 0 for the caller to fill in and
// `causeNr` stays -1.
std::optional<MapsSnapshot> readMaps(int pid, std::string* error);

// Maps text of a path: strips the " (deleted)" suffix the kernel appends to unlinked files.
std::string_view mapPathWithoutDeleted(std::string_view path);

} // namespace syscope
