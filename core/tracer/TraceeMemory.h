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

// Reads through a one-page window: one process_vm_readv from an address up to its page's end,
// then reads inside that window cost nothing. Neighbouring data (an argv array, the strings
// it points to, which exec callers usually lay out one after another) takes few system calls.
class TraceeReader {
public:
    explicit TraceeReader(pid_t tid)
        : m_tid(tid) {}

    // A NUL-terminated string at `address`, at most `limit` bytes.
    TraceeString string(std::uint64_t address, std::size_t limit);
    // Exactly `size` bytes at `address`; false if they are not all readable.
    bool read(std::uint64_t address, void* out, std::size_t size);

private:
    // Makes the window start at `address` (unless it holds it already); false if unreadable.
    bool load(std::uint64_t address);

    pid_t m_tid;
    std::uint64_t m_base = 0;
    std::size_t m_size = 0;
    char m_window[4096];
};

// A NUL-terminated string at `address` in task `tid`, at most `limit` bytes.
TraceeString readTraceeString(pid_t tid, std::uint64_t address, std::size_t limit);

// Up to `size` bytes at `address`; returns how many bytes were read (0 on failure).
std::size_t readTraceeMemory(pid_t tid, std::uint64_t address, void* out, std::size_t size);

} // namespace syscope
