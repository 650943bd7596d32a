#include "MainWindow.h"

#include "AttachDialog.h"
#include "FileActions.h"
#include "PictureExport.h"
#include "RecordDialog.h"
#include "SelectionState.h"
#include "SessionStatusBar.h"
#include "StartPage.h"
#include "ToolLocator.h"
#include "TraceSession.h"
#include "lab/LabViews.h"
#include "models/FilteredEvents.h"
#include "road/RoadViews.h"
#include "views/EventTableView.h"
#include "views/StatisticsView.h"
#include "views/TimeAxis.h"
#include "views/TimelineView.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPicture>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace syscope::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    m_session = new TraceSession(this);
    m_selection = new SelectionState(this);
    m_events = new FilteredEvents(m_session, m_selection, this);
    m_recorder = new RecorderProcess(this);
    m_files = new FileActions(m_session, this);
    m_statusBar = new SessionStatusBar(m_session, this);
    setStatusBar(m_statusBar);

    m_stack = new QStackedWidget(this);
    m_startPage = new StartPage(m_stack);
    m_sessionPage = new QWidget(m_stack);
    m_tabs = new QTabWidget(m_sessionPage);
    m_tabs->setDocumentMode(true);
    auto* pageLayout = new QVBoxLayout(m_sessionPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    QWidget* banners = createBanners(); // creates m_messageBar and m_rangeBanner
    pageLayout->addWidget(m_rangeBanner);
    pageLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_sessionPage);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(banners);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createViews();
    createActions();
    createMenus();

    connect(m_startPage, &StartPage::recordRequested, this, &MainWindow::showRecordDialog);
    connect(m_startPage, &StartPage::attachRequested, this, &MainWindow::showAttachDialog);
    connect(m_startPage, &StartPage::openRequested, m_files, &FileActions::openWithDialog);
    connect(m_startPage, &StartPage::demoRequested, this, &MainWindow::runDemo);
    connect(m_startPage, &StartPage::recentRequested, this, &MainWindow::openFile);
    connect(m_files, &FileActions::recentFilesChanged, this,
            [this] { m_startPage->setRecentFiles(m_files->recentFiles()); });
    connect(m_files, &FileActions::message, this, &MainWindow::showMessage);
    connect(m_recorder, &RecorderProcess::finished, this, &MainWindow::onRecorderFinished);
    connect(m_session, &TraceSession::stateChanged, this, &MainWindow::onSessionState);
    connect(m_session, &TraceSession::cleared, m_selection, &SelectionState::reset);
    connect(m_session, &TraceSession::failed, this, [this](const QString& message) {
        if (m_recorderError.isEmpty()) {
            showMessage(message, true);
        }
    });
    connect(m_session, &TraceSession::finished, this, [this] {
        if (!m_session->warning().isEmpty()) {
            showMessage(m_session->warning(), false);
        }
        updateActions();
    });
    connect(m_selection, &SelectionState::rangeChanged, this, &MainWindow::updateRangeBanner);
    connect(m_selection, &SelectionState::filterChanged, this, &MainWindow::updateRangeBanner);

    m_startPage->setRecentFiles(m_files->recentFiles());
    setAcceptDrops(true);
    resize(1280, 800);
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() {
    // The recorder first (it stops the traced program), then the views go with their parents.
    delete m_recorder;
    m_recorder = nullptr;
}

// The one place where views are created and registered.
void MainWindow::createViews() {
    m_timeline = new TimelineView(m_session, m_selection, m_tabs);
    addView(QStringLiteral("timeline"), tr("&Timeline"), m_timeline);
    m_table = new EventTableView(m_session, m_selection, m_events, m_tabs);
    addView(QStringLiteral("table"), tr("&Events"), m_table);
    m_statistics = new StatisticsView(m_session, m_events, m_tabs);
    addView(QStringLiteral("stats"), tr("&Statistics"), m_statistics);
    lab::registerLabViews(*this, [this](const QString& id, const QString& title, QWidget* w) {
        addView(id, title, w);
    });
    road::registerRoadViews(*this, [this](const QString& id, const QString& title, QWidget* w) {
        addView(id, title, w);
    });
}

void MainWindow::addView(const QString& id, const QString& title, QWidget* widget) {
    m_views.push_back({id, title, widget});
    m_tabs->addTab(widget, title);
}

