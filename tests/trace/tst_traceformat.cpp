// The native .syscope format: round trips, crash recovery, damage, growing files, size.
#include "TraceTestUtil.h"

#include "syscalls/Siginfo.h"
#include "trace/Crc32c.h"
#include "trace/StringInterner.h"
#include "trace/TraceReader.h"
#include "trace/TraceStore.h"
#include "trace/TraceWriter.h"

#include <QDir>
#include <QTest>
#include <csignal>
#include <fcntl.h>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace syscope;
using namespace syscope::testutil;

namespace {

struct ReadAll {
    TraceReader::Status status = TraceReader::Status::Corrupt;
    std::string problem;
    EventBatch all;
    std::vector<std::pair<std::uint64_t, std::size_t>> boundaries; // bytesRead, events so far
};

void appendBatch(EventBatch& to, const EventBatch& from) {
    const auto offset = static_cast<std::uint32_t>(to.events.size());
    to.events.insert(to.events.end(), from.events.begin(), from.events.end());
    for (auto s : from.strings) {
        s.event += offset;
        to.strings.push_back(std::move(s));
    }
    to.processEvents.insert(to.processEvents.end(), from.processEvents.begin(),
                            from.processEvents.end());
    to.maps.insert(to.maps.end(), from.maps.begin(), from.maps.end());
    to.auxv.insert(to.auxv.end(), from.auxv.begin(), from.auxv.end());
}

ReadAll readAll(TraceReader& reader) {
    ReadAll r;
    EventBatch batch;
    for (;;) {
        r.status = reader.readNext(batch, &r.problem);
        if (r.status != TraceReader::Status::More) {
            return r;
        }
        appendBatch(r.all, batch);
        r.boundaries.emplace_back(reader.bytesRead(), r.all.events.size());
    }
}

void compareBatches(const EventBatch& got, const EventBatch& want) {
    QCOMPARE(got.events.size(), want.events.size());
    for (std::size_t i = 0; i < want.events.size(); ++i) {
        if (!sameEvent(got.events[i], want.events[i])) {
            QFAIL(("event " + std::to_string(i) + ": got " + describe(got.events[i]) + "\n want " +
                   describe(want.events[i]))
                      .c_str());
        }
    }
    QCOMPARE(got.strings.size(), want.strings.size());
    for (std::size_t i = 0; i < want.strings.size(); ++i) {
        QCOMPARE(got.strings[i].event, want.strings[i].event);
        QCOMPARE(got.strings[i].arg, want.strings[i].arg);
        QCOMPARE(got.strings[i].truncated, want.strings[i].truncated);
        QVERIFY(got.strings[i].bytes == want.strings[i].bytes);
    }
    QCOMPARE(got.processEvents.size(), want.processEvents.size());
    for (std::size_t i = 0; i < want.processEvents.size(); ++i) {
        const auto& a = got.processEvents[i];
        const auto& b = want.processEvents[i];
        QCOMPARE(a.time, b.time);
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.pid, b.pid);
        QCOMPARE(a.tid, b.tid);
        QCOMPARE(a.parent, b.parent);
        QCOMPARE(a.value, b.value);
        QVERIFY(a.comm == b.comm);
        QVERIFY(a.argv == b.argv);
        QVERIFY(a.exe == b.exe);
        QCOMPARE(a.siginfo.has_value(), b.siginfo.has_value());
        if (b.siginfo) {
            QCOMPARE(a.siginfo->code, b.siginfo->code);
            QCOMPARE(a.siginfo->errnum, b.siginfo->errnum);
            QVERIFY(a.siginfo->words == b.siginfo->words);
        }
        ProcessEvent shown = b; // a reader shows the text the numbers stand for
        fillSignalDetail(shown);
        QVERIFY2(a.detail == shown.detail, a.detail.c_str());
    }
    QCOMPARE(got.maps.size(), want.maps.size());
    for (std::size_t i = 0; i < want.maps.size(); ++i) {
        const auto& a = got.maps[i];
        const auto& b = want.maps[i];
        QCOMPARE(a.time, b.time);
        QCOMPARE(a.pid, b.pid);
        QCOMPARE(a.causeNr, b.causeNr);
        QCOMPARE(a.entries.size(), b.entries.size());
        for (std::size_t k = 0; k < a.entries.size(); ++k) {
            QCOMPARE(a.entries[k].start, b.entries[k].start);
            QCOMPARE(a.entries[k].end, b.entries[k].end);
            QCOMPARE(a.entries[k].offset, b.entries[k].offset);
            QCOMPARE(a.entries[k].inode, b.entries[k].inode);
            QCOMPARE(a.entries[k].devMajor, b.entries[k].devMajor);
            QCOMPARE(a.entries[k].devMinor, b.entries[k].devMinor);
            QCOMPARE(a.entries[k].perms, b.entries[k].perms);
            QVERIFY(a.entries[k].path == b.entries[k].path);
        }
    }
    QCOMPARE(got.auxv.size(), want.auxv.size());
    for (std::size_t i = 0; i < want.auxv.size(); ++i) {
        QCOMPARE(got.auxv[i].time, want.auxv[i].time);
        QCOMPARE(got.auxv[i].pid, want.auxv[i].pid);
        QCOMPARE(got.auxv[i].entries.size(), want.auxv[i].entries.size());
        for (std::size_t k = 0; k < got.auxv[i].entries.size(); ++k) {
            QCOMPARE(got.auxv[i].entries[k].type, want.auxv[i].entries[k].type);
            QCOMPARE(got.auxv[i].entries[k].value, want.auxv[i].entries[k].value);
        }
    }
}

} // namespace

