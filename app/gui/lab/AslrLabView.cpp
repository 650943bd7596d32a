#include "lab/AslrLabView.h"

#include "ToolLocator.h"
#include "lab/AslrResultPanel.h"
#include "lab/CliJob.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace syscope::gui::lab {

AslrLabView::AslrLabView(QWidget* parent)
    : QWidget(parent) {
    m_job = new CliJob(this);
    m_command = new QLineEdit(this);
    m_command->setObjectName(QStringLiteral("aslrCommand"));
    const QString demo = findSyscopeDemo();
    m_command->setText(demo.isEmpty() ? QStringLiteral("/bin/true") : demo);
    m_command->setToolTip(tr("The program to launch again and again (each run is stopped as soon "
                             "as the loader has mapped libc)"));
    m_runs = new QSpinBox(this);
    m_runs->setRange(2, 100000);
    m_runs->setValue(100);
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Randomization on"));
    m_mode->addItem(tr("Randomization off (setarch -R)"));
    m_mode->addItem(tr("On and off, side by side"));
    m_mode->setCurrentIndex(int(Mode::SideBySide));
    m_run = new QPushButton(tr("Run Experiment"), this);
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_status =
        new QLabel(tr("Run an experiment, or open saved results (syscope-cli aslr --json)."), this);
    m_status->setWordWrap(true);
    auto* open = new QPushButton(tr("Open Results…"), this);
    auto* compare = new QPushButton(tr("Compare Traces…"), this);
    compare->setToolTip(tr("Several recordings of the same program, compared like the runs of an "
                           "experiment (syscope-cli aslr --from)"));
    auto* save = new QPushButton(tr("Save Results…"), this);

    auto* row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Command:"), this));
    row1->addWidget(m_command, 3);
    row1->addWidget(new QLabel(tr("Runs:"), this));
    row1->addWidget(m_runs);
    row1->addWidget(m_mode);
    row1->addWidget(m_run);
    row1->addWidget(m_cancel);
    auto* row2 = new QHBoxLayout;
    row2->addWidget(m_progress, 1);
    row2->addWidget(open);
    row2->addWidget(compare);
    row2->addWidget(save);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    for (auto& panel : m_panels) {
        panel = new AslrResultPanel(splitter);
        splitter->addWidget(panel);
    }
    m_panels[0]->hide();
    m_panels[1]->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row1);
    layout->addLayout(row2);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_run, &QPushButton::clicked, this, [this] {
        runExperiment(QProcess::splitCommand(m_command->text()), m_runs->value(),
                      static_cast<Mode>(m_mode->currentIndex()));
    });
    connect(m_cancel, &QPushButton::clicked, this, &AslrLabView::cancel);
    connect(open, &QPushButton::clicked, this, &AslrLabView::openWithDialog);
    connect(compare, &QPushButton::clicked, this, &AslrLabView::compareWithDialog);
    connect(save, &QPushButton::clicked, this, &AslrLabView::saveResults);
    connect(m_job, &CliJob::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(
            tr("%1 / %2 runs").arg(done).arg(total) +
            (m_expected > 1
                 ? tr(" (experiment %1 of %2)").arg(m_collected.size() + 1).arg(m_expected)
                 : QString()));
    });
    connect(m_job, &CliJob::finished, this, &AslrLabView::onJobFinished);
}

bool AslrLabView::runExperiment(const QStringList& command, int runs, Mode mode) {
    if (command.isEmpty()) {
        m_status->setText(tr("Enter a command to launch."));
        return false;
    }
    m_queue.clear();
    m_collected.clear();
    const QStringList common{QStringLiteral("aslr"), QStringLiteral("--json"),
                             QStringLiteral("--progress"), QStringLiteral("--runs"),
                             QString::number(runs)};
    if (mode == Mode::On || mode == Mode::SideBySide) {
        m_queue << (common + QStringList{QStringLiteral("--")} + command);
    }
    if (mode == Mode::Off || mode == Mode::SideBySide) {
        m_queue << (common + QStringList{QStringLiteral("--no-randomize"), QStringLiteral("--")} +
                    command);
    }
    m_expected = int(m_queue.size());
    m_command->setText(QProcess::splitCommand(m_command->text()) == command ? m_command->text()
                                                                            : command.join(u' '));
    m_runs->setValue(runs);
    m_mode->setCurrentIndex(int(mode));
    return startNext();
}

bool AslrLabView::compareTraces(const QStringList& files) {
    if (files.isEmpty()) {
        return false;
    }
    m_queue.clear();
    m_collected.clear();
    QStringList args{QStringLiteral("aslr"), QStringLiteral("--json")};
    for (const auto& f : files) {
        args << QStringLiteral("--from") << f;
    }
    m_queue << args;
    m_expected = 1;
    return startNext();
}

bool AslrLabView::startNext() {
    if (m_queue.isEmpty()) {
        setBusy(false);
        return false;
    }
    const QStringList args = m_queue.takeFirst();
    if (!m_job->start(args)) {
        m_status->setText(m_job->errorString());
        m_queue.clear();
        setBusy(false);
        emit idle();
        return false;
    }
    m_progress->setRange(0, 0); // busy until the first progress line
    m_status->setText(tr("Running: syscope-cli %1").arg(args.join(u' ')));
    setBusy(true);
    return true;
}

