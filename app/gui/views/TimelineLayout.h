// The rows of the timeline: for each process (in order of appearance) a header row, then one
// lane per thread. Rebuilt when the store gains tasks.
#pragma once

#include "trace/Event.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace syscope {
class TraceStore;
}

namespace syscope::gui {

struct TimelineRow {
    enum class Kind { Process, Thread };
    Kind kind = Kind::Thread;
    std::int32_t pid = 0;
    std::int32_t tid = 0; // Thread rows
    std::size_t task = 0; // Thread rows: TraceStore task index
    QString label;        // "1234 syscope-demo" / "1235 worker"
    QString tooltip;      // command line and lifetime
    int y = 0;            // top, relative to the first row
    int height = 0;
    TimeNs start = 0; // first and last thing seen of the task / process
    TimeNs end = 0;
    bool exited = false;
};

class TimelineLayout {
public:
    void rebuild(const TraceStore& store, int processRowHeight, int laneHeight);
    const std::vector<TimelineRow>& rows() const { return m_rows; }
    int totalHeight() const { return m_totalHeight; }
    std::size_t taskCount() const { return m_taskCount; }
    std::size_t laneCount() const { return m_lanes; }
    // The row containing y (relative to the first row), or -1.
    int rowAt(int y) const;
    // The lane of a store task.
    std::optional<std::size_t> rowOfTask(std::size_t task) const;
    // Rows of one pid (its header first).
    std::vector<std::size_t> rowsOfProcess(std::int32_t pid) const;

private:
    std::vector<TimelineRow> m_rows;
    std::vector<int> m_taskRow; // task index -> row, -1 for none
    int m_totalHeight = 0;
    std::size_t m_taskCount = 0;
    std::size_t m_lanes = 0;
};

} // namespace syscope::gui
