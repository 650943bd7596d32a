#include "views/TimelinePainter.h"

#include "trace/TraceStore.h"
#include "views/TimelineLayout.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace syscope::gui {

namespace {

// How many events of a merged pixel column are looked at for its colour.
constexpr std::size_t kSamplesPerColumn = 4;

} // namespace

TimelinePainter::TimelinePainter() {
    for (int c = 0; c < kCategoryCount; ++c) {
        const QColor fill = categoryColor(SyscallCategory(c));
        m_fill.push_back(fill);
        m_edge.push_back(fill.darker(135));
        m_fillRgb.push_back(fill.rgba());
    }
    m_failed = failedColor();
}

void TimelinePainter::paintLane(QPainter& p, const TraceStore& store,
                                const std::vector<std::uint32_t>& events,
                                const TimelineIndex::Lane& lane, const TimeAxis& axis, int left,
                                int y, int h, TimeNs laneEnd) {
    const std::size_t n = std::min(events.size(), lane.enter.size());
    if (n == 0) {
        return;
    }
    const int width = int(std::ceil(axis.width()));
    const TimeNs tLeft = axis.mapXToTime(0);
    const TimeNs tRight = axis.mapXToTime(width);
    std::size_t i = lane.lowerBound(0, tLeft);
    // The event before the first visible start may reach into the view (a thread does one
    // syscall at a time, so one step back is enough; an unfinished call is a task's last).
    if (i > 0) {
        --i;
    }
    // Merged pixel columns go into one row of pixels (plus one for the failure stripe) that is
    // stretched over the lane's height with a single drawImage: no per-column fill calls.
    if (m_columnRow.width() < width + 1) {
        m_columnRow = QImage(width + 1, 2, QImage::Format_ARGB32_Premultiplied);
    }
    m_columnRow.fill(Qt::transparent);
    auto* normal = reinterpret_cast<QRgb*>(m_columnRow.scanLine(1));
    auto* stripe = reinterpret_cast<QRgb*>(m_columnRow.scanLine(0));
    const QRgb failedRgb = m_failed.rgba();
    int columnsLeft = width + 1;
    int columnsRight = -1;
    const int stripeHeight = std::max(3, h / 4);

    while (i < n) {
        const TimeNs start = lane.enter[i];
        if (start > tRight) {
            break;
        }
        const std::uint8_t style = lane.style[i];
        const bool unfinished = style & TimelineIndex::Unfinished;
        const double xs = axis.mapTimeToX(start);
        // When the thread's next call starts within 1.5 pixels, this one is narrower than that:
        // no need to read its duration from the store (a cache miss per column otherwise).
        const bool surelyNarrow =
            !unfinished && i + 1 < n && axis.mapTimeToX(lane.enter[i + 1]) - xs < 1.5;
        const TimeNs end = unfinished     ? std::max(start, laneEnd)
                           : surelyNarrow ? start
                                          : start + store.duration(events[i]);
        const double xe = surelyNarrow ? xs : axis.mapTimeToX(end);
        if (xe < 0) {
            ++i;
            continue;
        }
        const int category = style & TimelineIndex::CategoryMask;
        if (xe - xs >= 1.5) {
            // Wide enough to be a span of its own.
            ++m_spans;
            const double x0 = std::max(xs, -2.0);
            const double x1 = std::min(xe, double(width) + 2);
            const QRectF r(left + x0, y, x1 - x0, h);
            if (unfinished) {
                // Hatched, in the call's colour: still waiting when the trace ended.
                p.fillRect(r, m_fill[std::size_t(category)].lighter(130));
                p.fillRect(r, QBrush(m_edge[std::size_t(category)], Qt::BDiagPattern));
            } else {
                p.fillRect(r, m_fill[std::size_t(category)]);
                if (x1 - x0 >= 4) {
                    p.fillRect(QRectF(r.left(), y, 1, h), m_edge[std::size_t(category)]);
                }
                if (style & TimelineIndex::Failed) {
                    p.fillRect(QRectF(r.left(), y, r.width(), stripeHeight), m_failed);
                }
            }
            ++i;
            continue;
        }
        // Shorter than a pixel: merge everything that starts in this pixel column.
        const int px = int(std::floor(xs));
        TimeNs columnEnd = axis.mapXToTime(px + 1);
        if (columnEnd <= start) {
            columnEnd = start + 1;
        }
        std::size_t j = lane.lowerBound(i + 1, columnEnd);
        // A long call that starts late in this column gets drawn as a span of its own.
        if (j - 1 > i &&
            !(j < n && axis.mapTimeToX(lane.enter[j]) - axis.mapTimeToX(lane.enter[j - 1]) < 1.5)) {
            const std::size_t last = j - 1;
            const TimeNs lastEnd = (lane.style[last] & TimelineIndex::Unfinished)
                                       ? laneEnd
                                       : lane.enter[last] + store.duration(events[last]);
            if (axis.mapTimeToX(lastEnd) - axis.mapTimeToX(lane.enter[last]) >= 1.5) {
                --j;
            }
        }
        // The column's colour: the category that most sampled events share.
        int counts[16] = {};
        bool failed = false;
        const std::size_t count = j - i;
        const std::size_t samples = std::min(count, kSamplesPerColumn);
        int best = category;
        int bestCount = 0;
        for (std::size_t k = 0; k < samples; ++k) {
            const std::uint8_t st = lane.style[i + k * count / samples];
            const int c = st & TimelineIndex::CategoryMask;
            if (++counts[c] > bestCount) {
                bestCount = counts[c];
                best = c;
            }
            failed = failed || (st & TimelineIndex::Failed);
        }
        if (px >= 0 && px <= width) {
            ++m_columns;
            normal[px] = m_fillRgb[std::size_t(best)];
            stripe[px] = failed ? failedRgb : m_fillRgb[std::size_t(best)];
            columnsLeft = std::min(columnsLeft, px);
            columnsRight = std::max(columnsRight, px);
        }
        i = j;
    }
    if (columnsRight >= columnsLeft) {
        const int w = columnsRight - columnsLeft + 1;
        p.drawImage(QRect(left + columnsLeft, y, w, stripeHeight), m_columnRow,
                    QRect(columnsLeft, 0, w, 1));
        p.drawImage(QRect(left + columnsLeft, y + stripeHeight, w, h - stripeHeight), m_columnRow,
                    QRect(columnsLeft, 1, w, 1));
    }
}

