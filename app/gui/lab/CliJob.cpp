#include "lab/CliJob.h"

#include "ToolLocator.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace syscope::gui::lab {

CliJob::CliJob(QObject* parent)
    : QObject(parent) {
}

CliJob::~CliJob() {
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

QString CliJob::cliPath() const {
    return m_cliPath.isEmpty() ? findSyscopeCli() : m_cliPath;
}

bool CliJob::start(const QStringList& arguments) {
    const QString cli = cliPath();
    if (cli.isEmpty()) {
        m_error = tr("syscope-cli was not found next to syscope, in the build tree or in PATH "
                     "(set SYSCOPE_CLI to its path)");
        return false;
    }
    if (m_process) {
        // Superseded: its results must not arrive any more.
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
        m_process->deleteLater();
    }
    ++m_jobId;
    m_arguments = arguments;
    m_stdout.clear();
    m_stderr.clear();
    m_stderrLine.clear();
    m_error.clear();
    m_cancelled = false;
    m_process = new QProcess(this);
    m_process->setProgram(cli);
    m_process->setArguments(arguments);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += m_process->readAllStandardOutput(); });
    connect(m_process, &QProcess::readyReadStandardError, this, &CliJob::onStderr);
    connect(m_process, &QProcess::finished, this, &CliJob::onFinished);
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        m_error = tr("cannot start %1: %2").arg(cli, m_process->errorString());
        m_process->disconnect(this);
        return false;
    }
    return true;
}

void CliJob::cancel() {
    if (isRunning()) {
        m_cancelled = true;
        m_process->terminate(); // SIGTERM: the CLI stops early and prints what it has
    }
}

bool CliJob::isRunning() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool CliJob::waitForFinished(int timeoutMs) {
    if (!isRunning()) {
        return true;
    }
    QEventLoop loop;
    bool done = false;
    const auto c = connect(this, &CliJob::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    disconnect(c);
    return done;
}

void CliJob::onStderr() {
    const QByteArray data = m_process->readAllStandardError();
    m_stderrLine += data;
    int nl;
    while ((nl = m_stderrLine.indexOf('\n')) >= 0) {
        const QByteArray line = m_stderrLine.left(nl).trimmed();
        m_stderrLine.remove(0, nl + 1);
        if (line.startsWith("progress ")) {
            const QList<QByteArray> parts = line.mid(9).split('/');
            if (parts.size() == 2) {
                bool ok1 = false;
                bool ok2 = false;
                const int done = parts[0].toInt(&ok1);
                const int total = parts[1].toInt(&ok2);
                if (ok1 && ok2 && total > 0) {
                    emit progress(done, total);
                }
            }
            continue;
        }
        // Keep the complaints (bounded), not the progress chatter.
        if (m_stderr.size() < 64 * 1024) {
            m_stderr += line + '\n';
        }
    }
}

void CliJob::onFinished(int exitCode, QProcess::ExitStatus status) {
    m_stdout += m_process->readAllStandardOutput();
    onStderr();
    const bool ok = status == QProcess::NormalExit && exitCode == 0;
    QString message = QString::fromLocal8Bit(m_stderr).trimmed();
    if (!ok && message.isEmpty()) {
        message = status == QProcess::CrashExit
                      ? tr("syscope-cli crashed")
                      : tr("syscope-cli exited with status %1").arg(exitCode);
    }
    if (m_cancelled && message.isEmpty()) {
        message = tr("cancelled");
    }
    emit finished(ok, m_stdout, message);
}

} // namespace syscope::gui::lab
