#include "proc/ProcFile.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace syscope {

namespace {

void setError(std::string* error, const char* what, const char* path, int err) {
    if (error) {
        *error = std::string(what) + " " + path + ": " + std::strerror(err);
    }
}

} // namespace

bool readWholeFile(const char* path, std::string& out, std::string* error, std::size_t maxBytes) {
    out.clear();
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        setError(error, "cannot open", path, errno);
        return false;
    }
    // /proc files report size 0, so grow the buffer as we go and read until EOF.
    std::size_t used = 0;
    out.resize(16384);
    for (;;) {
        if (used == out.size()) {
            if (out.size() >= maxBytes) {
                ::close(fd);
                out.clear();
                if (error) {
                    *error = std::string("file too large: ") + path;
                }
                return false;
            }
            out.resize(std::min(out.size() * 2, maxBytes));
        }
        const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int err = errno;
            ::close(fd);
            out.clear();
            setError(error, "cannot read", path, err);
            return false;
        }
        if (n == 0) {
            break;
        }
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(used);
    return true;
}

int readIntFile(const char* path, int fallback) {
    std::string text;
    if (!readWholeFile(path, text, nullptr, 4096)) {
        return fallback;
    }
    std::size_t begin = 0;
    while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t')) {
        ++begin;
    }
    int value = 0;
    const char* first = text.data() + begin;
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr == first) {
        return fallback;
    }
    if (ptr != last && *ptr != '\n' && *ptr != ' ' && *ptr != '\t') {
        return fallback;
    }
    return value;
}

} // namespace syscope
