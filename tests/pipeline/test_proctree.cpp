// A command's process tree as the pipeline dashboard shows it: CPU of a busy child, memory of
// one that allocates, bytes a child writes (kept after it ended), grandchildren and daemonised
// children counted, and CPU time of reaped children counted once, not again when reaped.

#include "pipeline/commandrunner.h"
#include "pipeline/proctree.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <limits>
#include <unistd.h>

using namespace spillway;

namespace {

// Starts one command line and waits until its shell runs; the runner ends it when destroyed.
qint64 startCommand(CommandRunner &runner, const QString &line)
{
    CommandSpec spec;
    spec.name = QStringLiteral("tree");
    spec.commandLine = line;
    QSignalSpy started(&runner, &CommandRunner::commandStarted);
    runner.start({spec});
    if (!started.wait(5000))
        return 0;
    return started.first().at(1).toLongLong();
}

qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() : -1;
}

// The CPU % the kernel itself accounts to one process (utime + stime) from construction to
// percent(): what the sampler must agree with. On a loaded machine a busy loop gets only a share
// of a core, so tests compare with this rather than with a fixed figure alone.
class KernelCpu
{
public:
    explicit KernelCpu(qint64 pid)
        : m_pid(pid)
        , m_start(ticks())
    {
        m_clock.start();
    }
    double percent() const
    {
        static const double perSecond = double(::sysconf(_SC_CLK_TCK));
        return 100.0 * (ticks() - m_start) / perSecond / (double(m_clock.nsecsElapsed()) / 1e9);
    }

private:
    double ticks() const
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(m_pid));
        if (!stat.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        return fields.size() > 12 ? fields[11].toDouble() + fields[12].toDouble() : 0;
    }
    qint64 m_pid;
    double m_start;
    QElapsedTimer m_clock;
};

// The sampler's figure agrees with the kernel's, and with "> 20 %" whenever the machine gave the
// busy loop more than a quarter of a core.
void verifyBusy(double sampled, double kernel)
{
    const QString both = QStringLiteral("sampled %1 %, kernel %2 %").arg(sampled).arg(kernel);
    QVERIFY2(sampled > 0, qPrintable(both));
    QVERIFY2(qAbs(sampled - kernel) <= 10 + kernel / 10, qPrintable(both));
    if (kernel > 25)
        QVERIFY2(sampled > 20, qPrintable(both));
}

} // namespace

class TestProcTree : public QObject
{
    Q_OBJECT

private slots:
    void busyChildUsesCpu();
    void commandsMeasuredApart();
    void allocatingChildHasRss();
    void writtenBytesAreKept();
    void grandchildrenAndDaemonsCounted();
    void reapedChildCpuCountedOnce();
    void goneRootGivesEmptyTree();
    void ownCpuTime();
};

void TestProcTree::busyChildUsesCpu()
{
    CommandRunner runner;
    const qint64 root = startCommand(runner, QStringLiteral("while :; do :; done"));
    QVERIFY(root > 0);
    ProcessTreeSampler sampler(root);
    const KernelCpu kernel(root);
    QTest::qWait(600);
    const ProcessSample sample = sampler.sample();
    verifyBusy(sample.cpuPercent, kernel.percent());
    QVERIFY(sample.cpuPercent < 250);
    QVERIFY(sample.processes >= 1);
    QVERIFY(sample.rssBytes > 0);
    QVERIFY(sampler.members().contains(root));
}

void TestProcTree::commandsMeasuredApart()
{
    CommandRunner runner;
    QSignalSpy started(&runner, &CommandRunner::commandStarted);
    CommandSpec busy, idle;
    busy.commandLine = QStringLiteral("while :; do :; done");
    idle.commandLine = QStringLiteral("sleep 30");
    runner.start({busy, idle});
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 5000);
    ProcessTreeSampler busyTree(runner.processIds()[0]), idleTree(runner.processIds()[1]);
    const KernelCpu kernel(runner.processIds()[0]);
    QTest::qWait(600);
    const QList<ProcessSample> samples = ProcessTreeSampler::sampleAll({&busyTree, &idleTree});
    QCOMPARE(samples.size(), 2);
    verifyBusy(samples[0].cpuPercent, kernel.percent());
    QVERIFY2(samples[1].cpuPercent < 10, qPrintable(QString::number(samples[1].cpuPercent)));
    QCOMPARE(samples[0].processes, 1);  // the shell looping
    QVERIFY(samples[1].processes >= 1); // the shell and its sleep, or the sleep it became
    QVERIFY(!busyTree.members().contains(runner.processIds()[1]));
}

void TestProcTree::allocatingChildHasRss()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
    CommandRunner runner;
    const qint64 root = startCommand(
        runner, QStringLiteral("python3 -c 'x=bytearray(50_000_000); import time; time.sleep(3)'"));
    QVERIFY(root > 0);
    ProcessTreeSampler sampler(root);
    QTRY_VERIFY_WITH_TIMEOUT(sampler.sample().rssBytes > 40'000'000, 3000);
}

