#include "road/RoadViews.h"

#include "MainWindow.h"
#include "road/RoadFocus.h"
#include "road/RoadView.h"
#include "road/SyscallTableModel.h"
#include "road/SyscallTableView.h"

namespace syscope::gui::road {

void registerRoadViews(MainWindow& window, const AddViewFunction& addView) {
    auto* focus = new RoadFocus(&window);
    MainWindow* w = &window;
    auto* table = new SyscallTableView(window.session(), window.selection(), focus,
                                       [w] { w->showView(QStringLiteral("timeline")); });
    addView(QStringLiteral("syscalls"), QObject::tr("S&yscalls"), table);
    auto* road = new RoadView(window.session(), window.selection(), focus);
    addView(QStringLiteral("road"), QObject::tr("&Road"), road);
}

void finishScreenshot(MainWindow& window, const QString& view) {
    if (view == QLatin1String("syscalls")) {
        if (auto* t = qobject_cast<SyscallTableView*>(window.view(view))) {
            t->loadKernelSymbols();
            t->updateCounts();
            if (t->model()->hasCounts()) {
                t->sortByCalls();
            }
        }
    } else if (view == QLatin1String("road")) {
        if (auto* r = qobject_cast<RoadView*>(window.view(view))) {
            r->refresh();
        }
    }
}

} // namespace syscope::gui::road
