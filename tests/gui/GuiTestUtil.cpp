#include "GuiTestUtil.h"

#include "trace/TraceWriter.h"

#include <QProcess>
#include <QStringList>

namespace syscope::guitest {

namespace {

SyscallEvent ev(std::int32_t pid, std::int32_t tid, std::int32_t nr, TimeNs at, TimeNs length,
                std::int64_t ret) {
    SyscallEvent e;
    e.pid = pid;
    e.tid = tid;
    e.nr = nr;
    e.enter = kBase + at;
    e.exit = kBase + at + length;
    e.ret = ret;
    return e;
}

SyscallEvent unfinished(std::int32_t pid, std::int32_t tid, std::int32_t nr, TimeNs at) {
    SyscallEvent e = ev(pid, tid, nr, at, 0, 0);
    e.flags = EventFlag::Unfinished;
    return e;
}

ProcessEvent pe(ProcessEventKind kind, TimeNs at, std::int32_t pid, std::int32_t tid,
                std::int32_t parent, const std::string& comm) {
    ProcessEvent p;
    p.kind = kind;
    p.time = kBase + at;
    p.pid = pid;
    p.tid = tid;
    p.parent = parent;
    p.comm = comm;
    return p;
}

} // namespace

TraceMetadata syntheticMetadata() {
    TraceMetadata m;
    m.command = {"/usr/bin/sample", "--flag"};
    m.workingDirectory = "/tmp";
    m.startMonoNs = kBase;
    m.startWallNs = 1'700'000'000'000'000'000LL;
    m.kernelRelease = "6.1.0-test";
    m.hostname = "testhost";
    m.machine = "x86_64";
    m.syscopeVersion = "test";
    return m;
}

std::vector<EventBatch> syntheticTrace(int extra) {
    std::vector<EventBatch> out;
    EventBatch a;
    ProcessEvent start = pe(ProcessEventKind::Start, 0, 100, 100, 0, "sample");
    start.argv = {"/usr/bin/sample", "--flag"};
    start.exe = "/usr/bin/sample";
    a.processEvents.push_back(start);
    a.processEvents.push_back(pe(ProcessEventKind::Thread, 1200, 100, 101, 100, "worker"));
    a.processEvents.push_back(pe(ProcessEventKind::Fork, 15000, 200, 200, 100, "sample"));

    SyscallEvent open1 = ev(100, 100, 257, 1000, 500, 3);
    open1.args = {std::uint64_t(-100), 0x7ffd0000, 0x80000, 0, 0, 0};
    a.events.push_back(open1);
    a.strings.push_back({0, 1, false, "/etc/hostname"});
    SyscallEvent futex = ev(100, 101, 202, 1500, 50'000, 0);
    futex.args = {0x5000, 0x80, 0, 0, 0, 0};
    a.events.push_back(futex);
    SyscallEvent read = ev(100, 100, 0, 2000, 300, 10);
    read.args = {3, 0x7ffd1000, 4096, 0, 0, 0};
    a.events.push_back(read);
    SyscallEvent close = ev(100, 100, 3, 3000, 100, 0);
    close.args = {3, 0, 0, 0, 0, 0};
    a.events.push_back(close);
    SyscallEvent open2 = ev(100, 100, 257, 4000, 200, -2);
    open2.args = {std::uint64_t(-100), 0x7ffd2000, 0, 0, 0, 0};
    a.events.push_back(open2);
    a.strings.push_back({4, 1, false, "/nope"});
    out.push_back(a);

    EventBatch b;
    SyscallEvent sleep = ev(100, 100, 230, 10'000, 1'000'000, 0);
    sleep.args = {1, 0, 0x7ffd3000, 0, 0, 0};
    b.events.push_back(sleep);
    SyscallEvent exec = ev(200, 200, 59, 20'000, 100'000, 0);
    exec.args = {0x7ffd4000, 0x7ffd5000, 0x7ffd6000, 0, 0, 0};
    b.events.push_back(exec);
    b.strings.push_back({1, 0, false, "/bin/true"});
    ProcessEvent execEvent = pe(ProcessEventKind::Exec, 120'000, 200, 200, 200, "true");
    execEvent.argv = {"/bin/true"};
    execEvent.exe = "/bin/true";
    b.processEvents.push_back(execEvent);
    b.events.push_back(ev(100, 101, 1, 60'000, 1000, 5));
    b.events.push_back(ev(100, 101, 110, 70'000, 100, 100));
    SyscallEvent brk = ev(200, 200, 12, 130'000, 200, 0x1000);
    b.events.push_back(brk);
    b.events.push_back(unfinished(200, 200, 231, 140'000));
    b.processEvents.push_back(pe(ProcessEventKind::Exit, 140'500, 200, 200, 0, "true"));
    ProcessEvent sigchld = pe(ProcessEventKind::Signal, 141'000, 100, 100, 0, "");
    sigchld.value = 17;
    sigchld.detail = "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=200, si_uid=0, si_status=0, "
                     "si_utime=0, si_stime=0}";
    b.processEvents.push_back(sigchld);
    out.push_back(b);

    EventBatch c;
    for (int i = 0; i < extra; ++i) {
        c.events.push_back(ev(100, 101, 110, 200'000 + TimeNs(i) * 1000, 100, 100));
        if (c.events.size() == 5000) {
            out.push_back(c);
            c.clear();
        }
    }
    const TimeNs last = 200'000 + TimeNs(extra) * 1000 + 2'000'000;
    c.events.push_back(unfinished(100, 100, 231, last));
    c.processEvents.push_back(pe(ProcessEventKind::Exit, last + 100, 100, 101, 0, "worker"));
    c.processEvents.push_back(pe(ProcessEventKind::Exit, last + 200, 100, 100, 0, "sample"));
    out.push_back(c);
    return out;
}

int syntheticEventCount(int extra) {
    return 12 + extra;
}

bool writeTrace(const QString& path, const std::vector<EventBatch>& batches) {
    std::string error;
    auto writer = TraceWriter::create(path.toStdString(), syntheticMetadata(), &error);
    if (!writer) {
        return false;
    }
    for (const auto& b : batches) {
        writer->consume(b);
    }
    return writer->close(&error);
}

bool recordProgram(const QString& out, const QStringList& command, QString* error) {
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(SYSCOPE_CLI_PATH),
            QStringList{QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-o"), out,
                        QStringLiteral("--")} +
                command);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("recording %1 failed: %2")
                     .arg(command.join(u' '), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace syscope::guitest
