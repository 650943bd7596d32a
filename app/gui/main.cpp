// syscope: the desktop application.
//   syscope [FILE]                     start page, or open a trace / strace log
//   syscope --record -- CMD ARGS...    record a program right away
//   syscope --attach PID               attach to a running process right away
//   syscope --demo                     record the bundled demo workload
//   syscope --screenshot OUT.png [--view timeline|table|stats] [--size WxH] FILE
#include "MainWindow.h"
#include "Screenshot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

using namespace syscope::gui;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("syscope"));
    QApplication::setOrganizationName(QStringLiteral("syscope"));
    QApplication::setApplicationVersion(QStringLiteral(SYSCOPE_GUI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("syscope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Watch a program talk to the Linux kernel: record or open a trace and see "
                       "every syscall on a timeline, in a table and as statistics."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption record(
        QStringLiteral("record"),
        QStringLiteral("Record the command given after '--' right away."));
    const QCommandLineOption attach(QStringLiteral("attach"),
                                    QStringLiteral("Attach to the running process PID right away."),
                                    QStringLiteral("PID"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Record the bundled demo workload (syscope-demo)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Load FILE, render the window offscreen to OUT.png and exit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QStringLiteral("The view to show in the screenshot: timeline, table or stats."),
        QStringLiteral("VIEW"), QStringLiteral("timeline"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("The window size of the screenshot (default "
                                                 "1280x800)."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800"));
    parser.addOptions({record, attach, demo, screenshot, view, size});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A .syscope trace or an strace log to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);
    Q_UNUSED(help);
    Q_UNUSED(version);

    const QStringList positional = parser.positionalArguments();
    const auto usage = [](const char* message) {
        std::fprintf(stderr, "syscope: %s (see syscope --help)\n", message);
        return 2;
    };
    const int modes = int(parser.isSet(record)) + int(parser.isSet(attach)) +
                      int(parser.isSet(demo)) + int(parser.isSet(screenshot));
    if (modes > 1) {
        return usage("--record, --attach, --demo and --screenshot exclude each other");
    }
    if (parser.isSet(screenshot)) {
        if (positional.size() != 1) {
            return usage("--screenshot needs exactly one trace FILE");
        }
        ScreenshotRequest request;
        request.output = parser.value(screenshot);
        request.view = parser.value(view);
        request.size = parseSize(parser.value(size));
        request.trace = positional.first();
        if (request.size.isEmpty()) {
            return usage("--size takes WIDTHxHEIGHT, e.g. 1280x800");
        }
        return takeScreenshot(request);
    }
    if (parser.isSet(record) && positional.isEmpty()) {
        return usage("--record needs a command after '--'");
    }
    if (!parser.isSet(record) && positional.size() > 1) {
        return usage("give at most one FILE");
    }
    qint64 pid = 0;
    if (parser.isSet(attach)) {
        bool ok = false;
        pid = parser.value(attach).toLongLong(&ok);
        if (!ok || pid <= 0) {
            return usage("--attach takes a process id");
        }
    }

    MainWindow window;
    window.show();
    // Start after the event loop runs, so that the window is on screen first.
    QTimer::singleShot(0, &window, [&] {
        if (parser.isSet(record)) {
            RecordOptions options;
            options.command = positional;
            window.startRecording(options);
        } else if (pid > 0) {
            window.attachTo(pid);
        } else if (parser.isSet(demo)) {
            window.runDemo();
        } else if (!positional.isEmpty()) {
            window.openFile(positional.first());
        }
    });
    return app.exec();
}
