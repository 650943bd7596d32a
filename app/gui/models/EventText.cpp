#include "models/EventText.h"

#include "syscalls/EventFormatter.h"
#include "trace/TraceStore.h"

namespace syscope::gui {

namespace {

StringLookup lookupFor(const TraceStore& store, std::size_t event) {
    return [&store, event](int arg) -> std::optional<ArgString> {
        if (auto s = store.string(event, arg)) {
            return ArgString{s->bytes, s->truncated};
        }
        return std::nullopt;
    };
}

} // namespace

QString eventLine(const TraceStore& store, std::size_t event) {
    return QString::fromStdString(formatSyscall(store.event(event), lookupFor(store, event)));
}

QString eventArguments(const TraceStore& store, std::size_t event) {
    const std::string call = formatCall(store.event(event), lookupFor(store, event));
    const auto open = call.find('(');
    if (open == std::string::npos || call.size() < open + 2) {
        return {};
    }
    return QString::fromStdString(call.substr(open + 1, call.size() - open - 2));
}

QString eventResult(const TraceStore& store, std::size_t event) {
    const StringLookup strings = lookupFor(store, event);
    return QString::fromStdString(formatReturn(store.event(event), &strings));
}

QString eventSyscallName(const TraceStore& store, std::size_t event) {
    return QString::fromStdString(eventName(store.event(event)));
}

QString relativeTime(const TraceStore& store, long long t) {
    const long long rel = t - store.startTime();
    const long long us = rel / 1000;
    const QString sign = us < 0 ? QStringLiteral("-") : QString();
    const long long a = us < 0 ? -us : us;
    return sign + QString::number(a / 1000000) + u'.' +
           QStringLiteral("%1").arg(a % 1000000, 6, 10, QLatin1Char('0'));
}

} // namespace syscope::gui
