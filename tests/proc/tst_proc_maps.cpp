#include "proc/ProcFile.h"
#include "proc/ProcMaps.h"

#include <QtTest>

#include <sys/mman.h>
#include <unistd.h>

using namespace syscope;

class TestProcMaps : public QObject {
    Q_OBJECT
private slots:
    void tricky();
    void rejects_data();
    void rejects();
    void accepts_data();
    void accepts();
    void keepsOldEntriesOnError();
    void readSelf();
    void readSelfSeesNewMapping();
    void readMissingPid();
};

void TestProcMaps::tricky() {
    std::string text;
    std::string error;
    QVERIFY2(readWholeFile(SYSCOPE_TEST_DATA_DIR "/proc/maps-tricky.txt", text, &error),
             error.c_str());
    std::vector<MapEntry> entries;
    QVERIFY2(parseMaps(text, entries, &error), error.c_str());
    QCOMPARE(entries.size(), size_t(10));

    QCOMPARE(entries[0].start, 0x55d0c0a00000ull);
    QCOMPARE(entries[0].end, 0x55d0c0a02000ull);
    QCOMPARE(entries[0].perms, std::uint8_t(MapPerm::Read));
    QCOMPARE(entries[0].devMajor, 0xfeu);
    QCOMPARE(entries[0].inode, 247134ull);
    QCOMPARE(entries[0].path, std::string("/usr/bin/my prog"));
    QCOMPARE(entries[1].perms, std::uint8_t(MapPerm::Read | MapPerm::Exec));
    QCOMPARE(entries[1].offset, 0x2000ull);
    QCOMPARE(entries[2].path, std::string("[heap]"));
    QCOMPARE(entries[3].perms, std::uint8_t(MapPerm::Read | MapPerm::Write | MapPerm::Shared));
    QCOMPARE(entries[3].path, std::string("/memfd:shared buffer (deleted)"));
    QCOMPARE(mapPathWithoutDeleted(entries[3].path), std::string_view("/memfd:shared buffer"));
    QCOMPARE(entries[4].devMajor, 0x103u);
    QCOMPARE(entries[4].devMinor, 2u);
    QCOMPARE(entries[4].inode, 99999999999ull);
    QCOMPARE(entries[4].path, std::string("/tmp/two  spaces (deleted)"));
    QCOMPARE(entries[5].perms, std::uint8_t(0));
    QVERIFY(entries[5].path.empty());
    QVERIFY(entries[6].path.empty()); // no trailing blanks at all
    QCOMPARE(entries[9].start, 0xffffffffff600000ull);
    QCOMPARE(entries[9].perms, std::uint8_t(MapPerm::Exec));
    QCOMPARE(entries[9].size(), 0x1000ull);
}

void TestProcMaps::rejects_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedError");
    const QString good = QStringLiteral("1000-2000 r--p 00000000 00:00 0 [heap]\n");
    QTest::newRow("garbage") << QStringLiteral("hello world\n") << QStringLiteral("line 1:");
    QTest::newRow("second line") << good + QStringLiteral("zzz\n") << QStringLiteral("line 2:");
    QTest::newRow("after blank") << good + QStringLiteral("\n1000-\n") << QStringLiteral("line 3:");
    QTest::newRow("end before start")
        << QStringLiteral("2000-1000 r--p 00000000 00:00 0\n") << QStringLiteral("line 1: address");
    QTest::newRow("17 hex digits")
        << QStringLiteral("10000000000000000-10000000000000001 r--p 0 00:00 0\n")
        << QStringLiteral("line 1: bad address");
    QTest::newRow("bad perms") << QStringLiteral("1000-2000 rxwp 00000000 00:00 0\n")
                               << QStringLiteral("line 1: bad permissions");
    QTest::newRow("truncated perms")
        << QStringLiteral("1000-2000 r-") << QStringLiteral("line 1: truncated permissions");
    QTest::newRow("no offset") << QStringLiteral("1000-2000 r--p\n")
                               << QStringLiteral("line 1: bad offset");
    QTest::newRow("bad device") << QStringLiteral("1000-2000 r--p 00000000 0000 0\n")
                                << QStringLiteral("line 1: bad device");
    QTest::newRow("inode overflow")
        << QStringLiteral("1000-2000 r--p 00000000 00:00 99999999999999999999999\n")
        << QStringLiteral("line 1: bad inode");
    QTest::newRow("junk after inode")
        << QStringLiteral("1000-2000 r--p 00000000 00:00 12x\n") << QStringLiteral("line 1: junk");
    QTest::newRow("no range") << QStringLiteral(" 1000-2000 r--p 0 00:00 0\n")
                              << QStringLiteral("line 1: bad address");
}

