// The vDSO of a process: its bytes, read out of the process, and what libelf finds in them
// (ELF header, dynamic symbols with versions, notes with build-id and kernel version).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace syscope {

struct VdsoElfHeader {
    std::uint8_t elfClass = 0;     // ELFCLASS64
    std::uint8_t dataEncoding = 0; // ELFDATA2LSB
    std::uint8_t osAbi = 0;
    std::uint16_t type = 0;    // ET_DYN
    std::uint16_t machine = 0; // EM_X86_64
    std::uint64_t entry = 0;
    std::uint64_t phoff = 0;
    std::uint64_t shoff = 0;
    std::uint16_t phnum = 0;
    std::uint16_t shnum = 0;
    std::uint16_t shstrndx = 0;
    std::uint64_t loadVaddr = 0; // p_vaddr of the first PT_LOAD: st_value - loadVaddr = offset
};

struct VdsoSymbol {
    std::uint32_t index = 0; // position in .dynsym
    std::string name;
    std::string version;            // "LINUX_2.6"; empty when the symbol has no version
    bool versionHidden = false;     // name@VER (not the default name@@VER)
    std::string type;               // NOTYPE, OBJECT, FUNC, SECTION, FILE, ... (readelf's words)
    std::string binding;            // LOCAL, GLOBAL, WEAK
    std::string visibility;         // DEFAULT, INTERNAL, HIDDEN, PROTECTED
    std::uint16_t sectionIndex = 0; // st_shndx (SHN_UNDEF, SHN_ABS, ...)
    std::uint64_t value = 0;        // st_value, what readelf prints as Value
    std::uint64_t offset = 0;       // value - first PT_LOAD's p_vaddr: distance from the base
    std::uint64_t size = 0;
    std::uint64_t address = 0; // base + offset in the process; 0 for undefined, value for ABS

    bool isFunction() const { return type == "FUNC"; }
    bool defined() const { return sectionIndex != 0; }
};

struct VdsoNote {
    std::string owner; // "GNU", "Linux"
    std::uint32_t type = 0;
    std::vector<std::uint8_t> desc;
};

class VdsoImage {
public:
    // The vDSO of this process (AT_SYSINFO_EHDR, size from the [vdso] mapping), copied.
    static std::optional<VdsoImage> fromSelf(std::string* error);
    // The vDSO of another process (process_vm_readv, falling back to /proc/PID/mem); needs the
    // right to ptrace it (a tracer reading its own stopped tracee always has it). `pid` equal to
    // getpid() reads this process.
    static std::optional<VdsoImage> fromProcess(int pid, std::string* error);
    // Parses bytes (e.g. a dumped file, or fuzz input) as if mapped at `base` in process `pid`.
    static std::optional<VdsoImage> fromBytes(std::vector<std::uint8_t> bytes, std::uint64_t base,
                                              int pid, std::string* error);
    // Reads a dumped image back (base 0, pid 0).
    static std::optional<VdsoImage> fromFile(const std::string& path, std::string* error);

    int pid() const { return m_pid; }
    std::uint64_t base() const { return m_base; }
    std::size_t size() const { return m_bytes.size(); }
    std::span<const std::uint8_t> bytes() const { return m_bytes; }

    const VdsoElfHeader& header() const { return m_header; }
    // Every .dynsym entry but the null symbol at index 0, in table order.
    const std::vector<VdsoSymbol>& symbols() const { return m_symbols; }
    const std::vector<VdsoNote>& notes() const { return m_notes; }
    // Lowercase hex of the NT_GNU_BUILD_ID note; empty when absent.
    const std::string& buildId() const { return m_buildId; }
    // LINUX_VERSION_CODE from the "Linux" note of type 0 (e.g. 0x06122c), or 0 when absent.
    std::uint32_t linuxVersionCode() const { return m_linuxVersionCode; }
    // "6.18.44" from linuxVersionCode(); empty when absent.
    std::string linuxVersion() const;

    // The first defined symbol called `name`, preferring a FUNC; also finds "__vdso_NAME" when
    // given "NAME" (e.g. "clock_gettime"), so callers need not know the kernel's naming.
    const VdsoSymbol* findFunction(std::string_view name) const;

    // Writes the raw image; readelf and objdump accept it as a shared object.
    bool save(const std::string& path, std::string* error) const;

private:
    bool parse(std::string* error);

    std::vector<std::uint8_t> m_bytes;
    std::uint64_t m_base = 0;
    int m_pid = 0;
    VdsoElfHeader m_header;
    std::vector<VdsoSymbol> m_symbols;
    std::vector<VdsoNote> m_notes;
    std::string m_buildId;
    std::uint32_t m_linuxVersionCode = 0;
};

} // namespace syscope
