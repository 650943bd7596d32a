// The JSON contract of `syscope-cli aslr` that the GUI relies on.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "CliRun.h"

class TestAslrCli : public QObject {
    Q_OBJECT
private slots:
    void jsonShape();
    void noRandomizeJson();
    void progressLines();
    void tableAndUsage();
};

using namespace syscope::testutil;

namespace {

CliRun cli(const QStringList& args) {
    return runSyscopeCli(args, 120000);
}

QJsonObject parse(const QByteArray& json) {
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        qWarning("%s", qPrintable(err.errorString()));
    }
    return doc.object();
}

bool isHex(const QJsonValue& v) {
    bool ok = false;
    v.toString().mid(2).toULongLong(&ok, 16);
    return v.isString() && v.toString().startsWith(QStringLiteral("0x")) && ok;
}

} // namespace

void TestAslrCli::jsonShape() {
    const auto r =
        cli({QStringLiteral("aslr"), QStringLiteral("--runs"), QStringLiteral("8"),
             QStringLiteral("--json"), QStringLiteral("--"), QStringLiteral("/bin/true")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = parse(r.out);
    QCOMPARE(o.value(QStringLiteral("runs")).toInt(), 8);
    QCOMPARE(o.value(QStringLiteral("randomize")).toBool(false), true);
    QCOMPARE(o.value(QStringLiteral("command")).toArray(), QJsonArray{QStringLiteral("/bin/true")});
    const QJsonObject sys = o.value(QStringLiteral("system")).toObject();
    for (const char* key : {"randomize_va_space", "mmap_rnd_bits"}) {
        QVERIFY2(sys.value(QLatin1String(key)).isDouble(), key);
    }
    QVERIFY(QStringList({QStringLiteral("none"), QStringLiteral("emulate"), QStringLiteral("xonly"),
                         QStringLiteral("unknown")})
                .contains(sys.value(QStringLiteral("vsyscall_mode")).toString()));
    QVERIFY(!sys.value(QStringLiteral("kernel")).toString().isEmpty());

    const QJsonArray regions = o.value(QStringLiteral("regions")).toArray();
    QCOMPARE(regions.size(), 10);
    QStringList names;
    for (const auto& v : regions) {
        const QJsonObject reg = v.toObject();
        names << reg.value(QStringLiteral("name")).toString();
        const int present = reg.value(QStringLiteral("present")).toInt(-1);
        QVERIFY(present == 0 || present == 8);
        for (const char* key : {"distinct", "varying_bits", "quality_bits"}) {
            QVERIFY2(reg.value(QLatin1String(key)).isDouble(), key);
        }
        QVERIFY(reg.value(QStringLiteral("shannon_bits")).isDouble());
        QVERIFY(reg.value(QStringLiteral("shannon_bits")).toDouble() <= 3.0 + 1e-9); // log2(8)
        QVERIFY(isHex(reg.value(QStringLiteral("varying_mask"))));
        const QJsonArray addrs = reg.value(QStringLiteral("addresses")).toArray();
        QCOMPARE(addrs.size(), present);
        if (present > 0) {
            QVERIFY(isHex(reg.value(QStringLiteral("min"))));
            QVERIFY(isHex(reg.value(QStringLiteral("max"))));
            for (const auto& a : addrs) {
                QVERIFY(isHex(a));
            }
        } else {
            QVERIFY(reg.value(QStringLiteral("min")).isNull());
        }
    }
    QCOMPARE(names, QStringList({QStringLiteral("exe"), QStringLiteral("interp"),
                                 QStringLiteral("libc"), QStringLiteral("[heap]"),
                                 QStringLiteral("[stack]"), QStringLiteral("[vdso]"),
                                 QStringLiteral("[vvar]"), QStringLiteral("[vvar_vclock]"),
                                 QStringLiteral("[vsyscall]"), QStringLiteral("anon_mmap")}));
    const QJsonArray offsets = o.value(QStringLiteral("constant_offsets")).toArray();
    for (const auto& v : offsets) {
        const QJsonObject c = v.toObject();
        QVERIFY(names.contains(c.value(QStringLiteral("a")).toString()));
        QVERIFY(names.contains(c.value(QStringLiteral("b")).toString()));
        QVERIFY(isHex(c.value(QStringLiteral("offset"))));
    }
    if (sys.value(QStringLiteral("randomize_va_space")).toInt() > 0) {
        // The loader and the vDSO are placed by the same mmap base on every kernel this runs on.
        bool found = false;
        for (const auto& v : offsets) {
            const QJsonObject c = v.toObject();
            const QSet<QString> pair{c.value(QStringLiteral("a")).toString(),
                                     c.value(QStringLiteral("b")).toString()};
            found |= pair == QSet<QString>{QStringLiteral("libc"), QStringLiteral("interp")};
        }
        QVERIFY(found);
    }
}

void TestAslrCli::noRandomizeJson() {
    const auto r = cli({QStringLiteral("aslr"), QStringLiteral("-n"), QStringLiteral("5"),
                        QStringLiteral("--no-randomize"), QStringLiteral("--json"),
                        QStringLiteral("--"), QStringLiteral("/bin/true")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = parse(r.out);
    QCOMPARE(o.value(QStringLiteral("randomize")).toBool(true), false);
    for (const auto& v : o.value(QStringLiteral("regions")).toArray()) {
        const QJsonObject reg = v.toObject();
        QVERIFY2(reg.value(QStringLiteral("varying_bits")).toInt(-1) == 0,
                 qPrintable(reg.value(QStringLiteral("name")).toString()));
        QCOMPARE(reg.value(QStringLiteral("varying_mask")).toString(), QStringLiteral("0x0"));
    }
}

void TestAslrCli::progressLines() {
    const auto r =
        cli({QStringLiteral("aslr"), QStringLiteral("--runs"), QStringLiteral("4"),
             QStringLiteral("--json"), QStringLiteral("--progress"), QStringLiteral("true")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QByteArray("progress 1/4\nprogress 2/4\nprogress 3/4\nprogress 4/4\n"));
    QCOMPARE(parse(r.out).value(QStringLiteral("runs")).toInt(), 4);
}

void TestAslrCli::tableAndUsage() {
    const auto table = cli({QStringLiteral("aslr"), QStringLiteral("--runs"), QStringLiteral("3"),
                            QStringLiteral("--"), QStringLiteral("/bin/true")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("[vdso]"));
    QVERIFY(table.out.contains("randomize_va_space="));
    QCOMPARE(cli({QStringLiteral("aslr")}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("aslr"), QStringLiteral("--runs"), QStringLiteral("0"),
                  QStringLiteral("true")})
                 .exitCode,
             2);
    const auto missing =
        cli({QStringLiteral("aslr"), QStringLiteral("--"), QStringLiteral("/nonexistent/x")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("/nonexistent/x"));
}

QTEST_GUILESS_MAIN(TestAslrCli)
#include "tst_aslr_cli.moc"