void TestProcMaps::rejects() {
    QFETCH(QString, text);
    QFETCH(QString, expectedError);
    const QByteArray bytes = text.toUtf8();
    std::vector<MapEntry> entries;
    std::string error;
    QVERIFY(!parseMaps(std::string_view(bytes.constData(), size_t(bytes.size())), entries, &error));
    QVERIFY2(error.rfind(expectedError.toStdString(), 0) == 0, error.c_str());
    QVERIFY(entries.empty());
    // A null error pointer must be fine too.
    QVERIFY(
        !parseMaps(std::string_view(bytes.constData(), size_t(bytes.size())), entries, nullptr));
}

void TestProcMaps::accepts_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("only newlines") << QStringLiteral("\n\n") << 0;
    QTest::newRow("no final newline") << QStringLiteral("1000-2000 r--p 00000000 00:00 0") << 1;
    QTest::newRow("uppercase hex") << QStringLiteral("ABC000-ABD000 r--p 0 FE:0A 1 /x\n") << 1;
}

void TestProcMaps::accepts() {
    QFETCH(QString, text);
    QFETCH(int, count);
    const QByteArray bytes = text.toUtf8();
    std::vector<MapEntry> entries;
    std::string error;
    QVERIFY2(parseMaps(std::string_view(bytes.constData(), size_t(bytes.size())), entries, &error),
             error.c_str());
    QCOMPARE(int(entries.size()), count);
}

void TestProcMaps::keepsOldEntriesOnError() {
    std::vector<MapEntry> entries(2);
    entries[1].path = "kept";
    std::string error;
    QVERIFY(!parseMaps("1000-2000 r--p 0 00:00 0\nbad\n", entries, &error));
    QCOMPARE(entries.size(), size_t(2));
    QCOMPARE(entries[1].path, std::string("kept"));
}

void TestProcMaps::readSelf() {
    std::string error;
    const auto snap = readMaps(int(getpid()), &error);
    QVERIFY2(snap, error.c_str());
    QCOMPARE(snap->pid, int(getpid()));
    QCOMPARE(snap->time, TimeNs(0));
    bool stack = false;
    bool vdso = false;
    bool code = false;
    const auto here = reinterpret_cast<std::uint64_t>(&TestProcMaps::staticMetaObject);
    for (const auto& e : snap->entries) {
        stack |= e.path == "[stack]";
        vdso |= e.path == "[vdso]";
        code |= here >= e.start && here < e.end;
    }
    QVERIFY(stack);
    QVERIFY(vdso);
    QVERIFY(code);
}

void TestProcMaps::readSelfSeesNewMapping() {
    const size_t len = 3 * 4096;
    void* p = mmap(nullptr, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(p != MAP_FAILED);
    const auto addr = reinterpret_cast<std::uint64_t>(p);
    std::string error;
    const auto snap = readMaps(int(getpid()), &error);
    munmap(p, len);
    QVERIFY2(snap, error.c_str());
    bool found = false;
    for (const auto& e : snap->entries) {
        if (addr >= e.start && addr + len <= e.end) {
            found = true;
            QVERIFY(e.perms & MapPerm::Read);
            QVERIFY(!(e.perms & MapPerm::Write));
        }
    }
    QVERIFY(found);
}

void TestProcMaps::readMissingPid() {
    std::string error;
    QVERIFY(!readMaps(0x7ffffff0, &error));
    QVERIFY2(error.find("/proc/2147483632/maps") != std::string::npos, error.c_str());
}

QTEST_GUILESS_MAIN(TestProcMaps)
#include "tst_proc_maps.moc"
