// syscope-cli as a user meets it: record real programs and compare the per-syscall counts with
// `strace -f -c`, exit statuses, error messages for bad input, attach/detach, crash safety.
#include "../tracer/TraceRunner.h"
#include "CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace syscope;
using namespace syscope::test;
using namespace syscope::testutil;

namespace {

CliRun cli(const QStringList& args, int timeoutMs = 120000) {
    return runSyscopeCli(args, timeoutMs);
}

std::map<std::string, CallCounts> countsFromStatsJson(const QByteArray& json) {
    std::map<std::string, CallCounts> out;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    for (const auto v : root.value(QStringLiteral("syscalls")).toArray()) {
        const QJsonObject o = v.toObject();
        std::string name = o.value(QStringLiteral("name")).toString().toStdString();
        if (o.value(QStringLiteral("arch")).toString() == QStringLiteral("i386")) {
            name += "@i386";
        }
        CallCounts c;
        c.calls = o.value(QStringLiteral("calls")).toInteger();
        c.errors = o.value(QStringLiteral("errors")).toInteger();
        c.unfinished = o.value(QStringLiteral("unfinished")).toInteger();
        out[name] = c;
    }
    return out;
}

} // namespace

class TestCliRecord : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void realProgramsMatchStrace_data();
    void realProgramsMatchStrace();
    void statsJsonShape();
    void exitStatusIsTheCommands_data();
    void exitStatusIsTheCommands();
    void missingProgram();
    void badPids();
    void alreadyTraced();
    void interruptDetaches();
    void endOfInputDetaches();
    void killedRecorderLeavesReadableFile();
    void dumpShowsDecodedLines();
    void runAsUser();
    void interruptKillsLaunchedCommand();
    void kernelThreadCannotBeTraced();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCliRecord::realProgramsMatchStrace_data() {
    QTest::addColumn<QStringList>("command");
    QTest::newRow("ls -la /usr/lib")
        << QStringList{QStringLiteral("ls"), QStringLiteral("-la"), QStringLiteral("/usr/lib")};
    QTest::newRow("tar -cf /dev/null /usr/include/linux")
        << QStringList{QStringLiteral("tar"), QStringLiteral("-cf"), QStringLiteral("/dev/null"),
                       QStringLiteral("/usr/include/linux")};
    QTest::newRow("sh loop") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                            QStringLiteral("for i in 1 2 3; do /bin/true; done")};
}

void TestCliRecord::realProgramsMatchStrace() {
    QFETCH(QStringList, command);
    std::vector<std::string> argv;
    for (const auto& a : command) {
        argv.push_back(a.toStdString());
    }
    bool available = false;
    const auto oracle = straceCounts(argv, &available);
    if (!available) {
        QSKIP("strace is not installed");
    }
    const QString trace = path(QStringLiteral("real.syscope"));
    const CliRun rec = cli(QStringList{QStringLiteral("record"), QStringLiteral("-q"),
                                       QStringLiteral("-o"), trace, QStringLiteral("--")} +
                           command);
    QVERIFY2(rec.exitCode == 0, rec.err.constData());
    const CliRun stats = cli({QStringLiteral("stats"), QStringLiteral("--json"), trace});
    QCOMPARE(stats.exitCode, 0);
    const std::string diff = compareWithStrace(countsFromStatsJson(stats.out), oracle);
    QVERIFY2(diff.empty(), diff.c_str());
}

void TestCliRecord::statsJsonShape() {
    const QString trace = path(QStringLiteral("shape.syscope"));
    QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-o"), trace,
                  QStringLiteral("--"), QString::fromStdString(programPath("paths"))})
                 .exitCode,
             0);
    const CliRun stats = cli({QStringLiteral("stats"), QStringLiteral("--json"), trace});
    QCOMPARE(stats.exitCode, 0);
    QJsonParseError error{};
    const QJsonObject root = QJsonDocument::fromJson(stats.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (const char* key :
         {"events", "processes", "tasks", "duration_ns", "syscalls", "errors_by_errno"}) {
        QVERIFY2(root.contains(QLatin1String(key)), key);
    }
    QCOMPARE(root.value(QStringLiteral("processes")).toInt(), 1);
    bool sawOpenat = false;
    for (const auto v : root.value(QStringLiteral("syscalls")).toArray()) {
        const QJsonObject o = v.toObject();
        for (const char* key : {"name", "nr", "arch", "calls", "errors", "unfinished", "total_ns",
                                "min_ns", "p50_ns", "p99_ns", "max_ns"}) {
            QVERIFY2(o.contains(QLatin1String(key)), key);
        }
        if (o.value(QStringLiteral("name")).toString() == QStringLiteral("openat")) {
            sawOpenat = true;
            QCOMPARE(o.value(QStringLiteral("nr")).toInt(), 257);
            QCOMPARE(o.value(QStringLiteral("arch")).toString(), QStringLiteral("x86_64"));
            QVERIFY(o.value(QStringLiteral("errors")).toInt() >= 4);
        }
    }
    QVERIFY(sawOpenat);
    const QJsonObject errnos = root.value(QStringLiteral("errors_by_errno")).toObject();
    QVERIFY(errnos.value(QStringLiteral("ENOENT")).toInt() >= 3);
}

