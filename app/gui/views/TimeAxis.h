// The mapping between trace time and pixels of the timeline, and the ticks of its ruler.
// Pure value logic (no widgets), so that it can be tested with data tables: the timeline, its
// ruler, the render benchmark and part-2 views that share the time axis all use it.
#pragma once

#include "trace/Event.h"

#include <QString>
#include <vector>

namespace syscope::gui {

class TimeAxis {
public:
    // The narrowest span the view can show across its whole width.
    static constexpr TimeNs kMinSpan = 100;

    TimeAxis() = default;
    TimeAxis(TimeNs visibleStart, TimeNs visibleEnd, double width);

    // The time range of the data: zoom and pan stay around it.
    void setBounds(TimeNs first, TimeNs last);
    TimeNs boundsStart() const { return m_boundsStart; }
    TimeNs boundsEnd() const { return m_boundsEnd; }

    void setVisibleRange(TimeNs start, TimeNs end);
    TimeNs visibleStart() const { return m_start; }
    TimeNs visibleEnd() const { return m_start + m_span; }
    TimeNs visibleSpan() const { return m_span; }

    void setWidth(double pixels);
    double width() const { return m_width; }

    // x = 0 at visibleStart(), x = width() at visibleEnd(); times outside map outside.
    double mapTimeToX(TimeNs t) const;
    TimeNs mapXToTime(double x) const;
    // Nanoseconds covered by one pixel.
    double nsPerPixel() const { return m_width > 0 ? double(m_span) / m_width : 0.0; }

    // factor > 1 zooms in. The time under anchorX stays under anchorX.
    void zoom(double factor, double anchorX);
    // Moves the view by dx pixels (positive: later times come into view).
    void panPixels(double dx);
    // Shows all of the bounds (with a small margin).
    void fit();
    // Keeps the span and moves the view so that t is in the middle.
    void centreOn(TimeNs t);

    struct Tick {
        TimeNs time = 0;
        double x = 0;
        QString label; // relative to the origin given to ticks()
    };
    // Ticks at a 1-2-5 step at least minSpacing pixels apart, labelled relative to origin
    // (the trace's start) in a unit that suits the step: "0", "250 ms", "1.5 s", "120 µs".
    std::vector<Tick> ticks(double minSpacing, TimeNs origin) const;
    // The 1-2-5 step for ticks() (nanoseconds).
    TimeNs tickStep(double minSpacing) const;

    // "850 ns", "1.25 µs", "12.3 ms", "2.50 s": three significant digits.
    static QString formatDuration(TimeNs ns);
    // A time offset in the unit that suits it, with as many decimals as multiples of `step`
    // need: "1.5 s", "120 µs", "-2 ms", "0".
    static QString formatOffset(TimeNs offset, TimeNs step);

private:
    void clamp();

    TimeNs m_start = 0;
    TimeNs m_span = 1'000'000'000;
    double m_width = 1000.0;
    TimeNs m_boundsStart = 0;
    TimeNs m_boundsEnd = 0;
    bool m_hasBounds = false;
};

} // namespace syscope::gui
