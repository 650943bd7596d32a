// The window's status bar: events, events per second, processes and threads, elapsed time (or the
// trace's length), the state of the session, and a progress bar with Cancel while a file loads.
#pragma once

#include <QStatusBar>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace syscope::gui {

class TraceSession;

class SessionStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit SessionStatusBar(TraceSession* session, QWidget* parent = nullptr);

    // "12,345 events · 2,345 events/s · 2 processes, 5 threads · 0:12 elapsed"
    QString summary() const;
    void refresh();

private:
    TraceSession* m_session;
    QLabel* m_state;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QTimer* m_timer;
};

} // namespace syscope::gui
