// libFuzzer target: any bytes handed to VdsoImage must parse or fail with an error, never crash.
// Seed it with a dumped vDSO: syscope-cli vdso --dump corpus/vdso.so
#include "vdso/VdsoImage.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string error;
    const auto image = syscope::VdsoImage::fromBytes(std::vector<std::uint8_t>(data, data + size),
                                                     0x7f0000000000, 1, &error);
    if (image) {
        // Touch everything a caller would use.
        std::size_t total = image->buildId().size() + image->linuxVersion().size();
        for (const auto& s : image->symbols()) {
            total += s.name.size() + s.version.size();
        }
        (void)image->findFunction("clock_gettime");
        return total == 0 ? 0 : 0;
    }
    return error.empty() ? __builtin_trap(), 0 : 0;
}
