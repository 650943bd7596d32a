#include "syscalls/StructFormat.h"

#include "syscalls/Errno.h"
#include "syscalls/EventFormatter.h"
#include "syscalls/FlagFormat.h"
#include "syscalls/Signals.h"

#include <algorithm>
#include <arpa/inet.h>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <linux/magic.h>
#include <linux/netlink.h>
#include <linux/stat.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>

namespace syscope {

static_assert(sizeof(struct stat) == kStatSize, "x86_64 struct stat");

std::string formatFileMode(std::uint32_t mode) {
    std::string out;
    switch (mode & S_IFMT) {
    case S_IFREG:
        out = "S_IFREG";
        break;
    case S_IFDIR:
        out = "S_IFDIR";
        break;
    case S_IFCHR:
        out = "S_IFCHR";
        break;
    case S_IFBLK:
        out = "S_IFBLK";
        break;
    case S_IFIFO:
        out = "S_IFIFO";
        break;
    case S_IFLNK:
        out = "S_IFLNK";
        break;
    case S_IFSOCK:
        out = "S_IFSOCK";
        break;
    default: {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%#o", mode & S_IFMT);
        out = buf;
        break;
    }
    }
    for (const auto& [bit, name] : {std::pair{S_ISUID, "S_ISUID"}, std::pair{S_ISGID, "S_ISGID"},
                                    std::pair{S_ISVTX, "S_ISVTX"}}) {
        if (mode & bit) {
            out += '|';
            out += name;
        }
    }
    char perms[16];
    std::snprintf(perms, sizeof perms, "|%#03o", mode & 0777);
    return out + perms;
}

std::string formatStat(const void* data) {
    struct stat st;
    std::memcpy(&st, data, sizeof st);
    std::string out = "{st_mode=" + formatFileMode(st.st_mode);
    char buf[96];
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
        std::snprintf(buf, sizeof buf, ", st_rdev=makedev(%#x, %#x)", major(st.st_rdev),
                      minor(st.st_rdev));
    } else {
        std::snprintf(buf, sizeof buf, ", st_size=%lld", static_cast<long long>(st.st_size));
    }
    return out + buf + ", ...}";
}

namespace {

std::string limit(std::uint64_t v) {
    if (v == ~std::uint64_t(0)) {
        return "RLIM64_INFINITY";
    }
    if (v > 1024 && v % 1024 == 0) {
        return std::to_string(v / 1024) + "*1024";
    }
    return std::to_string(v);
}

using xlat::Named;

// strace's statx_attrs, in its order.
constexpr Named kStatxAttributes[] = {
    {0x4, "STATX_ATTR_COMPRESSED"},    {0x10, "STATX_ATTR_IMMUTABLE"},
    {0x20, "STATX_ATTR_APPEND"},       {0x40, "STATX_ATTR_NODUMP"},
    {0x800, "STATX_ATTR_ENCRYPTED"},   {0x1000, "STATX_ATTR_AUTOMOUNT"},
    {0x2000, "STATX_ATTR_MOUNT_ROOT"}, {0x100000, "STATX_ATTR_VERITY"},
    {0x200000, "STATX_ATTR_DAX"},
};

// An IPv4 address at `data` (network order), as strace shows it: inet_addr("127.0.0.1").
std::string inetAddr(const unsigned char* data) {
    char text[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, data, text, sizeof text);
    return std::string("inet_addr(\"") + text + "\")";
}

} // namespace

std::string formatStatx(const void* data) {
    struct statx stx {};
    std::memcpy(&stx, data, kStatxShownSize);
    return "{stx_mask=" + xlat::flagArg(FlagSet::StatxMask, stx.stx_mask) +
           ", stx_attributes=" + xlat::flags(stx.stx_attributes, kStatxAttributes) +
           ", stx_mode=" + formatFileMode(stx.stx_mode) +
           ", stx_size=" + std::to_string(static_cast<unsigned long long>(stx.stx_size)) + ", ...}";
}

