// The numbers behind the ASLR bit heatmap, free of Qt: for one region's base addresses across
// runs, the share of runs in which each address bit was 1. A bit the kernel randomizes is 1 in
// about half the runs (mid-colour); a fixed bit is 0 or 1 in all of them (black or white).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace syscope::gui::lab {

// The columns the heatmap draws: bit 63 (kernel/user half), then bits 47 down to 0.
std::vector<int> heatmapBitColumns();

struct BitShares {
    int samples = 0;
    std::array<double, 64> share{}; // share[b]: fraction of samples with bit b set (0 when none)

    bool varies(int bit) const { return share[bit] > 0.0 && share[bit] < 1.0; }
    // Bits set in some samples and clear in others.
    int varyingBits() const;
    // paxtest's quality bits: varying bits whose share of ones lies in [0.35, 0.65].
    int qualityBits() const;
};

BitShares computeBitShares(const std::vector<std::uint64_t>& addresses);

} // namespace syscope::gui::lab
