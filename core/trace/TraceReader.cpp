#include "trace/TraceReader.h"

#include "syscalls/Siginfo.h"
#include "trace/ByteIO.h"
#include "trace/Crc32c.h"
#include "trace/EventCodec.h"
#include "trace/StraceImport.h"
#include "trace/TraceFormat.h"
#include "trace/TraceStore.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace syscope {

using format::ByteReader;

namespace {

bool preadAll(int fd, void* buf, std::size_t size, std::uint64_t offset) {
    auto* p = static_cast<char*>(buf);
    while (size > 0) {
        const ssize_t n = ::pread(fd, p, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        p += n;
        size -= static_cast<std::size_t>(n);
        offset += static_cast<std::uint64_t>(n);
    }
    return true;
}

std::string chunkName(std::uint32_t type) {
    switch (type) {
    case format::ChunkMetadata:
        return "metadata";
    case format::ChunkStrings:
        return "string table";
    case format::ChunkEvents:
        return "events";
    case format::ChunkProcessEvents:
        return "process events";
    case format::ChunkMaps:
        return "maps";
    case format::ChunkAuxv:
        return "auxv";
    case format::ChunkEnd:
        return "end";
    }
    return "unknown (type " + std::to_string(type) + ")";
}

} // namespace

bool decodeMetadata(const unsigned char* data, std::size_t size, TraceMetadata* meta,
                    std::string* problem) {
    ByteReader r(data, size);
    TraceMetadata m;
    while (!r.atEnd()) {
        std::uint64_t tag = 0;
        std::string_view value;
        if (!r.varint(&tag) || !r.bytes(&value)) {
            *problem = "malformed metadata field";
            return false;
        }
        auto number = [&](std::int64_t* out) {
            ByteReader nr(reinterpret_cast<const unsigned char*>(value.data()), value.size());
            if (!nr.svarint(out) || !nr.atEnd()) {
                *problem = "malformed number in metadata field " + std::to_string(tag);
                return false;
            }
            return true;
        };
        std::int64_t n = 0;
        switch (tag) {
        case format::TagCommandArg:
            m.command.emplace_back(value);
            break;
        case format::TagAttachedPid:
            if (!number(&n) || n < INT32_MIN || n > INT32_MAX) {
                *problem = "bad attached pid in metadata";
                return false;
            }
            m.attachedPids.push_back(static_cast<std::int32_t>(n));
            break;
        case format::TagWorkingDir:
            m.workingDirectory = value;
            break;
        case format::TagStartWallNs:
            if (!number(&m.startWallNs)) {
                return false;
            }
            break;
        case format::TagStartMonoNs:
            if (!number(&m.startMonoNs)) {
                return false;
            }
            break;
        case format::TagKernelRelease:
            m.kernelRelease = value;
            break;
        case format::TagHostname:
            m.hostname = value;
            break;
        case format::TagMachine:
            m.machine = value;
            break;
        case format::TagRandomizeVaSpace:
            if (!number(&n) || n < INT32_MIN || n > INT32_MAX) {
                *problem = "bad randomize_va_space in metadata";
                return false;
            }
            m.randomizeVaSpace = static_cast<std::int32_t>(n);
            break;
        case format::TagVsyscallMode:
            m.vsyscallMode = value;
            break;
        case format::TagSyscopeVersion:
            m.syscopeVersion = value;
            break;
        default:
            break; // a field added later: skipped
        }
    }
    *meta = std::move(m);
    return true;
}

std::unique_ptr<TraceReader> TraceReader::open(const std::string& path, std::string* error) {
    auto fail = [&](const std::string& problem) -> std::unique_ptr<TraceReader> {
        if (error) {
            *error = path + ": " + problem;
        }
        return nullptr;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return fail(std::string("cannot open: ") + std::strerror(errno));
    }
    std::unique_ptr<TraceReader> reader(new TraceReader(fd, path));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return fail(std::string("cannot stat: ") + std::strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return fail("not a regular file");
    }
    reader->m_fileSize = static_cast<std::uint64_t>(st.st_size);
    unsigned char header[format::kFileHeaderSize];
    if (reader->m_fileSize < sizeof header || !preadAll(fd, header, sizeof header, 0)) {
        return fail("too short to be a syscope trace (" + std::to_string(reader->m_fileSize) +
                    " bytes)");
    }
    if (std::memcmp(header, format::kMagic, sizeof format::kMagic) != 0) {
        return fail("not a syscope trace (wrong magic bytes)");
    }
    const std::uint32_t version = format::loadU32le(header + 8);
    if (version > format::kVersion) {
        return fail("written by a newer syscope (format version " + std::to_string(version) +
                    "; this build reads up to version " + std::to_string(format::kVersion) + ")");
    }
    if (version == 0) {
        return fail("invalid format version 0");
    }
    reader->m_version = version;
    if (format::loadU32le(header + 12) != 0) {
        return fail("unknown header flags (damaged header or a newer syscope)");
    }
    reader->m_offset = format::kFileHeaderSize;
    std::uint32_t type = 0;
    std::string problem;
    switch (reader->readChunk(&type, &problem)) {
    case ChunkResult::Incomplete:
        return fail("ends before its metadata is complete (" + problem + ")");
    case ChunkResult::Bad:
        return fail(problem);
    case ChunkResult::Ok:
        break;
    }
    if (type != format::ChunkMetadata) {
        return fail("first chunk is " + chunkName(type) + ", not metadata");
    }
    if (!decodeMetadata(reader->m_payload.data(), reader->m_payload.size(), &reader->m_meta,
                        &problem)) {
        return fail(problem);
    }
    return reader;
}

TraceReader::TraceReader(int fd, std::string path)
    : m_fd(fd)
    , m_path(std::move(path)) {
}

TraceReader::~TraceReader() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

TraceReader::ChunkResult TraceReader::readChunk(std::uint32_t* type, std::string* problem) {
    struct stat st {};
    if (::fstat(m_fd, &st) == 0) {
        m_fileSize = static_cast<std::uint64_t>(st.st_size);
    }
    const std::uint64_t at = m_offset;
    const std::string where = "chunk at offset " + std::to_string(at);
    if (m_fileSize <= at) {
        *problem = "no more chunks after offset " + std::to_string(at);
        return ChunkResult::Incomplete;
    }
    const std::uint64_t avail = m_fileSize - at;
    if (avail < format::kChunkHeaderSize) {
        *problem = where + " is incomplete (" + std::to_string(avail) + " of " +
                   std::to_string(format::kChunkHeaderSize) + " header bytes)";
        return ChunkResult::Incomplete;
    }
    unsigned char header[format::kChunkHeaderSize];
    if (!preadAll(m_fd, header, sizeof header, at)) {
        *problem = "cannot read " + where + ": " + std::strerror(errno);
        return ChunkResult::Incomplete;
    }
    *type = format::loadU32le(header);
    const std::uint32_t length = format::loadU32le(header + 4);
    const std::uint32_t storedCrc = format::loadU32le(header + 8);
    // A torn tail (power loss) reads as zeros: treat it as the end of what was written.
    const bool zeros = *type == 0 && length == 0 && storedCrc == 0;
    if (zeros) {
        *problem = where + " is empty (zero bytes where a chunk should start)";
        return ChunkResult::Incomplete;
    }
    if (length > format::kMaxChunkPayload) {
        *problem = where + " claims " + std::to_string(length) + " bytes (limit " +
                   std::to_string(format::kMaxChunkPayload) + ")";
        return ChunkResult::Bad;
    }
    if (avail - format::kChunkHeaderSize < length) {
        *problem = where + " (" + chunkName(*type) + ") is incomplete (" +
                   std::to_string(avail - format::kChunkHeaderSize) + " of " +
                   std::to_string(length) + " bytes)";
        return ChunkResult::Incomplete;
    }
    m_payload.resize(length);
    if (length && !preadAll(m_fd, m_payload.data(), length, at + format::kChunkHeaderSize)) {
        *problem = "cannot read " + where + ": " + std::strerror(errno);
        return ChunkResult::Incomplete;
    }
    std::uint32_t crc = crc32c(header, 8);
    crc = crc32c(m_payload.data(), m_payload.size(), crc);
    if (crc != storedCrc) {
        *problem = where + " has a bad checksum";
        // The last chunk of a file whose tail was torn by a crash looks the same as a damaged
        // one; only a damaged chunk followed by more data is certainly corruption.
        return at + format::kChunkHeaderSize + length == m_fileSize ? ChunkResult::Incomplete
                                                                    : ChunkResult::Bad;
    }
    m_offset = at + format::kChunkHeaderSize + length;
    ++m_chunks;
    return ChunkResult::Ok;
}

bool TraceReader::decodeStrings(std::string* problem) {
    ByteReader r(m_payload.data(), m_payload.size());
    std::uint64_t first = 0;
    std::uint64_t count = 0;
    if (!r.varint(&first) || !r.count(&count, m_payload.size())) {
        *problem = "malformed string table chunk";
        return false;
    }
    if (first != m_strings.size()) {
        *problem = "string table chunk starts at id " + std::to_string(first) + ", expected " +
                   std::to_string(m_strings.size());
        return false;
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        std::string_view s;
        if (!r.bytes(&s)) {
            *problem = "string table chunk is shorter than its count";
            return false;
        }
        m_strings.emplace_back(s);
    }
    if (!r.atEnd()) {
        *problem = "string table chunk has trailing bytes";
        return false;
    }
    return true;
}

namespace {
bool stringRef(ByteReader& r, const std::vector<std::string>& strings, std::string* out) {
    std::uint64_t id = 0;
    if (!r.varint(&id) || id >= strings.size()) {
        return false;
    }
    *out = strings[id];
    return true;
}
} // namespace

bool TraceReader::decodeProcessEvents(EventBatch& out, std::string* problem) {
    ByteReader r(m_payload.data(), m_payload.size());
    std::uint64_t count = 0;
    if (!r.count(&count, m_payload.size())) {
        *problem = "malformed process events chunk";
        return false;
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        ProcessEvent p;
        std::uint8_t kind = 0;
        std::uint64_t argc = 0;
        bool ok = r.svarint(&p.time) && r.u8(&kind) && kind <= 7 && r.svarint32(&p.pid) &&
                  r.svarint32(&p.tid) && r.svarint32(&p.parent) && r.svarint32(&p.value) &&
                  stringRef(r, m_strings, &p.comm) && r.count(&argc, r.remaining());
        p.kind = static_cast<ProcessEventKind>(kind);
        for (std::uint64_t a = 0; ok && a < argc; ++a) {
            ok = stringRef(r, m_strings, &p.argv.emplace_back());
        }
        ok = ok && stringRef(r, m_strings, &p.exe);
        if (m_version >= 2) {
            ok = ok && stringRef(r, m_strings, &p.detail);
        }
        std::uint8_t hasSiginfo = 0;
        if (ok && m_version >= 3) {
            ok = r.u8(&hasSiginfo) && hasSiginfo <= 1;
        }
        if (ok && hasSiginfo) {
            RawSiginfo& raw = p.siginfo.emplace();
            ok = r.svarint32(&raw.code) && r.svarint32(&raw.errnum);
            for (std::uint64_t& word : raw.words) {
                ok = ok && r.varint(&word);
            }
            fillSignalDetail(p);
        }
        if (!ok) {
            *problem = "malformed process event " + std::to_string(i);
            return false;
        }
        out.processEvents.push_back(std::move(p));
    }
    if (!r.atEnd()) {
        *problem = "process events chunk has trailing bytes";
        return false;
    }
    return true;
}

bool TraceReader::decodeMaps(EventBatch& out, std::string* problem) {
    ByteReader r(m_payload.data(), m_payload.size());
    std::uint64_t count = 0;
    if (!r.count(&count, m_payload.size())) {
        *problem = "malformed maps chunk";
        return false;
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        MapsSnapshot m;
        std::uint64_t n = 0;
        bool ok = r.svarint(&m.time) && r.svarint32(&m.pid) && r.svarint32(&m.causeNr) &&
                  r.count(&n, r.remaining() / 8);
        if (ok) {
            m.entries.reserve(n);
        }
        for (std::uint64_t k = 0; ok && k < n; ++k) {
            MapEntry e;
            std::uint64_t size = 0;
            std::uint64_t major = 0;
            std::uint64_t minor = 0;
            ok = r.varint(&e.start) && r.varint(&size) && r.varint(&e.offset) &&
                 r.varint(&e.inode) && r.varint(&major) && major <= UINT32_MAX &&
                 r.varint(&minor) && minor <= UINT32_MAX && r.u8(&e.perms) &&
                 stringRef(r, m_strings, &e.path);
            e.end = e.start + size;
            e.devMajor = static_cast<std::uint32_t>(major);
            e.devMinor = static_cast<std::uint32_t>(minor);
            m.entries.push_back(std::move(e));
        }
        if (!ok) {
            *problem = "malformed maps snapshot " + std::to_string(i);
            return false;
        }
        out.maps.push_back(std::move(m));
    }
    if (!r.atEnd()) {
        *problem = "maps chunk has trailing bytes";
        return false;
    }
    return true;
}

bool TraceReader::decodeAuxv(EventBatch& out, std::string* problem) {
    ByteReader r(m_payload.data(), m_payload.size());
    std::uint64_t count = 0;
    if (!r.count(&count, m_payload.size())) {
        *problem = "malformed auxv chunk";
        return false;
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        AuxvSnapshot a;
        std::uint64_t n = 0;
        bool ok = r.svarint(&a.time) && r.svarint32(&a.pid) && r.count(&n, r.remaining() / 2);
        for (std::uint64_t k = 0; ok && k < n; ++k) {
            AuxvEntry e;
            ok = r.varint(&e.type) && r.varint(&e.value);
            a.entries.push_back(e);
        }
        if (!ok) {
            *problem = "malformed auxv snapshot " + std::to_string(i);
            return false;
        }
        out.auxv.push_back(std::move(a));
    }
    if (!r.atEnd()) {
        *problem = "auxv chunk has trailing bytes";
        return false;
    }
    return true;
}

std::optional<std::uint64_t> TraceReader::declaredEventCount() const {
    struct stat st {};
    if (::fstat(m_fd, &st) != 0) {
        return std::nullopt;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    // The end chunk holds five varints: at most 50 payload bytes.
    unsigned char tail[format::kChunkHeaderSize + 50];
    const std::uint64_t want = std::min<std::uint64_t>(sizeof tail, size);
    if (want < format::kChunkHeaderSize + 5 || !preadAll(m_fd, tail, want, size - want)) {
        return std::nullopt;
    }
    for (std::size_t at = 0; at + format::kChunkHeaderSize <= want; ++at) {
        const std::uint32_t length = format::loadU32le(tail + at + 4);
        if (format::loadU32le(tail + at) != format::ChunkEnd ||
            at + format::kChunkHeaderSize + length != want) {
            continue;
        }
        std::uint32_t crc = crc32c(tail + at, 8);
        crc = crc32c(tail + at + format::kChunkHeaderSize, length, crc);
        if (crc != format::loadU32le(tail + at + 8)) {
            continue;
        }
        ByteReader r(tail + at + format::kChunkHeaderSize, length);
        std::uint64_t events = 0;
        if (r.varint(&events)) {
            return events;
        }
    }
    return std::nullopt;
}

bool TraceReader::decodeEnd(std::string* problem) {
    ByteReader r(m_payload.data(), m_payload.size());
    std::uint64_t events = 0;
    std::uint64_t processEvents = 0;
    std::uint64_t maps = 0;
    std::uint64_t auxv = 0;
    std::uint64_t strings = 0;
    if (!r.varint(&events) || !r.varint(&processEvents) || !r.varint(&maps) || !r.varint(&auxv) ||
        !r.varint(&strings)) {
        *problem = "malformed end chunk";
        return false;
    }
    if (events != m_events || processEvents != m_processEvents || maps != m_maps ||
        auxv != m_auxv || strings != m_strings.size()) {
        *problem = "end chunk counts (" + std::to_string(events) + " events, " +
                   std::to_string(processEvents) + " process events) do not match the file (" +
                   std::to_string(m_events) + " events, " + std::to_string(m_processEvents) +
                   " process events)";
        return false;
    }
    return true;
}

TraceReader::Status TraceReader::readNext(EventBatch& out, std::string* problem) {
    out.clear();
    std::string scratch;
    if (!problem) {
        problem = &scratch;
    }
    if (m_corrupt) {
        *problem = m_corruptProblem;
        return Status::Corrupt;
    }
    if (m_ended) {
        problem->clear();
        return Status::End;
    }
    auto corrupt = [&](const std::string& what, std::uint64_t chunkOffset) {
        out.clear();
        m_corrupt = true;
        m_corruptProblem =
            m_path + ": " + what + " (chunk at offset " + std::to_string(chunkOffset) + ")";
        *problem = m_corruptProblem;
        return Status::Corrupt;
    };
    for (;;) {
        const std::uint64_t chunkOffset = m_offset;
        std::uint32_t type = 0;
        std::string why;
        switch (readChunk(&type, &why)) {
        case ChunkResult::Incomplete:
            *problem = m_path + ": " + why;
            return Status::Truncated;
        case ChunkResult::Bad:
            m_corrupt = true;
            m_corruptProblem = m_path + ": " + why;
            *problem = m_corruptProblem;
            return Status::Corrupt;
        case ChunkResult::Ok:
            break;
        }
        bool ok = true;
        switch (type) {
        case format::ChunkStrings:
            if (!decodeStrings(&why)) {
                return corrupt(why, chunkOffset);
            }
            continue;
        case format::ChunkEvents:
            ok = format::decodeEventChunk(m_payload.data(), m_payload.size(), m_strings, out, &why);
            m_events += out.events.size();
            break;
        case format::ChunkProcessEvents:
            ok = decodeProcessEvents(out, &why);
            m_processEvents += out.processEvents.size();
            break;
        case format::ChunkMaps:
            ok = decodeMaps(out, &why);
            m_maps += out.maps.size();
            break;
        case format::ChunkAuxv:
            ok = decodeAuxv(out, &why);
            m_auxv += out.auxv.size();
            break;
        case format::ChunkEnd:
            if (!decodeEnd(&why)) {
                return corrupt(why, chunkOffset);
            }
            m_ended = true;
            problem->clear();
            return Status::End;
        case format::ChunkMetadata:
            return corrupt("a second metadata chunk", chunkOffset);
        default:
            continue; // a chunk type added by a later minor revision: skipped
        }
        if (!ok) {
            return corrupt(why, chunkOffset);
        }
        problem->clear();
        return Status::More;
    }
}

bool isStraceLogFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    std::string head(16384, '\0');
    ssize_t n = 0;
    for (;;) {
        n = ::pread(fd, head.data(), head.size(), 0);
        if (n >= 0 || errno != EINTR) {
            break;
        }
    }
    ::close(fd);
    if (n <= 0) {
        return false;
    }
    head.resize(static_cast<std::size_t>(n));
    if (head.size() >= sizeof format::kMagic &&
        std::memcmp(head.data(), format::kMagic, sizeof format::kMagic) == 0) {
        return false;
    }
    return looksLikeStraceLog(head);
}

bool loadTrace(const std::string& path, TraceStore& store, std::string* error,
               std::function<bool(double progress)> progress, std::string* warning,
               LoadReport* report) {
    LoadReport local;
    LoadReport& rep = report ? *report : local;
    rep = LoadReport{};
    if (isStraceLogFile(path)) {
        EventBatch batch;
        TraceMetadata meta;
        StraceImportReport imported;
        if (!importStraceLogs({path}, batch, meta, imported, error)) {
            return false;
        }
        store.setMetadata(meta);
        store.append(batch);
        rep.complete = true;
        rep.events = batch.events.size();
        if (progress) {
            progress(1.0);
        }
        if (imported.unknownLines || imported.unknownSyscalls) {
            rep.message = path + ": strace log: " + imported.summary();
            if (warning) {
                *warning = rep.message;
            }
        }
        return true;
    }
    auto reader = TraceReader::open(path, error);
    if (!reader) {
        return false;
    }
    store.setMetadata(reader->metadata());
    // Growing the columns by doubling would zero and copy pages several times over: size them
    // once from the end chunk, or from the file size for a file that was not closed cleanly.
    if (const auto declared = reader->declaredEventCount();
        declared && *declared <= reader->fileSize()) {
        store.reserve(store.eventCount() + *declared);
    } else {
        store.reserve(store.eventCount() + reader->fileSize() / 8);
    }
    EventBatch batch;
    std::string problem;
    std::uint64_t sinceProgress = 0;
    auto fill = [&] {
        rep.events = reader->eventsRead();
        rep.chunks = reader->chunksRead();
        rep.bytesRead = reader->bytesRead();
        rep.fileSize = reader->fileSize();
    };
    for (;;) {
        const auto status = reader->readNext(batch, &problem);
        if (status == TraceReader::Status::More) {
            store.append(batch);
            if (progress && ++sinceProgress >= 16) {
                sinceProgress = 0;
                const double size =
                    static_cast<double>(std::max<std::uint64_t>(1, reader->fileSize()));
                if (!progress(static_cast<double>(reader->bytesRead()) / size)) {
                    fill();
                    rep.cancelled = true;
                    rep.message = path + ": loading cancelled";
                    if (error) {
                        *error = rep.message;
                    }
                    return false;
                }
            }
            continue;
        }
        fill();
        if (progress) {
            progress(1.0);
        }
        const std::string counts =
            std::to_string(rep.events) + " events in " + std::to_string(rep.chunks) + " chunks (" +
            std::to_string(rep.bytesRead) + " of " + std::to_string(rep.fileSize) + " bytes)";
        store.shrinkToFit();
        switch (status) {
        case TraceReader::Status::End:
            rep.complete = true;
            return true;
        case TraceReader::Status::Truncated:
            rep.message = problem +
                          "; the file was not closed cleanly (recorder killed or still "
                          "running); recovered " +
                          counts;
            if (warning) {
                *warning = rep.message;
            }
            return true;
        case TraceReader::Status::Corrupt:
        default:
            rep.message = problem + "; read " + counts + " before the damage";
            if (error) {
                *error = rep.message;
            }
            return false;
        }
    }
}

} // namespace syscope
