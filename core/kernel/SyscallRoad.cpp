#include "kernel/SyscallRoad.h"

#include "kernel/GlibcWrappers.h"
#include "kernel/SyscallHandlers.h"
#include "proc/Auxv.h"
#include "syscalls/Errno.h"
#include "syscalls/SyscallTable.h"
#include "vdso/VdsoImage.h"

#include <cstdio>

namespace syscope {
namespace {

constexpr std::uint64_t kAtSysinfoEhdr = 33;

std::string hex(std::uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool isLibc(const std::string& path) {
    const std::string name = baseName(path);
    return name.rfind("libc.so", 0) == 0 || name.rfind("libc-2.", 0) == 0;
}

// The first executable mapping whose file satisfies `pred`.
template <typename Pred>
const MapEntry* findTextMapping(const MapsSnapshot* maps, Pred pred) {
    if (!maps) {
        return nullptr;
    }
    for (const MapEntry& m : maps->entries) {
        if ((m.perms & MapPerm::Exec) && pred(m.path)) {
            return &m;
        }
    }
    return nullptr;
}

std::string mappingLine(const MapEntry& m) {
    return "code at " + hex(m.start) + "–" + hex(m.end) + " in this run";
}

std::string argKindText(const SyscallInfo& info, int i) {
    std::string out(argKindName(info.args[std::size_t(i)]));
    if (info.args[std::size_t(i)] == ArgKind::Flags) {
        out += " (" + std::string(flagSetName(info.flagSets[std::size_t(i)])) + ")";
    }
    return out;
}

const char* functionArgRegister(int i) {
    static constexpr const char* kRegs[] = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"};
    return i >= 0 && i < 6 ? kRegs[i] : "?";
}

struct Context {
    Arch arch = Arch::X86_64;
    int nr = -1;
    std::string name;
    const SyscallInfo* info = nullptr;
    const SyscallEvent* event = nullptr; // null for a road from the table
    std::vector<std::string> shownArgs;  // decoded, one per argument register (may be empty)
};

// Decoded argument text for each register index, from the formatter's line.
std::vector<std::string> decodedArgs(const SyscallInfo* info, const std::string& call) {
    std::vector<std::string> out;
    if (!info) {
        return out;
    }
    const auto pieces = splitCallArguments(call);
    int shown = 0;
    for (int i = 0; i < info->argCount; ++i) {
        shown += info->args[std::size_t(i)] != ArgKind::None;
    }
    // strace leaves out trailing arguments that do not apply (openat's mode without O_CREAT),
    // so fewer pieces map in order; more pieces mean a special rendering: raw values only.
    if (pieces.size() > std::size_t(shown)) {
        return out;
    }
    std::size_t k = 0;
    for (int i = 0; i < info->argCount; ++i) {
        if (info->args[std::size_t(i)] == ArgKind::None) {
            out.push_back("(not shown by strace)");
        } else {
            out.push_back(k < pieces.size() ? pieces[k++] : std::string());
        }
    }
    return out;
}

std::vector<RoadRegister> argumentRegisters(const Context& c, bool functionCall) {
    std::vector<RoadRegister> regs;
    const int count = c.info ? c.info->argCount : (c.event ? 6 : 0);
    for (int i = 0; i < count; ++i) {
        RoadRegister r;
        r.name = functionCall ? functionArgRegister(i) : syscallArgRegister(c.arch, i);
        if (c.event) {
            r.value = c.event->args[std::size_t(i)];
            if (std::size_t(i) < c.shownArgs.size()) {
                r.meaning = c.shownArgs[std::size_t(i)];
            }
        } else if (c.info) {
            r.meaning = argKindText(*c.info, i);
        }
        regs.push_back(std::move(r));
    }
    return regs;
}

RoadStep callSiteStep(const Context& c, const RoadInputs& in, const GlibcWrapper& w) {
    RoadStep s;
    s.kind = RoadStepKind::CallSite;
    s.title = "program";
    s.symbol = in.program.empty() ? std::string("the program") : baseName(in.program);
    std::string first(w.functions.substr(0, w.functions.find(',')));
    s.lines.push_back("calls " + (first.empty() ? std::string("syscall") : first) + "()" +
                      (c.event ? std::string() : std::string(" (or another wrapper)")));
    const MapEntry* exe = findTextMapping(in.maps, [&](const std::string& p) {
        return !in.program.empty() ? p == in.program : (!p.empty() && p[0] == '/' && !isLibc(p));
    });
    if (exe) {
        s.address = exe->start;
        s.lines.push_back(mappingLine(*exe));
    }
    return s;
}

RoadStep wrapperStep(const Context& c, const RoadInputs& in, const GlibcWrapper& w) {
    RoadStep s;
    s.kind = RoadStepKind::Wrapper;
    s.title = "glibc";
    if (w.functions.empty()) {
        s.symbol = w.known ? "no wrapper" : "wrapper not listed";
        s.lines.push_back(w.known ? "glibc has no function for it: syscall(2) or glibc internals"
                                  : "syscope's glibc table does not list " + c.name);
    } else {
        std::string first(w.functions.substr(0, w.functions.find(',')));
        s.symbol = first + "()";
        if (first.size() < w.functions.size()) {
            s.lines.push_back("wrappers: " + std::string(w.functions));
        }
    }
    if (!w.note.empty()) {
        s.lines.push_back(std::string(w.note));
    }
    if (const MapEntry* libc = findTextMapping(in.maps, isLibc)) {
        s.address = libc->start;
        s.lines.push_back(baseName(libc->path) + " code " + hex(libc->start) + "–" +
                          hex(libc->end));
    }
    if (!in.maps && (!c.event || !(c.event->flags & EventFlag::Vdso))) {
        // Without the address map there is room to say what the wrapper does.
        s.lines.push_back(c.arch == Arch::I386 ? "sets eax = number, ebx, ecx, ... = arguments"
                                               : "sets rax = number, rdi, rsi, ... = arguments");
    }
    return s;
}

RoadStep instructionStep(const Context& c) {
    RoadStep s;
    s.kind = RoadStepKind::Instruction;
    const bool i386 = c.arch == Arch::I386;
    s.title = "instruction";
    s.symbol = i386 ? "int $0x80" : "syscall";
    RoadRegister num;
    num.name = i386 ? "eax" : "rax";
    num.value = std::uint64_t(std::uint32_t(c.nr));
    num.meaning = c.name;
    s.registers.push_back(num);
    for (auto& r : argumentRegisters(c, false)) {
        s.registers.push_back(std::move(r));
    }
    s.lines.push_back(i386 ? "CPU enters ring 0 through interrupt vector 0x80"
                           : "CPU enters ring 0 at the address in MSR_LSTAR");
    return s;
}

KernelPlace withFallbackName(KernelPlace p, const char* name) {
    if (!p.found()) {
        p.symbol = name;
    }
    return p;
}

void addAddress(RoadStep& s, const KernelPlace& p) {
    if (p.found() && p.address != 0) {
        s.address = p.address;
    }
}

std::string errnoText(int e) {
    std::string out(errnoName(e));
    if (out.empty()) {
        out = "errno " + std::to_string(e);
    }
    const auto msg = errnoMessage(e);
    if (!msg.empty()) {
        out += " (" + std::string(msg) + ")";
    }
    return out;
}

void kernelSteps(SyscallRoad& road, const Context& c, const RoadInputs& in) {
    static const Kallsyms kEmpty;
    const Kallsyms& ks = in.kallsyms ? *in.kallsyms : kEmpty;
    const KernelEntryPath path = findEntryPath(ks, c.arch);
    const bool i386 = c.arch == Arch::I386;

    RoadStep entry;
    entry.kind = RoadStepKind::KernelEntry;
    entry.inKernel = true;
    entry.title = "kernel entry";
    const KernelPlace e =
        withFallbackName(path.entry, i386 ? "entry_INT80_compat" : "entry_SYSCALL_64");
    entry.symbol = e.symbol;
    addAddress(entry, e);
    entry.lines.push_back("kernel stack, user registers saved (pt_regs)");
    const KernelPlace ce =
        withFallbackName(path.cEntry, i386 ? "do_int80_syscall_32" : "do_syscall_64");
    entry.lines.push_back("calls " + ce.symbol +
                          (ce.address ? " at " + kernelAddressText(ce.address) : std::string()));
    road.steps.push_back(std::move(entry));

    RoadStep disp;
    disp.kind = RoadStepKind::Dispatcher;
    disp.inKernel = true;
    disp.title = "dispatcher";
    const std::string nrText = std::to_string(c.nr);
    const std::string table = i386 ? "ia32_sys_call_table" : "sys_call_table";
    const std::string switchName = i386 ? "ia32_sys_call" : "x64_sys_call";
    if (path.dispatcher.found()) {
        disp.symbol = path.switchDispatch ? path.dispatcher.symbol + "()"
                                          : path.dispatcher.symbol + "[" + nrText + "]";
        addAddress(disp, path.dispatcher);
        disp.lines.push_back(path.switchDispatch
                                 ? "a switch (Linux ≥ 6.9); before: " + table + "[" + nrText + "]"
                                 : "an array; Linux ≥ 6.9 uses a switch in " + switchName);
    } else {
        disp.symbol = switchName + "()";
        disp.lines.push_back("a switch (Linux ≥ 6.9); before: " + table + "[" + nrText + "]");
    }
    road.steps.push_back(std::move(disp));

    RoadStep handler;
    handler.kind = RoadStepKind::Handler;
    handler.inKernel = true;
    handler.title = "handler";
    const SyscallHandler h = findHandler(ks, c.arch, c.name);
    if (h.handler.found()) {
        handler.symbol = h.handler.symbol;
        addAddress(handler, h.handler);
        handler.lines.push_back("unpacks the arguments from pt_regs, does the work");
    } else if (h.notImplemented) {
        handler.symbol = h.niSyscall.found() ? h.niSyscall.symbol : "sys_ni_syscall";
        addAddress(handler, h.niSyscall);
        handler.lines.push_back("no handler in this kernel: the call fails with ENOSYS");
    } else {
        const auto names = handlerCandidates(c.arch, c.name);
        handler.symbol = names.empty() ? "sys_ni_syscall" : names.front();
        handler.lines.push_back("(the name this kernel would use; kallsyms not readable)");
    }
    road.steps.push_back(std::move(handler));

    road.textBase = path.textBase;
    road.kaslrNote = "Kernel addresses change at every boot (KASLR).";
    if (path.textBase) {
        road.kaslrNote += " This boot's kernel text starts at " + kernelAddressText(*path.textBase);
        if (*path.textBase == kX86_64DefaultTextBase) {
            road.kaslrNote += ", the link-time default: KASLR did not move the kernel this boot";
        }
        road.kaslrNote += ".";
    }
    if (!in.kallsyms) {
        road.addressNote =
            "Kernel addresses unavailable: " +
            (in.kallsymsError.empty() ? std::string("/proc/kallsyms not read") : in.kallsymsError);
    } else if (in.kallsyms->addressesHidden()) {
        road.addressNote = "Kernel addresses hidden: " + in.kallsyms->access().hiddenReason();
    }
}

void returnSteps(SyscallRoad& road, const Context& c, bool functionCall) {
    RoadStep ret;
    ret.kind = RoadStepKind::Return;
    ret.title = "return";
    ret.inKernel = !functionCall;
    const bool i386 = c.arch == Arch::I386;
    const char* reg = i386 ? "eax" : "rax";
    ret.symbol = functionCall ? "ret" : (i386 ? "iret" : "sysret");
    const SyscallEvent* e = c.event;
    if (!e) {
        ret.registers.push_back(RoadRegister{reg, std::nullopt, "the result, or -errno"});
        ret.lines.push_back(functionCall ? "straight back to the caller"
                                         : "back to user space, the result in " + std::string(reg));
        road.steps.push_back(std::move(ret));
        RoadStep err;
        err.kind = RoadStepKind::Errno;
        err.title = "glibc: result or errno";
        err.symbol = "-1 and errno";
        err.lines.push_back("rax in -4095..-1: errno = -rax, returns -1");
        err.lines.push_back("any other value: returned as the result");
        road.steps.push_back(std::move(err));
        return;
    }
    if (e->unfinished()) {
        ret.symbol = "no return";
        const SyscallInfo* info = c.info;
        if (info && info->hasBehaviour(SyscallBehaviour::Exit)) {
            ret.lines.push_back(c.name + " never returns: the task ended");
        } else if (info && info->hasBehaviour(SyscallBehaviour::Exec)) {
            ret.lines.push_back("the new program image starts instead of a return");
        } else {
            ret.lines.push_back("no exit was recorded (the task was killed or the trace ended)");
        }
        road.steps.push_back(std::move(ret));
        return;
    }
    RoadRegister r;
    r.name = reg;
    r.value = std::uint64_t(e->ret);
    if (e->ret < 0 && e->ret >= -4095) {
        const std::string_view name = errnoName(int(-e->ret));
        r.meaning = name.empty() ? std::string() : "-" + std::string(name);
    }
    ret.registers.push_back(r);
    ret.lines.push_back(functionCall ? "straight back to the caller, the result in rax"
                                     : "back to user space, the result in " + std::string(reg));
    road.steps.push_back(std::move(ret));

    const bool inErrnoRange = e->ret < 0 && e->ret >= -4095;
    RoadStep res;
    res.title = "glibc";
    if (!inErrnoRange) {
        res.kind = RoadStepKind::Result;
        res.symbol = "returns " + formatReturn(*e);
        res.lines.push_back("not in -4095..-1: returned unchanged");
        road.steps.push_back(std::move(res));
        return;
    }
    const int err = int(-e->ret);
    res.kind = RoadStepKind::Errno;
    if (isRestartErrno(err)) {
        res.symbol = std::string(errnoName(err));
        res.lines.push_back("kernel-internal: the program never sees it; the kernel restarts");
        res.lines.push_back("the call, or the wrapper gets -EINTR if a handler ran");
    } else {
        const std::string name(errnoName(err));
        res.symbol = "returns -1, errno = " + (name.empty() ? std::to_string(err) : name);
        res.lines.push_back(std::to_string(e->ret) + " is in -4095..-1: glibc stores " +
                            std::to_string(err) + " in errno");
        res.lines.push_back(errnoText(err));
    }
    road.steps.push_back(std::move(res));
}

void vdsoStep(SyscallRoad& road, const Context& c, const RoadInputs& in) {
    RoadStep s;
    s.kind = RoadStepKind::VdsoFunction;
    s.title = "vDSO";
    s.symbol = "__vdso_" + c.name;
    std::optional<std::uint64_t> base;
    if (in.auxv) {
        base = auxvValue(in.auxv->entries, kAtSysinfoEhdr);
    }
    if (!base && in.maps) {
        for (const MapEntry& m : in.maps->entries) {
            if (m.path == "[vdso]") {
                base = m.start;
                break;
            }
        }
    }
    const VdsoSymbol* sym = in.vdso ? in.vdso->findFunction(c.name) : nullptr;
    if (sym) {
        s.symbol = sym->name;
    }
    if (base) {
        s.lines.push_back("[vdso] at " + hex(*base) + " in this run (AT_SYSINFO_EHDR)");
    }
    if (sym && base) {
        s.address = *base + sym->offset;
        s.lines.push_back("+ " + hex(sym->offset) + ": " + sym->name + " in this kernel's vDSO");
    } else if (!sym) {
        s.lines.push_back("(symbol offset unknown: no vDSO image)");
    }
    s.lines.push_back("a plain call: no syscall instruction, no kernel entry");
    for (auto& r : argumentRegisters(c, true)) {
        s.registers.push_back(std::move(r));
    }
    road.steps.push_back(std::move(s));
}

} // namespace

const char* syscallArgRegister(Arch arch, int i) {
    static constexpr const char* k64[] = {"rdi", "rsi", "rdx", "r10", "r8", "r9"};
    static constexpr const char* k32[] = {"ebx", "ecx", "edx", "esi", "edi", "ebp"};
    if (i < 0 || i >= 6) {
        return "?";
    }
    return arch == Arch::I386 ? k32[i] : k64[i];
}

std::vector<std::string> splitCallArguments(std::string_view call) {
    std::vector<std::string> out;
    const auto open = call.find('(');
    if (open == std::string_view::npos) {
        return out;
    }
    int depth = 0;
    bool quoted = false;
    std::string cur;
    for (std::size_t i = open + 1; i < call.size(); ++i) {
        const char ch = call[i];
        if (quoted) {
            cur += ch;
            if (ch == '\\' && i + 1 < call.size()) {
                cur += call[++i];
            } else if (ch == '"') {
                quoted = false;
            }
            continue;
        }
        if (ch == '"') {
            quoted = true;
        } else if (ch == '(' || ch == '{' || ch == '[') {
            ++depth;
        } else if (ch == ')' || ch == '}' || ch == ']') {
            if (depth == 0 && ch == ')') {
                if (!cur.empty() || !out.empty()) {
                    out.push_back(cur);
                }
                return out;
            }
            --depth;
        } else if (ch == ',' && depth == 0) {
            out.push_back(cur);
            cur.clear();
            if (i + 1 < call.size() && call[i + 1] == ' ') {
                ++i;
            }
            continue;
        }
        cur += ch;
    }
    return {}; // no closing parenthesis
}

SyscallRoad buildSyscallRoad(const SyscallEvent& event, const RoadInputs& inputs) {
    SyscallRoad road;
    Context c;
    c.event = &event;
    c.arch = event.arch;
    road.fromEvent = true;
    road.arch = event.arch;
    road.vdso = (event.flags & EventFlag::Vdso) != 0;
    const StringLookup strings = inputs.strings
                                     ? inputs.strings
                                     : StringLookup([](int) { return std::optional<ArgString>(); });
    road.call = formatSyscall(event, strings);
    if (road.vdso) {
        c.name = std::string(vdsoFunctionName(static_cast<VdsoFunction>(event.nr)));
        if (c.name.empty()) {
            c.name = "vdso_function_" + std::to_string(event.nr);
        }
        const SyscallTable& t = SyscallTable::forArch(Arch::X86_64);
        if (auto nr = t.numberOf(c.name)) {
            c.info = t.lookup(*nr);
            c.nr = *nr;
        }
    } else {
        c.nr = event.arch == Arch::X32 ? (event.nr & ~kX32SyscallBit) : event.nr;
        c.info = SyscallTable::forArch(event.arch).lookup(c.nr);
        c.name = syscallName(event.arch, event.nr);
    }
    c.shownArgs = decodedArgs(c.info, formatCall(event, strings));
    road.nr = road.vdso ? event.nr : c.nr;
    road.name = c.name;

    const GlibcWrapper w = glibcWrapper(c.arch, c.name);
    road.steps.push_back(callSiteStep(c, inputs, w));
    road.steps.push_back(wrapperStep(c, inputs, w));
    if (road.vdso) {
        vdsoStep(road, c, inputs);
        returnSteps(road, c, true);
        road.kaslrNote = "The vDSO moves with ASLR at every run; this is its address in this run.";
        return road;
    }
    road.steps.push_back(instructionStep(c));
    kernelSteps(road, c, inputs);
    returnSteps(road, c, false);
    return road;
}

SyscallRoad buildSyscallRoad(Arch arch, int nr, const RoadInputs& inputs) {
    SyscallRoad road;
    Context c;
    c.arch = arch;
    c.nr = arch == Arch::X32 ? (nr & ~kX32SyscallBit) : nr;
    c.info = SyscallTable::forArch(arch).lookup(c.nr);
    c.name = syscallName(arch, nr);
    road.arch = arch;
    road.nr = c.nr;
    road.name = c.name;
    road.call = c.name + "(";
    if (c.info) {
        for (int i = 0; i < c.info->argCount; ++i) {
            road.call += (i ? ", " : "") + argKindText(*c.info, i);
        }
    }
    road.call += ")";
    const GlibcWrapper w = glibcWrapper(arch, c.name);
    road.steps.push_back(callSiteStep(c, inputs, w));
    road.steps.push_back(wrapperStep(c, inputs, w));
    road.steps.push_back(instructionStep(c));
    kernelSteps(road, c, inputs);
    returnSteps(road, c, false);
    return road;
}

} // namespace syscope
