// syscope: the desktop application.
//   syscope [FILE]                     start page, or open a trace / strace log
//   syscope --record -- CMD ARGS...    record a program right away
//   syscope --attach PID               attach to a running process right away
//   syscope --demo                     record the bundled demo workload
//   syscope --screenshot OUT.png [--view VIEW] [--size WxH] [--select N] FILE
// The window follows the desktop's palette; SYSCOPE_PALETTE=dark or =light forces one (for
// screenshots and for checking both).
#include "MainWindow.h"
#include "Screenshot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <cstdio>

using namespace syscope::gui;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("syscope"));
    QApplication::setOrganizationName(QStringLiteral("syscope"));
    QApplication::setApplicationVersion(QStringLiteral(SYSCOPE_GUI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("syscope"));
    const QString forcedPalette = qEnvironmentVariable("SYSCOPE_PALETTE");
    if (forcedPalette == QLatin1String("dark") || forcedPalette == QLatin1String("light")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette p = QApplication::style()->standardPalette();
        if (forcedPalette == QLatin1String("dark")) {
            const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe6, 0xe6, 0xe6);
            p.setColor(QPalette::Window, window);
            p.setColor(QPalette::WindowText, text);
            p.setColor(QPalette::Base, base);
            p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
            p.setColor(QPalette::Text, text);
            p.setColor(QPalette::Button, window);
            p.setColor(QPalette::ButtonText, text);
            p.setColor(QPalette::ToolTipBase, base);
            p.setColor(QPalette::ToolTipText, text);
            p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x8a));
            p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
            p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd8));
            p.setColor(QPalette::HighlightedText, Qt::white);
            p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
            p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
            p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        }
        QApplication::setPalette(p);
    }

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
    const QCommandLineOption select(
        QStringLiteral("select"),
        QStringLiteral("The event to select in the screenshot (its index in the trace, from 0)."),
        QStringLiteral("N"));
    parser.addOptions({record, attach, demo, screenshot, view, size, select});
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
        if (parser.isSet(select)) {
            bool ok = false;
            request.select = parser.value(select).toLongLong(&ok);
            if (!ok || request.select < 0) {
                return usage("--select takes an event index (0, 1, ...)");
            }
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