std::string formatSockaddr(const unsigned char* data, std::size_t size) {
    sa_family_t family = 0;
    if (size < sizeof family) {
        return {};
    }
    std::memcpy(&family, data, sizeof family);
    // Shorter than the family's struct (a length cut by the caller's buffer): strace shows the
    // family and the bytes there are.
    auto raw = [&](const char* name) {
        return std::string("{sa_family=") + name + ", sa_data=" +
               escapeString(std::string_view(reinterpret_cast<const char*>(data) + sizeof family,
                                             size - sizeof family),
                            false) +
               "}";
    };
    switch (family) {
    case AF_UNIX: {
        const std::size_t pathSize = std::min(size, sizeof(sockaddr_un)) - sizeof family;
        const auto* path = reinterpret_cast<const char*>(data + sizeof family);
        if (pathSize == 0) {
            return "{sa_family=AF_UNIX}";
        }
        if (path[0] == '\0') { // abstract: every byte counts, after the first
            return "{sa_family=AF_UNIX, sun_path=@" +
                   escapeString(std::string_view(path + 1, pathSize - 1), false) + "}";
        }
        const std::size_t length = strnlen(path, pathSize);
        return "{sa_family=AF_UNIX, sun_path=" +
               escapeString(std::string_view(path, length), false) + "}";
    }
    case AF_INET: {
        sockaddr_in in{};
        if (size < sizeof in) {
            return raw("AF_INET");
        }
        std::memcpy(&in, data, sizeof in);
        return "{sa_family=AF_INET, sin_port=htons(" + std::to_string(ntohs(in.sin_port)) +
               "), sin_addr=" + inetAddr(reinterpret_cast<const unsigned char*>(&in.sin_addr)) +
               "}";
    }
    case AF_INET6: {
        sockaddr_in6 in6{};
        if (size < sizeof in6) {
            return raw("AF_INET6");
        }
        std::memcpy(&in6, data, sizeof in6);
        char address[INET6_ADDRSTRLEN] = {};
        inet_ntop(AF_INET6, &in6.sin6_addr, address, sizeof address);
        std::string scope = std::to_string(in6.sin6_scope_id);
        char name[IF_NAMESIZE] = {};
        if (in6.sin6_scope_id != 0 && if_indextoname(in6.sin6_scope_id, name)) {
            scope = "if_nametoindex(\"" + std::string(name) + "\")";
        }
        return "{sa_family=AF_INET6, sin6_port=htons(" + std::to_string(ntohs(in6.sin6_port)) +
               "), sin6_flowinfo=htonl(" + std::to_string(ntohl(in6.sin6_flowinfo)) +
               "), inet_pton(AF_INET6, \"" + address + "\", &sin6_addr), sin6_scope_id=" + scope +
               "}";
    }
    case AF_NETLINK: {
        sockaddr_nl nl{};
        if (size < sizeof nl) {
            return raw("AF_NETLINK");
        }
        std::memcpy(&nl, data, sizeof nl);
        std::string pad;
        if (nl.nl_pad != 0) {
            char hex[16];
            std::snprintf(hex, sizeof hex, ", nl_pad=%#x", unsigned(nl.nl_pad));
            pad = hex;
        }
        char groups[16];
        std::snprintf(groups, sizeof groups, "%08x", unsigned(nl.nl_groups));
        return "{sa_family=AF_NETLINK" + pad + ", nl_pid=" + std::to_string(nl.nl_pid) +
               ", nl_groups=" + groups + "}";
    }
    default:
        return {};
    }
}

std::string formatDirents(std::uint64_t address, const unsigned char* data, std::size_t size) {
    // d_reclen sits at offset 16 in both struct linux_dirent (64-bit) and linux_dirent64.
    constexpr std::size_t kReclenOffset = 16;
    std::size_t entries = 0;
    for (std::size_t at = 0; at + kReclenOffset + 2 <= size;) {
        std::uint16_t reclen = 0;
        std::memcpy(&reclen, data + at + kReclenOffset, sizeof reclen);
        if (reclen == 0) {
            break;
        }
        ++entries;
        at += reclen;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%#llx /* %zu entries */",
                  static_cast<unsigned long long>(address), entries);
    return buf;
}

