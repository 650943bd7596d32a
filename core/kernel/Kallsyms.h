// /proc/kallsyms: the kernel's symbol table with this boot's addresses. Under kptr_restrict (or
// without CAP_SYSLOG) the kernel prints every address as zeros; the names are still there, and
// KernelAccess says why the addresses are hidden.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace syscope {

struct KernelSymbol {
    std::uint64_t address = 0; // 0 when hidden
    char type = '?';           // nm's letter: T text, t local text, D data, ...
    std::string name;
    std::string module; // "ext4" for "[ext4]"; empty for the core kernel
};

// The rules that decide whether /proc/kallsyms shows addresses to this process.
struct KernelAccess {
    int kptrRestrict = -1;      // /proc/sys/kernel/kptr_restrict, -1 when unreadable
    int perfEventParanoid = -1; // /proc/sys/kernel/perf_event_paranoid (kptr_restrict=0 path)
    bool root = false;          // effective uid 0
    bool capSyslog = false;     // CAP_SYSLOG in the effective set

    // Reads the sysctls and this process's credentials.
    static KernelAccess current();
    // Why the addresses are zeros, in one plain sentence (for a reader that saw hidden ones).
    std::string hiddenReason() const;
};

class Kallsyms {
public:
    Kallsyms() = default;
    // The name index points into the symbols: moving keeps it valid, copying would not.
    Kallsyms(const Kallsyms&) = delete;
    Kallsyms& operator=(const Kallsyms&) = delete;
    Kallsyms(Kallsyms&&) noexcept = default;
    Kallsyms& operator=(Kallsyms&&) noexcept = default;

    // Parses kallsyms text: "ADDRESS TYPE NAME[\t[MODULE]]" per line. Fails (with the line
    // number in *error) on a malformed line; an empty text is a valid, empty table.
    static std::optional<Kallsyms> parse(std::string_view text, std::string* error);
    // Reads /proc/kallsyms (or `path`) and records KernelAccess::current().
    static std::optional<Kallsyms> read(std::string* error, const char* path = "/proc/kallsyms");

    const std::vector<KernelSymbol>& symbols() const { return m_symbols; }
    std::size_t size() const { return m_symbols.size(); }
    // True when the table has symbols but every address is zero (kptr_restrict at work).
    bool addressesHidden() const { return !m_symbols.empty() && !m_anyAddress; }

    // The symbol called `name`; a core-kernel symbol wins over a module's. nullptr if absent.
    const KernelSymbol* find(std::string_view name) const;
    // The first of `names` that exists.
    const KernelSymbol* findFirst(std::initializer_list<std::string_view> names) const;

    // The kernel text base of this boot (_stext, else _text), when the address is readable.
    std::optional<std::uint64_t> textBase() const;

    const KernelAccess& access() const { return m_access; }
    void setAccess(const KernelAccess& access) { m_access = access; }

private:
    std::vector<KernelSymbol> m_symbols;
    std::unordered_map<std::string_view, std::uint32_t> m_byName; // views into m_symbols
    bool m_anyAddress = false;
    KernelAccess m_access;

    void index();
};

// The text base an x86_64 kernel links at (CONFIG_PHYSICAL_START 16 MiB above
// __START_KERNEL_map): a base equal to this means KASLR did not move the kernel on this boot.
inline constexpr std::uint64_t kX86_64DefaultTextBase = 0xffffffff81000000ull;

// "0xffffffff816b7900".
std::string kernelAddressText(std::uint64_t address);

} // namespace syscope
