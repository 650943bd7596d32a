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

TraceeString readTraceeString(pid_t tid, std::uint64_t address, std::size_t limit) {
    TraceeString result;
    if (address == 0) {
        return result;
    }
    char buf[kPage];
    std::uint64_t at = address;
    while (result.bytes.size() < limit) {
        // Never cross a page boundary in one read: the next page may be unmapped.
        const std::uint64_t toPageEnd = kPage - (at % kPage);
        const std::size_t want = std::min<std::uint64_t>(toPageEnd, limit - result.bytes.size());
        const std::size_t got = readTraceeMemory(tid, at, buf, want);
        if (got == 0) {
            // Unreadable: keep what we have (a string cut by a fault), unless we have nothing.
            result.ok = !result.bytes.empty();
            result.truncated = result.ok;
            return result;
        }
        const void* nul = std::memchr(buf, 0, got);
        if (nul) {
            result.bytes.append(buf, static_cast<const char*>(nul) - buf);
            result.ok = true;
            return result;
        }
        result.bytes.append(buf, got);
        at += got;
    }
    result.ok = true;
    result.truncated = true;
    return result;
}

} // namespace syscope
