#include "views/TimelineCanvas.h"

#include "SelectionState.h"
#include "TraceSession.h"
#include "models/EventText.h"
#include "syscalls/EventFormatter.h"

#include <QKeyEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace syscope::gui {

TimelineCanvas::TimelineCanvas(TraceSession* session, SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_selection(selection) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumHeight(120);
    updateMetrics();
    connect(selection, &SelectionState::rangeChanged, this, qOverload<>(&QWidget::update));
    connect(selection, &SelectionState::selectedEventChanged, this, qOverload<>(&QWidget::update));
}

void TimelineCanvas::updateMetrics() {
    const QFontMetrics fm(font());
    m_laneHeight = fm.height() + 8;
    m_rulerHeight = fm.height() + 10;
    m_labelWidth = std::max(160, fm.horizontalAdvance(QStringLiteral("0000000 syscope-demo-wk")));
    m_axis.setWidth(std::max(1, width() - m_labelWidth));
}

void TimelineCanvas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateMetrics();
        refreshLayout();
    }
    QWidget::changeEvent(event);
}

void TimelineCanvas::refreshLayout() {
    const TraceStore& store = m_session->store();
    m_index.update(store);
    m_layout.rebuild(store, m_laneHeight, m_laneHeight);
    // Few threads: let their lanes grow (up to twice the base height) to fill the view.
    if (m_layout.laneCount() > 0 && m_layout.totalHeight() < rowsHeight()) {
        const int headers = m_layout.totalHeight() - int(m_layout.laneCount()) * m_laneHeight;
        const int lane = (rowsHeight() - headers) / int(m_layout.laneCount());
        const int grown = std::clamp(lane, m_laneHeight, m_laneHeight * 2);
        if (grown != m_laneHeight) {
            m_layout.rebuild(store, m_laneHeight, grown);
        }
    }
    m_axis.setBounds(store.startTime(), std::max(store.endTime(), store.startTime() + 1000));
    setScrollY(m_scrollY);
    emit layoutChanged();
    update();
}

int TimelineCanvas::rowsHeight() const {
    return std::max(0, height() - m_rulerHeight);
}

void TimelineCanvas::setScrollY(int y) {
    const int maxY = std::max(0, m_layout.totalHeight() - rowsHeight());
    y = std::clamp(y, 0, maxY);
    if (y != m_scrollY) {
        m_scrollY = y;
        update();
        emit viewChanged();
    }
}

TimelinePaintOptions TimelineCanvas::paintOptions() const {
    TimelinePaintOptions o;
    o.labelWidth = m_labelWidth;
    o.rulerHeight = m_rulerHeight;
    o.scrollY = m_scrollY;
    const TraceStore& store = m_session->store();
    o.origin = store.startTime();
    o.liveEnd = store.endTime();
    o.selectedEvent = m_selection->selectedEvent();
    o.rangeStart = m_selection->range().start;
    o.rangeEnd = m_selection->range().end;
    o.hasCursor = m_selection->hasCursorTime();
    o.cursor = m_selection->cursorTime();
    o.palette = palette();
    return o;
}

void TimelineCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const TraceStore& store = m_session->store();
    if (store.eventCount() == 0 && store.taskCount() == 0) {
        p.fillRect(rect(), palette().color(QPalette::Base));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter,
                   m_session->state() == TraceSession::State::Live
                       ? tr("Waiting for the first syscalls…")
                       : tr("No syscalls in this trace"));
        return;
    }
    m_painter.paint(p, rect(), store, m_index, m_layout, m_axis, paintOptions());
}

void TimelineCanvas::resizeEvent(QResizeEvent*) {
    const TimeNs start = m_axis.visibleStart();
    const double oldWidth = m_axis.width();
    const double nsPerPx = m_axis.nsPerPixel();
    m_axis.setWidth(std::max(1, width() - m_labelWidth));
    // Keep the scale; show more or less time at the right.
    if (oldWidth > 1 && nsPerPx > 0) {
        m_axis.setVisibleRange(start, start + TimeNs(nsPerPx * m_axis.width()));
    }
    refreshLayout();
    emit viewChanged();
}

void TimelineCanvas::zoomBy(double factor) {
    m_axis.zoom(factor, m_axis.width() / 2);
    emit viewMovedByUser();
    emit viewChanged();
    update();
}

void TimelineCanvas::fit() {
    m_axis.fit();
    emit viewChanged();
    update();
}

void TimelineCanvas::zoomToRange() {
    const TimeRange r = m_selection->range();
    if (!r.isValid()) {
        return;
    }
    const TimeNs margin = r.span() / 20;
    m_axis.setVisibleRange(r.start - margin, r.end + margin);
    emit viewMovedByUser();
    emit viewChanged();
    update();
}

