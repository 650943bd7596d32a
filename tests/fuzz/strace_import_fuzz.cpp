// libFuzzer target: the strace log importer. Any text must import without crashing or hanging;
// what is not understood is counted.
#include "trace/Statistics.h"
#include "trace/StraceImport.h"
#include "trace/StraceSyntax.h"
#include "trace/TraceStore.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

int syscopeFuzzStraceImport(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)syscope::looksLikeStraceLog(text);
    // Split at the first NUL into two "-ff" files so that merging is exercised too.
    const std::size_t nul = text.find('\0');
    std::vector<syscope::StraceText> texts;
    if (nul == std::string_view::npos) {
        texts.push_back({"fuzz", text, 0});
    } else {
        texts.push_back({"fuzz.100", text.substr(0, nul), 100});
        texts.push_back({"fuzz.101", text.substr(nul + 1), 101});
    }
    syscope::EventBatch batch;
    syscope::TraceMetadata meta;
    syscope::StraceImportReport report;
    syscope::importStraceTexts(texts, batch, meta, report);
    syscope::TraceStore store;
    store.append(batch);
    (void)syscope::computeStatistics(store);
    (void)report.summary();
    // The syntax helpers on the raw text.
    (void)syscope::strace::splitArgs(text);
    (void)syscope::strace::findCallEnd(text);
    (void)syscope::strace::parseReturn(text);
    (void)syscope::strace::argumentValue(text);
    bool truncated = false;
    std::size_t used = 0;
    (void)syscope::strace::parseQuoted(text, &truncated, &used);
    std::string_view line = text;
    (void)syscope::strace::takeDuration(&line);
    return 0;
}

#ifndef SYSCOPE_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return syscopeFuzzStraceImport(data, size);
}
#endif
