// spillway-cli agrees with itself: what validate refuses, preview, generate and ingest refuse the
// same way (exit 2, the JSON path, what to do) instead of crashing or hanging; what validate
// accepts, they run. A run's row override that makes a unique column impossible is refused by
// the plan step with one message in generate and ingest, before any server is started.

#include "../processsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace spillway::test;

namespace {

const QString kReproducers = QStringLiteral(SPILLWAY_REPRODUCERS);

// spillway-cli that may reach no server; `addressSpaceMb` > 0 runs it under that address-space
// limit (ulimit -v).
CliResult run(const QStringList &args, int timeoutMs = 30000, int addressSpaceMb = 0)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("SPILLWAY_RUNS_DIR")))
        env.insert(QStringLiteral("SPILLWAY_RUNS_DIR"), QDir::tempPath());
    // No server may be reached: ingest must refuse before connecting.
    env.insert(QStringLiteral("PGHOST"), QStringLiteral("/nonexistent"));
    return runCli(args, {}, env, timeoutMs, [addressSpaceMb](QProcess &process) {
        if (addressSpaceMb > 0)
            process.setChildProcessModifier([addressSpaceMb] {
                const rlimit limit{rlim_t(addressSpaceMb) << 20, rlim_t(addressSpaceMb) << 20};
                setrlimit(RLIMIT_AS, &limit);
            });
    });
}

QString reproducer(const QString &name)
{
    return kReproducers + QLatin1Char('/') + name;
}

} // namespace

class TestCliGate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }
    void reproducersAreRefusedEverywhere_data();
    void reproducersAreRefusedEverywhere();
    void rowOverrideIsRefusedAlike_data();
    void rowOverrideIsRefusedAlike();
    void outOfMemoryIsReported_data();
    void outOfMemoryIsReported();

private:
    QString write(const QString &name, const QByteArray &json)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
            return {};
        return path;
    }

    QTemporaryDir m_tmp;
};

void TestCliGate::reproducersAreRefusedEverywhere_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("advice");
    QTest::newRow("empty reference")
        << reproducer(QStringLiteral("repro-empty-reference.json"))
        << QStringLiteral("tables[1].columns[0].generator.table") << QStringLiteral("name a table");
    QTest::newRow("child unique") << reproducer(QStringLiteral("repro-child-unique.json"))
                                  << QStringLiteral("tables[1].columns[0].unique")
                                  << QStringLiteral("widen the generator's range");
    QTest::newRow("deep array") << reproducer(QStringLiteral("repro-deep-array.json"))
                                << QStringLiteral("tables[0].columns[0].generator.element")
                                << QStringLiteral("flatten the structure");
}

void TestCliGate::reproducersAreRefusedEverywhere()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(QString, advice);
    QVERIFY(QFile::exists(file));
    const QString out =
        m_tmp.filePath(QStringLiteral("out-%1").arg(QString::fromUtf8(QTest::currentDataTag())));
    const QList<QStringList> commands = {
        {QStringLiteral("validate"), file},
        {QStringLiteral("preview"), file, QStringLiteral("--rows"), QStringLiteral("5")},
        {QStringLiteral("generate"), file, QStringLiteral("--rows"), QStringLiteral("10"),
         QStringLiteral("--out"), out, QStringLiteral("--quiet")},
        {QStringLiteral("ingest"), file, QStringLiteral("--rows"), QStringLiteral("10"),
         QStringLiteral("--quiet")},
    };
    for (const QStringList &command : commands) {
        const CliResult r = run(command);
        QVERIFY2(!r.crashed() && r.exitCode == 2,
                 qPrintable(command.first() + QStringLiteral(": ") + describe(r)));
        QVERIFY2(r.err.contains(path) && r.err.contains(advice),
                 qPrintable(command.first() + QStringLiteral(": ") + describe(r)));
    }
}

