#include "trace/TraceWriter.h"

#include "trace/ByteIO.h"
#include "trace/Crc32c.h"
#include "trace/TraceFormat.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

namespace syscope {

using format::ByteWriter;

std::string encodeMetadata(const TraceMetadata& meta) {
    std::string out;
    ByteWriter w(out);
    auto text = [&](std::uint64_t tag, const std::string& value) {
        w.varint(tag);
        w.bytes(value);
    };
    auto number = [&](std::uint64_t tag, std::int64_t value) {
        std::string encoded;
        ByteWriter(encoded).svarint(value);
        text(tag, encoded);
    };
    for (const auto& arg : meta.command) {
        text(format::TagCommandArg, arg);
    }
    for (auto pid : meta.attachedPids) {
        number(format::TagAttachedPid, pid);
    }
    text(format::TagWorkingDir, meta.workingDirectory);
    number(format::TagStartWallNs, meta.startWallNs);
    number(format::TagStartMonoNs, meta.startMonoNs);
    text(format::TagKernelRelease, meta.kernelRelease);
    text(format::TagHostname, meta.hostname);
    text(format::TagMachine, meta.machine);
    number(format::TagRandomizeVaSpace, meta.randomizeVaSpace);
    text(format::TagVsyscallMode, meta.vsyscallMode);
    text(format::TagSyscopeVersion, meta.syscopeVersion);
    return out;
}

namespace {
// A chunk's header for the payload `prefix` followed by `body`: type, length, CRC-32C.
std::string chunkHeader(std::uint32_t type, std::string_view prefix, std::string_view body) {
    std::string header;
    ByteWriter w(header);
    w.u32le(type);
    w.u32le(static_cast<std::uint32_t>(prefix.size() + body.size()));
    std::uint32_t crc = crc32c(header.data(), header.size());
    crc = crc32c(prefix.data(), prefix.size(), crc);
    crc = crc32c(body.data(), body.size(), crc);
    w.u32le(crc);
    return header;
}
} // namespace

std::unique_ptr<TraceWriter> TraceWriter::create(const std::string& path, const TraceMetadata& meta,
                                                 std::string* error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error) {
            *error = "cannot create " + path + ": " + std::strerror(errno);
        }
        return nullptr;
    }
    std::unique_ptr<TraceWriter> w(new TraceWriter(fd, path));
    // Header and metadata in one write: a reader tailing the file sees both or neither.
    std::string start(reinterpret_cast<const char*>(format::kMagic), sizeof format::kMagic);
    ByteWriter hw(start);
    hw.u32le(format::kVersion);
    hw.u32le(0);
    std::string metadata = encodeMetadata(meta);
    std::string header = chunkHeader(format::ChunkMetadata, metadata, {});
    iovec parts[3] = {{start.data(), start.size()},
                      {header.data(), header.size()},
                      {metadata.data(), metadata.size()}};
    w->writeAll(parts, 3);
    if (w->failed()) {
        if (error) {
            *error = w->error();
        }
        return nullptr;
    }
    return w;
}

TraceWriter::TraceWriter(int fd, std::string path)
    : m_fd(fd)
    , m_path(std::move(path)) {
}

TraceWriter::~TraceWriter() {
    if (m_fd >= 0) {
        close(nullptr);
    }
}

void TraceWriter::writeAll(iovec* parts, int count) {
    if (failed() || m_fd < 0) {
        return;
    }
    while (count > 0) {
        const ssize_t n = ::writev(m_fd, parts, count);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            m_error = "cannot write " + m_path + ": " + std::strerror(errno);
            return;
        }
        m_written += static_cast<std::uint64_t>(n);
        auto left = static_cast<std::size_t>(n);
        while (count > 0 && left >= parts->iov_len) { // parts written whole
            left -= parts->iov_len;
            ++parts;
            --count;
        }
        if (count > 0) { // and one written in part
            parts->iov_base = static_cast<char*>(parts->iov_base) + left;
            parts->iov_len -= left;
        }
    }
}

