#include "lab/LatencyBins.h"

#include <algorithm>
#include <cmath>

namespace syscope::gui::lab {

int LatencyBinning::binOf(std::int64_t durationNs) {
    if (durationNs <= 1) {
        return 0;
    }
    // Exact decade boundaries must not fall into the bin below through rounding of log10.
    int bin =
        static_cast<int>(std::floor(std::log10(static_cast<double>(durationNs)) * kBinsPerDecade));
    while (bin + 1 < kBinCount && static_cast<double>(durationNs) >= lowerEdgeNs(bin + 1)) {
        ++bin;
    }
    while (bin > 0 && static_cast<double>(durationNs) < lowerEdgeNs(bin)) {
        --bin;
    }
    return std::clamp(bin, 0, kBinCount - 1);
}

double LatencyBinning::lowerEdgeNs(int bin) {
    // Whole decades exactly (10^k), so that 1000 ns is the lower edge of a bin, not above it.
    if (bin % kBinsPerDecade == 0) {
        double v = 1;
        for (int i = 0; i < bin / kBinsPerDecade; ++i) {
            v *= 10;
        }
        return v;
    }
    return std::pow(10.0, static_cast<double>(bin) / kBinsPerDecade);
}

double LatencyBinning::upperEdgeNs(int bin) {
    return lowerEdgeNs(bin + 1);
}

double LatencyBinning::centreNs(int bin) {
    return std::sqrt(lowerEdgeNs(bin) * upperEdgeNs(bin));
}

std::int64_t nearestRank(const std::vector<std::int64_t>& sorted, double q) {
    if (sorted.empty()) {
        return 0;
    }
    const double rank = std::ceil(q * static_cast<double>(sorted.size()));
    const auto index = static_cast<std::size_t>(std::clamp(rank, 1.0, double(sorted.size()))) - 1;
    return sorted[index];
}

LatencySeries LatencySeries::fromDurations(std::vector<std::int64_t>& durationsNs) {
    LatencySeries s;
    std::sort(durationsNs.begin(), durationsNs.end());
    for (const auto d : durationsNs) {
        ++s.counts[static_cast<std::size_t>(LatencyBinning::binOf(d))];
    }
    s.total = durationsNs.size();
    if (!durationsNs.empty()) {
        s.min = durationsNs.front();
        s.max = durationsNs.back();
        s.p50 = nearestRank(durationsNs, 0.50);
        s.p90 = nearestRank(durationsNs, 0.90);
        s.p99 = nearestRank(durationsNs, 0.99);
    }
    return s;
}

} // namespace syscope::gui::lab
