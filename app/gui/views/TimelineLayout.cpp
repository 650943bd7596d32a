#include "views/TimelineLayout.h"

#include "trace/TraceStore.h"
#include "views/TimeAxis.h"

#include <QStringList>
#include <algorithm>
#include <map>

namespace syscope::gui {

void TimelineLayout::rebuild(const TraceStore& store, int processRowHeight, int laneHeight) {
    m_rows.clear();
    m_taskCount = store.taskCount();
    m_taskRow.assign(m_taskCount, -1);
    m_lanes = 0;

    // Processes in order of their first task's appearance; within one, the leader first.
    std::vector<std::int32_t> pidOrder;
    std::map<std::int32_t, std::vector<std::size_t>> tasksOf;
    for (std::size_t t = 0; t < m_taskCount; ++t) {
        const std::int32_t pid = store.task(t).pid;
        auto [it, inserted] = tasksOf.try_emplace(pid);
        if (inserted) {
            pidOrder.push_back(pid);
        }
        it->second.push_back(t);
    }
    int y = 0;
    for (const std::int32_t pid : pidOrder) {
        auto& tasks = tasksOf[pid];
        std::stable_sort(tasks.begin(), tasks.end(), [&](std::size_t a, std::size_t b) {
            return (store.task(a).tid == pid) > (store.task(b).tid == pid);
        });
        const TaskInfo& leader = store.task(tasks.front());
        TimelineRow header;
        header.kind = TimelineRow::Kind::Process;
        header.pid = pid;
        header.start = leader.startTime;
        header.end = leader.endTime;
        header.exited = true;
        for (std::size_t t : tasks) {
            header.start = std::min(header.start, store.task(t).startTime);
            header.end = std::max(header.end, store.task(t).endTime);
            header.exited = header.exited && store.task(t).exited;
        }
        QString comm = QString::fromStdString(leader.comm);
        header.label = QStringLiteral("%1 %2").arg(pid).arg(comm);
        QStringList argv;
        for (const auto& a : leader.argv) {
            argv << QString::fromStdString(a);
        }
        header.tooltip = QStringLiteral("process %1 (%2)\n%3\n%4 thread(s), %5")
                             .arg(pid)
                             .arg(comm, argv.join(u' '))
                             .arg(tasks.size())
                             .arg(header.exited ? QStringLiteral("exited")
                                                : QStringLiteral("running at the end"));
        header.y = y;
        header.height = processRowHeight;
        y += processRowHeight;
        m_rows.push_back(std::move(header));
        for (std::size_t t : tasks) {
            const TaskInfo& info = store.task(t);
            TimelineRow lane;
            lane.kind = TimelineRow::Kind::Thread;
            lane.pid = pid;
            lane.tid = info.tid;
            lane.task = t;
            lane.label =
                QStringLiteral("%1 %2").arg(info.tid).arg(QString::fromStdString(info.comm));
            lane.tooltip = QStringLiteral("thread %1 of process %2 (%3)\n%4 syscalls, %5")
                               .arg(info.tid)
                               .arg(pid)
                               .arg(QString::fromStdString(info.comm))
                               .arg(info.eventCount)
                               .arg(TimeAxis::formatDuration(info.endTime - info.startTime));
            lane.start = info.startTime;
            lane.end = info.endTime;
            lane.exited = info.exited;
            lane.y = y;
            lane.height = laneHeight;
            y += laneHeight;
            m_taskRow[t] = int(m_rows.size());
            m_rows.push_back(std::move(lane));
            ++m_lanes;
        }
    }
    m_totalHeight = y;
}

int TimelineLayout::rowAt(int y) const {
    if (y < 0 || y >= m_totalHeight) {
        return -1;
    }
    auto it = std::upper_bound(m_rows.begin(), m_rows.end(), y,
                               [](int value, const TimelineRow& r) { return value < r.y; });
    return int(it - m_rows.begin()) - 1;
}

std::optional<std::size_t> TimelineLayout::rowOfTask(std::size_t task) const {
    if (task >= m_taskRow.size() || m_taskRow[task] < 0) {
        return std::nullopt;
    }
    return std::size_t(m_taskRow[task]);
}

std::vector<std::size_t> TimelineLayout::rowsOfProcess(std::int32_t pid) const {
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].pid == pid) {
            out.push_back(r);
        }
    }
    return out;
}

} // namespace syscope::gui
