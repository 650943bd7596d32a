// The state every view shares: the selected time range, the selected event, the time under the
// cursor, and the event filter. One instance per window (MainWindow owns it).
//
// Contract for views (part 1: timeline, table, statistics; part 2: address map, histograms,
// vDSO view, ...):
//  - A view never talks to another view. It reads and writes this object and observes its
//    signals; MainWindow registers views in one place (MainWindow::createViews()).
//  - range(): when valid, views that summarise events (table, statistics, histograms) show only
//    events overlapping [start, end); the timeline draws it as a highlighted band. clearRange()
//    is "show everything".
//  - selectedEvent(): an index into the session's TraceStore, or -1. The table selects its row,
//    the timeline centres on it, the detail pane describes it; the address map may show the map
//    at its time.
//  - cursorTime(): the trace time under the timeline's mouse (or the selected event's entry);
//    views that show "the state at a moment" (address map) follow it. hasCursorTime() is false
//    until the first hover or selection.
//  - filter(): the filter bar's conditions (EventFilter); FilteredEvents applies range + filter
//    once and shares the resulting event list with the table and the statistics.
// Setters emit only when the value changes, so views may call them from their own slots.
#pragma once

#include "models/EventFilter.h"
#include "trace/Event.h"

#include <QObject>

namespace syscope::gui {

struct TimeRange {
    TimeNs start = 0;
    TimeNs end = 0;
    bool isValid() const { return end > start; }
    TimeNs span() const { return end - start; }
    // Does an event [enter, exit] touch the range?
    bool overlaps(TimeNs enter, TimeNs exit) const { return enter < end && exit >= start; }
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

class SelectionState : public QObject {
    Q_OBJECT
public:
    explicit SelectionState(QObject* parent = nullptr);

    TimeRange range() const { return m_range; }
    void setRange(TimeRange range);
    void clearRange() { setRange({}); }

    qint64 selectedEvent() const { return m_selectedEvent; }
    void setSelectedEvent(qint64 event);

    TimeNs cursorTime() const { return m_cursorTime; }
    bool hasCursorTime() const { return m_hasCursorTime; }
    void setCursorTime(TimeNs t);

    const EventFilter& filter() const { return m_filter; }
    void setFilter(const EventFilter& filter);

    // Forget everything (a new trace was opened).
    void reset();

signals:
    void rangeChanged(syscope::gui::TimeRange range);
    void selectedEventChanged(qint64 event);
    void cursorTimeChanged(qint64 time);
    void filterChanged();

private:
    TimeRange m_range;
    qint64 m_selectedEvent = -1;
    TimeNs m_cursorTime = 0;
    bool m_hasCursorTime = false;
    EventFilter m_filter;
};

} // namespace syscope::gui

Q_DECLARE_METATYPE(syscope::gui::TimeRange)
