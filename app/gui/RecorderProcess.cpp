#include "RecorderProcess.h"

#include "ToolLocator.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <unistd.h>

namespace syscope::gui {

QStringList RecordOptions::recorderArguments(const QString& output) const {
    QStringList args{QStringLiteral("record"), QStringLiteral("-o"), output};
    if (attachPid > 0) {
        args << QStringLiteral("--pid") << QString::number(attachPid);
    }
    if (!followChildren) {
        args << QStringLiteral("--no-follow");
    }
    if (elevated) {
        args << QStringLiteral("--stop-on-eof");
    }
    if (!filter.trimmed().isEmpty()) {
        args << QStringLiteral("--filter") << filter.trimmed();
    }
    if (!workingDirectory.isEmpty()) {
        args << QStringLiteral("--cwd") << workingDirectory;
    }
    for (const QString& e : environment) {
        args << QStringLiteral("--env") << e;
    }
    args << extraArguments;
    if (attachPid <= 0) {
        args << QStringLiteral("--") << command;
    }
    return args;
}

QString RecordOptions::describe() const {
    if (attachPid > 0) {
        return QStringLiteral("pid %1").arg(attachPid);
    }
    return command.join(u' ');
}

RecorderProcess::RecorderProcess(QObject* parent)
    : QObject(parent)
    , m_cliPath(findSyscopeCli())
    , m_elevatorPath(QStandardPaths::findExecutable(QStringLiteral("pkexec"))) {
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // The traced program's stdout goes nowhere; its output is not what the window shows.
    m_process.setStandardOutputFile(QProcess::nullDevice());
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += QString::fromLocal8Bit(m_process.readAllStandardError());
        if (m_stderr.size() > 64 * 1024) {
            m_stderr = m_stderr.right(64 * 1024);
        }
    });
    connect(&m_process, &QProcess::finished, this, &RecorderProcess::onFinished);
}

bool RecorderProcess::canElevate() {
    return ::geteuid() != 0 && !QStandardPaths::findExecutable(QStringLiteral("pkexec")).isEmpty();
}

RecorderProcess::~RecorderProcess() {
    if (isRunning()) {
        disconnect(&m_process, nullptr, this, nullptr);
        askToEnd();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

QString RecorderProcess::newCacheFile(const RecordOptions& options) {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty()) {
        dir = QDir::tempPath();
    }
    dir += QStringLiteral("/recordings");
    QDir().mkpath(dir);
    QString name = options.attachPid > 0 ? QStringLiteral("pid%1").arg(options.attachPid)
                                         : QFileInfo(options.command.value(0)).fileName();
    name.replace(QLatin1Char(' '), QLatin1Char('_'));
    if (name.isEmpty()) {
        name = QStringLiteral("trace");
    }
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = QStringLiteral("%1/syscope-%2-%3.syscope").arg(dir, name, stamp);
    for (int n = 2; QFileInfo::exists(path); ++n) {
        path = QStringLiteral("%1/syscope-%2-%3-%4.syscope").arg(dir, name, stamp).arg(n);
    }
    return path;
}

bool RecorderProcess::start(const RecordOptions& options, const QString& output) {
    m_error.clear();
    m_stderr.clear();
    m_stopRequested = false;
    if (isRunning()) {
        m_error = tr("a recording is already running");
        return false;
    }
    if (m_cliPath.isEmpty()) {
        m_error = tr("syscope-cli was not found next to syscope or in PATH");
        return false;
    }
    if (options.attachPid <= 0 && options.command.isEmpty()) {
        m_error = tr("no command to record");
        return false;
    }
    m_output = output;
    m_elevated = options.elevated;
    if (m_elevated) {
        if (m_elevatorPath.isEmpty()) {
            m_error = tr("pkexec was not found: install it (apt install pkexec) or run syscope as "
                         "root to attach to other users' processes");
            return false;
        }
        m_process.start(m_elevatorPath, QStringList{m_cliPath} + options.recorderArguments(output));
    } else {
        m_process.start(m_cliPath, options.recorderArguments(output));
    }
    const QString program = m_elevated ? m_elevatorPath : m_cliPath;
    if (!m_process.waitForStarted(5000)) {
        m_error = tr("cannot start the recorder %1: %2").arg(program, m_process.errorString());
        return false;
    }
    return true;
}

void RecorderProcess::askToEnd() {
    if (m_elevated) {
        m_process.closeWriteChannel(); // the recorder runs as root: no signals from us
    } else {
        m_process.terminate();
    }
}

void RecorderProcess::stop() {
    if (isRunning()) {
        m_stopRequested = true;
        askToEnd();
    }
}

bool RecorderProcess::isRunning() const {
    return m_process.state() != QProcess::NotRunning;
}

void RecorderProcess::onFinished(int exitCode, QProcess::ExitStatus status) {
    m_stderr += QString::fromLocal8Bit(m_process.readAllStandardError());
    const QString lastLines = m_stderr.trimmed();
    if (status == QProcess::CrashExit) {
        m_error = tr("the recorder crashed");
        if (!lastLines.isEmpty()) {
            m_error += QStringLiteral(": ") + lastLines;
        }
        emit finished(false, -1, m_error);
        return;
    }
    // The recorder's exit status is the traced program's; only its own failures matter here:
    // no trace written (the file is missing) or a complaint without a summary line.
    const bool wrote = QFileInfo(m_output).size() > 0;
    const bool summary = lastLines.contains(QLatin1String(" written to "));
    if (!wrote || (exitCode != 0 && !summary && !m_stopRequested)) {
        m_error = lastLines.isEmpty() ? tr("the recorder failed (exit status %1)").arg(exitCode)
                                      : lastLines;
        if (m_elevated && !wrote && (exitCode == 126 || exitCode == 127)) {
            // pkexec's own failures: authentication refused or dismissed, no agent.
            m_error =
                tr("administrator rights were not granted (pkexec: %1)")
                    .arg(lastLines.isEmpty() ? tr("exit status %1").arg(exitCode) : lastLines);
        }
        emit finished(false, exitCode, m_error);
        return;
    }
    emit finished(true, exitCode, lastLines);
}

} // namespace syscope::gui
