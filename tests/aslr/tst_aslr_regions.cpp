#include "aslr/AslrRegions.h"
#include "proc/ProcMaps.h"

#include <QtTest>

#include <elf.h>

using namespace syscope;

namespace {

std::vector<MapEntry> maps(const char* text) {
    std::vector<MapEntry> out;
    std::string error;
    if (!parseMaps(text, out, &error)) {
        qFatal("bad test maps: %s", error.c_str());
    }
    return out;
}

} // namespace

class TestAslrRegions : public QObject {
    Q_OBJECT
private slots:
    void names();
    void libcPaths_data();
    void libcPaths();
    void glibcProcess();
    void staticBinary();
    void muslProcess();
};

void TestAslrRegions::names() {
    for (int i = 0; i < kAslrRegionCount; ++i) {
        const auto r = static_cast<AslrRegion>(i);
        QCOMPARE(aslrRegionFromName(aslrRegionName(r)), std::optional(r));
    }
    QCOMPARE(aslrRegionName(AslrRegion::VvarVclock), std::string_view("[vvar_vclock]"));
    QVERIFY(!aslrRegionFromName("nope"));
}

void TestAslrRegions::libcPaths_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("libc");
    QTest::newRow("debian") << QStringLiteral("/usr/lib/x86_64-linux-gnu/libc.so.6") << true;
    QTest::newRow("old glibc") << QStringLiteral("/lib/x86_64-linux-gnu/libc-2.31.so") << true;
    QTest::newRow("deleted") << QStringLiteral("/usr/lib/libc.so.6 (deleted)") << true;
    QTest::newRow("musl") << QStringLiteral("/lib/ld-musl-x86_64.so.1") << true;
    QTest::newRow("libcrypt") << QStringLiteral("/usr/lib/libcrypt.so.1") << false;
    QTest::newRow("libcap") << QStringLiteral("/usr/lib/libcap.so.2") << false;
    QTest::newRow("libc in dir name") << QStringLiteral("/opt/libc.so.6/foo.so") << false;
    QTest::newRow("heap") << QStringLiteral("[heap]") << false;
}

void TestAslrRegions::libcPaths() {
    QFETCH(QString, path);
    QFETCH(bool, libc);
    QCOMPARE(isLibcPath(path.toStdString()), libc);
}

void TestAslrRegions::glibcProcess() {
    const auto m = maps(
        "555555554000-555555556000 r--p 00000000 fe:00 10 /usr/bin/my prog\n"
        "555555556000-55555555b000 r-xp 00002000 fe:00 10 /usr/bin/my prog\n"
        "555555560000-555555581000 rw-p 00000000 00:00 0 [heap]\n"
        "7ffff7dd0000-7ffff7dd3000 rw-p 00000000 00:00 0 \n"
        "7ffff7dd3000-7ffff7df9000 r--p 00000000 fe:00 20 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
        "7ffff7df9000-7ffff7f4f000 r-xp 00026000 fe:00 20 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
        "7ffff7fc1000-7ffff7fc5000 r--p 00000000 00:00 0 [vvar]\n"
        "7ffff7fc5000-7ffff7fc7000 r--p 00000000 00:00 0 [vvar_vclock]\n"
        "7ffff7fc7000-7ffff7fc9000 r-xp 00000000 00:00 0 [vdso]\n"
        "7ffff7fc9000-7ffff7fca000 r--p 00000000 fe:00 30 /usr/lib/x86_64-linux-gnu/"
        "ld-linux-x86-64.so.2\n"
        "7ffff7fca000-7ffff7ff0000 r-xp 00001000 fe:00 30 /usr/lib/x86_64-linux-gnu/"
        "ld-linux-x86-64.so.2\n"
        "7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0 [stack]\n"
        "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0 [vsyscall]\n");
    const std::vector<AuxvEntry> auxv{
        {AT_PHDR, 0x555555554040}, {AT_BASE, 0x7ffff7fc9000}, {AT_SYSINFO_EHDR, 0x7ffff7fc7000}};
    const AslrBases b = classifyRegions(m, auxv);
    QCOMPARE(b[AslrRegion::Exe].value_or(0), 0x555555554000ull);
    QCOMPARE(b[AslrRegion::Interp].value_or(0), 0x7ffff7fc9000ull);
    QCOMPARE(b[AslrRegion::Libc].value_or(0), 0x7ffff7dd3000ull);
    QCOMPARE(b[AslrRegion::Heap].value_or(0), 0x555555560000ull);
    QCOMPARE(b[AslrRegion::Stack].value_or(0), 0x7ffffffde000ull);
    QCOMPARE(b[AslrRegion::Vdso].value_or(0), 0x7ffff7fc7000ull);
    QCOMPARE(b[AslrRegion::Vvar].value_or(0), 0x7ffff7fc1000ull);
    QCOMPARE(b[AslrRegion::VvarVclock].value_or(0), 0x7ffff7fc5000ull);
    QCOMPARE(b[AslrRegion::Vsyscall].value_or(0), 0xffffffffff600000ull);
    QVERIFY(!b[AslrRegion::AnonMmap]); // never from a map alone
}

void TestAslrRegions::staticBinary() {
    const auto m = maps("400000-401000 r--p 00000000 fe:00 10 /opt/static\n"
                        "401000-480000 r-xp 00001000 fe:00 10 /opt/static\n"
                        "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]\n"
                        "7ffd000f0000-7ffd000f2000 r-xp 00000000 00:00 0 [vdso]\n");
    const AslrBases b = classifyRegions(m, {{AT_PHDR, 0x400040}, {AT_BASE, 0}});
    QCOMPARE(b[AslrRegion::Exe].value_or(0), 0x400000ull);
    QVERIFY(!b[AslrRegion::Interp]);
    QVERIFY(!b[AslrRegion::Libc]);
    QVERIFY(!b[AslrRegion::Heap]);
    QVERIFY(!b[AslrRegion::Vsyscall]);
    QVERIFY(!b[AslrRegion::Vvar]);
    // No auxv at all: no exe either, but no crash.
    const AslrBases none = classifyRegions(m, {});
    QVERIFY(!none[AslrRegion::Exe]);
    QCOMPARE(none[AslrRegion::Stack].value_or(0), 0x7ffd00000000ull);
}

void TestAslrRegions::muslProcess() {
    const auto m =
        maps("555555554000-555555555000 r--p 00000000 fe:00 10 /bin/busybox\n"
             "7ffff7f00000-7ffff7f14000 r--p 00000000 fe:00 20 /lib/ld-musl-x86_64.so.1\n"
             "7ffff7f14000-7ffff7f60000 r-xp 00014000 fe:00 20 /lib/ld-musl-x86_64.so.1\n");
    const AslrBases b = classifyRegions(m, {{AT_PHDR, 0x555555554040}, {AT_BASE, 0x7ffff7f00000}});
    QCOMPARE(b[AslrRegion::Interp].value_or(0), 0x7ffff7f00000ull);
    QCOMPARE(b[AslrRegion::Libc].value_or(0), 0x7ffff7f00000ull);
}

QTEST_GUILESS_MAIN(TestAslrRegions)
#include "tst_aslr_regions.moc"
