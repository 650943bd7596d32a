// The man pages must not drift from the programs: every long option that a program's --help
// prints has to be described in its man page (for syscope-cli: in the section of that command),
// and every option the man page describes (a .TP entry) has to exist. Commands are discovered
// from `syscope-cli --help`, so new commands and options are checked without touching this test.

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString kManDir = QStringLiteral(SYSCOPE_MAN_DIR);

struct HelpRun {
    bool ok = false;
    QString out;
    QString problem;
};

HelpRun runHelp(const QString& program, const QStringList& args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    HelpRun r;
    if (!p.waitForStarted(10000)) {
        r.problem = QStringLiteral("cannot start %1: %2").arg(program, p.errorString());
        return r;
    }
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.problem = QStringLiteral("%1 %2 did not finish").arg(program, args.join(u' '));
        return r;
    }
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        r.problem = QStringLiteral("%1 %2 exited with %3: %4")
                        .arg(program, args.join(u' '))
                        .arg(p.exitCode())
                        .arg(QString::fromUtf8(p.readAllStandardError()));
        return r;
    }
    r.ok = true;
    return r;
}

// Long options at the start of a help line, as printed by ArgParser and QCommandLineParser:
// "  -o, --output FILE   ..." or "  --json   ...". Mentions inside descriptions do not count.
QStringList helpLongOptions(const QString& help) {
    static const QRegularExpression re(
        QStringLiteral("^\\s+(?:-[A-Za-z0-9], +)?--([A-Za-z0-9][A-Za-z0-9-]*)"),
        QRegularExpression::MultilineOption);
    QStringList names;
    auto it = re.globalMatch(help);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name)) {
            names << name;
        }
    }
    return names;
}

// Command names listed after "Commands:" in `syscope-cli --help`, up to the next blank line.
QStringList helpCommands(const QString& help) {
    QStringList commands;
    bool inCommands = false;
    for (const QString& line : help.split(u'\n')) {
        if (line.trimmed() == QLatin1String("Commands:")) {
            inCommands = true;
            continue;
        }
        if (!inCommands) {
            continue;
        }
        if (line.trimmed().isEmpty()) {
            break;
        }
        static const QRegularExpression cmd(QStringLiteral("^\\s+([A-Za-z0-9][A-Za-z0-9-]*)"));
        const auto m = cmd.match(line);
        if (m.hasMatch()) {
            commands << m.captured(1);
        }
    }
    return commands;
}

// A man page split into sections (.SH NAME / .SS first-word), with roff escapes removed.
struct ManSection {
    QString text;
    QStringList definedOptions; // long options in the tag line of a .TP entry
};

struct ManPage {
    bool ok = false;
    QString problem;
    QMap<QString, ManSection> sections; // key: "SH:OPTIONS" or "SS:record"
    QString text;
};

QString plainRoff(QString line) {
    line.replace(QLatin1String("\\-"), QLatin1String("-"));
    static const QRegularExpression font(QStringLiteral("\\\\f[BIRP]"));
    line.remove(font);
    line.replace(QLatin1String("\\&"), QString());
    return line;
}

QStringList longOptionsIn(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("(?:^|[^A-Za-z0-9-])--([A-Za-z0-9][A-Za-z0-9-]*)"));
    QStringList names;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        names << it.next().captured(1);
    }
    return names;
}

bool mentions(const QString& text, const QString& option) {
    const QRegularExpression re(QStringLiteral("(?:^|[^A-Za-z0-9-])--%1(?![A-Za-z0-9-])")
                                    .arg(QRegularExpression::escape(option)));
    return re.match(text).hasMatch();
}

ManPage readManPage(const QString& name) {
    ManPage page;
    QFile f(kManDir + u'/' + name);
    if (!f.open(QIODevice::ReadOnly)) {
        page.problem = QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString());
        return page;
    }
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    QString current = QStringLiteral("SH:");
    bool tagNext = false;
    for (const QString& raw : lines) {
        if (raw.startsWith(QLatin1String(".\\\""))) {
            continue; // comment
        }
        const QString line = plainRoff(raw);
        if (line.startsWith(QLatin1String(".SH ")) || line.startsWith(QLatin1String(".SS "))) {
            QString title = line.mid(4).trimmed();
            title.remove(u'"');
            const QString first = title.section(u' ', 0, 0);
            current = (line.startsWith(QLatin1String(".SH")) ? QStringLiteral("SH:") + title
                                                             : QStringLiteral("SS:") + first);
            page.sections[current];
            tagNext = false;
            continue;
        }
        ManSection& section = page.sections[current];
        section.text += line + u'\n';
        page.text += line + u'\n';
        if (line.startsWith(QLatin1String(".TP"))) {
            tagNext = true;
            continue;
        }
        if (tagNext) {
            section.definedOptions << longOptionsIn(line);
            tagNext = false;
        }
    }
    page.ok = true;
    return page;
}

QString cliPath() {
    return QStringLiteral(SYSCOPE_CLI_PATH);
}

// Fails (with every problem listed) unless `options` and the section's .TP entries agree.
void compareOptions(const QString& what, const QStringList& options, const ManSection& section) {
    QStringList problems;
    for (const QString& o : options) {
        if (o != QLatin1String("help") && !mentions(section.text, o)) {
            problems << QStringLiteral("--%1 is in --help but not in the man page").arg(o);
        }
    }
    for (const QString& o : section.definedOptions) {
        if (o != QLatin1String("help") && !options.contains(o)) {
            problems
                << QStringLiteral("--%1 is described in the man page but not in --help").arg(o);
        }
    }
    if (!problems.isEmpty()) {
        QFAIL(qPrintable(what + QStringLiteral(": ") + problems.join(QStringLiteral("; "))));
    }
}

} // namespace

