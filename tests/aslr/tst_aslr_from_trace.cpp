#include "aslr/AslrFromTrace.h"
#include "proc/ProcMaps.h"
#include "trace/TraceStore.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "CliRun.h"

#include <elf.h>
#include <sys/mman.h>
#include <sys/syscall.h>

using namespace syscope;
using namespace syscope::testutil;

class TestAslrFromTrace : public QObject {
    Q_OBJECT
private slots:
    void synthetic();
    void noMaps();
    void cliComparesRecordings();
    void cliRejectsBadFiles();
};

namespace {

MapsSnapshot snapshot(std::int32_t pid, TimeNs t, const char* text) {
    MapsSnapshot s;
    s.pid = pid;
    s.time = t;
    std::string error;
    if (!parseMaps(text, s.entries, &error)) {
        qFatal("%s", error.c_str());
    }
    return s;
}

SyscallEvent call(std::int32_t pid, TimeNs t, int nr, std::int64_t ret, std::uint64_t flags = 0) {
    SyscallEvent e;
    e.pid = e.tid = pid;
    e.enter = t;
    e.exit = t + 1;
    e.nr = nr;
    e.ret = ret;
    e.args[3] = flags;
    return e;
}

int cli(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr) {
    CliRun r = runSyscopeCli(args, 120000);
    if (out) {
        *out = std::move(r.out);
    }
    if (err) {
        *err = std::move(r.err);
    }
    return r.exitCode;
}

} // namespace

void TestAslrFromTrace::synthetic() {
    TraceStore store;
    EventBatch batch;
    ProcessEvent start;
    start.kind = ProcessEventKind::Start;
    start.pid = start.tid = 100;
    start.time = 1;
    batch.processEvents.push_back(start);
    // An earlier image (a shell before exec) must be ignored: its auxv is older.
    batch.auxv.push_back({5, 100, {{AT_PHDR, 0x10040}, {AT_BASE, 0}}});
    batch.maps.push_back(snapshot(100, 6, "10000-11000 r--p 0 fe:00 1 /bin/sh\n"));
    batch.auxv.push_back({10, 100, {{AT_PHDR, 0x555555554040}, {AT_BASE, 0x7ffff7fc9000}}});
    batch.maps.push_back(
        snapshot(100, 10,
                 "555555554000-555555556000 r--p 0 fe:00 2 /usr/bin/prog\n"
                 "7ffff7fc7000-7ffff7fc9000 r-xp 0 00:00 0 [vdso]\n"
                 "7ffff7fc9000-7ffff7fca000 r--p 0 fe:00 3 /usr/lib/ld-linux-x86-64.so.2\n"
                 "7ffffffde000-7ffffffff000 rw-p 0 00:00 0 [stack]\n"));
    batch.events.push_back(call(100, 11, SYS_brk, 0x555555560000));
    batch.events.push_back(
        call(100, 12, SYS_mmap, 0x7ffff7fb0000, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED));
    batch.events.push_back(call(100, 13, SYS_mmap, 0x7ffff7fc0000, MAP_PRIVATE | MAP_ANONYMOUS));
    batch.maps.push_back(
        snapshot(100, 20,
                 "555555554000-555555556000 r--p 0 fe:00 2 /usr/bin/prog\n"
                 "7ffff7dd3000-7ffff7df9000 r--p 0 fe:00 4 /usr/lib/libc.so.6\n"
                 "7ffff7fc9000-7ffff7fca000 r--p 0 fe:00 3 /usr/lib/ld-linux-x86-64.so.2\n"
                 "7ffffffde000-7ffffffff000 rw-p 0 00:00 0 [stack]\n"));
    // Another process's maps are not ours.
    batch.maps.push_back(snapshot(200, 21, "1000-2000 r--p 0 fe:00 9 /usr/lib/libc.so.6\n"));
    store.append(batch);

    std::string error;
    const auto b = aslrBasesFromTrace(store, &error);
    QVERIFY2(b, error.c_str());
    QCOMPARE((*b)[AslrRegion::Exe].value_or(0), 0x555555554000ull);
    QCOMPARE((*b)[AslrRegion::Interp].value_or(0), 0x7ffff7fc9000ull);
    QCOMPARE((*b)[AslrRegion::Libc].value_or(0), 0x7ffff7dd3000ull); // from the later snapshot
    QCOMPARE((*b)[AslrRegion::Vdso].value_or(0), 0x7ffff7fc7000ull);
    QCOMPARE((*b)[AslrRegion::Heap].value_or(0), 0x555555560000ull);     // first brk
    QCOMPARE((*b)[AslrRegion::AnonMmap].value_or(0), 0x7ffff7fc0000ull); // MAP_FIXED skipped
    QVERIFY(!(*b)[AslrRegion::Vsyscall]);
}

