#include "lab/LabResults.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace syscope::gui::lab {

std::optional<std::uint64_t> parseHexAddress(const QString& text) {
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
        t = t.mid(2);
    }
    if (t.isEmpty() || t.size() > 16) {
        return std::nullopt;
    }
    bool ok = false;
    const qulonglong v = t.toULongLong(&ok, 16);
    if (!ok) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(v);
}

namespace {

std::uint64_t hexField(const QJsonObject& o, const char* key, bool* ok) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() || v.isUndefined()) {
        return 0;
    }
    const auto parsed = parseHexAddress(v.toString());
    if (!parsed) {
        *ok = false;
        return 0;
    }
    return *parsed;
}

} // namespace

QVector<AslrRegionResult> AslrResult::presentRegions() const {
    QVector<AslrRegionResult> out;
    for (const auto& r : regions) {
        if (r.present > 0) {
            out.push_back(r);
        }
    }
    return out;
}

QString AslrResult::describe() const {
    const QString what = source == QLatin1String("trace files")
                             ? QStringLiteral("%1 recorded traces").arg(runs)
                             : QStringLiteral("%1 runs").arg(runs);
    QString text = what;
    if (!command.isEmpty()) {
        text += QStringLiteral(" of ") + command.join(u' ');
    }
    if (source != QLatin1String("trace files")) {
        text += randomize ? QStringLiteral(", randomization on")
                          : QStringLiteral(", randomization OFF");
    }
    if (cancelled) {
        text += QStringLiteral(" (cancelled)");
    }
    return text;
}

std::optional<AslrResult> AslrResult::fromJson(const QByteArray& json, QString* error) {
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("not JSON: %1").arg(pe.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("regions")).isArray() ||
        !root.value(QLatin1String("runs")).isDouble()) {
        *error = QStringLiteral("not the output of `syscope-cli aslr --json` (no runs/regions)");
        return std::nullopt;
    }
    AslrResult r;
    r.runs = root.value(QLatin1String("runs")).toInt();
    r.randomize = root.value(QLatin1String("randomize")).toBool(true);
    r.cancelled = root.value(QLatin1String("cancelled")).toBool(false);
    r.source = root.value(QLatin1String("source")).toString(QStringLiteral("launch"));
    for (const auto& v : root.value(QLatin1String("command")).toArray()) {
        r.command << v.toString();
    }
    for (const auto& v : root.value(QLatin1String("files")).toArray()) {
        r.files << v.toString();
    }
    const QJsonObject sys = root.value(QLatin1String("system")).toObject();
    r.randomizeVaSpace = sys.value(QLatin1String("randomize_va_space")).toInt(-1);
    r.randomizeVaSpaceText = sys.value(QLatin1String("randomize_va_space_text")).toString();
    r.mmapRndBits = sys.value(QLatin1String("mmap_rnd_bits")).toInt(-1);
    r.vsyscallMode = sys.value(QLatin1String("vsyscall_mode")).toString();
    r.kernel = sys.value(QLatin1String("kernel")).toString();
    r.hostname = sys.value(QLatin1String("hostname")).toString();
    for (const auto& v : root.value(QLatin1String("regions")).toArray()) {
        const QJsonObject o = v.toObject();
        AslrRegionResult g;
        bool ok = true;
        g.name = o.value(QLatin1String("name")).toString();
        g.present = o.value(QLatin1String("present")).toInt();
        g.distinct = o.value(QLatin1String("distinct")).toInt();
        g.min = hexField(o, "min", &ok);
        g.max = hexField(o, "max", &ok);
        g.varyingMask = hexField(o, "varying_mask", &ok);
        g.varyingBits = o.value(QLatin1String("varying_bits")).toInt();
        g.qualityBits = o.value(QLatin1String("quality_bits")).toInt();
        g.shannonBits = o.value(QLatin1String("shannon_bits")).toDouble();
        g.shannonCapBits = o.value(QLatin1String("shannon_cap_bits")).toDouble();
        for (const auto& a : o.value(QLatin1String("addresses")).toArray()) {
            const auto parsed = parseHexAddress(a.toString());
            if (!parsed) {
                ok = false;
                break;
            }
            g.addresses.push_back(*parsed);
        }
        if (!ok || g.name.isEmpty() || g.present < 0 || g.addresses.size() > g.present) {
            *error = QStringLiteral("region '%1': malformed address or count").arg(g.name);
            return std::nullopt;
        }
        r.regions.push_back(g);
    }
    for (const auto& v : root.value(QLatin1String("constant_offsets")).toArray()) {
        const QJsonObject o = v.toObject();
        bool ok = true;
        AslrOffsetResult c{o.value(QLatin1String("a")).toString(),
                           o.value(QLatin1String("b")).toString(), hexField(o, "offset", &ok)};
        if (!ok) {
            *error = QStringLiteral("constant_offsets: malformed offset");
            return std::nullopt;
        }
        r.constantOffsets.push_back(c);
    }
    return r;
}