std::string formatSigset(std::uint64_t mask) {
    constexpr int kSignals = 64;
    int count = 0;
    for (int sig = 1; sig <= kSignals; ++sig) {
        count += (mask >> (sig - 1)) & 1;
    }
    std::string out;
    if (count >= kSignals * 2 / 3) { // strace's rule: the complement reads shorter
        out = "~";
        mask = ~mask;
    }
    out += '[';
    bool first = true;
    for (int sig = 1; sig <= kSignals; ++sig) {
        if ((mask >> (sig - 1)) & 1) {
            out += first ? "" : " ";
            first = false;
            const std::string name = signalName(sig);
            out += name.rfind("SIG", 0) == 0 ? name.substr(3) : name;
        }
    }
    return out + "]";
}

std::string formatSigaction(const void* data) {
    struct KernelSigaction {
        std::uint64_t handler;
        std::uint64_t flags;
        std::uint64_t restorer;
        std::uint64_t mask;
    } sa;
    static_assert(sizeof sa == kSigactionSize);
    std::memcpy(&sa, data, sizeof sa);
    char buf[64];
    std::string out = "{sa_handler=";
    if (sa.handler == 0) {
        out += "SIG_DFL";
    } else if (sa.handler == 1) {
        out += "SIG_IGN";
    } else {
        std::snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(sa.handler));
        out += buf;
    }
    out += ", sa_mask=" + formatSigset(sa.mask) + ", sa_flags=";
    // strace's sigact_flags, in its order.
    constexpr Named kFlags[] = {
        {0x04000000, "SA_RESTORER"},  {0x08000000, "SA_ONSTACK"},   {0x10000000, "SA_RESTART"},
        {0x40000000, "SA_NODEFER"},   {0x80000000, "SA_RESETHAND"}, {0x4, "SA_SIGINFO"},
        {0x1, "SA_NOCLDSTOP"},        {0x2, "SA_NOCLDWAIT"},        {0x400, "SA_UNSUPPORTED"},
        {0x800, "SA_EXPOSE_TAGBITS"},
    };
    out += xlat::flags(sa.flags, kFlags);
    if (sa.flags & 0x04000000) {
        std::snprintf(buf, sizeof buf, ", sa_restorer=%#llx",
                      static_cast<unsigned long long>(sa.restorer));
        out += buf;
    }
    return out + "}";
}

std::string formatTimespec(std::int64_t sec, std::int64_t nsec) {
    return "{tv_sec=" + std::to_string(sec) + ", tv_nsec=" + std::to_string(nsec) + "}";
}

std::string formatItimer(const std::int64_t fields[4], bool nanoseconds) {
    const char* fraction = nanoseconds ? ", tv_nsec=" : ", tv_usec=";
    const auto time = [&](std::int64_t sec, std::int64_t part) {
        return "{tv_sec=" + std::to_string(sec) + fraction + std::to_string(part) + "}";
    };
    return "{it_interval=" + time(fields[0], fields[1]) +
           ", it_value=" + time(fields[2], fields[3]) + "}";
}

std::string formatWaitStatus(int status) {
    // Built for every wait4 that reaps a child: appends into one reserved string.
    std::string out;
    out.reserve(64);
    char number[16];
    if (WIFEXITED(status)) {
        out += "[{WIFEXITED(s) && WEXITSTATUS(s) == ";
        const auto r = std::to_chars(number, number + sizeof number, WEXITSTATUS(status));
        out.append(number, r.ptr);
    } else if (WIFSIGNALED(status)) {
        out += "[{WIFSIGNALED(s) && WTERMSIG(s) == ";
        out += signalName(WTERMSIG(status));
        if (WCOREDUMP(status)) {
            out += " && WCOREDUMP(s)";
        }
    } else if (WIFSTOPPED(status)) {
        out += "[{WIFSTOPPED(s) && WSTOPSIG(s) == ";
        out += signalName(WSTOPSIG(status));
    } else if (WIFCONTINUED(status)) {
        out += "[{WIFCONTINUED(s)";
    } else {
        std::snprintf(number, sizeof number, "%#x", unsigned(status));
        return std::string("[") + number + "]";
    }
    out += "}]";
    return out;
}

