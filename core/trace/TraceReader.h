// Reads a .syscope file chunk by chunk (docs/FORMAT.md). Works on a finished file and on one
// that a recorder is still appending to: when no complete chunk follows, readNext() reports
// Truncated and a later call continues from the same place once more bytes have arrived.
// Everything read is bounds-checked; no input can make it crash, hang or allocate without limit.
#pragma once

#include "trace/Event.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace syscope {

class TraceStore;

class TraceReader {
public:
    // Checks the header and reads the metadata chunk. nullptr and *error ("PATH: problem") when
    // the file cannot be opened, is not a syscope trace, is of a newer version, or is damaged
    // before the end of its metadata.
    static std::unique_ptr<TraceReader> open(const std::string& path, std::string* error);
    ~TraceReader();

    TraceReader(const TraceReader&) = delete;
    TraceReader& operator=(const TraceReader&) = delete;

    const TraceMetadata& metadata() const { return m_meta; }

    enum class Status {
        More,      // `out` holds the contents of one more data chunk
        End,       // the end marker was read: the file was closed cleanly; nothing more follows
        Truncated, // no complete chunk follows (yet): a live file, or a recorder that died
        Corrupt,   // a chunk is damaged; reading stops here for good
    };
    // Clears `out` and fills it from the next data chunk (string table chunks are absorbed on
    // the way). *problem explains Truncated and Corrupt.
    Status readNext(EventBatch& out, std::string* problem);

    // Offset just past the last complete chunk read.
    std::uint64_t bytesRead() const { return m_offset; }
    // The file's size when it was last looked at.
    std::uint64_t fileSize() const { return m_fileSize; }
    std::uint64_t chunksRead() const { return m_chunks; }
    std::uint64_t eventsRead() const { return m_events; }
    const std::string& path() const { return m_path; }
    // The event count an intact end chunk at the end of the file declares (a cleanly closed
    // file); nullopt otherwise. Lets a loader size its store before reading.
    std::optional<std::uint64_t> declaredEventCount() const;

private:
    TraceReader(int fd, std::string path);
    enum class ChunkResult { Ok, Incomplete, Bad };
    ChunkResult readChunk(std::uint32_t* type, std::string* problem);
    bool decodeStrings(std::string* problem);
    bool decodeProcessEvents(EventBatch& out, std::string* problem);
    bool decodeMaps(EventBatch& out, std::string* problem);
    bool decodeAuxv(EventBatch& out, std::string* problem);
    bool decodeEnd(std::string* problem);

    int m_fd = -1;
    std::string m_path;
    TraceMetadata m_meta;
    std::uint64_t m_offset = 0;
    std::uint64_t m_fileSize = 0;
    std::uint64_t m_chunks = 0;
    std::uint64_t m_events = 0;
    std::uint64_t m_processEvents = 0;
    std::uint64_t m_maps = 0;
    std::uint64_t m_auxv = 0;
    std::vector<std::string> m_strings;
    std::uint32_t m_version = 0; // of the file, from its header
    std::vector<unsigned char> m_payload;
    bool m_ended = false;
    bool m_corrupt = false;
    std::string m_corruptProblem;
};

bool decodeMetadata(const unsigned char* data, std::size_t size, TraceMetadata* meta,
                    std::string* problem);

// What loadTrace() found.
struct LoadReport {
    bool complete = false;  // the end marker was reached
    bool cancelled = false; // progress() returned false
    std::uint64_t events = 0;
    std::uint64_t chunks = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t fileSize = 0;
    std::string message; // why reading stopped early (empty for a complete file)
};

// True when `path` is not a .syscope file but its first lines read like strace output.
bool isStraceLogFile(const std::string& path);

// Loads a whole trace into `store` and sets its metadata; strace logs (recognised by content)
// are imported, with a warning listing the lines that were not understood. Returns true for a
// complete file and for a truncated one (a crashed or still running recorder): then *warning (if
// given) says how much was recovered and why it stopped. Returns false with *error naming the file
// and the problem for unreadable or corrupt files and on cancel; the store keeps what was read
// before. progress(fraction) is called after every few chunks; returning false cancels.
bool loadTrace(const std::string& path, TraceStore& store, std::string* error,
               std::function<bool(double progress)> progress = {}, std::string* warning = nullptr,
               LoadReport* report = nullptr);

} // namespace syscope