void TestCliRecord::exitStatusIsTheCommands_data() {
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("expected");
    QTest::newRow("exit 3") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                           QStringLiteral("exit 3")}
                            << 3;
    QTest::newRow("segfault") << QStringList{QString::fromStdString(programPath("segfault"))}
                              << 128 + SIGSEGV;
    QTest::newRow("killed") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                           QStringLiteral("kill -9 $$")}
                            << 128 + SIGKILL;
}

void TestCliRecord::exitStatusIsTheCommands() {
    QFETCH(QStringList, command);
    QFETCH(int, expected);
    const CliRun r =
        cli(QStringList{QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-o"),
                        path(QStringLiteral("status.syscope")), QStringLiteral("--")} +
            command);
    QCOMPARE(r.exitCode, expected);
}

void TestCliRecord::missingProgram() {
    const QString trace = path(QStringLiteral("missing.syscope"));
    const CliRun r = cli({QStringLiteral("record"), QStringLiteral("-o"), trace,
                          QStringLiteral("--"), QStringLiteral("no-such-program-xyz")});
    QCOMPARE(r.exitCode, 127);
    QVERIFY2(r.err.contains("no-such-program-xyz"), r.err.constData());
    QVERIFY(!QFile::exists(trace));
}

void TestCliRecord::badPids() {
    CliRun r = cli({QStringLiteral("record"), QStringLiteral("--pid"), QStringLiteral("abc")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("invalid PID"));
    r = cli({QStringLiteral("record"), QStringLiteral("-o"), path(QStringLiteral("nopid.syscope")),
             QStringLiteral("--pid"), QStringLiteral("1073741000")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no such process"), r.err.constData());
    r = cli({QStringLiteral("record")});
    QCOMPARE(r.exitCode, 2);
}

void TestCliRecord::alreadyTraced() {
    bool available = false;
    straceCounts({"true"}, &available);
    if (!available) {
        QSKIP("strace is not installed");
    }
    QProcess traced;
    traced.start(QStringLiteral("strace"), {QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                            QString::fromStdString(programPath("sleeper"))});
    QVERIFY(traced.waitForReadyRead(5000));
    const QByteArray pid = traced.readLine().trimmed();
    const CliRun r =
        cli({QStringLiteral("record"), QStringLiteral("-o"), path(QStringLiteral("traced.syscope")),
             QStringLiteral("--pid"), QString::fromLatin1(pid)});
    traced.waitForFinished(10000);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("already traced by PID") && r.err.contains("strace"),
             r.err.constData());
}

void TestCliRecord::interruptDetaches() {
    QProcess sleeper;
    sleeper.start(QString::fromStdString(programPath("sleeper")), {});
    QVERIFY(sleeper.waitForReadyRead(5000));
    const QByteArray pid = sleeper.readLine().trimmed();
    const QString trace = path(QStringLiteral("attach.syscope"));
    QProcess rec;
    rec.start(QStringLiteral(SYSCOPE_CLI_PATH),
              {QStringLiteral("record"), QStringLiteral("-o"), trace, QStringLiteral("--pid"),
               QString::fromLatin1(pid)});
    QVERIFY(rec.waitForStarted());
    QTest::qWait(400);
    kill(pid_t(rec.processId()), SIGINT);
    QVERIFY(rec.waitForFinished(10000));
    QCOMPARE(rec.exitCode(), 0);
    QVERIFY2(rec.readAllStandardError().contains("detached"), "no detach reported");
    QVERIFY(sleeper.waitForFinished(10000));
    QCOMPARE(sleeper.exitCode(), 0);
    QCOMPARE(sleeper.readAll().trimmed(), QByteArray("done 150"));
    const CliRun stats = cli({QStringLiteral("stats"), QStringLiteral("--json"), trace});
    QCOMPARE(stats.exitCode, 0);
    QVERIFY(countsFromStatsJson(stats.out)["getppid"].calls > 5);
}

void TestCliRecord::endOfInputDetaches() {
    // --stop-on-eof: a caller that may not signal the recorder (pkexec) closes its stdin instead.
    QProcess sleeper;
    sleeper.start(QString::fromStdString(programPath("sleeper")), {});
    QVERIFY(sleeper.waitForReadyRead(5000));
    const QByteArray pid = sleeper.readLine().trimmed();
    const QString trace = path(QStringLiteral("eof.syscope"));
    QProcess rec;
    rec.start(QStringLiteral(SYSCOPE_CLI_PATH),
              {QStringLiteral("record"), QStringLiteral("--stop-on-eof"), QStringLiteral("-o"),
               trace, QStringLiteral("--pid"), QString::fromLatin1(pid)});
    QVERIFY(rec.waitForStarted());
    rec.write("bytes on stdin are ignored\n");
    QTest::qWait(400);
    QCOMPARE(rec.state(), QProcess::Running); // still recording
    rec.closeWriteChannel();
    QVERIFY(rec.waitForFinished(10000));
    QCOMPARE(rec.exitCode(), 0);
    QVERIFY2(rec.readAllStandardError().contains("(detached)"), "no detach reported");
    QVERIFY(sleeper.waitForFinished(10000));
    QCOMPARE(sleeper.readAll().trimmed(), QByteArray("done 150"));
    const CliRun stats = cli({QStringLiteral("stats"), QStringLiteral("--json"), trace});
    QCOMPARE(stats.exitCode, 0);
    QVERIFY(countsFromStatsJson(stats.out)["getppid"].calls > 5);
}

void TestCliRecord::killedRecorderLeavesReadableFile() {
    const QString trace = path(QStringLiteral("killed.syscope"));
    QProcess rec;
    rec.start(QStringLiteral(SYSCOPE_CLI_PATH),
              {QStringLiteral("record"), QStringLiteral("-o"), trace, QStringLiteral("--"),
               QString::fromStdString(programPath("sleeper"))});
    QVERIFY(rec.waitForStarted());
    QTest::qWait(700);
    kill(pid_t(rec.processId()), SIGKILL);
    QVERIFY(rec.waitForFinished(5000));
    const CliRun stats = cli({QStringLiteral("stats"), QStringLiteral("--json"), trace});
    QCOMPARE(stats.exitCode, 0);
    QVERIFY(stats.err.contains("warning"));
    // The sleeper made one getppid every 10 ms; most of the first 700 ms must be there.
    QVERIFY(countsFromStatsJson(stats.out)["getppid"].calls >= 20);
}

void TestCliRecord::dumpShowsDecodedLines() {
    const QString trace = path(QStringLiteral("dump.syscope"));
    QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-o"), trace,
                  QStringLiteral("--"), QString::fromStdString(programPath("paths"))})
                 .exitCode,
             0);
    const CliRun d = cli({QStringLiteral("dump"), trace});
    QCOMPARE(d.exitCode, 0);
    QVERIFY2(d.out.contains("openat(AT_FDCWD, \"/nonexistent/a\\nb\", O_RDONLY) = -1 ENOENT "
                            "(No such file or directory)"),
             d.out.constData());
    QVERIFY(d.out.contains("+++ exited with 0 +++"));
    const CliRun bad = cli({QStringLiteral("dump"), QStringLiteral(SYSCOPE_CLI_PATH)});
    QVERIFY(bad.exitCode != 0);
    QVERIFY(!bad.err.isEmpty());
}