class TestManPages : public QObject {
    Q_OBJECT

private slots:
    void rendersWithoutWarnings_data() {
        QTest::addColumn<QString>("page");
        QTest::newRow("syscope") << QStringLiteral("syscope.1");
        QTest::newRow("syscope-cli") << QStringLiteral("syscope-cli.1");
        QTest::newRow("syscope-demo") << QStringLiteral("syscope-demo.1");
    }
    void rendersWithoutWarnings() {
        QFETCH(QString, page);
        const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
        if (groff.isEmpty()) {
            QSKIP("groff is not installed");
        }
        QProcess p;
        p.start(groff, {QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-z"),
                        QStringLiteral("-Tutf8"), kManDir + u'/' + page});
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.isEmpty(), qPrintable(page + QStringLiteral(": ") + err));
        QCOMPARE(p.exitCode(), 0);
    }

    void cliGlobalOptions() {
        const HelpRun help = runHelp(cliPath(), {QStringLiteral("--help")});
        QVERIFY2(help.ok, qPrintable(help.problem));
        const ManPage page = readManPage(QStringLiteral("syscope-cli.1"));
        QVERIFY2(page.ok, qPrintable(page.problem));
        const QStringList options = helpLongOptions(help.out);
        QVERIFY2(options.contains(QLatin1String("version")), qPrintable(help.out));
        QVERIFY(page.sections.contains(QStringLiteral("SH:GLOBAL OPTIONS")));
        for (const QString& o : options) {
            QVERIFY2(mentions(page.sections.value(QStringLiteral("SH:GLOBAL OPTIONS")).text, o),
                     qPrintable(QStringLiteral("--%1 missing from GLOBAL OPTIONS").arg(o)));
        }
    }

    // Every command of the man page exists, and every existing command has a section.
    void cliCommandsMatch() {
        const HelpRun help = runHelp(cliPath(), {QStringLiteral("--help")});
        QVERIFY2(help.ok, qPrintable(help.problem));
        const QStringList commands = helpCommands(help.out);
        const ManPage page = readManPage(QStringLiteral("syscope-cli.1"));
        QVERIFY2(page.ok, qPrintable(page.problem));
        QStringList documented;
        for (auto it = page.sections.cbegin(); it != page.sections.cend(); ++it) {
            if (it.key().startsWith(QLatin1String("SS:"))) {
                documented << it.key().mid(3);
            }
        }
        QStringList problems;
        for (const QString& c : commands) {
            if (!documented.contains(c)) {
                problems << QStringLiteral("command '%1' has no .SS section").arg(c);
            }
        }
        for (const QString& c : documented) {
            if (!commands.contains(c)) {
                problems << QStringLiteral("the man page describes '%1', which syscope-cli "
                                           "--help does not list")
                                .arg(c);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void cliCommandOptions_data() {
        QTest::addColumn<QString>("command");
        const HelpRun help = runHelp(cliPath(), {QStringLiteral("--help")});
        for (const QString& c : helpCommands(help.out)) {
            QTest::newRow(qPrintable(c)) << c;
        }
    }
    void cliCommandOptions() {
        QFETCH(QString, command);
        const HelpRun help = runHelp(cliPath(), {command, QStringLiteral("--help")});
        QVERIFY2(help.ok, qPrintable(help.problem));
        const ManPage page = readManPage(QStringLiteral("syscope-cli.1"));
        QVERIFY2(page.ok, qPrintable(page.problem));
        const QString key = QStringLiteral("SS:") + command;
        QVERIFY2(page.sections.contains(key),
                 qPrintable(QStringLiteral("no section for '%1' in syscope-cli.1").arg(command)));
        compareOptions(QStringLiteral("syscope-cli ") + command, helpLongOptions(help.out),
                       page.sections.value(key));
    }

    void demoOptions() {
        const HelpRun help = runHelp(QStringLiteral(SYSCOPE_DEMO_PATH), {QStringLiteral("--help")});
        QVERIFY2(help.ok, qPrintable(help.problem));
        const ManPage page = readManPage(QStringLiteral("syscope-demo.1"));
        QVERIFY2(page.ok, qPrintable(page.problem));
        const QStringList options = helpLongOptions(help.out);
        QVERIFY(options.contains(QLatin1String("quick")));
        compareOptions(QStringLiteral("syscope-demo"), options,
                       page.sections.value(QStringLiteral("SH:OPTIONS")));
    }

    void guiOptions() {
#ifdef SYSCOPE_GUI_PATH
        const HelpRun help = runHelp(QStringLiteral(SYSCOPE_GUI_PATH), {QStringLiteral("--help")});
        QVERIFY2(help.ok, qPrintable(help.problem));
        const ManPage page = readManPage(QStringLiteral("syscope.1"));
        QVERIFY2(page.ok, qPrintable(page.problem));
        const QStringList options = helpLongOptions(help.out);
        QVERIFY2(!options.isEmpty(), qPrintable(help.out));
        compareOptions(QStringLiteral("syscope"), options,
                       page.sections.value(QStringLiteral("SH:OPTIONS")));
#else
        QSKIP("the GUI target is not part of this build");
#endif
    }
};

QTEST_GUILESS_MAIN(TestManPages)
#include "tst_manpages.moc"
