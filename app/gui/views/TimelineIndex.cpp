#include "views/TimelineIndex.h"

#include "trace/TraceStore.h"

#include <algorithm>

namespace syscope::gui {

std::uint8_t TimelineIndex::styleOf(const TraceStore& store, std::size_t e,
                                    const CategoryLookup& categories) {
    const std::uint8_t flags = store.flags(e);
    auto style = std::uint8_t(categories(store.arch(e), store.nr(e), flags));
    if (flags & EventFlag::Unfinished) {
        style |= Unfinished;
    } else {
        const std::int64_t r = store.ret(e);
        if (r < 0 && r >= -4095) {
            style |= Failed;
        }
    }
    return style;
}

std::size_t TimelineIndex::Lane::lowerBound(std::size_t from, TimeNs t) const {
    const std::size_t n = enter.size();
    if (from >= n || enter[from] >= t) {
        return from;
    }
    // enter[from] < t: the answer lies after `from`, before the first block start >= t.
    const std::size_t firstBlock = from / kSkip + 1;
    if (firstBlock > skip.size()) {
        return std::size_t(
            std::lower_bound(enter.begin() + std::ptrdiff_t(from) + 1, enter.end(), t) -
            enter.begin());
    }
    const std::size_t b = std::size_t(
        std::lower_bound(skip.begin() + std::ptrdiff_t(firstBlock), skip.end(), t) - skip.begin());
    const std::size_t lo = std::max(from + 1, (b - 1) * kSkip + 1);
    const std::size_t hi = std::min(n, b * kSkip);
    return std::size_t(std::lower_bound(enter.begin() + std::ptrdiff_t(lo),
                                        enter.begin() + std::ptrdiff_t(hi), t) -
                       enter.begin());
}

void TimelineIndex::rebuildLane(const TraceStore& store, std::size_t task) {
    Lane& lane = m_lanes[task];
    const auto& events = store.taskEvents(task);
    lane.enter.resize(events.size());
    lane.style.resize(events.size());
    for (std::size_t k = 0; k < events.size(); ++k) {
        lane.enter[k] = store.enterTime(events[k]);
        lane.style[k] = styleOf(store, events[k], m_categories);
    }
    lane.skip.clear();
    for (std::size_t k = 0; k < events.size(); k += kSkip) {
        lane.skip.push_back(lane.enter[k]);
    }
    lane.lastEvent = events.empty() ? 0 : events.back();
}

void TimelineIndex::update(const TraceStore& store) {
    if (m_lanes.size() > store.taskCount()) {
        m_lanes.clear(); // a different trace
    }
    m_lanes.resize(store.taskCount());
    for (std::size_t t = 0; t < m_lanes.size(); ++t) {
        Lane& lane = m_lanes[t];
        const auto& events = store.taskEvents(t);
        const std::size_t had = lane.enter.size();
        if (events.size() == had) {
            continue;
        }
        // Appended at the end (the usual case) or inserted earlier (a lane rebuild).
        if (events.size() < had || (had > 0 && events[had - 1] != lane.lastEvent)) {
            rebuildLane(store, t);
            continue;
        }
        lane.enter.reserve(events.size());
        lane.style.reserve(events.size());
        for (std::size_t k = had; k < events.size(); ++k) {
            lane.enter.push_back(store.enterTime(events[k]));
            lane.style.push_back(styleOf(store, events[k], m_categories));
            if (k % kSkip == 0) {
                lane.skip.push_back(lane.enter.back());
            }
        }
        lane.lastEvent = events.back();
    }
}

} // namespace syscope::gui
