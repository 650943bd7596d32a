#include "road/RoadView.h"

#include "PictureExport.h"
#include "SelectionState.h"
#include "TraceSession.h"
#include "road/KernelFacts.h"
#include "road/RoadFocus.h"
#include "road/RoadPainter.h"
#include "syscalls/SyscallTable.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <sys/utsname.h>

namespace syscope::gui::road {

RoadCanvas::RoadCanvas(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void RoadCanvas::setRoad(const SyscallRoad& road) {
    m_road = road;
    update();
}

double RoadCanvas::fontScale() const {
    const double pt = font().pointSizeF();
    return pt > 0 ? std::clamp(pt / 10.0, 1.0, 2.2) : 1.0;
}

void RoadCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintRoad(p, QRectF(rect()), m_road, RoadPaintOptions{palette(), fontScale()});
}

RoadView::RoadView(TraceSession* session, SelectionState* selection, RoadFocus* focus,
                   QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_selection(selection)
    , m_focus(focus)
    , m_canvas(new RoadCanvas)
    , m_caption(new QLabel) {
    auto* exportButton = new QPushButton(tr("Export Picture…"));
    exportButton->setToolTip(tr("Save this picture as PNG, SVG or PDF (for slides)"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_caption, 1);
    bar->addWidget(exportButton);
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);

    m_timer.setSingleShot(true);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &RoadView::refresh);
    connect(exportButton, &QPushButton::clicked, this, &RoadView::exportPicture);
    if (m_selection) {
        connect(m_selection, &SelectionState::selectedEventChanged, this, [this](qint64 event) {
            if (event >= 0) {
                m_source = Source::Event;
                schedule();
            }
        });
    }
    if (m_focus) {
        connect(m_focus, &RoadFocus::syscallChanged, this, [this] {
            m_source = Source::Table;
            if (isVisible()) {
                refresh(); // a click in the table: show it at once
            } else {
                m_stale = true;
            }
        });
    }
    if (m_session) {
        connect(m_session, &TraceSession::cleared, this, [this] {
            if (m_source == Source::Event) {
                m_source = Source::Default;
            }
            schedule();
        });
        connect(m_session, &TraceSession::eventsAppended, this, [this] {
            if (m_source == Source::Default && m_shownEvent < 0) {
                schedule();
            }
        });
        connect(m_session, &TraceSession::finished, this, &RoadView::schedule);
    }
}

void RoadView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void RoadView::schedule() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (!m_timer.isActive()) {
        m_timer.start();
    }
}

