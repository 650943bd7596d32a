#include "views/TimeAxis.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace syscope::gui {

namespace {

// The largest span a view may show: more than a year of nanoseconds gives no useful picture and
// keeps every product below in range of double precision.
constexpr TimeNs kMaxSpan = TimeNs(1) << 55;

struct Unit {
    TimeNs ns;
    const char16_t* suffix;
};

Unit unitFor(TimeNs magnitude) {
    if (magnitude >= 1'000'000'000) {
        return {1'000'000'000, u" s"};
    }
    if (magnitude >= 1'000'000) {
        return {1'000'000, u" ms"};
    }
    if (magnitude >= 1'000) {
        return {1'000, u" µs"};
    }
    return {1, u" ns"};
}

} // namespace

TimeAxis::TimeAxis(TimeNs visibleStart, TimeNs visibleEnd, double width) {
    setWidth(width);
    setVisibleRange(visibleStart, visibleEnd);
}

void TimeAxis::setBounds(TimeNs first, TimeNs last) {
    m_boundsStart = first;
    m_boundsEnd = std::max(first, last);
    m_hasBounds = true;
}

void TimeAxis::setVisibleRange(TimeNs start, TimeNs end) {
    m_start = start;
    m_span = std::clamp<TimeNs>(end - start, kMinSpan, kMaxSpan);
}

void TimeAxis::setWidth(double pixels) {
    m_width = std::max(1.0, pixels);
}

double TimeAxis::mapTimeToX(TimeNs t) const {
    // Subtract in integers first: absolute monotonic times do not fit a double's mantissa.
    return double(t - m_start) * m_width / double(m_span);
}

TimeNs TimeAxis::mapXToTime(double x) const {
    return m_start + TimeNs(std::llround(x * double(m_span) / m_width));
}

void TimeAxis::zoom(double factor, double anchorX) {
    if (!(factor > 0) || !std::isfinite(factor)) {
        return;
    }
    const TimeNs anchor = mapXToTime(anchorX);
    TimeNs span = TimeNs(std::llround(double(m_span) / factor));
    TimeNs maxSpan = kMaxSpan;
    if (m_hasBounds) {
        maxSpan = std::max<TimeNs>(kMinSpan, (m_boundsEnd - m_boundsStart) * 11 / 10);
    }
    span = std::clamp<TimeNs>(span, kMinSpan, std::max(maxSpan, kMinSpan));
    if (span > m_span && m_span >= maxSpan) {
        return; // already showing everything
    }
    m_span = span;
    m_start = anchor - TimeNs(std::llround(anchorX * double(m_span) / m_width));
    clamp();
}

void TimeAxis::panPixels(double dx) {
    m_start += TimeNs(std::llround(dx * double(m_span) / m_width));
    clamp();
}

void TimeAxis::fit() {
    if (!m_hasBounds) {
        return;
    }
    const TimeNs data = std::max<TimeNs>(m_boundsEnd - m_boundsStart, kMinSpan);
    const TimeNs margin = data / 50;
    m_span = std::clamp<TimeNs>(data + 2 * margin, kMinSpan, kMaxSpan);
    m_start = m_boundsStart - margin;
}

void TimeAxis::centreOn(TimeNs t) {
    m_start = t - m_span / 2;
    clamp();
}

// Keeps some of the data in view: the view may hang over either end of the bounds by at most
// half its width.
void TimeAxis::clamp() {
    if (!m_hasBounds) {
        return;
    }
    const TimeNs lo = m_boundsStart - m_span / 2;
    const TimeNs hi = std::max(lo, m_boundsEnd - m_span / 2);
    m_start = std::clamp(m_start, lo, hi);
}

TimeNs TimeAxis::tickStep(double minSpacing) const {
    const double raw = std::max(1.0, double(m_span) * std::max(1.0, minSpacing) / m_width);
    TimeNs decade = 1;
    while (double(decade) * 10 <= raw && decade < (TimeNs(1) << 60) / 10) {
        decade *= 10;
    }
    for (TimeNs m : {1, 2, 5, 10}) {
        if (double(decade * m) >= raw) {
            return decade * m;
        }
    }
    return decade * 10;
}

std::vector<TimeAxis::Tick> TimeAxis::ticks(double minSpacing, TimeNs origin) const {
    std::vector<Tick> out;
    const TimeNs step = tickStep(minSpacing);
    // First multiple of step (relative to origin) at or after the visible start.
    const TimeNs rel = m_start - origin;
    TimeNs k = rel / step;
    if (k * step < rel) {
        ++k;
    }
    for (TimeNs t = origin + k * step; t <= visibleEnd(); t += step) {
        out.push_back({t, mapTimeToX(t), formatOffset(t - origin, step)});
        if (out.size() > 10000) {
            break; // cannot happen with a sane width; never loop without end
        }
    }
    return out;
}

QString TimeAxis::formatDuration(TimeNs ns) {
    const TimeNs magnitude = ns < 0 ? -ns : ns;
    const Unit unit = unitFor(magnitude);
    const double v = double(ns) / double(unit.ns);
    const double a = std::fabs(v);
    const int decimals = unit.ns == 1 ? 0 : (a >= 100 ? 0 : (a >= 10 ? 1 : 2));
    return QString::number(v, 'f', decimals) + QString::fromUtf16(unit.suffix);
}

QString TimeAxis::formatOffset(TimeNs offset, TimeNs step) {
    if (offset == 0) {
        return QStringLiteral("0");
    }
    // The unit suits the value (so 1.2 s rather than 1200 ms), the decimals suit the step.
    step = std::max<TimeNs>(step, 1);
    const TimeNs magnitude = offset < 0 ? -offset : offset;
    const Unit unit = unitFor(std::max(magnitude, step));
    int decimals = 0;
    for (TimeNs s = unit.ns; s > 1 && step % s != 0; s /= 10) {
        ++decimals;
    }
    const double v = double(offset) / double(unit.ns);
    return QString::number(v, 'f', decimals) + QString::fromUtf16(unit.suffix);
}

} // namespace syscope::gui
