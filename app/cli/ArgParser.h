// A tiny getopt_long-like parser shared by the subcommands: options are declared with their help
// text, so `--help` output is generated from the same table that parses (the man page test
// compares against it).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace syscope::cli {

class ArgParser {
public:
    ArgParser(std::string command, std::string synopsis, std::string description);

    // A flag without value: `--name` or `-s`.
    void flag(std::string longName, char shortName, std::string help, bool* target);
    // An option with a value: `--name VALUE`, `--name=VALUE`, `-s VALUE`.
    void option(std::string longName, char shortName, std::string valueName, std::string help,
                std::function<bool(const std::string&)> apply);
    // A repeatable option collecting every value.
    void multi(std::string longName, char shortName, std::string valueName, std::string help,
               std::vector<std::string>* target);

    // Parses args (args[0] is the command name). Everything after `--` and, when
    // stopAtFirstPositional is set, from the first positional on, goes to rest().
    // Returns false after printing an error; helpRequested() tells whether --help was given.
    bool parse(std::span<char*> args, bool stopAtFirstPositional = false);

    bool helpRequested() const { return m_help; }
    const std::vector<std::string>& positional() const { return m_positional; }
    const std::vector<std::string>& rest() const { return m_rest; }
    bool sawDoubleDash() const { return m_sawDoubleDash; }

    std::string helpText() const;
    void printHelp() const;
    // Prints "syscope-cli CMD: message" and a hint to stderr; returns the usage exit code.
    int usageError(const std::string& message) const;

private:
    struct Spec {
        std::string longName;
        char shortName;
        std::string valueName; // empty for flags
        std::string help;
        std::function<bool(const std::string&)> apply;
    };
    const Spec* findLong(const std::string& name) const;
    const Spec* findShort(char c) const;

    std::string m_command;
    std::string m_synopsis;
    std::string m_description;
    std::vector<Spec> m_specs;
    std::vector<std::string> m_positional;
    std::vector<std::string> m_rest;
    bool m_help = false;
    bool m_sawDoubleDash = false;
};

// Parses a whole decimal number into *out; false on junk or overflow.
bool parseInt(const std::string& text, long long* out);

} // namespace syscope::cli