std::string formatRlimit(std::uint64_t cur, std::uint64_t max) {
    return "{rlim_cur=" + limit(cur) + ", rlim_max=" + limit(max) + "}";
}

std::string formatUtsname(const void* utsname) {
    struct utsname u;
    static_assert(sizeof u == kUtsnameSize);
    std::memcpy(&u, utsname, sizeof u);
    // A field fills its 65 bytes at most; one without its NUL is shown whole.
    auto field = [](const char* f, std::size_t size) {
        return escapeString(std::string_view(f, strnlen(f, size)), false);
    };
    return "{sysname=" + field(u.sysname, sizeof u.sysname) +
           ", nodename=" + field(u.nodename, sizeof u.nodename) + ", ...}";
}

std::string formatSysinfo(const void* sysinfo) {
    struct sysinfo si;
    static_assert(sizeof si == kSysinfoSize);
    std::memcpy(&si, sysinfo, sizeof si);
    auto u = [](unsigned long long v) { return std::to_string(v); };
    return "{uptime=" + std::to_string(si.uptime) + ", loads=[" + u(si.loads[0]) + ", " +
           u(si.loads[1]) + ", " + u(si.loads[2]) + "], totalram=" + u(si.totalram) +
           ", freeram=" + u(si.freeram) + ", sharedram=" + u(si.sharedram) +
           ", bufferram=" + u(si.bufferram) + ", totalswap=" + u(si.totalswap) +
           ", freeswap=" + u(si.freeswap) + ", procs=" + u(si.procs) +
           ", totalhigh=" + u(si.totalhigh) + ", freehigh=" + u(si.freehigh) +
           ", mem_unit=" + u(si.mem_unit) + "}";
}

namespace {

// strace's array notation, "[a, b, ...]": `item(k)` for the first `shown` of `count` items.
template <typename Item>
std::string arrayOf(std::size_t shown, std::size_t count, Item item) {
    std::string out = "[";
    for (std::size_t k = 0; k < shown && k < count; ++k) {
        if (k) {
            out += ", ";
        }
        out += item(k);
    }
    if (count > shown) {
        out += shown ? ", ..." : "...";
    }
    return out + "]";
}

} // namespace

std::string formatGidArray(const std::uint32_t* gids, std::size_t shown, std::size_t count) {
    return arrayOf(shown, count, [&](std::size_t k) {
        return gids[k] == 0xffffffffu ? std::string("-1") : std::to_string(gids[k]);
    });
}

namespace {

// strace's pollflags, in bit order.
constexpr Named kPollEvents[] = {
    {POLLIN, "POLLIN"},         {POLLPRI, "POLLPRI"},       {POLLOUT, "POLLOUT"},
    {POLLERR, "POLLERR"},       {POLLHUP, "POLLHUP"},       {POLLNVAL, "POLLNVAL"},
    {POLLRDNORM, "POLLRDNORM"}, {POLLRDBAND, "POLLRDBAND"}, {POLLWRNORM, "POLLWRNORM"},
    {POLLWRBAND, "POLLWRBAND"}, {POLLMSG, "POLLMSG"},       {0x1000, "POLLREMOVE"},
    {POLLRDHUP, "POLLRDHUP"},
};

std::string pollEvents(unsigned short events) {
    return xlat::flags(events, kPollEvents);
}

pollfd pollAt(const void* fds, std::size_t k) {
    pollfd p;
    std::memcpy(&p, static_cast<const unsigned char*>(fds) + k * sizeof p, sizeof p);
    return p;
}

} // namespace

std::string formatPollFds(const void* fds, std::size_t shown, std::size_t count) {
    return arrayOf(shown, count, [&](std::size_t k) {
        const pollfd p = pollAt(fds, k);
        std::string entry = "{fd=" + std::to_string(p.fd);
        if (p.fd >= 0) {
            entry += ", events=" + pollEvents(static_cast<unsigned short>(p.events));
        }
        return entry + "}";
    });
}