void TestCliGate::rowOverrideIsRefusedAlike_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message"); // empty: the run goes ahead
    QTest::newRow("as declared") << QStringList() << QString();
    QTest::newRow("--rows 41") << QStringList{QStringLiteral("--rows"), QStringLiteral("41")}
                               << QStringLiteral("tables[0].columns[1].unique: 'unique' needs "
                                                 "up to 41 distinct values (this run's row "
                                                 "count) but the generator can make only 40: "
                                                 "widen the generator's range, or make fewer "
                                                 "rows (--rows, --scale)");
    QTest::newRow("--scale 2") << QStringList{QStringLiteral("--scale"), QStringLiteral("2")}
                               << QStringLiteral("needs up to 60 distinct values");
    QTest::newRow("child, --rows 14 of its parent")
        << QStringList{QStringLiteral("--rows"), QStringLiteral("14")}
        << QStringLiteral("tables[1].columns[0].unique: 'unique' needs up to 42 distinct values "
                          "(14 rows of parent 't' × at most 3 per parent)");
}

void TestCliGate::rowOverrideIsRefusedAlike()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    // t: 10 rows with a 40-value unique column; c: 3 rows per row of t, also 40 values.
    const QString unique =
        QStringLiteral("{\"name\": \"u\", \"type\": \"bigint\", \"unique\": true, \"generator\": "
                       "{\"kind\": \"uniform\", \"min\": 1, \"max\": 40}}");
    const QString file =
        write(QStringLiteral("override.json"),
              QStringLiteral(
                  "{\"tables\": [{\"name\": \"t\", \"rows\": 10, \"columns\": [{\"name\": \"id\", "
                  "\"type\": \"bigint\", \"primaryKey\": true, \"generator\": {\"kind\": "
                  "\"sequence\"}}, %1]}, {\"name\": \"c\", \"rowsPerParent\": {\"parent\": \"t\", "
                  "\"count\": {\"kind\": \"constant\", \"value\": 3}}, \"columns\": [%1]}]}")
                  .arg(unique)
                  .toUtf8());
    QVERIFY(!file.isEmpty());
    const CliResult preview = run({QStringLiteral("preview"), file});
    QVERIFY2(preview.exitCode == 0, qPrintable(describe(preview)));
    const QString out =
        m_tmp.filePath(QStringLiteral("gen-%1").arg(QString::fromUtf8(QTest::currentDataTag())));
    const CliResult generate =
        run(QStringList{QStringLiteral("generate"), file, QStringLiteral("--out"), out,
                        QStringLiteral("--quiet")} +
            options);
    if (message.isEmpty()) {
        QVERIFY2(generate.exitCode == 0, qPrintable(describe(generate)));
        return;
    }
    const CliResult ingest =
        run(QStringList{QStringLiteral("ingest"), file, QStringLiteral("--quiet")} + options);
    for (const CliResult &r : {generate, ingest}) {
        QVERIFY2(!r.crashed() && r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
    }
    QCOMPARE(ingest.err, generate.err);
    QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("c.csv"))));
}

void TestCliGate::outOfMemoryIsReported_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("generate, 2 workers")
        << QStringList{QStringLiteral("generate"), QStringLiteral("--workers"), QStringLiteral("2"),
                       QStringLiteral("--quiet")};
    QTest::newRow("preview") << QStringList{QStringLiteral("preview"), QStringLiteral("--rows"),
                                            QStringLiteral("1000")};
}

void TestCliGate::outOfMemoryIsReported()
{
    // Allowed, but about 2 GB of text a batch: under a 1.5 GB address space it runs out of
    // memory, which must end the command with exit 1 and a message, never std::bad_alloc.
    QFETCH(QStringList, command);
    const QString file = write(QStringLiteral("blobs.json"),
                               "{\"tables\": [{\"name\": \"blobs\", \"rows\": 5000, \"columns\": "
                               "[{\"name\": \"b\", \"type\": \"bytea\", \"generator\": {\"kind\": "
                               "\"bytes\", \"minLength\": 1000000, \"maxLength\": 1048576}}]}]}");
    QVERIFY(!file.isEmpty());
    QStringList args = command;
    args.insert(1, file);
    if (command.first() == QLatin1String("generate"))
        args << QStringLiteral("--out") << m_tmp.filePath(QStringLiteral("blobs-out"));
    const CliResult r = run(args, 60000, 1500);
    QVERIFY2(!r.crashed() && r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("ran out of memory while generating table 'blobs'")),
             qPrintable(describe(r)));
    QVERIFY2(!r.err.contains(QLatin1String("bad_alloc")), qPrintable(describe(r)));
}

QTEST_GUILESS_MAIN(TestCliGate)
#include "test_cli_gate.moc"
