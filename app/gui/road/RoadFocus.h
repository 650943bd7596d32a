// The syscall the road view draws when it was picked in the syscall table rather than as an
// event of the trace. Shared by the two road views (the table writes, the road view reads), so
// neither talks to the other.
#pragma once

#include "trace/Event.h"

#include <QObject>

namespace syscope::gui::road {

class RoadFocus : public QObject {
    Q_OBJECT
public:
    explicit RoadFocus(QObject* parent = nullptr);

    bool hasSyscall() const { return m_nr >= 0; }
    Arch arch() const { return m_arch; }
    int nr() const { return m_nr; }
    // Emits even for the same syscall: picking it again brings its road back after an event.
    void setSyscall(Arch arch, int nr);

signals:
    void syscallChanged();

private:
    Arch m_arch = Arch::X86_64;
    int m_nr = -1;
};

} // namespace syscope::gui::road
