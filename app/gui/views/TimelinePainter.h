// Draws the timeline (ruler, lane labels, lanes of syscall spans, marks, selection) with any
// QPainter: the widget, PNG/SVG/PDF export and the render benchmark share it.
//
// Level of detail: per lane, the first visible event is found by binary search in the task's
// time-sorted event list; then the painter walks pixel column by pixel column. An event at least
// a pixel wide is drawn as a span; all events that start inside one pixel column and are shorter
// than it are merged into one coloured column (a few of them sampled for its colour), skipping
// the rest with a galloping search. So one repaint costs about lanes × pixels, not events.
#pragma once

#include "trace/Event.h"
#include "views/SyscallColors.h"
#include "views/TimeAxis.h"
#include "views/TimelineIndex.h"

#include <QColor>
#include <QImage>
#include <QPalette>
#include <QRect>
#include <cstdint>
#include <vector>

class QPainter;

namespace syscope {
class TraceStore;
}

namespace syscope::gui {

class TimelineLayout;

// Fill of the diamond that marks a delivered signal on a thread's lane.
inline const QColor kSignalColor{0xf3, 0x9c, 0x12};

struct TimelinePaintOptions {
    int labelWidth = 200; // left column with pid/tid/comm
    int rulerHeight = 24; // time ruler at the top
    int scrollY = 0;      // vertical scroll of the rows
    TimeNs origin = 0;    // time shown as 0 on the ruler (the trace's start)
    TimeNs liveEnd = 0;   // unfinished calls of running tasks extend to here
    qint64 selectedEvent = -1;
    TimeNs rangeStart = 0; // selected range (drawn when rangeEnd > rangeStart)
    TimeNs rangeEnd = 0;
    bool hasCursor = false;
    TimeNs cursor = 0;
    QPalette palette;
};

class TimelinePainter {
public:
    TimelinePainter();

    // Paints into `rect` (the whole timeline canvas) with the axis mapping the lane area
    // [rect.left() + labelWidth, rect.right()].
    // `index` must be up to date with `store` (TimelineIndex::update).
    void paint(QPainter& p, const QRect& rect, const TraceStore& store, const TimelineIndex& index,
               const TimelineLayout& layout, const TimeAxis& axis,
               const TimelinePaintOptions& options);

    // Statistics of the last paint (for the benchmark and tests).
    std::size_t spansDrawn() const { return m_spans; }
    std::size_t columnsDrawn() const { return m_columns; }

private:
    void paintLane(QPainter& p, const TraceStore& store, const std::vector<std::uint32_t>& events,
                   const TimelineIndex::Lane& lane, const TimeAxis& axis, int left, int y, int h,
                   TimeNs laneEnd);

    std::vector<QColor> m_fill;
    std::vector<QColor> m_edge;
    std::vector<QRgb> m_fillRgb;
    QColor m_failed;
    QImage m_columnRow; // one lane's merged columns (row 1) and their failure stripe (row 0)
    std::size_t m_spans = 0;
    std::size_t m_columns = 0;
};

} // namespace syscope::gui
