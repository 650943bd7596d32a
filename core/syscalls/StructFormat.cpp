#include "syscalls/StructFormat.h"

#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace syscope {

static_assert(sizeof(struct stat) == kStatSize, "x86_64 struct stat");

std::string formatFileMode(std::uint32_t mode) {
    std::string out;
    switch (mode & S_IFMT) {
    case S_IFREG:
        out = "S_IFREG";
        break;
    case S_IFDIR:
        out = "S_IFDIR";
        break;
    case S_IFCHR:
        out = "S_IFCHR";
        break;
    case S_IFBLK:
        out = "S_IFBLK";
        break;
    case S_IFIFO:
        out = "S_IFIFO";
        break;
    case S_IFLNK:
        out = "S_IFLNK";
        break;
    case S_IFSOCK:
        out = "S_IFSOCK";
        break;
    default: {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%#o", mode & S_IFMT);
        out = buf;
        break;
    }
    }
    for (const auto& [bit, name] : {std::pair{S_ISUID, "S_ISUID"}, std::pair{S_ISGID, "S_ISGID"},
                                    std::pair{S_ISVTX, "S_ISVTX"}}) {
        if (mode & bit) {
            out += '|';
            out += name;
        }
    }
    char perms[16];
    std::snprintf(perms, sizeof perms, "|%#03o", mode & 0777);
    return out + perms;
}

std::string formatStat(const void* data) {
    struct stat st;
    std::memcpy(&st, data, sizeof st);
    std::string out = "{st_mode=" + formatFileMode(st.st_mode);
    char buf[96];
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
        std::snprintf(buf, sizeof buf, ", st_rdev=makedev(%#x, %#x)", major(st.st_rdev),
                      minor(st.st_rdev));
    } else {
        std::snprintf(buf, sizeof buf, ", st_size=%lld", static_cast<long long>(st.st_size));
    }
    return out + buf + ", ...}";
}

namespace {

std::string limit(std::uint64_t v) {
    if (v == ~std::uint64_t(0)) {
        return "RLIM64_INFINITY";
    }
    if (v > 1024 && v % 1024 == 0) {
        return std::to_string(v / 1024) + "*1024";
    }
    return std::to_string(v);
}

} // namespace

std::string formatRlimit(std::uint64_t cur, std::uint64_t max) {
    return "{rlim_cur=" + limit(cur) + ", rlim_max=" + limit(max) + "}";
}

} // namespace syscope