// Files the dynamic loader and libc open on every start: not what a lecture wants to show first.
static bool isStartupFile(std::string_view path) {
    for (std::string_view part : {".so", "ld.so.cache", "/locale", "gconv", "/proc/", "/sys/"}) {
        if (path.find(part) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

qint64 RoadView::defaultEvent() const {
    if (!m_session) {
        return -1;
    }
    const TraceStore& store = m_session->store();
    const std::size_t n = store.eventCount();
    const auto openat = SyscallTable::forArch(Arch::X86_64).numberOf("openat");
    // Teaching order: the program's own openat of a file (not a library the loader maps), then
    // any openat, then any finished syscall.
    qint64 anyOpenat = -1;
    qint64 firstFinished = -1;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = store.eventByEnterTime(k);
        const std::uint8_t flags = store.flags(i);
        if (flags & (EventFlag::Unfinished | EventFlag::Vdso)) {
            continue;
        }
        if (openat && store.arch(i) == Arch::X86_64 && store.nr(i) == *openat) {
            const auto path = store.string(i, 1);
            if (path && !isStartupFile(path->bytes)) {
                return qint64(i);
            }
            if (anyOpenat < 0) {
                anyOpenat = qint64(i);
            }
        }
        if (firstFinished < 0) {
            firstFinished = qint64(i);
        }
    }
    if (anyOpenat >= 0) {
        return anyOpenat;
    }
    return firstFinished >= 0 ? firstFinished : (n > 0 ? 0 : -1);
}

SyscallRoad RoadView::roadForEvent(qint64 event) const {
    const KernelFacts& facts = KernelFacts::get();
    const TraceStore& store = m_session->store();
    const auto i = std::size_t(event);
    const SyscallEvent e = store.event(i);
    RoadInputs in;
    in.kallsyms = facts.symbols();
    in.kallsymsError = facts.kallsymsError.toStdString();
    in.maps = store.mapsAt(e.pid, e.enter);
    const AuxvSnapshot* auxv = nullptr;
    for (const AuxvSnapshot& a : store.auxv()) {
        if (a.pid == e.pid && a.time <= e.enter) {
            auxv = &a; // the latest one before the call (a later exec replaces it)
        }
    }
    in.auxv = auxv;
    in.vdso = facts.vdso ? &*facts.vdso : nullptr;
    in.program = store.task(store.taskIndex(i)).exe;
    in.strings = [&store, i](int arg) -> std::optional<ArgString> {
        if (auto s = store.string(i, arg)) {
            return ArgString{s->bytes, s->truncated};
        }
        return std::nullopt;
    };
    SyscallRoad road = buildSyscallRoad(e, in);
    // The kernel addresses are the ones of the machine showing the trace, now.
    const std::string& recorded = store.metadata().kernelRelease;
    struct utsname uts {};
    if (!road.vdso && !recorded.empty() && ::uname(&uts) == 0 && recorded != uts.release) {
        road.addressNote += (road.addressNote.empty() ? "" : " ") +
                            std::string("The trace was recorded on Linux ") + recorded +
                            "; these are the symbols and addresses of this machine's " +
                            uts.release + ".";
    }
    return road;
}

void RoadView::refresh() {
    m_timer.stop();
    m_stale = false;
    const KernelFacts& facts = KernelFacts::get();
    const bool haveEvents = m_session && m_session->store().eventCount() > 0;
    qint64 event = -1;
    if (m_source == Source::Event && m_selection && haveEvents) {
        event = m_selection->selectedEvent();
        if (event >= qint64(m_session->store().eventCount())) {
            event = -1;
        }
    }
    if (m_source == Source::Default && haveEvents) {
        event = defaultEvent();
    }
    if (event >= 0) {
        m_shownEvent = event;
        m_canvas->setRoad(roadForEvent(event));
        m_caption->setText(
            m_source == Source::Event
                ? tr("The road of the selected call (event %1). Pick another in the Timeline "
                     "or Events view, or a syscall in the Syscalls table.")
                      .arg(event)
                : tr("The road of the program's first openat (event %1). Pick a call in the "
                     "Timeline or Events view, or a syscall in the Syscalls table.")
                      .arg(event));
        return;
    }
    m_shownEvent = -1;
    RoadInputs in;
    in.kallsyms = facts.symbols();
    in.kallsymsError = facts.kallsymsError.toStdString();
    Arch arch = Arch::X86_64;
    int nr = SyscallTable::forArch(Arch::X86_64).numberOf("openat").value_or(257);
    if (m_source == Source::Table && m_focus && m_focus->hasSyscall()) {
        arch = m_focus->arch();
        nr = m_focus->nr();
    }
    m_canvas->setRoad(buildSyscallRoad(arch, nr, in));
    m_caption->setText(tr("The road of %1 from the syscall table (no recorded values). Open a "
                          "trace and pick a call to see its real arguments and result.")
                           .arg(QString::fromStdString(syscallName(arch, nr))));
}

void RoadView::exportPicture() {
    const SyscallRoad road = m_canvas->road();
    const QPalette pal = palette();
    const double scale = m_canvas->fontScale();
    exportPictureInteractively(
        this, tr("Export the Road"),
        QStringLiteral("syscope-road-%1").arg(QString::fromStdString(road.name)), QSize(1600, 900),
        [road, pal, scale](QPainter& p, const QRect& r) {
            paintRoad(p, QRectF(r), road, RoadPaintOptions{pal, scale});
        });
}

} // namespace syscope::gui::road
