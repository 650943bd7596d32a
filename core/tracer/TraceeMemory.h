// Reads from a stopped tracee's memory without ptrace round trips (process_vm_readv), page by
// page so that a string ending right before an unmapped page is still read whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <sys/types.h>

namespace syscope {

struct TraceeString {
    bool ok = false;        // false: the address was not readable at all
    bool truncated = false; // no NUL within the limit
    std::string bytes;
};

// A NUL-terminated string at `address` in task `tid`, at most `limit` bytes.
TraceeString readTraceeString(pid_t tid, std::uint64_t address, std::size_t limit);

// Up to `size` bytes at `address`; returns how many bytes were read (0 on failure).
std::size_t readTraceeMemory(pid_t tid, std::uint64_t address, void* out, std::size_t size);

} // namespace syscope
