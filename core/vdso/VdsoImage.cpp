#include "vdso/VdsoImage.h"

#include "proc/Auxv.h"
#include "proc/ProcMaps.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <map>
#include <mutex>
#include <sys/auxv.h>
#include <sys/uio.h>
#include <unistd.h>

namespace syscope {

namespace {

// Far above any real vDSO (two to four pages); bounds what a corrupt maps line can make us read.
constexpr std::size_t kMaxImageSize = 4u << 20;

void setError(std::string* error, std::string message) {
    if (error) {
        *error = std::move(message);
    }
}

std::string libelfError(const char* what) {
    const char* msg = elf_errmsg(-1);
    return std::string(what) + ": " + (msg ? msg : "unknown libelf error");
}

bool initLibelf() {
    static const bool ok = elf_version(EV_CURRENT) != EV_NONE;
    return ok;
}

struct ElfCloser {
    Elf* elf;
    ~ElfCloser() {
        if (elf) {
            elf_end(elf);
        }
    }
};

std::string symbolTypeName(unsigned t) {
    switch (t) {
    case STT_NOTYPE:
        return "NOTYPE";
    case STT_OBJECT:
        return "OBJECT";
    case STT_FUNC:
        return "FUNC";
    case STT_SECTION:
        return "SECTION";
    case STT_FILE:
        return "FILE";
    case STT_COMMON:
        return "COMMON";
    case STT_TLS:
        return "TLS";
    case STT_GNU_IFUNC:
        return "IFUNC";
    default:
        return "<" + std::to_string(t) + ">";
    }
}

std::string symbolBindingName(unsigned b) {
    switch (b) {
    case STB_LOCAL:
        return "LOCAL";
    case STB_GLOBAL:
        return "GLOBAL";
    case STB_WEAK:
        return "WEAK";
    case STB_GNU_UNIQUE:
        return "UNIQUE";
    default:
        return "<" + std::to_string(b) + ">";
    }
}

std::string visibilityName(unsigned v) {
    switch (v & 3) {
    case STV_DEFAULT:
        return "DEFAULT";
    case STV_INTERNAL:
        return "INTERNAL";
    case STV_HIDDEN:
        return "HIDDEN";
    default:
        return "PROTECTED";
    }
}

// Version index -> name, from .gnu.version_d. Walks at most sh_info entries; libelf checks that
// every record lies inside the section.
bool readVersionDefinitions(Elf* elf, Elf_Scn* scn, const GElf_Shdr& shdr,
                            std::map<unsigned, std::string>& out, std::string* error) {
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data || !data->d_buf) {
        setError(error, libelfError("cannot read .gnu.version_d"));
        return false;
    }
    std::size_t offset = 0;
    for (std::size_t k = 0; k < shdr.sh_info && k < 4096; ++k) {
        if (offset > INT_MAX) {
            setError(error, ".gnu.version_d: record offset out of range");
            return false;
        }
        GElf_Verdef vd;
        if (!gelf_getverdef(data, static_cast<int>(offset), &vd)) {
            setError(error, ".gnu.version_d: record " + std::to_string(k) + " lies outside");
            return false;
        }
        const std::size_t auxOffset = offset + vd.vd_aux;
        GElf_Verdaux vda;
        if (vd.vd_cnt > 0 && auxOffset <= INT_MAX &&
            gelf_getverdaux(data, static_cast<int>(auxOffset), &vda)) {
            const char* name = elf_strptr(elf, shdr.sh_link, vda.vda_name);
            if (!name) {
                setError(error, ".gnu.version_d: version name out of range");
                return false;
            }
            out[vd.vd_ndx] = name;
        }
        if (vd.vd_next == 0) {
            break;
        }
        offset += vd.vd_next;
    }
    return true;
}

} // namespace

std::optional<VdsoImage> VdsoImage::fromBytes(std::vector<std::uint8_t> bytes, std::uint64_t base,
                                              int pid, std::string* error) {
    VdsoImage image;
    image.m_bytes = std::move(bytes);
    image.m_base = base;
    image.m_pid = pid;
    if (!image.parse(error)) {
        return std::nullopt;
    }
    return image;
}

