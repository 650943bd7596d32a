#include "views/EventDetailPane.h"

#include "SelectionState.h"
#include "TraceSession.h"
#include "models/EventText.h"
#include "syscalls/EventFormatter.h"
#include "syscalls/SyscallTable.h"
#include "views/SyscallColors.h"
#include "views/TimeAxis.h"

#include <algorithm>
#include <limits>

namespace syscope::gui {

EventDetailPane::EventDetailPane(TraceSession* session, SelectionState* selection, QWidget* parent)
    : QTextBrowser(parent)
    , m_session(session) {
    setOpenLinks(false);
    setPlaceholderText(tr("Select a syscall in the timeline or the table to see its details."));
    connect(selection, &SelectionState::selectedEventChanged, this,
            &EventDetailPane::describeEvent);
    connect(session, &TraceSession::cleared, this, &QTextBrowser::clear);
}

void EventDetailPane::describeEvent(qint64 event) {
    const TraceStore& store = m_session->store();
    if (event < 0 || std::size_t(event) >= store.eventCount()) {
        clear();
        return;
    }
    setHtml(describe(store, std::size_t(event)));
}

QString EventDetailPane::describe(const TraceStore& store, std::size_t index) {
    const SyscallEvent e = store.event(index);
    const TaskInfo& task = store.task(store.taskIndex(index));
    const auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QString html;
    html += QStringLiteral("<p><code style='font-size:large'>%1</code></p>")
                .arg(esc(eventLine(store, index)));
    html += QStringLiteral("<table cellspacing='2'>");
    const auto row = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v);
    };
    const SyscallCategory category = categoryOf(e.arch, e.nr, e.flags);
    row(tr("Syscall"), QStringLiteral("%1 — nr %2, %3, %4")
                           .arg(esc(QString::fromStdString(eventName(e))))
                           .arg(e.nr)
                           .arg(QString::fromLatin1(archName(e.arch)), categoryName(category)));
    row(tr("Entered"), relativeTime(store, e.enter) + QStringLiteral(" s"));
    row(tr("Duration"), e.unfinished() ? tr("unfinished (no return was seen)")
                                       : TimeAxis::formatDuration(e.duration()) +
                                             QStringLiteral(" (%1 ns)").arg(e.duration()));
    QStringList flags;
    if (e.flags & EventFlag::Unfinished) {
        flags << QStringLiteral("unfinished");
    }
    if (e.flags & EventFlag::Restarted) {
        flags << QStringLiteral("restarted");
    }
    if (e.flags & EventFlag::Compat32) {
        flags << QStringLiteral("32-bit");
    }
    if (e.flags & EventFlag::Vdso) {
        flags << QStringLiteral("vDSO call");
    }
    // EventFlag::Seccomp is not listed: a launched command's calls all enter through the seccomp
    // filter's stop, so it would only repeat itself on every event.
    if (!flags.isEmpty()) {
        row(tr("Flags"), flags.join(QStringLiteral(", ")));
    }
    row(tr("Thread"), QStringLiteral("pid %1, tid %2 (%3)")
                          .arg(task.pid)
                          .arg(task.tid)
                          .arg(esc(QString::fromStdString(task.comm))));
    QStringList argv;
    for (const auto& a : task.argv) {
        argv << QString::fromStdString(escapeString(a, false));
    }
    row(tr("Command line"), argv.isEmpty() ? tr("(unknown)") : esc(argv.join(u' ')));
    if (!task.exe.empty()) {
        row(tr("Executable"), esc(QString::fromStdString(task.exe)));
    }
    const SyscallInfo* info =
        (e.flags & EventFlag::Vdso) ? nullptr : SyscallTable::forArch(e.arch).lookup(e.nr);
    const int argCount = info ? info->argCount : 6;
    for (int a = 0; a < argCount; ++a) {
        QString value = QStringLiteral("<code>0x%1</code>").arg(e.args[std::size_t(a)], 0, 16);
        if (info) {
            value += QStringLiteral(" — ") +
                     QString::fromLatin1(argKindName(info->args[std::size_t(a)]).data(),
                                         qsizetype(argKindName(info->args[std::size_t(a)]).size()));
        }
        if (auto s = store.string(index, a)) {
            value +=
                QStringLiteral("<br><code>%1</code>%2")
                    .arg(esc(QString::fromStdString(escapeString(s->bytes, false))),
                         s->truncated ? tr(" (cut: the tracee's string is longer)") : QString());
        }
        row(tr("arg%1").arg(a), value);
    }
    row(tr("Return"), e.unfinished() ? QStringLiteral("?")
                                     : QStringLiteral("<code>%1</code> (0x%2)")
                                           .arg(esc(eventResult(store, index)))
                                           .arg(quint64(e.ret), 0, 16));
    // Signals that reached the thread from this call's entry until its next syscall: the one that
    // interrupted a call (EINTR, ERESTARTSYS) is delivered right after it returns.
    const auto& own = store.taskEvents(store.taskIndex(index));
    const auto next =
        std::upper_bound(own.begin(), own.end(), e.enter,
                         [&](TimeNs t, std::uint32_t k) { return t < store.enterTime(k); });
    const TimeNs until =
        next == own.end() ? std::numeric_limits<TimeNs>::max() : store.enterTime(*next);
    QStringList delivered;
    for (const ProcessEvent& p : store.processEvents()) {
        if (p.tid != task.tid || p.pid != task.pid || p.time < e.enter || p.time >= until) {
            continue;
        }
        if (p.kind == ProcessEventKind::Signal || p.kind == ProcessEventKind::Stopped) {
            delivered << QStringLiteral("<code>%1</code> at %2 s")
                             .arg(esc(QString::fromStdString(formatProcessLine(p))),
                                  relativeTime(store, p.time));
        }
    }
    if (!delivered.isEmpty()) {
        row(tr("Signals"), delivered.join(QStringLiteral("<br>")));
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace syscope::gui
