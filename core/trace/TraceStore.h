// The in-memory trace: a columnar store of events plus the process events, maps and auxv
// snapshots, and a task list derived from them. Fed by the tracer (it is an EventSink) or by
// loadTrace(); read by the statistics, the exports and the GUI's models.
//
// Memory: about 28 bytes per event in fixed columns plus the packed arguments (see .cpp) —
// memoryBytes() tells the truth, the load benchmark measures it.
//
// Thread-safety: none inside. Append and read on one thread (the GUI does both on its main
// thread); the const accessors keep lazily built indexes in mutable members.
#pragma once

#include "trace/Event.h"
#include "trace/EventSink.h"
#include "trace/FlatMap.h"
#include "trace/TimeMath.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace syscope {

// A string captured for one argument of one event; bytes live as long as the store.
struct StoredString {
    std::string_view bytes;
    bool truncated = false;
};

// One task (thread) as the trace saw it.
struct TaskInfo {
    std::int32_t pid = 0;
    std::int32_t tid = 0;
    std::int32_t parent = 0; // the task that created it (0: unknown / launched / attached)
    std::string comm;
    std::vector<std::string> argv; // of its process, as of the last exec
    std::string exe;
    TimeNs startTime = 0; // first thing seen of it
    TimeNs endTime = 0;   // last thing seen of it
    bool exited = false;
    std::int32_t exitStatus = 0; // raw wait status when exited
    std::size_t eventCount = 0;
};

class TraceStore : public EventSink {
public:
    TraceStore();
    ~TraceStore() override;

    void setMetadata(const TraceMetadata& meta) { m_meta = meta; }
    const TraceMetadata& metadata() const { return m_meta; }

    // Events are kept in the order appended; EventString::event indexes into batch.events.
    void append(const EventBatch& batch);
    void consume(const EventBatch& batch) override { append(batch); }
    void clear();
    // Makes room for this many events in total (before a load whose size is known).
    void reserve(std::size_t events);
    // Gives back the spare capacity of the columns (after a load).
    void shrinkToFit();

    std::size_t eventCount() const { return m_enter.size(); }
    SyscallEvent event(std::size_t i) const;

    // Single columns, cheaper than event(i) when only one is needed.
    TimeNs enterTime(std::size_t i) const { return m_enter[i]; }
    TimeNs duration(std::size_t i) const;
    TimeNs exitTime(std::size_t i) const { return wrapAdd(m_enter[i], duration(i)); }
    std::int32_t nr(std::size_t i) const;
    Arch arch(std::size_t i) const { return static_cast<Arch>(m_arch[i]); }
    std::uint8_t flags(std::size_t i) const { return m_flags[i]; }
    std::int64_t ret(std::size_t i) const;
    std::uint32_t taskIndex(std::size_t i) const { return m_task[i]; }
    std::int32_t pid(std::size_t i) const { return m_tasks[m_task[i]].pid; }
    std::int32_t tid(std::size_t i) const { return m_tasks[m_task[i]].tid; }

    std::optional<StoredString> string(std::size_t event, int arg) const;
    // Every string of one event as (arg, string), in argument order.
    std::vector<std::pair<int, StoredString>> strings(std::size_t event) const;

    const std::vector<ProcessEvent>& processEvents() const { return m_processEvents; }
    const std::vector<MapsSnapshot>& mapsSnapshots() const { return m_maps; }
    // The latest snapshot of `pid` taken at or before t; nullptr when there is none.
    const MapsSnapshot* mapsAt(std::int32_t pid, TimeNs t) const;
    const std::vector<AuxvSnapshot>& auxv() const { return m_auxv; }

    // Tasks in order of first appearance.
    std::vector<TaskInfo> tasks() const { return m_tasks; }
    std::size_t taskCount() const { return m_tasks.size(); }
    const TaskInfo& task(std::size_t taskIndex) const { return m_tasks[taskIndex]; }
    // Index of the task (pid, tid), if it appeared.
    std::optional<std::size_t> findTask(std::int32_t pid, std::int32_t tid) const;
    std::size_t processCount() const;
    // Event indices of one task, sorted by enter time.
    const std::vector<std::uint32_t>& taskEvents(std::size_t taskIndex) const {
        return m_taskEvents[taskIndex];
    }
    // The k-th event in enter-time order (ties: append order).
    std::size_t eventByEnterTime(std::size_t k) const;

    // Earliest and latest time of anything in the trace (0, 0 when empty).
    TimeNs startTime() const { return m_hasTime ? m_startTime : 0; }
    TimeNs endTime() const { return m_hasTime ? m_endTime : 0; }

    std::size_t memoryBytes() const;

private:
    std::uint32_t taskFor(std::int32_t pid, std::int32_t tid);
    void noteTime(TimeNs t);
    void appendEvent(const SyscallEvent& e);
    void applyProcessEvent(const ProcessEvent& p);
    std::uint32_t internString(std::string_view s);
    const unsigned char* argRecord(std::size_t i) const;
    void ensureOrder() const;

    TraceMetadata m_meta;

    // Event columns.
    std::vector<TimeNs> m_enter;
    std::vector<std::uint32_t> m_duration; // kDurationEscape: see m_longDurations
    std::vector<std::uint32_t> m_task;
    std::vector<std::int16_t> m_nr; // kNrEscape: see m_wideNrs
    std::vector<std::uint8_t> m_arch;
    std::vector<std::uint8_t> m_flags;
    // Arguments and return value, packed (see .cpp) in an arena; each event holds a 32-bit
    // offset relative to the base of its segment of 65536 events.
    std::vector<std::uint32_t> m_argOffset;
    std::vector<std::uint64_t> m_segmentBase;
    std::vector<unsigned char> m_argArena;
    std::unordered_map<std::uint32_t, TimeNs> m_longDurations;
    std::unordered_map<std::uint32_t, std::int32_t> m_wideNrs;

    struct LastCall {
        std::array<std::uint64_t, 6> args{};
        std::int64_t ret = 0;
        std::uint64_t offset = 0;
    };
    FlatU64Map<LastCall> m_lastCall; // (task, arch, nr) -> last record

    // Strings, interned.
    struct StringRef {
        std::uint32_t event;
        std::uint32_t id;
        std::uint8_t arg;
        bool truncated;
    };
    std::vector<StringRef> m_stringRefs; // sorted by event
    std::deque<std::string> m_strings;
    std::unordered_map<std::string_view, std::uint32_t> m_stringIds;
    std::size_t m_stringBytes = 0;

    std::vector<ProcessEvent> m_processEvents;
    std::vector<MapsSnapshot> m_maps;
    std::unordered_map<std::int32_t, std::vector<std::uint32_t>> m_mapsByPid; // sorted by time
    std::vector<AuxvSnapshot> m_auxv;

    std::vector<TaskInfo> m_tasks;
    std::unordered_map<std::uint64_t, std::uint32_t> m_taskIds;
    std::uint64_t m_lastTaskKey = ~0ull; // one-entry cache in front of m_taskIds
    std::uint32_t m_lastTask = 0;
    std::vector<std::vector<std::uint32_t>> m_taskEvents;

    bool m_inEnterOrder = true;
    mutable std::vector<std::uint32_t> m_order; // by enter time, built when not m_inEnterOrder
    mutable std::size_t m_orderedCount = 0;

    bool m_hasTime = false;
    TimeNs m_startTime = 0;
    TimeNs m_endTime = 0;
};

} // namespace syscope
