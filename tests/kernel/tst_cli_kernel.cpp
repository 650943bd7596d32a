// `syscope-cli syscalls` with issue 8's columns: the glibc wrapper and the kernel handler with
// this boot's address, checked against the library and against /proc/kallsyms itself.
#include "kernel/GlibcWrappers.h"
#include "kernel/Kallsyms.h"
#include "kernel/SyscallHandlers.h"

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

class TestCliKernel : public QObject {
    Q_OBJECT
private slots:
    void textColumns() {
        const CliRun r = runCli({QStringLiteral("openat")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].contains("GLIBC"));
        QVERIFY(lines[0].contains("HANDLER"));
        QVERIFY(lines[0].contains("ADDRESS"));
        QVERIFY(lines[1].contains("open, openat, fopen"));
        QVERIFY(lines[1].contains("__x64_sys_openat"));
    }

    void jsonAgreesWithKallsyms() {
        const CliRun r = runCli({QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QVERIFY(rows.size() > 300);
        std::string error;
        const auto kallsyms = Kallsyms::read(&error);
        int withAddress = 0;
        for (const QJsonValue& v : rows) {
            const QJsonObject row = v.toObject();
            const std::string name = row.value(QStringLiteral("name")).toString().toStdString();
            const QJsonObject glibc = row.value(QStringLiteral("glibc")).toObject();
            const GlibcWrapper w = glibcWrapper(Arch::X86_64, name);
            QCOMPARE(glibc.value(QStringLiteral("known")).toBool(), w.known);
            QCOMPARE(glibc.value(QStringLiteral("functions")).toString().toStdString(),
                     std::string(w.functions));
            QCOMPARE(glibc.value(QStringLiteral("vdso_first")).toBool(), w.vdsoFirst);
            const QJsonObject kernel = row.value(QStringLiteral("kernel")).toObject();
            const QString handler = kernel.value(QStringLiteral("handler")).toString();
            const QJsonValue address = kernel.value(QStringLiteral("address"));
            if (!kallsyms) {
                QVERIFY(address.isNull());
                continue;
            }
            const SyscallHandler h = findHandler(*kallsyms, Arch::X86_64, name);
            QCOMPARE(kernel.value(QStringLiteral("implemented")).toBool(), !h.notImplemented);
            const KernelPlace& place = h.handler.found() ? h.handler : h.niSyscall;
            QCOMPARE(handler.toStdString(), place.symbol);
            if (place.address != 0) {
                // The address is the one /proc/kallsyms shows for the handler, in hex.
                QCOMPARE(address.toString().toStdString(), kernelAddressText(place.address));
                ++withAddress;
            } else {
                QVERIFY(address.isNull());
            }
        }
        if (kallsyms && kallsyms->addressesHidden()) {
            QCOMPARE(withAddress, 0);
            QVERIFY(r.err.contains("hidden"));
        }
    }

    void oneRowJson() {
        const CliRun r = runCli({QStringLiteral("--json"), QStringLiteral("--arch"),
                                 QStringLiteral("i386"), QStringLiteral("stat64")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject kernel = rows[0].toObject().value(QStringLiteral("kernel")).toObject();
        const QString handler = kernel.value(QStringLiteral("handler")).toString();
        // Found in kallsyms (ia32_stat64 is the kernel's name), or the best guess without it.
        QVERIFY2(handler.endsWith(QStringLiteral("ia32_stat64")), qPrintable(handler));
    }
};

QTEST_GUILESS_MAIN(TestCliKernel)
#include "tst_cli_kernel.moc"
