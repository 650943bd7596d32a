// Small shared pieces of the lab views: number formatting, the map-kind colours, and the
// PNG/SVG/PDF export of a plot or a painted widget (through PictureExport).
#pragma once

#include "lab/AddressLayout.h"

#include <QColor>
#include <QString>
#include <functional>

class QCustomPlot;
class QPainter;
class QPushButton;
class QRect;
class QWidget;

namespace syscope::gui::lab {

// 1234 -> "1.23 µs"; 950 -> "950 ns"; 2.5e9 -> "2.50 s".
QString formatNs(double ns);
QString hexAddress(std::uint64_t value);
QColor mapKindColor(MapKind kind);

// Paints a QCustomPlot into any painter (vector commands, so SVG and PDF stay sharp).
void paintPlot(QCustomPlot* plot, QPainter& painter, const QRect& target);

// A button "Export…" that saves `paint` (at the size of `sizeSource`) as PNG, SVG or PDF.
QPushButton* makeExportButton(QWidget* parent, const QString& title, const QString& baseName,
                              QWidget* sizeSource,
                              std::function<void(QPainter&, const QRect&)> paint);
QPushButton* makePlotExportButton(QWidget* parent, const QString& title, const QString& baseName,
                                  QCustomPlot* plot);

// The note every latency view carries: ptrace's own cost per syscall.
QString ptraceCostNote();

} // namespace syscope::gui::lab
