#include "models/EventFilter.h"

#include "trace/TraceStore.h"
#include "views/TimeAxis.h"

#include <QStringList>

namespace syscope::gui {

bool EventFilter::setSyscalls(const QString& text, QString* error) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        m_syscallsText.clear();
        m_syscalls.reset();
        return true;
    }
    std::string problem;
    auto parsed = SyscallFilter::parse(trimmed.toStdString(), &problem);
    if (!parsed) {
        if (error) {
            *error = QString::fromStdString(problem);
        }
        return false;
    }
    m_syscallsText = trimmed;
    m_syscalls = std::move(*parsed);
    return true;
}

void EventFilter::setText(const QString& text) {
    m_text = text;
    m_textBytes = text.toStdString();
}

bool EventFilter::isEmpty() const {
    return !m_syscalls && !m_failedOnly && m_pidOrTid == 0 && m_textBytes.empty() &&
           m_minDuration == 0;
}

bool EventFilter::matches(const TraceStore& store, std::size_t event) const {
    const std::uint8_t flags = store.flags(event);
    if (m_syscalls) {
        // vDSO events carry a VdsoFunction, not a syscall number: a syscall set excludes them.
        if ((flags & EventFlag::Vdso) || !m_syscalls->matches(store.arch(event), store.nr(event))) {
            return false;
        }
    }
    const bool unfinished = flags & EventFlag::Unfinished;
    if (m_failedOnly) {
        const std::int64_t ret = store.ret(event);
        if (unfinished || ret >= 0 || ret < -4095) {
            return false;
        }
    }
    if (m_minDuration > 0 && (unfinished || store.duration(event) < m_minDuration)) {
        return false;
    }
    if (m_pidOrTid != 0) {
        const TaskInfo& task = store.task(store.taskIndex(event));
        if (task.pid != m_pidOrTid && task.tid != m_pidOrTid) {
            return false;
        }
    }
    if (!m_textBytes.empty()) {
        bool found = false;
        for (int arg = 0; arg < 6 && !found; ++arg) {
            if (auto s = store.string(event, arg)) {
                found = s->bytes.find(m_textBytes) != std::string_view::npos;
            }
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

std::optional<std::int64_t> EventFilter::parseDuration(const QString& text) {
    QString t = text.trimmed().toLower();
    if (t.isEmpty()) {
        return std::nullopt;
    }
    double scale = 1e6;
    const struct {
        const char16_t* suffix;
        double ns;
    } units[] = {{u"ns", 1}, {u"us", 1e3}, {u"µs", 1e3}, {u"ms", 1e6}, {u"s", 1e9}};
    for (const auto& u : units) {
        const QString suffix = QString::fromUtf16(u.suffix);
        if (t.endsWith(suffix)) {
            t.chop(suffix.size());
            scale = u.ns;
            break;
        }
    }
    bool ok = false;
    const double v = t.trimmed().toDouble(&ok);
    if (!ok || v < 0 || !(v * scale < 9.2e18)) {
        return std::nullopt;
    }
    return std::int64_t(v * scale + 0.5);
}

QString EventFilter::describe() const {
    QStringList parts;
    if (m_syscalls) {
        parts << m_syscallsText;
    }
    if (m_failedOnly) {
        parts << QStringLiteral("failed only");
    }
    if (m_pidOrTid) {
        parts << QStringLiteral("pid/tid %1").arg(m_pidOrTid);
    }
    if (!m_text.isEmpty()) {
        parts << QStringLiteral("“%1”").arg(m_text);
    }
    if (m_minDuration) {
        parts << QStringLiteral("≥ ") + TimeAxis::formatDuration(m_minDuration);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace syscope::gui
