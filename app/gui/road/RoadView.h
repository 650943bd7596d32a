// The road view: one syscall's path from the program through glibc and the `syscall`
// instruction into the kernel (entry point, dispatcher, handler) and back, drawn with this
// event's number, arguments and return value and this boot's kernel addresses (RoadPainter).
// It follows SelectionState::selectedEvent() (an event picked in the timeline or table) and
// RoadFocus (a syscall picked in the syscall table), whichever changed last. With neither, it
// shows the program's first openat of a file that is not a library (or any openat, or the first
// event), or openat from the table without a trace.
#pragma once

#include "kernel/SyscallRoad.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace syscope::gui {
class SelectionState;
class TraceSession;
} // namespace syscope::gui

namespace syscope::gui::road {

class RoadFocus;

class RoadCanvas : public QWidget {
    Q_OBJECT
public:
    explicit RoadCanvas(QWidget* parent = nullptr);
    void setRoad(const SyscallRoad& road);
    const SyscallRoad& road() const { return m_road; }
    // Fonts follow the widget's font (lecture mode enlarges it).
    double fontScale() const;
    QSize sizeHint() const override { return {1100, 640}; }
    QSize minimumSizeHint() const override { return {640, 420}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    SyscallRoad m_road;
};

class RoadView : public QWidget {
    Q_OBJECT
public:
    RoadView(TraceSession* session, SelectionState* selection, RoadFocus* focus,
             QWidget* parent = nullptr);

    const SyscallRoad& road() const { return m_canvas->road(); }
    RoadCanvas* canvas() const { return m_canvas; }
    // The store index of the event drawn, or -1 (a road from the table).
    qint64 shownEvent() const { return m_shownEvent; }
    // Rebuilds now (normally coalesced on a timer).
    void refresh();

protected:
    // The road is built when the view is visible (building it reads /proc/kallsyms once).
    void showEvent(QShowEvent* event) override;

private:
    enum class Source { Default, Event, Table };
    void schedule();
    void exportPicture();
    qint64 defaultEvent() const;
    SyscallRoad roadForEvent(qint64 event) const;

    TraceSession* m_session;
    SelectionState* m_selection;
    RoadFocus* m_focus;
    RoadCanvas* m_canvas;
    QLabel* m_caption;
    QTimer m_timer;
    Source m_source = Source::Default;
    qint64 m_shownEvent = -1;
    bool m_stale = true; // something changed while the view was hidden
};

} // namespace syscope::gui::road
