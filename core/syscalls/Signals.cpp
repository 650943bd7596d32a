#include "syscalls/Signals.h"

#include <charconv>

namespace syscope {

namespace {

constexpr std::string_view kNames[32] = {
    "",          "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",   "SIGTRAP", "SIGABRT", "SIGBUS",
    "SIGFPE",    "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2",  "SIGPIPE", "SIGALRM", "SIGTERM",
    "SIGSTKFLT", "SIGCHLD", "SIGCONT",   "SIGSTOP", "SIGTSTP",  "SIGTTIN", "SIGTTOU", "SIGURG",
    "SIGXCPU",   "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO",   "SIGPWR",  "SIGSYS"};

constexpr int kRtMin = 32; // the kernel's SIGRTMIN (glibc reserves 32..34 for itself)
constexpr int kRtMax = 64;

std::optional<int> parseNumber(std::string_view text) {
    int v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return v;
}

} // namespace

std::string signalName(int sig) {
    if (sig > 0 && sig < kRtMin) {
        return std::string(kNames[sig]);
    }
    if (sig == kRtMin) {
        return "SIGRTMIN";
    }
    if (sig > kRtMin && sig <= kRtMax) {
        return "SIGRT_" + std::to_string(sig - kRtMin);
    }
    return std::to_string(sig);
}

std::optional<int> signalFromName(std::string_view name) {
    if (auto n = parseNumber(name)) {
        return n;
    }
    std::string_view bare = name;
    if (bare.substr(0, 3) == "SIG") {
        bare.remove_prefix(3);
    }
    if (bare.empty()) {
        return std::nullopt;
    }
    for (int s = 1; s < kRtMin; ++s) {
        if (kNames[s].substr(3) == bare) {
            return s;
        }
    }
    if (bare == "IOT") {
        return 6;
    }
    if (bare == "POLL") {
        return 29;
    }
    if (bare == "RTMIN") {
        return kRtMin;
    }
    if (bare == "RTMAX") {
        return kRtMax;
    }
    auto offsetFrom = [&](std::string_view prefix, int base, int sign) -> std::optional<int> {
        if (bare.substr(0, prefix.size()) != prefix) {
            return std::nullopt;
        }
        auto n = parseNumber(bare.substr(prefix.size()));
        if (!n || *n < 0) {
            return std::nullopt;
        }
        int s = base + sign * *n;
        return s >= kRtMin && s <= kRtMax ? std::optional<int>(s) : std::nullopt;
    };
    if (auto s = offsetFrom("RT_", kRtMin, 1)) {
        return s;
    }
    if (auto s = offsetFrom("RTMIN+", kRtMin, 1)) {
        return s;
    }
    if (auto s = offsetFrom("RTMAX-", kRtMax, -1)) {
        return s;
    }
    return std::nullopt;
}

} // namespace syscope
