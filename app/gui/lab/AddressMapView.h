// The address map view: the maps snapshot of one process at the cursor time (SelectionState),
// drawn by AddressMapCanvas, with the causing syscall, the vsyscall-mode badge and a legend.
// Process: the selected event's, else the first process that has snapshots.
#pragma once

#include "trace/Event.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QTimer;

namespace syscope::gui {
class SelectionState;
class TraceSession;
} // namespace syscope::gui

namespace syscope::gui::lab {

class AddressMapCanvas;

class AddressMapView : public QWidget {
    Q_OBJECT
public:
    AddressMapView(TraceSession* session, SelectionState* selection, QWidget* parent = nullptr);

    AddressMapCanvas* canvas() const { return m_canvas; }
    // The pid and snapshot time shown (0, 0 when nothing is shown).
    std::int32_t shownPid() const { return m_pid; }
    TimeNs shownSnapshotTime() const { return m_snapshotTime; }
    QString headerText() const;
    // Redraws for the current selection at once (the view normally coalesces updates).
    void refresh();

private:
    void schedule();
    std::int32_t choosePid() const;
    TimeNs chooseTime() const;

    TraceSession* m_session;
    SelectionState* m_selection;
    AddressMapCanvas* m_canvas;
    QScrollArea* m_scroll;
    QLabel* m_header;
    QLabel* m_badge;
    QLabel* m_legend;
    QTimer* m_timer;
    std::int32_t m_pid = 0;
    TimeNs m_snapshotTime = 0;
};

} // namespace syscope::gui::lab
