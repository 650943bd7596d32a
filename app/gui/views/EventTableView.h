// The event table view: filter bar, the table of FilteredEvents, and the detail pane of the
// selected event. Row selection and SelectionState::selectedEvent follow each other.
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace syscope::gui {

class EventDetailPane;
class EventTableModel;
class FilterBar;
class FilteredEvents;
class SelectionState;
class TraceSession;

class EventTableView : public QWidget {
    Q_OBJECT
public:
    EventTableView(TraceSession* session, SelectionState* selection, FilteredEvents* events,
                   QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    EventTableModel* model() const { return m_model; }
    FilterBar* filterBar() const { return m_filterBar; }
    EventDetailPane* detailPane() const { return m_detail; }

private:
    void onCurrentRowChanged();
    void onSelectedEvent(qint64 event);
    void updateCount();

    TraceSession* m_session;
    SelectionState* m_selection;
    FilteredEvents* m_events;
    FilterBar* m_filterBar;
    QTableView* m_table;
    EventTableModel* m_model;
    EventDetailPane* m_detail;
    QLabel* m_count;
    bool m_syncing = false;
    bool m_columnsSized = false;
};

} // namespace syscope::gui