std::optional<AslrResult> AslrResult::fromFile(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    // An experiment of 100000 runs is about 20 MB of JSON; refuse anything absurd.
    if (f.size() > 512ll * 1024 * 1024) {
        *error = QStringLiteral("%1: too large for an aslr result").arg(path);
        return std::nullopt;
    }
    auto r = fromJson(f.readAll(), error);
    if (!r) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
    }
    return r;
}

QStringList BenchResults::calls() const {
    QStringList out;
    for (const auto& r : results) {
        if (!out.contains(r.call)) {
            out << r.call;
        }
    }
    return out;
}

const BenchResult* BenchResults::find(const QString& call, const QString& path) const {
    for (const auto& r : results) {
        if (r.call == call && r.path == path) {
            return &r;
        }
    }
    return nullptr;
}

std::optional<BenchResults> BenchResults::fromJson(const QByteArray& json, QString* error) {
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("not JSON: %1").arg(pe.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("results")).isArray()) {
        *error = QStringLiteral("not the output of `syscope-cli bench-calls --json`");
        return std::nullopt;
    }
    BenchResults out;
    out.iterations = root.value(QLatin1String("iterations")).toInt();
    out.vsyscallMode = root.value(QLatin1String("vsyscall_mode")).toString();
    out.kernel = root.value(QLatin1String("kernel")).toString();
    for (const auto& v : root.value(QLatin1String("results")).toArray()) {
        const QJsonObject o = v.toObject();
        BenchResult r;
        r.call = o.value(QLatin1String("call")).toString();
        r.path = o.value(QLatin1String("path")).toString();
        r.ok = o.value(QLatin1String("status")).toString() == QLatin1String("ok");
        r.reason = o.value(QLatin1String("reason")).toString();
        r.samples = static_cast<std::uint64_t>(o.value(QLatin1String("samples")).toDouble());
        r.p50Ns = o.value(QLatin1String("p50_ns")).toDouble();
        r.p90Ns = o.value(QLatin1String("p90_ns")).toDouble();
        r.p99Ns = o.value(QLatin1String("p99_ns")).toDouble();
        r.meanNs = o.value(QLatin1String("mean_ns")).toDouble();
        r.minNs = o.value(QLatin1String("min_ns")).toDouble();
        r.maxNs = o.value(QLatin1String("max_ns")).toDouble();
        for (const auto& b : o.value(QLatin1String("histogram")).toArray()) {
            const QJsonObject bo = b.toObject();
            BenchBin bin{bo.value(QLatin1String("lo_ns")).toDouble(),
                         bo.value(QLatin1String("hi_ns")).toDouble(),
                         static_cast<std::uint64_t>(bo.value(QLatin1String("count")).toDouble())};
            if (!(bin.hiNs > bin.loNs) || bin.loNs < 0) {
                *error = QStringLiteral("%1/%2: malformed histogram bin").arg(r.call, r.path);
                return std::nullopt;
            }
            r.histogram.push_back(bin);
        }
        if (r.call.isEmpty() || r.path.isEmpty()) {
            *error = QStringLiteral("a result without call or path");
            return std::nullopt;
        }
        out.results.push_back(r);
    }
    return out;
}

} // namespace syscope::gui::lab
