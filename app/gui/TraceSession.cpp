#include "TraceSession.h"

#include "TraceFeed.h"

#include <QCoreApplication>
#include <QThread>

namespace syscope::gui {

TraceSession::TraceSession(QObject* parent)
    : QObject(parent) {
    connect(&m_timer, &QTimer::timeout, this, &TraceSession::tick);
}

TraceSession::~TraceSession() = default;

void TraceSession::openFile(const QString& path) {
    start(path, false);
}

void TraceSession::followLiveFile(const QString& path) {
    start(path, true);
}

void TraceSession::start(const QString& path, bool live) {
    close();
    m_path = path;
    m_feed = std::make_unique<TraceFeed>();
    m_feed->start(path.toStdString(), live);
    m_rateClock.start();
    if (live) {
        m_liveClock.start();
    }
    setState(live ? State::Live : State::Loading);
    // While loading, tick whenever the event loop is idle; while live, 20 times a second.
    m_timer.start(live ? kLiveIntervalMs : 0);
}

void TraceSession::finishLive() {
    if (m_feed) {
        m_feed->finishLive();
    }
    // Drain quickly now that the end is near.
    if (m_state == State::Live) {
        m_timer.setInterval(0);
    }
}

void TraceSession::cancel() {
    if (!m_feed || m_state == State::Ready || m_state == State::Failed) {
        return;
    }
    m_cancelled = true;
    m_feed->cancel();
    m_timer.stop();
    m_feed.reset();
    m_warning = tr("Loading cancelled: %1 events of the file are shown.").arg(m_store.eventCount());
    m_progress = 1;
    setState(State::Ready);
    emit finished();
}

void TraceSession::close() {
    m_timer.stop();
    m_feed.reset(); // joins the worker
    m_store.clear();
    m_path.clear();
    m_temporary = false;
    m_cancelled = false;
    m_metadataSet = false;
    m_progress = 0;
    m_warning.clear();
    m_error.clear();
    m_rate = 0;
    m_rateEvents = 0;
    m_liveClock.invalidate();
    setState(State::Empty);
    emit cleared();
}

qint64 TraceSession::liveElapsedMs() const {
    return m_liveClock.isValid() ? m_liveClock.elapsed() : 0;
}

void TraceSession::setState(State state) {
    if (state == m_state) {
        return;
    }
    m_state = state;
    emit stateChanged(state);
}

void TraceSession::tick() {
    pump(kAppendBudgetMs);
}

void TraceSession::pump(qint64 budgetMs) {
    if (!m_feed) {
        return;
    }
    if (!m_metadataSet && m_feed->hasMetadata()) {
        m_store.setMetadata(m_feed->metadata());
        m_metadataSet = true;
    }
    QElapsedTimer clock;
    clock.start();
    const std::size_t before = m_store.eventCount();
    const std::size_t tasksBefore = m_store.taskCount();
    const std::size_t processEventsBefore = m_store.processEvents().size();
    std::deque<TraceFeed::Batch> batches;
    double progress = m_progress;
    while (budgetMs < 0 || clock.elapsed() < budgetMs) {
        batches.clear();
        if (m_feed->take(batches, 1) == 0) {
            break;
        }
        for (auto& b : batches) {
            m_store.append(b.batch);
            if (b.fileSize > 0) {
                progress = double(b.bytesRead) / double(b.fileSize);
            }
        }
    }
    const bool grew = m_store.eventCount() != before || m_store.taskCount() != tasksBefore ||
                      m_store.processEvents().size() != processEventsBefore;
    if (grew) {
        emit eventsAppended(before);
    }
    if (m_state == State::Loading && progress != m_progress) {
        m_progress = progress;
        emit progressChanged(progress);
    }
    updateRate();

    if (!m_feed->drained()) {
        return;
    }
    // The worker has stopped and everything it read is in the store.
    const auto outcome = m_feed->outcome();
    const QString message = QString::fromStdString(m_feed->message());
    m_feed.reset();
    m_timer.stop();
    m_progress = 1;
    m_rate = 0;
    if (!m_metadataSet && outcome == TraceFeed::Outcome::Failed) {
        m_error = message;
        setState(State::Failed);
        emit failed(message);
        return;
    }
    switch (outcome) {
    case TraceFeed::Outcome::Truncated:
        m_warning = tr("The trace ends early (%1); %2 events were recovered.")
                        .arg(message)
                        .arg(m_store.eventCount());
        break;
    case TraceFeed::Outcome::Corrupt:
        m_warning =
            tr("%1 — the %2 events before it are shown.").arg(message).arg(m_store.eventCount());
        break;
    default:
        break;
    }
    m_store.shrinkToFit();
    setState(State::Ready);
    emit progressChanged(1.0);
    emit finished();
}

void TraceSession::updateRate() {
    if (m_state != State::Live) {
        return;
    }
    const qint64 ms = m_rateClock.elapsed();
    if (ms < 1000) {
        return;
    }
    const quint64 now = m_store.eventCount();
    m_rate = double(now - m_rateEvents) * 1000.0 / double(ms);
    m_rateEvents = now;
    m_rateClock.restart();
}

bool TraceSession::waitUntilLoaded(int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while ((m_state == State::Loading || m_state == State::Live) && m_feed) {
        pump(-1);
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        if (m_feed && !m_feed->drained()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QThread::msleep(2);
        }
    }
    return true;
}

} // namespace syscope::gui
