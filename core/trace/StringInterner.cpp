#include "trace/StringInterner.h"

#include <functional>

namespace syscope {

StringInterner::Result StringInterner::intern(std::string_view s) {
    if (2 * (m_spans.size() + 1) > m_slots.size()) {
        grow();
    }
    const std::uint64_t hash = std::hash<std::string_view>{}(s);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = m_slots[i];
        if (slot.idPlusOne == 0) {
            const std::uint64_t id = m_spans.size();
            m_spans.push_back({m_bytes.size(), s.size()});
            m_bytes.append(s);
            slot = {hash, id + 1};
            return {id, true};
        }
        if (slot.hash == hash && at(slot.idPlusOne - 1) == s) {
            return {slot.idPlusOne - 1, false};
        }
    }
}

void StringInterner::grow() {
    std::vector<Slot> slots(m_slots.empty() ? 64 : 2 * m_slots.size());
    const std::size_t mask = slots.size() - 1;
    for (const Slot& old : m_slots) {
        if (old.idPlusOne == 0) {
            continue;
        }
        std::size_t i = old.hash & mask;
        while (slots[i].idPlusOne != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = old;
    }
    m_slots = std::move(slots);
}

} // namespace syscope
