#include "proc/ProcStatus.h"

#include "proc/ProcFile.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <dirent.h>
#include <limits.h>
#include <pwd.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace syscope {

namespace {

std::string procPath(int pid, const char* leaf) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/%s", pid, leaf);
    return path;
}

bool parseIntPrefix(std::string_view text, long long& out) {
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
        ++i;
    }
    const char* first = text.data() + i;
    const auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), out);
    return ec == std::errc() && ptr != first;
}

// The value part of "Key:\tvalue" in /proc/PID/status.
std::optional<std::string_view> statusField(std::string_view status, std::string_view key) {
    std::size_t pos = 0;
    while (pos < status.size()) {
        std::size_t nl = status.find('\n', pos);
        if (nl == std::string_view::npos) {
            nl = status.size();
        }
        const std::string_view line = status.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.size() > key.size() && line.substr(0, key.size()) == key &&
            line[key.size()] == ':') {
            return line.substr(key.size() + 1);
        }
    }
    return std::nullopt;
}

struct StatFacts {
    char state = '?';
    unsigned long long flags = 0;
};

// /proc/PID/stat: the comm field may hold spaces and parentheses, so scan from the last ')'.
std::optional<StatFacts> readStat(int pid) {
    std::string text;
    if (!readWholeFile(procPath(pid, "stat").c_str(), text, nullptr, 1u << 16)) {
        return std::nullopt;
    }
    const std::size_t close = text.rfind(')');
    if (close == std::string::npos || close + 2 >= text.size()) {
        return std::nullopt;
    }
    StatFacts f;
    std::string_view rest(text);
    rest.remove_prefix(close + 2);
    // Fields after comm: state ppid pgrp session tty_nr tpgid flags ...
    std::size_t field = 0;
    std::size_t pos = 0;
    while (pos < rest.size() && field <= 6) {
        std::size_t sp = rest.find(' ', pos);
        if (sp == std::string_view::npos) {
            sp = rest.size();
        }
        const std::string_view tok = rest.substr(pos, sp - pos);
        if (field == 0 && !tok.empty()) {
            f.state = tok[0];
        } else if (field == 6) {
            const auto [ptr, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), f.flags);
            if (ec != std::errc()) {
                return std::nullopt;
            }
        }
        ++field;
        pos = sp + 1;
    }
    if (field <= 6) {
        return std::nullopt;
    }
    return f;
}

constexpr unsigned long long kPfKthread = 0x00200000; // PF_KTHREAD from linux/sched.h

std::string userName(std::uint32_t uid) {
    struct passwd pw {};
    struct passwd* result = nullptr;
    char buf[1024];
    if (::getpwuid_r(uid, &pw, buf, sizeof buf, &result) == 0 && result) {
        return result->pw_name;
    }
    return std::to_string(uid);
}

std::optional<std::uint32_t> readUid(int pid) {
    std::string text;
    if (!readWholeFile(procPath(pid, "status").c_str(), text, nullptr, 1u << 16)) {
        return std::nullopt;
    }
    long long uid = 0;
    const auto field = statusField(text, "Uid");
    if (!field || !parseIntPrefix(*field, uid) || uid < 0) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(uid);
}

std::vector<int> numericEntries(const char* dirPath) {
    std::vector<int> out;
    DIR* dir = ::opendir(dirPath);
    if (!dir) {
        return out;
    }
    while (const dirent* d = ::readdir(dir)) {
        int n = 0;
        const std::string_view name(d->d_name);
        const auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), n);
        if (ec == std::errc() && ptr == name.data() + name.size() && n > 0) {
            out.push_back(n);
        }
    }
    ::closedir(dir);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

namespace {

// A non-negative integer field of /proc/PID/status.
std::optional<int> statusNumber(int pid, std::string_view name) {
    std::string text;
    if (!readWholeFile(procPath(pid, "status").c_str(), text, nullptr, 1u << 16)) {
        return std::nullopt;
    }
    long long value = 0;
    const auto field = statusField(text, name);
    if (!field || !parseIntPrefix(*field, value) || value < 0 || value > INT_MAX) {
        return std::nullopt;
    }
    return static_cast<int>(value);
}

} // namespace

std::optional<int> tracerPid(int pid) {
    return statusNumber(pid, "TracerPid");
}

std::optional<int> threadGroupId(int tid) {
    return statusNumber(tid, "Tgid");
}

