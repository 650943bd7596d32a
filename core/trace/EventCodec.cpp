#include "trace/EventCodec.h"
#include "trace/TimeMath.h"

#include "trace/ByteIO.h"
#include "trace/TraceFormat.h"

#include <algorithm>

namespace syscope::format {

void EventChunkEncoder::add(const SyscallEvent& e, const EncodedStringRef* strings,
                            std::size_t stringCount) {
    if (m_count == 0) {
        m_base = e.enter;
    }
    // The longest encoding: a new task's slot, pid and tid (1 + 10 + 10), control and flags
    // (2), two times (20), the number (10), the argument mask and six arguments (1 + 60), the
    // result (10), and six string references (1 + 6 * 11): 191 bytes.
    stringCount = std::min<std::size_t>(stringCount, 6); // one per argument at most
    char encoded[192];
    ArrayWriter w(encoded);
    const std::uint64_t taskKey =
        (static_cast<std::uint64_t>(static_cast<std::uint32_t>(e.pid)) << 32) |
        static_cast<std::uint32_t>(e.tid);
    bool inserted = false;
    std::uint32_t& slotRef = m_slots.get(taskKey, &inserted);
    if (inserted) {
        slotRef = static_cast<std::uint32_t>(m_tasks.size());
    }
    const std::uint32_t slot = slotRef;
    if (inserted) {
        m_tasks.push_back(Task{m_base, -1});
        w.varint(0);
        w.svarint(e.pid);
        w.svarint(e.tid);
    } else {
        w.varint(static_cast<std::uint64_t>(slot) + 1);
    }
    Task& task = m_tasks[slot];
    LastCall& last = m_last.get(lastCallKey(slot, e.arch, e.nr));

    std::uint8_t ctl = static_cast<std::uint8_t>(e.arch) & Ctl::ArchMask;
    if (e.nr != task.lastNr) {
        ctl |= Ctl::NewNr;
    }
    if (e.flags != 0) {
        ctl |= Ctl::HasFlags;
    }
    std::uint8_t argMask = 0;
    for (int i = 0; i < 6; ++i) {
        if (e.args[i] != last.args[i]) {
            argMask |= static_cast<std::uint8_t>(1u << i);
        }
    }
    if (argMask) {
        ctl |= Ctl::HasArgs;
    }
    if (e.ret != last.ret) {
        ctl |= Ctl::NewRet;
    }
    if (stringCount) {
        ctl |= Ctl::HasStrings;
    }
    w.u8(ctl);
    if (ctl & Ctl::HasFlags) {
        w.u8(e.flags);
    }
    w.svarint(wrapSub(e.enter, task.lastTime));
    if (!e.unfinished()) {
        w.svarint(wrapSub(e.exit, e.enter));
    }
    if (ctl & Ctl::NewNr) {
        w.svarint(e.nr);
    }
    if (argMask) {
        w.u8(argMask);
        for (int i = 0; i < 6; ++i) {
            if (argMask & (1u << i)) {
                w.svarint(static_cast<std::int64_t>(e.args[i] - last.args[i]));
            }
        }
    }
    if (ctl & Ctl::NewRet) {
        w.svarint(static_cast<std::int64_t>(static_cast<std::uint64_t>(e.ret) -
                                            static_cast<std::uint64_t>(last.ret)));
    }
    if (stringCount) {
        w.varint(stringCount);
        for (std::size_t i = 0; i < stringCount; ++i) {
            w.u8(static_cast<std::uint8_t>((strings[i].arg & 0x7f) | (strings[i].truncated << 7)));
            w.varint(strings[i].id);
        }
    }
    m_body += w.written();
    task.lastTime = e.unfinished() ? e.enter : e.exit;
    task.lastNr = e.nr;
    last.args = e.args;
    last.ret = e.ret;
    ++m_count;
}

std::string EventChunkEncoder::prefix() const {
    std::string out;
    ByteWriter w(out);
    w.varint(m_count);
    w.svarint(m_base);
    return out;
}

void EventChunkEncoder::reset() {
    m_body.clear();
    m_count = 0;
    m_base = 0;
    m_slots.clear();
    m_tasks.clear();
    m_last.clear();
}

bool decodeEventChunk(const unsigned char* data, std::size_t size,
                      const std::vector<std::string>& strings, EventBatch& out,
                      std::string* problem) {
    struct Task {
        std::int32_t pid;
        std::int32_t tid;
        TimeNs lastTime;
        std::int32_t lastNr;
    };
    struct LastCall {
        std::array<std::uint64_t, 6> args{};
        std::int64_t ret = 0;
    };
    ByteReader r(data, size);
    std::uint64_t count = 0;
    std::int64_t base = 0;
    // Every event takes at least 3 bytes, which bounds what a count may claim.
    if (!r.count(&count, size / 3) || !r.svarint(&base)) {
        *problem = "bad events chunk header";
        return false;
    }
    std::vector<Task> tasks;
    FlatU64Map<LastCall> lastCalls;
    const std::size_t firstIndex = out.events.size();
    out.events.reserve(firstIndex + count);
    auto fail = [&](const char* what) {
        *problem = std::string(what) + " in event " +
                   std::to_string(out.events.size() - firstIndex) + " of an events chunk";
        return false;
    };
    for (std::uint64_t n = 0; n < count; ++n) {
        SyscallEvent e;
        std::uint64_t slotRef = 0;
        if (!r.varint(&slotRef)) {
            return fail("truncated task reference");
        }
        std::uint32_t slot;
        if (slotRef == 0) {
            Task t{0, 0, base, -1};
            if (!r.svarint32(&t.pid) || !r.svarint32(&t.tid)) {
                return fail("bad task id");
            }
            slot = static_cast<std::uint32_t>(tasks.size());
            tasks.push_back(t);
        } else if (slotRef - 1 < tasks.size()) {
            slot = static_cast<std::uint32_t>(slotRef - 1);
        } else {
            return fail("task reference out of range");
        }
        Task& task = tasks[slot];
        e.pid = task.pid;
        e.tid = task.tid;
        std::uint8_t ctl = 0;
        if (!r.u8(&ctl) || (ctl & Ctl::Reserved) || (ctl & Ctl::ArchMask) > 2) {
            return fail("bad control byte");
        }
        e.arch = static_cast<Arch>(ctl & Ctl::ArchMask);
        if ((ctl & Ctl::HasFlags) && !r.u8(&e.flags)) {
            return fail("truncated flags");
        }
        std::int64_t enterDelta = 0;
        if (!r.svarint(&enterDelta)) {
            return fail("truncated time");
        }
        e.enter = static_cast<TimeNs>(static_cast<std::uint64_t>(task.lastTime) +
                                      static_cast<std::uint64_t>(enterDelta));
        e.exit = e.enter;
        if (!e.unfinished()) {
            std::int64_t duration = 0;
            if (!r.svarint(&duration)) {
                return fail("truncated duration");
            }
            e.exit = static_cast<TimeNs>(static_cast<std::uint64_t>(e.enter) +
                                         static_cast<std::uint64_t>(duration));
        }
        e.nr = task.lastNr;
        if ((ctl & Ctl::NewNr) && !r.svarint32(&e.nr)) {
            return fail("bad syscall number");
        }
        LastCall& last = lastCalls.get(lastCallKey(slot, e.arch, e.nr));
        e.args = last.args;
        e.ret = last.ret;
        if (ctl & Ctl::HasArgs) {
            std::uint8_t mask = 0;
            if (!r.u8(&mask) || mask > 0x3f) {
                return fail("bad argument mask");
            }
            for (int i = 0; i < 6; ++i) {
                std::int64_t delta = 0;
                if ((mask & (1u << i))) {
                    if (!r.svarint(&delta)) {
                        return fail("truncated argument");
                    }
                    e.args[i] = last.args[i] + static_cast<std::uint64_t>(delta);
                }
            }
        }
        if (ctl & Ctl::NewRet) {
            std::int64_t delta = 0;
            if (!r.svarint(&delta)) {
                return fail("truncated return value");
            }
            e.ret = static_cast<std::int64_t>(static_cast<std::uint64_t>(last.ret) +
                                              static_cast<std::uint64_t>(delta));
        }
        if (ctl & Ctl::HasStrings) {
            std::uint64_t stringCount = 0;
            if (!r.count(&stringCount, 6)) {
                return fail("bad string count");
            }
            for (std::uint64_t k = 0; k < stringCount; ++k) {
                std::uint8_t argByte = 0;
                std::uint64_t id = 0;
                if (!r.u8(&argByte) || (argByte & 0x7f) > 5 || !r.varint(&id)) {
                    return fail("bad string reference");
                }
                if (id >= strings.size()) {
                    return fail("string id out of range");
                }
                EventString s;
                s.event = static_cast<std::uint32_t>(out.events.size());
                s.arg = argByte & 0x7f;
                s.truncated = (argByte & 0x80) != 0;
                s.bytes = strings[id];
                out.strings.push_back(std::move(s));
            }
        }
        task.lastTime = e.unfinished() ? e.enter : e.exit;
        task.lastNr = e.nr;
        last.args = e.args;
        last.ret = e.ret;
        out.events.push_back(e);
    }
    if (!r.atEnd()) {
        *problem = "events chunk has " + std::to_string(r.remaining()) + " bytes after its events";
        return false;
    }
    return true;
}

} // namespace syscope::format
