// The regions an ASLR experiment follows, and how to find their bases in one address map.
#pragma once

#include "trace/Event.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace syscope {

enum class AslrRegion : int {
    Exe = 0,    // the main executable (the mapping holding AT_PHDR, and its siblings)
    Interp,     // the dynamic loader (AT_BASE); absent for static binaries
    Libc,       // the C library's lowest mapping (for musl: the loader itself)
    Heap,       // the brk heap: [heap], or the first brk() result when no [heap] exists yet
    Stack,      // [stack]
    Vdso,       // [vdso]
    Vvar,       // [vvar]
    VvarVclock, // [vvar_vclock] (kernels >= 6.13)
    Vsyscall,   // [vsyscall] (fixed by design)
    AnonMmap,   // the first anonymous, non-MAP_FIXED mmap after exec (glibc: the loader's own)
};
inline constexpr int kAslrRegionCount = 10;

// "exe", "interp", "libc", "[heap]", "[stack]", "[vdso]", "[vvar]", "[vvar_vclock]",
// "[vsyscall]", "anon_mmap".
std::string_view aslrRegionName(AslrRegion region);
std::optional<AslrRegion> aslrRegionFromName(std::string_view name);

// The base address of every region in one run; nullopt = absent in that run.
struct AslrBases {
    std::array<std::optional<std::uint64_t>, kAslrRegionCount> base{};

    std::optional<std::uint64_t>& operator[](AslrRegion r) { return base[static_cast<int>(r)]; }
    const std::optional<std::uint64_t>& operator[](AslrRegion r) const {
        return base[static_cast<int>(r)];
    }
};

// True for the file names of C libraries: libc.so.6, libc-2.31.so, libc.so, ld-musl-*.so.1,
// libc.musl-*.so.1 (any directory, " (deleted)" tolerated).
bool isLibcPath(std::string_view path);

// Finds the bases that one address map and auxv show. A region's base is the lowest start of
// the mappings that belong to it. AnonMmap cannot be told from a map alone and stays absent;
// Heap comes from [heap] only.
AslrBases classifyRegions(const std::vector<MapEntry>& maps, const std::vector<AuxvEntry>& auxv);

} // namespace syscope
