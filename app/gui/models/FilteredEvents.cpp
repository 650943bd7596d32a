#include "models/FilteredEvents.h"

#include "SelectionState.h"
#include "TraceSession.h"

#include <algorithm>

namespace syscope::gui {

namespace {
// More out-of-order newcomers than this in one append: rebuild instead of inserting one by one.
constexpr std::size_t kMaxSingleInserts = 256;
} // namespace

FilteredEvents::FilteredEvents(const TraceSession* session, SelectionState* selection,
                               QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_selection(selection) {
    connect(session, &TraceSession::cleared, this, &FilteredEvents::rebuild);
    connect(session, &TraceSession::eventsAppended, this, &FilteredEvents::onAppended);
    connect(selection, &SelectionState::filterChanged, this, &FilteredEvents::rebuild);
    connect(selection, &SelectionState::rangeChanged, this, &FilteredEvents::rebuild);
}

const TraceStore& FilteredEvents::store() const {
    return m_session->store();
}

bool FilteredEvents::before(std::uint32_t a, std::uint32_t b) const {
    const TraceStore& s = store();
    const TimeNs ta = s.enterTime(a);
    const TimeNs tb = s.enterTime(b);
    return ta < tb || (ta == tb && a < b);
}

bool FilteredEvents::passes(std::size_t event) const {
    const TraceStore& s = store();
    const TimeRange range = m_selection->range();
    if (range.isValid()) {
        const TimeNs enter = s.enterTime(event);
        const TimeNs exit = (s.flags(event) & EventFlag::Unfinished) ? enter : s.exitTime(event);
        if (!range.overlaps(enter, exit)) {
            return false;
        }
    }
    const EventFilter& filter = m_selection->filter();
    return filter.isEmpty() || filter.matches(s, event);
}

std::optional<std::size_t> FilteredEvents::rowOf(std::uint32_t event) const {
    if (event >= store().eventCount()) {
        return std::nullopt;
    }
    auto it = std::lower_bound(m_indices.begin(), m_indices.end(), event,
                               [&](std::uint32_t a, std::uint32_t b) { return before(a, b); });
    if (it != m_indices.end() && *it == event) {
        return std::size_t(it - m_indices.begin());
    }
    return std::nullopt;
}

void FilteredEvents::rebuild() {
    emit aboutToReset();
    m_indices.clear();
    const TraceStore& s = store();
    const std::size_t n = s.eventCount();
    const bool everything = !m_selection->range().isValid() && m_selection->filter().isEmpty();
    m_indices.reserve(everything ? n : 0);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = s.eventByEnterTime(k);
        if (everything || passes(i)) {
            m_indices.push_back(std::uint32_t(i));
        }
    }
    emit resetDone();
    emit changed();
}

void FilteredEvents::onAppended(quint64 firstEvent) {
    const TraceStore& s = store();
    std::vector<std::uint32_t> fresh;
    for (std::size_t i = firstEvent; i < s.eventCount(); ++i) {
        if (passes(i)) {
            fresh.push_back(std::uint32_t(i));
        }
    }
    if (fresh.empty()) {
        return;
    }
    std::sort(fresh.begin(), fresh.end(),
              [&](std::uint32_t a, std::uint32_t b) { return before(a, b); });
    // The newcomers that sort after everything shown go in one block at the end; the rest (a
    // long call that started earlier and returned just now) are inserted where they belong.
    auto tail = fresh.begin();
    if (!m_indices.empty()) {
        tail = std::find_if(fresh.begin(), fresh.end(),
                            [&](std::uint32_t e) { return !before(e, m_indices.back()); });
    }
    const auto early = std::size_t(tail - fresh.begin());
    if (early > kMaxSingleInserts) {
        rebuild();
        return;
    }
    for (auto it = fresh.begin(); it != tail; ++it) {
        auto pos = std::upper_bound(m_indices.begin(), m_indices.end(), *it,
                                    [&](std::uint32_t a, std::uint32_t b) { return before(a, b); });
        const int row = int(pos - m_indices.begin());
        emit aboutToInsert(row, 1);
        m_indices.insert(pos, *it);
        emit inserted();
    }
    const auto count = std::size_t(fresh.end() - tail);
    if (count) {
        emit aboutToInsert(int(m_indices.size()), int(count));
        m_indices.insert(m_indices.end(), tail, fresh.end());
        emit inserted();
    }
    emit changed();
}

} // namespace syscope::gui
