#include "trace/Statistics.h"
#include "trace/TimeMath.h"

#include "syscalls/Errno.h"
#include "syscalls/SyscallTable.h"
#include "trace/TraceStore.h"
#include "util/JsonWriter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace syscope {

TimeNs percentileNearestRank(const std::vector<TimeNs>& sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

namespace {

struct Accumulator {
    SyscallStats stats;
    std::vector<TimeNs> durations;
};

// The names of the VdsoFunction values (kept here so statistics need no formatter).
std::string vdsoName(std::int32_t nr) {
    static const char* const names[] = {"clock_gettime", "gettimeofday", "time",
                                        "getcpu",        "clock_getres", "getrandom"};
    if (nr >= 0 && nr < static_cast<std::int32_t>(std::size(names))) {
        return names[nr];
    }
    return "vdso_" + std::to_string(nr);
}

std::string errnoKey(int e) {
    const auto name = errnoName(e);
    return name.empty() ? "E" + std::to_string(e) : std::string(name);
}

template <typename ForEach>
TraceStatistics compute(const TraceStore& store, ForEach forEach) {
    TraceStatistics result;
    std::map<std::pair<std::uint8_t, std::int32_t>, Accumulator> syscalls;
    std::map<std::int32_t, Accumulator> vdso;
    std::unordered_map<int, std::uint64_t> errnos;
    std::unordered_set<std::uint32_t> tasks;
    std::unordered_set<std::int32_t> pids;
    bool any = false;
    TimeNs first = 0;
    TimeNs last = 0;
    forEach([&](std::size_t i) {
        const std::uint8_t flags = store.flags(i);
        const bool unfinished = flags & EventFlag::Unfinished;
        const TimeNs enter = store.enterTime(i);
        const TimeNs d = unfinished ? 0 : store.duration(i);
        if (!any) {
            first = enter;
            last = wrapAdd(enter, d);
            any = true;
        }
        first = std::min(first, enter);
        last = std::max(last, wrapAdd(enter, d));
        const std::uint32_t task = store.taskIndex(i);
        if (tasks.insert(task).second) {
            pids.insert(store.task(task).pid);
        }
        const bool isVdso = flags & EventFlag::Vdso;
        Accumulator& acc = isVdso
                               ? vdso[store.nr(i)]
                               : syscalls[{static_cast<std::uint8_t>(store.arch(i)), store.nr(i)}];
        if (!isVdso) {
            ++result.events;
        }
        ++acc.stats.calls;
        if (unfinished) {
            ++acc.stats.unfinished;
            return;
        }
        acc.durations.push_back(d);
        const std::int64_t ret = store.ret(i);
        if (ret < 0 && ret >= -4095 && !isVdso) {
            ++acc.stats.errors;
            ++errnos[static_cast<int>(-ret)];
        }
    });
    auto finish = [](Accumulator& acc) {
        auto& s = acc.stats;
        auto& d = acc.durations;
        if (d.empty()) {
            return;
        }
        std::sort(d.begin(), d.end());
        for (TimeNs v : d) {
            s.totalNs = wrapAdd(s.totalNs, v);
        }
        s.minNs = d.front();
        s.maxNs = d.back();
        s.p50Ns = percentileNearestRank(d, 50);
        s.p99Ns = percentileNearestRank(d, 99);
    };
    for (auto& [key, acc] : syscalls) {
        finish(acc);
        acc.stats.arch = static_cast<Arch>(key.first);
        acc.stats.nr = key.second;
        acc.stats.name = syscallName(acc.stats.arch, key.second);
        result.syscalls.push_back(std::move(acc.stats));
    }
    for (auto& [nr, acc] : vdso) {
        finish(acc);
        acc.stats.nr = nr;
        acc.stats.name = vdsoName(nr);
        result.vdsoCalls.push_back(std::move(acc.stats));
    }
    for (const auto& [e, n] : errnos) {
        result.errorsByErrno[errnoKey(e)] += n;
    }
    result.tasks = tasks.size();
    result.processes = pids.size();
    result.durationNs = any ? wrapSub(last, first) : 0;
    return result;
}

} // namespace

TraceStatistics computeStatistics(const TraceStore& store) {
    TraceStatistics s = computeStatistics(store, 0, store.eventCount());
    // The whole trace also knows tasks that made no syscall and its full time span.
    s.tasks = store.taskCount();
    s.processes = store.processCount();
    s.durationNs = wrapSub(store.endTime(), store.startTime());
    return s;
}

TraceStatistics computeStatistics(const TraceStore& store, std::size_t first, std::size_t last) {
    last = std::min(last, store.eventCount());
    return compute(store, [&](auto&& fn) {
        for (std::size_t i = first; i < last; ++i) {
            fn(i);
        }
    });
}

TraceStatistics computeStatistics(const TraceStore& store,
                                  const std::vector<std::uint32_t>& events) {
    return compute(store, [&](auto&& fn) {
        for (std::uint32_t i : events) {
            if (i < store.eventCount()) {
                fn(i);
            }
        }
    });
}

namespace {
void writeEntry(JsonWriter& j, const SyscallStats& s, bool withArch) {
    j.beginObject();
    j.field("name", s.name);
    j.field("nr", s.nr);
    if (withArch) {
        j.field("arch", archName(s.arch));
    }
    j.field("calls", s.calls);
    if (withArch) {
        j.field("errors", s.errors);
    }
    j.field("unfinished", s.unfinished);
    j.field("total_ns", s.totalNs);
    j.field("min_ns", s.minNs);
    j.field("p50_ns", s.p50Ns);
    j.field("p99_ns", s.p99Ns);
    j.field("max_ns", s.maxNs);
    j.endObject();
}
} // namespace

void writeStatisticsJson(const TraceStatistics& stats, std::ostream& out, bool pretty) {
    JsonWriter j(out, pretty);
    j.beginObject();
    j.field("events", stats.events);
    j.field("processes", stats.processes);
    j.field("tasks", stats.tasks);
    j.field("duration_ns", stats.durationNs);
    j.key("syscalls").beginArray();
    for (const auto& s : stats.syscalls) {
        writeEntry(j, s, true);
    }
    j.endArray();
    j.key("errors_by_errno").beginObject();
    for (const auto& [name, n] : stats.errorsByErrno) {
        j.field(name, n);
    }
    j.endObject();
    j.key("vdso_calls").beginArray();
    for (const auto& s : stats.vdsoCalls) {
        writeEntry(j, s, false);
    }
    j.endArray();
    j.endObject();
}

namespace {
std::string usecs(TimeNs ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(ns / 1000));
    return buf;
}
} // namespace

