// The timeline view: toolbar (zoom, fit, zoom to range, follow live, clear range), the canvas
// with one lane per thread, a vertical scroll bar and the colour legend.
#pragma once

#include <QWidget>

class QAction;
class QScrollBar;
class QToolBar;

namespace syscope::gui {

class SelectionState;
class TimelineCanvas;
class TraceSession;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    TimelineView(TraceSession* session, SelectionState* selection, QWidget* parent = nullptr);

    TimelineCanvas* canvas() const { return m_canvas; }
    // For the main window's View menu (they carry the shortcuts).
    QList<QAction*> viewActions() const;
    QAction* followLiveAction() const { return m_follow; }

    bool followLive() const;
    void setFollowLive(bool on);

    // Renders the canvas with its legend (for PNG/SVG/PDF export).
    void renderForExport(QPainter& painter, const QRect& target);
    QSize exportSize() const;

private:
    void onAppended();
    void onCleared();
    void onSelectedEvent(qint64 event);
    void syncScrollBar();

    TraceSession* m_session;
    SelectionState* m_selection;
    QToolBar* m_toolBar;
    TimelineCanvas* m_canvas;
    QScrollBar* m_scroll;
    QWidget* m_legend;
    QAction* m_zoomIn;
    QAction* m_zoomOut;
    QAction* m_fit;
    QAction* m_zoomRange;
    QAction* m_follow;
    QAction* m_clearRange;
    bool m_fitted = false;
    bool m_userMoved = false;
};

} // namespace syscope::gui
