// One run of syscope-cli as a child process (`aslr ... --json`, `bench-calls --json`,
// `record ...`): collects stdout, turns the `progress DONE/TOTAL` lines on stderr into a
// signal, and reports the end once. cancel() sends SIGTERM, on which the CLI's experiments stop
// early and still print what they have. Each start() gets a new job id; the results of a job
// that was superseded are never reported (like hotspot's JobTracker).
#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>

namespace syscope::gui::lab {

class CliJob : public QObject {
    Q_OBJECT
public:
    explicit CliJob(QObject* parent = nullptr);
    ~CliJob() override; // kills a running child and waits for it

    // Default: findSyscopeCli().
    void setCliPath(const QString& path) { m_cliPath = path; }
    QString cliPath() const;

    // false (and errorString()) when the CLI cannot be found or started.
    bool start(const QStringList& arguments);
    void cancel();
    bool isRunning() const;
    int jobId() const { return m_jobId; }
    QString errorString() const { return m_error; }
    QStringList arguments() const { return m_arguments; }

    // Runs to the end, for tests and the screenshot mode; false on timeout.
    bool waitForFinished(int timeoutMs);

signals:
    void progress(int done, int total);
    // ok: exit status 0. output: stdout. message: stderr's last lines when !ok.
    void finished(bool ok, const QByteArray& output, const QString& message);

private:
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess* m_process = nullptr;
    QString m_cliPath;
    QStringList m_arguments;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QByteArray m_stderrLine;
    QString m_error;
    int m_jobId = 0;
    bool m_cancelled = false;
};

} // namespace syscope::gui::lab
