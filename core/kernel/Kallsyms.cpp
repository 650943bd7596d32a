#include "kernel/Kallsyms.h"

#include "proc/ProcFile.h"

#include <charconv>
#include <cstdio>
#include <unistd.h>

namespace syscope {
namespace {

constexpr int kCapSyslog = 34;
constexpr std::size_t kMaxKallsymsBytes = 256u << 20;
constexpr std::size_t kMaxNameLength = 1024; // KSYM_NAME_LEN is 512

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

// The CapEff mask of /proc/self/status.
std::optional<std::uint64_t> effectiveCapabilities() {
    std::string status;
    if (!readWholeFile("/proc/self/status", status, nullptr, 1u << 20)) {
        return std::nullopt;
    }
    const std::string_view key = "\nCapEff:";
    const auto at = status.find(key);
    if (at == std::string::npos) {
        return std::nullopt;
    }
    std::size_t i = at + key.size();
    while (i < status.size() && isSpace(status[i])) {
        ++i;
    }
    std::uint64_t mask = 0;
    const auto r = std::from_chars(status.data() + i, status.data() + status.size(), mask, 16);
    if (r.ec != std::errc()) {
        return std::nullopt;
    }
    return mask;
}

} // namespace

KernelAccess KernelAccess::current() {
    KernelAccess a;
    a.kptrRestrict = readIntFile("/proc/sys/kernel/kptr_restrict", -1);
    a.perfEventParanoid = readIntFile("/proc/sys/kernel/perf_event_paranoid", -1);
    a.root = ::geteuid() == 0;
    if (auto caps = effectiveCapabilities()) {
        a.capSyslog = (*caps >> kCapSyslog) & 1u;
    }
    return a;
}

std::string KernelAccess::hiddenReason() const {
    // The kernel's kallsyms_show_value(): kptr_restrict 0 shows addresses when
    // perf_event_paranoid <= 1, otherwise (and at 1) only to CAP_SYSLOG; 2 hides them from all.
    if (kptrRestrict >= 2) {
        return "kernel.kptr_restrict = " + std::to_string(kptrRestrict) +
               ": the kernel hides its addresses from everyone, root included "
               "(sysctl kernel.kptr_restrict=1 shows them to root)";
    }
    if (kptrRestrict == 1 && !capSyslog) {
        return "kernel.kptr_restrict = 1: only processes with CAP_SYSLOG (root) see kernel "
               "addresses; this one has no CAP_SYSLOG";
    }
    if (kptrRestrict == 0 && !capSyslog) {
        return "kernel.perf_event_paranoid = " + std::to_string(perfEventParanoid) +
               " (> 1) and no CAP_SYSLOG: kernel addresses are shown only to root";
    }
    if (kptrRestrict < 0) {
        return "kernel addresses are hidden (kernel.kptr_restrict is unreadable)";
    }
    return "kernel addresses are hidden although this process may see them (kallsyms was "
           "opened with other credentials)";
}

std::optional<Kallsyms> Kallsyms::parse(std::string_view text, std::string* error) {
    Kallsyms table;
    std::size_t lineNo = 0;
    std::size_t pos = 0;
    const auto fail = [&](const char* what) -> std::optional<Kallsyms> {
        if (error) {
            *error = "kallsyms line " + std::to_string(lineNo) + ": " + what;
        }
        return std::nullopt;
    };
    while (pos < text.size()) {
        ++lineNo;
        const std::size_t eol = text.find('\n', pos);
        const std::size_t end = eol == std::string_view::npos ? text.size() : eol;
        std::string_view line = text.substr(pos, end - pos);
        pos = end + (eol == std::string_view::npos ? 0 : 1);
        while (!line.empty() && isSpace(line.back())) {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            continue;
        }
        // Address: 1..16 hex digits.
        std::size_t i = 0;
        while (i < line.size() && !isSpace(line[i])) {
            ++i;
        }
        if (i == 0 || i > 16) {
            return fail("the address is not 1 to 16 hex digits");
        }
        KernelSymbol sym;
        const auto r = std::from_chars(line.data(), line.data() + i, sym.address, 16);
        if (r.ec != std::errc() || r.ptr != line.data() + i) {
            return fail("the address is not hexadecimal");
        }
        // Type: one letter between single spaces/tabs.
        while (i < line.size() && isSpace(line[i])) {
            ++i;
        }
        if (i >= line.size() || i + 1 >= line.size() || !isSpace(line[i + 1])) {
            return fail("expected a one-letter symbol type after the address");
        }
        sym.type = line[i];
        if (!((sym.type >= 'a' && sym.type <= 'z') || (sym.type >= 'A' && sym.type <= 'Z') ||
              sym.type == '?')) {
            return fail("the symbol type is not a letter");
        }
        i += 2;
        while (i < line.size() && isSpace(line[i])) {
            ++i;
        }
        std::size_t nameEnd = i;
        while (nameEnd < line.size() && !isSpace(line[nameEnd])) {
            ++nameEnd;
        }
        if (nameEnd == i) {
            return fail("missing symbol name");
        }
        if (nameEnd - i > kMaxNameLength) {
            return fail("symbol name too long");
        }
        for (std::size_t k = i; k < nameEnd; ++k) {
            const auto ch = static_cast<unsigned char>(line[k]);
            if (ch <= 0x20 || ch >= 0x7f) {
                return fail("the symbol name has a byte that is not printable ASCII");
            }
        }
        sym.name.assign(line.substr(i, nameEnd - i));
        std::string_view rest = line.substr(nameEnd);
        while (!rest.empty() && isSpace(rest.front())) {
            rest.remove_prefix(1);
        }
        if (!rest.empty()) {
            if (rest.size() < 3 || rest.front() != '[' || rest.back() != ']' ||
                rest.size() - 2 > kMaxNameLength) {
                return fail("text after the name is not a [module] suffix");
            }
            sym.module.assign(rest.substr(1, rest.size() - 2));
        }
        if (table.m_symbols.size() >= 0xffffffffu) {
            return fail("too many symbols");
        }
        table.m_anyAddress = table.m_anyAddress || sym.address != 0;
        table.m_symbols.push_back(std::move(sym));
    }
    table.index();
    return table;
}

void Kallsyms::index() {
    m_byName.clear();
    m_byName.reserve(m_symbols.size());
    for (std::uint32_t k = 0; k < m_symbols.size(); ++k) {
        const KernelSymbol& s = m_symbols[k];
        auto [it, inserted] = m_byName.try_emplace(std::string_view(s.name), k);
        if (!inserted && !m_symbols[it->second].module.empty() && s.module.empty()) {
            it->second = k; // the core kernel's symbol wins over a module's of the same name
        }
    }
}

std::optional<Kallsyms> Kallsyms::read(std::string* error, const char* path) {
    std::string text;
    if (!readWholeFile(path, text, error, kMaxKallsymsBytes)) {
        return std::nullopt;
    }
    auto table = parse(text, error);
    if (table) {
        table->m_access = KernelAccess::current();
    }
    return table;
}

const KernelSymbol* Kallsyms::find(std::string_view name) const {
    const auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : &m_symbols[it->second];
}

const KernelSymbol* Kallsyms::findFirst(std::initializer_list<std::string_view> names) const {
    for (auto n : names) {
        if (const KernelSymbol* s = find(n)) {
            return s;
        }
    }
    return nullptr;
}

std::optional<std::uint64_t> Kallsyms::textBase() const {
    const KernelSymbol* s = findFirst({"_stext", "_text"});
    if (!s || s->address == 0) {
        return std::nullopt;
    }
    return s->address;
}

std::string kernelAddressText(std::uint64_t address) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(address));
    return buf;
}

} // namespace syscope
