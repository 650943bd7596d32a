#include "aslr/AslrRegions.h"

#include "proc/Auxv.h"
#include "proc/ProcMaps.h"

#include <elf.h>

namespace syscope {

namespace {

constexpr std::array<std::string_view, kAslrRegionCount> kNames = {
    "exe",    "interp", "libc",          "[heap]",     "[stack]",
    "[vdso]", "[vvar]", "[vvar_vclock]", "[vsyscall]", "anon_mmap",
};

std::string_view baseName(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool isMuslPath(std::string_view path) {
    const std::string_view name = baseName(mapPathWithoutDeleted(path));
    return name.starts_with("ld-musl-") || name.starts_with("libc.musl-");
}

// Lowest start among entries with exactly this path.
std::optional<std::uint64_t> lowestStartOf(const std::vector<MapEntry>& maps,
                                           std::string_view path) {
    std::optional<std::uint64_t> low;
    for (const auto& e : maps) {
        if (e.path == path && (!low || e.start < *low)) {
            low = e.start;
        }
    }
    return low;
}

const MapEntry* entryContaining(const std::vector<MapEntry>& maps, std::uint64_t addr) {
    for (const auto& e : maps) {
        if (addr >= e.start && addr < e.end) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace

std::string_view aslrRegionName(AslrRegion region) {
    const int i = static_cast<int>(region);
    return i >= 0 && i < kAslrRegionCount ? kNames[static_cast<std::size_t>(i)] : "unknown";
}

std::optional<AslrRegion> aslrRegionFromName(std::string_view name) {
    for (int i = 0; i < kAslrRegionCount; ++i) {
        if (kNames[static_cast<std::size_t>(i)] == name) {
            return static_cast<AslrRegion>(i);
        }
    }
    return std::nullopt;
}

bool isLibcPath(std::string_view path) {
    const std::string_view name = baseName(mapPathWithoutDeleted(path));
    if (name == "libc.so.6" || name == "libc.so") {
        return true;
    }
    if (name.starts_with("libc-") && name.ends_with(".so")) {
        return true; // glibc before 2.34: libc-2.31.so
    }
    return isMuslPath(path);
}

AslrBases classifyRegions(const std::vector<MapEntry>& maps, const std::vector<AuxvEntry>& auxv) {
    AslrBases b;
    for (const auto& e : maps) {
        std::optional<AslrRegion> special;
        if (e.path == "[heap]") {
            special = AslrRegion::Heap;
        } else if (e.path == "[stack]") {
            special = AslrRegion::Stack;
        } else if (e.path == "[vdso]") {
            special = AslrRegion::Vdso;
        } else if (e.path == "[vvar]") {
            special = AslrRegion::Vvar;
        } else if (e.path == "[vvar_vclock]") {
            special = AslrRegion::VvarVclock;
        } else if (e.path == "[vsyscall]") {
            special = AslrRegion::Vsyscall;
        }
        if (special && (!b[*special] || e.start < *b[*special])) {
            b[*special] = e.start;
        }
    }

    // The executable: AT_PHDR lies in its first segment.
    std::string_view exePath;
    if (const auto phdr = auxvValue(auxv, AT_PHDR)) {
        if (const MapEntry* e = entryContaining(maps, *phdr)) {
            exePath = e->path;
            b[AslrRegion::Exe] =
                exePath.empty() ? std::optional(e->start) : lowestStartOf(maps, exePath);
        }
    }

    // The loader: AT_BASE, when it is mapped (0 for static binaries).
    std::string_view interpPath;
    if (const auto base = auxvValue(auxv, AT_BASE); base && *base != 0) {
        if (const MapEntry* e = entryContaining(maps, *base)) {
            interpPath = e->path;
            b[AslrRegion::Interp] =
                interpPath.empty() ? std::optional(e->start) : lowestStartOf(maps, interpPath);
        }
    }

    // The C library: for musl the loader is the library.
    if (!interpPath.empty() && isMuslPath(interpPath)) {
        b[AslrRegion::Libc] = b[AslrRegion::Interp];
    } else {
        for (const auto& e : maps) {
            if (!e.path.empty() && e.path[0] == '/' && isLibcPath(e.path)) {
                b[AslrRegion::Libc] = lowestStartOf(maps, e.path);
                break;
            }
        }
    }
    return b;
}

} // namespace syscope
