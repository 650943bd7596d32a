// Part 2 of the window: the address map, the ASLR lab, latency histograms, the vDSO view and
// the guided lecture, registered from MainWindow::createViews() in one call; and what
// `syscope --screenshot --view map|aslr|histogram|vdso|lecture` needs from them.
#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace syscope::gui {
class MainWindow;
}

namespace syscope::gui::lab {

using AddViewFunction = std::function<void(const QString& id, const QString& title, QWidget*)>;

// View ids: "map", "aslr", "histogram", "vdso", "lecture". Also adds the Lecture Mode action
// (Ctrl+Shift+L) to the window.
void registerLabViews(MainWindow& window, const AddViewFunction& addView);

enum class ScreenshotFile {
    NotMine, // a trace: the caller loads it as usual
    Loaded,  // a lab file (aslr or bench-calls JSON) was shown; the caller must not load it
    Failed,  // a lab file that could not be read (*error says why)
};

// Before loading: lets the lab open `file` itself when it is not a trace.
ScreenshotFile prepareScreenshot(MainWindow& window, const QString& view, const QString& file,
                                 QString* error);
// After loading, before grabbing: brings the lab's views up to date at once (they normally
// coalesce updates on timers), and switches lecture mode on for the lecture view.
void finishScreenshot(MainWindow& window, const QString& view);

} // namespace syscope::gui::lab
