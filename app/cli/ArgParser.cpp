#include "ArgParser.h"

#include "Command.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace syscope::cli {

ArgParser::ArgParser(std::string command, std::string synopsis, std::string description)
    : m_command(std::move(command))
    , m_synopsis(std::move(synopsis))
    , m_description(std::move(description)) {
}

void ArgParser::flag(std::string longName, char shortName, std::string help, bool* target) {
    m_specs.push_back(
        {std::move(longName), shortName, {}, std::move(help), [target](const std::string&) {
             *target = true;
             return true;
         }});
}

void ArgParser::option(std::string longName, char shortName, std::string valueName,
                       std::string help, std::function<bool(const std::string&)> apply) {
    m_specs.push_back(
        {std::move(longName), shortName, std::move(valueName), std::move(help), std::move(apply)});
}

void ArgParser::multi(std::string longName, char shortName, std::string valueName, std::string help,
                      std::vector<std::string>* target) {
    option(std::move(longName), shortName, std::move(valueName), std::move(help),
           [target](const std::string& v) {
               target->push_back(v);
               return true;
           });
}

const ArgParser::Spec* ArgParser::findLong(const std::string& name) const {
    for (const auto& s : m_specs) {
        if (s.longName == name) {
            return &s;
        }
    }
    return nullptr;
}

const ArgParser::Spec* ArgParser::findShort(char c) const {
    for (const auto& s : m_specs) {
        if (c != 0 && s.shortName == c) {
            return &s;
        }
    }
    return nullptr;
}

bool ArgParser::parse(std::span<char*> args, bool stopAtFirstPositional) {
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string arg = args[i];
        if (arg == "--") {
            m_sawDoubleDash = true;
            for (size_t j = i + 1; j < args.size(); ++j) {
                m_rest.emplace_back(args[j]);
            }
            return true;
        }
        if (arg == "-h" || arg == "--help") {
            m_help = true;
            continue;
        }
        const Spec* spec = nullptr;
        std::string value;
        bool haveValue = false;
        if (arg.size() > 2 && arg.starts_with("--")) {
            const auto eq = arg.find('=');
            const std::string name =
                arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            spec = findLong(name);
            if (!spec) {
                usageError("unknown option '--" + name + "'");
                return false;
            }
            if (eq != std::string::npos) {
                if (spec->valueName.empty()) {
                    usageError("option '--" + name + "' takes no value");
                    return false;
                }
                value = arg.substr(eq + 1);
                haveValue = true;
            }
        } else if (arg.size() >= 2 && arg[0] == '-' && arg[1] != '-') {
            spec = findShort(arg[1]);
            if (!spec) {
                usageError("unknown option '" + arg + "'");
                return false;
            }
            if (arg.size() > 2) {
                if (spec->valueName.empty()) {
                    usageError("option '-" + std::string(1, arg[1]) + "' takes no value");
                    return false;
                }
                value = arg.substr(2);
                haveValue = true;
            }
        } else {
            if (stopAtFirstPositional) {
                for (size_t j = i; j < args.size(); ++j) {
                    m_rest.emplace_back(args[j]);
                }
                return true;
            }
            m_positional.push_back(arg);
            continue;
        }
        if (!spec->valueName.empty() && !haveValue) {
            if (i + 1 >= args.size()) {
                usageError("option '" + arg + "' needs a value (" + spec->valueName + ")");
                return false;
            }
            value = args[++i];
        }
        if (!spec->apply(value)) {
            usageError("invalid value '" + value + "' for option '--" + spec->longName + "'");
            return false;
        }
    }
    return true;
}

std::string ArgParser::helpText() const {
    std::string text = "Usage: syscope-cli " + m_command + " " + m_synopsis + "\n\n" +
                       m_description + "\n\nOptions:\n";
    auto addLine = [&text](const std::string& left, const std::string& help) {
        std::string line = "  " + left;
        if (line.size() < 28) {
            line.resize(28, ' ');
        } else {
            line += "\n" + std::string(28, ' ');
        }
        text += line + help + "\n";
    };
    for (const auto& s : m_specs) {
        std::string left;
        if (s.shortName) {
            left = std::string("-") + s.shortName + ", ";
        }
        left += "--" + s.longName;
        if (!s.valueName.empty()) {
            left += " " + s.valueName;
        }
        addLine(left, s.help);
    }
    addLine("-h, --help", "show this help and exit");
    return text;
}

void ArgParser::printHelp() const {
    std::fputs(helpText().c_str(), stdout);
}

int ArgParser::usageError(const std::string& message) const {
    std::fprintf(stderr, "syscope-cli %s: %s\nTry 'syscope-cli %s --help'.\n", m_command.c_str(),
                 message.c_str(), m_command.c_str());
    return kExitUsage;
}

bool parseInt(const std::string& text, long long* out) {
    if (text.empty()) {
        return false;
    }
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (errno != 0 || end == text.c_str() || *end != '\0') {
        return false;
    }
    *out = v;
    return true;
}

} // namespace syscope::cli
