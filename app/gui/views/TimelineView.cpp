#include "views/TimelineView.h"

#include "SelectionState.h"
#include "TraceSession.h"
#include "views/SyscallColors.h"
#include "views/TimelineCanvas.h"

#include <QAction>
#include <QHBoxLayout>
#include <QPainter>
#include <QScrollBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace syscope::gui {

namespace {

// The colour key under the timeline: every category, then failed / unfinished / exec / signal.
class TimelineLegend : public QWidget {
public:
    explicit TimelineLegend(QWidget* parent)
        : QWidget(parent) {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    QSize sizeHint() const override { return {600, fontMetrics().height() + 10}; }
    QSize minimumSizeHint() const override { return {100, fontMetrics().height() + 10}; }

    static void paintLegend(QPainter& p, const QRect& r, const QPalette& pal) {
        const QFontMetrics fm(p.font());
        const int box = fm.height() - 4;
        const int y = r.top() + (r.height() - box) / 2;
        int x = r.left() + 6;
        p.setPen(pal.color(QPalette::WindowText));
        const auto label = [&](const QString& text) {
            p.drawText(QRect(x, r.top(), fm.horizontalAdvance(text) + 2, r.height()),
                       Qt::AlignVCenter | Qt::AlignLeft, text);
            x += fm.horizontalAdvance(text) + 14;
        };
        for (int c = 0; c < kCategoryCount; ++c) {
            p.fillRect(QRect(x, y, box * 2, box), categoryColor(SyscallCategory(c)));
            x += box * 2 + 4;
            label(categoryName(SyscallCategory(c)));
        }
        const QColor neutral = categoryColor(SyscallCategory::Other);
        p.fillRect(QRect(x, y, box * 2, box), neutral);
        p.fillRect(QRect(x, y, box * 2, std::max(3, box / 4)), failedColor());
        x += box * 2 + 4;
        label(QObject::tr("failed"));
        p.fillRect(QRect(x, y, box * 2, box), neutral.lighter(130));
        p.fillRect(QRect(x, y, box * 2, box), QBrush(neutral.darker(135), Qt::BDiagPattern));
        x += box * 2 + 4;
        label(QObject::tr("unfinished"));
        p.fillRect(QRect(x + box / 2, y - 1, 2, box + 2), pal.color(QPalette::WindowText));
        x += box + 4;
        label(QObject::tr("exec"));
        const double h = box + 2;
        const QPointF diamond[4] = {{x + h / 2, y - 1.0},
                                    {x + h, y - 1 + h / 2},
                                    {x + h / 2, y - 1 + h},
                                    {double(x), y - 1 + h / 2}};
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(pal.color(QPalette::WindowText), 1));
        p.setBrush(kSignalColor);
        p.drawPolygon(diamond, 4);
        p.restore();
        x += int(h) + 4;
        label(QObject::tr("signal delivered"));
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.fillRect(rect(), palette().color(QPalette::Window));
        paintLegend(p, rect(), palette());
    }
};

} // namespace

