// One open trace: the TraceStore and where its events come from (a file being loaded, or a live
// file that a recorder appends to). Views read store() on the GUI thread and listen to
// eventsAppended() / cleared().
//
// Responsiveness: a TraceFeed decodes on a worker thread; here a timer appends queued batches to
// the store with a time budget per tick (kAppendBudgetMs), so the event loop never waits long on
// trace data, however fast the recorder writes or however big the file is. The first events are
// visible after the first tick.
#pragma once

#include "trace/TraceStore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <deque>
#include <memory>

namespace syscope::gui {

class TraceFeed;

class TraceSession : public QObject {
    Q_OBJECT
public:
    enum class State {
        Empty,   // nothing open
        Loading, // reading a saved file
        Live,    // following a file that a recorder is writing
        Ready,   // everything there is has been read
        Failed,  // the file could not be read at all
    };
    Q_ENUM(State)

    // Milliseconds of appending per timer tick at most.
    static constexpr int kAppendBudgetMs = 25;
    // Timer period while live: 20 updates per second.
    static constexpr int kLiveIntervalMs = 50;

    explicit TraceSession(QObject* parent = nullptr);
    ~TraceSession() override;

    const TraceStore& store() const { return m_store; }
    State state() const { return m_state; }
    QString path() const { return m_path; }
    // The file lives in the cache folder and has not been saved by the user.
    bool isTemporary() const { return m_temporary; }
    void setTemporary(bool temporary) { m_temporary = temporary; }

    // Starts reading a saved trace; returns at once.
    void openFile(const QString& path);
    // Starts following a file that a recorder is (about to start) writing.
    void followLiveFile(const QString& path);
    // The recorder ended: read the rest and finish.
    void finishLive();
    // Stops reading; what was read stays.
    void cancel();
    // Empties the store.
    void close();

    // Fraction of the file read so far (0..1); 1 when finished.
    double progress() const { return m_progress; }
    // Why reading stopped early (truncated or corrupt file, cancel); empty for a clean file.
    QString warning() const { return m_warning; }
    QString error() const { return m_error; }
    bool cancelled() const { return m_cancelled; }

    // Events per second over the last second of appending (live), else 0.
    double eventRate() const { return m_rate; }
    // Wall-clock milliseconds since the session started following a live file.
    qint64 liveElapsedMs() const;

    // Reads and appends everything available now, without a time budget (tests, screenshots):
    // returns when the state is no longer Loading, or after timeoutMs.
    bool waitUntilLoaded(int timeoutMs);

signals:
    void cleared();
    // Events [firstEvent, store().eventCount()) are new (tasks and process events may be new too).
    void eventsAppended(quint64 firstEvent);
    void progressChanged(double fraction);
    void stateChanged(syscope::gui::TraceSession::State state);
    // Reading has finished (cleanly or not); warning() says what was missing.
    void finished();
    void failed(const QString& message);

private:
    void start(const QString& path, bool live);
    void tick();
    void pump(qint64 budgetMs);
    void setState(State state);
    void updateRate();

    TraceStore m_store;
    std::unique_ptr<TraceFeed> m_feed;
    QTimer m_timer;
    State m_state = State::Empty;
    QString m_path;
    bool m_temporary = false;
    bool m_cancelled = false;
    bool m_metadataSet = false;
    double m_progress = 0;
    QString m_warning;
    QString m_error;
    QElapsedTimer m_liveClock;
    QElapsedTimer m_rateClock;
    quint64 m_rateEvents = 0;
    double m_rate = 0;
};

} // namespace syscope::gui
