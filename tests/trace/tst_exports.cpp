// Exports: golden files (diff -u on mismatch), the strace text round trip, the CLI commands.
#include "CliRun.h"
#include "TraceTestUtil.h"

#include "trace/Export.h"
#include "trace/StraceImport.h"
#include "trace/TraceReader.h"
#include "trace/TraceStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <sstream>

using namespace syscope;
using namespace syscope::testutil;

namespace {

const std::string kGoldenDir = SYSCOPE_TEST_DATA_DIR "/trace/golden/";

// Compares a produced file with its golden twin; on mismatch the failure shows `diff -u`.
// SYSCOPE_UPDATE_GOLDEN=1 rewrites the golden file instead (review the change with git diff).
void compareGolden(const std::string& produced, const std::string& expected) {
    if (readFile(produced) == readFile(expected)) {
        return;
    }
    if (qEnvironmentVariableIntValue("SYSCOPE_UPDATE_GOLDEN") == 1) {
        QFile::remove(QString::fromStdString(expected));
        QVERIFY(QFile::copy(QString::fromStdString(produced), QString::fromStdString(expected)));
        qWarning("updated %s", expected.c_str());
        return;
    }
    QProcess diff;
    diff.start(QStringLiteral("diff"), {QStringLiteral("-u"), QString::fromStdString(expected),
                                        QString::fromStdString(produced)});
    diff.waitForFinished(10000);
    const QByteArray text = diff.readAllStandardOutput();
    QFAIL(("output differs from " + expected + ":\n" + text.toStdString()).c_str());
}

int runCli(const QStringList& args, QByteArray* err = nullptr) {
    CliRun r = runSyscopeCli(args, 60000);
    if (err) {
        *err = std::move(r.err);
    }
    return r.exitCode;
}

// A trace like a recorder's: two processes, a thread, strings, failures, an unfinished call,
// 32-bit calls, a vDSO call, signals and exits.
TraceStore realisticStore() {
    TraceStore store;
    TraceMetadata meta = sampleMetadata();
    meta.startMonoNs = 5'000'000'000LL;
    meta.startWallNs = 1'700'000'000'000'000'000LL;
    store.setMetadata(meta);
    EventBatch b;
    TimeNs t = 5'000'000'000LL;
    auto add = [&](std::int32_t pid, std::int32_t tid, std::int32_t nr,
                   std::array<std::uint64_t, 6> args, std::int64_t ret, TimeNs dur,
                   std::uint8_t flags = 0, Arch arch = Arch::X86_64) {
        SyscallEvent e = makeEvent(pid, tid, nr, t, t + dur, ret);
        e.args = args;
        e.flags = flags;
        e.arch = arch;
        if (e.unfinished()) {
            e.exit = e.enter;
        }
        t += dur + 1234;
        b.events.push_back(e);
        return static_cast<std::uint32_t>(b.events.size() - 1);
    };
    auto idx = add(10, 10, 257, {static_cast<std::uint64_t>(-100), 0x7ffd0000, 0x80000, 0, 0, 0}, 3,
                   11'111);
    b.strings.push_back({idx, 1, false, "/etc/hostname"});
    idx = add(10, 10, 0, {3, 0x7ffd1000, 4096, 0, 0, 0}, 4, 5'000);
    b.strings.push_back({idx, 1, false, std::string("box\n\0\xff", 6)});
    idx = add(10, 10, 257, {static_cast<std::uint64_t>(-100), 0x7ffd2000, 0, 0, 0, 0}, -2, 7'000);
    b.strings.push_back({idx, 1, true, "/tmp/\"long\"\tname"});
    add(10, 10, 9, {0, 8192, 3, 0x22, ~0ULL, 0}, 0x7f0000001000LL, 3'000);
    add(10, 10, 56,
        {0x3d0f00, 0x7f0000100000ULL, 0x7f0000100910ULL, 0x7f0000100910ULL, 0x7f0000100640ULL, 0},
        11, 40'000);
    add(10, 11, 0, {0, 0x7f00002000, 1, 0, 0, 0}, -512, 300'000);
    add(10, 11, 0, {0, 0x7f00002000, 1, 0, 0, 0}, 1, 100'000, EventFlag::Restarted);
    add(10, 10, 110, {}, 9, 2'000);
    add(10, 10, 20, {}, 10, 1'000, EventFlag::Compat32, Arch::I386);
    add(10, 10, 0, {}, 0, 500, EventFlag::Vdso);
    add(10, 10, 57, {}, 12, 90'000);
    add(12, 12, 231, {3, 0, 0, 0, 0, 0}, 0, 0, EventFlag::Unfinished);
    add(10, 11, 60, {0, 0, 0, 0, 0, 0}, 0, 0, EventFlag::Unfinished);
    ProcessEvent sig;
    sig.kind = ProcessEventKind::Signal;
    sig.pid = sig.tid = 10;
    sig.value = 17;
    sig.time = t;
    b.processEvents.push_back(sig);
    ProcessEvent exitEv;
    exitEv.kind = ProcessEventKind::Exit;
    exitEv.pid = exitEv.tid = 12;
    exitEv.value = 3 << 8;
    exitEv.time = t + 10;
    b.processEvents.push_back(exitEv);
    ProcessEvent killed = exitEv;
    killed.pid = killed.tid = 10;
    killed.value = 11 | 0x80;
    killed.time = t + 20;
    b.processEvents.push_back(killed);
    store.append(b);
    return store;
}

} // namespace

class TestExports : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const std::string& name) const {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }

private slots:
    void golden_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("csv") << QStringLiteral("csv") << QStringLiteral("csv");
        QTest::newRow("chrome-json") << QStringLiteral("chrome-json") << QStringLiteral("json");
        QTest::newRow("strace") << QStringLiteral("strace") << QStringLiteral("strace");
    }
    void golden() {
        QFETCH(QString, format);
        QFETCH(QString, suffix);
        TraceStore store;
        std::string error;
        std::string warning;
        QVERIFY2(loadTrace(kGoldenDir + "sample.strace", store, &error, {}, &warning),
                 error.c_str());
        QVERIFY2(warning.empty(), warning.c_str());
        const std::string out = path("sample." + suffix.toStdString());
        QVERIFY2(exportTrace(store, *exportFormatFromName(format.toStdString()), out, &error),
                 error.c_str());
        compareGolden(out, kGoldenDir + "sample." + suffix.toStdString() + ".expected");
        // The same through the CLI.
        const std::string cliOut = path("cli." + suffix.toStdString());
        QByteArray err;
        QCOMPARE(runCli({QStringLiteral("convert"),
                         QString::fromStdString(kGoldenDir + "sample.strace"), QStringLiteral("-o"),
                         QString::fromStdString(cliOut), QStringLiteral("--format"), format},
                        &err),
                 0);
        compareGolden(cliOut, kGoldenDir + "sample." + suffix.toStdString() + ".expected");
    }

    void straceRoundTrip() {
        const TraceStore store = realisticStore();
        std::ostringstream text;
        QVERIFY(writeStraceText(store, text));
        EventBatch batch;
        TraceMetadata meta;
        StraceImportReport report;
        const std::string s = text.str();
        importStraceTexts({{"export", s, 0}}, batch, meta, report);
        QVERIFY2(report.unknownLines == 0, report.summary().c_str());
        TraceStore back;
        back.append(batch);
        // Everything but the vDSO call comes back, in the same order.
        QCOMPARE(back.eventCount(), store.eventCount() - 1);
        const TimeNs shift = store.metadata().startWallNs - store.metadata().startMonoNs;
        std::size_t j = 0;
        for (std::size_t k = 0; k < store.eventCount(); ++k) {
            const SyscallEvent want = store.event(store.eventByEnterTime(k));
            if (want.flags & EventFlag::Vdso) {
                continue;
            }
            const SyscallEvent got = back.event(back.eventByEnterTime(j++));
            const std::string where = describe(want) + "\n got " + describe(got);
            QVERIFY2(got.nr == want.nr && got.arch == want.arch, where.c_str());
            QVERIFY2(got.tid == want.tid && got.pid == want.pid, where.c_str());
            QVERIFY2(got.enter == want.enter + shift, where.c_str());
            QVERIFY2(got.unfinished() == want.unfinished(), where.c_str());
            if (!want.unfinished()) {
                QVERIFY2(got.exit == want.exit + shift && got.ret == want.ret, where.c_str());
            }
            // Arguments strace shows as numbers or names come back; buffers and structures are
            // shown by address when no string was captured, so they come back too.
            for (int a = 0; a < 6; ++a) {
                const auto ws = store.string(store.eventByEnterTime(k), a);
                const auto gs = back.string(back.eventByEnterTime(j - 1), a);
                QCOMPARE(bool(ws), bool(gs));
                if (ws) {
                    QVERIFY(ws->bytes == gs->bytes && ws->truncated == gs->truncated);
                } else if (got.args[a] != want.args[a]) {
                    QVERIFY2(got.args[a] == 0, (where + " arg " + std::to_string(a)).c_str());
                }
            }
        }
        // Process structure: the clone made a thread of pid 10, the exits and the signal survive.
        QCOMPARE(back.processCount(), std::size_t(2));
        int exits = 0;
        for (const auto& p : back.processEvents()) {
            if (p.kind == ProcessEventKind::Exit) {
                ++exits;
                QCOMPARE(p.value, p.tid == 12 ? 3 << 8 : (11 | 0x80));
            }
        }
        QCOMPARE(exits, 2);
        // Exporting the import again gives the same text.
        back.setMetadata(meta);
        std::ostringstream again;
        QVERIFY(writeStraceText(back, again));
        std::string expected = s;
        QCOMPARE(again.str(), expected);
    }

    void chromeJsonShape() {
        const TraceStore store = realisticStore();
        std::ostringstream out;
        QVERIFY(writeChromeJson(store, out));
        QJsonParseError err{};
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out.str()), &err);
        QVERIFY2(!doc.isNull(), qPrintable(err.errorString()));
        const QJsonArray events = doc.object().value(QLatin1String("traceEvents")).toArray();
        int complete = 0;
        int instant = 0;
        int meta = 0;
        for (const auto& v : events) {
            const QJsonObject e = v.toObject();
            const QString ph = e.value(QLatin1String("ph")).toString();
            if (ph == QLatin1String("X")) {
                ++complete;
                QVERIFY(e.contains(QLatin1String("dur")));
                QVERIFY(e.value(QLatin1String("args")).toObject().contains(QLatin1String("call")));
            } else if (ph == QLatin1String("i")) {
                ++instant;
            } else if (ph == QLatin1String("M")) {
                ++meta;
            }
        }
        QCOMPARE(complete, 11);   // finished syscalls and the vDSO call
        QCOMPARE(instant, 2 + 3); // unfinished calls + process events
        QCOMPARE(meta, 2 + 3);    // two process names, three thread names
        // Microseconds with nanosecond fractions: the openat took 11.111 µs.
        QVERIFY(out.str().find("\"dur\":11.111") != std::string::npos);
    }

    void csvShape() {
        const TraceStore store = realisticStore();
        std::ostringstream out;
        QVERIFY(writeCsv(store, out));
        std::istringstream in(out.str());
        std::string line;
        std::getline(in, line);
        QCOMPARE(line,
                 std::string("time_ns,pid,tid,syscall,arch,args,ret,errno,duration_ns,flags"));
        std::size_t rows = 0;
        while (std::getline(in, line)) {
            ++rows;
        }
        // One row per event: strings are escaped strace-style, so no raw newline splits a row.
        QCOMPARE(rows, store.eventCount());
        QVERIFY(
            out.str().find(",openat,x86_64,\"AT_FDCWD, \"\"/tmp/\\\"\"long\\\"\"\\tname\"\"..., "
                           "O_RDONLY\",-2,ENOENT,7000,\n") != std::string::npos);
    }

    void syscopeExportRoundTrip() {
        const TraceStore store = realisticStore();
        std::string error;
        const std::string out = path("copy.syscope");
        QVERIFY2(exportTrace(store, ExportFormat::Syscope, out, &error), error.c_str());
        TraceStore back;
        QVERIFY2(loadTrace(out, back, &error), error.c_str());
        QCOMPARE(back.eventCount(), store.eventCount());
        for (std::size_t i = 0; i < store.eventCount(); ++i) {
            QVERIFY(sameEvent(back.event(i), store.event(i)));
            QCOMPARE(back.strings(i).size(), store.strings(i).size());
        }
        QCOMPARE(back.processEvents().size(), store.processEvents().size());
        QCOMPARE(back.metadata().hostname, store.metadata().hostname);
    }

    void cliErrors() {
        QByteArray err;
        QCOMPARE(runCli({QStringLiteral("convert"), QStringLiteral("/nonexistent.syscope"),
                         QStringLiteral("-o"), QString::fromStdString(path("x.csv")),
                         QStringLiteral("--format"), QStringLiteral("csv")},
                        &err),
                 1);
        QVERIFY2(err.contains("/nonexistent.syscope"), err.constData());
        QCOMPARE(
            runCli({QStringLiteral("convert"), QString::fromStdString(kGoldenDir + "sample.strace"),
                    QStringLiteral("-o"), QString::fromStdString(path("x.bin")),
                    QStringLiteral("--format"), QStringLiteral("pdf")},
                   &err),
            2);
        QVERIFY2(err.contains("unknown format"), err.constData());
        const std::string garbage = path("garbage.syscope");
        writeFile(garbage, std::string("\x89SYSCOPE\x07\0\0\0\0\0\0\0", 16));
        QCOMPARE(runCli({QStringLiteral("convert"), QString::fromStdString(garbage),
                         QStringLiteral("-o"), QString::fromStdString(path("y.csv")),
                         QStringLiteral("--format"), QStringLiteral("csv")},
                        &err),
                 1);
        QVERIFY2(err.contains("newer syscope"), err.constData());
    }

    void cliImportStrace() {
        const std::string out = path("imported.syscope");
        QByteArray err;
        QCOMPARE(runCli({QStringLiteral("import-strace"),
                         QString::fromStdString(kGoldenDir + "sample.strace"), QStringLiteral("-o"),
                         QString::fromStdString(out)},
                        &err),
                 0);
        QVERIFY2(err.contains("imported 14 syscalls"), err.constData());
        TraceStore store;
        std::string error;
        QVERIFY2(loadTrace(out, store, &error), error.c_str());
        QCOMPARE(store.eventCount(), std::size_t(14));
        QCOMPARE(store.metadata().command.size(), std::size_t(3));
        // A file of junk is not an strace log: nothing imported, non-zero exit.
        const std::string junk = path("junk.txt");
        writeFile(junk, "no syscalls here\n");
        QCOMPARE(runCli({QStringLiteral("import-strace"), QString::fromStdString(junk),
                         QStringLiteral("-o"), QString::fromStdString(path("junk.syscope"))},
                        &err),
                 1);
        QVERIFY2(err.contains("junk.txt:1: no syscalls here"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
