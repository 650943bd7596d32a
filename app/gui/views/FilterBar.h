// The filter bar above the event table: syscall names and classes, failed only, pid/tid, text in
// arguments, minimum duration. Edits go to SelectionState::setFilter() (so the statistics and
// later views follow); invalid input is marked and explained in a tooltip.
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QTimer;

namespace syscope::gui {

class SelectionState;

class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(SelectionState* selection, QWidget* parent = nullptr);

    QLineEdit* syscallsEdit() const { return m_syscalls; }
    // Builds the filter from the fields now and applies it; false when a field is invalid.
    bool apply();
    void clearAll();

private:
    void markInvalid(QLineEdit* edit, const QString& problem);
    void loadFrom(const class EventFilter& filter);

    SelectionState* m_selection;
    QLineEdit* m_syscalls;
    QCheckBox* m_failed;
    QLineEdit* m_id;
    QLineEdit* m_text;
    QLineEdit* m_minDuration;
    QTimer* m_debounce;
};

} // namespace syscope::gui
