#include "lab/AddressLayout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace syscope::gui::lab {

std::string_view mapKindName(MapKind kind) {
    switch (kind) {
    case MapKind::Executable:
        return "executable";
    case MapKind::Heap:
        return "heap";
    case MapKind::SharedLibrary:
        return "shared library";
    case MapKind::Anonymous:
        return "anonymous";
    case MapKind::Stack:
        return "stack";
    case MapKind::VdsoVvar:
        return "vDSO / vvar";
    case MapKind::Vsyscall:
        return "vsyscall";
    case MapKind::File:
        return "other file";
    }
    return "?";
}

namespace {

std::string_view stripDeleted(std::string_view path) {
    constexpr std::string_view kDeleted = " (deleted)";
    if (path.size() > kDeleted.size() && path.ends_with(kDeleted)) {
        path.remove_suffix(kDeleted.size());
    }
    return path;
}

bool isSharedObject(std::string_view path) {
    const auto slash = path.rfind('/');
    const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto so = base.find(".so");
    // "libc.so.6", "ld-linux-x86-64.so.2", "libfoo.so": ".so" followed by nothing or a dot.
    return so != std::string_view::npos && (so + 3 == base.size() || base[so + 3] == '.');
}

} // namespace

MapKind classifyMapping(const MapEntry& entry, std::string_view exePath) {
    const std::string_view path = stripDeleted(entry.path);
    if (path == "[vsyscall]") {
        return MapKind::Vsyscall;
    }
    if (path == "[vdso]" || path == "[vvar]" || path == "[vvar_vclock]") {
        return MapKind::VdsoVvar;
    }
    if (path == "[heap]") {
        return MapKind::Heap;
    }
    if (path == "[stack]" || path.starts_with("[stack:")) {
        return MapKind::Stack;
    }
    if (path.empty() || path.front() == '[') {
        return MapKind::Anonymous;
    }
    if (!exePath.empty() && path == stripDeleted(exePath)) {
        return MapKind::Executable;
    }
    if (isSharedObject(path)) {
        return MapKind::SharedLibrary;
    }
    return MapKind::File;
}

std::string_view explainSpecialMapping(std::string_view path) {
    path = stripDeleted(path);
    if (path == "[vdso]") {
        return "virtual dynamic shared object: a small ELF library the kernel maps into every "
               "process, so that clock_gettime, gettimeofday, time and getcpu run in user space "
               "without a syscall. ASLR moves it on every run.";
    }
    if (path == "[vvar]") {
        return "vDSO data page(s): the kernel keeps the clock and CPU data here, read-only, for "
               "the vDSO functions to read. Always right next to [vdso].";
    }
    if (path == "[vvar_vclock]") {
        return "vDSO clock pages (kernels >= 6.13): the hardware clock (TSC / Hyper-V / KVM "
               "pvclock) pages that the vDSO reads; moves together with [vvar] and [vdso].";
    }
    if (path == "[vsyscall]") {
        return "legacy vsyscall page at the fixed address 0xffffffffff600000: the ancestor of the "
               "vDSO. Never randomized, so it was a gift to exploits; modern kernels emulate it "
               "(trap and emulate) or make it execute-only ('xonly') or remove it ('none').";
    }
    if (path == "[heap]") {
        return "the brk heap: grows upwards with brk(); malloc serves small blocks from it.";
    }
    if (path == "[stack]" || path.starts_with("[stack:")) {
        return "the main thread's stack: grows downwards; argv, the environment and the auxiliary "
               "vector sit at its top.";
    }
    return {};
}

std::string permissionText(std::uint8_t perms) {
    std::string s = "----";
    s[0] = (perms & MapPerm::Read) ? 'r' : '-';
    s[1] = (perms & MapPerm::Write) ? 'w' : '-';
    s[2] = (perms & MapPerm::Exec) ? 'x' : '-';
    s[3] = (perms & MapPerm::Shared) ? 's' : 'p';
    return s;
}

