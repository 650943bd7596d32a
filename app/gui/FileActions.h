// The File menu's work: open (dialog, recent files, drag and drop, strace logs), save as, export
// to the formats of `syscope-cli convert`, and picture exports. Kept out of MainWindow so the
// window only wires things together.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QWidget;

namespace syscope::gui {

class TraceSession;

class FileActions : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRecent = 10;

    FileActions(TraceSession* session, QWidget* window);

    // Opens a .syscope trace, or imports an strace log first (recognised by content).
    void open(const QString& path);
    void openWithDialog();
    bool saveAsWithDialog();
    // Copies the trace file to `path` (a live recording must have ended).
    bool saveAs(const QString& path, QString* error);
    void exportWithDialog();

    QStringList recentFiles() const;
    void addRecent(const QString& path);
    void fillRecentMenu(QMenu* menu);

    // Is this file a .syscope trace (by its magic bytes)?
    static bool isSyscopeTrace(const QString& path);

signals:
    void recentFilesChanged();
    // Problems worth showing in the window's message bar.
    void message(const QString& text, bool error);

private:
    void importStraceLog(const QString& path);
    void runCli(const QStringList& args, const QString& what,
                const std::function<void(bool ok, const QString& output)>& done);

    TraceSession* m_session;
    QWidget* m_window;
};

} // namespace syscope::gui
