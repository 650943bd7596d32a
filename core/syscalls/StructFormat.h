// Structs the kernel fills or reads, rendered as strace shows them by default. The tracer renders
// them when it captures the memory; the text is what a trace file keeps (see ArgKind::Stat).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace syscope {

// Bytes of an x86_64 struct stat (what stat, fstat, lstat and newfstatat fill).
inline constexpr std::size_t kStatSize = 144;

// strace's short form: "{st_mode=S_IFREG|0644, st_size=42, ...}", or st_rdev in place of st_size
// for character and block devices. `stat` points to kStatSize bytes.
std::string formatStat(const void* stat);

// "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}": a limit is RLIM64_INFINITY, a multiple of
// 1024 above 1024 as N*1024, else decimal.
std::string formatRlimit(std::uint64_t cur, std::uint64_t max);

// Bytes of struct statx up to and including stx_size: all that strace's short form shows.
inline constexpr std::size_t kStatxShownSize = 48;

// "{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644,
// stx_size=267, ...}". `statx` points to kStatxShownSize bytes.
std::string formatStatx(const void* statx);

// A socket address of `size` bytes as strace shows it, for AF_UNIX, AF_INET, AF_INET6 and
// AF_NETLINK ("{sa_family=AF_INET, sa_data=\"\\355R\"}" when `size` is too short for the
// family's struct); empty for other families and for less than the family itself.
std::string formatSockaddr(const unsigned char* data, std::size_t size);

// getdents' result: the buffer's address and how many entries its first `size` bytes hold,
// "0x5642... /* 4 entries */" (also "1 entries", as strace writes it).
std::string formatDirents(std::uint64_t address, const unsigned char* data, std::size_t size);

// A kernel signal set as strace prints it: the names without "SIG" in brackets, or "~[...]" with
// the signals not in the set when it holds 42 or more of the 64.
std::string formatSigset(std::uint64_t mask);

// Bytes of the x86_64 kernel's struct sigaction (handler, flags, restorer, mask).
inline constexpr std::size_t kSigactionSize = 32;

// "{sa_handler=SIG_IGN, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER, sa_restorer=0x7f...}".
std::string formatSigaction(const void* sigaction);

// "{tv_sec=1, tv_nsec=500}".
std::string formatTimespec(std::int64_t sec, std::int64_t nsec);

// A wait status as strace shows wait4's: "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]",
// "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]", ...
std::string formatWaitStatus(int status);

// st_mode as strace prints it: "S_IFDIR|S_ISVTX|0777".
std::string formatFileMode(std::uint32_t mode);

// Bytes of struct utsname (six NUL-terminated fields of 65 bytes).
inline constexpr std::size_t kUtsnameSize = 390;

// strace's short form: "{sysname="Linux", nodename="vm", ...}". `utsname` points to
// kUtsnameSize bytes.
std::string formatUtsname(const void* utsname);

// Bytes of the x86_64 struct sysinfo.
inline constexpr std::size_t kSysinfoSize = 112;

// Every field, as strace prints it: "{uptime=52426, loads=[233920, 142432, 76576],
// totalram=25276502016, ..., procs=101, totalhigh=0, freehigh=0, mem_unit=1}".
std::string formatSysinfo(const void* sysinfo);

// A list of `count` gids, of which `gids` holds the first `shown` (strace shows 32, then
// "..."): "[0, 4, 24]"; (gid_t)-1 as -1.
std::string formatGidArray(const std::uint32_t* gids, std::size_t shown, std::size_t count);

// Bytes of the x86_64 struct statfs.
inline constexpr std::size_t kStatfsSize = 120;

// Every field, as strace prints it: "{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=...,
// f_fsid={val=[0x9240788a, 0x32301151]}, f_namelen=255, f_frsize=4096,
// f_flags=ST_VALID|ST_RELATIME}"; a file system type <linux/magic.h> does not name in hex.
std::string formatStatfs(const void* statfs);

// The CPUs of a CPU mask of `size` bytes, as strace prints sched_getaffinity's: "[0 1]".
std::string formatCpuSet(const unsigned char* mask, std::size_t size);

// poll's array of `count` struct pollfd, of which `fds` holds the first `shown` (strace shows
// 32, then "..."): "[{fd=3, events=POLLIN|POLLPRI}, {fd=-1}]".
std::string formatPollFds(const void* fds, std::size_t shown, std::size_t count);

// The entries of the same array whose revents are set, as strace shows them after poll's
// result: "[{fd=3, revents=POLLIN|POLLHUP}]".
std::string formatPollRevents(const void* fds, std::size_t count);

// struct itimerval or struct itimerspec (x86_64, four 64-bit fields: the interval's seconds and
// microseconds or nanoseconds, then the value's), as strace shows them:
// "{it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=5, tv_usec=250000}}".
std::string formatItimer(const std::int64_t fields[4], bool nanoseconds);

// The bytes of a socket option value syscope keeps: enough for the structs decoded below and
// for the kMaxStringShown bytes of the others.
inline constexpr std::size_t kSockOptShownSize = 32;

// A socket option's value as strace 6.1 shows it. `length` is setsockopt's optlen (`filled`
// false) or, for getsockopt (`filled` true), the length the kernel stored; `data` holds the
// first `size` (at most kSockOptShownSize) of those bytes. Int-valued options as "[1]" (SO_ERROR
// as "[ECONNREFUSED]"), SO_LINGER, SO_PEERCRED and IP_ADD/DROP_MEMBERSHIP as structs (a
// getsockopt that stored less shows the fields that fit), other options as a quoted string of
// their bytes. Empty where strace shows the address: a length too short for the option, a
// filled length of zero or less, and the options whose structs are not decoded here
// (SO_ATTACH_FILTER, SO_TXREHASH, group requests, IPv6 memberships, packet rings and
// statistics, port ranges, IP_PROTOCOL, ICMP_FILTER, NETLINK_LIST_MEMBERSHIPS).
std::string formatSockOpt(int level, int name, const unsigned char* data, std::size_t size,
                          std::int32_t length, bool filled);

} // namespace syscope
