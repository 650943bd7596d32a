// Pure logic of the lab views: address-map layout (gap collapsing, kinds), bit shares for the
// ASLR heatmap, latency bins and percentiles, the CLI JSON readers, latencies from a store.
#include "aslr/AslrStatistics.h"
#include "lab/AddressLayout.h"
#include "lab/BitHeatmap.h"
#include "lab/LabResults.h"
#include "lab/LatencyBins.h"
#include "lab/OverheadProbe.h"
#include "lab/TraceLatencies.h"
#include "trace/TraceStore.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace syscope;
using namespace syscope::gui::lab;

namespace {

MapEntry mapping(std::uint64_t start, std::uint64_t end, const char* path = "",
                 std::uint8_t perms = MapPerm::Read) {
    MapEntry e;
    e.start = start;
    e.end = end;
    e.path = path;
    e.perms = perms;
    return e;
}

QByteArray readData(const char* name) {
    QFile f(QStringLiteral(SYSCOPE_TEST_DATA_DIR "/gui2/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

using Addresses = std::vector<std::uint64_t>;

} // namespace

Q_DECLARE_METATYPE(std::vector<syscope::MapEntry>)
Q_DECLARE_METATYPE(Addresses)

class TestLabLogic : public QObject {
    Q_OBJECT
private slots:
    void gapCollapsing_data();
    void gapCollapsing();
    void tinyAndHugeBothVisible();
    void extentGrowsWithLogSize();
    void unsortedAndEmptyEntries();
    void positionIsMonotonic();
    void groupsOfOneFile();
    void nonCanonicalHole();
    void classify_data();
    void classify();
    void formatBytes_data();
    void formatBytes();

    void bitShares_data();
    void bitShares();
    void bitSharesAgreeWithCoreStatistics();
    void heatmapColumns();

    void binOf_data();
    void binOf();
    void percentiles();

    void parseHex_data();
    void parseHex();
    void aslrJsonFromTheCli();
    void aslrJsonMalformed_data();
    void aslrJsonMalformed();
    void benchJsonFromTheCli();
    void overheadFromBenchOutputs();

    void latenciesFromStore();
};

void TestLabLogic::gapCollapsing_data() {
    QTest::addColumn<std::vector<MapEntry>>("entries");
    QTest::addColumn<int>("mappings");
    QTest::addColumn<int>("gaps");
    QTest::addColumn<QString>("firstGapLabel");

    QTest::newRow("adjacent") << std::vector<MapEntry>{mapping(0x1000, 0x2000),
                                                       mapping(0x2000, 0x5000)}
                              << 2 << 0 << QString();
    QTest::newRow("one page apart")
        << std::vector<MapEntry>{mapping(0x1000, 0x2000), mapping(0x3000, 0x4000)} << 2 << 1
        << QStringLiteral("4 KiB");
    QTest::newRow("user space to vsyscall")
        << std::vector<MapEntry>{mapping(0x7ffffffde000, 0x800000000000, "[stack]"),
                                 mapping(0xffffffffff600000, 0xffffffffff601000, "[vsyscall]")}
        << 2 << 1 << QStringLiteral("16 EiB");
    QTest::newRow("128 TiB hole") << std::vector<MapEntry>{mapping(0x0, 0x1000),
                                                           mapping(0x800000001000, 0x800000002000)}
                                  << 2 << 1 << QStringLiteral("128 TiB");
    QTest::newRow("overlap is no gap")
        << std::vector<MapEntry>{mapping(0x1000, 0x9000), mapping(0x2000, 0x3000),
                                 mapping(0x9000, 0xa000)}
        << 3 << 0 << QString();
}

void TestLabLogic::gapCollapsing() {
    QFETCH(std::vector<MapEntry>, entries);
    QFETCH(int, mappings);
    QFETCH(int, gaps);
    QFETCH(QString, firstGapLabel);
    const LayoutOptions options;
    const AddressLayout layout = AddressLayout::compute(entries, options);
    QCOMPARE(int(layout.mappingCount()), mappings);
    QCOMPARE(int(layout.gapCount()), gaps);
    double pos = 0;
    for (const auto& s : layout.segments()) {
        QCOMPARE(s.position, pos); // contiguous, no overlap on the display axis
        pos += s.extent;
        if (s.gap) {
            // Every gap is collapsed to a fixed short length, whatever its size.
            QVERIFY(s.extent == options.gapExtent || s.extent == options.smallGapExtent);
            if (firstGapLabel.size()) {
                QCOMPARE(QString::fromStdString(syscope::gui::lab::formatBytes(s.size())),
                         firstGapLabel);
                firstGapLabel.clear();
            }
        }
    }
    QCOMPARE(layout.totalExtent(), pos);
}

void TestLabLogic::tinyAndHugeBothVisible() {
    // A 4 KiB vsyscall page above 128 TiB of nothing: to scale it would be 2^-35 of the axis.
    const std::vector<MapEntry> entries{
        mapping(0x400000, 0x401000, "/bin/x"), mapping(0x7ffd00000000, 0x7ffd00021000, "[stack]"),
        mapping(0xffffffffff600000, 0xffffffffff601000, "[vsyscall]")};
    const AddressLayout layout = AddressLayout::compute(entries);
    const auto& segs = layout.segments();
    QCOMPARE(int(segs.size()), 5);
    const auto& vsyscall = segs.back();
    QVERIFY(!vsyscall.gap);
    QCOMPARE(vsyscall.size(), std::uint64_t(4096));
    // The page gets at least a tenth of the axis, and no gap takes more than a third.
    QVERIFY(vsyscall.extent / layout.totalExtent() > 0.1);
    for (const auto& s : segs) {
        if (s.gap) {
            QVERIFY(s.extent / layout.totalExtent() < 1.0 / 3);
        }
    }
}

void TestLabLogic::extentGrowsWithLogSize() {
    const LayoutOptions o;
    const auto extentOf = [&](std::uint64_t size) {
        return AddressLayout::compute({mapping(0x10000, 0x10000 + size)}, o).segments()[0].extent;
    };
    QCOMPARE(extentOf(4096), o.minExtent);
    QCOMPARE(extentOf(100), o.minExtent); // below a page: still one line
    QVERIFY(qFuzzyCompare(extentOf(2ull << 20), o.minExtent + 9 * o.perDoubling));
    QVERIFY(qFuzzyCompare(extentOf(1ull << 30), o.minExtent + 18 * o.perDoubling));
}

void TestLabLogic::unsortedAndEmptyEntries() {
    const std::vector<MapEntry> entries{mapping(0x9000, 0xa000, "c"), mapping(0x5000, 0x5000),
                                        mapping(0x8000, 0x7000), mapping(0x1000, 0x2000, "a")};
    const AddressLayout layout = AddressLayout::compute(entries);
    QCOMPARE(int(layout.mappingCount()), 2);
    QCOMPARE(layout.segments().front().entry, std::size_t(3));
    QCOMPARE(layout.segments().back().entry, std::size_t(0));
    QVERIFY(AddressLayout::compute({}).segments().empty());
    QCOMPARE(AddressLayout::compute({}).positionOf(0x1234), 0.0);
    QCOMPARE(AddressLayout::compute({}).segmentAt(0.5), -1);
}

void TestLabLogic::positionIsMonotonic() {
    const std::vector<MapEntry> entries{mapping(0x400000, 0x401000), mapping(0x600000, 0x800000),
                                        mapping(0x7f0000000000, 0x7f0000100000),
                                        mapping(0xffffffffff600000, 0xffffffffff601000)};
    const AddressLayout layout = AddressLayout::compute(entries);
    double last = -1;
    for (const std::uint64_t a :
         {0x0ull, 0x400000ull, 0x400800ull, 0x500000ull, 0x600000ull, 0x7fffffull, 0x900000ull,
          0x100000000ull, 0x7f0000000000ull, 0x7f00000fffffull, 0xffffffff00000000ull,
          0xffffffffff600000ull, 0xffffffffff600fffull, 0xffffffffffffffffull}) {
        const double p = layout.positionOf(a);
        QVERIFY2(p >= last, qPrintable(QString::number(a, 16)));
        QVERIFY(p <= layout.totalExtent());
        last = p;
        const int seg = layout.segmentAt(p);
        if (p < layout.totalExtent()) {
            QVERIFY(seg >= 0);
        }
    }
}

void TestLabLogic::groupsOfOneFile() {
    // ld.so as the kernel and loader map it: four touching pieces, then an anonymous page,
    // then the same file again after a hole (a new group).
    const char* ld = "/usr/lib64/ld-linux-x86-64.so.2";
    const std::vector<MapEntry> entries{
        mapping(0x7f0000005000, 0x7f0000006000, ld, MapPerm::Read | MapPerm::Write),
        mapping(0x7f0000000000, 0x7f0000001000, ld),
        mapping(0x7f0000001000, 0x7f0000003000, ld, MapPerm::Read | MapPerm::Exec),
        mapping(0x7f0000003000, 0x7f0000005000, ld),
        mapping(0x7f0000006000, 0x7f0000007000, ""),
        mapping(0x7f0000009000, 0x7f000000a000, ld),
        mapping(0x7f000000a000, 0x7f000000b000, "[vvar]"),
        mapping(0x7f000000b000, 0x7f000000c000, "[vvar]"),
        mapping(0x7f000000d000, 0x7f000000c000, ld)}; // invalid: dropped
    const auto groups = groupMappings(entries);
    QCOMPARE(int(groups.size()), 5);
    QCOMPARE(groups[0].members, (std::vector<std::size_t>{1, 2, 3, 0}));
    QCOMPARE(groups[0].merged.start, std::uint64_t(0x7f0000000000));
    QCOMPARE(groups[0].merged.end, std::uint64_t(0x7f0000006000));
    QCOMPARE(int(groups[0].merged.perms), MapPerm::Read | MapPerm::Write | MapPerm::Exec);
    QCOMPARE(groups[1].members, (std::vector<std::size_t>{4})); // anonymous never merges
    QCOMPARE(groups[2].members, (std::vector<std::size_t>{5}));
    QCOMPARE(int(groups[3].members.size()), 1); // [special] names never merge
    QCOMPARE(int(groupMappings(entries, false).size()), 8);
}

void TestLabLogic::nonCanonicalHole() {
    QVERIFY(spansNonCanonicalHole(0x7ffffffff000, 0xffffffffff600000));
    QVERIFY(!spansNonCanonicalHole(0x7f0000000000, 0x7ffffffde000));
    QVERIFY(!spansNonCanonicalHole(0xffffffffff601000, 0xfffffffffffff000));
}

void TestLabLogic::classify_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("exe");
    QTest::addColumn<int>("kind");
    const auto row = [](const char* name, const char* path, const char* exe, MapKind kind) {
        QTest::newRow(name) << QString::fromUtf8(path) << QString::fromUtf8(exe) << int(kind);
    };
    row("vsyscall", "[vsyscall]", "", MapKind::Vsyscall);
    row("vdso", "[vdso]", "", MapKind::VdsoVvar);
    row("vvar", "[vvar]", "", MapKind::VdsoVvar);
    row("vvar_vclock", "[vvar_vclock]", "", MapKind::VdsoVvar);
    row("heap", "[heap]", "", MapKind::Heap);
    row("stack", "[stack]", "", MapKind::Stack);
    row("anonymous", "", "", MapKind::Anonymous);
    row("named anon", "[anon:glibc malloc]", "", MapKind::Anonymous);
    row("exe", "/usr/bin/demo", "/usr/bin/demo", MapKind::Executable);
    row("deleted exe", "/tmp/demo (deleted)", "/tmp/demo", MapKind::Executable);
    row("libc", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/bin/demo", MapKind::SharedLibrary);
    row("loader", "/usr/lib64/ld-linux-x86-64.so.2", "/usr/bin/demo", MapKind::SharedLibrary);
    row("plain .so", "/opt/libfoo.so", "", MapKind::SharedLibrary);
    row("not a .so", "/usr/lib/locale/locale-archive", "/bin/x", MapKind::File);
    row("so in the middle", "/data/file.sorted", "", MapKind::File);
}

void TestLabLogic::classify() {
    QFETCH(QString, path);
    QFETCH(QString, exe);
    QFETCH(int, kind);
    const MapEntry e = mapping(0x1000, 0x2000, qPrintable(path));
    QCOMPARE(int(classifyMapping(e, exe.toStdString())), kind);
}

void TestLabLogic::formatBytes_data() {
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << quint64(0) << QStringLiteral("0 B");
    QTest::newRow("page") << quint64(4096) << QStringLiteral("4 KiB");
    QTest::newRow("1.5 KiB") << quint64(1536) << QStringLiteral("1.5 KiB");
    QTest::newRow("132 KiB") << quint64(132 * 1024) << QStringLiteral("132 KiB");
    QTest::newRow("2 MiB") << quint64(2 << 20) << QStringLiteral("2 MiB");
    QTest::newRow("128 TiB") << quint64(1ull << 47) << QStringLiteral("128 TiB");
    QTest::newRow("max") << quint64(~0ull) << QStringLiteral("16 EiB");
}

void TestLabLogic::formatBytes() {
    QFETCH(quint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(syscope::gui::lab::formatBytes(bytes)), text);
}

void TestLabLogic::bitShares_data() {
    QTest::addColumn<Addresses>("addresses");
    QTest::addColumn<int>("bit");
    QTest::addColumn<double>("share");
    QTest::addColumn<int>("varying");
    QTest::addColumn<int>("quality");

    QTest::newRow("two pages, bit 13") << Addresses{0x1000, 0x3000} << 13 << 0.5 << 1 << 1;
    QTest::newRow("two pages, bit 12") << Addresses{0x1000, 0x3000} << 12 << 1.0 << 1 << 1;
    QTest::newRow("fixed region") << Addresses{0x7f0000000000, 0x7f0000000000, 0x7f0000000000} << 40
                                  << 1.0 << 0 << 0;
    QTest::newRow("fixed zero bit")
        << Addresses{0x7f0000000000, 0x7f0000000000} << 39 << 0.0 << 0 << 0;
    QTest::newRow("two random bits")
        << Addresses{0, 1ull << 20, 2ull << 20, 3ull << 20} << 21 << 0.5 << 2 << 2;
    QTest::newRow("skewed bit is no quality bit")
        << Addresses{0, 0, 0, 1ull << 30} << 30 << 0.25 << 1 << 0;
    QTest::newRow("vsyscall bit 63")
        << Addresses{0xffffffffff600000, 0xffffffffff600000} << 63 << 1.0 << 0 << 0;
    QTest::newRow("none") << Addresses{} << 5 << 0.0 << 0 << 0;
    QTest::newRow("35 % is a quality bit")
        << Addresses{1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0} << 0 << 0.35 << 1
        << 1;
}

void TestLabLogic::bitShares() {
    QFETCH(Addresses, addresses);
    QFETCH(int, bit);
    QFETCH(double, share);
    QFETCH(int, varying);
    QFETCH(int, quality);
    const BitShares s = computeBitShares(addresses);
    QCOMPARE(s.samples, int(addresses.size()));
    QVERIFY(qAbs(s.share[bit] - share) < 1e-12);
    QCOMPARE(s.varyingBits(), varying);
    QCOMPARE(s.qualityBits(), quality);
}

void TestLabLogic::bitSharesAgreeWithCoreStatistics() {
    // Random page-aligned 28-bit bases like an mmap base: the heatmap and the core's
    // statistics must count the same varying and quality bits.
    QRandomGenerator rng(1234);
    for (int round = 0; round < 20; ++round) {
        Addresses a;
        const int n = 2 + int(rng.bounded(200));
        for (int i = 0; i < n; ++i) {
            a.push_back(0x7f0000000000ull | (rng.generate64() & 0xfffffff000ull));
        }
        const BitShares s = computeBitShares(a);
        const auto core = computeRegionStatistics(AslrRegion::Libc, a);
        QCOMPARE(s.varyingBits(), core.varyingBits);
        QCOMPARE(s.qualityBits(), core.qualityBits);
    }
}

void TestLabLogic::heatmapColumns() {
    const auto c = heatmapBitColumns();
    QCOMPARE(int(c.size()), 49);
    QCOMPARE(c.front(), 63);
    QCOMPARE(c[1], 47);
    QCOMPARE(c.back(), 0);
}

void TestLabLogic::binOf_data() {
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<int>("bin");
    QTest::newRow("negative") << qint64(-5) << 0;
    QTest::newRow("0") << qint64(0) << 0;
    QTest::newRow("1") << qint64(1) << 0;
    QTest::newRow("9") << qint64(9) << 9;
    QTest::newRow("10") << qint64(10) << 10;
    QTest::newRow("99") << qint64(99) << 19;
    QTest::newRow("100") << qint64(100) << 20;
    QTest::newRow("999") << qint64(999) << 29;
    QTest::newRow("1000") << qint64(1000) << 30;
    QTest::newRow("1 ms") << qint64(1000000) << 60;
    QTest::newRow("1 s") << qint64(1000000000) << 90;
    QTest::newRow("10 s is the last bin") << qint64(10000000000) << 99;
    QTest::newRow("an hour") << qint64(3600000000000) << 99;
}

void TestLabLogic::binOf() {
    QFETCH(qint64, ns);
    QFETCH(int, bin);
    QCOMPARE(LatencyBinning::binOf(ns), bin);
    if (ns >= 1 && ns < 10000000000) {
        QVERIFY(double(ns) >= LatencyBinning::lowerEdgeNs(bin) || bin == 0);
        QVERIFY(double(ns) < LatencyBinning::upperEdgeNs(bin));
    }
}

void TestLabLogic::percentiles() {
    std::vector<std::int64_t> d;
    for (int i = 100; i >= 1; --i) {
        d.push_back(i);
    }
    const LatencySeries s = LatencySeries::fromDurations(d);
    QCOMPARE(s.total, std::uint64_t(100));
    QCOMPARE(s.p50, std::int64_t(50));
    QCOMPARE(s.p90, std::int64_t(90));
    QCOMPARE(s.p99, std::int64_t(99));
    QCOMPARE(s.min, std::int64_t(1));
    QCOMPARE(s.max, std::int64_t(100));
    std::uint64_t sum = 0;
    for (const auto c : s.counts) {
        sum += c;
    }
    QCOMPARE(sum, std::uint64_t(100));
    QCOMPARE(s.counts[10], std::uint64_t(3)); // 10, 11, 12 (12.59 is the next edge)
    QCOMPARE(nearestRank({7}, 0.99), std::int64_t(7));
    QCOMPARE(nearestRank({}, 0.5), std::int64_t(0));
}

void TestLabLogic::parseHex_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("value");
    QTest::newRow("0x") << QStringLiteral("0x7ffd1000") << true << quint64(0x7ffd1000);
    QTest::newRow("upper") << QStringLiteral("0XFFFFFFFFFF600000") << true
                           << quint64(0xffffffffff600000);
    QTest::newRow("bare") << QStringLiteral("abc") << true << quint64(0xabc);
    QTest::newRow("empty") << QString() << false << quint64(0);
    QTest::newRow("just 0x") << QStringLiteral("0x") << false << quint64(0);
    QTest::newRow("too long") << QStringLiteral("0x1ffffffffffffffff") << false << quint64(0);
    QTest::newRow("junk") << QStringLiteral("0x12g4") << false << quint64(0);
}

void TestLabLogic::parseHex() {
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(quint64, value);
    const auto v = parseHexAddress(text);
    QCOMPARE(v.has_value(), ok);
    if (ok) {
        QCOMPARE(quint64(*v), value);
    }
}

void TestLabLogic::aslrJsonFromTheCli() {
    // Recorded with `syscope-cli aslr --runs 100 --json -- syscope-demo`.
    QString error;
    const auto r = AslrResult::fromJson(readData("aslr.json"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->runs, 100);
    QVERIFY(r->randomize);
    QCOMPARE(r->regions.size(), 10);
    QVERIFY(r->mmapRndBits > 0);
    for (const auto& g : r->regions) {
        QCOMPARE(g.addresses.size(), g.present);
        if (g.present == 0) {
            continue;
        }
        // The heatmap's own count equals what the CLI computed.
        const BitShares s =
            computeBitShares(std::vector<std::uint64_t>(g.addresses.begin(), g.addresses.end()));
        QCOMPARE(s.varyingBits(), g.varyingBits);
        QCOMPARE(s.qualityBits(), g.qualityBits);
        if (g.name == QLatin1String("[vsyscall]")) {
            QCOMPARE(g.varyingBits, 0);
            QCOMPARE(g.min, std::uint64_t(0xffffffffff600000));
        }
        if (g.name == QLatin1String("[vdso]")) {
            QVERIFY(g.varyingBits > 10);
        }
    }
    QVERIFY(!r->constantOffsets.isEmpty());

    const auto off = AslrResult::fromJson(readData("aslr-norandom.json"), &error);
    QVERIFY2(off, qPrintable(error));
    QVERIFY(!off->randomize);
    for (const auto& g : off->presentRegions()) {
        QCOMPARE(g.varyingBits, 0);
        QCOMPARE(g.distinct, 1);
    }
}

void TestLabLogic::aslrJsonMalformed_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("no regions") << QByteArray(R"({"runs": 3})");
    QTest::newRow("bad address") << QByteArray(
        R"({"runs": 1, "regions": [{"name": "exe", "present": 1, "min": "0x1", "max": "0x1",)"
        R"( "varying_mask": "0x0", "addresses": ["zz"]}]})");
    QTest::newRow("more addresses than runs") << QByteArray(
        R"({"runs": 1, "regions": [{"name": "exe", "present": 1, "min": "0x1", "max": "0x1",)"
        R"( "varying_mask": "0x0", "addresses": ["0x1", "0x2"]}]})");
    QTest::newRow("bad offset") << QByteArray(
        R"({"runs": 1, "regions": [], "constant_offsets": [{"a": "x", "b": "y", "offset": 5}]})");
}

void TestLabLogic::aslrJsonMalformed() {
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!AslrResult::fromJson(json, &error));
    QVERIFY(!error.isEmpty());
}

void TestLabLogic::benchJsonFromTheCli() {
    QString error;
    const auto b = BenchResults::fromJson(readData("bench.json"), &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->calls(),
             (QStringList{QStringLiteral("clock_gettime"), QStringLiteral("gettimeofday"),
                          QStringLiteral("time"), QStringLiteral("getcpu")}));
    const BenchResult* v = b->find(QStringLiteral("clock_gettime"), QStringLiteral("vdso"));
    const BenchResult* s = b->find(QStringLiteral("clock_gettime"), QStringLiteral("syscall"));
    QVERIFY(v && v->ok && s && s->ok);
    QVERIFY(!v->histogram.isEmpty());
    QVERIFY(v->p50Ns < s->p50Ns); // the point of the vDSO
    QVERIFY(!BenchResults::fromJson(R"({"results": [{"call": "x", "path": "vdso", "histogram":)"
                                    R"( [{"lo_ns": 5, "hi_ns": 1, "count": 1}]}]})",
                                    &error));
}

void TestLabLogic::overheadFromBenchOutputs() {
    const QByteArray untraced = R"({"kernel": "6.1", "results": [
        {"call": "clock_gettime", "path": "vdso", "status": "ok", "p50_ns": 20},
        {"call": "clock_gettime", "path": "syscall", "status": "ok", "p50_ns": 100}]})";
    const QByteArray traced = R"({"kernel": "6.1", "results": [
        {"call": "clock_gettime", "path": "syscall", "status": "ok", "p50_ns": 5100}]})";
    QString error;
    const auto o = OverheadProbe::fromBenchOutputs(untraced, traced, &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->overheadNs(), 5000.0);
    QCOMPARE(o->call, QStringLiteral("clock_gettime"));
    QVERIFY(o->describe().contains(QStringLiteral("5.00 µs")));
    QVERIFY(!OverheadProbe::fromBenchOutputs(untraced, R"({"results": []})", &error));
}

