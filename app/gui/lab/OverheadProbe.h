// What ptrace itself costs per syscall on this machine, measured once and cached (QSettings):
// `syscope-cli bench-calls` times the raw clock_gettime syscall from inside the program, once
// untraced and once under `syscope-cli record`; the difference of the medians is the time a
// traced program loses per syscall (two ptrace stops and the tracer's work).
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <optional>

namespace syscope::gui::lab {

class CliJob;

struct TracingOverhead {
    double untracedNs = 0; // median raw syscall, untraced
    double tracedNs = 0;   // the same under syscope-cli record
    QString call;          // the call measured ("clock_gettime")
    QString kernel;
    QDateTime measured;

    double overheadNs() const { return tracedNs - untracedNs; }
    // One sentence for the latency views.
    QString describe() const;
};

class OverheadProbe : public QObject {
    Q_OBJECT
public:
    explicit OverheadProbe(QObject* parent = nullptr);

    // The cached measurement, if any.
    std::optional<TracingOverhead> cached() const;
    bool isRunning() const;
    // Starts measuring (two CLI runs, a few seconds); finished() follows.
    bool measure();
    QString errorString() const { return m_error; }

    // From the two bench-calls JSON outputs; nullopt (and *error) when they lack the call.
    static std::optional<TracingOverhead>
    fromBenchOutputs(const QByteArray& untraced, const QByteArray& traced, QString* error);

signals:
    void finished(bool ok);

private:
    void onUntraced(bool ok, const QByteArray& output, const QString& message);
    void onTraced(bool ok, const QByteArray& output, const QString& message);
    void store(const TracingOverhead& o);

    CliJob* m_job;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_untraced;
    QString m_error;
    int m_stage = 0;
};

} // namespace syscope::gui::lab
