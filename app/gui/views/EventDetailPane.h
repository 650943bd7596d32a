// Everything about the selected event: the full decoded line, times, the raw arguments and
// return value in hex, the strings read from the tracee, and its process's command line.
#pragma once

#include <QTextBrowser>

namespace syscope {
class TraceStore;
}

namespace syscope::gui {

class SelectionState;
class TraceSession;

class EventDetailPane : public QTextBrowser {
    Q_OBJECT
public:
    EventDetailPane(TraceSession* session, SelectionState* selection, QWidget* parent = nullptr);

    // The HTML shown for one event (also used by tests).
    static QString describe(const TraceStore& store, std::size_t event);

    QSize sizeHint() const override { return {300, 160}; }

private:
    void describeEvent(qint64 event);

    TraceSession* m_session;
};

} // namespace syscope::gui
