#include "FileActions.h"

#include "RecorderProcess.h"
#include "ToolLocator.h"
#include "TraceSession.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>

namespace syscope::gui {

namespace {

const QString kRecentKey = QStringLiteral("recentFiles");

QString traceFilter() {
    return QObject::tr("Traces (*.syscope);;strace logs (*.log *.txt *.strace);;All files (*)");
}

} // namespace

FileActions::FileActions(TraceSession* session, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_window(window) {
}

bool FileActions::isSyscopeTrace(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return false;
    }
    static const char magic[8] = {'\x89', 'S', 'Y', 'S', 'C', 'O', 'P', 'E'};
    return f.read(8) == QByteArray(magic, 8);
}

void FileActions::open(const QString& path) {
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        emit message(tr("Cannot open %1: no such readable file.").arg(path), true);
        return;
    }
    if (!isSyscopeTrace(path)) {
        importStraceLog(info.absoluteFilePath());
        return;
    }
    m_session->openFile(info.absoluteFilePath());
    addRecent(info.absoluteFilePath());
}

void FileActions::openWithDialog() {
    const QString dir = recentFiles().isEmpty() ? QDir::homePath()
                                                : QFileInfo(recentFiles().first()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open a Trace"), dir, traceFilter());
    if (!path.isEmpty()) {
        open(path);
    }
}

void FileActions::runCli(const QStringList& args, const QString& what,
                         const std::function<void(bool, const QString&)>& done) {
    const QString cli = findSyscopeCli();
    if (cli.isEmpty()) {
        done(false, tr("syscope-cli was not found next to syscope or in PATH"));
        return;
    }
    auto* process = new QProcess(this);
    auto* progress = new QProgressDialog(what, tr("Cancel"), 0, 0, m_window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(progress, &QProgressDialog::canceled, process, &QProcess::kill);
    connect(process, &QProcess::finished, this,
            [process, progress, done](int code, QProcess::ExitStatus status) {
                progress->deleteLater();
                const QString err =
                    QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                process->deleteLater();
                done(status == QProcess::NormalExit && code == 0, err);
            });
    connect(process, &QProcess::errorOccurred, this,
            [process, progress, done, cli](QProcess::ProcessError e) {
                if (e == QProcess::FailedToStart) {
                    progress->deleteLater();
                    process->deleteLater();
                    done(false, tr("cannot start %1").arg(cli));
                }
            });
    process->start(cli, args);
}

void FileActions::importStraceLog(const QString& path) {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty()) {
        dir = QDir::tempPath();
    }
    dir += QStringLiteral("/imported");
    QDir().mkpath(dir);
    const QString out =
        dir + u'/' + QFileInfo(path).completeBaseName() + QStringLiteral(".syscope");
    runCli({QStringLiteral("import-strace"), path, QStringLiteral("-o"), out},
           tr("Importing the strace log %1…").arg(QFileInfo(path).fileName()),
           [this, path, out](bool ok, const QString& output) {
               if (!ok || !isSyscopeTrace(out)) {
                   emit message(tr("%1 is neither a syscope trace nor an strace log that could be "
                                   "imported: %2")
                                    .arg(path, output.isEmpty() ? tr("import failed") : output),
                                true);
                   return;
               }
               if (!output.isEmpty()) {
                   emit message(output, false);
               }
               m_session->openFile(out);
               m_session->setTemporary(true);
               addRecent(path);
           });
}

bool FileActions::saveAs(const QString& path, QString* error) {
    const QString source = m_session->path();
    if (source.isEmpty()) {
        *error = tr("there is no trace to save");
        return false;
    }
    if (m_session->state() == TraceSession::State::Live) {
        *error = tr("the recording is still running; stop it first");
        return false;
    }
    if (QFileInfo(source).absoluteFilePath() == QFileInfo(path).absoluteFilePath()) {
        return true;
    }
    const QString tmp = path + QStringLiteral(".part");
    QFile::remove(tmp);
    if (!QFile::copy(source, tmp)) {
        *error = tr("cannot write %1").arg(path);
        return false;
    }
    QFile::remove(path);
    if (!QFile::rename(tmp, path)) {
        QFile::remove(tmp);
        *error = tr("cannot write %1").arg(path);
        return false;
    }
    m_session->setTemporary(false);
    addRecent(path);
    return true;
}

bool FileActions::saveAsWithDialog() {
    QString suggested = QFileInfo(m_session->path()).fileName();
    if (suggested.isEmpty()) {
        return false;
    }
    if (!suggested.endsWith(QLatin1String(".syscope"))) {
        suggested += QStringLiteral(".syscope");
    }
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save Trace As"), QDir::homePath() + u'/' + suggested, traceFilter());
    if (path.isEmpty()) {
        return false;
    }
    QString error;
    if (!saveAs(path, &error)) {
        QMessageBox::warning(m_window, tr("Save Trace As"), error);
        return false;
    }
    emit message(tr("Saved %1.").arg(path), false);
    return true;
}

void FileActions::exportWithDialog() {
    if (m_session->path().isEmpty() || m_session->state() == TraceSession::State::Live) {
        QMessageBox::information(m_window, tr("Export"),
                                 tr("Open a trace (or stop the recording) first."));
        return;
    }
    QString selected;
    const QString base = QDir::homePath() + u'/' + QFileInfo(m_session->path()).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Trace"), base + QStringLiteral(".json"),
        tr("Chrome/Perfetto trace JSON (*.json);;CSV table (*.csv);;strace text (*.strace *.txt)"),
        &selected);
    if (path.isEmpty()) {
        return;
    }
    const QString format = selected.contains(QLatin1String("CSV")) ? QStringLiteral("csv")
                           : selected.contains(QLatin1String("strace"))
                               ? QStringLiteral("strace")
                               : QStringLiteral("chrome-json");
    runCli({QStringLiteral("convert"), m_session->path(), QStringLiteral("-o"), path,
            QStringLiteral("--format"), format},
           tr("Exporting to %1…").arg(QFileInfo(path).fileName()),
           [this, path](bool ok, const QString& output) {
               if (ok) {
                   emit message(tr("Exported %1.").arg(path), false);
               } else {
                   emit message(tr("Export failed: %1").arg(output), true);
               }
           });
}

QStringList FileActions::recentFiles() const {
    QStringList files = QSettings().value(kRecentKey).toStringList();
    files.erase(std::remove_if(files.begin(), files.end(),
                               [](const QString& f) { return !QFileInfo::exists(f); }),
                files.end());
    return files;
}

void FileActions::addRecent(const QString& path) {
    // Recordings in the cache folder are not worth remembering until saved.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!cache.isEmpty() && path.startsWith(cache)) {
        return;
    }
    QStringList files = QSettings().value(kRecentKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent) {
        files.removeLast();
    }
    QSettings().setValue(kRecentKey, files);
    emit recentFilesChanged();
}

void FileActions::fillRecentMenu(QMenu* menu) {
    menu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& f = files[i];
        QAction* a =
            menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(f).fileName()));
        a->setToolTip(f);
        a->setStatusTip(f);
        connect(a, &QAction::triggered, this, [this, f] { open(f); });
    }
    if (files.isEmpty()) {
        menu->addAction(tr("(no recent files)"))->setEnabled(false);
    } else {
        menu->addSeparator();
        connect(menu->addAction(tr("Clear List")), &QAction::triggered, this, [this] {
            QSettings().remove(kRecentKey);
            emit recentFilesChanged();
        });
    }
}

} // namespace syscope::gui
