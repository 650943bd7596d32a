// The interactive surface of the timeline: paints with TimelinePainter and turns mouse and
// keyboard input into zoom, pan, range selection, hover and click.
//   wheel: zoom around the cursor (Shift+wheel or a horizontal wheel: pan)
//   left drag: pan; Shift+left drag or any drag in the ruler: select a time range
//   click: select the event under the cursor; double-click in a range: zoom to it
//   + / -: zoom, Left / Right: pan, 0: fit, Z: zoom to range, Esc: clear range
#pragma once

#include "views/TimeAxis.h"
#include "views/TimelineLayout.h"
#include "views/TimelinePainter.h"

#include <QWidget>
#include <optional>

namespace syscope::gui {

class SelectionState;
class TraceSession;

class TimelineCanvas : public QWidget {
    Q_OBJECT
public:
    TimelineCanvas(TraceSession* session, SelectionState* selection, QWidget* parent = nullptr);

    TimeAxis& axis() { return m_axis; }
    const TimeAxis& axis() const { return m_axis; }
    const TimelineLayout& layout() const { return m_layout; }
    const TimelineIndex& index() const { return m_index; }
    int scrollY() const { return m_scrollY; }
    void setScrollY(int y);
    int rowsHeight() const; // visible height of the row area
    int labelWidth() const { return m_labelWidth; }
    int rulerHeight() const { return m_rulerHeight; }

    void zoomBy(double factor); // around the middle
    void fit();
    void zoomToRange();
    // Keeps the span and shows the latest data at the right edge.
    void followEnd();
    // The event drawn at a widget position, if any (within a few pixels).
    std::optional<std::size_t> eventAt(const QPoint& pos) const;
    // The delivered signal whose mark (top of a thread's lane) is under `pos`, if any.
    const ProcessEvent* signalAt(const QPoint& pos) const;
    // Brings an event's lane into view and centres its time.
    void reveal(std::size_t event, bool centreTime);
    // The paint options of the current state (for export).
    TimelinePaintOptions paintOptions() const;
    // Rebuilds lanes (after new tasks) and bounds.
    void refreshLayout();

    QSize sizeHint() const override { return {900, 400}; }
    // True while a click in this canvas is setting the selected event.
    bool isSelecting() const { return m_selecting; }

signals:
    // The user zoomed or panned (follow-live stops).
    void viewMovedByUser();
    void viewChanged();
    void layoutChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateMetrics();
    double plotX(const QPoint& pos) const { return pos.x() - m_labelWidth; }
    void showHoverTip(const QPoint& pos, const QPoint& globalPos);

    TraceSession* m_session;
    SelectionState* m_selection;
    TimeAxis m_axis;
    TimelineLayout m_layout;
    TimelineIndex m_index;
    TimelinePainter m_painter;
    int m_scrollY = 0;
    int m_labelWidth = 200;
    int m_rulerHeight = 24;
    int m_laneHeight = 20;

    enum class Drag { None, Pan, Range };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_moved = false;
    TimeNs m_rangeAnchor = 0;
    bool m_selecting = false;
};

} // namespace syscope::gui