std::optional<VdsoImage> VdsoImage::fromSelf(std::string* error) {
    const std::uint64_t base = getauxval(AT_SYSINFO_EHDR);
    if (base == 0) {
        setError(error, "this process has no vDSO (no AT_SYSINFO_EHDR; booted with vdso=0?)");
        return std::nullopt;
    }
    std::string mapsError;
    const auto maps = readMaps(static_cast<int>(::getpid()), &mapsError);
    if (!maps) {
        setError(error, mapsError);
        return std::nullopt;
    }
    std::uint64_t size = 0;
    for (const auto& e : maps->entries) {
        if (base >= e.start && base < e.end && e.path == "[vdso]") {
            size = e.end - base;
        }
    }
    if (size == 0 || size > kMaxImageSize) {
        setError(error, "no [vdso] mapping at AT_SYSINFO_EHDR in /proc/self/maps");
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(size);
    std::memcpy(bytes.data(), reinterpret_cast<const void*>(base), size);
    return fromBytes(std::move(bytes), base, static_cast<int>(::getpid()), error);
}

std::optional<VdsoImage> VdsoImage::fromProcess(int pid, std::string* error) {
    if (pid == static_cast<int>(::getpid())) {
        return fromSelf(error);
    }
    std::string mapsError;
    const auto maps = readMaps(pid, &mapsError);
    if (!maps) {
        setError(error, mapsError);
        return std::nullopt;
    }
    // AT_SYSINFO_EHDR is the authority; the maps name is the fallback when auxv is unreadable.
    std::optional<std::uint64_t> base;
    if (const auto auxv = readAuxv(pid, nullptr)) {
        base = auxvValue(auxv->entries, AT_SYSINFO_EHDR);
    }
    std::uint64_t start = 0;
    std::uint64_t size = 0;
    for (const auto& e : maps->entries) {
        if (e.path != "[vdso]") {
            continue;
        }
        if (!base || (*base >= e.start && *base < e.end)) {
            start = base ? *base : e.start;
            size = e.end - start;
            break;
        }
    }
    if (size == 0) {
        setError(error, "process " + std::to_string(pid) + " has no [vdso] mapping");
        return std::nullopt;
    }
    if (size > kMaxImageSize) {
        setError(error,
                 "[vdso] mapping of process " + std::to_string(pid) + " is implausibly large");
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(size);
    iovec local{bytes.data(), size};
    iovec remote{reinterpret_cast<void*>(start), size};
    const ssize_t n = ::process_vm_readv(pid, &local, 1, &remote, 1, 0);
    if (n != static_cast<ssize_t>(size)) {
        const int vmErr = n < 0 ? errno : EIO;
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%d/mem", pid);
        const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        std::size_t got = 0;
        int memErr = 0;
        if (fd >= 0) {
            while (got < size) {
                const ssize_t r =
                    ::pread(fd, bytes.data() + got, size - got, static_cast<off_t>(start + got));
                if (r < 0 && errno == EINTR) {
                    continue;
                }
                if (r <= 0) {
                    memErr = r < 0 ? errno : EIO;
                    break;
                }
                got += static_cast<std::size_t>(r);
            }
            ::close(fd);
        } else {
            memErr = errno;
        }
        if (got != size) {
            setError(error, "cannot read the vDSO of process " + std::to_string(pid) +
                                ": process_vm_readv: " + std::strerror(vmErr) + "; " + path + ": " +
                                std::strerror(memErr));
            return std::nullopt;
        }
    }
    return fromBytes(std::move(bytes), start, pid, error);
}

std::optional<VdsoImage> VdsoImage::fromFile(const std::string& path, std::string* error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        setError(error, "cannot open " + path + ": " + std::strerror(errno));
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes;
    std::uint8_t chunk[65536];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            setError(error, "cannot read " + path + ": " + std::strerror(err));
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        bytes.insert(bytes.end(), chunk, chunk + n);
        if (bytes.size() > kMaxImageSize) {
            ::close(fd);
            setError(error, path + ": too large for a vDSO image");
            return std::nullopt;
        }
    }
    ::close(fd);
    return fromBytes(std::move(bytes), 0, 0, error);
}

bool VdsoImage::parse(std::string* error) {
    if (!initLibelf()) {
        setError(error, "libelf version mismatch");
        return false;
    }
    if (m_bytes.size() < sizeof(Elf64_Ehdr)) {
        setError(error, "truncated ELF: " + std::to_string(m_bytes.size()) +
                            " bytes, smaller than an ELF header");
        return false;
    }
    if (std::memcmp(m_bytes.data(), ELFMAG, SELFMAG) != 0) {
        setError(error, "not an ELF image (bad magic)");
        return false;
    }
    if (m_bytes[EI_CLASS] != ELFCLASS64 || m_bytes[EI_DATA] != ELFDATA2LSB) {
        setError(error, "not a 64-bit little-endian ELF image");
        return false;
    }
    // libelf may convert data in place, so it works on a scratch copy; m_bytes stays pristine
    // for save().
    std::vector<char> scratch(m_bytes.begin(), m_bytes.end());
    ElfCloser closer{elf_memory(scratch.data(), scratch.size())};
    Elf* elf = closer.elf;
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        setError(error, libelfError("not an ELF image"));
        return false;
    }
    GElf_Ehdr ehdr;
    if (!gelf_getehdr(elf, &ehdr)) {
        setError(error, libelfError("bad ELF header"));
        return false;
    }
    m_header.elfClass = ehdr.e_ident[EI_CLASS];
    m_header.dataEncoding = ehdr.e_ident[EI_DATA];
    m_header.osAbi = ehdr.e_ident[EI_OSABI];
    m_header.type = ehdr.e_type;
    m_header.machine = ehdr.e_machine;
    m_header.entry = ehdr.e_entry;
    m_header.phoff = ehdr.e_phoff;
    m_header.shoff = ehdr.e_shoff;
    m_header.phnum = ehdr.e_phnum;
    m_header.shnum = ehdr.e_shnum;
    m_header.shstrndx = ehdr.e_shstrndx;

    // Program headers: the load address the symbols are relative to, and the notes.
    std::size_t phnum = 0;
    if (elf_getphdrnum(elf, &phnum) != 0) {
        setError(error, libelfError("bad program header count"));
        return false;
    }
    bool haveLoad = false;
    for (std::size_t i = 0; i < phnum; ++i) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf, static_cast<int>(i), &ph)) {
            setError(error, libelfError("bad program header table"));
            return false;
        }
        if (ph.p_type == PT_LOAD && !haveLoad) {
            m_header.loadVaddr = ph.p_vaddr;
            haveLoad = true;
        }
        if (ph.p_type != PT_NOTE || ph.p_filesz == 0) {
            continue;
        }
        Elf_Data* notes =
            elf_getdata_rawchunk(elf, static_cast<int64_t>(ph.p_offset), ph.p_filesz, ELF_T_NHDR);
        if (!notes || !notes->d_buf) {
            setError(error, libelfError("bad PT_NOTE segment"));
            return false;
        }
        const auto* buf = static_cast<const std::uint8_t*>(notes->d_buf);
        std::size_t offset = 0;
        GElf_Nhdr nh;
        std::size_t nameOff = 0;
        std::size_t descOff = 0;
        while (offset < notes->d_size) {
            const std::size_t next = gelf_getnote(notes, offset, &nh, &nameOff, &descOff);
            if (next == 0 || next <= offset) {
                break;
            }
            VdsoNote note;
            std::size_t nameLen = nh.n_namesz;
            while (nameLen > 0 && buf[nameOff + nameLen - 1] == '\0') {
                --nameLen;
            }
            note.owner.assign(reinterpret_cast<const char*>(buf + nameOff), nameLen);
            note.type = nh.n_type;
            note.desc.assign(buf + descOff, buf + descOff + nh.n_descsz);
            if (note.owner == "GNU" && note.type == NT_GNU_BUILD_ID && m_buildId.empty()) {
                static const char* hex = "0123456789abcdef";
                for (const std::uint8_t b : note.desc) {
                    m_buildId += hex[b >> 4];
                    m_buildId += hex[b & 15];
                }
            }
            if (note.owner == "Linux" && note.type == 0 && note.desc.size() == 4 &&
                m_linuxVersionCode == 0) {
                std::memcpy(&m_linuxVersionCode, note.desc.data(), 4);
            }
            m_notes.push_back(std::move(note));
            offset = next;
        }
    }
    if (!haveLoad) {
        setError(error, "no PT_LOAD program header");
        return false;
    }

    // Sections: .dynsym, .gnu.version, .gnu.version_d.
    Elf_Scn* dynsym = nullptr;
    GElf_Shdr dynsymShdr{};
    Elf_Scn* versym = nullptr;
    std::map<unsigned, std::string> versionNames;
    std::size_t sectionCount = 0;
    for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
        if (++sectionCount > 65536) {
            setError(error, "too many sections");
            return false;
        }
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh)) {
            setError(error, libelfError("bad section header"));
            return false;
        }
        if (sh.sh_type == SHT_DYNSYM && !dynsym) {
            dynsym = scn;
            dynsymShdr = sh;
        } else if (sh.sh_type == SHT_GNU_versym && !versym) {
            versym = scn;
        } else if (sh.sh_type == SHT_GNU_verdef && versionNames.empty()) {
            if (!readVersionDefinitions(elf, scn, sh, versionNames, error)) {
                return false;
            }
        }
    }
    if (!dynsym) {
        setError(error, "no .dynsym section (section headers missing or stripped)");
        return false;
    }
    Elf_Data* symData = elf_getdata(dynsym, nullptr);
    if (!symData || !symData->d_buf) {
        setError(error, libelfError("cannot read .dynsym"));
        return false;
    }
    Elf_Data* versymData = nullptr;
    if (versym) {
        versymData = elf_getdata(versym, nullptr);
        if (!versymData || !versymData->d_buf) {
            setError(error, libelfError("cannot read .gnu.version"));
            return false;
        }
    }
    const std::size_t symSize = gelf_fsize(elf, ELF_T_SYM, 1, EV_CURRENT);
    const std::size_t count = symSize ? symData->d_size / symSize : 0;
    if (count > INT_MAX) {
        setError(error, ".dynsym too large");
        return false;
    }
    for (std::size_t i = 1; i < count; ++i) {
        GElf_Sym sym;
        if (!gelf_getsym(symData, static_cast<int>(i), &sym)) {
            setError(error, libelfError(("bad symbol " + std::to_string(i)).c_str()));
            return false;
        }
        const char* name = elf_strptr(elf, dynsymShdr.sh_link, sym.st_name);
        if (!name) {
            setError(error,
                     "symbol " + std::to_string(i) + ": name out of range of its string table");
            return false;
        }
        VdsoSymbol s;
        s.index = static_cast<std::uint32_t>(i);
        s.name = name;
        s.type = symbolTypeName(GELF_ST_TYPE(sym.st_info));
        s.binding = symbolBindingName(GELF_ST_BIND(sym.st_info));
        s.visibility = visibilityName(GELF_ST_VISIBILITY(sym.st_other));
        s.sectionIndex = sym.st_shndx;
        s.value = sym.st_value;
        s.size = sym.st_size;
        s.offset =
            sym.st_value >= m_header.loadVaddr ? sym.st_value - m_header.loadVaddr : sym.st_value;
        if (sym.st_shndx == SHN_UNDEF) {
            s.address = 0;
        } else if (sym.st_shndx == SHN_ABS) {
            s.address = sym.st_value;
        } else {
            s.address = m_base + s.offset;
        }
        GElf_Versym vs;
        if (versymData && gelf_getversym(versymData, static_cast<int>(i), &vs)) {
            const unsigned idx = vs & 0x7fff;
            s.versionHidden = (vs & 0x8000) != 0;
            if (idx >= 2) {
                const auto it = versionNames.find(idx);
                if (it == versionNames.end()) {
                    setError(error, "symbol " + s.name + ": undefined version index " +
                                        std::to_string(idx));
                    return false;
                }
                s.version = it->second;
            }
        }
        m_symbols.push_back(std::move(s));
    }
    return true;
}

