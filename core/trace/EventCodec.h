// Encoding of syscall events inside one events chunk of a .syscope file (docs/FORMAT.md,
// "Events chunk"). Each chunk is decodable on its own: the per-task and per-(task, nr) "last
// value" tables that make the encoding small start empty in every chunk.
#pragma once

#include "trace/Event.h"
#include "trace/FlatMap.h"

#include <cstdint>
#include <string>
#include <vector>

namespace syscope::format {

struct EncodedStringRef {
    std::uint8_t arg = 0;
    bool truncated = false;
    std::uint64_t id = 0; // index in the file's string table
};

class EventChunkEncoder {
public:
    void add(const SyscallEvent& e, const EncodedStringRef* strings, std::size_t stringCount);
    std::size_t eventCount() const { return m_count; }
    std::size_t taskCount() const { return m_tasks.size(); }
    std::size_t byteSize() const { return m_body.size(); }
    // The chunk payload is prefix() followed by body() (kept apart so that the writer need
    // not copy the body); reset() empties the encoder for the next chunk.
    std::string prefix() const;
    const std::string& body() const { return m_body; }
    void reset();

private:
    struct Task {
        TimeNs lastTime = 0;
        std::int32_t lastNr = -1;
    };
    struct LastCall {
        std::array<std::uint64_t, 6> args{};
        std::int64_t ret = 0;
    };
    std::string m_body;
    std::size_t m_count = 0;
    TimeNs m_base = 0;
    FlatU64Map<std::uint32_t> m_slots; // pid<<32|tid -> index in m_tasks
    std::vector<Task> m_tasks;
    FlatU64Map<LastCall> m_last;
};

// Decodes one events chunk payload, appending to out.events and out.strings (string indices
// refer to `strings`, the file's string table so far). Returns false with *problem set on any
// inconsistency; out may then hold a partial chunk and must be discarded by the caller.
bool decodeEventChunk(const unsigned char* data, std::size_t size,
                      const std::vector<std::string>& strings, EventBatch& out,
                      std::string* problem);

inline std::uint64_t lastCallKey(std::uint32_t slot, Arch arch, std::int32_t nr) {
    return (static_cast<std::uint64_t>(slot) << 34) |
           (static_cast<std::uint64_t>(static_cast<std::uint8_t>(arch) & 3) << 32) |
           static_cast<std::uint32_t>(nr);
}

} // namespace syscope::format
