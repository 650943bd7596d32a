#include "lab/AddressMapView.h"

#include "SelectionState.h"
#include "TraceSession.h"
#include "lab/AddressMapCanvas.h"
#include "lab/LabUi.h"
#include "syscalls/SyscallTable.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <limits>

namespace syscope::gui::lab {

AddressMapView::AddressMapView(TraceSession* session, SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_selection(selection) {
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("vsyscallBadge"));
    m_badge->setTextFormat(Qt::RichText);
    m_legend = new QLabel(this);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    QString legend;
    for (int k = 0; k < kMapKindCount; ++k) {
        const auto kind = static_cast<MapKind>(k);
        const auto name = mapKindName(kind);
        legend += QStringLiteral("<span style='color:%1;font-size:large'>&#9632;</span>&nbsp;%2"
                                 "&nbsp;&nbsp; ")
                      .arg(mapKindColor(kind).name(),
                           QString::fromUtf8(name.data(), qsizetype(name.size())));
    }
    legend += tr("&nbsp; <b style='color:#ff2020'>&#9633;</b> new since the previous snapshot");
    m_legend->setText(legend);

    m_canvas = new AddressMapCanvas;
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto* exportButton =
        makeExportButton(this, tr("Export Address Map"), QStringLiteral("address-map"), m_canvas,
                         [this](QPainter& p, const QRect& r) { m_canvas->paintTo(p, r); });

    auto* group = new QCheckBox(tr("One row per file"), this);
    group->setChecked(true);
    group->setToolTip(tr("The loader maps every file in several pieces (r--p, r-xp, r--p, rw-p); "
                         "show them as one row, or each mapping on its own"));
    connect(group, &QCheckBox::toggled, m_canvas, &AddressMapCanvas::setGrouping);
    auto* top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(group);
    top->addWidget(m_badge);
    top->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_legend);
    layout->addWidget(m_scroll, 1);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(30);
    connect(m_timer, &QTimer::timeout, this, &AddressMapView::refresh);
    connect(selection, &SelectionState::cursorTimeChanged, this, &AddressMapView::schedule);
    connect(selection, &SelectionState::selectedEventChanged, this, &AddressMapView::schedule);
    connect(session, &TraceSession::eventsAppended, this, &AddressMapView::schedule);
    connect(session, &TraceSession::finished, this, &AddressMapView::schedule);
    connect(session, &TraceSession::cleared, this, &AddressMapView::schedule);
    refresh();
}

void AddressMapView::schedule() {
    if (!m_timer->isActive()) {
        m_timer->start();
    }
}

std::int32_t AddressMapView::choosePid() const {
    const TraceStore& store = m_session->store();
    const qint64 sel = m_selection->selectedEvent();
    if (sel >= 0 && std::size_t(sel) < store.eventCount()) {
        const std::int32_t pid = store.pid(std::size_t(sel));
        if (store.mapsAt(pid, std::numeric_limits<TimeNs>::max())) {
            return pid;
        }
    }
    const auto& snaps = store.mapsSnapshots();
    return snaps.empty() ? 0 : snaps.front().pid;
}

TimeNs AddressMapView::chooseTime() const {
    const TraceStore& store = m_session->store();
    if (m_selection->hasCursorTime()) {
        return m_selection->cursorTime();
    }
    const qint64 sel = m_selection->selectedEvent();
    if (sel >= 0 && std::size_t(sel) < store.eventCount()) {
        return store.enterTime(std::size_t(sel));
    }
    return store.endTime(); // nothing chosen yet: the final map
}

QString AddressMapView::headerText() const {
    return m_header->text();
}

void AddressMapView::refresh() {
    const TraceStore& store = m_session->store();
    const QString mode = QString::fromStdString(store.metadata().vsyscallMode);
    const QString modeText = mode.isEmpty() ? tr("unknown") : mode;
    const QString modeExplain =
        mode == QLatin1String("xonly")
            ? tr("execute-only: the page is there, calls into it are emulated, reading it faults")
        : mode == QLatin1String("emulate") ? tr("emulated: readable, calls trap and are emulated")
        : mode == QLatin1String("none")    ? tr("no vsyscall page at all")
                                           : tr("the trace does not say");
    m_badge->setText(QStringLiteral("<span style='background:#6a3d9a;color:white;padding:4px'>"
                                    "&nbsp;vsyscall: %1&nbsp;</span>")
                         .arg(modeText.toHtmlEscaped()));
    m_badge->setToolTip(tr("vsyscall mode of the recording kernel: %1").arg(modeExplain));

    m_pid = choosePid();
    m_snapshotTime = 0;
    if (m_pid == 0) {
        m_canvas->clear();
        m_header->setText(tr("<b>Address map</b>: no maps snapshots in this trace."));
        return;
    }
    const TimeNs t = chooseTime();
    const MapsSnapshot* snap = store.mapsAt(m_pid, t);
    bool beforeFirst = false;
    if (!snap) {
        // The cursor is before the process's first snapshot: show the first.
        for (const auto& s : store.mapsSnapshots()) {
            if (s.pid == m_pid) {
                snap = &s;
                beforeFirst = true;
                break;
            }
        }
    }
    if (!snap) {
        m_canvas->clear();
        return;
    }
    // The previous snapshot of the same process, to see what the cause changed.
    const MapsSnapshot* prev = snap->time > 0 ? store.mapsAt(m_pid, snap->time - 1) : nullptr;
    if (prev == snap) {
        prev = nullptr;
    }
    std::string exe;
    if (const auto task = store.findTask(m_pid, m_pid)) {
        exe = store.task(*task).exe;
    }
    QString cause;
    if (snap->causeNr >= 0) {
        cause = QString::fromStdString(syscallName(Arch::X86_64, snap->causeNr));
    }
    m_canvas->setSnapshot(*snap, prev ? prev->entries : std::vector<MapEntry>{}, exe, cause);
    m_snapshotTime = snap->time;
    const double rel = double(snap->time - store.startTime());
    QString comm;
    if (const auto task = store.findTask(m_pid, m_pid)) {
        comm = QString::fromStdString(store.task(*task).comm).toHtmlEscaped();
    }
    const QString causeText = cause.isEmpty()
                                  ? tr("taken at exec/start")
                                  : tr("taken after <b style='color:#ff2020'>%1()</b>").arg(cause);
    m_header->setText(
        tr("<b>Address map of pid %1</b> %2 at +%3 — snapshot %4; %5 mappings, "
           "%6 gaps collapsed%7")
            .arg(m_pid)
            .arg(comm.isEmpty() ? QString() : QStringLiteral("(%1)").arg(comm), formatNs(rel),
                 causeText)
            .arg(m_canvas->entries().size())
            .arg(m_canvas->layout().gapCount())
            .arg(beforeFirst ? tr(" (the cursor is before the first snapshot)") : QString()));
}

} // namespace syscope::gui::lab
