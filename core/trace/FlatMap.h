// A small open-addressing hash map from 64-bit keys to values, for the per-event lookups of the
// trace codecs and the store (std::unordered_map allocates a node per key and chases pointers;
// this keeps everything in one array). Values must be default-constructible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace syscope {

template <typename V>
class FlatU64Map {
public:
    // The value for `key`, inserted default-constructed when missing. *inserted (if given) says
    // which. References stay valid until the next insertion.
    V& get(std::uint64_t key, bool* inserted = nullptr) {
        if ((m_size + 1) * 2 > m_slots.size()) {
            grow();
        }
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (!s.used) {
                s.used = true;
                s.key = key;
                s.value = V{};
                ++m_size;
                if (inserted) {
                    *inserted = true;
                }
                return s.value;
            }
            if (s.key == key) {
                if (inserted) {
                    *inserted = false;
                }
                return s.value;
            }
        }
    }
    const V* find(std::uint64_t key) const {
        if (m_slots.empty()) {
            return nullptr;
        }
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (!s.used) {
                return nullptr;
            }
            if (s.key == key) {
                return &s.value;
            }
        }
    }
    void clear() {
        if (m_size) {
            for (auto& s : m_slots) {
                s.used = false;
            }
            m_size = 0;
        }
    }
    std::size_t size() const { return m_size; }
    std::size_t memoryBytes() const { return m_slots.capacity() * sizeof(Slot); }

private:
    struct Slot {
        std::uint64_t key = 0;
        V value{};
        bool used = false;
    };
    static std::size_t hash(std::uint64_t key) {
        key ^= key >> 29;
        key *= 0x9E3779B97F4A7C15ull;
        return static_cast<std::size_t>(key ^ (key >> 32));
    }
    void grow() {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.resize(old.empty() ? 64 : old.size() * 2);
        m_size = 0;
        for (auto& s : old) {
            if (s.used) {
                get(s.key) = std::move(s.value);
            }
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

} // namespace syscope