void TraceWriter::writeChunk(std::uint32_t type, std::string_view prefix, std::string_view body) {
    std::string header = chunkHeader(type, prefix, body);
    iovec parts[3] = {{header.data(), header.size()},
                      {const_cast<char*>(prefix.data()), prefix.size()},
                      {const_cast<char*>(body.data()), body.size()}};
    writeAll(parts, body.empty() ? 2 : 3);
}

std::uint64_t TraceWriter::internString(const std::string& s) {
    if (s.empty() && m_emptyStringId >= 0) {
        return static_cast<std::uint64_t>(m_emptyStringId);
    }
    const auto [id, inserted] = m_strings.intern(s);
    if (inserted) {
        if (m_newStringsCount == 0) {
            m_newStringsFirst = id;
        }
        ByteWriter(m_newStrings).bytes(s);
        ++m_newStringsCount;
        if (s.empty()) {
            m_emptyStringId = static_cast<std::int64_t>(id);
        }
    }
    return id;
}

std::uint64_t TraceWriter::internString(const std::string& s, std::size_t slot) {
    // The empty string leaves the slot to the last other one: a fork loop's signal events have
    // no comm, between the comms of its fork and exit events.
    if (s.empty()) {
        return internString(s);
    }
    RecentString& recent = m_recent[slot];
    if (recent.valid && m_strings.at(recent.id) == s) {
        return recent.id;
    }
    recent = {true, internString(s)};
    return recent.id;
}

namespace {
std::string countPrefix(std::uint64_t count) {
    std::string prefix;
    ByteWriter(prefix).varint(count);
    return prefix;
}
} // namespace

void TraceWriter::emitPendingSideChunks() {
    if (m_newStringsCount) {
        std::string prefix;
        ByteWriter w(prefix);
        w.varint(m_newStringsFirst);
        w.varint(m_newStringsCount);
        writeChunk(format::ChunkStrings, prefix, m_newStrings);
        m_newStrings.clear();
        m_newStringsCount = 0;
    }
    if (m_processCount) {
        writeChunk(format::ChunkProcessEvents, countPrefix(m_processCount), m_processPayload);
        m_processPayload.clear();
        m_processCount = 0;
    }
    if (m_mapsCount) {
        writeChunk(format::ChunkMaps, countPrefix(m_mapsCount), m_mapsPayload);
        m_mapsPayload.clear();
        m_mapsCount = 0;
    }
    if (m_auxvCount) {
        writeChunk(format::ChunkAuxv, countPrefix(m_auxvCount), m_auxvPayload);
        m_auxvPayload.clear();
        m_auxvCount = 0;
    }
}

void TraceWriter::emitEvents() {
    emitPendingSideChunks();
    if (m_events.eventCount()) {
        writeChunk(format::ChunkEvents, m_events.prefix(), m_events.body());
        m_events.reset();
    }
}