void TestCliRecord::runAsUser() {
    const CliRun r = cli({QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-o"),
                          path(QStringLiteral("user.syscope")), QStringLiteral("--user"),
                          QStringLiteral("nobody"), QStringLiteral("--"), QStringLiteral("id"),
                          QStringLiteral("-u")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("65534"));
    const CliRun bad =
        cli({QStringLiteral("record"), QStringLiteral("--user"), QStringLiteral("no-such-user-xyz"),
             QStringLiteral("--"), QStringLiteral("true")});
    QVERIFY(bad.exitCode != 0);
    QVERIFY2(bad.err.contains("no-such-user-xyz"), bad.err.constData());
}

void TestCliRecord::interruptKillsLaunchedCommand() {
    // A SIGINT sent to the recorder alone reaches the command, which decides what it means
    // (sleep dies of it): the recorder then exits as the command did, with a complete file.
    const QString trace = path(QStringLiteral("interrupted.syscope"));
    QProcess rec;
    rec.start(QStringLiteral(SYSCOPE_CLI_PATH),
              {QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-o"), trace,
               QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(rec.waitForStarted());
    QTest::qWait(300);
    kill(pid_t(rec.processId()), SIGINT);
    QVERIFY(rec.waitForFinished(10000));
    QCOMPARE(rec.exitCode(), 128 + SIGINT);
    const CliRun stats = cli({QStringLiteral("stats"), QStringLiteral("--json"), trace});
    QCOMPARE(stats.exitCode, 0);
    QVERIFY(stats.err.isEmpty()); // closed cleanly: no recovery warning
    // The sleep was interrupted (= ? ERESTART_RESTARTBLOCK) before the signal killed it.
    QCOMPARE(countsFromStatsJson(stats.out)["clock_nanosleep"].errors, 1L);
}

void TestCliRecord::kernelThreadCannotBeTraced() {
    const CliRun r = cli({QStringLiteral("record"), QStringLiteral("-o"),
                          path(QStringLiteral("kthread.syscope")), QStringLiteral("--pid"),
                          QStringLiteral("2")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("kernel thread"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliRecord)
#include "tst_cli_record.moc"
