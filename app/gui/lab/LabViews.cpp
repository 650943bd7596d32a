#include "lab/LabViews.h"

#include "MainWindow.h"
#include "lab/AddressMapView.h"
#include "lab/AslrLabView.h"
#include "lab/LabResults.h"
#include "lab/LatencyView.h"
#include "lab/LectureMode.h"
#include "lab/LectureView.h"
#include "lab/VdsoView.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>

namespace syscope::gui::lab {

namespace {

LectureMode* lectureModeOf(MainWindow& window) {
    return window.findChild<LectureMode*>();
}

} // namespace

void registerLabViews(MainWindow& window, const AddViewFunction& addView) {
    auto* mode = new LectureMode(&window);
    auto* map = new AddressMapView(window.session(), window.selection());
    addView(QStringLiteral("map"), QObject::tr("Address &Map"), map);
    auto* latency = new LatencyView(window.session(), window.filteredEvents());
    addView(QStringLiteral("histogram"), QObject::tr("&Latency"), latency);
    auto* aslr = new AslrLabView;
    addView(QStringLiteral("aslr"), QObject::tr("AS&LR Lab"), aslr);
    auto* vdso = new VdsoView(window.session());
    addView(QStringLiteral("vdso"), QObject::tr("&vDSO"), vdso);
    auto* lecture = new LectureView(&window, mode);
    addView(QStringLiteral("lecture"), QObject::tr("Le&cture"), lecture);

    // Lines and plots follow the presentation scale.
    QObject::connect(mode, &LectureMode::toggled, latency, [latency, map] {
        latency->recompute();
        map->refresh();
    });
    // The menu bar is built after the views: add the entry once the window is complete.
    QTimer::singleShot(0, &window, [&window, mode] {
        QMenu* menu = nullptr;
        for (QAction* a : window.menuBar()->actions()) {
            if (a->menu() && a->text().remove(u'&') == QLatin1String("View")) {
                menu = a->menu();
            }
        }
        if (!menu) {
            menu = window.menuBar()->addMenu(QObject::tr("&Lecture"));
        } else {
            menu->addSeparator();
        }
        menu->addAction(mode->action());
    });
}

ScreenshotFile prepareScreenshot(MainWindow& window, const QString& view, const QString& file,
                                 QString* error) {
    if (view != QLatin1String("aslr") && view != QLatin1String("histogram") &&
        view != QLatin1String("lecture")) {
        return ScreenshotFile::NotMine;
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        return ScreenshotFile::NotMine; // the caller reports it
    }
    const QByteArray head = f.read(4096).trimmed();
    if (!head.startsWith('{')) {
        return ScreenshotFile::NotMine; // a trace or an strace log
    }
    f.seek(0);
    if (f.size() > 512ll * 1024 * 1024) {
        *error = QStringLiteral("%1: too large").arg(file);
        return ScreenshotFile::Failed;
    }
    const QByteArray json = f.readAll();
    if (view == QLatin1String("lecture")) {
        if (LectureMode* mode = lectureModeOf(window)) {
            mode->setOn(true); // before the plots are built: they take the large fonts
        }
    }
    QString aslrError;
    if (const auto r = AslrResult::fromJson(json, &aslrError)) {
        if (view == QLatin1String("histogram")) {
            *error = QStringLiteral("%1 is an ASLR result: show it with --view aslr").arg(file);
            return ScreenshotFile::Failed;
        }
        window.showView(view);
        if (view == QLatin1String("lecture")) {
            auto* lecture = qobject_cast<LectureView*>(window.view(view));
            lecture->showAslrResult(*r);
            lecture->setCurrentPage(r->randomize ? 2 : 3);
        } else {
            auto* lab = qobject_cast<AslrLabView*>(window.view(QStringLiteral("aslr")));
            // A second file next to it with "-norandom" in the name is shown beside it.
            QString other = file;
            other.replace(QStringLiteral(".json"), QStringLiteral("-norandom.json"));
            QString ignored;
            const auto second = other != file && QFile::exists(other)
                                    ? AslrResult::fromFile(other, &ignored)
                                    : std::nullopt;
            lab->showResults(*r, second);
        }
        return ScreenshotFile::Loaded;
    }
    QString benchError;
    if (const auto b = BenchResults::fromJson(json, &benchError)) {
        if (view == QLatin1String("aslr")) {
            *error = QStringLiteral("%1 is a bench-calls result: show it with --view histogram")
                         .arg(file);
            return ScreenshotFile::Failed;
        }
        if (view == QLatin1String("lecture")) {
            auto* lecture = qobject_cast<LectureView*>(window.view(view));
            lecture->showBenchmark(*b);
            lecture->setCurrentPage(4);
        } else {
            auto* latency = qobject_cast<LatencyView*>(window.view(QStringLiteral("histogram")));
            latency->showBenchmark(*b);
            latency->tabs()->setCurrentIndex(1);
        }
        window.showView(view);
        return ScreenshotFile::Loaded;
    }
    *error =
        QStringLiteral("%1: neither a trace nor aslr/bench-calls JSON (%2)").arg(file, aslrError);
    return ScreenshotFile::Failed;
}

void finishScreenshot(MainWindow& window, const QString& view) {
    if (view == QLatin1String("lecture")) {
        if (LectureMode* mode = lectureModeOf(window)) {
            mode->setOn(true);
        }
        if (auto* lecture = qobject_cast<LectureView*>(window.view(view))) {
            lecture->showTraceSummary();
        }
    }
    if (auto* map = qobject_cast<AddressMapView*>(window.view(QStringLiteral("map")))) {
        map->refresh();
    }
    if (auto* latency = qobject_cast<LatencyView*>(window.view(QStringLiteral("histogram")))) {
        if (latency->tabs()->currentIndex() == 0) {
            latency->recompute();
        }
        if (view == QLatin1String("histogram")) {
            latency->ensureOverheadMeasured(60000);
        }
    }
    if (auto* vdso = qobject_cast<VdsoView*>(window.view(QStringLiteral("vdso")))) {
        vdso->refresh();
    }
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
    }
}

} // namespace syscope::gui::lab