void TestLabLogic::latenciesFromStore() {
    TraceStore store;
    EventBatch batch;
    const auto add = [&](std::int32_t nr, TimeNs enter, TimeNs dur, std::uint8_t flags) {
        SyscallEvent e;
        e.pid = 10;
        e.tid = 10;
        e.nr = nr;
        e.enter = enter;
        e.exit = enter + dur;
        e.flags = flags;
        batch.events.push_back(e);
    };
    add(0, 100, 100, 0);                    // read
    add(0, 300, 200, 0);                    // read
    add(1, 600, 50, 0);                     // write
    add(0, 700, 300, 0);                    // read
    add(0, 1100, 0, EventFlag::Unfinished); // read, unfinished
    add(0, 1200, 40, EventFlag::Vdso);      // vDSO clock_gettime
    store.append(batch);
    std::vector<std::uint32_t> all{0, 1, 2, 3, 4, 5, 999}; // 999: out of range, skipped
    const auto groups = collectLatencies(store, all);
    QCOMPARE(int(groups.size()), 3);
    QCOMPARE(groups[0].name, std::string("read"));
    QCOMPARE(groups[0].durations, (std::vector<std::int64_t>{100, 200, 300}));
    QCOMPARE(groups[0].unfinished, std::uint64_t(1));
    QCOMPARE(groups[1].name, std::string("vdso clock_gettime")); // ties by name
    QVERIFY(groups[1].vdso);
    QCOMPARE(groups[2].name, std::string("write"));
    // A subset, as the range filter gives it.
    const auto some = collectLatencies(store, {1, 2});
    QCOMPARE(int(some.size()), 2);
    QCOMPARE(some[0].durations.size() + some[1].durations.size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestLabLogic)
#include "tst_lab_logic.moc"
