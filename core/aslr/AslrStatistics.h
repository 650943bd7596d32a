// What N region bases say about randomization: which bits vary, how evenly, and which regions
// move together.
#pragma once

#include "aslr/AslrRegions.h"

#include <cstdint>
#include <string>
#include <vector>

namespace syscope {

struct AslrRegionStatistics {
    AslrRegion region = AslrRegion::Exe;
    int present = 0;  // runs in which the region existed
    int distinct = 0; // distinct base addresses
    std::uint64_t min = 0;
    std::uint64_t max = 0;
    std::uint64_t varyingMask = 0; // bits that differed between any two runs
    int varyingBits = 0;           // popcount(varyingMask)
    // paxtest-style: varying bits whose share of ones over the present runs lies in [35 %, 65 %].
    int qualityBits = 0;
    // Entropy of the observed address distribution in bits. With N samples it cannot exceed
    // log2(N) (= shannonCapBits) however many bits the kernel randomizes: an estimate, capped.
    double shannonBits = 0;
    double shannonCapBits = 0;
    int alignmentBits =
        0; // trailing zero bits common to all bases (12 = page aligned); 64 if all 0
    bool pageAligned = false;
    std::vector<std::uint64_t> addresses; // in run order, present runs only
};

// Two regions whose distance was the same in every run where both were present (and both were
// present in the same runs, at least two of them, and both varied): one leaked address gives
// the other. offset = base(b) - base(a), with a the lower region.
struct AslrConstantOffset {
    AslrRegion a = AslrRegion::Exe;
    AslrRegion b = AslrRegion::Exe;
    std::uint64_t offset = 0;
};

struct AslrStatistics {
    int runs = 0;
    std::vector<AslrRegionStatistics> regions; // one per AslrRegion, in enum order
    std::vector<AslrConstantOffset> constantOffsets;

    static AslrStatistics compute(const std::vector<AslrBases>& runs);
    const AslrRegionStatistics& region(AslrRegion r) const {
        return regions[static_cast<std::size_t>(r)];
    }
};

// The statistics of one address set (exposed for tests and for other address sources).
AslrRegionStatistics computeRegionStatistics(AslrRegion region,
                                             const std::vector<std::uint64_t>& addresses);

} // namespace syscope
