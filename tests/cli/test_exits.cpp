// How spillway-cli ends when it is told to stop, as shells and scripts see it: Ctrl+C (SIGINT)
// and SIGTERM cancel the run cleanly (no partial file, the record says "cancelled") and the
// process then dies of that signal ($? = 130 or 143); a standard output whose reader went away
// (`| head`) ends every command quietly, dying of SIGPIPE ($? = 141) with nothing on stderr.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace {

const QString kCli = QStringLiteral(SPILLWAY_CLI);

// The status a shell reports in $?: 128 + the signal for a process that died of one.
int shellStatus(const QProcess &p)
{
    return p.exitStatus() == QProcess::CrashExit ? 128 + p.exitCode() : p.exitCode();
}

QString describe(QProcess &p)
{
    return QStringLiteral("$? = %1\nstderr: %2")
        .arg(shellStatus(p))
        .arg(QString::fromUtf8(p.readAllStandardError().left(2000)));
}

// The only record in `dir`, parsed; empty when there is none or more than one.
QJsonObject onlyRecord(const QString &dir)
{
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files);
    if (files.size() != 1)
        return {};
    QFile f(QDir(dir).filePath(files.first()));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestExits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }
    void interruptCancelsCleanly_data();
    void interruptCancelsCleanly();
    void closedOutputEndsQuietly_data();
    void closedOutputEndsQuietly();
    void headTakesWhatItNeeds();

private:
    QString path(const QString &name) const { return m_tmp.filePath(name); }
    QTemporaryDir m_tmp;
};

void TestExits::interruptCancelsCleanly_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT (Ctrl+C)") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void TestExits::interruptCancelsCleanly()
{
    QFETCH(int, signal);
    const QString out = path(QStringLiteral("interrupted-%1").arg(signal));
    const QString runs = path(QStringLiteral("runs-%1").arg(signal));
    QProcess process;
    process.start(kCli, {QStringLiteral("generate"), QStringLiteral("example:lineitem"),
                         QStringLiteral("--rows"), QStringLiteral("100M"), QStringLiteral("--out"),
                         out, QStringLiteral("--runs-dir"), runs, QStringLiteral("--quiet")});
    QVERIFY(process.waitForStarted());
    const QString part = QDir(out).filePath(QStringLiteral("lineitem.csv.part"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(part) && QFileInfo(part).size() > 0, 30000);
    QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
    QVERIFY(process.waitForFinished(30000));
    // Dies of the signal after its cleanup, so an interrupted script stops too.
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QCOMPARE(shellStatus(process), 128 + signal);
    QVERIFY(process.readAllStandardError().contains("cancelled"));
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden), QStringList());
    const QJsonObject record = onlyRecord(runs);
    QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(record.value(QStringLiteral("kind")).toString(), QStringLiteral("generate"));
}

void TestExits::closedOutputEndsQuietly_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString runs = path(QStringLiteral("runs-pipe"));
    QTest::newRow("generate --out -")
        << QStringList{QStringLiteral("generate"), QStringLiteral("example:lineitem"),
                       QStringLiteral("--rows"),   QStringLiteral("1M"),
                       QStringLiteral("--out"),    QStringLiteral("-"),
                       QStringLiteral("--quiet"),  QStringLiteral("--no-record")};
    QTest::newRow("preview") << QStringList{QStringLiteral("preview"),
                                            QStringLiteral("example:ecommerce")};
    QTest::newRow("ddl") << QStringList{QStringLiteral("ddl"), QStringLiteral("example:ecommerce")};
    QTest::newRow("runs list") << QStringList{QStringLiteral("runs"), QStringLiteral("list"),
                                              QStringLiteral("--runs-dir"), runs};
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
}

void TestExits::closedOutputEndsQuietly()
{
    // Standard output is a pipe whose reader has already gone: the first write fails (EPIPE).
    QFETCH(QStringList, arguments);
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    ::close(fds[0]);
    const int writeEnd = fds[1];
    QProcess process;
    process.setChildProcessModifier([writeEnd] { ::dup2(writeEnd, STDOUT_FILENO); });
    process.start(kCli, arguments);
    const bool started = process.waitForStarted();
    ::close(writeEnd);
    QVERIFY(started);
    QVERIFY2(process.waitForFinished(60000), "spillway-cli hung on a closed pipe");
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QCOMPARE(shellStatus(process), 128 + SIGPIPE);
    QCOMPARE(process.readAllStandardError(), QByteArray());
}

void TestExits::headTakesWhatItNeeds()
{
    // spillway-cli generate ... --out - | head -n 5 (no --quiet): head gets its lines,
    // spillway-cli stops without a word on stderr and records the run as cancelled.
    const QString runs = path(QStringLiteral("runs-head"));
    QProcess generate;
    QProcess head;
    generate.setStandardOutputProcess(&head);
    head.start(QStringLiteral("head"), {QStringLiteral("-n"), QStringLiteral("5")});
    generate.start(kCli, {QStringLiteral("generate"), QStringLiteral("example:lineitem"),
                          QStringLiteral("--rows"), QStringLiteral("10M"), QStringLiteral("--out"),
                          QStringLiteral("-"), QStringLiteral("--runs-dir"), runs});
    QVERIFY(head.waitForFinished(60000));
    QVERIFY2(generate.waitForFinished(60000), "spillway-cli hung after head left");
    QCOMPARE(head.readAllStandardOutput().count('\n'), 5);
    QVERIFY2(shellStatus(generate) == 128 + SIGPIPE, qPrintable(describe(generate)));
    QCOMPARE(generate.readAllStandardError(), QByteArray());
    const QJsonObject record = onlyRecord(runs);
    QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
}

QTEST_GUILESS_MAIN(TestExits)
#include "test_exits.moc"