std::string formatBytes(std::uint64_t bytes) {
    static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int unit = 0;
    double value = static_cast<double>(bytes);
    while (value >= 1024.0 && unit < 6) {
        value /= 1024.0;
        ++unit;
    }
    char buf[32];
    if (unit == 0 || std::fabs(value - std::round(value)) < 0.05 || value >= 100) {
        std::snprintf(buf, sizeof buf, "%.0f %s", std::round(value), kUnits[unit]);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f %s", value, kUnits[unit]);
    }
    return buf;
}

std::vector<MappingGroup> groupMappings(const std::vector<MapEntry>& entries, bool group) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].end > entries[i].start) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return entries[a].start < entries[b].start;
    });
    std::vector<MappingGroup> groups;
    for (const std::size_t i : order) {
        const MapEntry& e = entries[i];
        if (group && !groups.empty()) {
            MappingGroup& g = groups.back();
            const bool sameFile =
                !e.path.empty() && e.path.front() != '[' && e.path == g.merged.path;
            if (sameFile && e.start == g.merged.end) {
                g.merged.end = e.end;
                g.merged.perms |= e.perms;
                g.members.push_back(i);
                continue;
            }
        }
        groups.push_back({e, {i}});
    }
    return groups;
}

bool spansNonCanonicalHole(std::uint64_t gapStart, std::uint64_t gapEnd) {
    return gapStart <= (1ull << 47) && gapEnd >= 0xffff800000000000ull;
}

AddressLayout AddressLayout::compute(const std::vector<MapEntry>& entries,
                                     const LayoutOptions& options) {
    std::vector<std::size_t> order;
    order.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].end > entries[i].start) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return entries[a].start < entries[b].start;
    });
    AddressLayout layout;
    double pos = 0;
    std::uint64_t covered = 0; // highest end so far
    bool first = true;
    for (const std::size_t i : order) {
        const MapEntry& e = entries[i];
        if (!first && e.start > covered) {
            LayoutSegment g;
            g.gap = true;
            g.start = covered;
            g.end = e.start;
            g.position = pos;
            g.extent = g.size() >= options.bigGap ? options.gapExtent : options.smallGapExtent;
            pos += g.extent;
            layout.m_segments.push_back(g);
        }
        LayoutSegment m;
        m.entry = i;
        m.start = e.start;
        m.end = e.end;
        m.position = pos;
        const double pages = std::max(1.0, static_cast<double>(e.size()) / 4096.0);
        m.extent = options.minExtent + options.perDoubling * std::log2(pages);
        pos += m.extent;
        layout.m_segments.push_back(m);
        covered = first ? e.end : std::max(covered, e.end);
        first = false;
    }
    layout.m_total = pos;
    return layout;
}

std::size_t AddressLayout::mappingCount() const {
    return static_cast<std::size_t>(
        std::count_if(m_segments.begin(), m_segments.end(), [](const auto& s) { return !s.gap; }));
}

std::size_t AddressLayout::gapCount() const {
    return m_segments.size() - mappingCount();
}

double AddressLayout::positionOf(std::uint64_t address) const {
    if (m_segments.empty()) {
        return 0;
    }
    if (address <= m_segments.front().start) {
        return 0;
    }
    // The last segment starting at or below the address.
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), address,
                               [](std::uint64_t a, const LayoutSegment& s) { return a < s.start; });
    const LayoutSegment& s = *std::prev(it);
    if (address >= s.end) {
        // Past an overlapped segment's end but before the next one: its end.
        return std::next(std::prev(it)) == m_segments.end() && address >= s.end
                   ? std::min(m_total, s.position + s.extent)
                   : s.position + s.extent;
    }
    const double span = static_cast<double>(s.size());
    const double into = static_cast<double>(address - s.start);
    const double fraction =
        s.gap ? std::log1p(into) / std::log1p(span) : into / span; // both in [0, 1)
    return s.position + fraction * s.extent;
}

int AddressLayout::segmentAt(double position) const {
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        const auto& s = m_segments[i];
        if (position >= s.position && position < s.position + s.extent) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace syscope::gui::lab