std::string formatPollRevents(const void* fds, std::size_t count) {
    std::string out = "[";
    bool first = true;
    for (std::size_t k = 0; k < count; ++k) {
        const pollfd p = pollAt(fds, k);
        if (p.revents == 0) {
            continue;
        }
        out += first ? "{fd=" : ", {fd=";
        first = false;
        out += std::to_string(p.fd) +
               ", revents=" + pollEvents(static_cast<unsigned short>(p.revents)) + "}";
    }
    return out + "]";
}

namespace {

// File system types by the names of <linux/magic.h> (ext2, ext3 and ext4 share one: strace calls
// it EXT2_SUPER_MAGIC).
constexpr Named kFsMagics[] = {
    {ADFS_SUPER_MAGIC, "ADFS_SUPER_MAGIC"},
    {AFFS_SUPER_MAGIC, "AFFS_SUPER_MAGIC"},
    {AFS_SUPER_MAGIC, "AFS_SUPER_MAGIC"},
    {AUTOFS_SUPER_MAGIC, "AUTOFS_SUPER_MAGIC"},
    {CEPH_SUPER_MAGIC, "CEPH_SUPER_MAGIC"},
    {CODA_SUPER_MAGIC, "CODA_SUPER_MAGIC"},
    {CRAMFS_MAGIC, "CRAMFS_MAGIC"},
    {DEBUGFS_MAGIC, "DEBUGFS_MAGIC"},
    {SECURITYFS_MAGIC, "SECURITYFS_MAGIC"},
    {SELINUX_MAGIC, "SELINUX_MAGIC"},
    {SMACK_MAGIC, "SMACK_MAGIC"},
    {RAMFS_MAGIC, "RAMFS_MAGIC"},
    {TMPFS_MAGIC, "TMPFS_MAGIC"},
    {HUGETLBFS_MAGIC, "HUGETLBFS_MAGIC"},
    {SQUASHFS_MAGIC, "SQUASHFS_MAGIC"},
    {ECRYPTFS_SUPER_MAGIC, "ECRYPTFS_SUPER_MAGIC"},
    {EFS_SUPER_MAGIC, "EFS_SUPER_MAGIC"},
    {EROFS_SUPER_MAGIC_V1, "EROFS_SUPER_MAGIC_V1"},
    {EXT2_SUPER_MAGIC, "EXT2_SUPER_MAGIC"},
    {XENFS_SUPER_MAGIC, "XENFS_SUPER_MAGIC"},
    {BTRFS_SUPER_MAGIC, "BTRFS_SUPER_MAGIC"},
    {NILFS_SUPER_MAGIC, "NILFS_SUPER_MAGIC"},
    {F2FS_SUPER_MAGIC, "F2FS_SUPER_MAGIC"},
    {HPFS_SUPER_MAGIC, "HPFS_SUPER_MAGIC"},
    {ISOFS_SUPER_MAGIC, "ISOFS_SUPER_MAGIC"},
    {JFFS2_SUPER_MAGIC, "JFFS2_SUPER_MAGIC"},
    {XFS_SUPER_MAGIC, "XFS_SUPER_MAGIC"},
    {PSTOREFS_MAGIC, "PSTOREFS_MAGIC"},
    {EFIVARFS_MAGIC, "EFIVARFS_MAGIC"},
    {HOSTFS_SUPER_MAGIC, "HOSTFS_SUPER_MAGIC"},
    {OVERLAYFS_SUPER_MAGIC, "OVERLAYFS_SUPER_MAGIC"},
    {FUSE_SUPER_MAGIC, "FUSE_SUPER_MAGIC"},
    {MINIX_SUPER_MAGIC, "MINIX_SUPER_MAGIC"},
    {MINIX_SUPER_MAGIC2, "MINIX_SUPER_MAGIC2"},
    {MINIX2_SUPER_MAGIC, "MINIX2_SUPER_MAGIC"},
    {MINIX2_SUPER_MAGIC2, "MINIX2_SUPER_MAGIC2"},
    {MINIX3_SUPER_MAGIC, "MINIX3_SUPER_MAGIC"},
    {MSDOS_SUPER_MAGIC, "MSDOS_SUPER_MAGIC"},
    {EXFAT_SUPER_MAGIC, "EXFAT_SUPER_MAGIC"},
    {NCP_SUPER_MAGIC, "NCP_SUPER_MAGIC"},
    {NFS_SUPER_MAGIC, "NFS_SUPER_MAGIC"},
    {OCFS2_SUPER_MAGIC, "OCFS2_SUPER_MAGIC"},
    {OPENPROM_SUPER_MAGIC, "OPENPROM_SUPER_MAGIC"},
    {QNX4_SUPER_MAGIC, "QNX4_SUPER_MAGIC"},
    {QNX6_SUPER_MAGIC, "QNX6_SUPER_MAGIC"},
    {AFS_FS_MAGIC, "AFS_FS_MAGIC"},
    {REISERFS_SUPER_MAGIC, "REISERFS_SUPER_MAGIC"},
    {SMB_SUPER_MAGIC, "SMB_SUPER_MAGIC"},
    {CIFS_SUPER_MAGIC, "CIFS_SUPER_MAGIC"},
    {SMB2_SUPER_MAGIC, "SMB2_SUPER_MAGIC"},
    {CGROUP_SUPER_MAGIC, "CGROUP_SUPER_MAGIC"},
    {CGROUP2_SUPER_MAGIC, "CGROUP2_SUPER_MAGIC"},
    {RDTGROUP_SUPER_MAGIC, "RDTGROUP_SUPER_MAGIC"},
    {TRACEFS_MAGIC, "TRACEFS_MAGIC"},
    {V9FS_MAGIC, "V9FS_MAGIC"},
    {BDEVFS_MAGIC, "BDEVFS_MAGIC"},
    {DAXFS_MAGIC, "DAXFS_MAGIC"},
    {BINFMTFS_MAGIC, "BINFMTFS_MAGIC"},
    {DEVPTS_SUPER_MAGIC, "DEVPTS_SUPER_MAGIC"},
    {BINDERFS_SUPER_MAGIC, "BINDERFS_SUPER_MAGIC"},
    {FUTEXFS_SUPER_MAGIC, "FUTEXFS_SUPER_MAGIC"},
    {PIPEFS_MAGIC, "PIPEFS_MAGIC"},
    {PROC_SUPER_MAGIC, "PROC_SUPER_MAGIC"},
    {SOCKFS_MAGIC, "SOCKFS_MAGIC"},
    {SYSFS_MAGIC, "SYSFS_MAGIC"},
    {USBDEVICE_SUPER_MAGIC, "USBDEVICE_SUPER_MAGIC"},
    {MTD_INODE_FS_MAGIC, "MTD_INODE_FS_MAGIC"},
    {ANON_INODE_FS_MAGIC, "ANON_INODE_FS_MAGIC"},
    {BTRFS_TEST_MAGIC, "BTRFS_TEST_MAGIC"},
    {NSFS_MAGIC, "NSFS_MAGIC"},
    {BPF_FS_MAGIC, "BPF_FS_MAGIC"},
    {AAFS_MAGIC, "AAFS_MAGIC"},
    {ZONEFS_MAGIC, "ZONEFS_MAGIC"},
    {UDF_SUPER_MAGIC, "UDF_SUPER_MAGIC"},
    {DMA_BUF_MAGIC, "DMA_BUF_MAGIC"},
    {DEVMEM_MAGIC, "DEVMEM_MAGIC"},
    {SECRETMEM_MAGIC, "SECRETMEM_MAGIC"},
};

// strace's statfs_flags, in bit order.
constexpr Named kStatfsFlags[] = {
    {0x1, "ST_RDONLY"},      {0x2, "ST_NOSUID"},         {0x4, "ST_NODEV"},
    {0x8, "ST_NOEXEC"},      {0x10, "ST_SYNCHRONOUS"},   {0x20, "ST_VALID"},
    {0x40, "ST_MANDLOCK"},   {0x80, "ST_WRITE"},         {0x100, "ST_APPEND"},
    {0x200, "ST_IMMUTABLE"}, {0x400, "ST_NOATIME"},      {0x800, "ST_NODIRATIME"},
    {0x1000, "ST_RELATIME"}, {0x2000, "ST_NOSYMFOLLOW"},
};

} // namespace

