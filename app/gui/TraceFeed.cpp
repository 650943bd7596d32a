#include "TraceFeed.h"

#include "trace/TraceReader.h"

#include <chrono>

namespace syscope::gui {

namespace {
// How often a live file is looked at again when no complete chunk is there yet (the recorder
// flushes at least every 100 ms).
constexpr int kPollMs = 30;
} // namespace

TraceFeed::TraceFeed() = default;

TraceFeed::~TraceFeed() {
    cancel();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void TraceFeed::start(const std::string& path, bool live) {
    m_thread = std::thread([this, path, live] { run(path, live); });
}

void TraceFeed::finishLive() {
    m_liveEnded = true;
    m_cv.notify_all();
}

void TraceFeed::cancel() {
    m_cancel = true;
    m_cv.notify_all();
}

std::size_t TraceFeed::take(std::deque<Batch>& out, std::size_t maxBatches) {
    std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    while (n < maxBatches && !m_queue.empty()) {
        out.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
        ++n;
    }
    if (n) {
        m_cv.notify_all();
    }
    return n;
}

TraceFeed::Outcome TraceFeed::outcome() const {
    std::lock_guard lock(m_mutex);
    return m_outcome;
}

bool TraceFeed::drained() const {
    std::lock_guard lock(m_mutex);
    return m_outcome != Outcome::Running && m_queue.empty();
}

std::string TraceFeed::message() const {
    std::lock_guard lock(m_mutex);
    return m_message;
}

TraceMetadata TraceFeed::metadata() const {
    std::lock_guard lock(m_mutex);
    return m_meta;
}

bool TraceFeed::hasMetadata() const {
    std::lock_guard lock(m_mutex);
    return m_hasMeta;
}

bool TraceFeed::waitUntilWanted(int ms) {
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return m_cancel.load(); });
    return !m_cancel;
}

void TraceFeed::finish(Outcome outcome, std::string message) {
    std::lock_guard lock(m_mutex);
    m_outcome = outcome;
    m_message = std::move(message);
}

void TraceFeed::run(std::string path, bool live) {
    std::unique_ptr<TraceReader> reader;
    std::string error;
    while (!(reader = TraceReader::open(path, &error))) {
        // A recorder creates the file and writes its header right away; until then keep asking.
        if (!live || m_liveEnded) {
            // One last look: the recorder may have written it just before it ended.
            if (live && (reader = TraceReader::open(path, &error))) {
                break;
            }
            finish(Outcome::Failed, error);
            return;
        }
        if (!waitUntilWanted(kPollMs)) {
            finish(Outcome::Cancelled, {});
            return;
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_meta = reader->metadata();
        m_hasMeta = true;
    }
    bool finalPass = false; // the writer has ended and one more full read was started
    for (;;) {
        if (m_cancel) {
            finish(Outcome::Cancelled, {});
            return;
        }
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return m_cancel || m_queue.size() < kMaxQueued; });
        }
        if (m_cancel) {
            continue;
        }
        const bool endedBeforeRead = m_liveEnded.load();
        Batch item;
        std::string problem;
        const auto status = reader->readNext(item.batch, &problem);
        item.bytesRead = reader->bytesRead();
        item.fileSize = reader->fileSize();
        if (!item.batch.empty()) {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(item));
        }
        switch (status) {
        case TraceReader::Status::More:
            continue;
        case TraceReader::Status::End:
            finish(Outcome::Complete, {});
            return;
        case TraceReader::Status::Corrupt:
            finish(Outcome::Corrupt, problem);
            return;
        case TraceReader::Status::Truncated:
            if (!live || finalPass) {
                finish(Outcome::Truncated, problem);
                return;
            }
            // The writer ended before this read started, so nothing more can come after one
            // more attempt (which sees everything it wrote).
            if (endedBeforeRead) {
                finalPass = true;
                continue;
            }
            if (!waitUntilWanted(kPollMs)) {
                finish(Outcome::Cancelled, {});
                return;
            }
            continue;
        }
    }
}

} // namespace syscope::gui
