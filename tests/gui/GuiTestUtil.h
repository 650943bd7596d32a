// Shared by the GUI suites: a small synthetic trace with known contents, and recording a test
// program with syscope-cli.
#pragma once

#include "trace/Event.h"

#include <QString>
#include <QStringList>
#include <initializer_list>
#include <vector>

namespace syscope::guitest {

// QStringList from ASCII literals (the build forbids implicit casts from char*).
inline QStringList strings(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* s : items) {
        out << QString::fromLatin1(s);
    }
    return out;
}

// Times of the synthetic trace start here (CLOCK_MONOTONIC-like).
inline constexpr TimeNs kBase = 5'000'000'000;

// Two processes: pid 100 with threads 100 and 101, pid 200 (forked by 100, then exec'd).
//   tid 100: openat("/etc/hostname") = 3 @+1000 (500 ns), read(3) = 10 @+2000 (300 ns),
//            close(3) = 0 @+3000 (100 ns), openat("/nope") = -ENOENT @+4000 (200 ns),
//            clock_nanosleep = 0 @+10000 (1 ms), exit_group unfinished @+2000000
//   tid 101: futex = 0 @+1500 (50 µs), write(1) = 5 @+60000 (1 µs), getppid = 100 @+70000
//   tid 200: execve("/bin/true") = 0 @+20000 (100 µs), brk = 0x1000 @+130000 (200 ns),
//            exit_group unfinished @+140000
//   tid 100 receives SIGCHLD (with its siginfo) @+141000
// plus `extra` getppid calls on tid 101, 1 µs apart from +200000 (each 100 ns).
std::vector<EventBatch> syntheticTrace(int extra = 0);
TraceMetadata syntheticMetadata();
// The number of syscall events syntheticTrace(extra) holds.
int syntheticEventCount(int extra = 0);

// Writes the batches as a .syscope file; false on failure.
bool writeTrace(const QString& path, const std::vector<EventBatch>& batches);

// `syscope-cli record -o out -- program args`; false (and *error) on failure.
bool recordProgram(const QString& out, const QStringList& command, QString* error);

} // namespace syscope::guitest
