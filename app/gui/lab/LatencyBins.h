// Log-scale duration bins from 1 ns to 10 s, free of Qt: ten bins per decade, so 100 ns and
// 1 s calls land in bins of the same width on a log axis. Percentiles by nearest rank.
#pragma once

#include <cstdint>
#include <vector>

namespace syscope::gui::lab {

struct LatencyBinning {
    static constexpr int kBinsPerDecade = 10;
    static constexpr int kDecades = 10; // 1 ns .. 10 s
    static constexpr int kBinCount = kBinsPerDecade * kDecades;

    // Durations below 1 ns go to bin 0, those of 10 s and more to the last bin.
    static int binOf(std::int64_t durationNs);
    static double lowerEdgeNs(int bin); // 10^(bin/10)
    static double upperEdgeNs(int bin);
    static double centreNs(int bin); // geometric centre
};

struct LatencySeries {
    std::vector<std::uint64_t> counts = std::vector<std::uint64_t>(LatencyBinning::kBinCount, 0);
    std::uint64_t total = 0;
    std::int64_t p50 = 0, p90 = 0, p99 = 0, min = 0, max = 0;

    // Bins and nearest-rank percentiles of the durations (the vector is sorted in place).
    static LatencySeries fromDurations(std::vector<std::int64_t>& durationsNs);
};

// Nearest rank on sorted values: the smallest value with at least q of the values at or below.
std::int64_t nearestRank(const std::vector<std::int64_t>& sorted, double q);

} // namespace syscope::gui::lab
