// The runner of the user's own commands as `pipeline` relies on it: every line of both streams
// arrives, in order per stream, with its time; partial and overlong lines are not lost; the
// environment and working folder reach the command; exit codes and signals are told apart;
// commands run at the same time; the timeout, stop() and destroying the runner end whole
// process groups, grandchildren included; a command that cannot start says why.

#include "pipeline/commandrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <memory>
#include <pthread.h>
#include <unistd.h>

using namespace spillway;

namespace {

// Everything one run reported, collected until allFinished.
struct Recorder
{
    explicit Recorder(CommandRunner *runner)
    {
        QObject::connect(runner, &CommandRunner::lineRead, runner,
                         [this](const PipelineLogLine &line) { lines.append(line); });
        QObject::connect(runner, &CommandRunner::commandFinished, runner,
                         [this](int command, const CommandOutcome &outcome) {
                             finishedOrder.append(command);
                             outcomes[command] = outcome;
                         });
        QObject::connect(runner, &CommandRunner::allFinished, runner, [this] { done = true; });
    }

    QStringList texts(int command, bool fromStderr) const
    {
        QStringList list;
        for (const PipelineLogLine &line : lines) {
            if (line.command == command && line.fromStderr == fromStderr)
                list.append(line.text);
        }
        return list;
    }

    QList<PipelineLogLine> lines;
    QHash<int, CommandOutcome> outcomes;
    QList<int> finishedOrder;
    bool done = false;
};

CommandSpec spec(const QString &line, const QString &name = QStringLiteral("test"))
{
    CommandSpec s;
    s.name = name;
    s.commandLine = line;
    return s;
}

// Gone, or a zombie nobody has reaped yet (it runs no more).
bool processGone(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return errno == ESRCH;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close >= 0 && close + 2 < text.size() && text.at(close + 2) == 'Z';
}

qint64 firstNumber(const QStringList &lines)
{
    return lines.isEmpty() ? 0 : lines.first().toLongLong();
}

} // namespace

class TestCommandRunner : public QObject
{
    Q_OBJECT

private slots:
    void linesInOrderPerStream();
    void timestampsFollowOutput();
    void partialLastLine();
    void progressBarRedrawsAreLines();
    void longLinesComeInPieces();
    void longUtf8LineNotSplitInACharacter();
    void invalidUtf8Replaced();
    void environmentReachesTheCommand();
    void emptyEnvironmentIsSpillwaysOwn();
    void signalsIgnoredBySpillwayAreNotInherited();
    void workingDirectory();
    void exitCodeAndSignal_data();
    void exitCodeAndSignal();
    void commandsRunConcurrently();
    void timeoutEndsTheWholeGroup();
    void stopEndsTheCommand();
    void ignoredTermEndsWithKill();
    void backgroundLeftoversEnded();
    void destroyingTheRunnerLeavesNothingRunning();
    void missingWorkingDirectoryIsAnError();
};

