// libFuzzer target: the .syscope reader and the store it feeds. Any input must end in a clean
// status (End, Truncated, Corrupt) or an open error; never a crash, hang or huge allocation.
#include "trace/TraceReader.h"
#include "trace/TraceStore.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

int syscopeFuzzTraceReader(const std::uint8_t* data, std::size_t size) {
    // The reader works on files; a memfd keeps the bytes off the disk.
    const int fd = ::memfd_create("syscope-fuzz", MFD_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n <= 0) {
            ::close(fd);
            return 0;
        }
        done += static_cast<std::size_t>(n);
    }
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    std::string error;
    if (auto reader = syscope::TraceReader::open(path, &error)) {
        syscope::TraceStore store;
        syscope::EventBatch batch;
        std::string problem;
        while (reader->readNext(batch, &problem) == syscope::TraceReader::Status::More) {
            store.append(batch);
        }
        // Touch what the store built from the input.
        for (std::size_t i = 0; i < store.eventCount(); ++i) {
            (void)store.event(i);
            (void)store.string(i, 1);
        }
        if (store.eventCount()) {
            (void)store.eventByEnterTime(store.eventCount() - 1);
        }
        (void)store.tasks();
    }
    ::close(fd);
    return 0;
}

#ifndef SYSCOPE_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return syscopeFuzzTraceReader(data, size);
}
#endif
