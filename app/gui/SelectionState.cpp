#include "SelectionState.h"

namespace syscope::gui {

SelectionState::SelectionState(QObject* parent)
    : QObject(parent) {
}

void SelectionState::setRange(TimeRange range) {
    if (!range.isValid()) {
        range = {};
    }
    if (range == m_range) {
        return;
    }
    m_range = range;
    emit rangeChanged(m_range);
}

void SelectionState::setSelectedEvent(qint64 event) {
    if (event < 0) {
        event = -1;
    }
    if (event == m_selectedEvent) {
        return;
    }
    m_selectedEvent = event;
    emit selectedEventChanged(event);
}

void SelectionState::setCursorTime(TimeNs t) {
    if (m_hasCursorTime && t == m_cursorTime) {
        return;
    }
    m_cursorTime = t;
    m_hasCursorTime = true;
    emit cursorTimeChanged(t);
}

void SelectionState::setFilter(const EventFilter& filter) {
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    emit filterChanged();
}

void SelectionState::reset() {
    setSelectedEvent(-1);
    clearRange();
    m_hasCursorTime = false;
    m_cursorTime = 0;
}

} // namespace syscope::gui