void TestCommandRunner::linesInOrderPerStream()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.start({spec(QStringLiteral(
        "printf 'a\\nb\\n'; printf 'e1\\n' >&2; printf 'c\\n'; printf 'e2\\ne3\\n' >&2"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QCOMPARE(r.texts(0, false),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(r.texts(0, true),
             (QStringList{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}));
    QVERIFY(r.outcomes[0].succeeded());
    QCOMPARE(r.outcomes[0].exitCode, 0);
    for (const PipelineLogLine &line : r.lines) {
        QCOMPARE(line.command, 0);
        QVERIFY(line.elapsedSeconds >= 0);
        QVERIFY(line.elapsedSeconds <= r.outcomes[0].seconds);
    }
    QVERIFY(!runner.isRunning());
}

void TestCommandRunner::timestampsFollowOutput()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.start(
        {spec(QStringLiteral("echo one; sleep 0.6; echo two >&2; sleep 0.6; echo three"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QCOMPARE(r.lines.size(), 3);
    QCOMPARE(r.lines[1].text, QStringLiteral("two"));
    QVERIFY(r.lines[1].fromStderr);
    QVERIFY(r.lines[1].elapsedSeconds - r.lines[0].elapsedSeconds >= 0.3);
    QVERIFY(r.lines[2].elapsedSeconds - r.lines[1].elapsedSeconds >= 0.3);
    QVERIFY(r.outcomes[0].seconds >= 1.2);
}

void TestCommandRunner::partialLastLine()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.start({spec(QStringLiteral("printf 'x\\r\\ny'; printf 'no end' >&2"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QCOMPARE(r.texts(0, false), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    QCOMPARE(r.texts(0, true), QStringList{QStringLiteral("no end")});
}

void TestCommandRunner::progressBarRedrawsAreLines()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.start({spec(
        QStringLiteral("printf '\\r10%%\\r20%%' >&2; sleep 0.2; printf '\\r30%%\\n\\ndone\\r'"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QCOMPARE(r.texts(0, true), (QStringList{QStringLiteral("10%"), QStringLiteral("20%")}));
    QCOMPARE(r.texts(0, false),
             (QStringList{QStringLiteral("30%"), QString(), QStringLiteral("done")}));
}

void TestCommandRunner::longLinesComeInPieces()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.start(
        {spec(QStringLiteral("head -c 200000 /dev/zero | tr '\\000' a; echo; echo after"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    const QStringList lines = r.texts(0, false);
    QVERIFY(lines.size() >= 5);
    QCOMPARE(lines.last(), QStringLiteral("after"));
    QString joined;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QVERIFY(lines[i].size() <= CommandRunner::kMaxLineBytes);
        joined += lines[i];
    }
    QCOMPARE(joined, QString(200000, QLatin1Char('a')));
}

void TestCommandRunner::longUtf8LineNotSplitInACharacter()
{
    CommandRunner runner;
    Recorder r(&runner);
    // 50,000 × "é" (2 bytes each): the 64 KiB cut would fall inside a character.
    runner.start({spec(QStringLiteral("printf 'x'; yes 'é' | head -n 50000 | tr -d '\\n'; echo"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    const QStringList lines = r.texts(0, false);
    QVERIFY(lines.size() >= 2);
    const QString joined = lines.join(QString());
    QVERIFY(!joined.contains(QChar::ReplacementCharacter));
    QCOMPARE(joined, QStringLiteral("x") + QString(50000, QChar(0xE9)));
}

void TestCommandRunner::invalidUtf8Replaced()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.start({spec(QStringLiteral("printf 'ok\\377\\376x\\n'"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    const QStringList lines = r.texts(0, false);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines[0].startsWith(QStringLiteral("ok")));
    QVERIFY(lines[0].endsWith(QStringLiteral("x")));
    QVERIFY(lines[0].contains(QChar::ReplacementCharacter));
}

void TestCommandRunner::environmentReachesTheCommand()
{
    CommandRunner runner;
    Recorder r(&runner);
    CommandSpec s = spec(QStringLiteral("echo \"$SPILLWAY_FILES|$PGAPPNAME|${HOME:-unset}\""));
    s.environment.insert(QStringLiteral("SPILLWAY_FILES"), QStringLiteral("/data/files dir"));
    s.environment.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("spillway/r1/0"));
    s.environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    runner.start({s});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QCOMPARE(r.texts(0, false), QStringList{QStringLiteral("/data/files dir|spillway/r1/0|unset")});
}

void TestCommandRunner::emptyEnvironmentIsSpillwaysOwn()
{
    qputenv("SPILLWAY_RUNNER_TEST", "inherited");
    CommandRunner runner;
    Recorder r(&runner);
    runner.start({spec(QStringLiteral("echo \"$SPILLWAY_RUNNER_TEST\""))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QCOMPARE(r.texts(0, false), QStringList{QStringLiteral("inherited")});
}

void TestCommandRunner::signalsIgnoredBySpillwayAreNotInherited()
{
    // The CLI ignores SIGPIPE and handles SIGINT; a thread may block signals. None of it may
    // reach the user's pipeline.
    struct sigaction ignore = {}, oldPipe = {}, oldInt = {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &oldPipe);
    ::sigaction(SIGINT, &ignore, &oldInt);
    sigset_t blocked, oldMask;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &blocked, &oldMask);
    CommandRunner runner;
    Recorder r(&runner);
    runner.start({spec(QStringLiteral("grep -E '^Sig(Blk|Ign)' /proc/self/status"))});
    ::pthread_sigmask(SIG_SETMASK, &oldMask, nullptr);
    ::sigaction(SIGPIPE, &oldPipe, nullptr);
    ::sigaction(SIGINT, &oldInt, nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QCOMPARE(r.texts(0, false), (QStringList{QStringLiteral("SigBlk:\t0000000000000000"),
                                             QStringLiteral("SigIgn:\t0000000000000000")}));
}

void TestCommandRunner::workingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CommandRunner runner;
    Recorder r(&runner);
    CommandSpec s = spec(QStringLiteral("pwd -P"));
    s.workingDirectory = dir.path();
    runner.start({s});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QCOMPARE(r.texts(0, false), QStringList{QFileInfo(dir.path()).canonicalFilePath()});
}

void TestCommandRunner::exitCodeAndSignal_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("signal");
    QTest::newRow("exit 0") << QStringLiteral("true") << 0 << 0;
    QTest::newRow("exit 3") << QStringLiteral("exit 3") << 3 << 0;
    QTest::newRow("missing program")
        << QStringLiteral("no-such-program-spillway 2>/dev/null") << 127 << 0;
    QTest::newRow("killed") << QStringLiteral("kill -KILL $$") << -1 << int(SIGKILL);
    QTest::newRow("segv") << QStringLiteral("kill -SEGV $$") << -1 << int(SIGSEGV);
}

void TestCommandRunner::exitCodeAndSignal()
{
    QFETCH(QString, line);
    QFETCH(int, exitCode);
    QFETCH(int, signal);
    CommandRunner runner;
    Recorder r(&runner);
    runner.start({spec(line)});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    const CommandOutcome outcome = r.outcomes[0];
    QCOMPARE(outcome.exitCode, exitCode);
    QCOMPARE(outcome.signal, signal);
    QVERIFY(outcome.error.isEmpty());
    QVERIFY(!outcome.timedOut && !outcome.stopped);
    QCOMPARE(outcome.succeeded(), exitCode == 0);
}

void TestCommandRunner::commandsRunConcurrently()
{
    CommandRunner runner;
    Recorder r(&runner);
    QElapsedTimer clock;
    clock.start();
    runner.start({spec(QStringLiteral("sleep 1; echo first"), QStringLiteral("a")),
                  spec(QStringLiteral("sleep 1; echo second >&2"), QStringLiteral("b"))});
    QVERIFY(runner.isRunning());
    QCOMPARE(runner.processIds().size(), 2);
    QVERIFY(runner.processIds()[0] > 0 && runner.processIds()[1] > 0);
    QVERIFY(runner.processIds()[0] != runner.processIds()[1]);
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    QVERIFY2(clock.elapsed() < 1800, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(r.texts(0, false), QStringList{QStringLiteral("first")});
    QCOMPARE(r.texts(1, true), QStringList{QStringLiteral("second")});
    QCOMPARE(r.finishedOrder.size(), 2);
    QVERIFY(r.outcomes[0].succeeded() && r.outcomes[1].succeeded());
}

void TestCommandRunner::timeoutEndsTheWholeGroup()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.setTimeout(0.5);
    runner.start({spec(QStringLiteral("sleep 100 & echo $!; sleep 100; wait"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
    const qint64 grandchild = firstNumber(r.texts(0, false));
    QVERIFY(grandchild > 0);
    const CommandOutcome outcome = r.outcomes[0];
    QVERIFY(outcome.timedOut);
    QVERIFY(!outcome.stopped);
    QCOMPARE(outcome.signal, int(SIGTERM));
    QVERIFY2(outcome.seconds >= 0.5 && outcome.seconds < 4.0,
             qPrintable(QString::number(outcome.seconds)));
    QVERIFY(!outcome.succeeded());
    QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchild), 3000);
    QVERIFY(processGone(runner.processIds()[0]));
}

void TestCommandRunner::stopEndsTheCommand()
{
    CommandRunner runner;
    Recorder r(&runner);
    QSignalSpy started(&runner, &CommandRunner::commandStarted);
    runner.start({spec(QStringLiteral("sleep 100 | cat"))});
    QVERIFY(started.wait(5000));
    QCOMPARE(started.first().at(1).toLongLong(), runner.processIds()[0]);
    runner.stop();
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 4000);
    QVERIFY(r.outcomes[0].stopped);
    QVERIFY(!r.outcomes[0].timedOut);
    QCOMPARE(r.outcomes[0].signal, int(SIGTERM));
}

void TestCommandRunner::ignoredTermEndsWithKill()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.setKillGrace(0.3);
    runner.start({spec(QStringLiteral("trap '' TERM; echo ready; sleep 100"))});
    QTRY_COMPARE_WITH_TIMEOUT(r.texts(0, false), QStringList{QStringLiteral("ready")}, 5000);
    runner.stop();
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 5000);
    QVERIFY(r.outcomes[0].stopped);
    QCOMPARE(r.outcomes[0].signal, int(SIGKILL));
}

void TestCommandRunner::backgroundLeftoversEnded()
{
    CommandRunner runner;
    Recorder r(&runner);
    runner.start({spec(QStringLiteral("sleep 100 & echo $!"))});
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 5000);
    QCOMPARE(r.outcomes[0].exitCode, 0);
    QVERIFY(r.outcomes[0].leftoversEnded);
    const qint64 leftover = firstNumber(r.texts(0, false));
    QVERIFY(leftover > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(leftover), 3000);
}

void TestCommandRunner::destroyingTheRunnerLeavesNothingRunning()
{
    auto runner = std::make_unique<CommandRunner>();
    Recorder r(runner.get());
    runner->start({spec(QStringLiteral("sleep 100 & echo $!; sleep 100")),
                   spec(QStringLiteral("trap '' TERM; sleep 100"))});
    QTRY_VERIFY_WITH_TIMEOUT(!r.texts(0, false).isEmpty(), 5000);
    const qint64 grandchild = firstNumber(r.texts(0, false));
    const QList<qint64> shells = runner->processIds();
    runner.reset();
    // The shells were ours: reaped, not zombies. The grandchild belonged to init by now.
    for (const qint64 shell : shells)
        QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(shell)));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchild), 3000);
}

void TestCommandRunner::missingWorkingDirectoryIsAnError()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("not-there"));
    CommandRunner runner;
    Recorder r(&runner);
    CommandSpec s = spec(QStringLiteral("echo never"), QStringLiteral("etl"));
    s.workingDirectory = missing;
    runner.start({s, spec(QStringLiteral("echo fine"))});
    QVERIFY(r.outcomes.isEmpty()); // reported after start() returned, never inside it
    QTRY_VERIFY_WITH_TIMEOUT(r.done, 5000);
    QVERIFY(r.outcomes[0].error.contains(missing));
    QVERIFY(!r.outcomes[0].succeeded());
    QVERIFY(r.texts(0, false).isEmpty());
    QCOMPARE(runner.processIds()[0], qint64(0));
    QVERIFY(r.outcomes[1].succeeded());
    QCOMPARE(r.texts(1, false), QStringList{QStringLiteral("fine")});
}

QTEST_GUILESS_MAIN(TestCommandRunner)
#include "test_commandrunner.moc"
