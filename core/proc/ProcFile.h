// Reading small kernel-generated files (/proc, /sys) in one read loop, without iostreams:
// these readers run after every mmap in a traced program, so they must stay cheap.
#pragma once

#include <cstddef>
#include <string>

namespace syscope {

// Reads the whole file at `path` into `out` (replacing its contents). Fails with a message
// naming the path and errno text when the file cannot be opened or read, or when it is longer
// than `maxBytes` (a guard against a runaway reader, not a limit real /proc files reach).
bool readWholeFile(const char* path, std::string& out, std::string* error,
                   std::size_t maxBytes = 256u << 20);

// Reads a file holding one decimal integer (e.g. /proc/sys/kernel/randomize_va_space).
// Returns `fallback` when it is missing or not a number.
int readIntFile(const char* path, int fallback);

} // namespace syscope