std::optional<std::uint64_t> pendingSignals(int tid) {
    std::string text;
    if (!readWholeFile(procPath(tid, "status").c_str(), text, nullptr, 1u << 16)) {
        return std::nullopt;
    }
    std::uint64_t mask = 0;
    for (const std::string_view key : {"SigPnd", "ShdPnd"}) {
        auto field = statusField(text, key);
        if (!field) {
            return std::nullopt;
        }
        while (!field->empty() && (field->front() == ' ' || field->front() == '\t')) {
            field->remove_prefix(1);
        }
        std::uint64_t value = 0;
        const auto [ptr, ec] =
            std::from_chars(field->data(), field->data() + field->size(), value, 16);
        if (ec != std::errc() || ptr == field->data()) {
            return std::nullopt;
        }
        mask |= value;
    }
    return mask;
}

std::string readComm(int pid) {
    std::string text;
    if (!readWholeFile(procPath(pid, "comm").c_str(), text, nullptr, 4096)) {
        return {};
    }
    if (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    return text;
}

std::vector<std::string> readCmdline(int pid) {
    std::vector<std::string> out;
    std::string text;
    if (!readWholeFile(procPath(pid, "cmdline").c_str(), text, nullptr, 4u << 20)) {
        return out;
    }
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\0', pos);
        if (end == std::string::npos) {
            end = text.size();
        }
        out.emplace_back(text, pos, end - pos);
        pos = end + 1;
    }
    return out;
}

namespace {

std::string readProcLink(int pid, const char* name) {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink(procPath(pid, name).c_str(), buf, sizeof buf);
    if (n <= 0 || static_cast<std::size_t>(n) >= sizeof buf) {
        return {};
    }
    return std::string(buf, static_cast<std::size_t>(n));
}

} // namespace

std::string readExe(int pid) {
    return readProcLink(pid, "exe");
}

std::string pidNamespace(int pid) {
    return readProcLink(pid, "ns/pid");
}

std::vector<int> listTasks(int pid) {
    return numericEntries(procPath(pid, "task").c_str());
}

std::vector<ProcessListEntry> listProcesses() {
    std::vector<ProcessListEntry> out;
    std::unordered_map<std::uint32_t, std::string> users; // getpwuid_r may read /etc/passwd
    for (const int pid : numericEntries("/proc")) {
        const auto uid = readUid(pid);
        const auto stat = readStat(pid);
        if (!uid || !stat) {
            continue; // gone meanwhile
        }
        ProcessListEntry e;
        e.pid = pid;
        e.uid = *uid;
        auto user = users.find(*uid);
        if (user == users.end()) {
            user = users.emplace(*uid, userName(*uid)).first;
        }
        e.user = user->second;
        e.comm = readComm(pid);
        e.cmdline = readCmdline(pid);
        e.kernelThread = stat->flags & kPfKthread;
        out.push_back(std::move(e));
    }
    return out;
}

std::string whyNotTraceable(int pid, bool asRoot) {
    if (pid <= 0) {
        return "no such process";
    }
    struct stat st {};
    if (::stat(procPath(pid, "").c_str(), &st) != 0) {
        return "no such process";
    }
    if (pid == static_cast<int>(::getpid())) {
        return "this is syscope itself";
    }
    const auto stat = readStat(pid);
    if (!stat) {
        return "no such process";
    }
    if (stat->flags & kPfKthread) {
        return "kernel thread";
    }
    if (stat->state == 'Z' || stat->state == 'X') {
        return "zombie (the process has already exited)";
    }
    if (const auto tracer = tracerPid(pid); tracer && *tracer != 0) {
        std::string reason = "already traced by PID " + std::to_string(*tracer);
        const std::string comm = readComm(*tracer);
        if (!comm.empty()) {
            reason += " (" + comm + ")";
        }
        return reason;
    }
    const int yama = readIntFile("/proc/sys/kernel/yama/ptrace_scope", -1);
    if (yama == 3) {
        return "Yama ptrace_scope=3 forbids attaching to any process";
    }
    if (asRoot || ::geteuid() == 0) {
        return {}; // root holds CAP_SYS_PTRACE unless a security module says otherwise
    }
    if (yama == 2) {
        return "Yama ptrace_scope=2 allows only CAP_SYS_PTRACE (root) to attach";
    }
    const auto uid = readUid(pid);
    if (uid && *uid != static_cast<std::uint32_t>(::getuid())) {
        return "owned by " + userName(*uid) + " (uid " + std::to_string(*uid) +
               "): needs root or CAP_SYS_PTRACE";
    }
    if (yama == 1) {
        return "Yama ptrace_scope=1 forbids attaching to a process that is not a descendant "
               "(run as root, or set kernel.yama.ptrace_scope=0)";
    }
    return {};
}

} // namespace syscope
