#include "tracer/TraceeMemory.h"

#include <algorithm>
#include <cstring>
#include <sys/uio.h>

namespace syscope {

namespace {
constexpr std::uint64_t kPage = 4096;
}

std::size_t readTraceeMemory(pid_t tid, std::uint64_t address, void* out, std::size_t size) {
    iovec local{out, size};
    iovec remote{reinterpret_cast<void*>(address), size};
    const ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
    return n > 0 ? std::size_t(n) : 0;
}

bool TraceeReader::load(std::uint64_t address) {
    if (address >= m_base && address < m_base + m_size) {
        return true;
    }
    // Never cross a page boundary in one read: the next page may be unmapped.
    const std::size_t toPageEnd = std::size_t(kPage - (address % kPage));
    m_size = readTraceeMemory(m_tid, address, m_window, toPageEnd);
    m_base = address;
    return m_size > 0;
}

bool TraceeReader::read(std::uint64_t address, void* out, std::size_t size) {
    if (size <= sizeof m_window && load(address) && address + size <= m_base + m_size) {
        std::memcpy(out, m_window + (address - m_base), size);
        return true;
    }
    return readTraceeMemory(m_tid, address, out, size) == size; // straddles a page
}

TraceeString TraceeReader::string(std::uint64_t address, std::size_t limit) {
    TraceeString result;
    if (address == 0) {
        return result;
    }
    std::uint64_t at = address;
    while (result.bytes.size() < limit) {
        if (!load(at)) {
            // Unreadable: keep what we have (a string cut by a fault), unless we have nothing.
            result.ok = !result.bytes.empty();
            result.truncated = result.ok;
            return result;
        }
        const char* from = m_window + (at - m_base);
        const std::size_t available =
            std::min<std::uint64_t>(m_base + m_size - at, limit - result.bytes.size());
        if (const void* nul = std::memchr(from, 0, available)) {
            result.bytes.append(from, static_cast<const char*>(nul) - from);
            result.ok = true;
            return result;
        }
        result.bytes.append(from, available);
        at += available;
    }
    result.ok = true;
    result.truncated = true;
    return result;
}

TraceeString readTraceeString(pid_t tid, std::uint64_t address, std::size_t limit) {
    return TraceeReader(tid).string(address, limit);
}

} // namespace syscope
