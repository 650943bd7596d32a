// Internal: the named constants the flag decoders use, with strace 6.1's names. Declarative data,
// kept apart from the decoding logic in FlagFormat.cpp.
#pragma once

#include "syscalls/FlagFormat.h"

#include <span>

namespace syscope::xlat::tables {

// Tables list names in strace 6.1's order: a name that covers several bits (O_SYNC, O_TMPFILE,
// STATX_ALL) comes before the names of its parts.
inline constexpr Named kOpenFlags[] = {
    {0x40, "O_CREAT"},        {0x80, "O_EXCL"},        {0x100, "O_NOCTTY"},
    {0x200, "O_TRUNC"},       {0x400, "O_APPEND"},     {0x800, "O_NONBLOCK"},
    {0x101000, "O_SYNC"},     {0x1000, "O_DSYNC"},     {0x4000, "O_DIRECT"},
    {0x8000, "O_LARGEFILE"},  {0x20000, "O_NOFOLLOW"}, {0x40000, "O_NOATIME"},
    {0x80000, "O_CLOEXEC"},   {0x200000, "O_PATH"},    {0x410000, "O_TMPFILE"},
    {0x10000, "O_DIRECTORY"}, {0x2000, "FASYNC"},
};
inline constexpr Named kAccessModes[] = {{4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"}};
inline constexpr Named kAtFlags[] = {
    {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_REMOVEDIR"},   {0x400, "AT_SYMLINK_FOLLOW"},
    {0x800, "AT_NO_AUTOMOUNT"},     {0x1000, "AT_EMPTY_PATH"}, {0x8000, "AT_RECURSIVE"},
};
inline constexpr Named kStatxFlags[] = {
    {0x2000, "AT_STATX_FORCE_SYNC"}, {0x4000, "AT_STATX_DONT_SYNC"}, {0x100, "AT_SYMLINK_NOFOLLOW"},
    {0x200, "AT_REMOVEDIR"},         {0x400, "AT_SYMLINK_FOLLOW"},   {0x800, "AT_NO_AUTOMOUNT"},
    {0x1000, "AT_EMPTY_PATH"},       {0x8000, "AT_RECURSIVE"},
};
inline constexpr Named kFaccessat2Flags[] = {
    {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_EACCESS"}, {0x1000, "AT_EMPTY_PATH"}};
inline constexpr Named kStatxMask[] = {
    {0xfff, "STATX_ALL"},       {0x7ff, "STATX_BASIC_STATS"}, {0x1, "STATX_TYPE"},
    {0x2, "STATX_MODE"},        {0x4, "STATX_NLINK"},         {0x8, "STATX_UID"},
    {0x10, "STATX_GID"},        {0x20, "STATX_ATIME"},        {0x40, "STATX_MTIME"},
    {0x80, "STATX_CTIME"},      {0x100, "STATX_INO"},         {0x200, "STATX_SIZE"},
    {0x400, "STATX_BLOCKS"},    {0x800, "STATX_BTIME"},       {0x1000, "STATX_MNT_ID"},
    {0x2000, "STATX_DIOALIGN"},
};
inline constexpr Named kMmapProt[] = {
    {1, "PROT_READ"},
    {2, "PROT_WRITE"},
    {4, "PROT_EXEC"},
    {8, "PROT_SEM"},
    {0x01000000, "PROT_GROWSDOWN"},
    {0x02000000, "PROT_GROWSUP"},
};
inline constexpr Named kMmapType[] = {
    {0, "MAP_FILE"}, {1, "MAP_SHARED"}, {2, "MAP_PRIVATE"}, {3, "MAP_SHARED_VALIDATE"}};
inline constexpr Named kMmapFlags[] = {
    {0x10, "MAP_FIXED"},        {0x20, "MAP_ANONYMOUS"},
    {0x40, "MAP_32BIT"},        {0x4000, "MAP_NORESERVE"},
    {0x8000, "MAP_POPULATE"},   {0x10000, "MAP_NONBLOCK"},
    {0x100, "MAP_GROWSDOWN"},   {0x800, "MAP_DENYWRITE"},
    {0x1000, "MAP_EXECUTABLE"}, {0x2000, "MAP_LOCKED"},
    {0x20000, "MAP_STACK"},     {0x40000, "MAP_HUGETLB"},
    {0x80000, "MAP_SYNC"},      {0x100000, "MAP_FIXED_NOREPLACE"},
};
inline constexpr Named kCloneFlags[] = {
    {0x100, "CLONE_VM"},
    {0x200, "CLONE_FS"},
    {0x400, "CLONE_FILES"},
    {0x800, "CLONE_SIGHAND"},
    {0x1000, "CLONE_PIDFD"},
    {0x2000, "CLONE_PTRACE"},
    {0x4000, "CLONE_VFORK"},
    {0x8000, "CLONE_PARENT"},
    {0x10000, "CLONE_THREAD"},
    {0x20000, "CLONE_NEWNS"},
    {0x40000, "CLONE_SYSVSEM"},
    {0x80000, "CLONE_SETTLS"},
    {0x100000, "CLONE_PARENT_SETTID"},
    {0x200000, "CLONE_CHILD_CLEARTID"},
    {0x800000, "CLONE_UNTRACED"},
    {0x1000000, "CLONE_CHILD_SETTID"},
    {0x2000000, "CLONE_NEWCGROUP"},
    {0x4000000, "CLONE_NEWUTS"},
    {0x8000000, "CLONE_NEWIPC"},
    {0x10000000, "CLONE_NEWUSER"},
    {0x20000000, "CLONE_NEWPID"},
    {0x40000000, "CLONE_NEWNET"},
    {0x80000000, "CLONE_IO"},
};
inline constexpr Named kWaitOptions[] = {
    {1, "WNOHANG"},         {4, "WEXITED"},
    {2, "WSTOPPED"},        {8, "WCONTINUED"},
    {0x1000000, "WNOWAIT"}, {0x80000000, "__WCLONE"},
    {0x40000000, "__WALL"}, {0x20000000, "__WNOTHREAD"},
};
inline constexpr Named kWhence[] = {
    {0, "SEEK_SET"}, {1, "SEEK_CUR"}, {2, "SEEK_END"}, {3, "SEEK_DATA"}, {4, "SEEK_HOLE"}};
inline constexpr Named kSigprocmaskHow[] = {
    {0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"}};
inline constexpr Named kFcntlCmds[] = {
    {0, "F_DUPFD"},
    {1, "F_GETFD"},
    {2, "F_SETFD"},
    {3, "F_GETFL"},
    {4, "F_SETFL"},
    {5, "F_GETLK"},
    {6, "F_SETLK"},
    {7, "F_SETLKW"},
    {8, "F_SETOWN"},
    {9, "F_GETOWN"},
    {10, "F_SETSIG"},
    {11, "F_GETSIG"},
    {12, "F_GETLK64"},
    {13, "F_SETLK64"},
    {14, "F_SETLKW64"},
    {15, "F_SETOWN_EX"},
    {16, "F_GETOWN_EX"},
    {17, "F_GETOWNER_UIDS"},
    {36, "F_OFD_GETLK"},
    {37, "F_OFD_SETLK"},
    {38, "F_OFD_SETLKW"},
    {1024, "F_SETLEASE"},
    {1025, "F_GETLEASE"},
    {1026, "F_NOTIFY"},
    {1030, "F_DUPFD_CLOEXEC"},
    {1031, "F_SETPIPE_SZ"},
    {1032, "F_GETPIPE_SZ"},
    {1033, "F_ADD_SEALS"},
    {1034, "F_GET_SEALS"},
    {1035, "F_GET_RW_HINT"},
    {1036, "F_SET_RW_HINT"},
    {1037, "F_GET_FILE_RW_HINT"},
    {1038, "F_SET_FILE_RW_HINT"},
};
inline constexpr Named kFdFlags[] = {{1, "FD_CLOEXEC"}};
inline constexpr Named kArchPrctl[] = {
    {0x1001, "ARCH_SET_GS"},         {0x1002, "ARCH_SET_FS"},
    {0x1003, "ARCH_GET_FS"},         {0x1004, "ARCH_GET_GS"},
    {0x1011, "ARCH_GET_CPUID"},      {0x1012, "ARCH_SET_CPUID"},
    {0x1021, "ARCH_GET_XCOMP_SUPP"}, {0x1022, "ARCH_GET_XCOMP_PERM"},
    {0x1023, "ARCH_REQ_XCOMP_PERM"}, {0x2001, "ARCH_MAP_VDSO_X32"},
    {0x2002, "ARCH_MAP_VDSO_32"},    {0x2003, "ARCH_MAP_VDSO_64"},
};
inline constexpr Named kFutexCmds[] = {
    {0, "FUTEX_WAIT"},
    {1, "FUTEX_WAKE"},
    {2, "FUTEX_FD"},
    {3, "FUTEX_REQUEUE"},
    {4, "FUTEX_CMP_REQUEUE"},
    {5, "FUTEX_WAKE_OP"},
    {6, "FUTEX_LOCK_PI"},
    {7, "FUTEX_UNLOCK_PI"},
    {8, "FUTEX_TRYLOCK_PI"},
    {9, "FUTEX_WAIT_BITSET"},
    {10, "FUTEX_WAKE_BITSET"},
    {11, "FUTEX_WAIT_REQUEUE_PI"},
    {12, "FUTEX_CMP_REQUEUE_PI"},
    {13, "FUTEX_LOCK_PI2"},
};
inline constexpr Named kPrctl[] = {
    {1, "PR_SET_PDEATHSIG"},
    {2, "PR_GET_PDEATHSIG"},
    {3, "PR_GET_DUMPABLE"},
    {4, "PR_SET_DUMPABLE"},
    {5, "PR_GET_UNALIGN"},
    {6, "PR_SET_UNALIGN"},
    {7, "PR_GET_KEEPCAPS"},
    {8, "PR_SET_KEEPCAPS"},
    {9, "PR_GET_FPEMU"},
    {10, "PR_SET_FPEMU"},
    {11, "PR_GET_FPEXC"},
    {12, "PR_SET_FPEXC"},
    {13, "PR_GET_TIMING"},
    {14, "PR_SET_TIMING"},
    {15, "PR_SET_NAME"},
    {16, "PR_GET_NAME"},
    {19, "PR_GET_ENDIAN"},
    {20, "PR_SET_ENDIAN"},
    {21, "PR_GET_SECCOMP"},
    {22, "PR_SET_SECCOMP"},
    {23, "PR_CAPBSET_READ"},
    {24, "PR_CAPBSET_DROP"},
    {25, "PR_GET_TSC"},
    {26, "PR_SET_TSC"},
    {27, "PR_GET_SECUREBITS"},
    {28, "PR_SET_SECUREBITS"},
    {29, "PR_SET_TIMERSLACK"},
    {30, "PR_GET_TIMERSLACK"},
    {31, "PR_TASK_PERF_EVENTS_DISABLE"},
    {32, "PR_TASK_PERF_EVENTS_ENABLE"},
    {33, "PR_MCE_KILL"},
    {34, "PR_MCE_KILL_GET"},
    {35, "PR_SET_MM"},
    {36, "PR_SET_CHILD_SUBREAPER"},
    {37, "PR_GET_CHILD_SUBREAPER"},
    {38, "PR_SET_NO_NEW_PRIVS"},
    {39, "PR_GET_NO_NEW_PRIVS"},
    {40, "PR_GET_TID_ADDRESS"},
    {41, "PR_SET_THP_DISABLE"},
    {42, "PR_GET_THP_DISABLE"},
    {43, "PR_MPX_ENABLE_MANAGEMENT"},
    {44, "PR_MPX_DISABLE_MANAGEMENT"},
    {45, "PR_SET_FP_MODE"},
    {46, "PR_GET_FP_MODE"},
    {47, "PR_CAP_AMBIENT"},
    {50, "PR_SVE_SET_VL"},
    {51, "PR_SVE_GET_VL"},
    {52, "PR_GET_SPECULATION_CTRL"},
    {53, "PR_SET_SPECULATION_CTRL"},
    {54, "PR_PAC_RESET_KEYS"},
    {55, "PR_SET_TAGGED_ADDR_CTRL"},
    {56, "PR_GET_TAGGED_ADDR_CTRL"},
    {57, "PR_SET_IO_FLUSHER"},
    {58, "PR_GET_IO_FLUSHER"},
    {59, "PR_SET_SYSCALL_USER_DISPATCH"},
    {62, "PR_SCHED_CORE"},
    {60, "PR_PAC_SET_ENABLED_KEYS"},
    {61, "PR_PAC_GET_ENABLED_KEYS"},
    {63, "PR_SME_SET_VL"},
    {64, "PR_SME_GET_VL"},
    {0x53564d41, "PR_SET_VMA"},
};
inline constexpr Named kFamilies[] = {
    {0, "AF_UNSPEC"},      {1, "AF_UNIX"},      {2, "AF_INET"},      {3, "AF_AX25"},
    {4, "AF_IPX"},         {5, "AF_APPLETALK"}, {6, "AF_NETROM"},    {7, "AF_BRIDGE"},
    {8, "AF_ATMPVC"},      {9, "AF_X25"},       {10, "AF_INET6"},    {11, "AF_ROSE"},
    {12, "AF_DECnet"},     {13, "AF_NETBEUI"},  {14, "AF_SECURITY"}, {15, "AF_KEY"},
    {16, "AF_NETLINK"},    {17, "AF_PACKET"},   {18, "AF_ASH"},      {19, "AF_ECONET"},
    {20, "AF_ATMSVC"},     {21, "AF_RDS"},      {22, "AF_SNA"},      {23, "AF_IRDA"},
    {24, "AF_PPPOX"},      {25, "AF_WANPIPE"},  {26, "AF_LLC"},      {27, "AF_IB"},
    {28, "AF_MPLS"},       {29, "AF_CAN"},      {30, "AF_TIPC"},     {31, "AF_BLUETOOTH"},
    {32, "AF_IUCV"},       {33, "AF_RXRPC"},    {34, "AF_ISDN"},     {35, "AF_PHONET"},
    {36, "AF_IEEE802154"}, {37, "AF_CAIF"},     {38, "AF_ALG"},      {39, "AF_NFC"},
    {40, "AF_VSOCK"},      {41, "AF_KCM"},      {42, "AF_QIPCRTR"},  {43, "AF_SMC"},
    {44, "AF_XDP"},        {45, "AF_MCTP"},
};
inline constexpr Named kSocketTypes[] = {
    {1, "SOCK_STREAM"},    {2, "SOCK_DGRAM"}, {3, "SOCK_RAW"},     {4, "SOCK_RDM"},
    {5, "SOCK_SEQPACKET"}, {6, "SOCK_DCCP"},  {10, "SOCK_PACKET"},
};
inline constexpr Named kSocketTypeFlags[] = {{0x80000, "SOCK_CLOEXEC"}, {0x800, "SOCK_NONBLOCK"}};
inline constexpr Named kIpProtocols[] = {
    {0, "IPPROTO_IP"},        {1, "IPPROTO_ICMP"},    {2, "IPPROTO_IGMP"},
    {4, "IPPROTO_IPIP"},      {6, "IPPROTO_TCP"},     {8, "IPPROTO_EGP"},
    {12, "IPPROTO_PUP"},      {17, "IPPROTO_UDP"},    {22, "IPPROTO_IDP"},
    {29, "IPPROTO_TP"},       {33, "IPPROTO_DCCP"},   {41, "IPPROTO_IPV6"},
    {46, "IPPROTO_RSVP"},     {47, "IPPROTO_GRE"},    {50, "IPPROTO_ESP"},
    {51, "IPPROTO_AH"},       {58, "IPPROTO_ICMPV6"}, {92, "IPPROTO_MTP"},
    {94, "IPPROTO_BEETPH"},   {98, "IPPROTO_ENCAP"},  {103, "IPPROTO_PIM"},
    {108, "IPPROTO_COMP"},    {115, "IPPROTO_L2TP"},  {132, "IPPROTO_SCTP"},
    {136, "IPPROTO_UDPLITE"}, {137, "IPPROTO_MPLS"},  {143, "IPPROTO_ETHERNET"},
    {255, "IPPROTO_RAW"},     {262, "IPPROTO_MPTCP"},
};
inline constexpr Named kNetlinkProtocols[] = {
    {0, "NETLINK_ROUTE"},       {1, "NETLINK_UNUSED"},
    {2, "NETLINK_USERSOCK"},    {3, "NETLINK_FIREWALL"},
    {4, "NETLINK_SOCK_DIAG"},   {5, "NETLINK_NFLOG"},
    {6, "NETLINK_XFRM"},        {7, "NETLINK_SELINUX"},
    {8, "NETLINK_ISCSI"},       {9, "NETLINK_AUDIT"},
    {10, "NETLINK_FIB_LOOKUP"}, {11, "NETLINK_CONNECTOR"},
    {12, "NETLINK_NETFILTER"},  {13, "NETLINK_IP6_FW"},
    {14, "NETLINK_DNRTMSG"},    {15, "NETLINK_KOBJECT_UEVENT"},
    {16, "NETLINK_GENERIC"},    {18, "NETLINK_SCSITRANSPORT"},
    {19, "NETLINK_ECRYPTFS"},   {20, "NETLINK_RDMA"},
    {21, "NETLINK_CRYPTO"},     {22, "NETLINK_SMC"},
};
inline constexpr Named kEthProtocols[] = {
    {0x0003, "ETH_P_ALL"}, {0x0800, "ETH_P_IP"}, {0x0806, "ETH_P_ARP"}, {0x86DD, "ETH_P_IPV6"}};
inline constexpr Named kShutdownHow[] = {{0, "SHUT_RD"}, {1, "SHUT_WR"}, {2, "SHUT_RDWR"}};
inline constexpr Named kMsgFlags[] = {
    {0x1, "MSG_OOB"},
    {0x2, "MSG_PEEK"},
    {0x4, "MSG_DONTROUTE"},
    {0x8, "MSG_CTRUNC"},
    {0x10, "MSG_PROBE"},
    {0x20, "MSG_TRUNC"},
    {0x40, "MSG_DONTWAIT"},
    {0x80, "MSG_EOR"},
    {0x100, "MSG_WAITALL"},
    {0x200, "MSG_FIN"},
    {0x400, "MSG_SYN"},
    {0x800, "MSG_CONFIRM"},
    {0x1000, "MSG_RST"},
    {0x2000, "MSG_ERRQUEUE"},
    {0x4000, "MSG_NOSIGNAL"},
    {0x8000, "MSG_MORE"},
    {0x10000, "MSG_WAITFORONE"},
    {0x20000, "MSG_SENDPAGE_NOTLAST"},
    {0x40000, "MSG_BATCH"},
    {0x80000, "MSG_NO_SHARED_FRAGS"},
    {0x4000000, "MSG_ZEROCOPY"},
    {0x20000000, "MSG_FASTOPEN"},
    {0x40000000, "MSG_CMSG_CLOEXEC"},
    {0x80000000, "MSG_CMSG_COMPAT"},
};
inline constexpr Named kSocketLevels[] = {
    {0, "SOL_IP"},       {1, "SOL_SOCKET"},    {6, "SOL_TCP"},    {17, "SOL_UDP"},
    {41, "SOL_IPV6"},    {58, "SOL_ICMPV6"},   {132, "SOL_SCTP"}, {255, "SOL_RAW"},
    {263, "SOL_PACKET"}, {270, "SOL_NETLINK"}, {279, "SOL_ALG"},  {282, "SOL_TLS"},
};
inline constexpr Named kMremapFlags[] = {
    {1, "MREMAP_MAYMOVE"}, {2, "MREMAP_FIXED"}, {4, "MREMAP_DONTUNMAP"}};
inline constexpr Named kMsyncFlags[] = {{4, "MS_SYNC"}, {1, "MS_ASYNC"}, {2, "MS_INVALIDATE"}};
inline constexpr Named kMadvise[] = {
    {0, "MADV_NORMAL"},           {1, "MADV_RANDOM"},         {2, "MADV_SEQUENTIAL"},
    {3, "MADV_WILLNEED"},         {4, "MADV_DONTNEED"},       {8, "MADV_FREE"},
    {9, "MADV_REMOVE"},           {10, "MADV_DONTFORK"},      {11, "MADV_DOFORK"},
    {12, "MADV_MERGEABLE"},       {13, "MADV_UNMERGEABLE"},   {14, "MADV_HUGEPAGE"},
    {15, "MADV_NOHUGEPAGE"},      {16, "MADV_DONTDUMP"},      {17, "MADV_DODUMP"},
    {18, "MADV_WIPEONFORK"},      {19, "MADV_KEEPONFORK"},    {20, "MADV_COLD"},
    {21, "MADV_PAGEOUT"},         {22, "MADV_POPULATE_READ"}, {23, "MADV_POPULATE_WRITE"},
    {24, "MADV_DONTNEED_LOCKED"}, {25, "MADV_COLLAPSE"},      {100, "MADV_HWPOISON"},
    {101, "MADV_SOFT_OFFLINE"},
};
inline constexpr Named kRlimits[] = {
    {0, "RLIMIT_CPU"},       {1, "RLIMIT_FSIZE"}, {2, "RLIMIT_DATA"},    {3, "RLIMIT_STACK"},
    {4, "RLIMIT_CORE"},      {5, "RLIMIT_RSS"},   {6, "RLIMIT_NPROC"},   {7, "RLIMIT_NOFILE"},
    {8, "RLIMIT_MEMLOCK"},   {9, "RLIMIT_AS"},    {10, "RLIMIT_LOCKS"},  {11, "RLIMIT_SIGPENDING"},
    {12, "RLIMIT_MSGQUEUE"}, {13, "RLIMIT_NICE"}, {14, "RLIMIT_RTPRIO"}, {15, "RLIMIT_RTTIME"},
};
inline constexpr Named kRenameFlags[] = {
    {1, "RENAME_NOREPLACE"}, {2, "RENAME_EXCHANGE"}, {4, "RENAME_WHITEOUT"}};
inline constexpr Named kEpollCtl[] = {
    {1, "EPOLL_CTL_ADD"}, {2, "EPOLL_CTL_DEL"}, {3, "EPOLL_CTL_MOD"}};
inline constexpr Named kEventfdFlags[] = {
    {1, "EFD_SEMAPHORE"}, {0x80000, "EFD_CLOEXEC"}, {0x800, "EFD_NONBLOCK"}};
inline constexpr Named kMemfdFlags[] = {
    {1, "MFD_CLOEXEC"}, {2, "MFD_ALLOW_SEALING"}, {4, "MFD_HUGETLB"}};
inline constexpr Named kGetrandomFlags[] = {
    {1, "GRND_NONBLOCK"}, {2, "GRND_RANDOM"}, {4, "GRND_INSECURE"}};
inline constexpr Named kCloseRangeFlags[] = {{2, "CLOSE_RANGE_UNSHARE"},
                                             {4, "CLOSE_RANGE_CLOEXEC"}};
inline constexpr Named kItimers[] = {{0, "ITIMER_REAL"}, {1, "ITIMER_VIRTUAL"}, {2, "ITIMER_PROF"}};
inline constexpr Named kTimerFlags[] = {{1, "TIMER_ABSTIME"}};
inline constexpr Named kPrioWhich[] = {{0, "PRIO_PROCESS"}, {1, "PRIO_PGRP"}, {2, "PRIO_USER"}};
inline constexpr Named kSchedPolicies[] = {
    {0, "SCHED_OTHER"}, {1, "SCHED_FIFO"}, {2, "SCHED_RR"},       {3, "SCHED_BATCH"},
    {4, "SCHED_ISO"},   {5, "SCHED_IDLE"}, {6, "SCHED_DEADLINE"},
};
inline constexpr Named kRusageWho[] = {
    {0, "RUSAGE_SELF"}, {0xffffffff, "RUSAGE_CHILDREN"}, {1, "RUSAGE_THREAD"}};
inline constexpr Named kIdTypes[] = {{0, "P_ALL"}, {1, "P_PID"}, {2, "P_PGID"}, {3, "P_PIDFD"}};
inline constexpr Named kMlockall[] = {{1, "MCL_CURRENT"}, {2, "MCL_FUTURE"}, {4, "MCL_ONFAULT"}};
inline constexpr Named kIpcFlags[] = {
    {01000, "IPC_CREAT"}, {02000, "IPC_EXCL"}, {04000, "IPC_NOWAIT"}};
inline constexpr Named kIpcCmds[] = {
    {0, "IPC_RMID"},  {1, "IPC_SET"},     {2, "IPC_STAT"},  {3, "IPC_INFO"},
    {11, "SHM_LOCK"}, {12, "SHM_UNLOCK"}, {13, "SHM_STAT"}, {14, "SHM_INFO"},
};
inline constexpr Named kSpliceFlags[] = {
    {1, "SPLICE_F_MOVE"}, {2, "SPLICE_F_NONBLOCK"}, {4, "SPLICE_F_MORE"}, {8, "SPLICE_F_GIFT"}};
inline constexpr Named kSeccompOps[] = {{0, "SECCOMP_SET_MODE_STRICT"},
                                        {1, "SECCOMP_SET_MODE_FILTER"},
                                        {2, "SECCOMP_GET_ACTION_AVAIL"},
                                        {3, "SECCOMP_GET_NOTIF_SIZES"}};
inline constexpr Named kBpfCmds[] = {
    {0, "BPF_MAP_CREATE"},        {1, "BPF_MAP_LOOKUP_ELEM"},
    {2, "BPF_MAP_UPDATE_ELEM"},   {3, "BPF_MAP_DELETE_ELEM"},
    {4, "BPF_MAP_GET_NEXT_KEY"},  {5, "BPF_PROG_LOAD"},
    {6, "BPF_OBJ_PIN"},           {7, "BPF_OBJ_GET"},
    {8, "BPF_PROG_ATTACH"},       {9, "BPF_PROG_DETACH"},
    {10, "BPF_PROG_TEST_RUN"},    {11, "BPF_PROG_GET_NEXT_ID"},
    {12, "BPF_MAP_GET_NEXT_ID"},  {13, "BPF_PROG_GET_FD_BY_ID"},
    {14, "BPF_MAP_GET_FD_BY_ID"}, {15, "BPF_OBJ_GET_INFO_BY_FD"},
    {16, "BPF_PROG_QUERY"},       {17, "BPF_RAW_TRACEPOINT_OPEN"},
    {18, "BPF_BTF_LOAD"},         {19, "BPF_BTF_GET_FD_BY_ID"},
    {20, "BPF_TASK_FD_QUERY"},
};
inline constexpr Named kMembarrier[] = {
    {0, "MEMBARRIER_CMD_QUERY"},
    {1, "MEMBARRIER_CMD_GLOBAL"},
    {2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"},
    {4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"},
    {8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"},
    {16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"},
    {32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"},
    {64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"},
    {128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"},
    {256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"},
};
inline constexpr Named kFadvise[] = {
    {0, "POSIX_FADV_NORMAL"},   {1, "POSIX_FADV_RANDOM"},   {2, "POSIX_FADV_SEQUENTIAL"},
    {3, "POSIX_FADV_WILLNEED"}, {4, "POSIX_FADV_DONTNEED"}, {5, "POSIX_FADV_NOREUSE"},
};
inline constexpr Named kInotifyMask[] = {
    {0x1, "IN_ACCESS"},
    {0x2, "IN_MODIFY"},
    {0x4, "IN_ATTRIB"},
    {0x8, "IN_CLOSE_WRITE"},
    {0x10, "IN_CLOSE_NOWRITE"},
    {0x20, "IN_OPEN"},
    {0x40, "IN_MOVED_FROM"},
    {0x80, "IN_MOVED_TO"},
    {0x100, "IN_CREATE"},
    {0x200, "IN_DELETE"},
    {0x400, "IN_DELETE_SELF"},
    {0x800, "IN_MOVE_SELF"},
    {0x2000, "IN_UNMOUNT"},
    {0x4000, "IN_Q_OVERFLOW"},
    {0x8000, "IN_IGNORED"},
    {0x1000000, "IN_ONLYDIR"},
    {0x2000000, "IN_DONT_FOLLOW"},
    {0x4000000, "IN_EXCL_UNLINK"},
    {0x10000000, "IN_MASK_CREATE"},
    {0x20000000, "IN_MASK_ADD"},
    {0x40000000, "IN_ISDIR"},
    {0x80000000, "IN_ONESHOT"},
};
inline constexpr Named kInotifyInit[] = {{0x800, "IN_NONBLOCK"}, {0x80000, "IN_CLOEXEC"}};
inline constexpr Named kTimerfdFlags[] = {
    {1, "TFD_TIMER_ABSTIME"},
    {2, "TFD_TIMER_CANCEL_ON_SET"},
    {0x80000, "TFD_CLOEXEC"},
    {0x800, "TFD_NONBLOCK"},
};
inline constexpr Named kSignalfdFlags[] = {{0x80000, "SFD_CLOEXEC"}, {0x800, "SFD_NONBLOCK"}};
inline constexpr Named kPtrace[] = {
    {0, "PTRACE_TRACEME"},
    {1, "PTRACE_PEEKTEXT"},
    {2, "PTRACE_PEEKDATA"},
    {3, "PTRACE_PEEKUSER"},
    {4, "PTRACE_POKETEXT"},
    {5, "PTRACE_POKEDATA"},
    {6, "PTRACE_POKEUSER"},
    {7, "PTRACE_CONT"},
    {8, "PTRACE_KILL"},
    {9, "PTRACE_SINGLESTEP"},
    {12, "PTRACE_GETREGS"},
    {13, "PTRACE_SETREGS"},
    {14, "PTRACE_GETFPREGS"},
    {15, "PTRACE_SETFPREGS"},
    {16, "PTRACE_ATTACH"},
    {17, "PTRACE_DETACH"},
    {18, "PTRACE_GETFPXREGS"},
    {19, "PTRACE_SETFPXREGS"},
    {24, "PTRACE_SYSCALL"},
    {30, "PTRACE_ARCH_PRCTL"},
    {31, "PTRACE_SYSEMU"},
    {32, "PTRACE_SYSEMU_SINGLESTEP"},
    {33, "PTRACE_SINGLEBLOCK"},
    {0x4200, "PTRACE_SETOPTIONS"},
    {0x4201, "PTRACE_GETEVENTMSG"},
    {0x4202, "PTRACE_GETSIGINFO"},
    {0x4203, "PTRACE_SETSIGINFO"},
    {0x4204, "PTRACE_GETREGSET"},
    {0x4205, "PTRACE_SETREGSET"},
    {0x4206, "PTRACE_SEIZE"},
    {0x4207, "PTRACE_INTERRUPT"},
    {0x4208, "PTRACE_LISTEN"},
    {0x4209, "PTRACE_PEEKSIGINFO"},
    {0x420a, "PTRACE_GETSIGMASK"},
    {0x420b, "PTRACE_SETSIGMASK"},
    {0x420c, "PTRACE_SECCOMP_GET_FILTER"},
    {0x420d, "PTRACE_SECCOMP_GET_METADATA"},
    {0x420e, "PTRACE_GET_SYSCALL_INFO"},
    {0x420f, "PTRACE_GET_RSEQ_CONFIGURATION"},
};
inline constexpr Named kRwFlags[] = {
    {1, "RWF_HIPRI"}, {2, "RWF_DSYNC"}, {4, "RWF_SYNC"}, {8, "RWF_NOWAIT"}, {0x10, "RWF_APPEND"}};
inline constexpr Named kFlockOps[] = {
    {1, "LOCK_SH"},    {2, "LOCK_EX"},   {4, "LOCK_NB"},    {8, "LOCK_UN"},
    {32, "LOCK_MAND"}, {192, "LOCK_RW"}, {64, "LOCK_READ"}, {128, "LOCK_WRITE"},
};
inline constexpr Named kKcmpTypes[] = {{0, "KCMP_FILE"},    {1, "KCMP_VM"},       {2, "KCMP_FILES"},
                                       {3, "KCMP_FS"},      {4, "KCMP_SIGHAND"},  {5, "KCMP_IO"},
                                       {6, "KCMP_SYSVSEM"}, {7, "KCMP_EPOLL_TFD"}};
inline constexpr Named kMountFlags[] = {
    {1, "MS_RDONLY"},          {2, "MS_NOSUID"},           {4, "MS_NODEV"},
    {8, "MS_NOEXEC"},          {16, "MS_SYNCHRONOUS"},     {32, "MS_REMOUNT"},
    {64, "MS_MANDLOCK"},       {128, "MS_DIRSYNC"},        {256, "MS_NOSYMFOLLOW"},
    {1024, "MS_NOATIME"},      {2048, "MS_NODIRATIME"},    {4096, "MS_BIND"},
    {8192, "MS_MOVE"},         {16384, "MS_REC"},          {32768, "MS_SILENT"},
    {1 << 16, "MS_POSIXACL"},  {1 << 17, "MS_UNBINDABLE"}, {1 << 18, "MS_PRIVATE"},
    {1 << 19, "MS_SLAVE"},     {1 << 20, "MS_SHARED"},     {1 << 21, "MS_RELATIME"},
    {1 << 22, "MS_KERNMOUNT"}, {1 << 23, "MS_I_VERSION"},  {1 << 24, "MS_STRICTATIME"},
    {1 << 25, "MS_LAZYTIME"},  {1 << 26, "MS_SUBMOUNT"},   {1 << 27, "MS_NOREMOTELOCK"},
    {1 << 28, "MS_NOSEC"},     {1 << 29, "MS_BORN"},       {1 << 30, "MS_ACTIVE"},
    {1u << 31, "MS_NOUSER"},
};
inline constexpr Named kUmountFlags[] = {
    {1, "MNT_FORCE"}, {2, "MNT_DETACH"}, {4, "MNT_EXPIRE"}, {8, "UMOUNT_NOFOLLOW"}};
inline constexpr Named kXattrFlags[] = {{1, "XATTR_CREATE"}, {2, "XATTR_REPLACE"}};
inline constexpr Named kEpollCreate[] = {{0x80000, "EPOLL_CLOEXEC"}};
inline constexpr Named kClocks[] = {
    {0, "CLOCK_REALTIME"},          {1, "CLOCK_MONOTONIC"},     {2, "CLOCK_PROCESS_CPUTIME_ID"},
    {3, "CLOCK_THREAD_CPUTIME_ID"}, {4, "CLOCK_MONOTONIC_RAW"}, {5, "CLOCK_REALTIME_COARSE"},
    {6, "CLOCK_MONOTONIC_COARSE"},  {7, "CLOCK_BOOTTIME"},      {8, "CLOCK_REALTIME_ALARM"},
    {9, "CLOCK_BOOTTIME_ALARM"},    {10, "CLOCK_SGI_CYCLE"},    {11, "CLOCK_TAI"},
};
inline constexpr Named kFileTypes[] = {
    {0140000, "S_IFSOCK"}, {0120000, "S_IFLNK"}, {0100000, "S_IFREG"}, {0060000, "S_IFBLK"},
    {0040000, "S_IFDIR"},  {0020000, "S_IFCHR"}, {0010000, "S_IFIFO"}};
inline constexpr Named kSeals[] = {{1, "F_SEAL_SEAL"},
                                   {2, "F_SEAL_SHRINK"},
                                   {4, "F_SEAL_GROW"},
                                   {8, "F_SEAL_WRITE"},
                                   {16, "F_SEAL_FUTURE_WRITE"}};

inline constexpr Named kMempolicyModes[] = {{0, "MPOL_DEFAULT"}, {1, "MPOL_PREFERRED"},
                                            {2, "MPOL_BIND"},    {3, "MPOL_INTERLEAVE"},
                                            {4, "MPOL_LOCAL"},   {5, "MPOL_PREFERRED_MANY"}};
inline constexpr Named kMempolicyFlags[] = {{0x8000, "MPOL_F_STATIC_NODES"},
                                            {0x4000, "MPOL_F_RELATIVE_NODES"},
                                            {0x2000, "MPOL_F_NUMA_BALANCING"}};
inline constexpr Named kMbindFlags[] = {
    {1, "MPOL_MF_STRICT"}, {2, "MPOL_MF_MOVE"}, {4, "MPOL_MF_MOVE_ALL"}};
inline constexpr Named kSyncFileRange[] = {{1, "SYNC_FILE_RANGE_WAIT_BEFORE"},
                                           {2, "SYNC_FILE_RANGE_WRITE"},
                                           {4, "SYNC_FILE_RANGE_WAIT_AFTER"}};
inline constexpr Named kSockOptSocket[] = {
    {1, "SO_DEBUG"},
    {2, "SO_REUSEADDR"},
    {3, "SO_TYPE"},
    {4, "SO_ERROR"},
    {5, "SO_DONTROUTE"},
    {6, "SO_BROADCAST"},
    {7, "SO_SNDBUF"},
    {8, "SO_RCVBUF"},
    {9, "SO_KEEPALIVE"},
    {10, "SO_OOBINLINE"},
    {11, "SO_NO_CHECK"},
    {12, "SO_PRIORITY"},
    {13, "SO_LINGER"},
    {14, "SO_BSDCOMPAT"},
    {15, "SO_REUSEPORT"},
    {16, "SO_PASSCRED"},
    {17, "SO_PEERCRED"},
    {18, "SO_RCVLOWAT"},
    {19, "SO_SNDLOWAT"},
    {20, "SO_RCVTIMEO_OLD"},
    {21, "SO_SNDTIMEO_OLD"},
    {25, "SO_BINDTODEVICE"},
    {26, "SO_ATTACH_FILTER"},
    {27, "SO_DETACH_FILTER"},
    {28, "SO_PEERNAME"},
    {29, "SO_TIMESTAMP_OLD"},
    {30, "SO_ACCEPTCONN"},
    {31, "SO_PEERSEC"},
    {32, "SO_SNDBUFFORCE"},
    {33, "SO_RCVBUFFORCE"},
    {34, "SO_PASSSEC"},
    {36, "SO_MARK"},
    {38, "SO_PROTOCOL"},
    {39, "SO_DOMAIN"},
    {40, "SO_RXQ_OVFL"},
    {46, "SO_BUSY_POLL"},
    {47, "SO_MAX_PACING_RATE"},
    {49, "SO_INCOMING_CPU"},
    {59, "SO_PEERGROUPS"},
    {60, "SO_ZEROCOPY"},
};
inline constexpr Named kSockOptIp[] = {
    {1, "IP_TOS"},
    {2, "IP_TTL"},
    {3, "IP_HDRINCL"},
    {4, "IP_OPTIONS"},
    {5, "IP_ROUTER_ALERT"},
    {6, "IP_RECVOPTS"},
    {7, "IP_RETOPTS"},
    {8, "IP_PKTINFO"},
    {9, "IP_PKTOPTIONS"},
    {10, "IP_MTU_DISCOVER"},
    {11, "IP_RECVERR"},
    {12, "IP_RECVTTL"},
    {13, "IP_RECVTOS"},
    {14, "IP_MTU"},
    {15, "IP_FREEBIND"},
    {32, "IP_MULTICAST_IF"},
    {33, "IP_MULTICAST_TTL"},
    {34, "IP_MULTICAST_LOOP"},
    {35, "IP_ADD_MEMBERSHIP"},
    {36, "IP_DROP_MEMBERSHIP"},
};
inline constexpr Named kSockOptTcp[] = {
    {1, "TCP_NODELAY"},
    {2, "TCP_MAXSEG"},
    {3, "TCP_CORK"},
    {4, "TCP_KEEPIDLE"},
    {5, "TCP_KEEPINTVL"},
    {6, "TCP_KEEPCNT"},
    {7, "TCP_SYNCNT"},
    {8, "TCP_LINGER2"},
    {9, "TCP_DEFER_ACCEPT"},
    {10, "TCP_WINDOW_CLAMP"},
    {11, "TCP_INFO"},
    {12, "TCP_QUICKACK"},
    {13, "TCP_CONGESTION"},
    {14, "TCP_MD5SIG"},
    {18, "TCP_THIN_LINEAR_TIMEOUTS"},
    {23, "TCP_FASTOPEN"},
    {30, "TCP_FASTOPEN_CONNECT"},
    {31, "TCP_ULP"},
};
inline constexpr Named kIoctlDirs[] = {
    {0, "_IOC_NONE"}, {1, "_IOC_WRITE"}, {2, "_IOC_READ"}, {3, "_IOC_READ|_IOC_WRITE"}};
inline constexpr Named kIoctls[] = {
    {0x5401, "TCGETS"},       {0x5402, "TCSETS"},         {0x5403, "TCSETSW"},
    {0x5404, "TCSETSF"},      {0x5405, "TCGETA"},         {0x5406, "TCSETA"},
    {0x5407, "TCSETAW"},      {0x5408, "TCSETAF"},        {0x5409, "TCSBRK"},
    {0x540A, "TCXONC"},       {0x540B, "TCFLSH"},         {0x540C, "TIOCEXCL"},
    {0x540D, "TIOCNXCL"},     {0x540E, "TIOCSCTTY"},      {0x540F, "TIOCGPGRP"},
    {0x5410, "TIOCSPGRP"},    {0x5411, "TIOCOUTQ"},       {0x5412, "TIOCSTI"},
    {0x5413, "TIOCGWINSZ"},   {0x5414, "TIOCSWINSZ"},     {0x5415, "TIOCMGET"},
    {0x5416, "TIOCMBIS"},     {0x5417, "TIOCMBIC"},       {0x5418, "TIOCMSET"},
    {0x541B, "FIONREAD"},     {0x541C, "TIOCLINUX"},      {0x541D, "TIOCCONS"},
    {0x5420, "TIOCPKT"},      {0x5421, "FIONBIO"},        {0x5422, "TIOCNOTTY"},
    {0x5423, "TIOCSETD"},     {0x5424, "TIOCGETD"},       {0x5429, "TIOCGSID"},
    {0x5450, "FIONCLEX"},     {0x5451, "FIOCLEX"},        {0x5452, "FIOASYNC"},
    {0x80045430, "TIOCGPTN"}, {0x40045431, "TIOCSPTLCK"}, {0x5441, "TIOCGPTPEER"},
};

inline constexpr Named kSyslogActions[] = {
    {0, "SYSLOG_ACTION_CLOSE"},         {1, "SYSLOG_ACTION_OPEN"},
    {2, "SYSLOG_ACTION_READ"},          {3, "SYSLOG_ACTION_READ_ALL"},
    {4, "SYSLOG_ACTION_READ_CLEAR"},    {5, "SYSLOG_ACTION_CLEAR"},
    {6, "SYSLOG_ACTION_CONSOLE_OFF"},   {7, "SYSLOG_ACTION_CONSOLE_ON"},
    {8, "SYSLOG_ACTION_CONSOLE_LEVEL"}, {9, "SYSLOG_ACTION_SIZE_UNREAD"},
    {10, "SYSLOG_ACTION_SIZE_BUFFER"},
};
inline constexpr Named kIoprioWho[] = {
    {1, "IOPRIO_WHO_PROCESS"}, {2, "IOPRIO_WHO_PGRP"}, {3, "IOPRIO_WHO_USER"}};
inline constexpr Named kIoprioClasses[] = {{0, "IOPRIO_CLASS_NONE"},
                                           {1, "IOPRIO_CLASS_RT"},
                                           {2, "IOPRIO_CLASS_BE"},
                                           {3, "IOPRIO_CLASS_IDLE"}};
inline constexpr Named kFanClasses[] = {
    {0, "FAN_CLASS_NOTIF"}, {4, "FAN_CLASS_CONTENT"}, {8, "FAN_CLASS_PRE_CONTENT"}};
inline constexpr Named kFanInitFlags[] = {
    {0x1, "FAN_CLOEXEC"},
    {0x2, "FAN_NONBLOCK"},
    {0x10, "FAN_UNLIMITED_QUEUE"},
    {0x20, "FAN_UNLIMITED_MARKS"},
    {0x40, "FAN_ENABLE_AUDIT"},
    {0x80, "FAN_REPORT_PIDFD"},
    {0x100, "FAN_REPORT_TID"},
    {0x200, "FAN_REPORT_FID"},
    {0x400, "FAN_REPORT_DIR_FID"},
    {0x800, "FAN_REPORT_NAME"},
    {0x1000, "FAN_REPORT_TARGET_FID"},
};
inline constexpr Named kIoUringRegister[] = {
    {0, "IORING_REGISTER_BUFFERS"},         {1, "IORING_UNREGISTER_BUFFERS"},
    {2, "IORING_REGISTER_FILES"},           {3, "IORING_UNREGISTER_FILES"},
    {4, "IORING_REGISTER_EVENTFD"},         {5, "IORING_UNREGISTER_EVENTFD"},
    {6, "IORING_REGISTER_FILES_UPDATE"},    {7, "IORING_REGISTER_EVENTFD_ASYNC"},
    {8, "IORING_REGISTER_PROBE"},           {9, "IORING_REGISTER_PERSONALITY"},
    {10, "IORING_UNREGISTER_PERSONALITY"},  {11, "IORING_REGISTER_RESTRICTIONS"},
    {12, "IORING_REGISTER_ENABLE_RINGS"},   {13, "IORING_REGISTER_FILES2"},
    {14, "IORING_REGISTER_FILES_UPDATE2"},  {15, "IORING_REGISTER_BUFFERS2"},
    {16, "IORING_REGISTER_BUFFERS_UPDATE"}, {17, "IORING_REGISTER_IOWQ_AFF"},
    {18, "IORING_UNREGISTER_IOWQ_AFF"},     {19, "IORING_REGISTER_IOWQ_MAX_WORKERS"},
    {20, "IORING_REGISTER_RING_FDS"},       {21, "IORING_UNREGISTER_RING_FDS"},
};
inline constexpr Named kFsconfigCmds[] = {
    {0, "FSCONFIG_SET_FLAG"},   {1, "FSCONFIG_SET_STRING"},      {2, "FSCONFIG_SET_BINARY"},
    {3, "FSCONFIG_SET_PATH"},   {4, "FSCONFIG_SET_PATH_EMPTY"},  {5, "FSCONFIG_SET_FD"},
    {6, "FSCONFIG_CMD_CREATE"}, {7, "FSCONFIG_CMD_RECONFIGURE"},
};
inline constexpr Named kLandlockRules[] = {{1, "LANDLOCK_RULE_PATH_BENEATH"},
                                           {2, "LANDLOCK_RULE_NET_PORT"}};
inline constexpr Named kKexecArchs[] = {
    {0, "KEXEC_ARCH_DEFAULT"}, {3u << 16, "KEXEC_ARCH_386"}, {62u << 16, "KEXEC_ARCH_X86_64"}};
inline constexpr Named kKexecFlags[] = {{1, "KEXEC_ON_CRASH"}, {2, "KEXEC_PRESERVE_CONTEXT"}};
inline constexpr Named kQuotaCmds[] = {
    {0x800001, "Q_SYNC"},     {0x800002, "Q_QUOTAON"},  {0x800003, "Q_QUOTAOFF"},
    {0x800004, "Q_GETFMT"},   {0x800005, "Q_GETINFO"},  {0x800006, "Q_SETINFO"},
    {0x800007, "Q_GETQUOTA"}, {0x800008, "Q_SETQUOTA"}, {0x800009, "Q_GETNEXTQUOTA"},
};
inline constexpr Named kQuotaTypes[] = {{0, "USRQUOTA"}, {1, "GRPQUOTA"}, {2, "PRJQUOTA"}};
inline constexpr Named kRebootMagic1[] = {{0xfee1dead, "LINUX_REBOOT_MAGIC1"}};
inline constexpr Named kRebootMagic2[] = {{672274793, "LINUX_REBOOT_MAGIC2"},
                                          {85072278, "LINUX_REBOOT_MAGIC2A"},
                                          {369367448, "LINUX_REBOOT_MAGIC2B"},
                                          {537993216, "LINUX_REBOOT_MAGIC2C"}};
inline constexpr Named kRebootCmds[] = {
    {0x01234567, "LINUX_REBOOT_CMD_RESTART"},    {0xCDEF0123, "LINUX_REBOOT_CMD_HALT"},
    {0x89ABCDEF, "LINUX_REBOOT_CMD_CAD_ON"},     {0x00000000, "LINUX_REBOOT_CMD_CAD_OFF"},
    {0x4321FEDC, "LINUX_REBOOT_CMD_POWER_OFF"},  {0xA1B2C3D4, "LINUX_REBOOT_CMD_RESTART2"},
    {0xD000FCE2, "LINUX_REBOOT_CMD_SW_SUSPEND"}, {0x45584543, "LINUX_REBOOT_CMD_KEXEC"},
};
inline constexpr Named kKeyctlCmds[] = {
    {0, "KEYCTL_GET_KEYRING_ID"},
    {1, "KEYCTL_JOIN_SESSION_KEYRING"},
    {2, "KEYCTL_UPDATE"},
    {3, "KEYCTL_REVOKE"},
    {4, "KEYCTL_CHOWN"},
    {5, "KEYCTL_SETPERM"},
    {6, "KEYCTL_DESCRIBE"},
    {7, "KEYCTL_CLEAR"},
    {8, "KEYCTL_LINK"},
    {9, "KEYCTL_UNLINK"},
    {10, "KEYCTL_SEARCH"},
    {11, "KEYCTL_READ"},
    {12, "KEYCTL_INSTANTIATE"},
    {13, "KEYCTL_NEGATE"},
    {14, "KEYCTL_SET_REQKEY_KEYRING"},
    {15, "KEYCTL_SET_TIMEOUT"},
    {16, "KEYCTL_ASSUME_AUTHORITY"},
    {17, "KEYCTL_GET_SECURITY"},
    {18, "KEYCTL_SESSION_TO_PARENT"},
    {19, "KEYCTL_REJECT"},
    {20, "KEYCTL_INSTANTIATE_IOV"},
    {21, "KEYCTL_INVALIDATE"},
    {22, "KEYCTL_GET_PERSISTENT"},
    {23, "KEYCTL_DH_COMPUTE"},
};

inline constexpr Named kUnshareFlags[] = {
    {0x80, "CLONE_NEWTIME"},      {0x100, "CLONE_VM"},          {0x200, "CLONE_FS"},
    {0x400, "CLONE_FILES"},       {0x800, "CLONE_SIGHAND"},     {0x10000, "CLONE_THREAD"},
    {0x20000, "CLONE_NEWNS"},     {0x40000, "CLONE_SYSVSEM"},   {0x2000000, "CLONE_NEWCGROUP"},
    {0x4000000, "CLONE_NEWUTS"},  {0x8000000, "CLONE_NEWIPC"},  {0x10000000, "CLONE_NEWUSER"},
    {0x20000000, "CLONE_NEWPID"}, {0x40000000, "CLONE_NEWNET"},
};
inline constexpr Named kSetnsFlags[] = {
    {0x80, "CLONE_NEWTIME"},      {0x20000, "CLONE_NEWNS"},     {0x2000000, "CLONE_NEWCGROUP"},
    {0x4000000, "CLONE_NEWUTS"},  {0x8000000, "CLONE_NEWIPC"},  {0x10000000, "CLONE_NEWUSER"},
    {0x20000000, "CLONE_NEWPID"}, {0x40000000, "CLONE_NEWNET"},
};
inline constexpr Named kShmgetFlags[] = {
    {01000, "IPC_CREAT"}, {02000, "IPC_EXCL"}, {04000, "SHM_HUGETLB"}, {010000, "SHM_NORESERVE"}};
inline constexpr Named kShmatFlags[] = {
    {010000, "SHM_RDONLY"}, {020000, "SHM_RND"}, {040000, "SHM_REMAP"}, {0100000, "SHM_EXEC"}};
inline constexpr Named kIpcCommon[] = {
    {0, "IPC_RMID"}, {1, "IPC_SET"}, {2, "IPC_STAT"}, {3, "IPC_INFO"}};
inline constexpr Named kShmCmds[] = {
    {11, "SHM_LOCK"}, {12, "SHM_UNLOCK"}, {13, "SHM_STAT"}, {14, "SHM_INFO"}, {15, "SHM_STAT_ANY"}};
inline constexpr Named kSemCmds[] = {
    {11, "GETPID"}, {12, "GETVAL"}, {13, "GETALL"},   {14, "GETNCNT"},  {15, "GETZCNT"},
    {16, "SETVAL"}, {17, "SETALL"}, {18, "SEM_STAT"}, {19, "SEM_INFO"}, {20, "SEM_STAT_ANY"}};
inline constexpr Named kMsgCmds[] = {{11, "MSG_STAT"}, {12, "MSG_INFO"}, {13, "MSG_STAT_ANY"}};
inline constexpr Named kMsgqFlags[] = {
    {010000, "MSG_NOERROR"}, {020000, "MSG_EXCEPT"}, {040000, "MSG_COPY"}, {04000, "IPC_NOWAIT"}};
inline constexpr Named kSwapFlags[] = {{0x8000, "SWAP_FLAG_PREFER"},
                                       {0x10000, "SWAP_FLAG_DISCARD"},
                                       {0x20000, "SWAP_FLAG_DISCARD_ONCE"},
                                       {0x40000, "SWAP_FLAG_DISCARD_PAGES"}};
inline constexpr Named kDeleteModuleFlags[] = {{0x800, "O_NONBLOCK"}, {0x200, "O_TRUNC"}};
inline constexpr Named kGetMempolicyFlags[] = {
    {1, "MPOL_F_NODE"}, {2, "MPOL_F_ADDR"}, {4, "MPOL_F_MEMS_ALLOWED"}};
inline constexpr Named kFallocateModes[] = {
    {0x01, "FALLOC_FL_KEEP_SIZE"},     {0x02, "FALLOC_FL_PUNCH_HOLE"},
    {0x04, "FALLOC_FL_NO_HIDE_STALE"}, {0x08, "FALLOC_FL_COLLAPSE_RANGE"},
    {0x10, "FALLOC_FL_ZERO_RANGE"},    {0x20, "FALLOC_FL_INSERT_RANGE"},
    {0x40, "FALLOC_FL_UNSHARE_RANGE"},
};
inline constexpr Named kIoUringEnterFlags[] = {{1, "IORING_ENTER_GETEVENTS"},
                                               {2, "IORING_ENTER_SQ_WAKEUP"},
                                               {4, "IORING_ENTER_SQ_WAIT"},
                                               {8, "IORING_ENTER_EXT_ARG"},
                                               {16, "IORING_ENTER_REGISTERED_RING"}};
inline constexpr Named kOpenTreeFlags[] = {
    {1, "OPEN_TREE_CLONE"},    {0x80000, "OPEN_TREE_CLOEXEC"}, {0x100, "AT_SYMLINK_NOFOLLOW"},
    {0x200, "AT_REMOVEDIR"},   {0x400, "AT_SYMLINK_FOLLOW"},   {0x800, "AT_NO_AUTOMOUNT"},
    {0x1000, "AT_EMPTY_PATH"}, {0x8000, "AT_RECURSIVE"},
};
inline constexpr Named kMoveMountFlags[] = {
    {0x01, "MOVE_MOUNT_F_SYMLINKS"},   {0x02, "MOVE_MOUNT_F_AUTOMOUNTS"},
    {0x04, "MOVE_MOUNT_F_EMPTY_PATH"}, {0x10, "MOVE_MOUNT_T_SYMLINKS"},
    {0x20, "MOVE_MOUNT_T_AUTOMOUNTS"}, {0x40, "MOVE_MOUNT_T_EMPTY_PATH"},
    {0x100, "MOVE_MOUNT_SET_GROUP"},
};
inline constexpr Named kFsopenFlags[] = {{1, "FSOPEN_CLOEXEC"}};
inline constexpr Named kFsmountFlags[] = {{1, "FSMOUNT_CLOEXEC"}};
inline constexpr Named kMountAttrFlags[] = {
    {0x01, "MOUNT_ATTR_RDONLY"},     {0x02, "MOUNT_ATTR_NOSUID"},  {0x04, "MOUNT_ATTR_NODEV"},
    {0x08, "MOUNT_ATTR_NOEXEC"},     {0x10, "MOUNT_ATTR_NOATIME"}, {0x20, "MOUNT_ATTR_STRICTATIME"},
    {0x80, "MOUNT_ATTR_NODIRATIME"},
};
inline constexpr Named kFspickFlags[] = {{1, "FSPICK_CLOEXEC"},
                                         {2, "FSPICK_SYMLINK_NOFOLLOW"},
                                         {4, "FSPICK_NO_AUTOMOUNT"},
                                         {8, "FSPICK_EMPTY_PATH"}};
inline constexpr Named kPidfdOpenFlags[] = {{0x800, "PIDFD_NONBLOCK"}};
inline constexpr Named kMountSetattrFlags[] = {{0x100, "AT_SYMLINK_NOFOLLOW"},
                                               {0x800, "AT_NO_AUTOMOUNT"},
                                               {0x1000, "AT_EMPTY_PATH"},
                                               {0x8000, "AT_RECURSIVE"}};
inline constexpr Named kLandlockCreateFlags[] = {{1, "LANDLOCK_CREATE_RULESET_VERSION"}};
inline constexpr Named kCloexecFlags[] = {{0x80000, "O_CLOEXEC"}};
inline constexpr Named kMembarrierFlags[] = {{1, "MEMBARRIER_CMD_FLAG_CPU"}};
inline constexpr Named kMlock2Flags[] = {{1, "MLOCK_ONFAULT"}};
inline constexpr Named kPkeyAccess[] = {
    {1, "PKEY_DISABLE_ACCESS"}, {2, "PKEY_DISABLE_WRITE"}, {4, "PKEY_DISABLE_EXECUTE"}};
inline constexpr Named kKexecFileFlags[] = {
    {1, "KEXEC_FILE_UNLOAD"}, {2, "KEXEC_FILE_ON_CRASH"}, {4, "KEXEC_FILE_NO_INITRAMFS"}};
inline constexpr Named kUserfaultfdFlags[] = {
    {1, "UFFD_USER_MODE_ONLY"}, {0x800, "O_NONBLOCK"}, {0x80000, "O_CLOEXEC"}};
inline constexpr Named kFinitModuleFlags[] = {{1, "MODULE_INIT_IGNORE_MODVERSIONS"},
                                              {2, "MODULE_INIT_IGNORE_VERMAGIC"},
                                              {4, "MODULE_INIT_COMPRESSED_FILE"}};
inline constexpr Named kPerfEventFlags[] = {{1, "PERF_FLAG_FD_NO_GROUP"},
                                            {2, "PERF_FLAG_FD_OUTPUT"},
                                            {4, "PERF_FLAG_PID_CGROUP"},
                                            {8, "PERF_FLAG_FD_CLOEXEC"}};
inline constexpr Named kNameToHandleFlags[] = {{0x400, "AT_SYMLINK_FOLLOW"},
                                               {0x1000, "AT_EMPTY_PATH"}};
inline constexpr Named kFanMarkFlags[] = {
    {0x001, "FAN_MARK_ADD"},
    {0x002, "FAN_MARK_REMOVE"},
    {0x004, "FAN_MARK_DONT_FOLLOW"},
    {0x008, "FAN_MARK_ONLYDIR"},
    {0x010, "FAN_MARK_MOUNT"},
    {0x020, "FAN_MARK_IGNORED_MASK"},
    {0x040, "FAN_MARK_IGNORED_SURV_MODIFY"},
    {0x080, "FAN_MARK_FLUSH"},
    {0x100, "FAN_MARK_FILESYSTEM"},
    {0x200, "FAN_MARK_EVICTABLE"},
    {0x400, "FAN_MARK_IGNORE"},
};
inline constexpr Named kFanEventMask[] = {
    {0x1, "FAN_ACCESS"},         {0x2, "FAN_MODIFY"},          {0x4, "FAN_ATTRIB"},
    {0x8, "FAN_CLOSE_WRITE"},    {0x10, "FAN_CLOSE_NOWRITE"},  {0x20, "FAN_OPEN"},
    {0x40, "FAN_MOVED_FROM"},    {0x80, "FAN_MOVED_TO"},       {0x100, "FAN_CREATE"},
    {0x200, "FAN_DELETE"},       {0x400, "FAN_DELETE_SELF"},   {0x800, "FAN_MOVE_SELF"},
    {0x1000, "FAN_OPEN_EXEC"},   {0x4000, "FAN_Q_OVERFLOW"},   {0x8000, "FAN_FS_ERROR"},
    {0x10000, "FAN_OPEN_PERM"},  {0x20000, "FAN_ACCESS_PERM"}, {0x40000, "FAN_OPEN_EXEC_PERM"},
    {0x80000, "FAN_DIR_MODIFY"}, {0x40000000, "FAN_ONDIR"},    {0x8000000, "FAN_EVENT_ON_CHILD"},
    {0x10000000, "FAN_RENAME"},
};
inline constexpr Named kKeyrings[] = {
    {0xffffffff, "KEY_SPEC_THREAD_KEYRING"},       {0xfffffffe, "KEY_SPEC_PROCESS_KEYRING"},
    {0xfffffffd, "KEY_SPEC_SESSION_KEYRING"},      {0xfffffffc, "KEY_SPEC_USER_KEYRING"},
    {0xfffffffb, "KEY_SPEC_USER_SESSION_KEYRING"}, {0xfffffffa, "KEY_SPEC_GROUP_KEYRING"},
    {0xfffffff9, "KEY_SPEC_REQKEY_AUTH_KEY"},      {0xfffffff8, "KEY_SPEC_REQUESTOR_KEYRING"},
};
inline constexpr Named kIpcCalls[] = {
    {1, "SEMOP"},   {2, "SEMGET"},  {3, "SEMCTL"},  {4, "SEMTIMEDOP"},
    {11, "MSGSND"}, {12, "MSGRCV"}, {13, "MSGGET"}, {14, "MSGCTL"},
    {21, "SHMAT"},  {22, "SHMDT"},  {23, "SHMGET"}, {24, "SHMCTL"},
};

// prctl's operands.
inline constexpr Named kCapabilities[] = {
    {0, "CAP_CHOWN"},
    {1, "CAP_DAC_OVERRIDE"},
    {2, "CAP_DAC_READ_SEARCH"},
    {3, "CAP_FOWNER"},
    {4, "CAP_FSETID"},
    {5, "CAP_KILL"},
    {6, "CAP_SETGID"},
    {7, "CAP_SETUID"},
    {8, "CAP_SETPCAP"},
    {9, "CAP_LINUX_IMMUTABLE"},
    {10, "CAP_NET_BIND_SERVICE"},
    {11, "CAP_NET_BROADCAST"},
    {12, "CAP_NET_ADMIN"},
    {13, "CAP_NET_RAW"},
    {14, "CAP_IPC_LOCK"},
    {15, "CAP_IPC_OWNER"},
    {16, "CAP_SYS_MODULE"},
    {17, "CAP_SYS_RAWIO"},
    {18, "CAP_SYS_CHROOT"},
    {19, "CAP_SYS_PTRACE"},
    {20, "CAP_SYS_PACCT"},
    {21, "CAP_SYS_ADMIN"},
    {22, "CAP_SYS_BOOT"},
    {23, "CAP_SYS_NICE"},
    {24, "CAP_SYS_RESOURCE"},
    {25, "CAP_SYS_TIME"},
    {26, "CAP_SYS_TTY_CONFIG"},
    {27, "CAP_MKNOD"},
    {28, "CAP_LEASE"},
    {29, "CAP_AUDIT_WRITE"},
    {30, "CAP_AUDIT_CONTROL"},
    {31, "CAP_SETFCAP"},
    {32, "CAP_MAC_OVERRIDE"},
    {33, "CAP_MAC_ADMIN"},
    {34, "CAP_SYSLOG"},
    {35, "CAP_WAKE_ALARM"},
    {36, "CAP_BLOCK_SUSPEND"},
    {37, "CAP_AUDIT_READ"},
    {38, "CAP_PERFMON"},
    {39, "CAP_BPF"},
    {40, "CAP_CHECKPOINT_RESTORE"},
};
inline constexpr Named kSuidDump[] = {
    {0, "SUID_DUMP_DISABLE"}, {1, "SUID_DUMP_USER"}, {2, "SUID_DUMP_ROOT"}};
inline constexpr Named kUnalign[] = {{1, "PR_UNALIGN_NOPRINT"}, {2, "PR_UNALIGN_SIGBUS"}};
inline constexpr Named kSeccompModes[] = {
    {0, "SECCOMP_MODE_DISABLED"}, {1, "SECCOMP_MODE_STRICT"}, {2, "SECCOMP_MODE_FILTER"}};
inline constexpr Named kTscModes[] = {{1, "PR_TSC_ENABLE"}, {2, "PR_TSC_SIGSEGV"}};
inline constexpr Named kSecureBits[] = {
    {0x01, "SECBIT_NOROOT"},
    {0x02, "SECBIT_NOROOT_LOCKED"},
    {0x04, "SECBIT_NO_SETUID_FIXUP"},
    {0x08, "SECBIT_NO_SETUID_FIXUP_LOCKED"},
    {0x10, "SECBIT_KEEP_CAPS"},
    {0x20, "SECBIT_KEEP_CAPS_LOCKED"},
    {0x40, "SECBIT_NO_CAP_AMBIENT_RAISE"},
    {0x80, "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED"},
};
inline constexpr Named kMceKillOps[] = {{0, "PR_MCE_KILL_CLEAR"}, {1, "PR_MCE_KILL_SET"}};
inline constexpr Named kMceKillPolicies[] = {
    {0, "PR_MCE_KILL_LATE"}, {1, "PR_MCE_KILL_EARLY"}, {2, "PR_MCE_KILL_DEFAULT"}};
inline constexpr Named kSetMmOps[] = {
    {1, "PR_SET_MM_START_CODE"}, {2, "PR_SET_MM_END_CODE"},    {3, "PR_SET_MM_START_DATA"},
    {4, "PR_SET_MM_END_DATA"},   {5, "PR_SET_MM_START_STACK"}, {6, "PR_SET_MM_START_BRK"},
    {7, "PR_SET_MM_BRK"},        {8, "PR_SET_MM_ARG_START"},   {9, "PR_SET_MM_ARG_END"},
    {10, "PR_SET_MM_ENV_START"}, {11, "PR_SET_MM_ENV_END"},    {12, "PR_SET_MM_AUXV"},
    {13, "PR_SET_MM_EXE_FILE"},  {14, "PR_SET_MM_MAP"},        {15, "PR_SET_MM_MAP_SIZE"},
};
inline constexpr Named kFpModes[] = {{1, "PR_FP_MODE_FR"}, {2, "PR_FP_MODE_FRE"}};
inline constexpr Named kCapAmbientOps[] = {{1, "PR_CAP_AMBIENT_IS_SET"},
                                           {2, "PR_CAP_AMBIENT_RAISE"},
                                           {3, "PR_CAP_AMBIENT_LOWER"},
                                           {4, "PR_CAP_AMBIENT_CLEAR_ALL"}};
inline constexpr Named kSpecWhich[] = {
    {0, "PR_SPEC_STORE_BYPASS"}, {1, "PR_SPEC_INDIRECT_BRANCH"}, {2, "PR_SPEC_L1D_FLUSH"}};
inline constexpr Named kSpecValues[] = {{1, "PR_SPEC_PRCTL"},
                                        {2, "PR_SPEC_ENABLE"},
                                        {4, "PR_SPEC_DISABLE"},
                                        {8, "PR_SPEC_FORCE_DISABLE"},
                                        {16, "PR_SPEC_DISABLE_NOEXEC"}};
inline constexpr Named kPacKeys[] = {{1, "PR_PAC_APIAKEY"},
                                     {2, "PR_PAC_APIBKEY"},
                                     {4, "PR_PAC_APDAKEY"},
                                     {8, "PR_PAC_APDBKEY"},
                                     {16, "PR_PAC_APGAKEY"}};
inline constexpr Named kSysDispatch[] = {{0, "PR_SYS_DISPATCH_OFF"}, {1, "PR_SYS_DISPATCH_ON"}};
inline constexpr Named kSchedCoreOps[] = {{0, "PR_SCHED_CORE_GET"},
                                          {1, "PR_SCHED_CORE_CREATE"},
                                          {2, "PR_SCHED_CORE_SHARE_TO"},
                                          {3, "PR_SCHED_CORE_SHARE_FROM"}};
inline constexpr Named kPidTypes[] = {
    {0, "PIDTYPE_PID"}, {1, "PIDTYPE_TGID"}, {2, "PIDTYPE_PGID"}, {3, "PIDTYPE_SID"}};

inline constexpr Named kPersonalityTypes[] = {
    {0x00, "PER_LINUX"},    {0x01, "PER_SVR4"},    {0x02, "PER_SVR3"},    {0x03, "PER_SCOSVR3"},
    {0x04, "PER_WYSEV386"}, {0x05, "PER_ISCR4"},   {0x06, "PER_BSD"},     {0x07, "PER_XENIX"},
    {0x08, "PER_LINUX32"},  {0x09, "PER_IRIX32"},  {0x0a, "PER_IRIXN32"}, {0x0b, "PER_IRIX64"},
    {0x0c, "PER_RISCOS"},   {0x0d, "PER_SOLARIS"}, {0x0e, "PER_UW7"},     {0x0f, "PER_OSF4"},
    {0x10, "PER_HPUX"},
};
inline constexpr Named kPersonalityFlags[] = {
    {0x0020000, "UNAME26"},
    {0x0040000, "ADDR_NO_RANDOMIZE"},
    {0x0080000, "FDPIC_FUNCPTRS"},
    {0x0100000, "MMAP_PAGE_ZERO"},
    {0x0200000, "ADDR_COMPAT_LAYOUT"},
    {0x0400000, "READ_IMPLIES_EXEC"},
    {0x0800000, "ADDR_LIMIT_32BIT"},
    {0x1000000, "SHORT_INODE"},
    {0x2000000, "WHOLE_SECONDS"},
    {0x4000000, "STICKY_TIMEOUTS"},
    {0x8000000, "ADDR_LIMIT_3GB"},
};

// Every table above: what the strace-log importer reads names back with.
inline constexpr std::span<const Named> kAllTables[] = {
    kOpenFlags,
    kAccessModes,
    kAtFlags,
    kStatxFlags,
    kFaccessat2Flags,
    kStatxMask,
    kMmapProt,
    kMmapType,
    kMmapFlags,
    kCloneFlags,
    kWaitOptions,
    kWhence,
    kSigprocmaskHow,
    kFcntlCmds,
    kFdFlags,
    kArchPrctl,
    kFutexCmds,
    kPrctl,
    kFamilies,
    kSocketTypes,
    kSocketTypeFlags,
    kIpProtocols,
    kNetlinkProtocols,
    kEthProtocols,
    kShutdownHow,
    kMsgFlags,
    kSocketLevels,
    kMremapFlags,
    kMsyncFlags,
    kMadvise,
    kRlimits,
    kRenameFlags,
    kEpollCtl,
    kEventfdFlags,
    kMemfdFlags,
    kGetrandomFlags,
    kCloseRangeFlags,
    kItimers,
    kTimerFlags,
    kPrioWhich,
    kSchedPolicies,
    kRusageWho,
    kIdTypes,
    kMlockall,
    kIpcFlags,
    kIpcCmds,
    kSpliceFlags,
    kSeccompOps,
    kBpfCmds,
    kMembarrier,
    kFadvise,
    kInotifyMask,
    kInotifyInit,
    kTimerfdFlags,
    kSignalfdFlags,
    kPtrace,
    kRwFlags,
    kFlockOps,
    kKcmpTypes,
    kMountFlags,
    kUmountFlags,
    kXattrFlags,
    kEpollCreate,
    kClocks,
    kFileTypes,
    kSeals,
    kMempolicyModes,
    kMempolicyFlags,
    kMbindFlags,
    kSyncFileRange,
    kSockOptSocket,
    kSockOptIp,
    kSockOptTcp,
    kIoctlDirs,
    kIoctls,
    kSyslogActions,
    kIoprioWho,
    kIoprioClasses,
    kFanClasses,
    kFanInitFlags,
    kIoUringRegister,
    kFsconfigCmds,
    kLandlockRules,
    kKexecArchs,
    kKexecFlags,
    kQuotaCmds,
    kQuotaTypes,
    kRebootMagic1,
    kRebootMagic2,
    kRebootCmds,
    kKeyctlCmds,
    kUnshareFlags,
    kSetnsFlags,
    kShmgetFlags,
    kShmatFlags,
    kIpcCommon,
    kShmCmds,
    kSemCmds,
    kMsgCmds,
    kMsgqFlags,
    kSwapFlags,
    kDeleteModuleFlags,
    kGetMempolicyFlags,
    kFallocateModes,
    kIoUringEnterFlags,
    kOpenTreeFlags,
    kMoveMountFlags,
    kFsopenFlags,
    kFsmountFlags,
    kMountAttrFlags,
    kFspickFlags,
    kPidfdOpenFlags,
    kMountSetattrFlags,
    kLandlockCreateFlags,
    kCloexecFlags,
    kMembarrierFlags,
    kMlock2Flags,
    kPkeyAccess,
    kKexecFileFlags,
    kUserfaultfdFlags,
    kFinitModuleFlags,
    kPerfEventFlags,
    kNameToHandleFlags,
    kFanMarkFlags,
    kFanEventMask,
    kKeyrings,
    kIpcCalls,
    kCapabilities,
    kSuidDump,
    kUnalign,
    kSeccompModes,
    kTscModes,
    kSecureBits,
    kMceKillOps,
    kMceKillPolicies,
    kSetMmOps,
    kFpModes,
    kCapAmbientOps,
    kSpecWhich,
    kSpecValues,
    kPacKeys,
    kSysDispatch,
    kSchedCoreOps,
    kPidTypes,
    kPersonalityTypes,
    kPersonalityFlags,
};

} // namespace syscope::xlat::tables
