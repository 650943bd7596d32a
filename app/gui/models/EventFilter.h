// Which events the table, the statistics and (part 2) the histograms show: the filter bar's
// conditions. A plain value; SelectionState holds the current one.
#pragma once

#include "syscalls/SyscallFilter.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <string>

namespace syscope {
class TraceStore;
}

namespace syscope::gui {

class EventFilter {
public:
    // strace-like set: "openat,close", "%file", "!%memory"; empty text clears the condition.
    // false (and *error) for text SyscallFilter cannot parse; the filter is then unchanged.
    bool setSyscalls(const QString& text, QString* error);
    const QString& syscallsText() const { return m_syscallsText; }

    void setFailedOnly(bool on) { m_failedOnly = on; }
    bool failedOnly() const { return m_failedOnly; }

    // A pid or tid: events of that process or of that thread. 0: any.
    void setPidOrTid(std::int32_t id) { m_pidOrTid = id; }
    std::int32_t pidOrTid() const { return m_pidOrTid; }

    // A substring of one of the strings captured for the event's arguments (paths, argv[0]).
    void setText(const QString& text);
    const QString& text() const { return m_text; }

    // Finished calls at least this long (unfinished calls have no duration and never match).
    void setMinDuration(std::int64_t ns) { m_minDuration = ns < 0 ? 0 : ns; }
    std::int64_t minDuration() const { return m_minDuration; }

    bool isEmpty() const;
    bool matches(const TraceStore& store, std::size_t event) const;

    // "%file, failed, pid/tid 1234, "etc", ≥ 1 ms" for banners and tooltips; empty when isEmpty().
    QString describe() const;

    // "1ms", "1.5 ms", "250us", "250µs", "2s", "800ns"; a plain number is milliseconds.
    // nullopt for anything else (and for negative values).
    static std::optional<std::int64_t> parseDuration(const QString& text);

    friend bool operator==(const EventFilter& a, const EventFilter& b) {
        return a.m_syscallsText == b.m_syscallsText && a.m_failedOnly == b.m_failedOnly &&
               a.m_pidOrTid == b.m_pidOrTid && a.m_text == b.m_text &&
               a.m_minDuration == b.m_minDuration;
    }

private:
    QString m_syscallsText;
    std::optional<SyscallFilter> m_syscalls;
    bool m_failedOnly = false;
    std::int32_t m_pidOrTid = 0;
    QString m_text;
    std::string m_textBytes; // m_text in UTF-8, compared with the raw captured bytes
    std::int64_t m_minDuration = 0;
};

} // namespace syscope::gui