std::string formatStatfs(const void* statfs) {
    struct statfs f;
    static_assert(sizeof f == kStatfsSize);
    std::memcpy(&f, statfs, sizeof f);
    const auto magic = static_cast<std::uint64_t>(f.f_type);
    const std::string_view name = xlat::lookup(magic, kFsMagics);
    const std::string type = name.empty() ? xlat::hex(magic) : std::string(name);
    std::uint32_t fsid[2];
    std::memcpy(fsid, &f.f_fsid, sizeof fsid);
    auto u = [](unsigned long long v) { return std::to_string(v); };
    return "{f_type=" + type + ", f_bsize=" + std::to_string(f.f_bsize) +
           ", f_blocks=" + u(f.f_blocks) + ", f_bfree=" + u(f.f_bfree) +
           ", f_bavail=" + u(f.f_bavail) + ", f_files=" + u(f.f_files) +
           ", f_ffree=" + u(f.f_ffree) + ", f_fsid={val=[" + xlat::hex(fsid[0]) + ", " +
           xlat::hex(fsid[1]) + "]}, f_namelen=" + std::to_string(f.f_namelen) +
           ", f_frsize=" + std::to_string(f.f_frsize) +
           ", f_flags=" + xlat::flags(static_cast<std::uint64_t>(f.f_flags), kStatfsFlags) + "}";
}

