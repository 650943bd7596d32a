// Replays the fuzz targets' seed corpora (tests/data/trace/fuzz) and a few thousand
// deterministic mutations of them through the same entry points the libFuzzer targets use. It
// always builds, so CI exercises the seeds under ASan/UBSan even without clang's libFuzzer.
#include "TraceTestUtil.h"

#include <QDir>
#include <QTest>
#include <cstdint>
#include <random>

int syscopeFuzzTraceReader(const std::uint8_t* data, std::size_t size);
int syscopeFuzzStraceImport(const std::uint8_t* data, std::size_t size);

using namespace syscope::testutil;

namespace {

std::vector<std::string> corpus(const char* name) {
    std::vector<std::string> out;
    const QDir dir(QStringLiteral(SYSCOPE_TEST_DATA_DIR "/trace/fuzz/") + QLatin1String(name));
    for (const auto& f : dir.entryInfoList(QDir::Files, QDir::Name)) {
        out.push_back(readFile(f.filePath().toStdString()));
    }
    return out;
}

constexpr char kPunctuation[] = "()[]{}<>\",=|\\\n? ";

std::string mutate(std::string s, std::mt19937& rng) {
    const int edits = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < edits; ++k) {
        switch (rng() % 5) {
        case 0: // flip a byte
            if (!s.empty()) {
                s[rng() % s.size()] = static_cast<char>(rng());
            }
            break;
        case 1: // cut
            s.resize(s.empty() ? 0 : rng() % s.size());
            break;
        case 2: { // duplicate a slice
            if (s.size() > 2) {
                const std::size_t a = rng() % s.size();
                const std::size_t n = rng() % (s.size() - a);
                s.insert(rng() % s.size(), s.substr(a, n));
            }
            break;
        }
        case 3: // insert strace-ish punctuation
            s.insert(s.empty() ? 0 : rng() % s.size(),
                     std::string(1, kPunctuation[rng() % (sizeof kPunctuation - 1)]));
            break;
        default: // erase a slice
            if (s.size() > 2) {
                const std::size_t a = rng() % s.size();
                s.erase(a, rng() % (s.size() - a));
            }
            break;
        }
    }
    return s;
}

void feed(const std::string& s, int (*target)(const std::uint8_t*, std::size_t)) {
    target(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

} // namespace

class TestFuzzSeeds : public QObject {
    Q_OBJECT

private slots:
    void readerSeeds() {
        const auto seeds = corpus("reader");
        QVERIFY(seeds.size() >= 4);
        for (const auto& s : seeds) {
            feed(s, syscopeFuzzTraceReader);
            feed(s, syscopeFuzzStraceImport);
        }
        feed({}, syscopeFuzzTraceReader);
    }

    void straceSeeds() {
        const auto seeds = corpus("strace");
        QVERIFY(seeds.size() >= 4);
        for (const auto& s : seeds) {
            feed(s, syscopeFuzzStraceImport);
            feed(s, syscopeFuzzTraceReader);
        }
        feed({}, syscopeFuzzStraceImport);
    }

    void mutations() {
        std::mt19937 rng(20260127);
        for (const char* name : {"reader", "strace"}) {
            const auto seeds = corpus(name);
            auto* target =
                std::string(name) == "reader" ? syscopeFuzzTraceReader : syscopeFuzzStraceImport;
            for (int round = 0; round < 1500; ++round) {
                feed(mutate(seeds[rng() % seeds.size()], rng), target);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzSeeds)
#include "tst_fuzzseeds.moc"
