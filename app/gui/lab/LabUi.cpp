#include "lab/LabUi.h"

#include "PictureExport.h"

#include <QPainter>
#include <QPicture>
#include <QPushButton>
#include <qcustomplot.h>

namespace syscope::gui::lab {

QString formatNs(double ns) {
    if (ns < 1000) {
        return QStringLiteral("%1 ns").arg(ns, 0, 'f', ns < 10 ? 1 : 0);
    }
    if (ns < 1e6) {
        return QStringLiteral("%1 µs").arg(ns / 1e3, 0, 'f', ns < 1e4 ? 2 : (ns < 1e5 ? 1 : 0));
    }
    if (ns < 1e9) {
        return QStringLiteral("%1 ms").arg(ns / 1e6, 0, 'f', ns < 1e7 ? 2 : (ns < 1e8 ? 1 : 0));
    }
    return QStringLiteral("%1 s").arg(ns / 1e9, 0, 'f', 2);
}

QString hexAddress(std::uint64_t value) {
    return QStringLiteral("0x") + QString::number(value, 16);
}

QColor mapKindColor(MapKind kind) {
    switch (kind) {
    case MapKind::Executable:
        return QColor(0xe6, 0x55, 0x0d);
    case MapKind::Heap:
        return QColor(0x31, 0xa3, 0x54);
    case MapKind::SharedLibrary:
        return QColor(0x31, 0x82, 0xbd);
    case MapKind::Anonymous:
        return QColor(0x9e, 0x9a, 0xc8);
    case MapKind::Stack:
        return QColor(0xe7, 0xba, 0x52);
    case MapKind::VdsoVvar:
        return QColor(0xd6, 0x27, 0x8b);
    case MapKind::Vsyscall:
        return QColor(0x6a, 0x3d, 0x9a);
    case MapKind::File:
        return QColor(0x96, 0x96, 0x96);
    }
    return Qt::gray;
}

void paintPlot(QCustomPlot* plot, QPainter& painter, const QRect& target) {
    QPicture picture;
    {
        QCPPainter recorder(&picture);
        plot->toPainter(&recorder, target.width(), target.height());
    }
    painter.drawPicture(target.topLeft(), picture);
}

QPushButton* makeExportButton(QWidget* parent, const QString& title, const QString& baseName,
                              QWidget* sizeSource,
                              std::function<void(QPainter&, const QRect&)> paint) {
    auto* button = new QPushButton(QObject::tr("Export…"), parent);
    button->setToolTip(QObject::tr("Save this picture as PNG (2× resolution), SVG or PDF"));
    QObject::connect(button, &QPushButton::clicked, parent, [=] {
        QSize size = sizeSource->size();
        if (size.width() < 400 || size.height() < 250) {
            size = QSize(1280, 720);
        }
        exportPictureInteractively(parent, title, baseName, size, paint);
    });
    return button;
}

QPushButton* makePlotExportButton(QWidget* parent, const QString& title, const QString& baseName,
                                  QCustomPlot* plot) {
    return makeExportButton(parent, title, baseName, plot,
                            [plot](QPainter& p, const QRect& r) { paintPlot(plot, p, r); });
}

QString ptraceCostNote() {
    return QObject::tr("Durations are measured under ptrace: each syscall stops the program "
                       "twice (entry and exit) and switches to the tracer, which adds its own "
                       "cost to every call.");
}

} // namespace syscope::gui::lab
