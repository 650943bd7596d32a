// The address map's geometry, free of Qt: what kind each mapping is, and where it goes on a
// display axis on which empty gaps are collapsed. A process's address space spans 2^47 bytes
// and more, with a 4 KiB page at the very top ([vsyscall]) and terabytes of nothing in between;
// drawn to scale the pages vanish. Here every mapping gets a length that grows with the
// logarithm of its size and every gap a short fixed length, labelled with its real size.
#pragma once

#include "trace/Event.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace syscope::gui::lab {

enum class MapKind : int {
    Executable = 0, // the program's own file
    Heap,           // [heap]
    SharedLibrary,  // *.so files (libc, the loader, ...)
    Anonymous,      // no file: malloc arenas, thread stacks, the loader's scratch
    Stack,          // [stack]
    VdsoVvar,       // [vdso], [vvar], [vvar_vclock]
    Vsyscall,       // [vsyscall]
    File,           // any other mapped file (locale archive, data files)
};
inline constexpr int kMapKindCount = 8;

std::string_view mapKindName(MapKind kind); // "executable", "heap", ...

// `exePath` is the process's executable as the trace saw it (empty when unknown: then the file
// of the lowest file-backed mapping counts as the executable, which holds for PIE and non-PIE
// programs alike).
MapKind classifyMapping(const MapEntry& entry, std::string_view exePath);

// A sentence for the special kernel mappings ([vdso], [vvar], [vvar_vclock], [vsyscall],
// [heap], [stack]); empty for anything else.
std::string_view explainSpecialMapping(std::string_view path);

// "rwxp" / "r--s" as /proc/PID/maps prints it.
std::string permissionText(std::uint8_t perms);

// 4096 -> "4 KiB", 140737488355328 -> "128 TiB", 1536 -> "1.5 KiB", 0 -> "0 B".
std::string formatBytes(std::uint64_t bytes);

// The loader maps each file in several pieces (r--p, r-xp, r--p, rw-p). For a picture one
// row per file is easier to read: consecutive, touching mappings of the same file form a group.
struct MappingGroup {
    MapEntry merged;                  // lowest start, highest end, union of permissions
    std::vector<std::size_t> members; // indices into the entries, in address order
};
// `group` false: every mapping is a group of its own. Invalid entries (end <= start) are dropped.
std::vector<MappingGroup> groupMappings(const std::vector<MapEntry>& entries, bool group = true);

// The user-space half ends at 2^47 and the kernel half starts at 0xffff800000000000 (4-level
// paging); a gap that spans the hole between them is not "free address space".
bool spansNonCanonicalHole(std::uint64_t gapStart, std::uint64_t gapEnd);

struct LayoutOptions {
    double minExtent = 1.0;    // length of a one-page mapping
    double perDoubling = 0.15; // added length per doubling of the size beyond one page
    double gapExtent = 1.0;    // length of a collapsed gap of at least bigGap bytes
    double smallGapExtent = 0.8;
    std::uint64_t bigGap = 1ull << 30; // 1 GiB
};

struct LayoutSegment {
    bool gap = false;
    std::size_t entry = 0; // index into the entries given to compute() (mappings only)
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    double position = 0; // from 0 (lowest address) upwards
    double extent = 0;

    std::uint64_t size() const { return end - start; }
};

class AddressLayout {
public:
    // Entries in any order; entries with end <= start are skipped, overlapping ones are kept in
    // address order (a map never has them, a corrupt file might). The space below the first
    // mapping is not a gap (nothing is drawn under the lowest mapping).
    static AddressLayout compute(const std::vector<MapEntry>& entries,
                                 const LayoutOptions& options = {});

    const std::vector<LayoutSegment>& segments() const { return m_segments; }
    double totalExtent() const { return m_total; }
    std::size_t mappingCount() const;
    std::size_t gapCount() const;
    // Display position of an address (monotonic; inside a gap it is interpolated linearly in
    // the logarithm of the distance from the gap's start). Clamped to [0, totalExtent()].
    double positionOf(std::uint64_t address) const;
    // The segment at a display position, or -1.
    int segmentAt(double position) const;

private:
    std::vector<LayoutSegment> m_segments;
    double m_total = 0;
};

} // namespace syscope::gui::lab