QStringList MainWindow::viewIds() const {
    QStringList ids;
    for (const auto& v : m_views) {
        ids << v.id;
    }
    return ids;
}

QWidget* MainWindow::view(const QString& id) const {
    for (const auto& v : m_views) {
        if (v.id == id) {
            return v.widget;
        }
    }
    return nullptr;
}

QString MainWindow::currentViewId() const {
    for (const auto& v : m_views) {
        if (v.widget == m_tabs->currentWidget()) {
            return v.id;
        }
    }
    return {};
}

bool MainWindow::showView(const QString& id) {
    QWidget* w = view(id);
    if (!w) {
        return false;
    }
    m_stack->setCurrentWidget(m_sessionPage);
    m_tabs->setCurrentWidget(w);
    return true;
}

bool MainWindow::isShowingStartPage() const {
    return m_stack->currentWidget() == m_startPage;
}

QWidget* MainWindow::createBanners() {
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_messageBar = new QWidget(box);
    m_messageBar->setAutoFillBackground(true);
    m_messageText = new QLabel(m_messageBar);
    m_messageText->setWordWrap(true);
    m_messageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(m_messageBar);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, m_messageBar, &QWidget::hide);
    auto* ml = new QHBoxLayout(m_messageBar);
    ml->setContentsMargins(8, 4, 4, 4);
    ml->addWidget(m_messageText, 1);
    ml->addWidget(close);
    m_messageBar->hide();

    // What the table and statistics are limited to, with the way back to everything.
    m_rangeBanner = new QWidget(box);
    m_rangeBanner->setAutoFillBackground(true);
    QPalette pal = m_rangeBanner->palette();
    QColor tint = pal.color(QPalette::Highlight);
    tint.setAlpha(60);
    pal.setColor(QPalette::Window, tint);
    m_rangeBanner->setPalette(pal);
    m_rangeText = new QLabel(m_rangeBanner);
    auto* showAll = new QPushButton(tr("Show All Times"), m_rangeBanner);
    showAll->setObjectName(QStringLiteral("showAllTimes"));
    connect(showAll, &QPushButton::clicked, m_selection, &SelectionState::clearRange);
    m_clearFilterButton = new QPushButton(tr("Clear Filter"), m_rangeBanner);
    connect(m_clearFilterButton, &QPushButton::clicked, this,
            [this] { m_selection->setFilter(EventFilter()); });
    auto* rl = new QHBoxLayout(m_rangeBanner);
    rl->setContentsMargins(8, 3, 8, 3);
    rl->addWidget(m_rangeText, 1);
    rl->addWidget(m_clearFilterButton);
    rl->addWidget(showAll);
    m_rangeBanner->hide();

    layout->addWidget(m_messageBar);
    return box;
}

void MainWindow::updateRangeBanner() {
    const TimeRange r = m_selection->range();
    const QString filter = m_selection->filter().describe();
    QStringList parts;
    if (r.isValid()) {
        const TimeNs origin = m_session->store().startTime();
        parts << tr("Time range %1 – %2 s (%3)")
                     .arg(double(r.start - origin) / 1e9, 0, 'f', 6)
                     .arg(double(r.end - origin) / 1e9, 0, 'f', 6)
                     .arg(TimeAxis::formatDuration(r.span()));
    }
    if (!filter.isEmpty()) {
        parts << tr("filter: %1").arg(filter);
    }
    m_rangeText->setText(
        tr("Events and statistics show only: %1").arg(parts.join(QStringLiteral(" · "))));
    m_clearFilterButton->setVisible(!filter.isEmpty());
    m_rangeBanner->findChild<QPushButton*>(QStringLiteral("showAllTimes"))->setVisible(r.isValid());
    m_rangeBanner->setVisible(!parts.isEmpty());
}

void MainWindow::showMessage(const QString& text, bool error) {
    m_lastMessage = text;
    QPalette pal = m_messageBar->palette();
    pal.setColor(QPalette::Window, error ? QColor(0xf8, 0xd7, 0xda) : QColor(0xff, 0xf3, 0xcd));
    pal.setColor(QPalette::WindowText, QColor(0x33, 0x22, 0x22));
    m_messageBar->setPalette(pal);
    m_messageText->setPalette(pal);
    m_messageText->setText(text);
    m_messageBar->show();
}

