// Writing a trace in other formats: the native .syscope file, Chrome's Trace Event JSON (opened
// by ui.perfetto.dev and chrome://tracing), CSV, and strace -f -ttt -T style text (which
// import-strace reads back into the same events).
#pragma once

#include "trace/Event.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace syscope {

class TraceStore;

enum class ExportFormat { Syscope, ChromeJson, Csv, Strace };

// "syscope", "chrome-json", "csv", "strace".
std::optional<ExportFormat> exportFormatFromName(std::string_view name);
std::string_view exportFormatName(ExportFormat format);

// Writes the store to `path` in `format`. progress(fraction) may cancel by returning false.
// False with *error ("PATH: problem") when the file cannot be written or on cancel.
bool exportTrace(const TraceStore& store, ExportFormat format, const std::string& path,
                 std::string* error, const std::function<bool(double)>& progress = {});

// The text formats to a stream (progress as above; false only when cancelled).
bool writeChromeJson(const TraceStore& store, std::ostream& out,
                     const std::function<bool(double)>& progress = {});
bool writeCsv(const TraceStore& store, std::ostream& out,
              const std::function<bool(double)>& progress = {});
// vDSO calls are left out: strace cannot show them and nothing could read them back.
bool writeStraceText(const TraceStore& store, std::ostream& out,
                     const std::function<bool(double)>& progress = {});

} // namespace syscope
