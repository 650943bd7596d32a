#include "trace/TraceStore.h"
#include "trace/TimeMath.h"

#include "syscalls/Siginfo.h"
#include "trace/ByteIO.h"

#include <algorithm>
#include <limits>

namespace syscope {

// Packed argument record, one per distinct (args, ret) of an event:
//   u8 mask: bit i (0..5) set when args[i] != 0, bit 6 set when ret != 0
//   then a zigzag varint per set bit, args first, ret last.
// Consecutive calls of the same syscall on the same task with identical arguments and result
// (the common case in loops) share one record: their offsets point at the same bytes.
namespace {

constexpr std::uint32_t kDurationEscape = std::numeric_limits<std::uint32_t>::max();
constexpr std::int16_t kNrEscape = std::numeric_limits<std::int16_t>::min();
constexpr std::size_t kSegmentShift = 16;

void putVarint(std::vector<unsigned char>& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<unsigned char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<unsigned char>(v));
}

// The arena is written only by this class, so records are well formed; still never read past
// the arena's end.
std::uint64_t getVarint(const unsigned char*& p, const unsigned char* end) {
    std::uint64_t v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const unsigned char b = *p++;
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            break;
        }
    }
    return v;
}

} // namespace

TraceStore::TraceStore() = default;
TraceStore::~TraceStore() = default;

void TraceStore::clear() {
    *this = TraceStore();
}

void TraceStore::reserve(std::size_t events) {
    m_enter.reserve(events);
    m_duration.reserve(events);
    m_task.reserve(events);
    m_nr.reserve(events);
    m_arch.reserve(events);
    m_flags.reserve(events);
    m_argOffset.reserve(events);
}

void TraceStore::shrinkToFit() {
    m_enter.shrink_to_fit();
    m_duration.shrink_to_fit();
    m_task.shrink_to_fit();
    m_nr.shrink_to_fit();
    m_arch.shrink_to_fit();
    m_flags.shrink_to_fit();
    m_argOffset.shrink_to_fit();
    m_argArena.shrink_to_fit();
    m_stringRefs.shrink_to_fit();
    for (auto& v : m_taskEvents) {
        v.shrink_to_fit();
    }
    m_order.shrink_to_fit();
}

void TraceStore::noteTime(TimeNs t) {
    if (!m_hasTime) {
        m_startTime = m_endTime = t;
        m_hasTime = true;
        return;
    }
    m_startTime = std::min(m_startTime, t);
    m_endTime = std::max(m_endTime, t);
}

std::uint32_t TraceStore::taskFor(std::int32_t pid, std::int32_t tid) {
    const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(pid)) << 32) |
                              static_cast<std::uint32_t>(tid);
    if (key == m_lastTaskKey) {
        return m_lastTask;
    }
    auto [it, inserted] = m_taskIds.try_emplace(key, static_cast<std::uint32_t>(m_tasks.size()));
    if (inserted) {
        TaskInfo t;
        t.pid = pid;
        t.tid = tid;
        m_tasks.push_back(std::move(t));
        m_taskEvents.emplace_back();
    }
    m_lastTaskKey = key;
    m_lastTask = it->second;
    return it->second;
}

