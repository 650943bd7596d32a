#include "TraceInput.h"

#include "trace/TraceReader.h"

#include <cstdio>

namespace syscope::cli {

bool loadTraceForCli(const std::string& command, const std::string& path, TraceStore& store) {
    std::string error;
    std::string warning;
    if (!loadTrace(path, store, &error, {}, &warning)) {
        std::fprintf(stderr, "syscope-cli %s: %s\n", command.c_str(), error.c_str());
        return false;
    }
    if (!warning.empty()) {
        std::fprintf(stderr, "syscope-cli %s: warning: %s\n", command.c_str(), warning.c_str());
    }
    return true;
}

} // namespace syscope::cli
