// `syscope-cli vdso --dump FILE --json` must agree with what readelf --dyn-syms prints for FILE.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

class TestVdsoCli : public QObject {
    Q_OBJECT
private slots:
    void agreesWithReadelf();
    void objdumpAccepts();
    void badPid();
};

namespace {

QByteArray run(const QString& program, const QStringList& args, int* exitCode = nullptr) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        qWarning("%s did not finish", qPrintable(program));
    }
    if (exitCode) {
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    return p.readAllStandardOutput();
}

} // namespace

void TestVdsoCli::agreesWithReadelf() {
    if (QStandardPaths::findExecutable(QStringLiteral("readelf")).isEmpty()) {
        QSKIP("readelf (binutils) not installed");
    }
    QTemporaryDir dir;
    const QString dump = dir.filePath(QStringLiteral("vdso.so"));
    int code = -1;
    const QByteArray out = run(
        QStringLiteral(SYSCOPE_CLI_PATH),
        {QStringLiteral("vdso"), QStringLiteral("--dump"), dump, QStringLiteral("--json")}, &code);
    QCOMPARE(code, 0);
    QJsonParseError perr;
    const QJsonObject root = QJsonDocument::fromJson(out, &perr).object();
    QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
    QVERIFY(root.value(QStringLiteral("pid")).toInt() > 0);
    // Where ASLR put it: a page in the user half of the address space (not always 0x7f...: the
    // mmap area's randomisation reaches below 0x7f0000000000).
    bool parsed = false;
    const quint64 base = root.value(QStringLiteral("base")).toString().toULongLong(&parsed, 16);
    QVERIFY(parsed);
    QVERIFY(base != 0 && base % 4096 == 0 && base < 0x800000000000ULL);
    QCOMPARE(root.value(QStringLiteral("size")).toInt(), int(QFileInfo(dump).size()));
    QCOMPARE(root.value(QStringLiteral("build_id")).toString().size(), 40);
    const QJsonArray symbols = root.value(QStringLiteral("symbols")).toArray();
    QVERIFY(symbols.size() >= 4);

    // readelf -W --dyn-syms: "  1: 0000000000000af0   902 FUNC    WEAK   DEFAULT   12 name@@V"
    const QString text = QString::fromUtf8(
        run(QStringLiteral("readelf"), {QStringLiteral("-W"), QStringLiteral("--dyn-syms"), dump}));
    const QRegularExpression row(QStringLiteral(
        R"(^\s*(\d+):\s+([0-9a-f]+)\s+(\d+)\s+(\w+)\s+(\w+)\s+(\w+)\s+(\w+)\s*(\S*))"));
    struct ReadelfSym {
        quint64 value;
        quint64 size;
        QString type, bind, name, version;
    };
    QList<ReadelfSym> expected;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const auto m = row.match(line);
        if (!m.hasMatch() || m.captured(1).toInt() == 0) {
            continue;
        }
        ReadelfSym s;
        s.value = m.captured(2).toULongLong(nullptr, 16);
        s.size = m.captured(3).toULongLong();
        s.type = m.captured(4);
        s.bind = m.captured(5);
        QString name = m.captured(8);
        const int at = name.indexOf(QLatin1Char('@'));
        if (at >= 0) {
            s.version = name.mid(at).remove(QLatin1Char('@'));
            name.truncate(at);
        }
        s.name = name;
        expected.append(s);
    }
    QCOMPARE(symbols.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject o = symbols.at(i).toObject();
        const ReadelfSym& e = expected.at(i);
        QCOMPARE(o.value(QStringLiteral("name")).toString(), e.name);
        QCOMPARE(o.value(QStringLiteral("offset")).toString().toULongLong(nullptr, 16), e.value);
        QCOMPARE(quint64(o.value(QStringLiteral("size")).toDouble()), e.size);
        QCOMPARE(o.value(QStringLiteral("type")).toString(), e.type);
        QCOMPARE(o.value(QStringLiteral("binding")).toString(), e.bind);
        if (!e.version.isEmpty()) {
            QCOMPARE(o.value(QStringLiteral("version")).toString(), e.version);
        }
        if (e.type == QLatin1String("FUNC")) {
            QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("LINUX_2.6"));
            QCOMPARE(o.value(QStringLiteral("address")).toString().toULongLong(nullptr, 16),
                     base + e.value);
        }
    }
}

void TestVdsoCli::objdumpAccepts() {
    if (QStandardPaths::findExecutable(QStringLiteral("objdump")).isEmpty()) {
        QSKIP("objdump (binutils) not installed");
    }
    QTemporaryDir dir;
    const QString dump = dir.filePath(QStringLiteral("vdso.so"));
    int code = -1;
    run(QStringLiteral(SYSCOPE_CLI_PATH), {QStringLiteral("vdso"), QStringLiteral("--dump"), dump},
        &code);
    QCOMPARE(code, 0);
    const QByteArray dis = run(QStringLiteral("objdump"), {QStringLiteral("-d"), dump}, &code);
    QCOMPARE(code, 0);
    QVERIFY(dis.contains("<__vdso_clock_gettime@@LINUX_2.6>:") ||
            dis.contains("<clock_gettime@@LINUX_2.6>:"));
    // The image parses back through --image.
    const QByteArray again = run(QStringLiteral(SYSCOPE_CLI_PATH),
                                 {QStringLiteral("vdso"), QStringLiteral("--image"), dump}, &code);
    QCOMPARE(code, 0);
    QVERIFY(again.contains("__vdso_clock_gettime"));
}

void TestVdsoCli::badPid() {
    QProcess p;
    p.start(QStringLiteral(SYSCOPE_CLI_PATH),
            {QStringLiteral("vdso"), QStringLiteral("--pid"), QStringLiteral("2147483600")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("syscope-cli vdso:"));
    p.start(QStringLiteral(SYSCOPE_CLI_PATH),
            {QStringLiteral("vdso"), QStringLiteral("--pid"), QStringLiteral("abc")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestVdsoCli)
#include "tst_vdso_cli.moc"
