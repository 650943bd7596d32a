// Saves a picture as PNG, SVG or PDF (chosen by the file's suffix) from one paint function, so
// every view can offer slide-ready exports: PNG at twice the on-screen resolution, SVG and PDF
// as vector graphics.
#pragma once

#include <QSize>
#include <QString>
#include <functional>

class QPainter;
class QRect;
class QWidget;

namespace syscope::gui {

using PaintFunction = std::function<void(QPainter& painter, const QRect& target)>;

// false and *error when the format is unknown or the file cannot be written.
bool exportPicture(const QString& path, QSize size, const PaintFunction& paint, QString* error);

// Asks for a file name (PNG/SVG/PDF filters) and exports; reports failures in a message box.
void exportPictureInteractively(QWidget* parent, const QString& title, const QString& baseName,
                                QSize size, const PaintFunction& paint);

} // namespace syscope::gui
