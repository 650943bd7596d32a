// Issue 8's two views, registered from MainWindow::createViews() in one call: "syscalls" (the
// syscall table) and "road" (the road of one call into the kernel). They share a RoadFocus.
#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace syscope::gui {
class MainWindow;
}

namespace syscope::gui::road {

using AddViewFunction = std::function<void(const QString& id, const QString& title, QWidget*)>;

void registerRoadViews(MainWindow& window, const AddViewFunction& addView);

// For `syscope --screenshot --view syscalls|road`: brings the views up to date at once.
void finishScreenshot(MainWindow& window, const QString& view);

} // namespace syscope::gui::road
