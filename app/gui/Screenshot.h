// `syscope --screenshot OUT.png [--view ID] [--size WxH] [--select N] FILE`: load FILE, show one
// view offscreen,
// save the window as a PNG, exit. For documentation and tests.
#pragma once

#include <QSize>
#include <QString>

namespace syscope::gui {

struct ScreenshotRequest {
    QString output;
    QString view = QStringLiteral("timeline");
    QSize size{1280, 800};
    QString trace;
    qint64 select = -1; // the event to select; -1: the table view picks the first failed call
};

// Parses "1280x800"; an invalid size gives an empty QSize.
QSize parseSize(const QString& text);

// Returns the process exit status; prints problems to stderr.
int takeScreenshot(const ScreenshotRequest& request);

} // namespace syscope::gui
