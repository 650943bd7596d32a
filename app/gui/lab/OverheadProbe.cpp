#include "lab/OverheadProbe.h"

#include "lab/CliJob.h"
#include "lab/LabResults.h"
#include "lab/LabUi.h"

#include <QSettings>

namespace syscope::gui::lab {

namespace {
constexpr int kIterations = 4000;
const QString kGroup = QStringLiteral("lab/tracingOverhead");
} // namespace

QString TracingOverhead::describe() const {
    return QObject::tr("Measured on this machine (%1): a raw %2 syscall takes %3 untraced and %4 "
                       "under syscope-cli record, so ptrace adds about %5 to every traced syscall.")
        .arg(measured.toString(QStringLiteral("yyyy-MM-dd")), call, formatNs(untracedNs),
             formatNs(tracedNs), formatNs(overheadNs()));
}

OverheadProbe::OverheadProbe(QObject* parent)
    : QObject(parent)
    , m_job(new CliJob(this)) {
    connect(m_job, &CliJob::finished, this,
            [this](bool ok, const QByteArray& output, const QString& message) {
                if (m_stage == 1) {
                    onUntraced(ok, output, message);
                } else if (m_stage == 2) {
                    onTraced(ok, output, message);
                }
            });
}

std::optional<TracingOverhead> OverheadProbe::cached() const {
    QSettings settings;
    settings.beginGroup(kGroup);
    if (!settings.contains(QStringLiteral("tracedNs"))) {
        return std::nullopt;
    }
    TracingOverhead o;
    o.untracedNs = settings.value(QStringLiteral("untracedNs")).toDouble();
    o.tracedNs = settings.value(QStringLiteral("tracedNs")).toDouble();
    o.call = settings.value(QStringLiteral("call")).toString();
    o.kernel = settings.value(QStringLiteral("kernel")).toString();
    o.measured = settings.value(QStringLiteral("measured")).toDateTime();
    if (!(o.tracedNs > 0) || o.call.isEmpty()) {
        return std::nullopt;
    }
    return o;
}

void OverheadProbe::store(const TracingOverhead& o) {
    QSettings settings;
    settings.beginGroup(kGroup);
    settings.setValue(QStringLiteral("untracedNs"), o.untracedNs);
    settings.setValue(QStringLiteral("tracedNs"), o.tracedNs);
    settings.setValue(QStringLiteral("call"), o.call);
    settings.setValue(QStringLiteral("kernel"), o.kernel);
    settings.setValue(QStringLiteral("measured"), o.measured);
}

bool OverheadProbe::isRunning() const {
    return m_stage != 0;
}

bool OverheadProbe::measure() {
    if (isRunning()) {
        return true;
    }
    m_stage = 1;
    if (!m_job->start({QStringLiteral("bench-calls"), QStringLiteral("--json"),
                       QStringLiteral("--iterations"), QString::number(kIterations)})) {
        m_error = m_job->errorString();
        m_stage = 0;
        return false;
    }
    return true;
}

void OverheadProbe::onUntraced(bool ok, const QByteArray& output, const QString& message) {
    if (!ok) {
        m_error = message;
        m_stage = 0;
        emit finished(false);
        return;
    }
    m_untraced = output;
    m_dir = std::make_unique<QTemporaryDir>();
    m_stage = 2;
    // The traced program's stdout is the recorder's: the JSON arrives here as before.
    if (!m_job->start({QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("--no-maps"),
                       QStringLiteral("-o"), m_dir->filePath(QStringLiteral("probe.syscope")),
                       QStringLiteral("--"), m_job->cliPath(), QStringLiteral("bench-calls"),
                       QStringLiteral("--json"), QStringLiteral("--iterations"),
                       QString::number(kIterations)})) {
        m_error = m_job->errorString();
        m_stage = 0;
        emit finished(false);
    }
}

void OverheadProbe::onTraced(bool ok, const QByteArray& output, const QString& message) {
    m_stage = 0;
    m_dir.reset();
    if (!ok) {
        m_error = message;
        emit finished(false);
        return;
    }
    const auto o = fromBenchOutputs(m_untraced, output, &m_error);
    if (!o) {
        emit finished(false);
        return;
    }
    store(*o);
    emit finished(true);
}

std::optional<TracingOverhead> OverheadProbe::fromBenchOutputs(const QByteArray& untraced,
                                                               const QByteArray& traced,
                                                               QString* error) {
    const auto a = BenchResults::fromJson(untraced, error);
    if (!a) {
        return std::nullopt;
    }
    const auto b = BenchResults::fromJson(traced, error);
    if (!b) {
        return std::nullopt;
    }
    for (const QString& call : {QStringLiteral("clock_gettime"), QStringLiteral("getcpu"),
                                QStringLiteral("gettimeofday"), QStringLiteral("time")}) {
        const BenchResult* u = a->find(call, QStringLiteral("syscall"));
        const BenchResult* t = b->find(call, QStringLiteral("syscall"));
        if (u && t && u->ok && t->ok && u->p50Ns > 0 && t->p50Ns > 0) {
            TracingOverhead o;
            o.untracedNs = u->p50Ns;
            o.tracedNs = t->p50Ns;
            o.call = call;
            o.kernel = a->kernel;
            o.measured = QDateTime::currentDateTime();
            return o;
        }
    }
    *error = QObject::tr("the benchmark printed no raw syscall timing to compare");
    return std::nullopt;
}

} // namespace syscope::gui::lab
