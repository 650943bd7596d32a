// The JSON contract of `syscope-cli bench-calls` that the GUI relies on.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "CliRun.h"

class TestBenchCallsCli : public QObject {
    Q_OBJECT
private slots:
    void jsonShape();
    void missingVsyscallIsUnavailable();
    void usage();
};

using namespace syscope::testutil;

namespace {

QJsonObject runJson(const QStringList& extra, int* code) {
    const CliRun r =
        runSyscopeCli(QStringList{QStringLiteral("bench-calls"), QStringLiteral("--iterations"),
                                  QStringLiteral("2000"), QStringLiteral("--json")} +
                          extra,
                      120000);
    *code = r.exitCode;
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

void TestBenchCallsCli::jsonShape() {
    int code = -1;
    const QJsonObject o = runJson({}, &code);
    QCOMPARE(code, 0);
    const QJsonArray results = o.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 12);
    QSet<QString> seen;
    for (const auto& v : results) {
        const QJsonObject r = v.toObject();
        const QString call = r.value(QStringLiteral("call")).toString();
        const QString path = r.value(QStringLiteral("path")).toString();
        QVERIFY(QStringList({QStringLiteral("clock_gettime"), QStringLiteral("gettimeofday"),
                             QStringLiteral("time"), QStringLiteral("getcpu")})
                    .contains(call));
        QVERIFY(QStringList(
                    {QStringLiteral("vdso"), QStringLiteral("syscall"), QStringLiteral("vsyscall")})
                    .contains(path));
        seen.insert(call + QLatin1Char('/') + path);
        const QString status = r.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("unavailable")) {
            QVERIFY(!r.value(QStringLiteral("reason")).toString().isEmpty());
            QCOMPARE(path, QStringLiteral("vsyscall"));
            continue;
        }
        QCOMPARE(status, QStringLiteral("ok"));
        for (const char* key : {"p50_ns", "p90_ns", "p99_ns", "mean_ns"}) {
            QVERIFY2(r.value(QLatin1String(key)).isDouble(), key);
            QVERIFY(r.value(QLatin1String(key)).toDouble() >= 0);
        }
        QVERIFY(r.value(QStringLiteral("p50_ns")).toDouble() <=
                r.value(QStringLiteral("p99_ns")).toDouble());
        const QJsonArray hist = r.value(QStringLiteral("histogram")).toArray();
        QVERIFY(!hist.isEmpty());
        double total = 0;
        for (const auto& b : hist) {
            const QJsonObject bin = b.toObject();
            QVERIFY(bin.value(QStringLiteral("hi_ns")).toDouble() >
                    bin.value(QStringLiteral("lo_ns")).toDouble());
            total += bin.value(QStringLiteral("count")).toDouble();
        }
        QCOMPARE(total, double(2000 / 16));
    }
    QCOMPARE(seen.size(), 12);
    const QJsonObject cg = results.at(0).toObject();
    QCOMPARE(cg.value(QStringLiteral("call")).toString(), QStringLiteral("clock_gettime"));
    QCOMPARE(cg.value(QStringLiteral("path")).toString(), QStringLiteral("vdso"));
    QCOMPARE(cg.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void TestBenchCallsCli::missingVsyscallIsUnavailable() {
    int code = -1;
    const QJsonObject o =
        runJson({QStringLiteral("--assume-vsyscall"), QStringLiteral("none")}, &code);
    QCOMPARE(code, 0);
    QCOMPARE(o.value(QStringLiteral("vsyscall_mode")).toString(), QStringLiteral("none"));
    int unavailable = 0;
    for (const auto& v : o.value(QStringLiteral("results")).toArray()) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("path")).toString() == QLatin1String("vsyscall")) {
            QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("unavailable"));
            QVERIFY(!r.value(QStringLiteral("reason")).toString().isEmpty());
            QVERIFY(!r.contains(QStringLiteral("p50_ns")));
            ++unavailable;
        } else {
            QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        }
    }
    QCOMPARE(unavailable, 4);
}

void TestBenchCallsCli::usage() {
    QProcess p;
    p.start(QStringLiteral(SYSCOPE_CLI_PATH),
            {QStringLiteral("bench-calls"), QStringLiteral("--iterations"), QStringLiteral("x")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    p.start(QStringLiteral(SYSCOPE_CLI_PATH),
            {QStringLiteral("bench-calls"), QStringLiteral("--assume-vsyscall"),
             QStringLiteral("bogus")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestBenchCallsCli)
#include "tst_bench_calls_cli.moc"