TimelineView::TimelineView(TraceSession* session, SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_selection(selection) {
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_canvas = new TimelineCanvas(session, selection, this);
    m_scroll = new QScrollBar(Qt::Vertical, this);
    m_legend = new TimelineLegend(this);

    const auto make = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        m_toolBar->addAction(a);
        return a;
    };
    m_zoomIn = make(tr("Zoom In"), QKeySequence(Qt::CTRL | Qt::Key_Equal),
                    tr("Zoom in around the middle; the wheel zooms around the cursor"));
    m_zoomOut = make(tr("Zoom Out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), tr("Zoom out"));
    m_fit = make(tr("Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), tr("Show the whole trace"));
    m_zoomRange = make(tr("Zoom to Range"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                       tr("Zoom to the selected time range"));
    m_follow = make(tr("Follow Live"), QKeySequence(Qt::CTRL | Qt::Key_L),
                    tr("Keep the newest syscalls in view while recording"));
    m_follow->setCheckable(true);
    m_toolBar->addSeparator();
    m_clearRange = make(tr("Show All Times"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                        tr("Forget the selected time range (Shift+drag or drag in the ruler "
                           "selects one)"));
    for (QAction* a : {m_zoomIn, m_zoomOut, m_fit, m_zoomRange, m_follow, m_clearRange}) {
        a->setShortcutContext(Qt::WindowShortcut);
    }
    connect(m_zoomIn, &QAction::triggered, this, [this] { m_canvas->zoomBy(1.5); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { m_canvas->zoomBy(1 / 1.5); });
    connect(m_fit, &QAction::triggered, this, [this] {
        setFollowLive(false);
        m_canvas->fit();
    });
    connect(m_zoomRange, &QAction::triggered, m_canvas, &TimelineCanvas::zoomToRange);
    connect(m_follow, &QAction::toggled, this, [this](bool on) {
        if (on) {
            m_canvas->followEnd();
        }
    });
    connect(m_clearRange, &QAction::triggered, selection, &SelectionState::clearRange);
    m_zoomRange->setEnabled(false);
    m_clearRange->setEnabled(false);
    connect(selection, &SelectionState::rangeChanged, this, [this](TimeRange r) {
        m_zoomRange->setEnabled(r.isValid());
        m_clearRange->setEnabled(r.isValid());
    });

    auto* middle = new QHBoxLayout;
    middle->setContentsMargins(0, 0, 0, 0);
    middle->setSpacing(0);
    middle->addWidget(m_canvas, 1);
    middle->addWidget(m_scroll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addLayout(middle, 1);
    layout->addWidget(m_legend);

    connect(m_scroll, &QScrollBar::valueChanged, m_canvas, &TimelineCanvas::setScrollY);
    connect(m_canvas, &TimelineCanvas::viewChanged, this, &TimelineView::syncScrollBar);
    connect(m_canvas, &TimelineCanvas::layoutChanged, this, &TimelineView::syncScrollBar);
    connect(m_canvas, &TimelineCanvas::viewMovedByUser, this, [this] {
        setFollowLive(false);
        m_userMoved = true;
    });
    connect(session, &TraceSession::eventsAppended, this, &TimelineView::onAppended);
    connect(session, &TraceSession::cleared, this, &TimelineView::onCleared);
    connect(session, &TraceSession::stateChanged, this, [this](TraceSession::State s) {
        if (s == TraceSession::State::Live) {
            setFollowLive(true);
        } else if (s == TraceSession::State::Ready && followLive()) {
            setFollowLive(false);
            m_canvas->refreshLayout();
            m_canvas->fit();
        }
    });
    connect(selection, &SelectionState::selectedEventChanged, this, &TimelineView::onSelectedEvent);
}

QList<QAction*> TimelineView::viewActions() const {
    return {m_zoomIn, m_zoomOut, m_fit, m_zoomRange, m_follow, m_clearRange};
}

bool TimelineView::followLive() const {
    return m_follow->isChecked();
}

void TimelineView::setFollowLive(bool on) {
    m_follow->setChecked(on);
}

void TimelineView::onCleared() {
    m_fitted = false;
    m_userMoved = false;
    m_canvas->refreshLayout();
}

void TimelineView::onAppended() {
    const TraceStore& store = m_session->store();
    if (m_canvas->layout().taskCount() != store.taskCount()) {
        m_canvas->refreshLayout();
    } else {
        // Same lanes; the bounds and lifetimes still grow.
        m_canvas->refreshLayout();
    }
    if (followLive()) {
        m_canvas->followEnd();
    } else if (!m_fitted || (m_session->state() == TraceSession::State::Loading && !m_userMoved)) {
        // While a file loads, keep showing all of it until the user takes over.
        m_canvas->fit();
    }
    m_fitted = true;
    m_canvas->update();
}

void TimelineView::onSelectedEvent(qint64 event) {
    if (event < 0) {
        return;
    }
    // A click in the canvas selected it: it is in view already. From elsewhere: centre it.
    m_canvas->reveal(std::size_t(event), !m_canvas->isSelecting());
}

void TimelineView::syncScrollBar() {
    const int page = m_canvas->rowsHeight();
    const int total = m_canvas->layout().totalHeight();
    const QSignalBlocker block(m_scroll);
    m_scroll->setRange(0, std::max(0, total - page));
    m_scroll->setPageStep(std::max(1, page));
    m_scroll->setSingleStep(std::max(1, page / 10));
    m_scroll->setValue(m_canvas->scrollY());
    m_scroll->setVisible(total > page);
}

QSize TimelineView::exportSize() const {
    return {m_canvas->width(), m_canvas->height() + m_legend->height()};
}

void TimelineView::renderForExport(QPainter& painter, const QRect& target) {
    const int legendHeight = m_legend->sizeHint().height();
    const QRect canvasRect(target.left(), target.top(), target.width(),
                           target.height() - legendHeight);
    painter.save();
    painter.setFont(m_canvas->font());
    TimelinePainter timelinePainter;
    TimeAxis axis = m_canvas->axis();
    axis.setWidth(canvasRect.width() - m_canvas->labelWidth());
    const auto& store = m_session->store();
    TimelinePaintOptions options = m_canvas->paintOptions();
    options.hasCursor = false;
    painter.setClipRect(canvasRect);
    timelinePainter.paint(painter, canvasRect, store, m_canvas->index(), m_canvas->layout(), axis,
                          options);
    painter.setClipping(false);
    const QRect legendRect(target.left(), canvasRect.bottom() + 1, target.width(), legendHeight);
    painter.fillRect(legendRect, palette().color(QPalette::Window));
    TimelineLegend::paintLegend(painter, legendRect, palette());
    painter.restore();
}

} // namespace syscope::gui