class TestTraceFormat : public QObject {
    Q_OBJECT

private:
    // The damage tests write thousands of small files: keep them in memory when possible.
    QTemporaryDir m_dir{QDir(QStringLiteral("/dev/shm")).exists()
                            ? QStringLiteral("/dev/shm/syscope-trace-XXXXXX")
                            : QDir::tempPath() + QStringLiteral("/syscope-trace-XXXXXX")};
    std::string path(const char* name) const {
        return m_dir.filePath(QString::fromUtf8(name)).toStdString();
    }

    // A small file with several chunks of each kind: the subject of the damage tests.
    std::string writeSmallFile(EventBatch* written) {
        const std::string p = path("small.syscope");
        std::string error;
        auto w = TraceWriter::create(p, sampleMetadata(), &error);
        if (!w) {
            return {};
        }
        for (int i = 0; i < 3; ++i) {
            EventBatch b = oddBatch(i);
            w->consume(b);
            w->flush();
            appendBatch(*written, b);
        }
        EventBatch loop = syscallLoop(20, 5'000'000'000'000LL);
        w->consume(loop);
        appendBatch(*written, loop);
        if (!w->close(&error)) {
            return {};
        }
        return p;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Ids in order of first sight, one per distinct string, through many table growths; the
    // empty string and strings that differ only in length or a last byte are distinct.
    void stringInternerNumbersEachStringOnce() {
        StringInterner strings;
        QCOMPARE(strings.intern("").id, std::uint64_t(0));
        QVERIFY(!strings.intern("").inserted);
        std::vector<std::string> texts;
        for (int i = 0; i < 5000; ++i) {
            texts.push_back("string " + std::to_string(i) + std::string(std::size_t(i % 40), 'x'));
        }
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto r = strings.intern(texts[i]);
            QVERIFY(r.inserted);
            QCOMPARE(r.id, std::uint64_t(i + 1));
        }
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto r = strings.intern(texts[i]);
            QVERIFY(!r.inserted);
            QCOMPARE(r.id, std::uint64_t(i + 1));
            QCOMPARE(std::string(strings.at(r.id)), texts[i]);
        }
        QCOMPARE(strings.size(), std::uint64_t(texts.size() + 1));
        QVERIFY(strings.intern(std::string_view("a\0", 2)).inserted);
        QVERIFY(strings.intern("a").inserted);
        QVERIFY(!strings.intern(std::string_view("a\0", 2)).inserted);
        QCOMPARE(strings.at(0), std::string_view());
    }

    void roundTripEveryField() {
        const std::string p = path("roundtrip.syscope");
        std::string error;
        auto w = TraceWriter::create(p, sampleMetadata(), &error);
        QVERIFY2(w, error.c_str());
        EventBatch expected;
        for (int i = 0; i < 4; ++i) {
            EventBatch b = oddBatch(i);
            w->consume(b);
            appendBatch(expected, b);
            if (i % 2) {
                w->flush();
            }
        }
        // Large enough to need several 64 KiB event chunks.
        EventBatch loop = syscallLoop(100'000, 2'000'000'000'000LL);
        w->consume(loop);
        appendBatch(expected, loop);
        QVERIFY2(w->close(&error), error.c_str());
        QVERIFY(!w->failed());

        auto r = TraceReader::open(p, &error);
        QVERIFY2(r, error.c_str());
        const TraceMetadata& m = r->metadata();
        const TraceMetadata want = sampleMetadata();
        QVERIFY(m.command == want.command);
        QVERIFY(m.attachedPids == want.attachedPids);
        QVERIFY(m.workingDirectory == want.workingDirectory);
        QCOMPARE(m.startWallNs, want.startWallNs);
        QCOMPARE(m.startMonoNs, want.startMonoNs);
        QVERIFY(m.kernelRelease == want.kernelRelease);
        QVERIFY(m.hostname == want.hostname);
        QVERIFY(m.machine == want.machine);
        QCOMPARE(m.randomizeVaSpace, want.randomizeVaSpace);
        QVERIFY(m.vsyscallMode == want.vsyscallMode);
        QVERIFY(m.syscopeVersion == want.syscopeVersion);

        ReadAll all = readAll(*r);
        QVERIFY2(all.status == TraceReader::Status::End, all.problem.c_str());
        QVERIFY(all.boundaries.size() > 3);
        compareBatches(all.all, expected);
        QCOMPARE(r->bytesRead(), r->fileSize());
        QCOMPARE(r->declaredEventCount(), std::optional<std::uint64_t>(expected.events.size()));
        // A file without its end chunk declares nothing.
        const std::string cut = path("roundtrip-cut.syscope");
        const std::string bytes = readFile(p);
        writeFile(cut, bytes.substr(0, bytes.size() - 1));
        auto rc = TraceReader::open(cut, &error);
        QVERIFY(rc);
        QVERIFY(!rc->declaredEventCount());
        // After the end everything stays at the end.
        EventBatch b;
        QCOMPARE(r->readNext(b, nullptr), TraceReader::Status::End);
    }

    // Version 2 stored a signal's siginfo as text only, with no numbers after it.
    void readsVersion2ProcessEvents() {
        const std::string p = path("v2.syscope");
        std::string error;
        auto w = TraceWriter::create(p, sampleMetadata(), &error);
        QVERIFY2(w, error.c_str());
        EventBatch b;
        ProcessEvent& signal = b.processEvents.emplace_back();
        signal.kind = ProcessEventKind::Signal;
        signal.pid = signal.tid = 7;
        signal.value = SIGCHLD;
        signal.detail = "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=8, si_uid=0, si_status=0, "
                        "si_utime=0, si_stime=0}";
        w->consume(b);
        QVERIFY2(w->close(&error), error.c_str());
        // Made version 2: the header says so and the process event loses its "no numbers" byte.
        std::string bytes = readFile(p);
        bytes[8] = 2;
        bool found = false;
        for (std::size_t at = 16; at + 12 <= bytes.size();) {
            const auto u32 = [&](std::size_t i) {
                std::uint32_t v = 0;
                std::memcpy(&v, bytes.data() + i, 4);
                return v;
            };
            const std::uint32_t type = u32(at), length = u32(at + 4);
            if (type == 4) {
                QCOMPARE(bytes[at + 12 + length - 1], '\0');
                bytes.erase(at + 12 + length - 1, 1);
                const std::uint32_t shorter = length - 1;
                std::memcpy(bytes.data() + at + 4, &shorter, 4);
                const std::uint32_t crc =
                    crc32c(bytes.data() + at + 12, shorter, crc32c(bytes.data() + at, 8));
                std::memcpy(bytes.data() + at + 8, &crc, 4);
                found = true;
                break;
            }
            at += 12 + length;
        }
        QVERIFY(found);
        writeFile(p, bytes);
        auto r = TraceReader::open(p, &error);
        QVERIFY2(r, error.c_str());
        ReadAll all = readAll(*r);
        QVERIFY2(all.status == TraceReader::Status::End, all.problem.c_str());
        QCOMPARE(all.all.processEvents.size(), std::size_t(1));
        QVERIFY(all.all.processEvents[0].detail == signal.detail);
        QVERIFY(!all.all.processEvents[0].siginfo);
    }

    void manyTasksInterleaved() {
        const std::string p = path("tasks.syscope");
        std::string error;
        auto w = TraceWriter::create(p, TraceMetadata{}, &error);
        QVERIFY2(w, error.c_str());
        EventBatch b;
        std::mt19937_64 rng(7);
        for (int i = 0; i < 60'000; ++i) {
            const int task = static_cast<int>(rng() % 3000);
            auto e =
                makeEvent(1000 + task / 4, 1000 + task, static_cast<int>(rng() % 450),
                          1'000'000 + i * 10, 1'000'000 + i * 10 + static_cast<int>(rng() % 100),
                          static_cast<std::int64_t>(rng() % 5) - 2);
            for (auto& a : e.args) {
                a = (rng() % 4 == 0) ? rng() : rng() % 16;
            }
            b.events.push_back(e);
            if (i % 1000 == 7) {
                b.strings.push_back({static_cast<std::uint32_t>(b.events.size() - 1), 2, false,
                                     "/path/" + std::to_string(task)});
            }
        }
        w->consume(b);
        QVERIFY2(w->close(&error), error.c_str());
        auto r = TraceReader::open(p, &error);
        QVERIFY2(r, error.c_str());
        ReadAll all = readAll(*r);
        QVERIFY2(all.status == TraceReader::Status::End, all.problem.c_str());
        compareBatches(all.all, b);
    }

    void emptyTrace() {
        const std::string p = path("empty.syscope");
        std::string error;
        auto w = TraceWriter::create(p, TraceMetadata{}, &error);
        QVERIFY(w);
        QVERIFY(w->close(&error));
        TraceStore store;
        std::string warning;
        QVERIFY2(loadTrace(p, store, &error, {}, &warning), error.c_str());
        QCOMPARE(store.eventCount(), std::size_t(0));
        QVERIFY(warning.empty());
    }

    void truncatedAtEveryOffset() {
        EventBatch written;
        const std::string p = writeSmallFile(&written);
        QVERIFY(!p.empty());
        const std::string bytes = readFile(p);
        std::string error;
        auto full = TraceReader::open(p, &error);
        QVERIFY2(full, error.c_str());
        ReadAll all = readAll(*full);
        QCOMPARE(all.status, TraceReader::Status::End);
        compareBatches(all.all, written);
        const std::uint64_t endChunkStart = all.boundaries.back().first;

        const std::string cut = path("cut.syscope");
        int opened = 0;
        for (std::size_t len = 0; len < bytes.size(); ++len) {
            writeFile(cut, bytes.substr(0, len));
            auto r = TraceReader::open(cut, &error);
            if (!r) {
                QVERIFY(error.find(cut) == 0); // names the file
                continue;
            }
            ++opened;
            ReadAll part = readAll(*r);
            // Every complete chunk is recovered, nothing more; a cut file is never "corrupt".
            std::size_t expectEvents = 0;
            for (const auto& [offset, events] : all.boundaries) {
                if (offset <= len) {
                    expectEvents = events;
                }
            }
            if (part.status != TraceReader::Status::Truncated) {
                QFAIL(("length " + std::to_string(len) + ": " + part.problem).c_str());
            }
            QCOMPARE(part.all.events.size(), expectEvents);
            for (std::size_t i = 0; i < expectEvents; ++i) {
                QVERIFY(sameEvent(part.all.events[i], written.events[i]));
            }
            QVERIFY(r->bytesRead() <= len);
            QVERIFY(len < endChunkStart || expectEvents == written.events.size());
        }
        QVERIFY(opened > 100);
    }

    void loadTruncatedReportsRecovery() {
        EventBatch written;
        const std::string p = writeSmallFile(&written);
        std::string bytes = readFile(p);
        const std::string cut = path("crashed.syscope");
        writeFile(cut, bytes.substr(0, bytes.size() - 5));
        TraceStore store;
        std::string error;
        std::string warning;
        LoadReport report;
        QVERIFY2(loadTrace(cut, store, &error, {}, &warning, &report), error.c_str());
        QVERIFY(!report.complete);
        QCOMPARE(store.eventCount(), written.events.size()); // only the end chunk was lost
        QVERIFY2(warning.find("recovered " + std::to_string(written.events.size()) + " events") !=
                     std::string::npos,
                 warning.c_str());
        QVERIFY(warning.find("not closed cleanly") != std::string::npos);
    }

    void everySingleByteDamageIsNoticed() {
        EventBatch written;
        const std::string p = writeSmallFile(&written);
        const std::string bytes = readFile(p);
        const std::string bad = path("damaged.syscope");
        for (std::size_t at = 0; at < bytes.size(); ++at) {
            for (unsigned char x : {0x01, 0xff}) {
                std::string damaged = bytes;
                damaged[at] = static_cast<char>(damaged[at] ^ x);
                writeFile(bad, damaged);
                std::string error;
                auto r = TraceReader::open(bad, &error);
                if (!r) {
                    QVERIFY2(error.rfind(bad + ": ", 0) == 0, error.c_str());
                    continue;
                }
                ReadAll all = readAll(*r);
                if (all.status == TraceReader::Status::End) {
                    QFAIL(("damage at byte " + std::to_string(at) + " went unnoticed").c_str());
                }
                if (all.status == TraceReader::Status::Corrupt) {
                    QVERIFY2(all.problem.rfind(bad + ": ", 0) == 0, all.problem.c_str());
                }
            }
        }
    }

    void clearErrors_data() {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("too short");
        QTest::newRow("text") << QByteArray("hello world, this is not a trace\n")
                              << QStringLiteral("wrong magic");
        QByteArray newer("\x89SYSCOPE\x04\0\0\0\0\0\0\0", 16);
        QTest::newRow("newer") << newer << QStringLiteral("newer syscope (format version 4");
        QByteArray headerOnly("\x89SYSCOPE\x01\0\0\0\0\0\0\0", 16);
        QTest::newRow("no metadata") << headerOnly << QStringLiteral("before its metadata");
        QByteArray huge = headerOnly + QByteArray("\x01\0\0\0\xff\xff\xff\xff\0\0\0\0", 12);
        QTest::newRow("huge chunk") << huge << QStringLiteral("claims 4294967295 bytes");
        QByteArray badCrc =
            headerOnly + QByteArray("\x01\0\0\0\x01\0\0\0\0\0\0\0\x05", 13) + QByteArray(20, 'x');
        QTest::newRow("bad checksum") << badCrc << QStringLiteral("bad checksum");
    }
    void clearErrors() {
        QFETCH(QByteArray, contents);
        QFETCH(QString, expected);
        const std::string p = path("bad.syscope");
        writeFile(p, contents.toStdString());
        std::string error;
        auto r = TraceReader::open(p, &error);
        QVERIFY(!r);
        QVERIFY2(error.find(p) == 0, error.c_str());
        QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());

        TraceStore store;
        std::string loadError;
        QVERIFY(!loadTrace(p, store, &loadError));
        QCOMPARE(loadError, error);
        QVERIFY(!TraceReader::open(path("does-not-exist"), &error));
        QVERIFY(error.find("cannot open") != std::string::npos);
    }

    void randomGarbageNeverCrashes() {
        std::mt19937 rng(1234);
        EventBatch written;
        const std::string base = readFile(writeSmallFile(&written));
        const std::string p = path("garbage.syscope");
        for (int round = 0; round < 3000; ++round) {
            std::string bytes = base;
            const int edits = 1 + static_cast<int>(rng() % 8);
            for (int k = 0; k < edits; ++k) {
                bytes[rng() % bytes.size()] = static_cast<char>(rng());
            }
            if (round % 3 == 0) {
                bytes.resize(rng() % bytes.size());
            }
            writeFile(p, bytes);
            std::string error;
            auto r = TraceReader::open(p, &error);
            if (r) {
                readAll(*r);
            }
        }
    }

    void growingFile() {
        const std::string p = path("live.syscope");
        std::string error;
        auto w = TraceWriter::create(p, sampleMetadata(), &error);
        QVERIFY2(w, error.c_str());
        auto r = TraceReader::open(p, &error);
        QVERIFY2(r, error.c_str());
        EventBatch got;
        std::string problem;
        QCOMPARE(r->readNext(got, &problem), TraceReader::Status::Truncated);

        EventBatch all;
        EventBatch accumulated;
        for (int round = 0; round < 5; ++round) {
            EventBatch b = oddBatch(round);
            w->consume(b);
            w->flush();
            appendBatch(all, b);
            ReadAll part = readAll(*r);
            QCOMPARE(part.status, TraceReader::Status::Truncated);
            appendBatch(accumulated, part.all);
            compareBatches(accumulated, all);
        }
        // Half a chunk on disk: the reader waits for the rest.
        const std::string before = readFile(p);
        EventBatch loop = syscallLoop(300, 7'000'000'000'000LL);
        w->consume(loop);
        w->flush();
        appendBatch(all, loop);
        const std::string after = readFile(p);
        QVERIFY(after.size() > before.size() + 40);
        const std::string partial = path("partial.syscope");
        writeFile(partial, before);
        auto pr = TraceReader::open(partial, &error);
        QVERIFY(pr);
        QCOMPARE(readAll(*pr).status, TraceReader::Status::Truncated);
        const int fd = ::open(partial.c_str(), O_WRONLY | O_APPEND);
        QVERIFY(fd >= 0);
        const std::size_t half = (after.size() - before.size()) / 2;
        QCOMPARE(::write(fd, after.data() + before.size(), half), ssize_t(half));
        ReadAll none = readAll(*pr);
        QCOMPARE(none.status, TraceReader::Status::Truncated);
        QVERIFY(none.all.events.empty());
        QVERIFY2(none.problem.find("incomplete") != std::string::npos, none.problem.c_str());
        QCOMPARE(
            ::write(fd, after.data() + before.size() + half, after.size() - before.size() - half),
            ssize_t(after.size() - before.size() - half));
        ::close(fd);
        ReadAll rest = readAll(*pr);
        QCOMPARE(rest.status, TraceReader::Status::Truncated);
        QCOMPARE(rest.all.events.size(), loop.events.size());

        QVERIFY(w->close(&error));
        ReadAll last = readAll(*r);
        QCOMPARE(last.status, TraceReader::Status::End);
        appendBatch(accumulated, last.all);
        compareBatches(accumulated, all);
    }

    void killedWriterLeavesReadableFile() {
        // A recorder killed with SIGKILL: the child writes and flushes, the parent kills it.
        const std::string p = path("killed.syscope");
        int ready[2];
        QCOMPARE(::pipe(ready), 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            std::string error;
            auto w = TraceWriter::create(p, sampleMetadata(), &error);
            if (!w) {
                ::_exit(1);
            }
            for (int i = 0;; ++i) {
                w->consume(syscallLoop(1000, 1'000'000'000LL * (i + 1)));
                if (i == 20) {
                    w->flush();
                    (void)::write(ready[1], "x", 1);
                }
            }
        }
        char c;
        QCOMPARE(::read(ready[0], &c, 1), ssize_t(1));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ::close(ready[0]);
        ::close(ready[1]);
        TraceStore store;
        std::string error;
        std::string warning;
        QVERIFY2(loadTrace(p, store, &error, {}, &warning), error.c_str());
        QVERIFY(store.eventCount() >= 21'000);
        QVERIFY(!warning.empty());
    }

    void bytesPerEventOnDisk() {
        const std::string p = path("loop.syscope");
        std::string error;
        auto w = TraceWriter::create(p, sampleMetadata(), &error);
        QVERIFY(w);
        const std::size_t n = 1'000'000;
        for (std::size_t done = 0; done < n; done += 10'000) {
            w->consume(syscallLoop(10'000, static_cast<TimeNs>(done) * 100'000));
            if (done % 100'000 == 0) {
                w->flush(); // as a live recorder does every 100 ms
            }
        }
        QVERIFY(w->close(&error));
        const double perEvent = static_cast<double>(readFile(p).size()) / static_cast<double>(n);
        qInfo("syscall loop: %.2f bytes per event on disk", perEvent);
        QVERIFY2(perEvent <= 16.0, std::to_string(perEvent).c_str());
    }

    void writerReportsErrors() {
        std::string error;
        QVERIFY(!TraceWriter::create("/nonexistent-dir/x.syscope", TraceMetadata{}, &error));
        QVERIFY2(error.find("/nonexistent-dir/x.syscope") != std::string::npos, error.c_str());
        // /dev/full accepts open but fails every write.
        QVERIFY(!TraceWriter::create("/dev/full", TraceMetadata{}, &error));
        QVERIFY2(error.find("No space") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTraceFormat)
#include "tst_traceformat.moc"
