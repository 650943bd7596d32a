#include "aslr/AslrStatistics.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

namespace syscope {

AslrRegionStatistics computeRegionStatistics(AslrRegion region,
                                             const std::vector<std::uint64_t>& addresses) {
    AslrRegionStatistics s;
    s.region = region;
    s.addresses = addresses;
    s.present = static_cast<int>(addresses.size());
    if (addresses.empty()) {
        return s;
    }
    const auto [lo, hi] = std::minmax_element(addresses.begin(), addresses.end());
    s.min = *lo;
    s.max = *hi;
    std::map<std::uint64_t, int> counts;
    std::array<int, 64> ones{};
    std::uint64_t orAll = 0;
    for (const std::uint64_t a : addresses) {
        ++counts[a];
        s.varyingMask |= a ^ addresses.front();
        orAll |= a;
        for (int bit = 0; bit < 64; ++bit) {
            ones[static_cast<std::size_t>(bit)] += (a >> bit) & 1;
        }
    }
    s.distinct = static_cast<int>(counts.size());
    s.varyingBits = std::popcount(s.varyingMask);
    const double n = static_cast<double>(addresses.size());
    for (int bit = 0; bit < 64; ++bit) {
        if (!((s.varyingMask >> bit) & 1)) {
            continue;
        }
        const double share = ones[static_cast<std::size_t>(bit)] / n;
        if (share >= 0.35 && share <= 0.65) {
            ++s.qualityBits;
        }
    }
    double h = 0;
    for (const auto& [addr, c] : counts) {
        const double p = c / n;
        h -= p * std::log2(p);
    }
    s.shannonBits = h < 0 ? 0 : h; // -0.0 for a single value
    s.shannonCapBits = std::log2(n);
    s.alignmentBits = orAll == 0 ? 64 : std::countr_zero(orAll);
    s.pageAligned = s.alignmentBits >= 12;
    return s;
}

AslrStatistics AslrStatistics::compute(const std::vector<AslrBases>& runs) {
    AslrStatistics st;
    st.runs = static_cast<int>(runs.size());
    for (int r = 0; r < kAslrRegionCount; ++r) {
        std::vector<std::uint64_t> addrs;
        for (const auto& run : runs) {
            if (const auto& b = run.base[static_cast<std::size_t>(r)]) {
                addrs.push_back(*b);
            }
        }
        st.regions.push_back(computeRegionStatistics(static_cast<AslrRegion>(r), addrs));
    }
    for (int i = 0; i < kAslrRegionCount; ++i) {
        for (int j = i + 1; j < kAslrRegionCount; ++j) {
            const auto& si = st.regions[static_cast<std::size_t>(i)];
            const auto& sj = st.regions[static_cast<std::size_t>(j)];
            if (si.present < 2 || si.present != sj.present || si.varyingBits == 0 ||
                sj.varyingBits == 0) {
                continue;
            }
            bool constant = true;
            bool first = true;
            std::uint64_t diff = 0;
            for (const auto& run : runs) {
                const auto& a = run.base[static_cast<std::size_t>(i)];
                const auto& b = run.base[static_cast<std::size_t>(j)];
                if (a.has_value() != b.has_value()) {
                    constant = false;
                    break;
                }
                if (!a) {
                    continue;
                }
                const std::uint64_t d = *b - *a;
                if (first) {
                    diff = d;
                    first = false;
                } else if (d != diff) {
                    constant = false;
                    break;
                }
            }
            if (!constant || first) {
                continue;
            }
            AslrConstantOffset c;
            // Report from the lower region to the higher, so the offset is positive.
            if (static_cast<std::int64_t>(diff) >= 0) {
                c.a = static_cast<AslrRegion>(i);
                c.b = static_cast<AslrRegion>(j);
                c.offset = diff;
            } else {
                c.a = static_cast<AslrRegion>(j);
                c.b = static_cast<AslrRegion>(i);
                c.offset = ~diff + 1;
            }
            st.constantOffsets.push_back(c);
        }
    }
    return st;
}

} // namespace syscope