void AslrLabView::cancel() {
    m_queue.clear();
    m_job->cancel();
}

bool AslrLabView::isRunning() const {
    return m_job->isRunning() || !m_queue.isEmpty();
}

void AslrLabView::setBusy(bool busy) {
    m_run->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setTextVisible(busy);
    if (!busy) {
        m_progress->setRange(0, 100);
        m_progress->setValue(m_collected.isEmpty() ? 0 : 100);
    }
}

void AslrLabView::onJobFinished(bool ok, const QByteArray& output, const QString& message) {
    // A cancelled experiment still prints its results (exit status 0 with "cancelled": true).
    QString error;
    const auto parsed = AslrResult::fromJson(output, &error);
    if (!parsed) {
        m_queue.clear();
        setBusy(false);
        m_status->setText(tr("The experiment failed: %1").arg(message.isEmpty() ? error : message));
        emit idle();
        return;
    }
    m_collected << output;
    if (!ok && !message.isEmpty()) {
        m_status->setText(message);
    }
    if (!m_queue.isEmpty() && startNext()) {
        return;
    }
    setBusy(false);
    QString e;
    const auto first = AslrResult::fromJson(m_collected.value(0), &e);
    std::optional<AslrResult> second;
    if (m_collected.size() > 1) {
        second = AslrResult::fromJson(m_collected.value(1), &e);
    }
    m_shownJson[0] = m_collected.value(0);
    m_shownJson[1] = m_collected.value(1);
    if (first) {
        showResults(*first, second);
    }
    if (ok) {
        m_status->setText(tr("Done: %1").arg(first ? first->describe() : QString()));
    }
    emit idle();
}

void AslrLabView::showResults(const AslrResult& first, const std::optional<AslrResult>& second) {
    if (!isRunning() && !first.command.isEmpty()) {
        m_command->setText(first.command.join(u' ')); // what these results are of
        m_runs->setValue(std::max(2, first.runs));
    }
    m_panels[0]->setResult(first);
    m_panels[0]->show();
    if (second) {
        m_panels[1]->setResult(*second);
        m_panels[1]->show();
    } else {
        m_panels[1]->hide();
        m_shownJson[1].clear();
    }
    m_status->setText(second ? tr("Showing %1 | %2").arg(first.describe(), second->describe())
                             : tr("Showing %1").arg(first.describe()));
    emit resultsChanged();
}

bool AslrLabView::showsTwo() const {
    return !m_panels[1]->isHidden();
}

QString AslrLabView::statusText() const {
    return m_status->text();
}

bool AslrLabView::openResults(const QStringList& paths, QString* error) {
    if (paths.isEmpty() || paths.size() > 2) {
        *error = tr("open one result, or two to compare them side by side");
        return false;
    }
    std::optional<AslrResult> results[2];
    QByteArray raw[2];
    for (int i = 0; i < paths.size(); ++i) {
        results[i] = AslrResult::fromFile(paths[i], error);
        if (!results[i]) {
            return false;
        }
        QFile f(paths[i]);
        if (f.open(QIODevice::ReadOnly)) {
            raw[i] = f.readAll();
        }
    }
    showResults(*results[0], results[1]);
    m_shownJson[0] = raw[0];
    m_shownJson[1] = raw[1];
    m_status->setText(tr("Opened %1").arg(paths.join(QStringLiteral(", "))));
    return true;
}

bool AslrLabView::waitForIdle(int timeoutMs) {
    if (!isRunning()) {
        return true;
    }
    QEventLoop loop;
    connect(this, &AslrLabView::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !isRunning();
}

void AslrLabView::openWithDialog() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open ASLR Results"), QString(), tr("ASLR results (*.json);;All files (*)"));
    if (paths.isEmpty()) {
        return;
    }
    QString error;
    if (!openResults(paths, &error)) {
        QMessageBox::warning(this, tr("Open ASLR Results"), error);
    }
}

void AslrLabView::compareWithDialog() {
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Compare Recorded Traces"), QString(),
                                      tr("syscope traces (*.syscope);;All files (*)"));
    if (paths.size() >= 2) {
        compareTraces(paths);
    } else if (!paths.isEmpty()) {
        QMessageBox::information(this, tr("Compare Recorded Traces"),
                                 tr("Choose at least two recordings of the same program."));
    }
}

void AslrLabView::saveResults() {
    for (int i = 0; i < 2; ++i) {
        if (m_shownJson[i].isEmpty()) {
            continue;
        }
        const QString suggestion = m_panels[i]->result().randomize
                                       ? QStringLiteral("aslr.json")
                                       : QStringLiteral("aslr-norandom.json");
        const QString path = QFileDialog::getSaveFileName(this, tr("Save ASLR Results"), suggestion,
                                                          tr("JSON (*.json)"));
        if (path.isEmpty()) {
            return;
        }
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            f.write(m_shownJson[i]) != m_shownJson[i].size()) {
            QMessageBox::warning(this, tr("Save ASLR Results"),
                                 tr("Cannot write %1: %2").arg(path, f.errorString()));
            return;
        }
    }
}

} // namespace syscope::gui::lab
