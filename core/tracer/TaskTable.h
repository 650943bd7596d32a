// The tracer's tasks by tid: looked up at every stop, and in a fork loop one task comes and goes
// per fork. std::unordered_map allocates a node per task and divides by a prime to find its
// bucket; this table keeps the tids in one open-addressing array, and a task that ends leaves its
// storage for the next one, so that a new child's task is memory the cache still holds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace syscope::tracer_detail {

// T must be default-constructible and assignable. A task's reference stays valid until it is
// erased (other tasks may come and go meanwhile). Iteration visits every task once, in no
// particular order; erasing or adding tasks invalidates iterators.
template <typename T>
class TaskTable {
public:
    T* find(pid_t tid) {
        const std::size_t i = slotOf(tid);
        return i == kNone ? nullptr : m_items[m_slots[i].index].get();
    }

    // The task for `tid`, default-constructed when new; the bool says whether it is.
    std::pair<T*, bool> tryEmplace(pid_t tid) {
        if (T* existing = find(tid)) {
            return {existing, false};
        }
        if ((m_items.size() + 1) * 2 > m_slots.size()) {
            grow();
        }
        std::unique_ptr<T> item;
        if (m_free.empty()) {
            item = std::make_unique<T>();
        } else {
            item = std::move(m_free.back());
            m_free.pop_back();
            *item = T{};
        }
        T* raw = item.get();
        place(tid, std::uint32_t(m_items.size()));
        m_items.push_back(std::move(item));
        m_keys.push_back(tid);
        return {raw, true};
    }

    T& operator[](pid_t tid) { return *tryEmplace(tid).first; }

    void erase(pid_t tid) {
        std::size_t i = slotOf(tid);
        if (i == kNone) {
            return;
        }
        const std::uint32_t index = m_slots[i].index;
        // Backward-shift deletion: the entries after the hole that probed past it move back, so
        // that lookups never need tombstones.
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t j = (i + 1) & mask; m_slots[j].used; j = (j + 1) & mask) {
            const std::size_t home = homeOf(m_slots[j].key);
            // The entry at j may fill the hole at i when its home is not in (i, j] cyclically.
            if (((j - home) & mask) >= ((j - i) & mask)) {
                m_slots[i] = m_slots[j];
                i = j;
            }
        }
        m_slots[i].used = false;
        // The storage goes to the free list (a few are enough for tasks that come and go); the
        // last task takes the freed place in m_items.
        if (m_free.size() < kFreeKept) {
            m_free.push_back(std::move(m_items[index]));
        }
        const std::uint32_t last = std::uint32_t(m_items.size() - 1);
        if (index != last) {
            m_items[index] = std::move(m_items[last]);
            m_keys[index] = m_keys[last];
            m_slots[slotOf(m_keys[index])].index = index;
        }
        m_items.pop_back();
        m_keys.pop_back();
    }

    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    void clear() {
        for (auto& slot : m_slots) {
            slot.used = false;
        }
        m_items.clear();
        m_keys.clear();
    }

    class iterator {
    public:
        iterator(std::unique_ptr<T>* at)
            : m_at(at) {}
        T& operator*() const { return **m_at; }
        iterator& operator++() {
            ++m_at;
            return *this;
        }
        bool operator!=(const iterator& other) const { return m_at != other.m_at; }

    private:
        std::unique_ptr<T>* m_at;
    };
    iterator begin() { return iterator(m_items.data()); }
    iterator end() { return iterator(m_items.data() + m_items.size()); }

private:
    static constexpr std::size_t kNone = ~std::size_t(0);
    static constexpr std::size_t kFreeKept = 16;
    struct Slot {
        pid_t key = 0;
        std::uint32_t index : 31 = 0; // in m_items
        std::uint32_t used : 1 = 0;
    };

    std::size_t homeOf(pid_t tid) const {
        // Fibonacci hashing: tids are mostly consecutive, and this spreads them anyway.
        return std::size_t((std::uint32_t(tid) * 0x9E3779B9u) >> m_shift);
    }
    std::size_t slotOf(pid_t tid) const {
        if (m_slots.empty()) {
            return kNone;
        }
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = homeOf(tid);; i = (i + 1) & mask) {
            if (!m_slots[i].used) {
                return kNone;
            }
            if (m_slots[i].key == tid) {
                return i;
            }
        }
    }
    void place(pid_t tid, std::uint32_t index) {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = homeOf(tid);
        while (m_slots[i].used) {
            i = (i + 1) & mask;
        }
        m_slots[i].key = tid;
        m_slots[i].index = index;
        m_slots[i].used = 1;
    }
    void grow() {
        const std::size_t size = m_slots.empty() ? 64 : m_slots.size() * 2;
        m_shift = 32;
        for (std::size_t s = size; s > 1; s >>= 1) {
            --m_shift;
        }
        m_slots.assign(size, Slot{});
        for (std::uint32_t k = 0; k < m_keys.size(); ++k) {
            place(m_keys[k], k);
        }
    }

    std::vector<Slot> m_slots;
    unsigned m_shift = 32;
    std::vector<std::unique_ptr<T>> m_items; // the live tasks, densely
    std::vector<pid_t> m_keys;               // their tids, parallel to m_items
    std::vector<std::unique_ptr<T>> m_free;  // storage of ended tasks, for the next new ones
};

} // namespace syscope::tracer_detail
