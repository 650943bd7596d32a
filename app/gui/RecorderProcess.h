// The recorder as a child process: `syscope-cli record -o FILE ...` (DESIGN.md: the window never
// traces in its own process). stop() sends SIGTERM, on which the recorder kills launched
// programs or detaches from attached ones and closes the file; a recorder started with root
// rights (`pkexec syscope-cli record --stop-on-eof ...`) is stopped by closing its stdin. Its exit
// status and stderr become the error message shown to the user.
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace syscope::gui {

struct RecordOptions {
    QStringList command;  // program and arguments (empty when attaching)
    qint64 attachPid = 0; // attach instead of launching
    QString workingDirectory;
    QStringList environment; // NAME=VALUE additions
    bool followChildren = true;
    // Run the recorder with root rights through pkexec (attaching to other users' processes).
    // It is then stopped by closing its standard input: a user may not signal a root process.
    bool elevated = false;
    QString filter; // strace-like syscall set; empty: everything
    // Further `record` options, e.g. "--vdso" once the recorder has it.
    QStringList extraArguments;

    // The arguments after `syscope-cli` for recording into `output`.
    QStringList recorderArguments(const QString& output) const;
    // "ls -la /tmp" or "pid 1234", for titles.
    QString describe() const;
};

class RecorderProcess : public QObject {
    Q_OBJECT
public:
    explicit RecorderProcess(QObject* parent = nullptr);
    ~RecorderProcess() override; // stops a running recorder and waits for it

    // Default: findSyscopeCli().
    void setCliPath(const QString& path) { m_cliPath = path; }
    QString cliPath() const { return m_cliPath; }
    // What runs the recorder for RecordOptions::elevated; default: pkexec from PATH.
    void setElevatorPath(const QString& path) { m_elevatorPath = path; }
    QString elevatorPath() const { return m_elevatorPath; }
    // Whether elevated recording is possible and useful: not root already, pkexec found.
    static bool canElevate();

    // Starts recording into `output`. false (and errorString()) when the recorder cannot start;
    // otherwise finished() follows eventually.
    bool start(const RecordOptions& options, const QString& output);
    // Asks the recorder to end the session (SIGTERM); finished() follows.
    void stop();
    bool isRunning() const;
    QString output() const { return m_output; }
    QString errorString() const { return m_error; }
    // The recorder's own stderr so far (its summary line and warnings).
    QString diagnostics() const { return m_stderr; }

    // A fresh file name in the cache folder for a live recording of `options`.
    static QString newCacheFile(const RecordOptions& options);

signals:
    // ok: the recording ended normally (whatever the traced program's exit status).
    // message: the recorder's complaint for a failure, or its summary line.
    void finished(bool ok, int exitCode, const QString& message);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    // SIGTERM, or for a recorder running as root, the end of its stdin (record --stop-on-eof).
    void askToEnd();

    QProcess m_process;
    QString m_cliPath;
    QString m_elevatorPath;
    bool m_elevated = false;
    QString m_output;
    QString m_error;
    QString m_stderr;
    bool m_stopRequested = false;
};

} // namespace syscope::gui
