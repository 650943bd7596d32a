// The time <-> pixel mapping of the timeline (like hotspot's testXMapping_data), zoom and pan
// invariants, tick steps and labels, and the duration formats every view uses.
#include "views/TimeAxis.h"

#include <QTest>

using syscope::TimeNs;
using syscope::gui::TimeAxis;

class TestTimeAxis : public QObject {
    Q_OBJECT
private slots:
    void mapTimeToX_data() {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<double>("width");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<double>("x");
        QTest::newRow("left edge") << 0LL << 1000LL << 100.0 << 0LL << 0.0;
        QTest::newRow("right edge") << 0LL << 1000LL << 100.0 << 1000LL << 100.0;
        QTest::newRow("middle") << 0LL << 1000LL << 100.0 << 500LL << 50.0;
        QTest::newRow("before") << 0LL << 1000LL << 100.0 << -500LL << -50.0;
        QTest::newRow("after") << 0LL << 1000LL << 100.0 << 3000LL << 300.0;
        QTest::newRow("offset start") << 1000LL << 2000LL << 500.0 << 1250LL << 125.0;
        // Absolute monotonic times far beyond a double's exact integers stay exact.
        QTest::newRow("huge times") << 9'000'000'000'000'000'000LL << 9'000'000'000'000'001'000LL
                                    << 1000.0 << 9'000'000'000'000'000'001LL << 1.0;
        QTest::newRow("ns per pixel below 1") << 0LL << 100LL << 1000.0 << 1LL << 10.0;
        QTest::newRow("one second wide")
            << 0LL << 1'000'000'000LL << 1920.0 << 250'000'000LL << 480.0;
    }
    void mapTimeToX() {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(double, width);
        QFETCH(qint64, time);
        QFETCH(double, x);
        const TimeAxis axis(start, end, width);
        QCOMPARE(axis.mapTimeToX(time), x);
        // And back: the time under that pixel is the same time (to within one pixel's ns).
        const TimeNs back = axis.mapXToTime(x);
        QVERIFY2(std::llabs(back - time) <= std::max<TimeNs>(1, TimeNs(axis.nsPerPixel())),
                 qPrintable(QString::number(back)));
    }

    void mapXToTime_data() {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("x");
        QTest::addColumn<qint64>("time");
        QTest::newRow("origin") << 100LL << 1100LL << 100.0 << 0.0 << 100LL;
        QTest::newRow("end") << 100LL << 1100LL << 100.0 << 100.0 << 1100LL;
        QTest::newRow("fraction rounds") << 0LL << 1000LL << 300.0 << 1.0 << 3LL;
        QTest::newRow("negative x") << 0LL << 1000LL << 100.0 << -10.0 << -100LL;
    }
    void mapXToTime() {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(double, width);
        QFETCH(double, x);
        QFETCH(qint64, time);
        const TimeAxis axis(start, end, width);
        QCOMPARE(axis.mapXToTime(x), time);
    }

    void zoomKeepsAnchor_data() {
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("anchor");
        QTest::newRow("in at left") << 2.0 << 0.0;
        QTest::newRow("in at 3/4") << 4.0 << 750.0;
        QTest::newRow("out at middle") << 0.5 << 500.0;
        QTest::newRow("deep in") << 1000.0 << 123.0;
    }
    void zoomKeepsAnchor() {
        QFETCH(double, factor);
        QFETCH(double, anchor);
        TimeAxis axis(0, 1'000'000, 1000);
        axis.setBounds(-10'000'000, 10'000'000);
        const TimeNs before = axis.mapXToTime(anchor);
        const TimeNs span = axis.visibleSpan();
        axis.zoom(factor, anchor);
        QVERIFY(std::llabs(axis.mapXToTime(anchor) - before) <= 1);
        QCOMPARE(axis.visibleSpan(), TimeNs(std::llround(double(span) / factor)));
    }

    void zoomLimits() {
        TimeAxis axis(0, 1000, 1000);
        axis.setBounds(0, 1'000'000);
        axis.zoom(1e9, 500);
        QCOMPARE(axis.visibleSpan(), TimeAxis::kMinSpan);
        axis.zoom(1e-9, 500);
        // Never wider than the data plus 10 %.
        QCOMPARE(axis.visibleSpan(), TimeNs(1'100'000));
        const TimeNs start = axis.visibleStart();
        axis.zoom(0.5, 500); // already everything: no change
        QCOMPARE(axis.visibleStart(), start);
    }

