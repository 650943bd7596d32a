#include "PictureExport.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace syscope::gui {

bool exportPicture(const QString& path, QSize size, const PaintFunction& paint, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QRect target(QPoint(0, 0), size);
    if (suffix == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2.0);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setRenderHint(QPainter::TextAntialiasing, true);
            paint(p, target);
        }
        if (!image.save(path, "PNG")) {
            *error = QObject::tr("cannot write %1").arg(path);
            return false;
        }
        return true;
    }
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(target);
        svg.setTitle(QStringLiteral("syscope"));
        QPainter p;
        if (!p.begin(&svg)) {
            *error = QObject::tr("cannot write %1").arg(path);
            return false;
        }
        paint(p, target);
        p.end();
        return QFileInfo(path).size() > 0 ||
               (*error = QObject::tr("cannot write %1").arg(path), false);
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setTitle(QStringLiteral("syscope"));
        pdf.setCreator(QStringLiteral("syscope"));
        pdf.setResolution(96);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setPageSize(QPageSize(QSizeF(size.width() * 72.0 / 96.0, size.height() * 72.0 / 96.0),
                                  QPageSize::Point));
        QPainter p;
        if (!p.begin(&pdf)) {
            *error = QObject::tr("cannot write %1").arg(path);
            return false;
        }
        paint(p, target);
        p.end();
        return true;
    }
    *error = QObject::tr("unknown picture format '%1': use .png, .svg or .pdf").arg(suffix);
    return false;
}

void exportPictureInteractively(QWidget* parent, const QString& title, const QString& baseName,
                                QSize size, const PaintFunction& paint) {
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        parent, title, baseName + QStringLiteral(".png"),
        QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &selected);
    if (path.isEmpty()) {
        return;
    }
    QString finalPath = path;
    if (QFileInfo(path).suffix().isEmpty()) {
        finalPath += selected.contains(QLatin1String("svg"))   ? QStringLiteral(".svg")
                     : selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                               : QStringLiteral(".png");
    }
    QString error;
    if (!exportPicture(finalPath, size, paint, &error)) {
        QMessageBox::warning(parent, title, error);
    }
}

} // namespace syscope::gui
