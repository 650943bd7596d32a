#include "RecordDialog.h"

#include "ToolLocator.h"
#include "syscalls/SyscallFilter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace syscope::gui {

bool recorderSupports(const QString& option) {
    static QHash<QString, bool> cache;
    if (auto it = cache.find(option); it != cache.end()) {
        return *it;
    }
    bool supported = false;
    const QString cli = findSyscopeCli();
    if (!cli.isEmpty()) {
        QProcess p;
        p.start(cli, {QStringLiteral("record"), QStringLiteral("--help")});
        if (p.waitForFinished(3000)) {
            const QString help =
                QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            supported = help.contains(QStringLiteral(" ") + option);
        } else {
            p.kill();
            p.waitForFinished(1000);
        }
    }
    cache.insert(option, supported);
    return supported;
}

RecordDialog::RecordDialog(QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Record a Program"));
    m_command = new QLineEdit(this);
    m_command->setPlaceholderText(tr("e.g. ls -la /usr/lib"));
    m_command->setText(QSettings().value(QStringLiteral("record/command")).toString());
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString program =
            QFileDialog::getOpenFileName(this, tr("Choose a Program"), QStringLiteral("/usr/bin"));
        if (!program.isEmpty()) {
            m_command->setText(
                QProcess::splitCommand(m_command->text()).isEmpty()
                    ? program
                    : program + u' ' + QProcess::splitCommand(m_command->text()).mid(1).join(u' '));
        }
    });
    auto* commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(browse);

    m_cwd = new QLineEdit(this);
    m_cwd->setPlaceholderText(QDir::currentPath());
    auto* browseDir = new QPushButton(tr("Browse…"), this);
    connect(browseDir, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Working Directory"));
        if (!dir.isEmpty()) {
            m_cwd->setText(dir);
        }
    });
    auto* cwdRow = new QHBoxLayout;
    cwdRow->addWidget(m_cwd, 1);
    cwdRow->addWidget(browseDir);

    m_env = new QPlainTextEdit(this);
    m_env->setPlaceholderText(tr("NAME=VALUE, one per line"));
    m_env->setMaximumHeight(fontMetrics().height() * 5);
    m_follow = new QCheckBox(tr("Follow threads and child processes"), this);
    m_follow->setChecked(true);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("everything; or e.g. %file,%network or !%memory"));
    m_filter->setToolTip(tr("Only these syscalls are recorded (seccomp-bpf keeps the others from "
                            "stopping the program at all)"));
    m_vdso = new QCheckBox(tr("Record vDSO calls (clock_gettime, gettimeofday, …)"), this);
    m_vdso->setEnabled(recorderSupports(QStringLiteral("--vdso")));
    if (!m_vdso->isEnabled()) {
        m_vdso->setToolTip(tr("This recorder cannot record vDSO calls yet"));
    }
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #d62728"));
    m_problem->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Command:"), commandRow);
    form->addRow(tr("&Working directory:"), cwdRow);
    form->addRow(tr("&Environment:"), m_env);
    form->addRow(QString(), m_follow);
    form->addRow(tr("&Syscalls:"), m_filter);
    form->addRow(QString(), m_vdso);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Record"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings().setValue(QStringLiteral("record/command"), m_command->text());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    for (QLineEdit* e : {m_command, m_cwd, m_filter}) {
        connect(e, &QLineEdit::textChanged, this, &RecordDialog::validate);
    }
    connect(m_env, &QPlainTextEdit::textChanged, this, &RecordDialog::validate);
    validate();
    resize(640, sizeHint().height());
}

void RecordDialog::setCommand(const QString& commandLine) {
    m_command->setText(commandLine);
}

RecordOptions RecordDialog::options() const {
    RecordOptions o;
    o.command = QProcess::splitCommand(m_command->text());
    o.workingDirectory = m_cwd->text().trimmed();
    for (const QString& line : m_env->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty()) {
            o.environment << line.trimmed();
        }
    }
    o.followChildren = m_follow->isChecked();
    o.filter = m_filter->text().trimmed();
    if (m_vdso->isEnabled() && m_vdso->isChecked()) {
        o.extraArguments << QStringLiteral("--vdso");
    }
    return o;
}

QString RecordDialog::problem() const {
    if (QProcess::splitCommand(m_command->text()).isEmpty()) {
        return tr("Give a command to record.");
    }
    if (!m_cwd->text().trimmed().isEmpty() && !QDir(m_cwd->text().trimmed()).exists()) {
        return tr("The working directory does not exist.");
    }
    for (const QString& line : m_env->toPlainText().split(u'\n')) {
        const QString l = line.trimmed();
        if (!l.isEmpty() && l.indexOf(u'=') <= 0) {
            return tr("Environment lines must look like NAME=VALUE: %1").arg(l);
        }
    }
    if (!m_filter->text().trimmed().isEmpty()) {
        std::string error;
        if (!SyscallFilter::parse(m_filter->text().trimmed().toStdString(), &error)) {
            return tr("Syscall filter: %1").arg(QString::fromStdString(error));
        }
    }
    return {};
}

void RecordDialog::validate() {
    const QString p = problem();
    m_problem->setText(p);
    m_problem->setVisible(!p.isEmpty() && !m_command->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

} // namespace syscope::gui