void TestProcTree::writtenBytesAreKept()
{
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/proctree-XXXXXX"));
    QVERIFY(dir.isValid());
    CommandRunner runner;
    QSignalSpy done(&runner, &CommandRunner::allFinished);
    const qint64 root = startCommand(
        runner, QStringLiteral("sleep 0.3; dd if=/dev/zero of='%1' bs=1M count=20 2>/dev/null; "
                               "sleep 1")
                    .arg(dir.filePath(QStringLiteral("out"))));
    QVERIFY(root > 0);
    ProcessTreeSampler sampler(root);
    if (!QFile(QStringLiteral("/proc/self/io")).open(QIODevice::ReadOnly))
        QSKIP("/proc/PID/io cannot be read here (no task I/O accounting)");
    constexpr qint64 kWritten = 20 * 1024 * 1024;
    QTRY_VERIFY_WITH_TIMEOUT(sampler.sample().writeBytes >= kWritten, 5000);
    QVERIFY(done.wait(5000));
    // The shell (which reaped dd) has ended too: its bytes stay in the totals.
    const ProcessSample after = sampler.sample();
    QVERIFY(after.writeBytes >= kWritten);
    QCOMPARE(after.processes, 0);
}

void TestProcTree::grandchildrenAndDaemonsCounted()
{
    CommandRunner runner;
    QList<qint64> pids; // the busy grandchild, then the daemon
    connect(&runner, &CommandRunner::lineRead, this,
            [&pids](const PipelineLogLine &line) { pids.append(line.text.toLongLong()); });
    // A busy grandchild, a sleeping one, and one whose parent exited (re-parented, same group).
    const qint64 root =
        startCommand(runner, QStringLiteral("(while :; do :; done) & echo $!; sleep 30 & "
                                            "sh -c 'sleep 30 & echo $!'; wait"));
    QVERIFY(root > 0);
    QTRY_COMPARE_WITH_TIMEOUT(pids.size(), 2, 5000);
    const qint64 busy = pids[0], daemon = pids[1];
    QTRY_VERIFY_WITH_TIMEOUT(parentOf(daemon) != root, 3000);
    ProcessTreeSampler sampler(root);
    const KernelCpu kernel(busy);
    QTest::qWait(600);
    const ProcessSample sample = sampler.sample();
    QVERIFY2(sample.processes >= 4, qPrintable(QString::number(sample.processes)));
    QVERIFY(sampler.members().contains(daemon));
    QVERIFY(sampler.members().contains(busy));
    verifyBusy(sample.cpuPercent, kernel.percent());
}

void TestProcTree::reapedChildCpuCountedOnce()
{
    CommandRunner runner;
    bool reaped = false;
    connect(&runner, &CommandRunner::lineRead, this, [&reaped] { reaped = true; });
    // A child burns about a second of CPU and is reaped by the shell, which then sleeps.
    const qint64 root = startCommand(
        runner, QStringLiteral("sh -c 'i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done'; "
                               "echo reaped; sleep 100"));
    QVERIFY(root > 0);
    ProcessTreeSampler sampler(root);
    double cpuSeconds = 0;
    QElapsedTimer interval;
    interval.start();
    for (int i = 0; i < 200 && !reaped; ++i) { // at most 40 s on a very busy machine
        QTest::qWait(200);
        cpuSeconds += sampler.sample().cpuPercent / 100.0 * double(interval.restart()) / 1000.0;
    }
    QVERIFY(reaped);
    for (int i = 0; i < 3; ++i) {
        QTest::qWait(200);
        cpuSeconds += sampler.sample().cpuPercent / 100.0 * double(interval.restart()) / 1000.0;
    }
    // What the kernel says the reaped child used (the shell's cutime + cstime).
    QFile stat(QStringLiteral("/proc/%1/stat").arg(root));
    QVERIFY(stat.open(QIODevice::ReadOnly));
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    const double child = (fields[13].toDouble() + fields[14].toDouble()) / ticks;
    QVERIFY(child > 0.1);
    QVERIFY2(
        cpuSeconds < child * 1.5 + 0.2,
        qPrintable(QStringLiteral("sampled %1 s, child used %2 s").arg(cpuSeconds).arg(child)));
    QVERIFY2(
        cpuSeconds > child * 0.5 - 0.1,
        qPrintable(QStringLiteral("sampled %1 s, child used %2 s").arg(cpuSeconds).arg(child)));
}

void TestProcTree::goneRootGivesEmptyTree()
{
    ProcessTreeSampler sampler(std::numeric_limits<int>::max() - 7); // beyond pid_max
    const ProcessSample sample = sampler.sample();
    QCOMPARE(sample.processes, 0);
    QCOMPARE(sample.rssBytes, qint64(0));
    QCOMPARE(sample.cpuPercent, 0.0);
    QVERIFY(liveGroupMembers(std::numeric_limits<int>::max() - 7).isEmpty());
}

void TestProcTree::ownCpuTime()
{
    // Burn 0.2 s of this process's CPU time, as the kernel's own clock for it counts.
    const auto cpuClock = [] {
        timespec now{};
        ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
        return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    };
    const double before = processCpuSeconds(), clockBefore = cpuClock();
    volatile quint64 sink = 0;
    while (cpuClock() - clockBefore < 0.2)
        sink = sink + 1;
    const double used = processCpuSeconds() - before;
    QVERIFY2(used > 0.15 && used < 0.3, qPrintable(QString::number(used)));
}

QTEST_GUILESS_MAIN(TestProcTree)
#include "test_proctree.moc"
