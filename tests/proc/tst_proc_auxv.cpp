#include "proc/Auxv.h"

#include <QtTest>

#include <cstring>
#include <elf.h>
#include <sys/auxv.h>
#include <unistd.h>

using namespace syscope;

namespace {

std::vector<std::byte> pairs(std::initializer_list<std::uint64_t> words) {
    std::vector<std::byte> out(words.size() * 8);
    size_t i = 0;
    for (const std::uint64_t w : words) {
        std::memcpy(out.data() + 8 * i++, &w, 8);
    }
    return out;
}

} // namespace

class TestProcAuxv : public QObject {
    Q_OBJECT
private slots:
    void parseSynthetic();
    void parseStopsAtNull();
    void parseToleratesMissingNull();
    void rejectsPartialPair_data();
    void rejectsPartialPair();
    void readSelfMatchesGetauxval();
    void names();
    void readMissingPid();
};

void TestProcAuxv::parseSynthetic() {
    const auto bytes = pairs({AT_PAGESZ, 4096, AT_SYSINFO_EHDR, 0x7fff0000, AT_NULL, 0});
    std::vector<AuxvEntry> out;
    std::string error;
    QVERIFY2(parseAuxv(bytes, out, &error), error.c_str());
    QCOMPARE(out.size(), size_t(2));
    QCOMPARE(out[0].type, std::uint64_t(AT_PAGESZ));
    QCOMPARE(out[0].value, std::uint64_t(4096));
    QCOMPARE(auxvValue(out, AT_SYSINFO_EHDR).value_or(0), std::uint64_t(0x7fff0000));
    QVERIFY(!auxvValue(out, AT_BASE));
}

void TestProcAuxv::parseStopsAtNull() {
    const auto bytes = pairs({AT_PAGESZ, 4096, AT_NULL, 0, AT_BASE, 1234});
    std::vector<AuxvEntry> out;
    QVERIFY(parseAuxv(bytes, out, nullptr));
    QCOMPARE(out.size(), size_t(1));
}

void TestProcAuxv::parseToleratesMissingNull() {
    const auto bytes = pairs({AT_PAGESZ, 4096, AT_BASE, 1234});
    std::vector<AuxvEntry> out;
    QVERIFY(parseAuxv(bytes, out, nullptr));
    QCOMPARE(out.size(), size_t(2));
    std::vector<AuxvEntry> none;
    QVERIFY(parseAuxv({}, none, nullptr));
    QVERIFY(none.empty());
}

void TestProcAuxv::rejectsPartialPair_data() {
    QTest::addColumn<int>("length");
    for (const int n : {1, 7, 8, 15, 17, 24, 31}) {
        QTest::newRow(qPrintable(QString::number(n))) << n;
    }
}

void TestProcAuxv::rejectsPartialPair() {
    QFETCH(int, length);
    const auto full = pairs({AT_PAGESZ, 4096, AT_BASE, 1234});
    std::vector<AuxvEntry> out;
    std::string error;
    QVERIFY(!parseAuxv(std::span(full.data(), size_t(length)), out, &error));
    QVERIFY2(error.find("not a multiple of 16") != std::string::npos, error.c_str());
}

void TestProcAuxv::readSelfMatchesGetauxval() {
    std::string error;
    const auto snap = readAuxv(int(getpid()), &error);
    QVERIFY2(snap, error.c_str());
    QCOMPARE(snap->pid, int(getpid()));
    for (const unsigned long type : {AT_SYSINFO_EHDR, AT_PAGESZ, AT_PHDR, AT_ENTRY, AT_RANDOM}) {
        QCOMPARE(auxvValue(snap->entries, type).value_or(0), std::uint64_t(getauxval(type)));
    }
}

void TestProcAuxv::names() {
    QCOMPARE(auxvTypeName(AT_SYSINFO_EHDR), std::string_view("AT_SYSINFO_EHDR"));
    QCOMPARE(auxvTypeName(AT_PHDR), std::string_view("AT_PHDR"));
    QCOMPARE(auxvTypeName(AT_EXECFN), std::string_view("AT_EXECFN"));
    QCOMPARE(auxvTypeName(AT_MINSIGSTKSZ), std::string_view("AT_MINSIGSTKSZ"));
    QVERIFY(auxvTypeName(9999).empty());
}

void TestProcAuxv::readMissingPid() {
    std::string error;
    QVERIFY(!readAuxv(0x7ffffff0, &error));
    QVERIFY(!error.empty());
}

QTEST_GUILESS_MAIN(TestProcAuxv)
#include "tst_proc_auxv.moc"
