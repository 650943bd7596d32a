#include "trace/Export.h"

#include "trace/TraceStore.h"
#include "trace/TraceWriter.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace syscope {

std::optional<ExportFormat> exportFormatFromName(std::string_view name) {
    if (name == "syscope") {
        return ExportFormat::Syscope;
    }
    if (name == "chrome-json" || name == "json" || name == "perfetto") {
        return ExportFormat::ChromeJson;
    }
    if (name == "csv") {
        return ExportFormat::Csv;
    }
    if (name == "strace") {
        return ExportFormat::Strace;
    }
    return std::nullopt;
}

std::string_view exportFormatName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Syscope:
        return "syscope";
    case ExportFormat::ChromeJson:
        return "chrome-json";
    case ExportFormat::Csv:
        return "csv";
    case ExportFormat::Strace:
        return "strace";
    }
    return "unknown";
}

namespace {

bool writeSyscopeFile(const TraceStore& store, const std::string& path, std::string* error,
                      const std::function<bool(double)>& progress) {
    auto writer = TraceWriter::create(path, store.metadata(), error);
    if (!writer) {
        return false;
    }
    EventBatch batch;
    batch.processEvents = store.processEvents();
    batch.maps = store.mapsSnapshots();
    batch.auxv = store.auxv();
    constexpr std::size_t kBatch = 65536;
    const std::size_t n = store.eventCount();
    for (std::size_t first = 0; first < n || !batch.empty(); first += kBatch) {
        const std::size_t last = std::min(n, first + kBatch);
        for (std::size_t i = first; i < last; ++i) {
            batch.events.push_back(store.event(i));
            for (const auto& [arg, s] : store.strings(i)) {
                batch.strings.push_back({static_cast<std::uint32_t>(i - first),
                                         static_cast<std::uint8_t>(arg), s.truncated,
                                         std::string(s.bytes)});
            }
        }
        writer->consume(batch);
        batch.clear();
        batch.strings.clear();
        if (progress && !progress(n ? static_cast<double>(last) / static_cast<double>(n) : 1.0)) {
            writer->close(nullptr);
            if (error) {
                *error = path + ": export cancelled";
            }
            return false;
        }
    }
    return writer->close(error);
}

} // namespace

bool exportTrace(const TraceStore& store, ExportFormat format, const std::string& path,
                 std::string* error, const std::function<bool(double)>& progress) {
    if (format == ExportFormat::Syscope) {
        return writeSyscopeFile(store, path, error, progress);
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        if (error) {
            *error = path + ": cannot create: " + std::strerror(errno);
        }
        return false;
    }
    bool finished = false;
    switch (format) {
    case ExportFormat::ChromeJson:
        finished = writeChromeJson(store, out, progress);
        break;
    case ExportFormat::Csv:
        finished = writeCsv(store, out, progress);
        break;
    case ExportFormat::Strace:
        finished = writeStraceText(store, out, progress);
        break;
    case ExportFormat::Syscope:
        break;
    }
    out.flush();
    if (!finished) {
        if (error) {
            *error = path + ": export cancelled";
        }
        return false;
    }
    if (!out) {
        if (error) {
            *error = path + ": cannot write: " + std::strerror(errno);
        }
        return false;
    }
    return true;
}

} // namespace syscope
