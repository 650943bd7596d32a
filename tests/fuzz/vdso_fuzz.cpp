// libFuzzer target: any bytes handed to VdsoImage must parse or fail with an error, never crash.
// Seed it with a dumped vDSO: syscope-cli vdso --dump corpus/vdso.so
#include "vdso/VdsoImage.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// Keeps the reads above from being optimised away.
volatile std::size_t g_sink = 0;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string error;
    const auto image = syscope::VdsoImage::fromBytes(std::vector<std::uint8_t>(data, data + size),
                                                     0x7f0000000000, 1, &error);
    if (!image) {
        if (error.empty()) {
            __builtin_trap(); // every rejection must say why
        }
        return 0;
    }
    // Touch everything a caller would use.
    std::size_t total = image->buildId().size() + image->linuxVersion().size();
    for (const auto& s : image->symbols()) {
        total += s.name.size() + s.version.size() + s.type.size();
    }
    for (const auto& n : image->notes()) {
        total += n.owner.size() + n.desc.size();
    }
    if (const auto* f = image->findFunction("clock_gettime")) {
        total += f->address;
    }
    g_sink = total;
    return 0;
}