void TimelinePainter::paint(QPainter& p, const QRect& rect, const TraceStore& store,
                            const TimelineIndex& index, const TimelineLayout& layout,
                            const TimeAxis& axis, const TimelinePaintOptions& o) {
    m_spans = 0;
    m_columns = 0;
    const QPalette& pal = o.palette;
    const double left = rect.left() + o.labelWidth;
    const int rowsTop = rect.top() + o.rulerHeight;
    const QRect rowsRect(rect.left(), rowsTop, rect.width(), rect.height() - o.rulerHeight);
    const QRectF plotRect(left, rowsTop, axis.width(), rowsRect.height());
    const QFontMetrics fm(p.font());
    const bool dark = pal.color(QPalette::Base).lightness() < 128;

    p.fillRect(rect, pal.color(QPalette::Base));

    // Visible rows only.
    const auto& rows = layout.rows();
    int firstRow = layout.rowAt(o.scrollY);
    if (firstRow < 0) {
        firstRow = 0;
    }
    const int bottom = o.scrollY + rowsRect.height();

    const QColor laneAlt = pal.color(QPalette::AlternateBase);
    const QColor headerBg = pal.color(QPalette::Window);
    QColor lifeBand = pal.color(QPalette::Text);
    lifeBand.setAlpha(dark ? 22 : 14);
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(dark ? 40 : 28);

    p.save();
    p.setClipRect(rowsRect);
    for (std::size_t r = std::size_t(firstRow); r < rows.size() && rows[r].y < bottom; ++r) {
        const TimelineRow& row = rows[r];
        const int y = rowsTop + row.y - o.scrollY;
        if (row.kind == TimelineRow::Kind::Process) {
            p.fillRect(QRectF(rect.left(), y, rect.width(), row.height), headerBg);
        } else if (r % 2 == 0) {
            p.fillRect(QRectF(rect.left(), y, rect.width(), row.height), laneAlt);
        }
    }
    // Grid at the ruler's ticks.
    const auto ticks = axis.ticks(90, o.origin);
    for (const auto& t : ticks) {
        p.fillRect(QRectF(left + std::round(t.x), rowsTop, 1, rowsRect.height()), grid);
    }
    p.setClipRect(plotRect);
    const TimeNs storeEnd = std::max(store.endTime(), o.liveEnd);
    for (std::size_t r = std::size_t(firstRow); r < rows.size() && rows[r].y < bottom; ++r) {
        const TimelineRow& row = rows[r];
        const int y = rowsTop + row.y - o.scrollY;
        const double xs = std::max(-1.0, axis.mapTimeToX(row.start));
        const TimeNs rowEnd = row.exited ? row.end : storeEnd;
        const double xe = std::min(axis.width() + 1, axis.mapTimeToX(rowEnd));
        if (row.kind == TimelineRow::Kind::Process) {
            // The process's life as a line through its header row.
            if (xe > xs) {
                p.fillRect(QRectF(left + xs, y + row.height / 2 - 1, std::max(1.0, xe - xs), 3),
                           pal.color(QPalette::Mid));
            }
            continue;
        }
        if (xe > xs) {
            p.fillRect(QRectF(left + xs, y + 1, std::max(1.0, xe - xs), row.height - 2), lifeBand);
        }
        if (row.task < index.laneCount()) {
            paintLane(p, store, store.taskEvents(row.task), index.lane(row.task), axis, int(left),
                      y + 2, row.height - 4, rowEnd);
        }
    }

    // Process events: exec marks (a bar with a notch on top), exits (a short end bar), delivered
    // signals (an amber diamond at the top of the lane).
    const QColor markColor = pal.color(QPalette::Text);
    for (const ProcessEvent& pe : store.processEvents()) {
        if (pe.kind != ProcessEventKind::Exec && pe.kind != ProcessEventKind::Exit &&
            pe.kind != ProcessEventKind::Signal) {
            continue;
        }
        const double x = axis.mapTimeToX(pe.time);
        if (x < -5 || x > axis.width() + 5) {
            continue;
        }
        const auto task = store.findTask(pe.pid, pe.tid);
        if (!task) {
            continue;
        }
        const auto r = layout.rowOfTask(*task);
        if (!r || rows[*r].y + rows[*r].height < o.scrollY || rows[*r].y > bottom) {
            continue;
        }
        const TimelineRow& row = rows[*r];
        const int y = rowsTop + row.y - o.scrollY;
        if (pe.kind == ProcessEventKind::Signal) {
            const double h = std::min(11.0, row.height * 0.6);
            const QPointF diamond[4] = {{left + x, double(y)},
                                        {left + x + h / 2, y + h / 2},
                                        {left + x, y + h},
                                        {left + x - h / 2, y + h / 2}};
            p.save();
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(markColor, 1));
            p.setBrush(kSignalColor);
            p.drawPolygon(diamond, 4);
            p.restore();
        } else if (pe.kind == ProcessEventKind::Exec) {
            p.fillRect(QRectF(left + x - 1, y, 2, row.height), markColor);
            const QPointF tri[3] = {
                {left + x - 5, double(y)}, {left + x + 5, double(y)}, {left + x, double(y) + 6}};
            p.setPen(Qt::NoPen);
            p.setBrush(markColor);
            p.drawPolygon(tri, 3);
        } else {
            p.fillRect(QRectF(left + x - 1, y + 3, 2, row.height - 6), markColor);
        }
    }

    // The selected event.
    if (o.selectedEvent >= 0 && std::size_t(o.selectedEvent) < store.eventCount()) {
        const auto e = std::size_t(o.selectedEvent);
        if (const auto r = layout.rowOfTask(store.taskIndex(e))) {
            const TimelineRow& row = rows[*r];
            const int y = rowsTop + row.y - o.scrollY;
            const bool unfinished = store.flags(e) & EventFlag::Unfinished;
            double xs = axis.mapTimeToX(store.enterTime(e));
            double xe =
                axis.mapTimeToX(unfinished ? (row.exited ? row.end : storeEnd) : store.exitTime(e));
            if (xe - xs < 5) {
                const double mid = (xs + xe) / 2;
                xs = mid - 2.5;
                xe = mid + 2.5;
            }
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(pal.color(QPalette::Highlight), 2));
            p.drawRect(QRectF(left + xs - 1, y, xe - xs + 2, row.height));
            p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
            p.drawLine(QPointF(left + xs, rowsTop),
                       QPointF(left + xs, rowsTop + rowsRect.height()));
        }
    }
    p.restore();

    // The selected range: a tinted band with solid edges, over rows and ruler.
    if (o.rangeEnd > o.rangeStart) {
        const double xs = std::max(-2.0, axis.mapTimeToX(o.rangeStart));
        const double xe = std::min(axis.width() + 2, axis.mapTimeToX(o.rangeEnd));
        if (xe > 0 && xs < axis.width()) {
            p.save();
            p.setClipRect(QRectF(left, rect.top(), axis.width(), rect.height()));
            QColor band = pal.color(QPalette::Highlight);
            band.setAlpha(45);
            p.fillRect(QRectF(left + xs, rect.top(), xe - xs, rect.height()), band);
            band.setAlpha(220);
            p.fillRect(QRectF(left + xs - 1, rect.top(), 2, rect.height()), band);
            p.fillRect(QRectF(left + xe - 1, rect.top(), 2, rect.height()), band);
            p.restore();
        }
    }

    // Label column.
    p.save();
    p.setClipRect(QRect(rect.left(), rowsTop, o.labelWidth, rowsRect.height()));
    p.fillRect(QRect(rect.left(), rowsTop, o.labelWidth, rowsRect.height()), headerBg);
    QFont bold = p.font();
    bold.setBold(true);
    const QFont normal = p.font();
    for (std::size_t r = std::size_t(firstRow); r < rows.size() && rows[r].y < bottom; ++r) {
        const TimelineRow& row = rows[r];
        const int y = rowsTop + row.y - o.scrollY;
        const bool header = row.kind == TimelineRow::Kind::Process;
        p.setFont(header ? bold : normal);
        p.setPen(pal.color(header ? QPalette::WindowText : QPalette::Text));
        if (!header && r % 2 == 0) {
            p.fillRect(QRect(rect.left(), y, o.labelWidth, row.height), laneAlt);
        } else if (!header) {
            p.fillRect(QRect(rect.left(), y, o.labelWidth, row.height), pal.color(QPalette::Base));
        }
        const int indent = header ? 6 : 18;
        const QRect textRect(rect.left() + indent, y, o.labelWidth - indent - 4, row.height);
        p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                   p.fontMetrics().elidedText(row.label, Qt::ElideRight, textRect.width()));
    }
    p.setFont(normal);
    p.restore();
    p.fillRect(QRectF(left - 1, rowsTop, 1, rowsRect.height()), pal.color(QPalette::Mid));

    // Ruler.
    const QRect ruler(rect.left(), rect.top(), rect.width(), o.rulerHeight);
    p.fillRect(ruler, pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(rect.left() + 6, rect.top(), o.labelWidth - 8, o.rulerHeight),
               Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("pid / tid  command"));
    p.save();
    p.setClipRect(QRectF(left, rect.top(), axis.width(), o.rulerHeight));
    const int tickTop = rect.top() + o.rulerHeight - 6;
    for (const auto& t : ticks) {
        const double x = left + std::round(t.x);
        p.fillRect(QRectF(x, tickTop, 1, 6), pal.color(QPalette::WindowText));
        p.drawText(QPointF(x + 3, rect.top() + fm.ascent() + 3), t.label);
    }
    if (o.hasCursor) {
        const double x = left + axis.mapTimeToX(o.cursor);
        p.fillRect(QRectF(x, rect.top(), 1, o.rulerHeight), pal.color(QPalette::Highlight));
    }
    p.restore();
    p.fillRect(QRectF(rect.left(), rect.top() + o.rulerHeight - 1, rect.width(), 1),
               pal.color(QPalette::Mid));
}

} // namespace syscope::gui