    void panAndClamp() {
        TimeAxis axis(0, 1000, 100);
        axis.setBounds(0, 10'000);
        axis.panPixels(10); // 10 px = 100 ns
        QCOMPARE(axis.visibleStart(), TimeNs(100));
        axis.panPixels(1e6); // far right: at most half a view past the end
        QCOMPARE(axis.visibleStart(), TimeNs(10'000 - 500));
        axis.panPixels(-1e6);
        QCOMPARE(axis.visibleStart(), TimeNs(-500));
    }

    void fitShowsBounds() {
        TimeAxis axis(0, 10, 800);
        axis.setBounds(1'000'000, 3'000'000);
        axis.fit();
        QVERIFY(axis.visibleStart() <= 1'000'000);
        QVERIFY(axis.visibleEnd() >= 3'000'000);
        QVERIFY(axis.visibleSpan() <= 2'100'000);
        QVERIFY(axis.mapTimeToX(1'000'000) >= 0);
        QVERIFY(axis.mapTimeToX(3'000'000) <= 800);
    }

    void centreOn() {
        TimeAxis axis(0, 1000, 100);
        axis.setBounds(0, 100'000);
        axis.centreOn(50'000);
        QCOMPARE(axis.mapTimeToX(50'000), 50.0);
    }

    void tickStep_data() {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("spacing");
        QTest::addColumn<qint64>("step");
        QTest::newRow("1 s over 1000 px, 100 px")
            << 1'000'000'000LL << 1000.0 << 100.0 << 100'000'000LL;
        QTest::newRow("1 s over 1000 px, 90 px")
            << 1'000'000'000LL << 1000.0 << 90.0 << 100'000'000LL;
        QTest::newRow("1 s over 1000 px, 150 px")
            << 1'000'000'000LL << 1000.0 << 150.0 << 200'000'000LL;
        QTest::newRow("1 s over 1000 px, 300 px")
            << 1'000'000'000LL << 1000.0 << 300.0 << 500'000'000LL;
        QTest::newRow("100 ns") << 100LL << 1000.0 << 100.0 << 10LL;
        QTest::newRow("sub-ns per px") << 100LL << 1000.0 << 5.0 << 1LL;
        QTest::newRow("an hour") << 3'600'000'000'000LL << 1200.0 << 100.0 << 500'000'000'000LL;
    }
    void tickStep() {
        QFETCH(qint64, span);
        QFETCH(double, width);
        QFETCH(double, spacing);
        QFETCH(qint64, step);
        const TimeAxis axis(0, span, width);
        QCOMPARE(axis.tickStep(spacing), step);
    }

    void tickLabels() {
        TimeAxis axis(1000, 1000 + 1'000'000'000, 1000);
        const auto ticks = axis.ticks(100, 1000);
        QCOMPARE(int(ticks.size()), 11);
        QCOMPARE(ticks.front().label, QStringLiteral("0"));
        QCOMPARE(ticks[1].label, QStringLiteral("100 ms"));
        QCOMPARE(ticks.back().label, QStringLiteral("1.0 s"));
        QCOMPARE(ticks[5].x, 500.0);
        // A view that starts between ticks begins with the next multiple of the step.
        TimeAxis shifted(1000 + 150'000'000, 1000 + 650'000'000, 500);
        const auto t2 = shifted.ticks(100, 1000);
        QCOMPARE(t2.front().label, QStringLiteral("200 ms"));
        QCOMPARE(t2.front().x, 50.0);
    }

    void formatOffset_data() {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0LL << 1000LL << QStringLiteral("0");
        QTest::newRow("ms step") << 300'000'000LL << 100'000'000LL << QStringLiteral("300 ms");
        QTest::newRow("half seconds")
            << 1'500'000'000LL << 500'000'000LL << QStringLiteral("1.5 s");
        QTest::newRow("seconds in 100 ms steps")
            << 2'300'000'000LL << 100'000'000LL << QStringLiteral("2.3 s");
        QTest::newRow("below a second stays ms")
            << 900'000'000LL << 100'000'000LL << QStringLiteral("900 ms");
        QTest::newRow("seconds") << 4'000'000'000LL << 2'000'000'000LL << QStringLiteral("4 s");
        QTest::newRow("us") << 120'000LL << 20'000LL << QStringLiteral("120 µs");
        QTest::newRow("ns") << 250LL << 50LL << QStringLiteral("250 ns");
        QTest::newRow("negative") << -2'000'000LL << 1'000'000LL << QStringLiteral("-2 ms");
        QTest::newRow("fine step adds decimals")
            << 1'500'000LL << 500'000LL << QStringLiteral("1.5 ms");
    }
    void formatOffset() {
        QFETCH(qint64, offset);
        QFETCH(qint64, step);
        QFETCH(QString, text);
        QCOMPARE(TimeAxis::formatOffset(offset, step), text);
    }

    void formatDuration_data() {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<QString>("text");
        QTest::newRow("ns") << 850LL << QStringLiteral("850 ns");
        QTest::newRow("zero") << 0LL << QStringLiteral("0 ns");
        QTest::newRow("us") << 1250LL << QStringLiteral("1.25 µs");
        QTest::newRow("tens of ms") << 12'345'678LL << QStringLiteral("12.3 ms");
        QTest::newRow("hundreds of us") << 429'000LL << QStringLiteral("429 µs");
        QTest::newRow("seconds") << 2'500'000'000LL << QStringLiteral("2.50 s");
        QTest::newRow("negative") << -1500LL << QStringLiteral("-1.50 µs");
    }
    void formatDuration() {
        QFETCH(qint64, ns);
        QFETCH(QString, text);
        QCOMPARE(TimeAxis::formatDuration(ns), text);
    }
};

QTEST_APPLESS_MAIN(TestTimeAxis)
#include "tst_time_axis.moc"
