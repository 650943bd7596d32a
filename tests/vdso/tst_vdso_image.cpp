#include "proc/ProcMaps.h"
#include "vdso/VdsoImage.h"

#include <QtTest>

#include <csignal>
#include <ctime>
#include <elf.h>
#include <sys/auxv.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace syscope;

class TestVdsoImage : public QObject {
    Q_OBJECT
private slots:
    void self();
    void functionsAreCallable();
    void otherProcessAfterFork();
    void otherProcessAfterExec();
    void saveAndReload();
    void missingProcess();
};

void TestVdsoImage::self() {
    std::string error;
    const auto image = VdsoImage::fromSelf(&error);
    QVERIFY2(image, error.c_str());
    QCOMPARE(image->base(), std::uint64_t(getauxval(AT_SYSINFO_EHDR)));
    QCOMPARE(image->pid(), int(getpid()));
    QVERIFY(image->size() >= 4096);
    QCOMPARE(image->size() % 4096, size_t(0));
    QCOMPARE(image->header().elfClass, std::uint8_t(ELFCLASS64));
    QCOMPARE(image->header().type, std::uint16_t(ET_DYN));
    QCOMPARE(image->header().machine, std::uint16_t(EM_X86_64));
    QCOMPARE(image->buildId().size(), size_t(40)); // SHA-1 build-id
    QVERIFY(!image->linuxVersion().empty());
    QVERIFY(!image->symbols().empty());
    for (const char* name :
         {"__vdso_clock_gettime", "__vdso_gettimeofday", "__vdso_time", "__vdso_getcpu"}) {
        const VdsoSymbol* s = image->findFunction(name);
        QVERIFY2(s, name);
        QCOMPARE(s->name, std::string(name));
        QCOMPARE(s->version, std::string("LINUX_2.6"));
        QCOMPARE(s->type, std::string("FUNC"));
        QCOMPARE(s->binding, std::string("GLOBAL"));
        QVERIFY(s->size > 0);
        QCOMPARE(s->address, image->base() + s->offset);
        QVERIFY(s->offset < image->size());
    }
    // Short names find the weak aliases or the __vdso_ names.
    QVERIFY(image->findFunction("clock_gettime"));
    QCOMPARE(image->findFunction("clock_gettime")->offset,
             image->findFunction("__vdso_clock_gettime")->offset);
    QVERIFY(!image->findFunction("no_such_function"));
    // Symbol indices are increasing and exclude the null symbol.
    QCOMPARE(image->symbols().front().index, 1u);
}

void TestVdsoImage::functionsAreCallable() {
    std::string error;
    const auto image = VdsoImage::fromSelf(&error);
    QVERIFY2(image, error.c_str());
    using ClockGettime = int (*)(clockid_t, timespec*);
    using Gettimeofday = int (*)(timeval*, void*);
    const auto cg = reinterpret_cast<ClockGettime>(image->findFunction("clock_gettime")->address);
    const auto gtod = reinterpret_cast<Gettimeofday>(image->findFunction("gettimeofday")->address);
    timespec a{};
    timespec b{};
    clock_gettime(CLOCK_MONOTONIC, &a);
    QCOMPARE(cg(CLOCK_MONOTONIC, &b), 0);
    const auto ns = [](const timespec& t) { return qint64(t.tv_sec) * 1000000000 + t.tv_nsec; };
    QVERIFY(ns(b) >= ns(a));
    QVERIFY(ns(b) - ns(a) < qint64(5) * 1000000000);
    timeval tv{};
    QCOMPARE(gtod(&tv, nullptr), 0);
    QVERIFY(std::abs(qint64(tv.tv_sec) - qint64(time(nullptr))) <= 2);
}

void TestVdsoImage::otherProcessAfterFork() {
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        pause();
        _exit(0);
    }
    std::string error;
    const auto theirs = VdsoImage::fromProcess(child, &error);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    QVERIFY2(theirs, error.c_str());
    const auto mine = VdsoImage::fromSelf(&error);
    QVERIFY(mine);
    QCOMPARE(theirs->pid(), int(child));
    QCOMPARE(theirs->base(), mine->base()); // fork keeps the address space layout
    QVERIFY(std::equal(theirs->bytes().begin(), theirs->bytes().end(), mine->bytes().begin(),
                       mine->bytes().end()));
}

void TestVdsoImage::otherProcessAfterExec() {
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        execl("/bin/sleep", "sleep", "30", static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait until the exec happened (the exe link changes) and its vDSO is mapped; the kernel
    // maps the vDSO late in exec, so a read can briefly fail after the exe link changed.
    std::string error;
    std::optional<VdsoImage> theirs;
    QElapsedTimer waited;
    waited.start();
    while (!theirs && waited.elapsed() < 20000) {
        char link[256] = {};
        const std::string path = "/proc/" + std::to_string(child) + "/exe";
        const ssize_t n = readlink(path.c_str(), link, sizeof link - 1);
        if (n > 0 && QByteArray(link).endsWith("sleep")) {
            theirs = VdsoImage::fromProcess(child, &error);
        }
        if (!theirs) {
            usleep(2000);
        }
    }
    const auto maps = readMaps(child, nullptr);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    QVERIFY2(theirs, error.c_str());
    QVERIFY(maps);
    bool found = false;
    for (const auto& e : maps->entries) {
        if (e.path == "[vdso]") {
            QCOMPARE(theirs->base(), e.start);
            found = true;
        }
    }
    QVERIFY(found);
    const auto mine = VdsoImage::fromSelf(&error);
    QVERIFY(mine);
    QCOMPARE(theirs->buildId(), mine->buildId()); // one kernel, one vDSO
    QCOMPARE(theirs->symbols().size(), mine->symbols().size());
    const VdsoSymbol* s = theirs->findFunction("clock_gettime");
    QVERIFY(s);
    QCOMPARE(s->address, theirs->base() + s->offset);
}

void TestVdsoImage::saveAndReload() {
    std::string error;
    const auto image = VdsoImage::fromSelf(&error);
    QVERIFY2(image, error.c_str());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("vdso.so")).toStdString();
    QVERIFY2(image->save(path, &error), error.c_str());
    const auto back = VdsoImage::fromFile(path, &error);
    QVERIFY2(back, error.c_str());
    QCOMPARE(back->base(), std::uint64_t(0));
    QCOMPARE(back->size(), image->size());
    QCOMPARE(back->buildId(), image->buildId());
    QCOMPARE(back->symbols().size(), image->symbols().size());
    for (size_t i = 0; i < back->symbols().size(); ++i) {
        QCOMPARE(back->symbols()[i].name, image->symbols()[i].name);
        QCOMPARE(back->symbols()[i].offset, image->symbols()[i].offset);
    }
    QVERIFY(!image->save("/nonexistent-dir/x.so", &error));
    QVERIFY(error.find("/nonexistent-dir/x.so") != std::string::npos);
    QVERIFY(!VdsoImage::fromFile("/nonexistent-dir/x.so", &error));
}

void TestVdsoImage::missingProcess() {
    std::string error;
    QVERIFY(!VdsoImage::fromProcess(0x7ffffff0, &error));
    QVERIFY(!error.empty());
}

QTEST_GUILESS_MAIN(TestVdsoImage)
#include "tst_vdso_image.moc"
