#include "tracer/ProcessLauncher.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pwd.h>
#include <sched.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace syscope {

namespace {

enum class Stage : int {
    Affinity = 1,
    Chdir,
    Groups,
    Gid,
    Uid,
    Personality,
    Stop,
    NoNewPrivs,
    Seccomp,
    Exec
};

struct ChildFailure {
    int stage;
    int error;
};

[[noreturn]] void childFail(int fd, Stage stage) {
    const ChildFailure f{static_cast<int>(stage), errno};
    [[maybe_unused]] auto n = write(fd, &f, sizeof f);
    _exit(127);
}

std::string describeFailure(const ChildFailure& f, const LaunchSpec& spec) {
    const std::string why = std::strerror(f.error);
    switch (static_cast<Stage>(f.stage)) {
    case Stage::Affinity:
        return "cannot set the CPU affinity of the command: " + why;
    case Stage::Chdir:
        return "cannot change to directory '" + spec.workingDirectory + "': " + why;
    case Stage::Groups:
    case Stage::Gid:
    case Stage::Uid:
        return "cannot switch to user '" + spec.user + "': " + why;
    case Stage::Personality:
        return "cannot disable address space randomization: " + why;
    case Stage::Stop:
        return "the command could not stop itself before exec: " + why;
    case Stage::NoNewPrivs:
    case Stage::Seccomp:
        return "cannot install the seccomp filter: " + why;
    case Stage::Exec:
        return "cannot execute '" + spec.argv.front() + "': " + why;
    }
    return "the command failed before exec: " + why;
}

bool isExecutableFile(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

} // namespace

std::string ProcessLauncher::resolveExecutable(const std::string& name, std::string* error) {
    if (name.empty()) {
        *error = "empty command";
        return {};
    }
    if (name.find('/') != std::string::npos) {
        struct stat st {};
        if (stat(name.c_str(), &st) != 0) {
            *error = "cannot run '" + name + "': " + std::strerror(errno);
            return {};
        }
        if (!S_ISREG(st.st_mode)) {
            *error = "cannot run '" + name + "': not a regular file";
            return {};
        }
        return name;
    }
    const char* pathEnv = std::getenv("PATH");
    const std::string path = pathEnv ? pathEnv : "/usr/local/bin:/usr/bin:/bin";
    size_t begin = 0;
    while (begin <= path.size()) {
        size_t end = path.find(':', begin);
        if (end == std::string::npos) {
            end = path.size();
        }
        std::string dir = path.substr(begin, end - begin);
        if (dir.empty()) {
            dir = ".";
        }
        const std::string candidate = dir + "/" + name;
        if (isExecutableFile(candidate)) {
            return candidate;
        }
        begin = end + 1;
    }
    *error = "cannot find '" + name + "' in PATH";
    return {};
}

ProcessLauncher::~ProcessLauncher() {
    if (m_pid > 0 && !m_released) {
        kill(m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, __WALL);
    }
    if (m_errorPipe >= 0) {
        close(m_errorPipe);
    }
}

bool ProcessLauncher::start(const LaunchSpec& spec, std::string* error) {
    if (spec.argv.empty()) {
        *error = "no command given";
        return false;
    }
    m_executable = resolveExecutable(spec.argv.front(), error);
    if (m_executable.empty()) {
        return false;
    }
    const std::string& exe = m_executable;

    // Everything the child needs is prepared here: between fork and exec of a multi-threaded
    // process only async-signal-safe calls are allowed.
    std::vector<char*> argv;
    for (const auto& a : spec.argv) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);