void writeStatisticsTable(const TraceStatistics& stats, std::ostream& out) {
    std::vector<const SyscallStats*> rows;
    TimeNs total = 0;
    std::uint64_t calls = 0;
    std::uint64_t errors = 0;
    std::uint64_t unfinished = 0;
    for (const auto& s : stats.syscalls) {
        rows.push_back(&s);
        total = wrapAdd(total, s.totalNs);
        calls += s.calls;
        errors += s.errors;
        unfinished += s.unfinished;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const SyscallStats* a, const SyscallStats* b) {
        return a->totalNs > b->totalNs;
    });
    char line[256];
    std::snprintf(line, sizeof line, "%6s %11s %11s %9s %9s %9s %9s %9s %9s %9s %s\n", "% time",
                  "seconds", "usecs/call", "calls", "errors", "unfinished", "min", "p50", "p99",
                  "max", "syscall");
    out << line;
    const char* rule = "------ ----------- ----------- --------- --------- --------- --------- "
                       "--------- --------- --------- ----------------\n";
    out << rule;
    for (const SyscallStats* s : rows) {
        const double pct =
            total > 0 ? 100.0 * static_cast<double>(s->totalNs) / static_cast<double>(total) : 0.0;
        const std::uint64_t finished = s->calls - s->unfinished;
        const TimeNs perCall = finished ? s->totalNs / static_cast<TimeNs>(finished) : 0;
        std::string name = s->name;
        if (s->arch != Arch::X86_64) {
            name += std::string(" [") + archName(s->arch) + "]";
        }
        std::snprintf(line, sizeof line, "%6.2f %11.6f %11s %9llu %9s %9s %9s %9s %9s %9s %s\n",
                      pct, static_cast<double>(s->totalNs) / 1e9, usecs(perCall).c_str(),
                      static_cast<unsigned long long>(s->calls),
                      s->errors ? std::to_string(s->errors).c_str() : "",
                      s->unfinished ? std::to_string(s->unfinished).c_str() : "",
                      usecs(s->minNs).c_str(), usecs(s->p50Ns).c_str(), usecs(s->p99Ns).c_str(),
                      usecs(s->maxNs).c_str(), name.c_str());
        out << line;
    }
    out << rule;
    const std::uint64_t finished = calls - unfinished;
    std::snprintf(line, sizeof line, "%6.2f %11.6f %11s %9llu %9s %9s %9s %9s %9s %9s %s\n",
                  total > 0 ? 100.0 : 0.0, static_cast<double>(total) / 1e9,
                  usecs(finished ? total / static_cast<TimeNs>(finished) : 0).c_str(),
                  static_cast<unsigned long long>(calls),
                  errors ? std::to_string(errors).c_str() : "",
                  unfinished ? std::to_string(unfinished).c_str() : "", "", "", "", "", "total");
    out << line;
    if (!stats.vdsoCalls.empty()) {
        out << "\nvDSO calls (not syscalls; seen through breakpoints):\n";
        for (const auto& s : stats.vdsoCalls) {
            std::snprintf(line, sizeof line, "%9llu calls %11.6f s  p50 %s us  %s\n",
                          static_cast<unsigned long long>(s.calls),
                          static_cast<double>(s.totalNs) / 1e9, usecs(s.p50Ns).c_str(),
                          s.name.c_str());
            out << line;
        }
    }
}

} // namespace syscope
