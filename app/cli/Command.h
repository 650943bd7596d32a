// Each subcommand of syscope-cli lives in its own Cmd*.cpp and registers itself here.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace syscope::cli {

// args[0] is the subcommand's name; the rest are its arguments.
using CommandFn = int (*)(std::span<char*> args);

struct Command {
    std::string_view name;
    std::string_view summary;
    CommandFn run;
};

std::vector<Command>& commandRegistry();

struct CommandRegistration {
    CommandRegistration(std::string_view name, std::string_view summary, CommandFn run) {
        commandRegistry().push_back({name, summary, run});
    }
};

// Exit codes shared by all subcommands (the traced command's own status wins for `record`).
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 1;

} // namespace syscope::cli
