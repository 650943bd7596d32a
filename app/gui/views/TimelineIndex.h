// Per-lane copies of what the timeline painter reads for every event, laid out for its inner
// loop: each task's entry times in time order (contiguous, so the binary searches touch few cache
// lines) and one style byte per event (category, failed, unfinished), so that merging thousands
// of events into one pixel column never decodes arguments from the store.
// Costs 9 bytes per event; kept up to date incrementally as a live trace grows.
#pragma once

#include "trace/Event.h"
#include "views/SyscallColors.h"

#include <cstdint>
#include <vector>

namespace syscope {
class TraceStore;
}

namespace syscope::gui {

class TimelineIndex {
public:
    enum StyleBits : std::uint8_t {
        CategoryMask = 0x0f,
        Failed = 0x10,
        Unfinished = 0x20,
    };
    // Every kSkip-th entry time again, in a small array that stays in cache: searches narrow
    // down to one block of kSkip entries there before touching the big array.
    static constexpr std::size_t kSkip = 64;

    struct Lane {
        std::vector<TimeNs> enter;       // == store.enterTime(store.taskEvents(task)[k])
        std::vector<std::uint8_t> style; // category | Failed | Unfinished
        std::vector<TimeNs> skip;        // skip[b] == enter[b * kSkip]
        std::uint32_t lastEvent = 0;     // store index of the last event taken in

        // The first position k >= from with enter[k] >= t (enter.size() when none).
        std::size_t lowerBound(std::size_t from, TimeNs t) const;
    };

    // Takes in what the store gained since the last call (rebuilds a lane whose order changed).
    void update(const TraceStore& store);
    void clear() { m_lanes.clear(); }
    const Lane& lane(std::size_t task) const { return m_lanes[task]; }
    std::size_t laneCount() const { return m_lanes.size(); }

    static std::uint8_t styleOf(const TraceStore& store, std::size_t event,
                                const CategoryLookup& categories);

private:
    void rebuildLane(const TraceStore& store, std::size_t task);

    std::vector<Lane> m_lanes;
    CategoryLookup m_categories;
};

} // namespace syscope::gui