    std::vector<std::string> envStrings;
    for (char** e = environ; e && *e; ++e) {
        envStrings.emplace_back(*e);
    }
    for (const auto& add : spec.extraEnvironment) {
        const auto eq = add.find('=');
        const std::string name = add.substr(0, eq);
        std::erase_if(envStrings, [&name](const std::string& s) {
            return s.size() > name.size() && s.compare(0, name.size(), name) == 0 &&
                   s[name.size()] == '=';
        });
        envStrings.push_back(eq == std::string::npos ? add + "=" : add);
    }
    std::vector<char*> envp;
    for (auto& s : envStrings) {
        envp.push_back(s.data());
    }
    envp.push_back(nullptr);

    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups;
    const bool switchUser = !spec.user.empty();
    if (switchUser) {
        struct passwd pwd {};
        struct passwd* found = nullptr;
        std::vector<char> buf(16384);
        if (getpwnam_r(spec.user.c_str(), &pwd, buf.data(), buf.size(), &found) != 0 || !found) {
            *error = "unknown user '" + spec.user + "'";
            return false;
        }
        uid = pwd.pw_uid;
        gid = pwd.pw_gid;
        int count = 64;
        groups.resize(count);
        if (getgrouplist(spec.user.c_str(), gid, groups.data(), &count) < 0) {
            groups.resize(count);
            getgrouplist(spec.user.c_str(), gid, groups.data(), &count);
        }
        groups.resize(count);
    }

    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    if (spec.cpu >= 0) {
        CPU_SET(spec.cpu, &cpus);
    }
    sock_fprog program{};
    program.len = static_cast<unsigned short>(spec.seccompProgram.size() / sizeof(sock_filter));
    program.filter =
        reinterpret_cast<sock_filter*>(const_cast<unsigned char*>(spec.seccompProgram.data()));

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        *error = std::string("pipe: ") + std::strerror(errno);
        return false;
    }

    const pid_t pid = fork();
    if (pid < 0) {
        *error = std::string("fork: ") + std::strerror(errno);
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        const int fd = fds[1];
        // The tracer's thread blocks signals that the command must receive normally.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        if (spec.cpu >= 0 && sched_setaffinity(0, sizeof cpus, &cpus) != 0) {
            childFail(fd, Stage::Affinity);
        }
        if (!spec.workingDirectory.empty() && chdir(spec.workingDirectory.c_str()) != 0) {
            childFail(fd, Stage::Chdir);
        }
        if (switchUser) {
            if (setgroups(groups.size(), groups.data()) != 0) {
                childFail(fd, Stage::Groups);
            }
            if (setgid(gid) != 0) {
                childFail(fd, Stage::Gid);
            }
            if (setuid(uid) != 0) {
                childFail(fd, Stage::Uid);
            }
        }
        if (spec.noRandomize) {
            const int current = personality(0xffffffff);
            if (current == -1 || personality(current | ADDR_NO_RANDOMIZE) == -1) {
                childFail(fd, Stage::Personality);
            }
        }
        if (kill(getpid(), SIGSTOP) != 0) {
            childFail(fd, Stage::Stop);
        }
        // Installed last, once the tracer holds the child: a SECCOMP_RET_TRACE without a tracer
        // would fail the call with ENOSYS. A failure here is not fatal: the tracer then simply
        // stops at every syscall.
        if (program.len > 0) {
            if (geteuid() == 0 || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0) {
                syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &program);
            }
        }
        execve(exe.c_str(), argv.data(), envp.data());
        childFail(fd, Stage::Exec);
    }

    close(fds[1]);
    m_pid = pid;
    m_errorPipe = fds[0];

    int status = 0;
    while (true) {
        const pid_t w = waitpid(pid, &status, WUNTRACED | __WALL);
        if (w == pid) {
            break;
        }
        if (w < 0 && errno != EINTR) {
            *error = std::string("waitpid: ") + std::strerror(errno);
            return false;
        }
    }
    if (WIFSTOPPED(status)) {
        return true;
    }
    ChildFailure f{};
    if (read(m_errorPipe, &f, sizeof f) == sizeof f) {
        *error = describeFailure(f, spec);
    } else {
        *error = "the command ended before it could be traced";
    }
    m_pid = -1;
    return false;
}

std::string ProcessLauncher::execError() {
    if (m_errorPipe < 0) {
        return {};
    }
    ChildFailure f{};
    const ssize_t n = read(m_errorPipe, &f, sizeof f);
    close(m_errorPipe);
    m_errorPipe = -1;
    if (n != sizeof f) {
        return {};
    }
    return std::string(std::strerror(f.error));
}

} // namespace syscope