void TimelineCanvas::followEnd() {
    const TraceStore& store = m_session->store();
    const TimeNs end = store.endTime();
    const TimeNs span = m_axis.visibleSpan();
    const TimeNs length = end - store.startTime();
    if (length + length / 20 < span) {
        m_axis.fit();
    } else {
        m_axis.setVisibleRange(end - span + span / 20, end + span / 20);
    }
    emit viewChanged();
    update();
}

const ProcessEvent* TimelineCanvas::signalAt(const QPoint& pos) const {
    if (pos.x() < m_labelWidth || pos.y() < m_rulerHeight) {
        return nullptr;
    }
    const int r = m_layout.rowAt(pos.y() - m_rulerHeight + m_scrollY);
    if (r < 0 || m_layout.rows()[std::size_t(r)].kind != TimelineRow::Kind::Thread) {
        return nullptr;
    }
    const TimelineRow& row = m_layout.rows()[std::size_t(r)];
    const int rowTop = m_rulerHeight + row.y - m_scrollY;
    if (pos.y() > rowTop + int(std::min(11.0, row.height * 0.6)) + 1) {
        return nullptr; // the mark is at the top of the lane
    }
    const double x = plotX(pos);
    const ProcessEvent* best = nullptr;
    double bestDistance = 5.0; // pixels
    for (const ProcessEvent& pe : m_session->store().processEvents()) {
        if (pe.kind != ProcessEventKind::Signal || pe.tid != row.tid || pe.pid != row.pid) {
            continue;
        }
        const double d = std::abs(m_axis.mapTimeToX(pe.time) - x);
        if (d < bestDistance) {
            bestDistance = d;
            best = &pe;
        }
    }
    return best;
}

std::optional<std::size_t> TimelineCanvas::eventAt(const QPoint& pos) const {
    if (pos.x() < m_labelWidth || pos.y() < m_rulerHeight) {
        return std::nullopt;
    }
    const int r = m_layout.rowAt(pos.y() - m_rulerHeight + m_scrollY);
    if (r < 0 || m_layout.rows()[std::size_t(r)].kind != TimelineRow::Kind::Thread) {
        return std::nullopt;
    }
    const TraceStore& store = m_session->store();
    const TimelineRow& row = m_layout.rows()[std::size_t(r)];
    const auto& events = store.taskEvents(row.task);
    const double x = plotX(pos);
    const TimeNs t = m_axis.mapXToTime(x);
    const TimeNs slack = TimeNs(std::ceil(m_axis.nsPerPixel() * 3));
    // The last event starting at or before t + slack, and its predecessor: the nearest of them.
    auto it = std::upper_bound(events.begin(), events.end(), t + slack,
                               [&](TimeNs v, std::uint32_t e) { return v < store.enterTime(e); });
    std::optional<std::size_t> best;
    double bestDistance = 4.0; // pixels
    const TimeNs laneEnd = row.exited ? row.end : store.endTime();
    for (int k = 0; k < 3 && it != events.begin(); ++k) {
        --it;
        const std::size_t e = *it;
        const TimeNs s = store.enterTime(e);
        const TimeNs end = (store.flags(e) & EventFlag::Unfinished) ? laneEnd : store.exitTime(e);
        const double xs = m_axis.mapTimeToX(s);
        const double xe = std::max(m_axis.mapTimeToX(end), xs + 1);
        const double d = x < xs ? xs - x : (x > xe ? x - xe : 0.0);
        if (d < bestDistance) {
            bestDistance = d;
            best = e;
        }
    }
    return best;
}

void TimelineCanvas::reveal(std::size_t event, bool centreTime) {
    const TraceStore& store = m_session->store();
    if (event >= store.eventCount()) {
        return;
    }
    if (const auto r = m_layout.rowOfTask(store.taskIndex(event))) {
        const TimelineRow& row = m_layout.rows()[*r];
        if (row.y < m_scrollY || row.y + row.height > m_scrollY + rowsHeight()) {
            setScrollY(row.y - rowsHeight() / 2);
        }
    }
    const TimeNs t = store.enterTime(event);
    const double x = m_axis.mapTimeToX(t);
    if (centreTime || x < 0 || x > m_axis.width()) {
        m_axis.centreOn(t + store.duration(event) / 2);
        emit viewMovedByUser();
    }
    emit viewChanged();
    update();
}

void TimelineCanvas::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    const bool horizontal = std::abs(angle.x()) > std::abs(angle.y());
    if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        const int delta = horizontal ? angle.x() : angle.y();
        m_axis.panPixels(-delta / 120.0 * m_axis.width() / 10);
    } else if (event->modifiers() & Qt::ControlModifier) {
        setScrollY(m_scrollY - angle.y() / 120 * m_laneHeight * 3);
        event->accept();
        return;
    } else {
        const double steps = angle.y() / 120.0;
        m_axis.zoom(std::pow(1.25, steps), std::max(0.0, plotX(event->position().toPoint())));
    }
    emit viewMovedByUser();
    emit viewChanged();
    update();
    event->accept();
}

