#include "road/RoadFocus.h"

namespace syscope::gui::road {

RoadFocus::RoadFocus(QObject* parent)
    : QObject(parent) {
}

void RoadFocus::setSyscall(Arch arch, int nr) {
    m_arch = arch;
    m_nr = nr;
    emit syscallChanged();
}

} // namespace syscope::gui::road
