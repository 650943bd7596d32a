// The road of one syscall, as a lecture tells it: the call site in the program, the glibc
// wrapper, the `syscall` instruction with the number in rax and the arguments in rdi, rsi, rdx,
// r10, r8, r9 (i386: int $0x80 with eax, ebx, ecx, edx, esi, edi, ebp), the kernel's entry point,
// its dispatcher, the handler, and the return value in rax that glibc turns into -1 and errno
// when it lies in -4095..-1. A vDSO call takes the short road: a plain call into the [vdso]
// mapping, no syscall instruction, no kernel.
//
// A pure model (no Qt, no I/O): everything it knows comes in through RoadInputs, so it is filled
// with one recorded event's values and this boot's kernel addresses, and tests can give it
// sample text. The GUI draws it; nothing here decides how it looks.
#pragma once

#include "kernel/Kallsyms.h"
#include "syscalls/EventFormatter.h"
#include "trace/Event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace syscope {

class VdsoImage;

enum class RoadStepKind : std::uint8_t {
    CallSite,     // the program's code that made the call
    Wrapper,      // the glibc function
    Instruction,  // syscall / int $0x80, with the registers
    KernelEntry,  // entry_SYSCALL_64: switch to the kernel stack, save registers
    Dispatcher,   // do_syscall_64 -> x64_sys_call (switch) or sys_call_table[nr]
    Handler,      // __x64_sys_openat
    Return,       // sysret / iret (or the vDSO's ret) with the value in rax
    Errno,        // -4095..-1 -> the wrapper returns -1 and sets errno = E...
    Result,       // any other value: the wrapper returns it unchanged
    VdsoFunction, // __vdso_clock_gettime in [vdso]
};

// One register as the step shows it: "rdi = 0xffffff9c  AT_FDCWD".
struct RoadRegister {
    std::string name;                   // "rax", "rdi", ...
    std::optional<std::uint64_t> value; // empty for a road drawn from the table (no event)
    std::string meaning;                // decoded argument, syscall name, or the argument kind
};

struct RoadStep {
    RoadStepKind kind = RoadStepKind::CallSite;
    bool inKernel = false;                // which side of the user/kernel boundary
    std::string title;                    // "glibc wrapper", "syscall instruction", ...
    std::string symbol;                   // "openat()", "__x64_sys_openat", "entry_SYSCALL_64"
    std::optional<std::uint64_t> address; // where `symbol` is in this run / boot
    std::vector<std::string> lines;       // plain sentences, one per line
    std::vector<RoadRegister> registers;
};

struct SyscallRoad {
    Arch arch = Arch::X86_64;
    int nr = -1;
    std::string name;       // "openat", "clock_gettime"
    std::string call;       // the strace line: openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3
    bool vdso = false;      // the short road
    bool fromEvent = false; // filled from a recorded event (else from the table alone)
    std::vector<RoadStep> steps;
    // "Kernel addresses change at every boot (KASLR); this boot's text base is 0x...".
    std::string kaslrNote;
    std::optional<std::uint64_t> textBase;
    // Why kernel addresses are missing (hidden, kallsyms unreadable); empty when they are shown.
    std::string addressNote;
};

struct RoadInputs {
    const Kallsyms* kallsyms = nullptr; // nullptr: /proc/kallsyms could not be read
    std::string kallsymsError;          // why it could not be read
    const MapsSnapshot* maps = nullptr; // the process's address map at the call, if known
    const AuxvSnapshot* auxv = nullptr; // the process's auxv (AT_SYSINFO_EHDR), if known
    const VdsoImage* vdso = nullptr;    // the vDSO image of this kernel (symbol offsets)
    StringLookup strings;               // captured strings of the event, may be empty
    std::string program;                // the executable's path, if known
};

// The road of a recorded event.
SyscallRoad buildSyscallRoad(const SyscallEvent& event, const RoadInputs& inputs);
// The road of a syscall picked in the table: registers show argument kinds, not values.
SyscallRoad buildSyscallRoad(Arch arch, int nr, const RoadInputs& inputs);

// The syscall argument registers: rdi, rsi, rdx, r10, r8, r9 (i386: ebx, ecx, edx, esi, edi,
// ebp); the number goes in rax / eax.
const char* syscallArgRegister(Arch arch, int i);

// Splits "name(a, b, {c, d}, \"e,f\")" into its top-level arguments; empty when `call` has no
// parenthesised list.
std::vector<std::string> splitCallArguments(std::string_view call);

} // namespace syscope
