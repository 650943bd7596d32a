// syscope-cli vdso: what the kernel maps into every process so that clock_gettime needs no
// syscall -- its symbols, versions, build-id -- read out of a live process.
#include "ArgParser.h"
#include "Command.h"

#include "util/JsonWriter.h"
#include "vdso/VdsoImage.h"

#include <cinttypes>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace syscope::cli {
namespace {

void printJson(const VdsoImage& image) {
    JsonWriter json(std::cout, true);
    json.beginObject();
    json.field("pid", image.pid());
    json.key("base").hexValue(image.base());
    json.field("size", static_cast<std::uint64_t>(image.size()));
    json.field("build_id", image.buildId());
    json.field("linux_version", image.linuxVersion());
    const auto& h = image.header();
    json.key("elf").beginObject();
    json.field("type", static_cast<unsigned>(h.type));
    json.field("machine", static_cast<unsigned>(h.machine));
    json.key("entry").hexValue(h.entry);
    json.key("load_vaddr").hexValue(h.loadVaddr);
    json.field("phnum", static_cast<unsigned>(h.phnum));
    json.field("shnum", static_cast<unsigned>(h.shnum));
    json.endObject();
    json.key("symbols").beginArray();
    for (const auto& s : image.symbols()) {
        json.beginObject();
        json.field("name", s.name);
        json.field("version", s.version);
        json.field("type", s.type);
        json.field("binding", s.binding);
        json.key("offset").hexValue(s.offset);
        json.field("size", s.size);
        json.key("address").hexValue(s.address);
        json.field("section", static_cast<unsigned>(s.sectionIndex));
        json.endObject();
    }
    json.endArray();
    json.endObject();
    std::cout << '\n';
}

void printText(const VdsoImage& image) {
    std::printf("vDSO of process %d\n", image.pid());
    std::printf("  base        0x%" PRIx64 "\n", image.base());
    std::printf("  size        %zu bytes\n", image.size());
    std::printf("  build-id    %s\n", image.buildId().empty() ? "(none)" : image.buildId().c_str());
    std::printf("  kernel      %s\n",
                image.linuxVersion().empty() ? "(no Linux note)" : image.linuxVersion().c_str());
    std::printf("\n  %-18s %-8s %-6s %-7s %-28s %s\n", "address", "offset", "size", "bind", "name",
                "version");
    for (const auto& s : image.symbols()) {
        if (!s.isFunction()) {
            continue;
        }
        std::printf("  0x%016" PRIx64 " %#-8" PRIx64 " %-6" PRIu64 " %-7s %-28s %s\n", s.address,
                    s.offset, s.size, s.binding.c_str(), s.name.c_str(), s.version.c_str());
    }
}

int runVdso(std::span<char*> args) {
    long long pid = 0;
    std::string dumpPath;
    std::string imagePath;
    bool json = false;
    ArgParser parser("vdso", "[--pid PID | --image FILE] [--dump FILE] [--json]",
                     "Reads the vDSO out of a process (default: this one) and lists its exported\n"
                     "functions with version, offset, size and address in that process.");
    parser.option("pid", 'p', "PID", "read the vDSO of process PID (needs ptrace rights)",
                  [&](const std::string& v) { return parseInt(v, &pid) && pid > 0; });
    parser.option("image", 'i', "FILE", "parse a previously dumped image instead of a process",
                  [&](const std::string& v) {
                      imagePath = v;
                      return !v.empty();
                  });
    parser.option("dump", 'd', "FILE", "save the image as FILE (readelf/objdump accept it)",
                  [&](const std::string& v) {
                      dumpPath = v;
                      return !v.empty();
                  });
    parser.flag("json", 'j', "print JSON instead of a table", &json);
    if (!parser.parse(args)) {
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        parser.printHelp();
        return 0;
    }
    if (!parser.positional().empty() || !parser.rest().empty()) {
        return parser.usageError("unexpected argument");
    }
    if (pid != 0 && !imagePath.empty()) {
        return parser.usageError("--pid and --image exclude each other");
    }
    std::string error;
    std::optional<VdsoImage> image;
    if (!imagePath.empty()) {
        image = VdsoImage::fromFile(imagePath, &error);
    } else if (pid != 0) {
        image = VdsoImage::fromProcess(static_cast<int>(pid), &error);
    } else {
        image = VdsoImage::fromSelf(&error);
    }
    if (!image) {
        std::fprintf(stderr, "syscope-cli vdso: %s\n", error.c_str());
        return kExitFailure;
    }
    if (!dumpPath.empty() && !image->save(dumpPath, &error)) {
        std::fprintf(stderr, "syscope-cli vdso: %s\n", error.c_str());
        return kExitFailure;
    }
    if (json) {
        printJson(*image);
    } else {
        printText(*image);
        if (!dumpPath.empty()) {
            std::printf("\nImage saved to %s (try: objdump -d %s)\n", dumpPath.c_str(),
                        dumpPath.c_str());
        }
    }
    return 0;
}

const CommandRegistration registration("vdso", "inspect the vDSO of a process (symbols, build-id)",
                                       runVdso);

} // namespace
} // namespace syscope::cli
