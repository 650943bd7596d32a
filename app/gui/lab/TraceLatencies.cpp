#include "lab/TraceLatencies.h"

#include "syscalls/EventFormatter.h"
#include "syscalls/SyscallTable.h"
#include "trace/TraceStore.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace syscope::gui::lab {

std::vector<CallLatencies> collectLatencies(const TraceStore& store,
                                            const std::vector<std::uint32_t>& events) {
    std::map<std::tuple<bool, int, std::int32_t>, CallLatencies> groups;
    const std::size_t count = store.eventCount();
    for (const std::uint32_t i : events) {
        if (i >= count) {
            continue; // an index from a store that has since been cleared
        }
        const std::uint8_t flags = store.flags(i);
        const bool vdso = (flags & EventFlag::Vdso) != 0;
        const Arch arch = store.arch(i);
        const std::int32_t nr = store.nr(i);
        auto& g = groups[{vdso, int(arch), nr}];
        if (g.name.empty()) {
            g.vdso = vdso;
            g.arch = arch;
            g.nr = nr;
            if (vdso) {
                const auto n = vdsoFunctionName(static_cast<VdsoFunction>(nr));
                g.name = "vdso " + (n.empty() ? std::to_string(nr) : std::string(n));
            } else {
                g.name = syscallName(arch, nr);
                if (arch != Arch::X86_64) {
                    g.name = std::string(archName(arch)) + " " + g.name;
                }
            }
        }
        if (flags & EventFlag::Unfinished) {
            ++g.unfinished;
        } else {
            g.durations.push_back(store.duration(i));
        }
    }
    std::vector<CallLatencies> out;
    out.reserve(groups.size());
    for (auto& [key, g] : groups) {
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const CallLatencies& a, const CallLatencies& b) {
        if (a.durations.size() != b.durations.size()) {
            return a.durations.size() > b.durations.size();
        }
        return a.name < b.name;
    });
    return out;
}

} // namespace syscope::gui::lab
