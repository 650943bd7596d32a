// Shared by the test suites that run the command-line tool as users do.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace syscope::testutil {

struct CliRun {
    int exitCode = -1; // -1: it crashed, or did not end in time (it was then killed)
    QByteArray out;
    QByteArray err;
};

// Runs `syscope-cli ARGS...` (the build's own) to its end and collects what it printed.
inline CliRun runSyscopeCli(const QStringList& args, int timeoutMs) {
    QProcess p;
    p.start(QStringLiteral(SYSCOPE_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace syscope::testutil
