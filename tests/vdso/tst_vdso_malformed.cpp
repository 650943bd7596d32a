// Truncated and corrupted copies of the real vDSO must give an error or a parse, never a crash,
// hang or out-of-bounds read (CI runs this under ASan+UBSan). The libFuzzer target in
// tests/fuzz/vdso_fuzz.cpp explores further when built with clang.
#include "vdso/VdsoImage.h"

#include <QtTest>

#include <cstring>
#include <elf.h>
#include <random>

using namespace syscope;

namespace {

std::vector<std::uint8_t> realImage() {
    std::string error;
    const auto image = VdsoImage::fromSelf(&error);
    if (!image) {
        qFatal("cannot read own vDSO: %s", error.c_str());
    }
    return {image->bytes().begin(), image->bytes().end()};
}

template <typename T>
T load(const std::vector<std::uint8_t>& b, size_t off) {
    T v;
    std::memcpy(&v, b.data() + off, sizeof v);
    return v;
}

template <typename T>
void store(std::vector<std::uint8_t>& b, size_t off, T v) {
    std::memcpy(b.data() + off, &v, sizeof v);
}

// Offset of the section header of the first section of `type`, or 0.
size_t sectionHeader(const std::vector<std::uint8_t>& b, std::uint32_t type) {
    const auto eh = load<Elf64_Ehdr>(b, 0);
    for (size_t i = 0; i < eh.e_shnum; ++i) {
        const size_t off = eh.e_shoff + i * sizeof(Elf64_Shdr);
        if (load<Elf64_Shdr>(b, off).sh_type == type) {
            return off;
        }
    }
    return 0;
}

} // namespace

class TestVdsoMalformed : public QObject {
    Q_OBJECT
private slots:
    void everyTruncation();
    void targeted_data();
    void targeted();
    void randomMutations();
};

void TestVdsoMalformed::everyTruncation() {
    const auto full = realImage();
    int ok = 0;
    for (size_t len = 0; len < full.size(); ++len) {
        std::string error;
        const auto image = VdsoImage::fromBytes(
            std::vector<std::uint8_t>(full.begin(), full.begin() + len), 0, 0, &error);
        if (image) {
            ++ok;
        } else {
            QVERIFY2(!error.empty(), qPrintable(QString::number(len)));
        }
    }
    // The tail past the section headers is padding; everything shorter than the headers fails.
    const auto eh = load<Elf64_Ehdr>(full, 0);
    QVERIFY(ok <= int(full.size() - (eh.e_shoff + eh.e_shnum * sizeof(Elf64_Shdr))) + 1);
    std::string error;
    QVERIFY(!VdsoImage::fromBytes({}, 0, 0, &error));
    QVERIFY2(error.find("truncated") != std::string::npos, error.c_str());
}

void TestVdsoMalformed::targeted_data() {
    QTest::addColumn<int>("which");
    const char* names[] = {"bad magic",        "32-bit class",     "big endian",
                           "shoff huge",       "shnum huge",       "phoff huge",
                           "phnum huge",       "dynsym size huge", "dynsym offset huge",
                           "dynsym link bad",  "symbol name huge", "versym index bad",
                           "verdef next loop", "verdef next huge", "verdef aux huge",
                           "note size huge",   "note namesz huge", "no PT_LOAD",
                           "shstrndx bad",     "versym truncated", "dynsym entsize 0"};
    for (int i = 0; i < int(std::size(names)); ++i) {
        QTest::newRow(names[i]) << i;
    }
}

