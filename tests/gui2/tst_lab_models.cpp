// The lab's table models under QAbstractItemModelTester, fed with real and synthetic data.
#include "lab/AslrRegionModel.h"
#include "lab/HistogramModel.h"
#include "lab/LabResults.h"
#include "lab/VdsoSymbolModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTest>

using namespace syscope;
using namespace syscope::gui::lab;

class TestLabModels : public QObject {
    Q_OBJECT
private slots:
    void aslrRegionModel();
    void histogramModel();
    void histogramModelEmpty();
    void vdsoSymbolModel();
};

void TestLabModels::aslrRegionModel() {
    QFile f(QStringLiteral(SYSCOPE_TEST_DATA_DIR "/gui2/aslr.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString error;
    const auto r = AslrResult::fromJson(f.readAll(), &error);
    QVERIFY2(r, qPrintable(error));
    AslrRegionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetData(*r);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.columnCount(), int(AslrRegionModel::ColumnCount));
    bool sawVsyscall = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString name = model.index(row, AslrRegionModel::Region).data().toString();
        if (name == QLatin1String("[vsyscall]")) {
            sawVsyscall = true;
            QCOMPARE(model.index(row, AslrRegionModel::Varying).data().toInt(), 0);
            QCOMPARE(model.index(row, AslrRegionModel::Min).data().toString(),
                     QStringLiteral("0xffffffffff600000"));
        }
    }
    QVERIFY(sawVsyscall);
    QVERIFY(model.index(0, AslrRegionModel::Shannon).data().toString().contains(u"cap"));
    model.resetData(AslrResult{});
    QCOMPARE(model.rowCount(), 0);
}

void TestLabModels::histogramModel() {
    HistogramModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HistogramData data;
    std::vector<std::int64_t> a{100, 150, 1000, 1000, 5000};
    std::vector<std::int64_t> b{20000};
    data.series.push_back({QStringLiteral("read"), Qt::red, LatencySeries::fromDurations(a)});
    data.series.push_back({QStringLiteral("write"), Qt::blue, LatencySeries::fromDurations(b)});
    model.resetData(data);
    // Bins 20 (100 ns) .. 43 (20 µs): 24 rows; one column per series after the bin column.
    QCOMPARE(model.rowCount(), 24);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("read"));
    QCOMPARE(model.index(0, 1).data(HistogramModel::CountRole).toULongLong(), 1ull);
    QCOMPARE(model.index(0, 1).data(HistogramModel::LowerEdgeRole).toDouble(), 100.0);
    QCOMPARE(model.index(10, 1).data(HistogramModel::CountRole).toULongLong(), 2ull); // 1 µs
    QCOMPARE(model.index(23, 2).data(HistogramModel::CountRole).toULongLong(), 1ull);
    quint64 sum = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        sum += model.index(row, 1).data(HistogramModel::CountRole).toULongLong();
    }
    QCOMPARE(sum, 5ull);
}

void TestLabModels::histogramModelEmpty() {
    HistogramModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetData({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 1);
}

void TestLabModels::vdsoSymbolModel() {
    std::string error;
    const auto image = VdsoImage::fromSelf(&error);
    QVERIFY2(image, error.c_str());
    VdsoSymbolModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::uint64_t traceBase = 0x7fff00000000;
    model.resetData(image->symbols(), traceBase);
    QVERIFY(model.rowCount() > 4);
    bool sawClock = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto& s = model.symbols()[std::size_t(row)];
        if (s.name == "__vdso_clock_gettime" || s.name == "clock_gettime") {
            sawClock = true;
            QCOMPARE(model.index(row, VdsoSymbolModel::Version).data().toString(),
                     QStringLiteral("LINUX_2.6"));
            QCOMPARE(model.index(row, VdsoSymbolModel::TraceAddress).data().toString(),
                     QStringLiteral("0x") + QString::number(traceBase + s.offset, 16));
            QCOMPARE(model.index(row, VdsoSymbolModel::Address).data().toString(),
                     QStringLiteral("0x") + QString::number(image->base() + s.offset, 16));
        }
    }
    QVERIFY(sawClock);
    model.resetData(image->symbols(), std::nullopt);
    QVERIFY(!model.index(0, VdsoSymbolModel::TraceAddress).data().isValid());
}

QTEST_MAIN(TestLabModels)
#include "tst_lab_models.moc"
