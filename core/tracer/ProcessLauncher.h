// Starts a command that stops itself before exec, so the tracer can seize it and see the exec
// and everything after it (the shape of hotspot's InitiallyStoppedProcess).
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace syscope {

struct LaunchSpec {
    std::vector<std::string> argv;
    std::vector<std::string> extraEnvironment;
    std::string workingDirectory;
    std::string user;
    bool noRandomize = false;
    int cpu = -1; // pin the child to this CPU (-1: leave its affinity alone)
    // A classic-BPF seccomp program (struct sock_filter[]) installed right before execve.
    std::vector<unsigned char> seccompProgram;
};

class ProcessLauncher {
public:
    ProcessLauncher() = default;
    ~ProcessLauncher();
    ProcessLauncher(const ProcessLauncher&) = delete;
    ProcessLauncher& operator=(const ProcessLauncher&) = delete;

    // Forks the child and waits until it has stopped itself with SIGSTOP (it is then ready to
    // be seized). Returns false with *error when the command cannot be found or the child could
    // not be prepared (unknown user, bad directory).
    bool start(const LaunchSpec& spec, std::string* error);

    pid_t pid() const { return m_pid; }
    // The program start() found for argv[0] (after the PATH lookup).
    const std::string& executable() const { return m_executable; }
    // After the child has exited: why its execve failed, if it did (read from a CLOEXEC pipe).
    std::string execError();
    // The child is owned by the tracer from now on: the destructor will not kill it.
    void release() { m_released = true; }

    // PATH lookup as execvp does it; empty when not found or not executable.
    static std::string resolveExecutable(const std::string& name, std::string* error);

private:
    pid_t m_pid = -1;
    std::string m_executable;
    int m_errorPipe = -1;
    bool m_released = false;
};

} // namespace syscope
