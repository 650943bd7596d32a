#include "TraceRunner.h"

#include "syscalls/Signals.h"
#include "syscalls/SyscallTable.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <chrono>
#include <optional>
#include <sys/resource.h>
#include <thread>

namespace syscope::test {

void traceInto(TracedRun& run, const TracerOptions& options,
               const std::function<void(Tracer&)>& whileRunning) {
    Tracer tracer(options, run.store);
    run.store.setMetadata(Tracer::describeSession(options));
    std::atomic<bool> done{false};
    std::thread thread([&] {
        rusage before{};
        getrusage(RUSAGE_THREAD, &before);
        run.result = tracer.run();
        rusage after{};
        getrusage(RUSAGE_THREAD, &after);
        run.tracerSleeps = after.ru_nvcsw - before.ru_nvcsw;
        run.tracerPreemptions = after.ru_nivcsw - before.ru_nivcsw;
        done = true;
    });
    if (whileRunning) {
        // Wait until a launched command exists (attach needs no wait).
        for (int i = 0; i < 500 && !done && options.attachPids.empty() && !tracer.launchedPid();
             ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        whileRunning(tracer);
    }
    thread.join();
}

std::string programPath(const std::string& name) {
    return std::string(SYSCOPE_TEST_PROGRAMS_DIR) + "/" + name;
}

std::map<std::string, CallCounts> countCalls(const TraceStore& store) {
    std::map<std::string, CallCounts> out;
    for (std::size_t i = 0; i < store.eventCount(); ++i) {
        const SyscallEvent e = store.event(i);
        if (e.flags & EventFlag::Vdso) {
            continue;
        }
        std::string name = syscallName(e.arch, e.nr);
        if (e.arch == Arch::I386) {
            name += "@i386";
        }
        CallCounts& c = out[name];
        ++c.calls;
        if (e.unfinished()) {
            ++c.unfinished;
        } else if (e.ret < 0 && e.ret >= -4095) {
            ++c.errors;
        }
    }
    return out;
}

int countProcessEvents(const TraceStore& store, ProcessEventKind kind) {
    int n = 0;
    for (const auto& p : store.processEvents()) {
        n += p.kind == kind;
    }
    return n;
}

namespace {

// Runs `strace OPTIONS -o FILE argv...` and returns what it wrote to FILE; nullopt when strace is
// not installed or wrote nothing.
std::optional<QString> runStrace(const QStringList& options, const std::vector<std::string>& argv) {
    const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
    if (strace.isEmpty()) {
        return std::nullopt;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("strace.out"));
    QStringList args = options;
    args << QStringLiteral("-o") << file;
    for (const auto& a : argv) {
        args << QString::fromStdString(a);
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(strace, args);
    p.waitForFinished(60000);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return QString::fromUtf8(f.readAll());
}

std::string normaliseSiginfo(std::string text) {
    static const QRegularExpression varying(QStringLiteral("(si_pid|si_utime|si_stime)=[0-9]+"));
    // Fault and call addresses move with ASLR (small values, like si_ptr=0x7, are kept).
    static const QRegularExpression address(QStringLiteral("=0x[0-9a-f]{6,}"));
    return QString::fromStdString(text)
        .replace(varying, QStringLiteral("\\1=N"))
        .replace(address, QStringLiteral("=0x..."))
        .toStdString();
}

} // namespace

std::vector<std::string> straceSignals(const std::vector<std::string>& argv, bool* available) {
    std::vector<std::string> out;
    const auto text = runStrace({QStringLiteral("-f")}, argv);
    *available = text.has_value();
    if (!text) {
        return out;
    }
    // "1234  --- SIGCHLD {si_signo=SIGCHLD, ...} ---" (delivered) and "--- stopped by SIGSTOP ---"
    // (a group-stop).
    static const QRegularExpression line(
        QStringLiteral("--- (SIG[A-Z0-9_+]+ \\{.*\\}|stopped by SIG[A-Z0-9_+]+) ---$"));
    for (const QString& l : text->split(QLatin1Char('\n'))) {
        const auto match = line.match(l);
        if (match.hasMatch()) {
            out.push_back(normaliseSiginfo(match.captured(1).toStdString()));
        }
    }
    return out;
}

std::vector<std::string> recordedSignals(const TraceStore& store) {
    std::vector<std::string> out;
    for (const auto& p : store.processEvents()) {
        if (p.kind == ProcessEventKind::Signal) {
            out.push_back(normaliseSiginfo(signalName(p.value) + " " + p.detail));
        } else if (p.kind == ProcessEventKind::Stopped) {
            out.push_back("stopped by " + signalName(p.value));
        }
    }
    return out;
}

std::map<std::string, CallCounts> straceCounts(const std::vector<std::string>& argv,
                                               bool* available) {
    std::map<std::string, CallCounts> out;
    const auto text = runStrace({QStringLiteral("-f"), QStringLiteral("-c")}, argv);
    *available = text.has_value();
    if (!text) {
        return out;
    }
    // "% time seconds usecs/call calls errors syscall"; the errors column may be empty. A line
    // "System call usage summary for 32 bit mode:" starts the i386 part.
    QString suffix;
    for (const QString& line : text->split(QLatin1Char('\n'))) {
        if (line.contains(QStringLiteral("32 bit mode"))) {
            suffix = QStringLiteral("@i386");
            continue;
        }
        const QStringList cols = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cols.size() < 5 || cols.last() == QStringLiteral("total") ||
            cols.first().startsWith(QLatin1Char('-')) || cols.first() == QStringLiteral("%")) {
            continue;
        }
        bool ok = false;
        cols[3].toLong(&ok);
        if (!ok) {
            continue;
        }
        CallCounts c;
        c.calls = cols[3].toLong();
        c.errors = cols.size() >= 6 ? cols[4].toLong() : 0;
        out[(cols.last() + suffix).toStdString()] = c;
    }
    return out;
}

std::string compareWithStrace(const std::map<std::string, CallCounts>& ours,
                              const std::map<std::string, CallCounts>& strace,
                              const std::vector<std::string>& names) {
    std::vector<std::string> keys = names;
    if (keys.empty()) {
        for (const auto& [k, v] : ours) {
            keys.push_back(k);
        }
        for (const auto& [k, v] : strace) {
            keys.push_back(k);
        }
    }
    std::string diff;
    std::map<std::string, bool> seen;
    for (const auto& k : keys) {
        if (seen[k]) {
            continue;
        }
        seen[k] = true;
        CallCounts a;
        if (auto it = ours.find(k); it != ours.end()) {
            a = it->second;
        }
        CallCounts b;
        if (auto it = strace.find(k); it != strace.end()) {
            b = it->second;
        }
        const long finished = a.calls - a.unfinished;
        if (finished != b.calls || a.errors != b.errors) {
            diff += k + ": syscope " + std::to_string(finished) + " calls/" +
                    std::to_string(a.errors) + " errors, strace " + std::to_string(b.calls) + "/" +
                    std::to_string(b.errors) + "\n";
        }
    }
    return diff;
}

} // namespace syscope::test
