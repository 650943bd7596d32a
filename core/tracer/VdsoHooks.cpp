#include "tracer/VdsoHooks.h"

#include "syscalls/EventFormatter.h"
#include "tracer/TraceeMemory.h"
#include "vdso/VdsoImage.h"

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

namespace syscope {

namespace {

constexpr std::uint64_t kTrampolineOffset = 9; // EI_PAD: e_ident[9..15] are unused
constexpr std::uint8_t kInt3 = 0xcc;
constexpr VdsoFunction kWatched[] = {VdsoFunction::ClockGettime, VdsoFunction::Gettimeofday,
                                     VdsoFunction::Time, VdsoFunction::Getcpu};

std::size_t debugRegOffset(int i) {
    return offsetof(struct user, u_debugreg) + std::size_t(i) * sizeof(unsigned long);
}

bool pokeByte(pid_t tid, std::uint64_t address, std::uint8_t value, std::uint8_t* old) {
    // PTRACE_POKEDATA writes through the mapping's protection (copy-on-write for the vDSO).
    const std::uint64_t aligned = address & ~std::uint64_t(7);
    errno = 0;
    const long word = ptrace(PTRACE_PEEKDATA, tid, aligned, nullptr);
    if (errno != 0) {
        return false;
    }
    unsigned char bytes[8];
    std::memcpy(bytes, &word, 8);
    if (old) {
        *old = bytes[address - aligned];
    }
    bytes[address - aligned] = value;
    long updated = 0;
    std::memcpy(&updated, bytes, 8);
    return ptrace(PTRACE_POKEDATA, tid, aligned, updated) == 0;
}

bool writeWord(pid_t tid, std::uint64_t address, std::uint64_t value) {
    iovec local{&value, sizeof value};
    iovec remote{reinterpret_cast<void*>(address), sizeof value};
    if (process_vm_writev(tid, &local, 1, &remote, 1, 0) == sizeof value) {
        return true;
    }
    return ptrace(PTRACE_POKEDATA, tid, address, value) == 0;
}

} // namespace

bool VdsoHooks::setupProcess(pid_t pid, pid_t stoppedTid, std::string* error) {
    auto image = VdsoImage::fromProcess(pid, error);
    if (!image) {
        return false;
    }
    ProcessHooks hooks;
    for (const VdsoFunction f : kWatched) {
        const VdsoSymbol* sym = image->findFunction(vdsoFunctionName(f));
        if (sym && sym->address != 0) {
            hooks.watches.push_back({sym->address, f});
        }
    }
    if (hooks.watches.empty()) {
        *error = "the vDSO exports none of the watched functions";
        return false;
    }
    hooks.trampoline = image->base() + kTrampolineOffset;
    if (!pokeByte(stoppedTid, hooks.trampoline, kInt3, &hooks.savedByte)) {
        *error = std::string("cannot write the vDSO trampoline: ") + std::strerror(errno);
        return false;
    }
    hooks.installed = true;
    m_processes[pid] = std::move(hooks);
    return true;
}

void VdsoHooks::inheritProcess(pid_t child, pid_t parent) {
    const auto it = m_processes.find(parent);
    if (it != m_processes.end()) {
        m_processes[child] = it->second;
    }
}

void VdsoHooks::forgetProcess(pid_t pid) {
    m_processes.erase(pid);
}

bool VdsoHooks::armTask(pid_t pid, pid_t tid) {
    const auto it = m_processes.find(pid);
    if (it == m_processes.end()) {
        return false;
    }
    unsigned long dr7 = 0;
    const auto& watches = it->second.watches;
    for (std::size_t i = 0; i < watches.size() && i < 4; ++i) {
        if (ptrace(PTRACE_POKEUSER, tid, debugRegOffset(int(i)), watches[i].address) != 0) {
            return false;
        }
        dr7 |= 1UL << (2 * i); // local enable; R/W = 00 (execute), LEN = 00
    }
    return ptrace(PTRACE_POKEUSER, tid, debugRegOffset(7), dr7) == 0;
}

bool VdsoHooks::handleTrap(pid_t pid, pid_t tid, TimeNs now, SyscallEvent* completed,
                           bool* isCompleted) {
    *isCompleted = false;
    const auto it = m_processes.find(pid);
    if (it == m_processes.end()) {
        return false;
    }
    const ProcessHooks& hooks = it->second;
    user_regs_struct regs{};
    if (ptrace(PTRACE_GETREGS, tid, nullptr, &regs) != 0) {
        return false;
    }
    // Return: the int3 of the trampoline leaves rip just past it.
    if (regs.rip == hooks.trampoline + 1) {
        auto& open = m_open[tid];
        if (open.empty()) {
            return false; // not ours: someone jumped into the header
        }
        OpenCall call = open.back();
        open.pop_back();
        regs.rip = call.returnAddress;
        ptrace(PTRACE_SETREGS, tid, nullptr, &regs);
        call.event.exit = now;
        call.event.ret = std::int64_t(regs.rax);
        *completed = call.event;
        *isCompleted = true;
        return true;
    }
    // Entry: a debug-register hit stops before the function's first instruction.
    for (const Watch& w : hooks.watches) {
        if (regs.rip != w.address) {
            continue;
        }
        OpenCall call;
        call.slot = regs.rsp;
        if (readTraceeMemory(tid, regs.rsp, &call.returnAddress, 8) != 8 ||
            !writeWord(tid, regs.rsp, hooks.trampoline)) {
            return true; // ours, but unwatchable: let the call run untouched
        }
        SyscallEvent& e = call.event;
        e.enter = now;
        e.pid = pid;
        e.tid = tid;
        e.nr = std::int32_t(w.function);
        e.arch = Arch::X86_64;
        e.flags = EventFlag::Vdso;
        e.args = {regs.rdi, regs.rsi, regs.rdx, regs.r10, regs.r8, regs.r9};
        m_open[tid].push_back(call);
        return true;
    }
    return false;
}

void VdsoHooks::releaseTask(pid_t pid, pid_t tid, bool lastOfProcess) {
    ptrace(PTRACE_POKEUSER, tid, debugRegOffset(7), 0UL);
    const auto open = m_open.find(tid);
    if (open != m_open.end()) {
        for (const OpenCall& call : open->second) {
            writeWord(tid, call.slot, call.returnAddress);
        }
        m_open.erase(open);
    }
    const auto it = m_processes.find(pid);
    if (lastOfProcess && it != m_processes.end() && it->second.installed) {
        pokeByte(tid, it->second.trampoline, it->second.savedByte, nullptr);
        m_processes.erase(it);
    }
}

std::vector<SyscallEvent> VdsoHooks::forgetTask(pid_t tid) {
    std::vector<SyscallEvent> unfinished;
    const auto open = m_open.find(tid);
    if (open != m_open.end()) {
        for (OpenCall& call : open->second) {
            call.event.flags |= EventFlag::Unfinished;
            unfinished.push_back(call.event);
        }
        m_open.erase(open);
    }
    return unfinished;
}

} // namespace syscope
