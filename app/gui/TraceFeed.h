// Reads a trace file on a worker thread and hands its batches to the GUI thread through a
// bounded queue. The same feed serves a saved file (read to the end) and a live one that a
// recorder is still appending to (keep reading as chunks arrive until finishLive()).
//
// Threading: the worker owns the TraceReader; the GUI thread calls take() on a timer and appends
// what it gets to the TraceStore, which never leaves the GUI thread. When the GUI falls behind,
// the worker waits (bounded memory); nothing is dropped.
#pragma once

#include "trace/Event.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace syscope::gui {

class TraceFeed {
public:
    struct Batch {
        EventBatch batch;
        std::uint64_t bytesRead = 0; // the reader's offset after this batch
        std::uint64_t fileSize = 0;
    };
    enum class Outcome {
        Running,
        Complete,  // end marker reached
        Truncated, // no more complete chunks and nobody will write more (crashed recorder)
        Corrupt,   // a damaged chunk; what came before was delivered
        Failed,    // the file could not be opened as a trace
        Cancelled,
    };

    TraceFeed();
    ~TraceFeed(); // cancels and joins

    TraceFeed(const TraceFeed&) = delete;
    TraceFeed& operator=(const TraceFeed&) = delete;

    // live: the file may not exist or be empty yet, and Truncated means "wait for more".
    void start(const std::string& path, bool live);
    // The writer has finished: read what is left, then stop at the end or at a truncation.
    void finishLive();
    void cancel();

    // Moves up to maxBatches queued batches into `out` (appending). Never blocks for long.
    std::size_t take(std::deque<Batch>& out, std::size_t maxBatches);

    // After the worker stopped and the queue is empty, the outcome is final.
    Outcome outcome() const;
    bool drained() const; // outcome final and nothing queued
    std::string message() const;
    TraceMetadata metadata() const;
    bool hasMetadata() const;

    static constexpr std::size_t kMaxQueued = 32;

private:
    void run(std::string path, bool live);
    bool waitUntilWanted(int ms); // false when cancelled
    void finish(Outcome outcome, std::string message);

    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Batch> m_queue;
    Outcome m_outcome = Outcome::Running;
    std::string m_message;
    TraceMetadata m_meta;
    bool m_hasMeta = false;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_liveEnded{false};
};

} // namespace syscope::gui
