// Draws a SyscallRoad as a lecture picture: the user-space band above, the kernel band below,
// the way in down the left column (program, glibc, syscall instruction; entry point, dispatcher,
// handler), the registers at the instruction in the middle, and the way back up the right column
// (sysret with rax; -1 and errno, or the result). A vDSO call stays in the user band.
// Sizes follow the target rectangle, so the same code serves the window, screenshots and slides.
#pragma once

#include "kernel/SyscallRoad.h"

#include <QPalette>
#include <QRectF>

class QPainter;

namespace syscope::gui::road {

struct RoadPaintOptions {
    QPalette palette;
    double fontScale = 1.0; // lecture mode makes everything larger
};

void paintRoad(QPainter& p, const QRectF& rect, const SyscallRoad& road,
               const RoadPaintOptions& options);

// Where paintRoad puts each step (index into road.steps) for `rect`: for tests and hit testing.
std::vector<QRectF> roadStepRects(const QRectF& rect, const SyscallRoad& road);

// "257", "-2", "0x7ffd3a4c1f60": decimal for small values, hex for addresses.
QString registerValueText(std::uint64_t value);

} // namespace syscope::gui::road
