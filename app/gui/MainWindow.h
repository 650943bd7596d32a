// The main window: start page or the session's views in tabs, menus, message bar, range banner
// and status bar. It owns one TraceSession, one SelectionState and the FilteredEvents they
// define, and wires views to them.
//
// Adding a view (part 2: address map, histograms, vDSO, syscall table, lecture mode): construct
// it in createViews() with the session, selection and/or filtered events it needs, and call
// addView(id, title, widget). The id is what `syscope --screenshot --view ID` takes; the tab gets
// the shortcut Ctrl+<position>. Views observe SelectionState (see its header for the contract)
// and never reach into each other.
#pragma once

#include "RecorderProcess.h"

#include <QMainWindow>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace syscope::gui {

class EventTableView;
class FileActions;
class FilteredEvents;
class SelectionState;
class SessionStatusBar;
class StartPage;
class StatisticsView;
class TimelineView;
class TraceSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    TraceSession* session() const { return m_session; }
    SelectionState* selection() const { return m_selection; }
    FilteredEvents* filteredEvents() const { return m_events; }
    RecorderProcess* recorder() const { return m_recorder; }
    FileActions* files() const { return m_files; }
    SessionStatusBar* sessionStatusBar() const { return m_statusBar; }

    TimelineView* timelineView() const { return m_timeline; }
    EventTableView* tableView() const { return m_table; }
    StatisticsView* statisticsView() const { return m_statistics; }

    // The registered views, by id ("timeline", "table", "stats", ...).
    QStringList viewIds() const;
    QWidget* view(const QString& id) const;
    QString currentViewId() const;
    bool showView(const QString& id);
    bool isShowingStartPage() const;

    void openFile(const QString& path);
    // Starts the recorder on `options` and follows its file; false (and a message) on failure.
    bool startRecording(const RecordOptions& options);
    bool attachTo(qint64 pid, bool elevated = false);
    bool runDemo();
    void stopRecording();

    // The latest message of the message bar (errors of the recorder, warnings of the reader).
    QString lastMessage() const { return m_lastMessage; }
    void showMessage(const QString& text, bool error);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createViews();
    void addView(const QString& id, const QString& title, QWidget* widget);
    void createActions();
    void createMenus();
    // The message bar (returned, above everything) and the range banner (m_rangeBanner).
    QWidget* createBanners();
    void updateRangeBanner();
    void updateActions();
    void updateTitle();
    void onRecorderFinished(bool ok, int exitCode, const QString& message);
    void onSessionState();
    void showRecordDialog();
    void showAttachDialog();
    void exportTimelinePicture();
    void exportStatisticsPicture();
    bool confirmDiscard();

    TraceSession* m_session;
    SelectionState* m_selection;
    FilteredEvents* m_events;
    RecorderProcess* m_recorder;
    FileActions* m_files;
    SessionStatusBar* m_statusBar;

    QStackedWidget* m_stack;
    StartPage* m_startPage;
    QWidget* m_sessionPage;
    QTabWidget* m_tabs;
    struct ViewEntry {
        QString id;
        QString title;
        QWidget* widget;
    };
    std::vector<ViewEntry> m_views;
    TimelineView* m_timeline = nullptr;
    EventTableView* m_table = nullptr;
    StatisticsView* m_statistics = nullptr;

    QWidget* m_messageBar;
    QLabel* m_messageText;
    QString m_lastMessage;
    QWidget* m_rangeBanner;
    QLabel* m_rangeText;
    QPushButton* m_clearFilterButton;

    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_exportTimelineAction = nullptr;
    QAction* m_exportStatsAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_recordAction = nullptr;
    QAction* m_attachAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_stopAction = nullptr;
    QString m_recordingTitle;
    // Why the last recording failed; the reader's complaint about its file is then redundant.
    QString m_recorderError;
};

} // namespace syscope::gui
