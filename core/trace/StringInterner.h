// Strings numbered in the order they are first seen, each kept once: their bytes back to back in
// one arena, their ids in an open-addressing table. No allocation per string, where a map of
// std::string makes two (the key and the node); the trace writer interns a string for every
// process event and captured argument.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

class StringInterner {
public:
    struct Result {
        std::uint64_t id;
        bool inserted; // first seen now
    };

    Result intern(std::string_view s);
    // The string with this id (valid until the next intern()).
    std::string_view at(std::uint64_t id) const {
        const Span& span = m_spans[id];
        return {m_bytes.data() + span.offset, span.length};
    }
    std::uint64_t size() const { return m_spans.size(); }

private:
    struct Span {
        std::uint64_t offset;
        std::uint64_t length;
    };
    struct Slot {
        std::uint64_t hash = 0;
        std::uint64_t idPlusOne = 0; // 0: empty
    };
    void grow();

    std::string m_bytes;
    std::vector<Span> m_spans;
    std::vector<Slot> m_slots; // a power of two in size, at most half full
};

} // namespace syscope
