// The results the lab views show, parsed from the JSON that syscope-cli prints
// (`aslr --json`, `bench-calls --json`). The GUI never runs experiments itself: it starts the
// CLI (CliJob) or opens a saved file, and reads the same JSON either way.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>
#include <optional>

namespace syscope::gui::lab {

struct AslrRegionResult {
    QString name; // "exe", "[vdso]", ...
    int present = 0;
    int distinct = 0;
    std::uint64_t min = 0;
    std::uint64_t max = 0;
    std::uint64_t varyingMask = 0;
    int varyingBits = 0;
    int qualityBits = 0;
    double shannonBits = 0;
    double shannonCapBits = 0;
    QVector<std::uint64_t> addresses; // present runs, in run order
};

struct AslrOffsetResult {
    QString a;
    QString b;
    std::uint64_t offset = 0;
};

struct AslrResult {
    int runs = 0;
    bool randomize = true;
    bool cancelled = false;
    QString source; // "launch" or "trace files"
    QStringList command;
    QStringList files;
    int randomizeVaSpace = -1;
    QString randomizeVaSpaceText;
    int mmapRndBits = -1;
    QString vsyscallMode;
    QString kernel;
    QString hostname;
    QVector<AslrRegionResult> regions;
    QVector<AslrOffsetResult> constantOffsets;

    // Regions present in at least one run.
    QVector<AslrRegionResult> presentRegions() const;
    // "100 runs of /bin/true, randomization on" for titles.
    QString describe() const;

    // nullopt and *error for anything that is not an `aslr --json` document.
    static std::optional<AslrResult> fromJson(const QByteArray& json, QString* error);
    static std::optional<AslrResult> fromFile(const QString& path, QString* error);
};

struct BenchBin {
    double loNs = 0;
    double hiNs = 0;
    std::uint64_t count = 0;
};

struct BenchResult {
    QString call; // clock_gettime, gettimeofday, time, getcpu
    QString path; // vdso, syscall, vsyscall
    bool ok = false;
    QString reason;
    std::uint64_t samples = 0;
    double p50Ns = 0, p90Ns = 0, p99Ns = 0, meanNs = 0, minNs = 0, maxNs = 0;
    QVector<BenchBin> histogram;
};

struct BenchResults {
    int iterations = 0;
    QString vsyscallMode;
    QString kernel;
    QVector<BenchResult> results;

    QStringList calls() const; // in order of appearance
    const BenchResult* find(const QString& call, const QString& path) const;

    static std::optional<BenchResults> fromJson(const QByteArray& json, QString* error);
};

// "0x7ffd1234000" (any case, with or without 0x) -> value; nullopt for anything else.
std::optional<std::uint64_t> parseHexAddress(const QString& text);

} // namespace syscope::gui::lab