std::string VdsoImage::linuxVersion() const {
    if (m_linuxVersionCode == 0) {
        return {};
    }
    return std::to_string(m_linuxVersionCode >> 16) + "." +
           std::to_string((m_linuxVersionCode >> 8) & 0xff) + "." +
           std::to_string(m_linuxVersionCode & 0xff);
}

const VdsoSymbol* VdsoImage::findFunction(std::string_view name) const {
    const auto find = [this](std::string_view wanted) -> const VdsoSymbol* {
        const VdsoSymbol* any = nullptr;
        for (const auto& s : m_symbols) {
            if (s.name != wanted || !s.defined()) {
                continue;
            }
            if (s.isFunction()) {
                return &s;
            }
            if (!any) {
                any = &s;
            }
        }
        return any;
    };
    if (const VdsoSymbol* s = find(name)) {
        return s;
    }
    if (name.substr(0, 7) != "__vdso_") {
        return find("__vdso_" + std::string(name));
    }
    return nullptr;
}

bool VdsoImage::save(const std::string& path, std::string* error) const {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        setError(error, "cannot create " + path + ": " + std::strerror(errno));
        return false;
    }
    std::size_t done = 0;
    while (done < m_bytes.size()) {
        const ssize_t n = ::write(fd, m_bytes.data() + done, m_bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int err = n < 0 ? errno : EIO;
            ::close(fd);
            setError(error, "cannot write " + path + ": " + std::strerror(err));
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        setError(error, "cannot write " + path + ": " + std::strerror(errno));
        return false;
    }
    return true;
}

} // namespace syscope
