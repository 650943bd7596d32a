#include "syscalls/SyscallFilter.h"

#include "syscalls/SyscallTable.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <regex>

namespace syscope {

namespace {

constexpr Arch kArches[] = {Arch::X86_64, Arch::I386, Arch::X32};

std::size_t archIndex(Arch arch) {
    return static_cast<std::size_t>(arch);
}

struct ClassSpec {
    std::string_view name;
    std::uint16_t classes;
    std::uint8_t behaviour;
};

constexpr ClassSpec kClassSpecs[] = {
    {"file", SyscallClass::File, 0},
    {"desc", SyscallClass::Desc, 0},
    {"network", SyscallClass::Network, 0},
    {"net", SyscallClass::Network, 0},
    {"process", SyscallClass::Process, 0},
    {"signal", SyscallClass::Signal, 0},
    {"ipc", SyscallClass::Ipc, 0},
    {"memory", SyscallClass::Memory, 0},
    {"creds", SyscallClass::Creds, 0},
    {"clock", SyscallClass::Clock, 0},
    {"stat", SyscallClass::Stat, 0},
    {"lstat", SyscallClass::Lstat, 0},
    {"fstat", SyscallClass::Fstat, 0},
    {"%stat", SyscallClass::StatLike, 0},
    {"statfs", SyscallClass::StatFs, 0},
    {"fstatfs", SyscallClass::FStatFs, 0},
    {"%statfs", SyscallClass::StatFsLike, 0},
    {"pure", 0, SyscallBehaviour::NeverFails},
};

const ClassSpec* findClass(std::string_view name) {
    for (const ClassSpec& c : kClassSpecs) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

std::size_t tableSize(Arch arch) {
    return static_cast<std::size_t>(SyscallTable::forArch(arch).maxNumber() + 1);
}

} // namespace

SyscallFilter SyscallFilter::everything() {
    SyscallFilter f;
    for (Arch a : kArches) {
        f.m_bits[archIndex(a)].assign(tableSize(a), true);
    }
    return f;
}

std::optional<SyscallFilter> SyscallFilter::parse(std::string_view text, std::string* error) {
    auto fail = [&](std::string message) -> std::optional<SyscallFilter> {
        if (error) {
            *error = std::move(message);
        }
        return std::nullopt;
    };
    SyscallFilter f;
    for (Arch a : kArches) {
        f.m_bits[archIndex(a)].assign(tableSize(a), false);
    }
    bool negate = false;
    if (!text.empty() && text.front() == '!') {
        negate = true;
        text.remove_prefix(1);
    }
    if (text.empty()) {
        return fail("empty syscall set");
    }

    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        std::string_view element = text.substr(
            pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
        pos = comma == std::string_view::npos ? text.size() + 1 : comma + 1;

        bool optional = false;
        if (!element.empty() && element.front() == '?') {
            optional = true;
            element.remove_prefix(1);
        }
        if (element.empty()) {
            return fail("invalid system call ''");
        }
        if (element == "all") {
            for (Arch a : kArches) {
                f.m_bits[archIndex(a)].assign(tableSize(a), true);
            }
            continue;
        }
        if (element == "none") {
            continue;
        }
        if (element.front() == '%' || findClass(element)) {
            std::string_view cls = element.front() == '%' ? element.substr(1) : element;
            const ClassSpec* spec = findClass(cls);
            if (!spec) {
                if (optional) {
                    continue;
                }
                return fail("invalid system call class '" + std::string(element) + "'");
            }
            for (Arch a : kArches) {
                for (const SyscallInfo& info : SyscallTable::forArch(a).all()) {
                    if ((info.classes & spec->classes) || (info.behaviour & spec->behaviour)) {
                        f.m_bits[archIndex(a)][static_cast<std::size_t>(info.nr)] = true;
                    }
                }
            }
            continue;
        }
        if (element.front() == '/') {
            std::regex re;
            try {
                re = std::regex(std::string(element.substr(1)), std::regex::extended);
            } catch (const std::regex_error&) {
                return fail("invalid regular expression '" + std::string(element.substr(1)) + "'");
            }
            bool any = false;
            for (Arch a : kArches) {
                for (const SyscallInfo& info : SyscallTable::forArch(a).all()) {
                    if (std::regex_search(info.name.begin(), info.name.end(), re)) {
                        f.m_bits[archIndex(a)][static_cast<std::size_t>(info.nr)] = true;
                        any = true;
                    }
                }
            }
            if (!any && !optional) {
                return fail("no system call matches '" + std::string(element) + "'");
            }
            continue;
        }

        // NAME, NAME@64, NAME@32, NAME@x32, or a number (of every arch table).
        std::string_view name = element;
        bool onlyArch[3] = {true, true, true};
        if (std::size_t at = name.rfind('@'); at != std::string_view::npos) {
            std::string_view which = name.substr(at + 1);
            name = name.substr(0, at);
            onlyArch[0] = which == "64";
            onlyArch[1] = which == "32";
            onlyArch[2] = which == "x32";
            if (!onlyArch[0] && !onlyArch[1] && !onlyArch[2]) {
                return fail("invalid personality '" + std::string(which) + "' in '" +
                            std::string(element) + "'");
            }
        }
        int number = -1;
        {
            auto [p, ec] = std::from_chars(name.data(), name.data() + name.size(), number);
            if (ec != std::errc() || p != name.data() + name.size() || number < 0) {
                number = -1;
            }
        }
        bool any = false;
        for (Arch a : kArches) {
            if (!onlyArch[archIndex(a)]) {
                continue;
            }
            const SyscallTable& table = SyscallTable::forArch(a);
            if (number >= 0) {
                if (const SyscallInfo* info = table.lookup(number)) {
                    f.m_bits[archIndex(a)][static_cast<std::size_t>(info->nr)] = true;
                    any = true;
                }
                continue;
            }
            for (const SyscallInfo& info : table.all()) {
                if (info.name == name) {
                    f.m_bits[archIndex(a)][static_cast<std::size_t>(info.nr)] = true;
                    any = true;
                }
            }
        }
        if (!any && !optional) {
            return fail("invalid system call '" + std::string(element) + "'");
        }
    }
    if (negate) {
        for (auto& bits : f.m_bits) {
            bits.flip();
        }
    }
    return f;
}

const std::vector<bool>& SyscallFilter::bits(Arch arch) const {
    return m_bits[archIndex(arch)];
}

bool SyscallFilter::matches(Arch arch, int nr) const {
    if (arch == Arch::X32) {
        nr &= ~kX32SyscallBit;
    }
    const SyscallInfo* info = SyscallTable::forArch(arch).lookup(nr);
    if (!info) {
        return true;
    }
    const auto& b = bits(arch);
    return static_cast<std::size_t>(nr) < b.size() && b[static_cast<std::size_t>(nr)];
}

std::vector<int> SyscallFilter::numbers(Arch arch) const {
    std::vector<int> out;
    const auto& b = bits(arch);
    for (const SyscallInfo& info : SyscallTable::forArch(arch).all()) {
        if (static_cast<std::size_t>(info.nr) < b.size() && b[static_cast<std::size_t>(info.nr)]) {
            out.push_back(info.nr);
        }
    }
    return out;
}

bool SyscallFilter::tracesEverything() const {
    for (Arch a : kArches) {
        for (const SyscallInfo& info : SyscallTable::forArch(a).all()) {
            if (!matches(a, info.nr)) {
                return false;
            }
        }
    }
    return true;
}

bool SyscallFilter::tracesNothing() const {
    for (Arch a : kArches) {
        if (!numbers(a).empty()) {
            return false;
        }
    }
    return true;
}

std::string SyscallFilter::toString() const {
    if (tracesEverything()) {
        return "all";
    }
    if (tracesNothing()) {
        return "none";
    }
    // For each name (in x86_64, then i386, then x32 table order), which arches have it and
    // which of them trace it; a name traced everywhere it exists is written bare.
    struct NameNumbers {
        std::string_view name;
        std::vector<int> numbers[kArchCount];
    };
    std::vector<NameNumbers> byName;
    std::map<std::string_view, std::size_t> index;
    for (Arch a : kArches) {
        for (const SyscallInfo& info : SyscallTable::forArch(a).all()) {
            auto [it, inserted] = index.emplace(info.name, byName.size());
            if (inserted) {
                byName.push_back({info.name, {}});
            }
            byName[it->second].numbers[archIndex(a)].push_back(info.nr);
        }
    }
    auto listFor = [&](bool wanted) {
        static constexpr std::string_view kSuffix[kArchCount] = {"@64", "@32", "@x32"};
        std::string out;
        auto add = [&](std::string_view name, std::string_view suffix) {
            if (!out.empty()) {
                out += ',';
            }
            out += name;
            out += suffix;
        };
        for (const NameNumbers& n : byName) {
            bool traced[kArchCount] = {};
            bool allHave = true;
            bool anyTraced = false;
            for (Arch a : kArches) {
                const auto& nrs = n.numbers[archIndex(a)];
                if (nrs.empty()) {
                    continue;
                }
                // A name can occur twice in one table (x32); all its numbers count.
                bool all = std::all_of(nrs.begin(), nrs.end(),
                                       [&](int nr) { return matches(a, nr) == wanted; });
                traced[archIndex(a)] = all;
                allHave = allHave && all;
                anyTraced = anyTraced || all;
            }
            if (!anyTraced) {
                continue;
            }
            if (allHave) {
                add(n.name, {});
                continue;
            }
            for (Arch a : kArches) {
                if (traced[archIndex(a)]) {
                    add(n.name, kSuffix[archIndex(a)]);
                }
            }
        }
        return out;
    };
    std::string positive = listFor(true);
    std::string negative = listFor(false);
    if (!negative.empty() && negative.size() + 1 < positive.size()) {
        return "!" + negative;
    }
    return positive;
}

} // namespace syscope