void TimelineCanvas::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton) {
        return QWidget::mousePressEvent(event);
    }
    m_pressPos = m_lastPos = event->pos();
    m_moved = false;
    const bool inRuler = event->pos().y() < m_rulerHeight;
    if ((event->modifiers() & Qt::ShiftModifier) || inRuler) {
        m_drag = Drag::Range;
        m_rangeAnchor = m_axis.mapXToTime(std::max(0.0, plotX(event->pos())));
    } else {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    }
}

void TimelineCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->pos();
    if (pos.x() >= m_labelWidth) {
        m_selection->setCursorTime(m_axis.mapXToTime(plotX(pos)));
        update(QRect(m_labelWidth, 0, width() - m_labelWidth, m_rulerHeight));
    }
    if (m_drag == Drag::None) {
        showHoverTip(pos, event->globalPosition().toPoint());
        return;
    }
    if ((pos - m_pressPos).manhattanLength() > 3) {
        m_moved = true;
    }
    if (m_drag == Drag::Pan) {
        m_axis.panPixels(m_lastPos.x() - pos.x());
        setScrollY(m_scrollY + m_lastPos.y() - pos.y());
        emit viewMovedByUser();
        emit viewChanged();
        update();
    } else if (m_moved) {
        const TimeNs t = m_axis.mapXToTime(std::clamp(plotX(pos), 0.0, m_axis.width()));
        m_selection->setRange({std::min(t, m_rangeAnchor), std::max(t, m_rangeAnchor)});
    }
    m_lastPos = pos;
}

void TimelineCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        return QWidget::mouseReleaseEvent(event);
    }
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (m_moved) {
        return;
    }
    if (drag == Drag::Range && event->pos().y() < m_rulerHeight) {
        return; // a click in the ruler selects nothing
    }
    const auto e = eventAt(event->pos());
    m_selecting = true;
    m_selection->setSelectedEvent(e ? qint64(*e) : -1);
    m_selecting = false;
}

void TimelineCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    const TimeRange r = m_selection->range();
    const TimeNs t = m_axis.mapXToTime(plotX(event->pos()));
    if (r.isValid() && t >= r.start && t <= r.end) {
        zoomToRange();
    } else {
        m_axis.zoom(2.0, plotX(event->pos()));
        emit viewMovedByUser();
        emit viewChanged();
        update();
    }
}

void TimelineCanvas::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        break;
    case Qt::Key_Left:
        m_axis.panPixels(-m_axis.width() / 8);
        emit viewMovedByUser();
        emit viewChanged();
        update();
        break;
    case Qt::Key_Right:
        m_axis.panPixels(m_axis.width() / 8);
        emit viewMovedByUser();
        emit viewChanged();
        update();
        break;
    case Qt::Key_Up:
        setScrollY(m_scrollY - m_laneHeight);
        break;
    case Qt::Key_Down:
        setScrollY(m_scrollY + m_laneHeight);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        fit();
        break;
    case Qt::Key_Z:
        zoomToRange();
        break;
    case Qt::Key_Escape:
        m_selection->clearRange();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void TimelineCanvas::leaveEvent(QEvent* event) {
    QToolTip::hideText();
    QWidget::leaveEvent(event);
}

void TimelineCanvas::showHoverTip(const QPoint& pos, const QPoint& globalPos) {
    const TraceStore& store = m_session->store();
    if (pos.x() < m_labelWidth && pos.y() >= m_rulerHeight) {
        const int r = m_layout.rowAt(pos.y() - m_rulerHeight + m_scrollY);
        if (r >= 0) {
            QToolTip::showText(globalPos, m_layout.rows()[std::size_t(r)].tooltip, this);
            return;
        }
    }
    if (const ProcessEvent* sig = signalAt(pos)) {
        const QString line = QString::fromStdString(formatProcessLine(*sig));
        QToolTip::showText(globalPos,
                           QStringLiteral("<p style='white-space:pre'><b>%1</b><br>%2 · signal "
                                          "delivered to pid %3 tid %4</p>")
                               .arg(line.toHtmlEscaped(), relativeTime(store, sig->time))
                               .arg(sig->pid)
                               .arg(sig->tid),
                           this);
        return;
    }
    const auto e = eventAt(pos);
    if (!e) {
        QToolTip::hideText();
        return;
    }
    const bool unfinished = store.flags(*e) & EventFlag::Unfinished;
    const TaskInfo& task = store.task(store.taskIndex(*e));
    const QString text =
        QStringLiteral(
            "<p style='white-space:pre'><b>%1</b><br>%2 at %3 s · pid %4 tid %5 (%6)</p>")
            .arg(eventLine(store, *e).toHtmlEscaped(),
                 unfinished ? tr("unfinished") : TimeAxis::formatDuration(store.duration(*e)),
                 relativeTime(store, store.enterTime(*e)))
            .arg(task.pid)
            .arg(task.tid)
            .arg(QString::fromStdString(task.comm).toHtmlEscaped());
    QToolTip::showText(globalPos, text, this);
}

} // namespace syscope::gui
