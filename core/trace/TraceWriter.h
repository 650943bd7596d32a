// Writes a .syscope file as a stream of checksummed chunks (docs/FORMAT.md). Each chunk reaches
// the file with one write(2), so whatever kills the recorder, every chunk written before remains
// readable. Events are held back until about 64 KiB have been encoded or flush() is called.
#pragma once

#include "trace/EventCodec.h"
#include "trace/EventSink.h"
#include "trace/StringInterner.h"

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <sys/uio.h>

namespace syscope {

class TraceWriter : public EventSink {
public:
    // Creates (truncates) the file and writes the header and metadata chunk. nullptr and *error
    // set when the file cannot be created.
    static std::unique_ptr<TraceWriter> create(const std::string& path, const TraceMetadata& meta,
                                               std::string* error);
    ~TraceWriter() override;

    TraceWriter(const TraceWriter&) = delete;
    TraceWriter& operator=(const TraceWriter&) = delete;

    void consume(const EventBatch& batch) override;
    // Writes every pending item as completed chunks (no fsync).
    void flush() override;
    // Flushes, writes the end chunk, fsyncs (unless told not to) and closes. Returns false (and
    // *error) if anything failed since create(). Called by the destructor when not called
    // explicitly.
    bool close(std::string* error = nullptr);
    // A live recording streams its chunks as it goes and the format survives a torn tail, so the
    // recorder need not wait for the disk at the end (strace -o and perf record do not either).
    // Saving or converting a file keeps the fsync: the user asked for that file, complete.
    void setSyncOnClose(bool sync) { m_syncOnClose = sync; }

    bool failed() const { return !m_error.empty(); }
    std::string error() const { return m_error; }
    const std::string& path() const { return m_path; }
    // Bytes written to the file so far (header and completed chunks).
    std::uint64_t bytesWritten() const { return m_written; }
    std::uint64_t eventsWritten() const { return m_eventCount; }

private:
    TraceWriter(int fd, std::string path);
    std::uint64_t internString(const std::string& s);
    // The same, first comparing with the string last interned from the same place (`slot`):
    // a process's comm, an argument that repeats call after call, cost no hashing.
    std::uint64_t internString(const std::string& s, std::size_t slot);
    // One chunk whose payload is `prefix` followed by `body`, in one write.
    void writeChunk(std::uint32_t type, std::string_view prefix, std::string_view body = {});
    // All of the parts, in order, retrying short writes (a write may take them in part).
    void writeAll(iovec* parts, int count);
    void emitEvents();
    void emitPendingSideChunks();

    int m_fd = -1;
    std::string m_path;
    bool m_syncOnClose = true;
    std::string m_error;
    std::uint64_t m_written = 0;

    StringInterner m_strings;
    std::int64_t m_emptyStringId = -1; // most process events have no argv, exe or detail
    struct RecentString {
        bool valid = false;
        std::uint64_t id = 0;
    };
    static constexpr std::size_t kCommSlot = 6; // slots 0..5: the six arguments of an event
    std::array<RecentString, 7> m_recent;
    std::string m_newStrings; // encoded strings not yet written
    std::uint64_t m_newStringsFirst = 0;
    std::uint64_t m_newStringsCount = 0;

    format::EventChunkEncoder m_events;
    std::string m_processPayload;
    std::uint64_t m_processCount = 0;
    std::string m_mapsPayload;
    std::uint64_t m_mapsCount = 0;
    std::string m_auxvPayload;
    std::uint64_t m_auxvCount = 0;

    std::uint64_t m_eventCount = 0;
    std::uint64_t m_processEventCount = 0;
    std::uint64_t m_mapsTotal = 0;
    std::uint64_t m_auxvTotal = 0;
};

// The encoded metadata chunk payload (shared with tests and the reader's round trip).
std::string encodeMetadata(const TraceMetadata& meta);

} // namespace syscope