std::optional<std::size_t> TraceStore::findTask(std::int32_t pid, std::int32_t tid) const {
    const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(pid)) << 32) |
                              static_cast<std::uint32_t>(tid);
    auto it = m_taskIds.find(key);
    if (it == m_taskIds.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::size_t TraceStore::processCount() const {
    std::vector<std::int32_t> pids;
    pids.reserve(m_tasks.size());
    for (const auto& t : m_tasks) {
        pids.push_back(t.pid);
    }
    std::sort(pids.begin(), pids.end());
    return static_cast<std::size_t>(std::unique(pids.begin(), pids.end()) - pids.begin());
}

std::uint32_t TraceStore::internString(std::string_view s) {
    auto it = m_stringIds.find(s);
    if (it != m_stringIds.end()) {
        return it->second;
    }
    const auto id = static_cast<std::uint32_t>(m_strings.size());
    m_strings.emplace_back(s);
    m_stringBytes += s.size();
    m_stringIds.emplace(std::string_view(m_strings.back()), id);
    return id;
}

void TraceStore::appendEvent(const SyscallEvent& e) {
    const std::size_t index = m_enter.size();
    if (index >= std::numeric_limits<std::uint32_t>::max()) {
        return; // beyond what 32-bit indices address; never reached in practice
    }
    const std::uint32_t task = taskFor(e.pid, e.tid);
    if (!m_enter.empty() && e.enter < m_enter.back()) {
        m_inEnterOrder = false;
    }
    m_enter.push_back(e.enter);
    const TimeNs d = e.unfinished() ? 0 : wrapSub(e.exit, e.enter);
    if (d >= 0 && d < static_cast<TimeNs>(kDurationEscape)) {
        m_duration.push_back(static_cast<std::uint32_t>(d));
    } else {
        m_duration.push_back(kDurationEscape);
        m_longDurations[static_cast<std::uint32_t>(index)] = d;
    }
    m_task.push_back(task);
    if (e.nr > std::numeric_limits<std::int16_t>::min() &&
        e.nr <= std::numeric_limits<std::int16_t>::max()) {
        m_nr.push_back(static_cast<std::int16_t>(e.nr));
    } else {
        m_nr.push_back(kNrEscape);
        m_wideNrs[static_cast<std::uint32_t>(index)] = e.nr;
    }
    m_arch.push_back(static_cast<std::uint8_t>(e.arch));
    m_flags.push_back(e.flags);

    if ((index >> kSegmentShift) >= m_segmentBase.size()) {
        m_segmentBase.push_back(m_argArena.size());
    }
    const std::uint64_t segmentBase = m_segmentBase[index >> kSegmentShift];
    const std::uint64_t key =
        (static_cast<std::uint64_t>(task) << 34) |
        (static_cast<std::uint64_t>(static_cast<std::uint8_t>(e.arch) & 3) << 32) |
        static_cast<std::uint32_t>(e.nr);
    bool inserted = false;
    LastCall& last = m_lastCall.get(key, &inserted);
    if (!inserted && last.offset >= segmentBase && last.args == e.args && last.ret == e.ret) {
        m_argOffset.push_back(static_cast<std::uint32_t>(last.offset - segmentBase));
    } else {
        const std::uint64_t offset = m_argArena.size();
        std::uint8_t mask = 0;
        for (int a = 0; a < 6; ++a) {
            if (e.args[a]) {
                mask |= static_cast<std::uint8_t>(1u << a);
            }
        }
        if (e.ret) {
            mask |= 0x40;
        }
        m_argArena.push_back(mask);
        for (int a = 0; a < 6; ++a) {
            if (e.args[a]) {
                putVarint(m_argArena, format::zigzag(static_cast<std::int64_t>(e.args[a])));
            }
        }
        if (e.ret) {
            putVarint(m_argArena, format::zigzag(e.ret));
        }
        last.args = e.args;
        last.ret = e.ret;
        last.offset = offset;
        m_argOffset.push_back(static_cast<std::uint32_t>(offset - segmentBase));
    }

    auto& perTask = m_taskEvents[task];
    const auto idx = static_cast<std::uint32_t>(index);
    if (perTask.empty() || m_enter[perTask.back()] <= e.enter) {
        perTask.push_back(idx);
    } else {
        auto pos = std::upper_bound(
            perTask.begin(), perTask.end(), idx,
            [&](std::uint32_t a, std::uint32_t b) { return m_enter[a] < m_enter[b]; });
        perTask.insert(pos, idx);
    }
    TaskInfo& info = m_tasks[task];
    const TimeNs end = wrapAdd(e.enter, d);
    if (info.eventCount == 0 && info.startTime == 0 && info.endTime == 0) {
        info.startTime = e.enter;
        info.endTime = end;
    } else {
        info.startTime = std::min(info.startTime, e.enter);
        info.endTime = std::max(info.endTime, end);
    }
    ++info.eventCount;
    noteTime(e.enter);
    noteTime(end);
}

void TraceStore::applyProcessEvent(const ProcessEvent& p) {
    noteTime(p.time);
    const bool known = findTask(p.pid, p.tid).has_value();
    TaskInfo& t = m_tasks[taskFor(p.pid, p.tid)];
    if (!known) {
        t.startTime = p.time;
        t.endTime = p.time;
    } else {
        t.startTime = std::min(t.startTime, p.time);
        t.endTime = std::max(t.endTime, p.time);
    }
    if (!p.comm.empty()) {
        t.comm = p.comm;
    }
    switch (p.kind) {
    case ProcessEventKind::Start:
    case ProcessEventKind::Exec:
        if (!p.argv.empty()) {
            t.argv = p.argv;
        }
        if (!p.exe.empty()) {
            t.exe = p.exe;
        }
        break;
    case ProcessEventKind::Fork:
    case ProcessEventKind::Thread: {
        if (!known) {
            t.parent = p.parent;
        }
        // A new task inherits its creator's command line until it execs.
        if (t.argv.empty()) {
            for (const auto& other : m_tasks) {
                if (other.tid == p.parent && !other.argv.empty()) {
                    t.argv = other.argv;
                    t.exe = other.exe;
                    if (t.comm.empty()) {
                        t.comm = other.comm;
                    }
                    break;
                }
            }
        }
        break;
    }
    case ProcessEventKind::Exit:
        t.exited = true;
        t.exitStatus = p.value;
        break;
    case ProcessEventKind::Signal:
    case ProcessEventKind::Stopped:
    case ProcessEventKind::Detach:
        break;
    }
}

void TraceStore::append(const EventBatch& batch) {
    for (const auto& p : batch.processEvents) {
        fillSignalDetail(m_processEvents.emplace_back(p)); // straight from a tracer: numbers only
        applyProcessEvent(p);
    }
    const std::size_t first = m_enter.size();
    for (const auto& e : batch.events) {
        appendEvent(e);
    }
    const std::size_t appended = m_enter.size() - first;
    const std::size_t refsBefore = m_stringRefs.size();
    for (const auto& s : batch.strings) {
        if (s.event >= appended || s.arg > 5) {
            continue;
        }
        m_stringRefs.push_back({static_cast<std::uint32_t>(first + s.event), internString(s.bytes),
                                s.arg, s.truncated});
    }
    const auto byEvent = [](const StringRef& a, const StringRef& b) {
        return a.event < b.event || (a.event == b.event && a.arg < b.arg);
    };
    if (!std::is_sorted(m_stringRefs.begin() + static_cast<std::ptrdiff_t>(refsBefore),
                        m_stringRefs.end(), byEvent)) {
        std::stable_sort(m_stringRefs.begin() + static_cast<std::ptrdiff_t>(refsBefore),
                         m_stringRefs.end(), byEvent);
    }
    for (const auto& m : batch.maps) {
        noteTime(m.time);
        auto& list = m_mapsByPid[m.pid];
        const auto idx = static_cast<std::uint32_t>(m_maps.size());
        m_maps.push_back(m);
        auto pos =
            std::upper_bound(list.begin(), list.end(), idx, [&](std::uint32_t a, std::uint32_t b) {
                return m_maps[a].time < m_maps[b].time;
            });
        list.insert(pos, idx);
    }
    for (const auto& a : batch.auxv) {
        noteTime(a.time);
        m_auxv.push_back(a);
    }
}

TimeNs TraceStore::duration(std::size_t i) const {
    const std::uint32_t d = m_duration[i];
    if (d != kDurationEscape) {
        return d;
    }
    auto it = m_longDurations.find(static_cast<std::uint32_t>(i));
    return it == m_longDurations.end() ? 0 : it->second;
}

std::int32_t TraceStore::nr(std::size_t i) const {
    const std::int16_t n = m_nr[i];
    if (n != kNrEscape) {
        return n;
    }
    auto it = m_wideNrs.find(static_cast<std::uint32_t>(i));
    return it == m_wideNrs.end() ? kNrEscape : it->second;
}

const unsigned char* TraceStore::argRecord(std::size_t i) const {
    return m_argArena.data() + m_segmentBase[i >> kSegmentShift] + m_argOffset[i];
}

std::int64_t TraceStore::ret(std::size_t i) const {
    const unsigned char* p = argRecord(i);
    const unsigned char* end = m_argArena.data() + m_argArena.size();
    const std::uint8_t mask = *p++;
    if (!(mask & 0x40)) {
        return 0;
    }
    for (int a = 0; a < 6; ++a) {
        if (mask & (1u << a)) {
            getVarint(p, end);
        }
    }
    return format::unzigzag(getVarint(p, end));
}

SyscallEvent TraceStore::event(std::size_t i) const {
    SyscallEvent e;
    e.enter = m_enter[i];
    e.flags = m_flags[i];
    e.exit = wrapAdd(e.enter, duration(i));
    const TaskInfo& t = m_tasks[m_task[i]];
    e.pid = t.pid;
    e.tid = t.tid;
    e.nr = nr(i);
    e.arch = static_cast<Arch>(m_arch[i]);
    const unsigned char* p = argRecord(i);
    const unsigned char* end = m_argArena.data() + m_argArena.size();
    const std::uint8_t mask = *p++;
    for (int a = 0; a < 6; ++a) {
        if (mask & (1u << a)) {
            e.args[a] = static_cast<std::uint64_t>(format::unzigzag(getVarint(p, end)));
        }
    }
    if (mask & 0x40) {
        e.ret = format::unzigzag(getVarint(p, end));
    }
    return e;
}

std::optional<StoredString> TraceStore::string(std::size_t event, int arg) const {
    auto it = std::lower_bound(m_stringRefs.begin(), m_stringRefs.end(), event,
                               [](const StringRef& r, std::size_t ev) { return r.event < ev; });
    for (; it != m_stringRefs.end() && it->event == event; ++it) {
        if (it->arg == arg) {
            return StoredString{m_strings[it->id], it->truncated};
        }
    }
    return std::nullopt;
}

std::vector<std::pair<int, StoredString>> TraceStore::strings(std::size_t event) const {
    std::vector<std::pair<int, StoredString>> out;
    auto it = std::lower_bound(m_stringRefs.begin(), m_stringRefs.end(), event,
                               [](const StringRef& r, std::size_t ev) { return r.event < ev; });
    for (; it != m_stringRefs.end() && it->event == event; ++it) {
        out.emplace_back(it->arg, StoredString{m_strings[it->id], it->truncated});
    }
    return out;
}

const MapsSnapshot* TraceStore::mapsAt(std::int32_t pid, TimeNs t) const {
    auto it = m_mapsByPid.find(pid);
    if (it == m_mapsByPid.end()) {
        return nullptr;
    }
    const auto& list = it->second;
    auto pos = std::upper_bound(list.begin(), list.end(), t, [&](TimeNs time, std::uint32_t idx) {
        return time < m_maps[idx].time;
    });
    if (pos == list.begin()) {
        return nullptr;
    }
    return &m_maps[*(pos - 1)];
}

void TraceStore::ensureOrder() const {
    const std::size_t n = m_enter.size();
    if (m_orderedCount == n) {
        return;
    }
    const auto less = [&](std::uint32_t a, std::uint32_t b) {
        return m_enter[a] < m_enter[b] || (m_enter[a] == m_enter[b] && a < b);
    };
    const auto mid = static_cast<std::ptrdiff_t>(m_order.size());
    for (std::size_t i = m_orderedCount; i < n; ++i) {
        m_order.push_back(static_cast<std::uint32_t>(i));
    }
    std::sort(m_order.begin() + mid, m_order.end(), less);
    std::inplace_merge(m_order.begin(), m_order.begin() + mid, m_order.end(), less);
    m_orderedCount = n;
}

std::size_t TraceStore::eventByEnterTime(std::size_t k) const {
    if (m_inEnterOrder) {
        return k;
    }
    ensureOrder();
    return m_order[k];
}

std::size_t TraceStore::memoryBytes() const {
    std::size_t bytes = sizeof(*this);
    bytes += m_enter.capacity() * sizeof(TimeNs);
    bytes += m_duration.capacity() * sizeof(std::uint32_t);
    bytes += m_task.capacity() * sizeof(std::uint32_t);
    bytes += m_nr.capacity() * sizeof(std::int16_t);
    bytes += m_arch.capacity() + m_flags.capacity();
    bytes += m_argOffset.capacity() * sizeof(std::uint32_t);
    bytes += m_segmentBase.capacity() * sizeof(std::uint64_t);
    bytes += m_argArena.capacity();
    // Hash nodes: key, value and two pointers' worth of bucket and link overhead each.
    bytes += m_longDurations.size() * (sizeof(std::uint32_t) + sizeof(TimeNs) + 24);
    bytes += m_wideNrs.size() * (2 * sizeof(std::uint32_t) + 24);
    bytes += m_lastCall.memoryBytes();
    bytes += m_stringRefs.capacity() * sizeof(StringRef);
    bytes += m_stringBytes + m_strings.size() * (sizeof(std::string) + 40);
    bytes += m_processEvents.capacity() * sizeof(ProcessEvent);
    for (const auto& p : m_processEvents) {
        for (const auto& a : p.argv) {
            bytes += sizeof(std::string) + a.capacity();
        }
    }
    for (const auto& m : m_maps) {
        bytes += sizeof(MapsSnapshot) + m.entries.capacity() * sizeof(MapEntry);
    }
    for (const auto& a : m_auxv) {
        bytes += sizeof(AuxvSnapshot) + a.entries.capacity() * sizeof(AuxvEntry);
    }
    bytes += m_tasks.capacity() * sizeof(TaskInfo) + m_taskIds.size() * 40;
    for (const auto& v : m_taskEvents) {
        bytes += sizeof(v) + v.capacity() * sizeof(std::uint32_t);
    }
    bytes += m_order.capacity() * sizeof(std::uint32_t);
    return bytes;
}

} // namespace syscope