void TraceWriter::consume(const EventBatch& batch) {
    if (failed() || m_fd < 0) {
        return;
    }
    for (const auto& p : batch.processEvents) {
        // Fixed-size parts go through a buffer on the stack (a fork loop makes three process
        // events per fork); at most 1 + 10 + 4 * 5 + 2 * 10 bytes before argv, 2 * 10 + 1 +
        // 2 * 5 + 4 * 10 after it.
        char head[64];
        format::ArrayWriter w(head);
        w.svarint(p.time);
        w.u8(static_cast<std::uint8_t>(p.kind));
        w.svarint(p.pid);
        w.svarint(p.tid);
        w.svarint(p.parent);
        w.svarint(p.value);
        w.varint(internString(p.comm, kCommSlot));
        w.varint(p.argv.size());
        m_processPayload += w.written();
        for (const auto& a : p.argv) {
            ByteWriter(m_processPayload).varint(internString(a));
        }
        char tail[96];
        format::ArrayWriter t(tail);
        t.varint(internString(p.exe));
        // The numbers stand for the text: the text of an event that has them is not stored.
        static const std::string kNone;
        t.varint(internString(p.siginfo ? kNone : p.detail));
        t.u8(p.siginfo ? 1 : 0);
        if (p.siginfo) {
            t.svarint(p.siginfo->code);
            t.svarint(p.siginfo->errnum);
            for (const std::uint64_t word : p.siginfo->words) {
                t.varint(word);
            }
        }
        m_processPayload += t.written();
        ++m_processCount;
        ++m_processEventCount;
    }
    for (const auto& m : batch.maps) {
        ByteWriter w(m_mapsPayload);
        w.svarint(m.time);
        w.svarint(m.pid);
        w.svarint(m.causeNr);
        w.varint(m.entries.size());
        for (const auto& e : m.entries) {
            w.varint(e.start);
            w.varint(e.end - e.start);
            w.varint(e.offset);
            w.varint(e.inode);
            w.varint(e.devMajor);
            w.varint(e.devMinor);
            w.u8(e.perms);
            w.varint(internString(e.path));
        }
        ++m_mapsCount;
        ++m_mapsTotal;
    }
    for (const auto& a : batch.auxv) {
        ByteWriter w(m_auxvPayload);
        w.svarint(a.time);
        w.svarint(a.pid);
        w.varint(a.entries.size());
        for (const auto& e : a.entries) {
            w.varint(e.type);
            w.varint(e.value);
        }
        ++m_auxvCount;
        ++m_auxvTotal;
    }
    if (m_processPayload.size() + m_mapsPayload.size() + m_auxvPayload.size() >=
        format::kEventChunkTarget) {
        emitPendingSideChunks();
    }

    // Strings of a batch are grouped by event; they may come in any order, so index them.
    std::size_t si = 0;
    std::vector<format::EncodedStringRef> refs;
    const bool stringsSorted = std::is_sorted(
        batch.strings.begin(), batch.strings.end(),
        [](const EventString& a, const EventString& b) { return a.event < b.event; });
    std::vector<std::size_t> order;
    if (!stringsSorted) {
        order.resize(batch.strings.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return batch.strings[a].event < batch.strings[b].event;
        });
    }
    auto stringAt = [&](std::size_t k) -> const EventString& {
        return stringsSorted ? batch.strings[k] : batch.strings[order[k]];
    };
    for (std::size_t i = 0; i < batch.events.size(); ++i) {
        refs.clear();
        while (si < batch.strings.size() && stringAt(si).event < i) {
            ++si; // a string for an event index that does not exist is dropped
        }
        while (si < batch.strings.size() && stringAt(si).event == i) {
            const EventString& s = stringAt(si);
            if (s.arg < 6 && refs.size() < 6) {
                refs.push_back({s.arg, s.truncated, internString(s.bytes, s.arg)});
            }
            ++si;
        }
        m_events.add(batch.events[i], refs.data(), refs.size());
        ++m_eventCount;
        if (m_events.byteSize() >= format::kEventChunkTarget ||
            m_events.taskCount() >= format::kEventChunkMaxTasks) {
            emitEvents();
        }
    }
}

void TraceWriter::flush() {
    if (failed() || m_fd < 0) {
        return;
    }
    emitEvents();
}

bool TraceWriter::close(std::string* error) {
    if (m_fd >= 0) {
        emitEvents();
        std::string payload;
        ByteWriter w(payload);
        w.varint(m_eventCount);
        w.varint(m_processEventCount);
        w.varint(m_mapsTotal);
        w.varint(m_auxvTotal);
        w.varint(m_strings.size());
        writeChunk(format::ChunkEnd, payload);
        if (!failed() && m_syncOnClose && ::fsync(m_fd) != 0 && errno != EINVAL && errno != EROFS) {
            m_error = "cannot sync " + m_path + ": " + std::strerror(errno);
        }
        if (::close(m_fd) != 0 && !failed()) {
            m_error = "cannot close " + m_path + ": " + std::strerror(errno);
        }
        m_fd = -1;
    }
    if (failed() && error) {
        *error = m_error;
    }
    return !failed();
}

} // namespace syscope