void MainWindow::createActions() {
    const auto make = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_openAction = make(tr("&Open…"), QKeySequence::Open, [this] { m_files->openWithDialog(); });
    m_saveAsAction =
        make(tr("Save &As…"), QKeySequence::SaveAs, [this] { m_files->saveAsWithDialog(); });
    m_exportAction = make(tr("&Export Trace…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                          [this] { m_files->exportWithDialog(); });
    m_exportTimelineAction =
        make(tr("Export &Timeline Picture…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
             &MainWindow::exportTimelinePicture);
    m_exportStatsAction =
        make(tr("Export &Statistics Plot…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E),
             &MainWindow::exportStatisticsPicture);
    m_closeAction = make(tr("&Close Trace"), QKeySequence::Close, [this] {
        if (confirmDiscard()) {
            m_recorder->stop();
            m_session->close();
        }
    });
    m_quitAction = make(tr("&Quit"), QKeySequence::Quit, &QWidget::close);
    m_recordAction = make(tr("&Record a Program…"), QKeySequence(Qt::CTRL | Qt::Key_R),
                          &MainWindow::showRecordDialog);
    m_attachAction =
        make(tr("&Attach to a Process…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
             &MainWindow::showAttachDialog);
    m_demoAction =
        make(tr("Run the &Demo"), QKeySequence(Qt::CTRL | Qt::Key_D), &MainWindow::runDemo);
    m_stopAction =
        make(tr("&Stop"), QKeySequence(Qt::CTRL | Qt::Key_Period), &MainWindow::stopRecording);
    m_stopAction->setToolTip(tr("End the recording: launched programs are killed, attached ones "
                                "detached"));
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this,
            [this] { m_files->fillRecentMenu(m_recentMenu); });
    m_files->fillRecentMenu(m_recentMenu);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_exportTimelineAction);
    file->addAction(m_exportStatsAction);
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addAction(m_quitAction);

    QMenu* trace = menuBar()->addMenu(tr("&Trace"));
    trace->addAction(m_recordAction);
    trace->addAction(m_attachAction);
    trace->addAction(m_demoAction);
    trace->addSeparator();
    trace->addAction(m_stopAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        const ViewEntry& v = m_views[i];
        QAction* a = m_viewMenu->addAction(v.title);
        if (i < 9) {
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
        }
        const QString id = v.id;
        connect(a, &QAction::triggered, this, [this, id] { showView(id); });
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addActions(m_timeline->viewActions());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About syscope"), this, [this] {
        QMessageBox::about(this, tr("About syscope"),
                           tr("<h3>syscope %1</h3><p>Watch a program talk to the Linux kernel.</p>"
                              "<p>The window never traces by itself: it starts "
                              "<code>syscope-cli record</code> and reads the trace file as it "
                              "grows.</p>")
                               .arg(QStringLiteral(SYSCOPE_GUI_VERSION)));
    });
}

void MainWindow::updateActions() {
    const auto state = m_session->state();
    const bool recording = m_recorder && m_recorder->isRunning();
    const bool hasTrace =
        state == TraceSession::State::Ready || state == TraceSession::State::Loading;
    m_saveAsAction->setEnabled(hasTrace && !recording);
    m_exportAction->setEnabled(state == TraceSession::State::Ready && !recording);
    m_exportTimelineAction->setEnabled(state != TraceSession::State::Empty);
    m_exportStatsAction->setEnabled(state != TraceSession::State::Empty);
    m_closeAction->setEnabled(state != TraceSession::State::Empty);
    m_stopAction->setEnabled(recording);
    m_recordAction->setEnabled(!recording);
    m_attachAction->setEnabled(!recording);
    m_demoAction->setEnabled(!recording);
}

void MainWindow::updateTitle() {
    QString what;
    if (m_session->state() == TraceSession::State::Live) {
        what = tr("recording %1").arg(m_recordingTitle);
    } else if (!m_session->path().isEmpty()) {
        what = QFileInfo(m_session->path()).fileName();
        if (m_session->isTemporary()) {
            what += tr(" (not saved)");
        }
    }
    setWindowTitle(what.isEmpty() ? tr("syscope") : what + QStringLiteral(" — syscope"));
}

void MainWindow::onSessionState() {
    const bool empty = m_session->state() == TraceSession::State::Empty;
    if (empty) {
        m_stack->setCurrentWidget(m_startPage);
        m_startPage->setRecentFiles(m_files->recentFiles());
    } else {
        m_stack->setCurrentWidget(m_sessionPage);
    }
    updateActions();
    updateTitle();
}

void MainWindow::openFile(const QString& path) {
    if (!confirmDiscard()) {
        return;
    }
    m_recorderError.clear();
    m_recorder->stop();
    m_messageBar->hide();
    m_files->open(path);
}

bool MainWindow::startRecording(const RecordOptions& options) {
    if (m_recorder->isRunning()) {
        showMessage(tr("A recording is already running; stop it first."), true);
        return false;
    }
    if (!confirmDiscard()) {
        return false;
    }
    m_messageBar->hide();
    m_recorderError.clear();
    m_session->close();
    const QString output = RecorderProcess::newCacheFile(options);
    if (!m_recorder->start(options, output)) {
        showMessage(m_recorder->errorString(), true);
        return false;
    }
    m_recordingTitle = options.describe();
    m_session->followLiveFile(output);
    m_session->setTemporary(true);
    showView(QStringLiteral("timeline"));
    updateActions();
    updateTitle();
    return true;
}

bool MainWindow::attachTo(qint64 pid, bool elevated) {
    RecordOptions options;
    options.attachPid = pid;
    options.elevated = elevated;
    return startRecording(options);
}

bool MainWindow::runDemo() {
    const QString demo = findSyscopeDemo();
    if (demo.isEmpty()) {
        showMessage(tr("syscope-demo was not found next to syscope or in PATH."), true);
        return false;
    }
    RecordOptions options;
    options.command = {demo};
    return startRecording(options);
}

void MainWindow::stopRecording() {
    m_recorder->stop();
}

void MainWindow::onRecorderFinished(bool ok, int exitCode, const QString& message) {
    if (!ok) {
        m_recorderError = message;
    }
    m_session->finishLive();
    if (!ok) {
        showMessage(tr("Recording failed: %1").arg(message), true);
    } else if (exitCode != 0) {
        showMessage(
            tr("The traced program ended with exit status %1. %2").arg(exitCode).arg(message),
            false);
    }
    updateActions();
    updateTitle();
}

void MainWindow::showRecordDialog() {
    RecordDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        startRecording(dialog.options());
    }
}

void MainWindow::showAttachDialog() {
    AttachDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && dialog.selectedPid() > 0) {
        attachTo(dialog.selectedPid(), dialog.elevated());
    }
}

