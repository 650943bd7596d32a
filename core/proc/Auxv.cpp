#include "proc/Auxv.h"

#include "proc/ProcFile.h"

#include <cstdio>
#include <cstring>
#include <elf.h>

namespace syscope {

bool parseAuxv(std::span<const std::byte> bytes, std::vector<AuxvEntry>& out, std::string* error) {
    constexpr std::size_t pairSize = 2 * sizeof(std::uint64_t);
    if (bytes.size() % pairSize != 0) {
        if (error) {
            *error = "auxv length " + std::to_string(bytes.size()) +
                     " is not a multiple of 16 (truncated or not a 64-bit auxv)";
        }
        return false;
    }
    for (std::size_t off = 0; off + pairSize <= bytes.size(); off += pairSize) {
        AuxvEntry e;
        std::memcpy(&e.type, bytes.data() + off, sizeof e.type);
        std::memcpy(&e.value, bytes.data() + off + sizeof e.type, sizeof e.value);
        if (e.type == AT_NULL) {
            break;
        }
        out.push_back(e);
    }
    return true;
}

std::optional<AuxvSnapshot> readAuxv(int pid, std::string* error) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/auxv", pid);
    std::string buffer;
    if (!readWholeFile(path, buffer, error, 1u << 20)) {
        return std::nullopt;
    }
    AuxvSnapshot snap;
    snap.pid = pid;
    std::string parseError;
    if (!parseAuxv(std::as_bytes(std::span<const char>(buffer.data(), buffer.size())), snap.entries,
                   &parseError)) {
        if (error) {
            *error = std::string(path) + ": " + parseError;
        }
        return std::nullopt;
    }
    return snap;
}

std::string_view auxvTypeName(std::uint64_t type) {
    switch (type) {
    case 0:
        return "AT_NULL";
    case 1:
        return "AT_IGNORE";
    case 2:
        return "AT_EXECFD";
    case 3:
        return "AT_PHDR";
    case 4:
        return "AT_PHENT";
    case 5:
        return "AT_PHNUM";
    case 6:
        return "AT_PAGESZ";
    case 7:
        return "AT_BASE";
    case 8:
        return "AT_FLAGS";
    case 9:
        return "AT_ENTRY";
    case 10:
        return "AT_NOTELF";
    case 11:
        return "AT_UID";
    case 12:
        return "AT_EUID";
    case 13:
        return "AT_GID";
    case 14:
        return "AT_EGID";
    case 15:
        return "AT_PLATFORM";
    case 16:
        return "AT_HWCAP";
    case 17:
        return "AT_CLKTCK";
    case 23:
        return "AT_SECURE";
    case 24:
        return "AT_BASE_PLATFORM";
    case 25:
        return "AT_RANDOM";
    case 26:
        return "AT_HWCAP2";
    case 27:
        return "AT_RSEQ_FEATURE_SIZE";
    case 28:
        return "AT_RSEQ_ALIGN";
    case 29:
        return "AT_HWCAP3";
    case 30:
        return "AT_HWCAP4";
    case 31:
        return "AT_EXECFN";
    case 32:
        return "AT_SYSINFO";
    case 33:
        return "AT_SYSINFO_EHDR";
    case 51:
        return "AT_MINSIGSTKSZ";
    default:
        return {};
    }
}

std::optional<std::uint64_t> auxvValue(const std::vector<AuxvEntry>& entries, std::uint64_t type) {
    for (const auto& e : entries) {
        if (e.type == type) {
            return e.value;
        }
    }
    return std::nullopt;
}

} // namespace syscope