void TestAslrFromTrace::noMaps() {
    TraceStore empty;
    std::string error;
    QVERIFY(!aslrBasesFromTrace(empty, &error));
    QVERIFY(!error.empty());
    TraceStore noMaps;
    EventBatch batch;
    batch.auxv.push_back({1, 7, {{AT_PHDR, 0x1000}}});
    noMaps.append(batch);
    QVERIFY(!aslrBasesFromTrace(noMaps, &error));
    QVERIFY2(error.find("no address map") != std::string::npos, error.c_str());
}

void TestAslrFromTrace::cliComparesRecordings() {
    QTemporaryDir dir;
    QStringList randomized;
    QStringList fixed;
    for (int i = 0; i < 4; ++i) {
        const QString a = dir.filePath(QStringLiteral("r%1.syscope").arg(i));
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("-o"), a,
                      QStringLiteral("--"), QStringLiteral("/bin/true")}),
                 0);
        randomized << a;
        const QString f = dir.filePath(QStringLiteral("f%1.syscope").arg(i));
        QCOMPARE(
            cli({QStringLiteral("record"), QStringLiteral("-q"), QStringLiteral("--no-randomize"),
                 QStringLiteral("-o"), f, QStringLiteral("--"), QStringLiteral("/bin/true")}),
            0);
        fixed << f;
    }
    QByteArray out;
    QCOMPARE(cli(QStringList{QStringLiteral("aslr"), QStringLiteral("--json"),
                             QStringLiteral("--from")} +
                     randomized,
                 &out),
             0);
    QJsonObject o = QJsonDocument::fromJson(out).object();
    QCOMPARE(o.value(QStringLiteral("runs")).toInt(), 4);
    QCOMPARE(o.value(QStringLiteral("source")).toString(), QStringLiteral("trace files"));
    QCOMPARE(o.value(QStringLiteral("command")).toArray().at(0).toString(),
             QStringLiteral("/bin/true"));
    QHash<QString, QJsonObject> regions;
    for (const auto& v : o.value(QStringLiteral("regions")).toArray()) {
        regions.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    }
    for (const char* name : {"exe", "interp", "libc", "[stack]", "[vdso]", "[heap]"}) {
        QVERIFY2(regions.value(QLatin1String(name)).value(QStringLiteral("present")).toInt() == 4,
                 name);
    }
    if (o.value(QStringLiteral("system"))
            .toObject()
            .value(QStringLiteral("randomize_va_space"))
            .toInt() > 0) {
        QVERIFY(
            regions.value(QStringLiteral("libc")).value(QStringLiteral("varying_bits")).toInt() >
            0);
    }

    QCOMPARE(cli(QStringList{QStringLiteral("aslr"), QStringLiteral("--json")} +
                     QStringList{QStringLiteral("--from"), fixed.at(0), QStringLiteral("--from"),
                                 fixed.at(1), fixed.at(2), fixed.at(3)},
                 &out),
             0);
    o = QJsonDocument::fromJson(out).object();
    QCOMPARE(o.value(QStringLiteral("runs")).toInt(), 4);
    for (const auto& v : o.value(QStringLiteral("regions")).toArray()) {
        QVERIFY2(v.toObject().value(QStringLiteral("varying_bits")).toInt(-1) == 0,
                 qPrintable(v.toObject().value(QStringLiteral("name")).toString()));
    }
}

void TestAslrFromTrace::cliRejectsBadFiles() {
    QTemporaryDir dir;
    const QString junk = dir.filePath(QStringLiteral("junk.syscope"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a trace");
    f.close();
    QByteArray err;
    QCOMPARE(cli({QStringLiteral("aslr"), QStringLiteral("--from"), junk}, nullptr, &err), 1);
    QVERIFY(err.contains("syscope-cli aslr:"));
    QCOMPARE(cli({QStringLiteral("aslr"), QStringLiteral("--from"), junk, QStringLiteral("--"),
                  QStringLiteral("/bin/true")}),
             2);
    QCOMPARE(cli({QStringLiteral("aslr"), QStringLiteral("--from"),
                  dir.filePath(QStringLiteral("missing.syscope"))},
                 nullptr, &err),
             1);
}

QTEST_GUILESS_MAIN(TestAslrFromTrace)
#include "tst_aslr_from_trace.moc"