void TestVdsoMalformed::targeted() {
    QFETCH(int, which);
    auto b = realImage();
    const auto eh = load<Elf64_Ehdr>(b, 0);
    const size_t dynsym = sectionHeader(b, SHT_DYNSYM);
    const size_t versym = sectionHeader(b, SHT_GNU_versym);
    const size_t verdef = sectionHeader(b, SHT_GNU_verdef);
    QVERIFY(dynsym && versym && verdef);
    const auto dynsymSh = load<Elf64_Shdr>(b, dynsym);
    const auto verdefSh = load<Elf64_Shdr>(b, verdef);
    const auto versymSh = load<Elf64_Shdr>(b, versym);
    size_t notePh = 0;
    for (size_t i = 0; i < eh.e_phnum; ++i) {
        const size_t off = eh.e_phoff + i * sizeof(Elf64_Phdr);
        if (load<Elf64_Phdr>(b, off).p_type == PT_NOTE) {
            notePh = off;
        }
    }
    QVERIFY(notePh);
    const auto notePhdr = load<Elf64_Phdr>(b, notePh);

    bool mustFail = true;
    switch (which) {
    case 0:
        b[1] = 'X';
        break;
    case 1:
        b[EI_CLASS] = ELFCLASS32;
        break;
    case 2:
        b[EI_DATA] = ELFDATA2MSB;
        break;
    case 3:
        store<std::uint64_t>(b, offsetof(Elf64_Ehdr, e_shoff), 0xfffffffffffff000ull);
        break;
    case 4:
        store<std::uint16_t>(b, offsetof(Elf64_Ehdr, e_shnum), 0xfff0);
        break;
    case 5:
        store<std::uint64_t>(b, offsetof(Elf64_Ehdr, e_phoff), 0x7ffffffffffff000ull);
        break;
    case 6:
        store<std::uint16_t>(b, offsetof(Elf64_Ehdr, e_phnum), 0xfff0);
        break;
    case 7:
        store<std::uint64_t>(b, dynsym + offsetof(Elf64_Shdr, sh_size), 0x100000000ull);
        break;
    case 8:
        store<std::uint64_t>(b, dynsym + offsetof(Elf64_Shdr, sh_offset), 0xfffffffffff0ull);
        break;
    case 9:
        store<std::uint32_t>(b, dynsym + offsetof(Elf64_Shdr, sh_link), 9999);
        break;
    case 10:
        store<std::uint32_t>(
            b, dynsymSh.sh_offset + sizeof(Elf64_Sym) + offsetof(Elf64_Sym, st_name), 0x7fffffff);
        break;
    case 11:
        store<std::uint16_t>(b, versymSh.sh_offset + 2, 0x7abc);
        break;
    case 12: // vd_next pointing at itself would loop forever without a bound
        store<std::uint32_t>(b, verdefSh.sh_offset + offsetof(Elf64_Verdef, vd_next), 0);
        store<std::uint32_t>(b, verdef + offsetof(Elf64_Shdr, sh_info), 0xffffffff);
        mustFail = false; // vd_next == 0 ends the chain: later versions are unknown, so it may
                          // fail with "undefined version index"; either way no hang
        break;
    case 13:
        store<std::uint32_t>(b, verdefSh.sh_offset + offsetof(Elf64_Verdef, vd_next), 0xfffffff0);
        break;
    case 14:
        store<std::uint32_t>(b, verdefSh.sh_offset + offsetof(Elf64_Verdef, vd_aux), 0xfffffff0);
        mustFail = false; // the base version's name is lost; symbols use index 2
        break;
    case 15:
        store<std::uint64_t>(b, notePh + offsetof(Elf64_Phdr, p_filesz), 0xffffffffffull);
        break;
    case 16:
        store<std::uint32_t>(b, notePhdr.p_offset, 0xfffffff0); // n_namesz of the first note
        mustFail = false; // the bad note ends the note walk; symbols stay readable
        break;
    case 17:
        for (size_t i = 0; i < eh.e_phnum; ++i) {
            const size_t off = eh.e_phoff + i * sizeof(Elf64_Phdr);
            if (load<Elf64_Phdr>(b, off).p_type == PT_LOAD) {
                store<std::uint32_t>(b, off, PT_NULL);
            }
        }
        break;
    case 18:
        store<std::uint16_t>(b, offsetof(Elf64_Ehdr, e_shstrndx), 0xfff0);
        mustFail = false; // section names are not needed
        break;
    case 19:
        store<std::uint64_t>(b, versym + offsetof(Elf64_Shdr, sh_size), 2);
        mustFail = false; // symbols past the end of .gnu.version get no version
        break;
    case 20:
        store<std::uint64_t>(b, dynsym + offsetof(Elf64_Shdr, sh_entsize), 0);
        mustFail = false;
        break;
    }
    std::string error;
    const auto image = VdsoImage::fromBytes(b, 0x7f0000000000ull, 1, &error);
    if (mustFail) {
        QVERIFY2(!image, "corrupt image accepted");
    }
    if (!image) {
        QVERIFY(!error.empty());
        qDebug("%s", error.c_str());
    }
}

void TestVdsoMalformed::randomMutations() {
    const auto full = realImage();
    std::mt19937_64 rng(20261127);
    int failures = 0;
    const int rounds = 20000;
    for (int round = 0; round < rounds; ++round) {
        auto b = full;
        // Mostly hit the headers and tables in the first 0x600 bytes and the section headers.
        const int flips = 1 + int(rng() % 8);
        for (int f = 0; f < flips; ++f) {
            size_t pos = rng() % 2 ? rng() % std::min<size_t>(0x600, b.size()) : rng() % b.size();
            const unsigned kind = rng() % 4;
            if (kind == 0) {
                b[pos] = std::uint8_t(rng());
            } else if (kind == 1) {
                b[pos] ^= std::uint8_t(1u << (rng() % 8));
            } else if (kind == 2 && pos + 4 <= b.size()) {
                const std::uint32_t v[] = {0, 0xffffffffu, 0x7fffffffu, 0x80000000u, 1u};
                store<std::uint32_t>(b, pos, v[rng() % 5]);
            } else {
                b[pos] = 0xff;
            }
        }
        if (rng() % 4 == 0) {
            b.resize(rng() % b.size());
        }
        std::string error;
        if (!VdsoImage::fromBytes(std::move(b), 0, 0, &error)) {
            ++failures;
            QVERIFY(!error.empty());
        }
    }
    qDebug("%d of %d mutated images rejected", failures, rounds);
}

QTEST_GUILESS_MAIN(TestVdsoMalformed)
#include "tst_vdso_malformed.moc"