std::string formatCpuSet(const unsigned char* mask, std::size_t size) {
    std::string out = "[";
    bool first = true;
    for (std::size_t byte = 0; byte < size; ++byte) {
        for (int bit = 0; bit < 8; ++bit) {
            if (mask[byte] & (1u << bit)) {
                if (!first) {
                    out += ' ';
                }
                first = false;
                out += std::to_string(byte * 8 + std::size_t(bit));
            }
        }
    }
    return out + "]";
}

namespace {

// Socket option levels and names (x86_64 values) that strace decodes specially.
constexpr int kSolIp = 0;
constexpr int kSolSocket = 1;
constexpr int kSolIpv6 = 41;
constexpr int kSolRaw = 255;
constexpr int kSolPacket = 263;
constexpr int kSolNetlink = 270;
constexpr int kSoError = 4;
constexpr int kSoLinger = 13;
constexpr int kSoPeercred = 17;
constexpr int kSoAttachFilter = 26;
constexpr int kSoAttachReuseportCbpf = 51;
constexpr int kSoTxrehash = 74;
constexpr int kIpAddMembership = 35;
constexpr int kIpDropMembership = 36;
constexpr int kMcastJoinGroup = 42;
constexpr int kMcastLeaveGroup = 45;
constexpr int kIpLocalPortRange = 51;
constexpr int kIpProtocol = 52;
constexpr int kNetlinkListMemberships = 9;

// The SOL_SOCKET options strace treats as an int: SO_DEBUG .. SO_RCVMARK without the
// structs, SO_ERROR and SO_TYPE, SO_PEERNAME and the like.
bool isIntLikeSocketOption(int name) {
    constexpr int kNames[] = {1,  2,  5,  6,  7,  8,  9,  10, 11, 12, 14, 15, 16, 18, 19,
                              27, 29, 30, 32, 33, 34, 35, 36, 37, 40, 41, 42, 43, 44, 45,
                              46, 49, 53, 56, 60, 63, 64, 65, 68, 69, 70, 73, 75};
    return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// An option whose struct strace decodes and syscope does not: shown as its address.
bool isUndecodedStructOption(int level, int name, bool filled) {
    switch (level) {
    case kSolSocket:
        return name == kSoAttachFilter || name == kSoTxrehash ||
               (!filled && name == kSoAttachReuseportCbpf);
    case kSolIp:
        return name == kIpLocalPortRange ||
               (!filled && (name == kMcastJoinGroup || name == kMcastLeaveGroup)) ||
               (filled && name == kIpProtocol);
    case kSolIpv6:
        return !filled && (name == 20 || name == 21 || name == 27 || name == 28 ||
                           name == kMcastJoinGroup || name == kMcastLeaveGroup);
    case kSolPacket:
        return filled ? name == 6 : (name == 1 || name == 2 || name == 5 || name == 13);
    case kSolRaw:
        return name == 1;
    case kSolNetlink:
        return filled && name == kNetlinkListMemberships;
    default:
        return false;
    }
}

std::int32_t intAt(const unsigned char* data, std::size_t offset) {
    std::int32_t v = 0;
    std::memcpy(&v, data + offset, sizeof v);
    return v;
}

std::string bracketed(std::int32_t v) {
    return "[" + std::to_string(v) + "]";
}

// Fields of 4 bytes each, as many as `size` holds: a last partial one as its bytes in hex
// (strace's MAYBE_PRINT_FIELD_LEN), "{pid=42, uid=\"\x00\x00\"}".
std::string intFields(std::initializer_list<std::string_view> names, const unsigned char* data,
                      std::size_t size) {
    std::string out = "{";
    std::size_t offset = 0;
    for (const std::string_view name : names) {
        if (offset >= size) {
            break;
        }
        if (offset > 0) {
            out += ", ";
        }
        out += name;
        out += '=';
        if (size - offset >= 4) {
            out += std::to_string(intAt(data, offset));
        } else {
            out += escapeStringHex(
                std::string_view(reinterpret_cast<const char*>(data) + offset, size - offset),
                false);
            break;
        }
        offset += 4;
    }
    return out + "}";
}

} // namespace

std::string formatSockOpt(int level, int name, const unsigned char* data, std::size_t size,
                          std::int32_t length, bool filled) {
    if ((filled && length <= 0) || length < 0 || isUndecodedStructOption(level, name, filled)) {
        return {};
    }
    const std::size_t bytes = std::min<std::size_t>(size, std::size_t(length));
    const auto text = [&](std::size_t n) {
        return std::string_view(reinterpret_cast<const char*>(data), n);
    };
    if (level == kSolSocket && name == kSoLinger) {
        if (filled) {
            return intFields({"l_onoff", "l_linger"}, data, bytes);
        }
        return length < 8 || bytes < 8 ? std::string()
                                       : intFields({"l_onoff", "l_linger"}, data, 8);
    }
    if (level == kSolSocket && name == kSoPeercred && filled) {
        return intFields({"pid", "uid", "gid"}, data, std::min<std::size_t>(bytes, 12));
    }
    if (level == kSolSocket && name == kSoError && filled) {
        if (bytes < 4) {
            return escapeStringHex(text(bytes), false);
        }
        const std::int32_t error = intAt(data, 0);
        const std::string_view errorName = errnoName(error);
        return errorName.empty() ? bracketed(error) : "[" + std::string(errorName) + "]";
    }
    if (level == kSolSocket && isIntLikeSocketOption(name)) {
        if (filled && bytes < 4) {
            return escapeStringHex(text(bytes), false);
        }
        return bytes < 4 ? std::string() : bracketed(intAt(data, 0));
    }
    if (level == kSolIp && (name == kIpAddMembership || name == kIpDropMembership) && !filled) {
        if (length < 8 || bytes < 8) {
            return {};
        }
        return "{imr_multiaddr=" + inetAddr(data) + ", imr_interface=" + inetAddr(data + 4) + "}";
    }
    if (level == kSolNetlink) {
        return bytes < 4 ? std::string() : bracketed(intAt(data, 0));
    }
    if (length == 4) {
        return bytes < 4 ? std::string() : bracketed(intAt(data, 0));
    }
    return escapeString(text(bytes), std::size_t(length) > bytes);
}

} // namespace syscope
