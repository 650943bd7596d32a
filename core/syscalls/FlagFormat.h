// Symbolic renderings of flag and constant arguments, with strace 6.1's names, order and
// fallbacks (`|0x...` for unknown bits, `0x7 /* SEEK_??? */` for unknown values).
#pragma once

#include "syscalls/SyscallTable.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace syscope::xlat {

struct Named {
    std::uint64_t value;
    std::string_view name;
};

// Bits named in table order (a name is used when all its bits are set), then `|0x...` for the
// rest; `zero` when nothing is set.
std::string flags(std::uint64_t v, std::span<const Named> table, std::string_view zero = "0");
// The name of an exact value, or "0x7 /* SEEK_??? */" (unknownPrefix = "SEEK_").
std::string value(std::uint64_t v, std::span<const Named> table, std::string_view unknownPrefix);
// Like value() but nullptr-free lookup: empty when unknown.
std::string_view lookup(std::uint64_t v, std::span<const Named> table);

std::string hex(std::uint64_t v); // "0" or "0x..."

std::string openFlags(std::uint64_t v);          // with the access mode first
std::string openFlagsNoAccmode(std::uint64_t v); // pipe2, dup3: "0" when empty
std::string accessMode(std::uint64_t v);
std::string atFlags(std::uint64_t v);
std::string statxFlags(std::uint64_t v);
std::string mmapProt(std::uint64_t v);
std::string mmapFlags(std::uint64_t v);
std::string cloneFlags(std::uint64_t v);
std::string waitOptions(std::uint64_t v);
std::string mode(std::uint64_t v);     // 0644, 000
std::string fileMode(std::uint64_t v); // S_IFREG|0644 (mknod)
std::string clockId(std::uint64_t v);
std::string socketProtocol(std::uint64_t family, std::uint64_t protocol);
std::string fcntlCommand(std::uint64_t v);
std::string fdFlags(std::uint64_t v);
std::string futexOp(std::uint64_t v);
std::string fcntlSeals(std::uint64_t v);
std::string socketOption(std::uint64_t level, std::uint64_t name);
std::string ioctlRequest(std::uint64_t v);
// "[HUP INT]", or "~[...]" when more than half of the `bits` signals are set.
std::string sigmask(std::uint64_t v, int bits);
std::string syslogAction(std::uint64_t v);
std::string ioprioWho(std::uint64_t v);
std::string ioprioValue(std::uint64_t v);
std::string fanotifyInitFlags(std::uint64_t v);
std::string ioUringRegisterOp(std::uint64_t v);
std::string fsconfigCmd(std::uint64_t v);
std::string landlockRuleType(std::uint64_t v);
std::string kexecFlags(std::uint64_t v);
std::string quotactlCmd(std::uint64_t v);
std::string rebootMagic1(std::uint64_t v);
std::string rebootMagic2(std::uint64_t v);
std::string rebootCmd(std::uint64_t v);
std::string keyctlCmd(std::uint64_t v);
std::string mempolicyMode(std::uint64_t v);
std::string personality(std::uint64_t v); // PER_LINUX32|ADDR_NO_RANDOMIZE
std::string schedPolicy(std::uint64_t v);
std::string suidDump(std::uint64_t v);
std::string keyring(std::uint64_t v); // KEY_SPEC_THREAD_KEYRING or a decimal serial
std::string ipcCall(std::uint64_t v); // i386 ipc(): SEMOP, ..., "1<<16|SHMAT"

// Everything else that a FlagSet names.
std::string flagArg(FlagSet set, std::uint64_t v);

} // namespace syscope::xlat