void MainWindow::exportTimelinePicture() {
    const QString base =
        QFileInfo(m_session->path()).completeBaseName() + QStringLiteral("-timeline");
    exportPictureInteractively(
        this, tr("Export Timeline Picture"), base, m_timeline->exportSize(),
        [this](QPainter& p, const QRect& r) { m_timeline->renderForExport(p, r); });
}

void MainWindow::exportStatisticsPicture() {
    QCustomPlot* plot = m_statistics->plot();
    const QSize size = plot->size().isEmpty() ? QSize(800, 500) : plot->size();
    const QString base = QFileInfo(m_session->path()).completeBaseName() + QStringLiteral("-stats");
    exportPictureInteractively(this, tr("Export Statistics Plot"), base, size,
                               [plot](QPainter& p, const QRect& r) {
                                   // Recorded as vector commands, so SVG and PDF stay sharp.
                                   QPicture picture;
                                   {
                                       QCPPainter recorder(&picture);
                                       plot->toPainter(&recorder, r.width(), r.height());
                                   }
                                   p.drawPicture(r.topLeft(), picture);
                               });
}

bool MainWindow::confirmDiscard() {
    if (!m_session->isTemporary() || m_session->store().eventCount() == 0 ||
        m_session->state() == TraceSession::State::Live || !isVisible() ||
        testAttribute(Qt::WA_DontShowOnScreen)) {
        return true;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved Recording"),
        tr("The recording is only in the cache folder (%1). Save it before going on?")
            .arg(m_session->path()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) {
        return false;
    }
    if (answer == QMessageBox::Save) {
        return m_files->saveAsWithDialog();
    }
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty() &&
        event->mimeData()->urls().first().isLocalFile()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        openFile(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    m_recorder->stop();
    event->accept();
}

} // namespace syscope::gui
