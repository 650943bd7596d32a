// bench_render: how long a full repaint of the timeline takes with 10 million events.
//
//   bench_render [--events N] [--size WxH] [--repeat R]
//
// Builds a synthetic trace in memory (8 threads in 2 processes; mostly short calls of mixed
// categories, some long sleeps, a few failures and unfinished calls), then paints the whole
// timeline canvas into an offscreen image R times at each zoom level, from the whole trace down
// to 20 µs across the view, and prints median and worst times. The painter's level of detail
// makes the cost follow pixels, not events; the goal is < 30 ms per repaint at every level.
#include "trace/TraceStore.h"
#include "views/TimeAxis.h"
#include "views/TimelineIndex.h"
#include "views/TimelineLayout.h"
#include "views/TimelinePainter.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace syscope;
using namespace syscope::gui;

namespace {

TraceStore buildTrace(std::size_t events) {
    TraceStore store;
    constexpr int kThreads = 8;
    const int nrs[] = {0, 1, 3, 257, 9, 11, 202, 230, 13, 14, 39, 110, 228, 318, 7, 232};
    std::mt19937_64 rng(42);
    std::vector<TimeNs> clock(kThreads, 1'000'000'000);
    EventBatch batch;
    for (int t = 0; t < kThreads; ++t) {
        ProcessEvent p;
        p.time = 1'000'000'000;
        p.kind = t == 0 || t == 4 ? ProcessEventKind::Start : ProcessEventKind::Thread;
        p.pid = t < 4 ? 1000 : 2000;
        p.tid = p.pid + t % 4;
        p.comm = t < 4 ? "bench-a" : "bench-b";
        batch.processEvents.push_back(p);
    }
    store.append(batch);
    batch.clear();
    for (std::size_t i = 0; i < events; ++i) {
        const int t = int(i % kThreads);
        SyscallEvent e;
        e.pid = t < 4 ? 1000 : 2000;
        e.tid = e.pid + t % 4;
        const std::uint64_t r = rng();
        e.nr = nrs[r % 16];
        TimeNs length = 150 + TimeNs((r >> 8) % 3000);
        if ((r >> 20) % 5000 == 0) {
            length = 2'000'000; // an occasional long wait
        }
        e.enter = clock[std::size_t(t)] + 100 + TimeNs((r >> 32) % 400);
        e.exit = e.enter + length;
        e.ret = ((r >> 40) % 50 == 0) ? -2 : 0;
        clock[std::size_t(t)] = e.exit;
        batch.events.push_back(e);
        if (batch.events.size() == 65536) {
            store.append(batch);
            batch.clear();
        }
    }
    for (int t = 0; t < kThreads; ++t) {
        SyscallEvent e;
        e.pid = t < 4 ? 1000 : 2000;
        e.tid = e.pid + t % 4;
        e.nr = 231;
        e.enter = clock[std::size_t(t)] + 1000;
        e.exit = e.enter;
        e.flags = EventFlag::Unfinished;
        batch.events.push_back(e);
    }
    store.append(batch);
    store.shrinkToFit();
    return store;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    std::size_t events = 10'000'000;
    int width = 1600;
    int height = 900;
    int repeat = 15;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--events")) {
            events = std::size_t(std::stoull(argv[i + 1]));
        } else if (!std::strcmp(argv[i], "--size")) {
            std::sscanf(argv[i + 1], "%dx%d", &width, &height);
        } else if (!std::strcmp(argv[i], "--repeat")) {
            repeat = std::max(1, std::atoi(argv[i + 1]));
        } else {
            std::fprintf(stderr, "usage: bench_render [--events N] [--size WxH] [--repeat R]\n");
            return 2;
        }
    }

    QElapsedTimer clock;
    clock.start();
    const TraceStore store = buildTrace(events);
    std::printf("built %zu events in %lld ms (%.1f MiB in the store)\n", store.eventCount(),
                clock.elapsed(), double(store.memoryBytes()) / (1 << 20));

    clock.restart();
    TimelineIndex index;
    index.update(store);
    std::printf("indexed the lanes in %lld ms\n", clock.elapsed());

    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    TimelinePainter painter;
    TimelineLayout layout;
    TimelinePaintOptions options;
    options.labelWidth = 200;
    options.rulerHeight = 24;
    options.origin = store.startTime();
    options.palette = QGuiApplication::palette();
    // Lanes that fill the image, as the window makes them.
    const int rows = 10;
    layout.rebuild(store, 30, (height - options.rulerHeight - 2 * 30) / (rows - 2));

    TimeAxis axis;
    axis.setWidth(width - options.labelWidth);
    axis.setBounds(store.startTime(), store.endTime());
    const TimeNs span = store.endTime() - store.startTime();
    struct Level {
        const char* name;
        TimeNs span;
    };
    const Level levels[] = {{"whole trace", 0},    {"1/10", span / 10}, {"1/1000", span / 1000},
                            {"10 ms", 10'000'000}, {"100 us", 100'000}, {"20 us", 20'000}};
    std::printf("%-12s %12s %12s %12s %10s %10s\n", "zoom", "span", "median ms", "worst ms",
                "spans", "columns");
    bool allFast = true;
    for (const Level& level : levels) {
        if (level.span == 0) {
            axis.fit();
        } else {
            const TimeNs mid = store.startTime() + span / 2;
            axis.setVisibleRange(mid - level.span / 2, mid + level.span / 2);
        }
        std::vector<double> times;
        for (int r = 0; r < repeat; ++r) {
            QPainter p(&image);
            QElapsedTimer t;
            t.start();
            painter.paint(p, image.rect(), store, index, layout, axis, options);
            p.end();
            times.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        const double med = median(times);
        const double worst = *std::max_element(times.begin(), times.end());
        allFast = allFast && med < 30.0;
        std::printf("%-12s %12s %12.2f %12.2f %10zu %10zu\n", level.name,
                    qPrintable(TimeAxis::formatDuration(axis.visibleSpan())), med, worst,
                    painter.spansDrawn(), painter.columnsDrawn());
    }
    std::printf("%s: median full repaint %s 30 ms at every zoom level (%dx%d, %zu events)\n",
                allFast ? "OK" : "SLOW", allFast ? "<" : ">=", width, height, store.eventCount());
    return allFast ? 0 : 1;
}
