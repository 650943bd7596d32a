#include "aslr/AslrStatistics.h"

#include <QtTest>

#include <cmath>

using namespace syscope;

using AddressList = std::vector<std::uint64_t>;
Q_DECLARE_METATYPE(AddressList)

class TestAslrStatistics : public QObject {
    Q_OBJECT
private slots:
    void region_data();
    void region();
    void constantOffsets();
    void absentIsNotZero();
};

void TestAslrStatistics::region_data() {
    QTest::addColumn<AddressList>("addresses");
    QTest::addColumn<int>("distinct");
    QTest::addColumn<quint64>("mask");
    QTest::addColumn<int>("varying");
    QTest::addColumn<int>("quality");
    QTest::addColumn<double>("shannon");
    QTest::addColumn<int>("alignment");

    QTest::newRow("empty") << AddressList{} << 0 << quint64(0) << 0 << 0 << 0.0 << 0;
    QTest::newRow("fixed vsyscall")
        << AddressList(50, 0xffffffffff600000ull) << 1 << quint64(0) << 0 << 0 << 0.0 << 21;
    QTest::newRow("one bit, even")
        << AddressList{0x1000, 0x3000} << 2 << quint64(0x2000) << 1 << 1 << 1.0 << 12;
    QTest::newRow("two bits, all four") << AddressList{0x10000, 0x11000, 0x12000, 0x13000} << 4
                                        << quint64(0x3000) << 2 << 2 << 2.0 << 12;
    // 9 of 10 runs have the bit clear: it varies, but a 10 % share is no quality bit.
    AddressList skewed(9, 0x7f0000000000ull);
    skewed.push_back(0x7f0000100000ull);
    const double h = -(0.9 * std::log2(0.9) + 0.1 * std::log2(0.1));
    QTest::newRow("skewed") << skewed << 2 << quint64(0x100000) << 1 << 0 << h << 20;
    // Share exactly at the 35 % and 65 % edges counts; 30 % does not.
    AddressList edges;
    for (int i = 0; i < 20; ++i) {
        std::uint64_t a = 0x400000;
        a |= (i < 7 ? 1ull : 0) << 13;  // 7/20 = 35 %
        a |= (i < 13 ? 1ull : 0) << 14; // 13/20 = 65 %
        a |= (i < 6 ? 1ull : 0) << 15;  // 6/20 = 30 %
        edges.push_back(a);
    }
    QTest::newRow("share edges") << edges << 4 << quint64(0xe000) << 3 << 2
                                 << -(2 * 0.3 * std::log2(0.3) + 0.05 * std::log2(0.05) +
                                      0.35 * std::log2(0.35))
                                 << 13;
    QTest::newRow("not page aligned") << AddressList{0x10, 0x30, 0x50} << 3 << quint64(0x60) << 2
                                      << 0 << std::log2(3.0) << 4; // each bit set in 1 of 3
    QTest::newRow("all zero") << AddressList{0, 0} << 1 << quint64(0) << 0 << 0 << 0.0 << 64;
}

void TestAslrStatistics::region() {
    QFETCH(AddressList, addresses);
    QFETCH(int, distinct);
    QFETCH(quint64, mask);
    QFETCH(int, varying);
    QFETCH(int, quality);
    QFETCH(double, shannon);
    QFETCH(int, alignment);
    const auto s = computeRegionStatistics(AslrRegion::Libc, addresses);
    QCOMPARE(s.present, int(addresses.size()));
    QCOMPARE(s.distinct, distinct);
    QCOMPARE(quint64(s.varyingMask), mask);
    QCOMPARE(s.varyingBits, varying);
    QCOMPARE(s.qualityBits, quality);
    QVERIFY2(std::abs(s.shannonBits - shannon) < 1e-9,
             qPrintable(QStringLiteral("%1 vs %2").arg(s.shannonBits).arg(shannon)));
    if (!addresses.empty()) {
        QVERIFY(std::abs(s.shannonCapBits - std::log2(double(addresses.size()))) < 1e-9);
        QVERIFY(s.shannonBits <= s.shannonCapBits + 1e-9);
        QCOMPARE(s.min, *std::min_element(addresses.begin(), addresses.end()));
        QCOMPARE(s.max, *std::max_element(addresses.begin(), addresses.end()));
        QCOMPARE(s.alignmentBits, alignment);
        QCOMPARE(s.pageAligned, alignment >= 12);
    }
    QCOMPARE(s.addresses, addresses);
}

void TestAslrStatistics::constantOffsets() {
    // libc and [vdso] move together; exe moves independently; [vsyscall] is fixed; interp is
    // present in only some runs.
    std::vector<AslrBases> runs;
    const std::uint64_t libc[] = {0x7f1000000000, 0x7f2345678000, 0x7f0012345000, 0x7fabc0000000};
    const std::uint64_t exe[] = {0x555500000000, 0x555600001000, 0x555500003000, 0x5557ff000000};
    for (int i = 0; i < 4; ++i) {
        AslrBases b;
        b[AslrRegion::Libc] = libc[i];
        b[AslrRegion::Vdso] = libc[i] + 0x1f7000;
        b[AslrRegion::Exe] = exe[i];
        b[AslrRegion::Vsyscall] = 0xffffffffff600000ull;
        if (i % 2 == 0) {
            b[AslrRegion::Interp] = libc[i] + 0x1f9000;
        }
        // Stack is below libc in this synthetic set: the pair must come out libc-first anyway.
        b[AslrRegion::Stack] = libc[i] - 0x10000;
        runs.push_back(b);
    }
    const auto st = AslrStatistics::compute(runs);
    QCOMPARE(st.runs, 4);
    QCOMPARE(int(st.regions.size()), kAslrRegionCount);
    QCOMPARE(st.region(AslrRegion::Interp).present, 2);
    QCOMPARE(st.region(AslrRegion::Vsyscall).varyingBits, 0);
    QCOMPARE(st.constantOffsets.size(), size_t(3));
    const auto has = [&](AslrRegion a, AslrRegion b, std::uint64_t off) {
        return std::any_of(
            st.constantOffsets.begin(), st.constantOffsets.end(),
            [&](const AslrConstantOffset& c) { return c.a == a && c.b == b && c.offset == off; });
    };
    QVERIFY(has(AslrRegion::Libc, AslrRegion::Vdso, 0x1f7000));
    QVERIFY(has(AslrRegion::Stack, AslrRegion::Libc, 0x10000));
    QVERIFY(has(AslrRegion::Stack, AslrRegion::Vdso, 0x207000));
}

void TestAslrStatistics::absentIsNotZero() {
    std::vector<AslrBases> runs(3);
    runs[0][AslrRegion::Stack] = 0x7ffd00000000;
    runs[1][AslrRegion::Stack] = 0x7ffe00000000;
    runs[2][AslrRegion::Stack] = 0x7ffc00000000;
    const auto st = AslrStatistics::compute(runs);
    const auto& interp = st.region(AslrRegion::Interp);
    QCOMPARE(interp.present, 0);
    QCOMPARE(interp.distinct, 0);
    QVERIFY(interp.addresses.empty());
    QCOMPARE(st.region(AslrRegion::Stack).present, 3);
    QCOMPARE(st.region(AslrRegion::Stack).varyingBits, 2);
    QVERIFY(st.constantOffsets.empty());
}

QTEST_GUILESS_MAIN(TestAslrStatistics)
#include "tst_aslr_statistics.moc"
