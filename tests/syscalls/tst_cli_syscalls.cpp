// `syscope-cli syscalls`: the table for terminals and scripts.
#include "syscalls/SyscallTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "CliRun.h"

using namespace syscope;
using namespace syscope::testutil;

namespace {

// `syscope-cli syscalls ARGS...`
CliRun runCli(const QStringList& args) {
    return runSyscopeCli(QStringList{QStringLiteral("syscalls")} + args, 30000);
}

} // namespace

class TestCliSyscalls : public QObject {
    Q_OBJECT

private slots:
    void wholeTable() {
        const CliRun r = runCli({});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(std::size_t(lines.size()), SyscallTable::forArch(Arch::X86_64).all().size() + 1);
        QVERIFY(lines.front().contains("NAME"));
        QVERIFY(r.out.contains(" 257  openat "));
        QVERIFY(r.out.contains("dirfd, path, flags(open-flags), mode"));
        QVERIFY(r.out.contains("changes-memory-map"));
        QVERIFY(r.out.contains("fd, buffer[out], size"));
    }

    void json_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("rows");
        QTest::newRow("x86_64") << QStringList{QStringLiteral("--json")}
                                << int(SyscallTable::forArch(Arch::X86_64).all().size());
        QTest::newRow("i386") << QStringList{QStringLiteral("--json"), QStringLiteral("--arch"),
                                             QStringLiteral("i386")}
                              << int(SyscallTable::forArch(Arch::I386).all().size());
        QTest::newRow("one") << QStringList{QStringLiteral("-j"), QStringLiteral("openat")} << 1;
    }

    void json() {
        QFETCH(QStringList, args);
        QFETCH(int, rows);
        const CliRun r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(!doc.isNull(), qPrintable(error.errorString()));
        QVERIFY(doc.isArray());
        const QJsonArray array = doc.array();
        QCOMPARE(array.size(), rows);
        bool sawOpenat = false;
        for (const QJsonValue& v : array) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.contains(QStringLiteral("nr")));
            QVERIFY(o.value(QStringLiteral("args")).isArray());
            QVERIFY(o.value(QStringLiteral("classes")).isArray());
            QVERIFY(o.value(QStringLiteral("flags")).isArray());
            if (o.value(QStringLiteral("name")).toString() == QStringLiteral("openat")) {
                sawOpenat = true;
                const QJsonArray a = o.value(QStringLiteral("args")).toArray();
                QCOMPARE(a.size(), 4);
                QCOMPARE(a[0].toObject().value(QStringLiteral("kind")).toString(),
                         QStringLiteral("dirfd"));
                QCOMPARE(a[2].toObject().value(QStringLiteral("set")).toString(),
                         QStringLiteral("open-flags"));
                QVERIFY(
                    o.value(QStringLiteral("classes")).toArray().contains(QStringLiteral("file")));
            }
        }
        QVERIFY(sawOpenat);
        if (rows > 1) {
            const QJsonObject read = array.first().toObject(); // read is number 0 on x86_64
            if (read.value(QStringLiteral("name")).toString() == QStringLiteral("read")) {
                QVERIFY(read.value(QStringLiteral("args"))
                            .toArray()[1]
                            .toObject()
                            .value(QStringLiteral("output"))
                            .toBool());
            }
        }
        QVERIFY(array.first().toObject().value(QStringLiteral("arch")).isString());
    }

    void oneRow_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("row");
        QTest::newRow("by name") << QStringList{QStringLiteral("mmap")}
                                 << QByteArray("   9  mmap ");
        QTest::newRow("by number") << QStringList{QStringLiteral("9")} << QByteArray("   9  mmap ");
        QTest::newRow("hex number")
            << QStringList{QStringLiteral("0x101")} << QByteArray(" 257  openat ");
        QTest::newRow("i386") << QStringList{QStringLiteral("--arch"), QStringLiteral("i386"),
                                             QStringLiteral("5")}
                              << QByteArray("   5  open ");
        QTest::newRow("x32") << QStringList{QStringLiteral("--arch=x32"), QStringLiteral("execve")}
                             << QByteArray("1073742344  execve ");
    }

    void oneRow() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, row);
        const CliRun r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[1].startsWith(row.trimmed()) || lines[1].contains(row),
                 lines[1].constData());
    }

    void filter() {
        const CliRun r = runCli({QStringLiteral("--filter"), QStringLiteral("%memory")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(" mmap "));
        QVERIFY(r.out.contains(" brk "));
        QVERIFY(!r.out.contains(" openat "));
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown name") << QStringList{QStringLiteral("nosuchcall")} << 1
                                      << QByteArray("no syscall 'nosuchcall' in the x86_64 table");
        QTest::newRow("unknown number")
            << QStringList{QStringLiteral("400")} << 1 << QByteArray("no syscall '400'");
        QTest::newRow("bad arch") << QStringList{QStringLiteral("--arch"), QStringLiteral("arm")}
                                  << 2 << QByteArray("");
        QTest::newRow("bad filter")
            << QStringList{QStringLiteral("--filter"), QStringLiteral("%bogus")} << 2
            << QByteArray("invalid system call class '%bogus'");
        QTest::newRow("two names") << QStringList{QStringLiteral("read"), QStringLiteral("write")}
                                   << 2 << QByteArray("at most one");
    }

    void errors() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const CliRun r = runCli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void help() {
        const CliRun r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--arch"));
        QVERIFY(r.out.contains("--json"));
    }
};

QTEST_GUILESS_MAIN(TestCliSyscalls)
#include "tst_cli_syscalls.moc"
