#include "Command.h"
#include "Version.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace syscope::cli {

std::vector<Command>& commandRegistry() {
    static std::vector<Command> commands;
    return commands;
}

} // namespace syscope::cli

namespace {

void printUsage(FILE* out) {
    using namespace syscope::cli;
    auto commands = commandRegistry();
    std::sort(commands.begin(), commands.end(),
              [](const Command& a, const Command& b) { return a.name < b.name; });
    std::fprintf(out, "Usage: syscope-cli COMMAND [OPTIONS...]\n\n"
                      "Trace a program's syscalls, inspect its address map, ASLR and vDSO.\n\n"
                      "Commands:\n");
    for (const auto& c : commands) {
        std::fprintf(out, "  %-14.*s %.*s\n", int(c.name.size()), c.name.data(),
                     int(c.summary.size()), c.summary.data());
    }
    std::fprintf(out, "\nRun 'syscope-cli COMMAND --help' for the options of one command.\n"
                      "Options:\n  -h, --help     show this help\n"
                      "  -V, --version  show the version\n");
}

} // namespace

int main(int argc, char** argv) {
    using namespace syscope::cli;
    if (argc < 2) {
        printUsage(stderr);
        return kExitUsage;
    }
    const std::string_view first = argv[1];
    if (first == "-h" || first == "--help" || first == "help") {
        printUsage(stdout);
        return 0;
    }
    if (first == "-V" || first == "--version") {
        std::printf("syscope-cli %s\n", syscope::kVersion);
        return 0;
    }
    for (const auto& c : commandRegistry()) {
        if (c.name == first) {
            return c.run(std::span<char*>(argv + 1, argc - 1));
        }
    }
    std::fprintf(stderr, "syscope-cli: unknown command '%s' (try 'syscope-cli --help')\n", argv[1]);
    return kExitUsage;
}
