// The events that pass the shared filter and range, in entry-time order: one vector of store
// indices that the event table shows row by row and the statistics summarise. Kept up to date
// incrementally while a live trace grows (new events are merged in; a change of filter or range
// rebuilds it).
#pragma once

#include "trace/Event.h"

#include <QObject>
#include <cstdint>
#include <optional>
#include <vector>

namespace syscope {
class TraceStore;
}

namespace syscope::gui {

class SelectionState;
class TraceSession;

class FilteredEvents : public QObject {
    Q_OBJECT
public:
    FilteredEvents(const TraceSession* session, SelectionState* selection,
                   QObject* parent = nullptr);

    const TraceStore& store() const;
    const std::vector<std::uint32_t>& indices() const { return m_indices; }
    std::size_t size() const { return m_indices.size(); }
    std::uint32_t at(std::size_t row) const { return m_indices[row]; }
    // The row showing store event `event`, if it passes.
    std::optional<std::size_t> rowOf(std::uint32_t event) const;
    // Does the selection's range and filter let this event through?
    bool passes(std::size_t event) const;

    // Recomputes everything (after a filter or range change).
    void rebuild();

signals:
    void aboutToReset();
    void resetDone();
    void aboutToInsert(int firstRow, int count);
    void inserted();
    // After any change (reset or insertions), once.
    void changed();

private:
    void onAppended(quint64 firstEvent);
    bool before(std::uint32_t a, std::uint32_t b) const;

    const TraceSession* m_session;
    SelectionState* m_selection;
    std::vector<std::uint32_t> m_indices;
};

} // namespace syscope::gui
