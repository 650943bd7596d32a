#include "Screenshot.h"

#include "MainWindow.h"
#include "SelectionState.h"
#include "TraceSession.h"
#include "lab/LabViews.h"
#include "road/RoadViews.h"
#include "views/StatisticsView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QPixmap>
#include <QRegularExpression>
#include <cstdio>

namespace syscope::gui {

QSize parseSize(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        return {};
    }
    const int w = m.captured(1).toInt();
    const int h = m.captured(2).toInt();
    if (w < 200 || h < 150 || w > 10000 || h > 10000) {
        return {};
    }
    return {w, h};
}

int takeScreenshot(const ScreenshotRequest& request) {
    const auto fail = [](const QString& message) {
        std::fprintf(stderr, "syscope: %s\n", qPrintable(message));
        return 1;
    };
    if (!QFileInfo(request.trace).isFile()) {
        return fail(QStringLiteral("--screenshot: cannot read the trace '%1'").arg(request.trace));
    }
    MainWindow window;
    if (!window.view(request.view)) {
        return fail(QStringLiteral("--view: '%1' is not a view of this build (views: %2)")
                        .arg(request.view, window.viewIds().join(QStringLiteral(", "))));
    }
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(request.size);
    window.show();
    // The lab views also take their own files (aslr / bench-calls JSON) instead of a trace.
    QString labError;
    const auto labFile = lab::prepareScreenshot(window, request.view, request.trace, &labError);
    if (labFile == lab::ScreenshotFile::Failed) {
        return fail(QStringLiteral("--screenshot: %1").arg(labError));
    }
    if (labFile == lab::ScreenshotFile::NotMine) {
        window.openFile(request.trace);
        // An strace log is imported by syscope-cli first: wait for the session to start.
        QElapsedTimer clock;
        clock.start();
        while (window.session()->state() == TraceSession::State::Empty && clock.elapsed() < 60000 &&
               window.lastMessage().isEmpty()) {
            QApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        if (!window.session()->waitUntilLoaded(120000)) {
            return fail(
                QStringLiteral("--screenshot: loading %1 took too long").arg(request.trace));
        }
        if (window.session()->state() != TraceSession::State::Ready) {
            return fail(QStringLiteral("--screenshot: %1")
                            .arg(window.lastMessage().isEmpty() ? window.session()->error()
                                                                : window.lastMessage()));
        }
    }
    window.showView(request.view);
    window.statisticsView()->recompute();
    if (request.select >= 0) {
        if (std::size_t(request.select) >= window.session()->store().eventCount()) {
            return fail(QStringLiteral("--select: the trace has %1 events")
                            .arg(window.session()->store().eventCount()));
        }
        window.selection()->setSelectedEvent(request.select);
    } else if (request.view == QLatin1String("table")) {
        // Show the detail pane at work: on the first failed call (else the first call).
        const TraceStore& store = window.session()->store();
        qint64 pick = store.eventCount() > 0 ? 0 : -1;
        for (std::size_t i = 0; i < store.eventCount(); ++i) {
            const std::int64_t ret = store.ret(i);
            if (!(store.flags(i) & EventFlag::Unfinished) && ret < 0 && ret >= -4095) {
                pick = qint64(i);
                break;
            }
        }
        window.selection()->setSelectedEvent(pick);
    }
    lab::finishScreenshot(window, request.view);
    road::finishScreenshot(window, request.view);
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
    }
    const QPixmap shot = window.grab();
    if (shot.isNull() || !shot.save(request.output, "PNG")) {
        return fail(QStringLiteral("--screenshot: cannot write %1").arg(request.output));
    }
    return 0;
}

} // namespace syscope::gui
