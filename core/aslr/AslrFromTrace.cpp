#include "aslr/AslrFromTrace.h"

#include "trace/TraceStore.h"

#include <sys/mman.h>
#include <sys/syscall.h>

namespace syscope {

std::optional<AslrBases> aslrBasesFromTrace(const TraceStore& store, std::string* error) {
    const auto fail = [error](std::string message) -> std::optional<AslrBases> {
        if (error) {
            *error = std::move(message);
        }
        return std::nullopt;
    };

    // The program: the first started process, else whoever has the first snapshot.
    std::optional<std::int32_t> pid;
    for (const auto& p : store.processEvents()) {
        if (p.kind == ProcessEventKind::Start) {
            pid = p.pid;
            break;
        }
    }
    if (!pid && !store.auxv().empty()) {
        pid = store.auxv().front().pid;
    }
    if (!pid && !store.mapsSnapshots().empty()) {
        pid = store.mapsSnapshots().front().pid;
    }
    if (!pid) {
        return fail("the trace holds no process with an address map");
    }

    // Its last exec image: the latest auxv snapshot.
    const AuxvSnapshot* auxv = nullptr;
    for (const auto& a : store.auxv()) {
        if (a.pid == *pid && (!auxv || a.time >= auxv->time)) {
            auxv = &a;
        }
    }
    const TimeNs since = auxv ? auxv->time : TimeNs(INT64_MIN);
    static const std::vector<AuxvEntry> noAuxv;
    const std::vector<AuxvEntry>& auxvEntries = auxv ? auxv->entries : noAuxv;

    AslrBases bases;
    bool anyMaps = false;
    // Snapshots are appended in time order per process; take each region's first sighting.
    for (const auto& snap : store.mapsSnapshots()) {
        if (snap.pid != *pid || snap.time < since) {
            continue;
        }
        anyMaps = true;
        const AslrBases seen = classifyRegions(snap.entries, auxvEntries);
        for (std::size_t i = 0; i < bases.base.size(); ++i) {
            if (!bases.base[i]) {
                bases.base[i] = seen.base[i];
            }
        }
    }
    if (!anyMaps) {
        return fail("no address map of process " + std::to_string(*pid) +
                    " in the trace (recorded with --no-maps?)");
    }

    // brk and mmap results of the main thread after the exec.
    std::optional<std::uint64_t> brkStart;
    std::optional<std::uint64_t> firstAnon;
    if (const auto task = store.findTask(*pid, *pid)) {
        for (const std::uint32_t i : store.taskEvents(*task)) {
            if (brkStart && firstAnon) {
                break;
            }
            const SyscallEvent e = store.event(i);
            if (e.enter < since || e.arch != Arch::X86_64 || e.unfinished() || e.failed() ||
                (e.flags & EventFlag::Vdso)) {
                continue;
            }
            if (e.nr == SYS_brk && !brkStart && e.ret > 0) {
                brkStart = static_cast<std::uint64_t>(e.ret);
            } else if (e.nr == SYS_mmap && !firstAnon && (e.args[3] & MAP_ANONYMOUS) &&
                       !(e.args[3] & (MAP_FIXED | MAP_FIXED_NOREPLACE))) {
                firstAnon = static_cast<std::uint64_t>(e.ret);
            }
        }
    }
    if (!bases[AslrRegion::Heap] && brkStart) {
        bases[AslrRegion::Heap] = brkStart;
    }
    bases[AslrRegion::AnonMmap] = firstAnon;
    return bases;
}

} // namespace syscope
