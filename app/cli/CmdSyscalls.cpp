// syscope-cli syscalls: the syscall table as syscope knows it (number, name, argument kinds,
// classes, behaviour, the glibc wrapper that issues it and the kernel handler with its address in
// /proc/kallsyms), for terminals and scripts.
#include "ArgParser.h"
#include "Command.h"

#include "kernel/GlibcWrappers.h"
#include "kernel/Kallsyms.h"
#include "kernel/SyscallHandlers.h"

#include "syscalls/SyscallFilter.h"
#include "syscalls/SyscallTable.h"
#include "util/JsonWriter.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace syscope::cli {
namespace {

std::optional<Arch> parseArch(const std::string& text) {
    if (text == "x86_64" || text == "64") {
        return Arch::X86_64;
    }
    if (text == "i386" || text == "32") {
        return Arch::I386;
    }
    if (text == "x32") {
        return Arch::X32;
    }
    return std::nullopt;
}

// "openat" or "257" or "0x101"; nullopt when the text is neither a known name nor a number.
std::optional<int> resolve(const SyscallTable& table, const std::string& text) {
    if (auto nr = table.numberOf(text)) {
        return nr;
    }
    if (text.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 0);
    if (errno != 0 || *end != '\0' || v < 0 || v > 0x7fffffff) {
        return std::nullopt;
    }
    return static_cast<int>(v);
}

std::string argumentText(const SyscallInfo& info) {
    std::string out;
    for (int i = 0; i < info.argCount; ++i) {
        if (i > 0) {
            out += ", ";
        }
        const ArgKind kind = info.args[std::size_t(i)];
        out += argKindName(kind);
        if (kind == ArgKind::Flags) {
            out += '(';
            out += flagSetName(info.flagSets[std::size_t(i)]);
            out += ')';
        }
        if (info.isOutputArg(i)) {
            out += "[out]";
        }
    }
    return out;
}

std::string joined(const std::vector<std::string_view>& names) {
    std::string out;
    for (auto n : names) {
        if (!out.empty()) {
            out += ',';
        }
        out += n;
    }
    return out.empty() ? "-" : out;
}

// The kernel handler of a row: its symbol ("-" when the kernel has none) and address text
// ("hidden" under kptr_restrict, "-" when kallsyms is unreadable or the symbol is missing).
struct HandlerText {
    std::string symbol = "-";
    std::string address = "-";
    bool implemented = true; // false: the number leads to sys_ni_syscall (ENOSYS)
};

HandlerText handlerText(const Kallsyms* kallsyms, Arch arch, const SyscallInfo& info) {
    HandlerText t;
    if (!kallsyms) {
        const auto names = handlerCandidates(arch, info.name);
        t.symbol = names.empty() ? "sys_ni_syscall" : names.front();
        t.implemented = !names.empty();
        return t;
    }
    const SyscallHandler h = findHandler(*kallsyms, arch, info.name);
    t.implemented = !h.notImplemented;
    const KernelPlace& p = h.handler.found() ? h.handler : h.niSyscall;
    if (p.found()) {
        t.symbol = p.symbol;
        t.address = p.address ? kernelAddressText(p.address) : "hidden";
    }
    return t;
}

void printText(Arch arch, const std::vector<const SyscallInfo*>& rows, const Kallsyms* kallsyms) {
    // x32 numbers carry __X32_SYSCALL_BIT (0x40000000), which needs ten digits.
    const int width = arch == Arch::X32 ? 10 : 4;
    std::printf("%*s  %-24s %-56s %-18s %-22s %-40s %-32s %s\n", width, "NR", "NAME", "ARGUMENTS",
                "CLASSES", "BEHAVIOUR", "GLIBC", "HANDLER", "ADDRESS");
    for (const SyscallInfo* info : rows) {
        const int nr = arch == Arch::X32 ? (info->nr | kX32SyscallBit) : info->nr;
        const HandlerText h = handlerText(kallsyms, arch, *info);
        std::printf("%*d  %-24.*s %-56s %-18s %-22s %-40s %-32s %s\n", width, nr,
                    int(info->name.size()), info->name.data(), argumentText(*info).c_str(),
                    joined(classNames(info->classes)).c_str(),
                    joined(behaviourNames(info->behaviour)).c_str(),
                    glibcWrapperText(arch, info->name).c_str(), h.symbol.c_str(),
                    h.address.c_str());
    }
}

void printJson(Arch arch, const std::vector<const SyscallInfo*>& rows, const Kallsyms* kallsyms) {
    JsonWriter json(std::cout, true);
    json.beginArray();
    for (const SyscallInfo* info : rows) {
        json.beginObject();
        json.field("nr", arch == Arch::X32 ? (info->nr | kX32SyscallBit) : info->nr);
        json.field("name", info->name);
        json.field("arch", archName(arch));
        json.key("args").beginArray();
        for (int i = 0; i < info->argCount; ++i) {
            json.beginObject();
            json.field("kind", argKindName(info->args[std::size_t(i)]));
            if (info->args[std::size_t(i)] == ArgKind::Flags) {
                json.field("set", flagSetName(info->flagSets[std::size_t(i)]));
            }
            if (info->isOutputArg(i)) {
                json.field("output", true);
            }
            json.endObject();
        }
        json.endArray();
        json.key("classes").beginArray();
        for (auto c : classNames(info->classes)) {
            json.value(c);
        }
        json.endArray();
        json.key("flags").beginArray();
        for (auto b : behaviourNames(info->behaviour)) {
            json.value(b);
        }
        json.endArray();
        const GlibcWrapper w = glibcWrapper(arch, info->name);
        json.key("glibc").beginObject();
        json.field("known", w.known);
        json.field("functions", w.functions);
        json.field("note", w.note);
        json.field("vdso_first", w.vdsoFirst);
        json.endObject();
        const HandlerText h = handlerText(kallsyms, arch, *info);
        json.key("kernel").beginObject();
        json.field("handler", h.symbol == "-" ? std::string() : h.symbol);
        json.field("implemented", h.implemented);
        if (h.address.rfind("0x", 0) == 0) {
            json.field("address", h.address);
        } else {
            json.key("address").null();
        }
        json.endObject();
        json.endObject();
    }
    json.endArray();
    std::cout << '\n';
}

int runSyscalls(std::span<char*> args) {
    bool json = false;
    Arch arch = Arch::X86_64;
    std::string filterText;
    ArgParser parser("syscalls", "[--json] [--arch x86_64|i386|x32] [--filter SET] [NAME|NUMBER]",
                     "Prints syscope's syscall table: number, name, argument kinds, classes\n"
                     "(strace's %file, %desc, ... sets), behaviour, the glibc functions that\n"
                     "issue each call, and the kernel handler with its address in\n"
                     "/proc/kallsyms (hidden unless root and kptr_restrict < 2; the address\n"
                     "changes at every boot), or the row of one syscall.");
    parser.flag("json", 'j', "print a JSON array instead of a table", &json);
    parser.option("arch", 'a', "ARCH", "table to show: x86_64 (default), i386 or x32",
                  [&](const std::string& v) {
                      auto a = parseArch(v);
                      if (a) {
                          arch = *a;
                      }
                      return a.has_value();
                  });
    parser.option("filter", 'f', "SET",
                  "only the syscalls of a strace-like set, e.g. %file or '!%memory'",
                  [&](const std::string& v) {
                      filterText = v;
                      return true;
                  });
    if (!parser.parse(args)) {
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        parser.printHelp();
        return 0;
    }
    if (parser.positional().size() > 1 || !parser.rest().empty()) {
        return parser.usageError("expects at most one NAME or NUMBER");
    }

    const SyscallTable& table = SyscallTable::forArch(arch);
    std::vector<const SyscallInfo*> rows;
    if (!parser.positional().empty()) {
        const std::string& what = parser.positional().front();
        const std::optional<int> nr = resolve(table, what);
        const SyscallInfo* info = nr ? table.lookup(*nr) : nullptr;
        if (!info) {
            std::fprintf(stderr, "syscope-cli syscalls: no syscall '%s' in the %s table\n",
                         what.c_str(), archName(arch));
            return kExitFailure;
        }
        rows.push_back(info);
    } else {
        std::optional<SyscallFilter> filter = SyscallFilter::everything();
        if (!filterText.empty()) {
            std::string error;
            filter = SyscallFilter::parse(filterText, &error);
            if (!filter) {
                return parser.usageError("--filter: " + error);
            }
        }
        for (const SyscallInfo& info : table.all()) {
            if (filter->matches(arch, info.nr)) {
                rows.push_back(&info);
            }
        }
    }
    // Kernel handler addresses: readable as root unless kptr_restrict=2; say why otherwise.
    std::string kallsymsError;
    std::optional<Kallsyms> kallsyms = Kallsyms::read(&kallsymsError);
    if (!kallsyms) {
        std::fprintf(stderr, "syscope-cli syscalls: no kernel addresses: %s\n",
                     kallsymsError.c_str());
    } else if (kallsyms->addressesHidden()) {
        std::fprintf(stderr, "syscope-cli syscalls: kernel addresses hidden: %s\n",
                     kallsyms->access().hiddenReason().c_str());
    }
    const Kallsyms* ks = kallsyms ? &*kallsyms : nullptr;
    if (json) {
        printJson(arch, rows, ks);
    } else {
        printText(arch, rows, ks);
    }
    return 0;
}

const CommandRegistration
    registration("syscalls", "print the syscall table (names, arguments, classes)", runSyscalls);

} // namespace
} // namespace syscope::cli
