#include "lab/BitHeatmap.h"

namespace syscope::gui::lab {

std::vector<int> heatmapBitColumns() {
    std::vector<int> columns{63};
    for (int b = 47; b >= 0; --b) {
        columns.push_back(b);
    }
    return columns;
}

int BitShares::varyingBits() const {
    int n = 0;
    for (int b = 0; b < 64; ++b) {
        n += varies(b) ? 1 : 0;
    }
    return n;
}

int BitShares::qualityBits() const {
    int n = 0;
    for (int b = 0; b < 64; ++b) {
        n += (varies(b) && share[b] >= 0.35 && share[b] <= 0.65) ? 1 : 0;
    }
    return n;
}

BitShares computeBitShares(const std::vector<std::uint64_t>& addresses) {
    BitShares s;
    s.samples = static_cast<int>(addresses.size());
    if (addresses.empty()) {
        return s;
    }
    std::array<std::uint64_t, 64> ones{};
    for (const std::uint64_t a : addresses) {
        for (int b = 0; b < 64; ++b) {
            ones[b] += (a >> b) & 1u;
        }
    }
    for (int b = 0; b < 64; ++b) {
        s.share[b] = static_cast<double>(ones[b]) / static_cast<double>(addresses.size());
    }
    return s;
}

} // namespace syscope::gui::lab
