#include "SessionStatusBar.h"

#include "TraceSession.h"
#include "views/TimeAxis.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

namespace syscope::gui {

namespace {

QString clock(qint64 ms) {
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

SessionStatusBar::SessionStatusBar(TraceSession* session, QWidget* parent)
    : QStatusBar(parent)
    , m_session(session) {
    m_state = new QLabel(this);
    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("Loading %p%"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop loading; what was read stays visible"));
    addWidget(m_state);
    addWidget(m_summary, 1);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, session, &TraceSession::cancel);
    m_timer = new QTimer(this);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &SessionStatusBar::refresh);
    connect(session, &TraceSession::stateChanged, this, [this](TraceSession::State s) {
        const bool loading = s == TraceSession::State::Loading;
        m_progress->setVisible(loading);
        m_cancel->setVisible(loading);
        m_progress->setValue(0);
        if (s == TraceSession::State::Live || loading) {
            m_timer->start();
        } else {
            m_timer->stop();
        }
        refresh();
    });
    connect(session, &TraceSession::progressChanged, this,
            [this](double f) { m_progress->setValue(int(f * 1000)); });
    connect(session, &TraceSession::finished, this, &SessionStatusBar::refresh);
    connect(session, &TraceSession::cleared, this, &SessionStatusBar::refresh);
    refresh();
}

QString SessionStatusBar::summary() const {
    const TraceStore& store = m_session->store();
    const auto state = m_session->state();
    if (state == TraceSession::State::Empty || state == TraceSession::State::Failed) {
        return {};
    }
    QStringList parts;
    parts << tr("%L1 events").arg(store.eventCount());
    const TimeNs length = store.endTime() - store.startTime();
    if (state == TraceSession::State::Live) {
        parts << tr("%L1 events/s").arg(qint64(m_session->eventRate()));
    } else if (length > 0) {
        parts << tr("%L1 events/s").arg(qint64(double(store.eventCount()) * 1e9 / double(length)));
    }
    parts << tr("%L1 processes, %L2 threads").arg(store.processCount()).arg(store.taskCount());
    if (state == TraceSession::State::Live) {
        parts << tr("%1 elapsed").arg(clock(m_session->liveElapsedMs()));
    } else {
        parts << tr("%1 traced").arg(TimeAxis::formatDuration(length));
    }
    return parts.join(QStringLiteral("  ·  "));
}

void SessionStatusBar::refresh() {
    switch (m_session->state()) {
    case TraceSession::State::Empty:
        m_state->setText({});
        break;
    case TraceSession::State::Loading:
        m_state->setText(tr("Loading…"));
        break;
    case TraceSession::State::Live:
        m_state->setText(QStringLiteral("<b style='color:#d62728'>●</b> ") + tr("Recording"));
        break;
    case TraceSession::State::Ready:
        m_state->setText(m_session->isTemporary() ? tr("Recorded (not saved)") : tr("Ready"));
        break;
    case TraceSession::State::Failed:
        m_state->setText(tr("Could not read the trace"));
        break;
    }
    m_summary->setText(summary());
}

} // namespace syscope::gui
