// spillway-cli pipeline against a private PostgreSQL server: the user's commands (psql, sh,
// python3) run on the generated files, measured, stopped and verified; the run record keeps
// the commands, their output and the samples. The binary is run as users run it (QProcess).

#include "../processsupport.h"
#include "pgfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace spillway::test;

namespace {

const QString kCli = QStringLiteral(SPILLWAY_CLI);

struct Result : CliResult
{
    QString id; // the run record's, from "Run recorded as ID"
};

QByteArray readFile(const QString &name)
{
    QFile file(name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool processExists(qint64 pid)
{
    if (pid <= 0)
        return false;
    // A zombie is gone for our purpose: it runs nothing and holds nothing.
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.isEmpty())
        return false;
    const int close = int(stat.lastIndexOf(')'));
    return close > 0 && stat.mid(close + 2, 1) != "Z";
}

// The psql line that loads the generated CSV of table items.
const char kCopy[] = "psql -X -q -v ON_ERROR_STOP=1 -c \"\\copy items FROM "
                     "'$SPILLWAY_FILES/items.csv' CSV HEADER\"";
const char kCreate[] = "psql -X -q -v ON_ERROR_STOP=1 -c 'DROP TABLE IF EXISTS items; CREATE "
                       "TABLE items (id bigint PRIMARY KEY, label text)'";

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpAndUsageErrors();
    void loadsVerifiesAndRecords();
    void failingCommandExitsOne();
    void timeoutStopsTheProcessGroup();
    void concurrentCommandsMeasuredApart();
    void repeatGivesMedianAndSpread();
    void assertionFailureExitsFour();
    void environmentAndNoPassword();
    void reusesFiles();
    void verifyDifferencesExitThree();
    void dirtyRowsManifestInTheEnvironment();
    void ctrlCStopsAndRecordsCancelled();

private:
    Result pipeline(const QStringList &args, int timeoutMs = 120000);
    QJsonObject record(const QString &id);

    spillway::test::PgFixture m_pg;
    QTemporaryDir m_dir;
    QString m_schema;
    QString m_runs;
};

void TestPipeline::initTestCase()
{
    QVERIFY2(m_pg.isReady(), qPrintable(m_pg.error()));
    QVERIFY(m_dir.isValid());
    m_schema = m_dir.filePath(QStringLiteral("items.json"));
    m_runs = m_dir.filePath(QStringLiteral("runs"));
    QFile schema(m_schema);
    QVERIFY(schema.open(QIODevice::WriteOnly));
    schema.write(R"({"seed": 5, "tables": [{"name": "items", "rows": 200, "columns": [
        {"name": "id", "type": "bigint", "generator": {"kind": "sequence"}},
        {"name": "label", "type": "text",
         "generator": {"kind": "choice", "values": ["a", "b", "c"]}}]}]})");
}

Result TestPipeline::pipeline(const QStringList &args, int timeoutMs)
{
    // EXPECTED_PASSWORD: what environmentAndNoPassword's command compares PGPASSWORD with (not on
    // its command line, which the record keeps).
    const QProcessEnvironment env =
        environmentWith({{QStringLiteral("SPILLWAY_RUNS_DIR"), m_runs},
                         {QStringLiteral("EXPECTED_PASSWORD"), QStringLiteral("sekret42")}});
    QStringList all{QStringLiteral("pipeline"), m_schema};
    if (!args.contains(QStringLiteral("--db")))
        all += {QStringLiteral("--db"), m_pg.connectionString()};
    Result r{runCli(all + args, {}, env, timeoutMs), {}};
    static const QRegularExpression recorded(QStringLiteral("Run recorded as (\\S+)"));
    r.id = recorded.match(r.err).captured(1);
    return r;
}

QJsonObject TestPipeline::record(const QString &id)
{
    return QJsonDocument::fromJson(readFile(QDir(m_runs).filePath(id + QStringLiteral(".json"))))
        .object();
}

void TestPipeline::helpAndUsageErrors()
{
    const CliResult help =
        runCli({QStringLiteral("help"), QStringLiteral("pipeline")}, {}, {}, 30000);
    QVERIFY(help.finished);
    QCOMPARE(help.exitCode, 0);
    const QString text = help.outText();
    for (const char *option :
         {"--run",    "--name",   "--db",          "--db-schema", "--files",      "--workdir",
          "--map",    "--dirty",  "--dirty-kinds", "--rejects",   "--timeout",    "--repeat",
          "--before", "--assert", "--json",        "--format",    "--split-rows", "--compress",
          "--rows",   "--seed",   "--table"})
        QVERIFY2(text.contains(QLatin1String(option)), option);
    const Result noRun = pipeline({});
    QVERIFY2(noRun.exitCode == 2 && noRun.err.contains(QLatin1String("--run")),
             qPrintable(describe(noRun)));
    const Result badTimeout = pipeline({QStringLiteral("--run"), QStringLiteral("true"),
                                        QStringLiteral("--timeout"), QStringLiteral("soon")});
    QVERIFY2(badTimeout.exitCode == 2 && badTimeout.err.contains(QLatin1String("--timeout")),
             qPrintable(describe(badTimeout)));
    const Result badRepeat = pipeline({QStringLiteral("--run"), QStringLiteral("true"),
                                       QStringLiteral("--repeat"), QStringLiteral("0")});
    QVERIFY2(badRepeat.exitCode == 2, qPrintable(describe(badRepeat)));
}

// A psql \copy of the generated CSV: exit 0, the output lines in the record with their times,
// database samples in the series, verify passes.
void TestPipeline::loadsVerifiesAndRecords()
{
    const Result r =
        pipeline({QStringLiteral("--before"), QString::fromLatin1(kCreate), QStringLiteral("--run"),
                  QString::fromLatin1(kCopy) + QStringLiteral(" && sleep 2.5 && "
                                                              "echo loaded"),
                  QStringLiteral("--name"), QStringLiteral("etl")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("[etl] loaded")), qPrintable(describe(r)));
    QVERIFY2(r.out.contains("All 1 table(s) match"), qPrintable(describe(r)));
    const QJsonObject rec = record(r.id);
    QCOMPARE(rec.value(QLatin1String("kind")).toString(), QStringLiteral("pipeline"));
    QCOMPARE(rec.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    const QJsonObject p = rec.value(QLatin1String("pipeline")).toObject();
    const QJsonArray commands = p.value(QLatin1String("commands")).toArray();
    QCOMPARE(commands.size(), 1);
    QCOMPARE(commands[0].toObject().value(QLatin1String("exit_code")).toInt(), 0);
    bool found = false;
    for (const QJsonValue &v : p.value(QLatin1String("log")).toArray()) {
        const QJsonObject line = v.toObject();
        if (line.value(QLatin1String("text")).toString() == QLatin1String("loaded")) {
            found = true;
            QVERIFY(line.value(QLatin1String("t")).toDouble() >= 2.0);
        }
    }
    QVERIFY2(found, "the command's output line is in the record");
    const QJsonObject db = p.value(QLatin1String("database_series")).toObject();
    QVERIFY(!db.value(QLatin1String("values"))
                 .toObject()
                 .value(QLatin1String("elapsed_s"))
                 .toArray()
                 .isEmpty());
    const QJsonArray tables = p.value(QLatin1String("table_series")).toArray();
    QCOMPARE(tables.size(), 1);
    QCOMPARE(tables[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("items"));
    QCOMPARE(rec.value(QLatin1String("summary")).toObject().value(QLatin1String("rows")).toInt(),
             200);
    QVERIFY(rec.value(QLatin1String("verify")).toObject().value(QLatin1String("ok")).toBool());
    const QString log = p.value(QLatin1String("log_file")).toString();
    QVERIFY2(readFile(log).contains("[etl] loaded"), qPrintable(log));
}

void TestPipeline::failingCommandExitsOne()
{
    const Result r = pipeline({QStringLiteral("--run"), QStringLiteral("echo broken >&2; exit 3"),
                               QStringLiteral("--name"), QStringLiteral("bad")});
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("[bad:err] broken")), qPrintable(describe(r)));
    const QJsonObject rec = record(r.id);
    QCOMPARE(rec.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    const QJsonObject c = rec.value(QLatin1String("pipeline"))
                              .toObject()
                              .value(QLatin1String("commands"))
                              .toArray()[0]
                              .toObject();
    QCOMPARE(c.value(QLatin1String("exit_code")).toInt(), 3);
    const QJsonObject line = rec.value(QLatin1String("pipeline"))
                                 .toObject()
                                 .value(QLatin1String("log"))
                                 .toArray()[0]
                                 .toObject();
    QCOMPARE(line.value(QLatin1String("text")).toString(), QStringLiteral("broken"));
    QVERIFY(line.value(QLatin1String("stderr")).toBool());
}

// A command that never ends: --timeout stops its whole process group, a background
// grandchild included; the record says it timed out.
void TestPipeline::timeoutStopsTheProcessGroup()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("grandchild.pid"));
    const Result r = pipeline(
        {QStringLiteral("--run"), QStringLiteral("sleep 1000 & echo $! > '%1'; wait").arg(pidFile),
         QStringLiteral("--timeout"), QStringLiteral("2s"), QStringLiteral("--no-verify")});
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
    const qint64 grandchild = readFile(pidFile).trimmed().toLongLong();
    QVERIFY(grandchild > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processExists(grandchild), 10000);
    const QJsonObject c = record(r.id)
                              .value(QLatin1String("pipeline"))
                              .toObject()
                              .value(QLatin1String("commands"))
                              .toArray()[0]
                              .toObject();
    QVERIFY2(c.value(QLatin1String("timed_out")).toBool(), QJsonDocument(c).toJson().constData());
    QVERIFY(c.value(QLatin1String("seconds")).toDouble() < 10);
}

// A busy command and an idle one at the same time: each has its own CPU figures.
void TestPipeline::concurrentCommandsMeasuredApart()
{
    const Result r = pipeline(
        {QStringLiteral("--run"),
         QStringLiteral("python3 -c 'import time\nend = time.time() + 3.5\nwhile time.time() < "
                        "end: pass'"),
         QStringLiteral("--name"), QStringLiteral("busy"), QStringLiteral("--run"),
         QStringLiteral("sleep 3.5"), QStringLiteral("--name"), QStringLiteral("idle"),
         QStringLiteral("--no-verify")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonArray series = record(r.id)
                                  .value(QLatin1String("pipeline"))
                                  .toObject()
                                  .value(QLatin1String("command_series"))
                                  .toArray();
    QCOMPARE(series.size(), 2);
    auto peakCpu = [](const QJsonObject &s) {
        double peak = 0;
        for (const QJsonValue &v : s.value(QLatin1String("values"))
                                       .toObject()
                                       .value(QLatin1String("cpu_percent"))
                                       .toArray())
            peak = std::max(peak, v.toDouble());
        return peak;
    };
    const double busy = peakCpu(series[0].toObject());
    const double idle = peakCpu(series[1].toObject());
    QCOMPARE(series[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("busy"));
    // A loaded machine gives the busy loop only a share of a core; the idle one gets none.
    QVERIFY2(busy > 10, qPrintable(QString::number(busy)));
    QVERIFY2(idle < 5, qPrintable(QString::number(idle)));
}

void TestPipeline::repeatGivesMedianAndSpread()
{
    const Result r =
        pipeline({QStringLiteral("--run"), QStringLiteral("sleep 0.3"), QStringLiteral("--repeat"),
                  QStringLiteral("3"), QStringLiteral("--no-verify")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonObject p = record(r.id).value(QLatin1String("pipeline")).toObject();
    QCOMPARE(p.value(QLatin1String("iterations")).toArray().size(), 3);
    const QJsonObject d = p.value(QLatin1String("duration_s")).toObject();
    const double median = d.value(QLatin1String("median")).toDouble();
    QVERIFY(median >= 0.3);
    QVERIFY(d.value(QLatin1String("min")).toDouble() <= median);
    QVERIFY(d.value(QLatin1String("max")).toDouble() >= median);
    QVERIFY(p.value(QLatin1String("rows_per_s")).toObject().contains(QLatin1String("median")));
    QVERIFY2(r.err.contains(QLatin1String("3 iterations: median")), qPrintable(describe(r)));
}

void TestPipeline::assertionFailureExitsFour()
{
    const Result r = pipeline({QStringLiteral("--run"), QStringLiteral("sleep 0.1"),
                               QStringLiteral("--no-verify"), QStringLiteral("--assert"),
                               QStringLiteral("duration_s<=0.001")});
    QVERIFY2(r.exitCode == 4, qPrintable(describe(r)));
    const Result ok =
        pipeline({QStringLiteral("--run"), QStringLiteral("true"), QStringLiteral("--no-verify"),
                  QStringLiteral("--assert"), QStringLiteral("max_rss_mb<=100000"),
                  QStringLiteral("--assert"), QStringLiteral("cpu_percent<=1000")});
    QVERIFY2(ok.exitCode == 0, qPrintable(describe(ok)));
}

// The command sees the files, the run and the connection in its environment; the password
// reaches the child but never the record or the log.
void TestPipeline::environmentAndNoPassword()
{
    const QString conninfo = m_pg.connectionString() + QStringLiteral(" password=sekret42");
    const Result r = pipeline(
        {QStringLiteral("--db"), conninfo, QStringLiteral("--run"),
         QStringLiteral("echo \"F=$SPILLWAY_FILES R=$SPILLWAY_RUN_ID H=$PGHOST P=$PGPORT "
                        "D=$PGDATABASE U=$PGUSER A=$PGAPPNAME M=${SPILLWAY_MANIFEST:-none}\"; "
                        "[ \"$PGPASSWORD\" = \"$EXPECTED_PASSWORD\" ] && echo password-given; echo "
                        "\"W=$PGPASSWORD\""),
         QStringLiteral("--no-verify")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonObject rec = record(r.id);
    const QString id = rec.value(QLatin1String("id")).toString();
    const QString text = r.err;
    QVERIFY2(text.contains(QStringLiteral("R=%1 ").arg(id)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("A=spillway/%1/0 ").arg(id)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" H=/")), qPrintable(text)); // the private socket
    QVERIFY2(!text.contains(QStringLiteral(" P= ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" D=spillway ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" M=none")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("F=/")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("password-given")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("sekret42")), qPrintable(text));
    const QByteArray recordBytes = readFile(QDir(m_runs).filePath(id + QStringLiteral(".json")));
    QVERIFY(recordBytes.contains("password-given"));
    QVERIFY(!recordBytes.contains("sekret42"));
    const QString log =
        rec.value(QLatin1String("pipeline")).toObject().value(QLatin1String("log_file")).toString();
    QVERIFY(readFile(log).contains("password-given"));
    QVERIFY(!readFile(log).contains("sekret42"));
}

void TestPipeline::reusesFiles()
{
    const QString files = m_dir.filePath(QStringLiteral("reused"));
    const QStringList args{QStringLiteral("--files"), files, QStringLiteral("--run"),
                           QStringLiteral("ls \"$SPILLWAY_FILES\""), QStringLiteral("--no-verify")};
    const Result first = pipeline(args);
    QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
    QVERIFY2(!first.err.contains(QLatin1String("reusing files")), qPrintable(describe(first)));
    QVERIFY2(first.err.contains(QLatin1String("items.csv")), qPrintable(describe(first)));
    const Result second = pipeline(args);
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QVERIFY2(second.err.contains(QLatin1String("eusing files in")), qPrintable(describe(second)));
    // Other settings: written again.
    const Result third =
        pipeline(args + QStringList{QStringLiteral("--rows"), QStringLiteral("7")});
    QVERIFY2(third.exitCode == 0, qPrintable(describe(third)));
    QVERIFY2(!third.err.contains(QLatin1String("eusing files in")), qPrintable(describe(third)));
}

// The pipeline loads one row twice (a restart without dedup): verify's differences exit 3.
void TestPipeline::verifyDifferencesExitThree()
{
    const QString create = QStringLiteral("psql -X -q -v ON_ERROR_STOP=1 -c 'DROP TABLE IF "
                                          "EXISTS items; CREATE TABLE items (id bigint, label "
                                          "text)'");
    const Result r = pipeline(
        {QStringLiteral("--before"), create, QStringLiteral("--run"),
         QString::fromLatin1(kCopy) + QStringLiteral(" && psql -X -q -c \"INSERT INTO items SELECT "
                                                     "* FROM items WHERE id = 7\"")});
    QVERIFY2(r.exitCode == 3, qPrintable(describe(r)));
    QCOMPARE(record(r.id).value(QLatin1String("status")).toString(), QStringLiteral("failed"));
}

// With --dirty the command finds the manifest of the dirty rows through SPILLWAY_MANIFEST.
void TestPipeline::dirtyRowsManifestInTheEnvironment()
{
    const Result r =
        pipeline({QStringLiteral("--dirty"), QStringLiteral("0.1"), QStringLiteral("--dirty-kinds"),
                  QStringLiteral("number,null"), QStringLiteral("--run"),
                  QStringLiteral("test -s \"$SPILLWAY_MANIFEST\" && echo manifest "
                                 "\"$(basename \"$SPILLWAY_MANIFEST\")\""),
                  QStringLiteral("--no-verify")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("manifest spillway-dirty.jsonl")),
             qPrintable(describe(r)));
    const QJsonObject p = record(r.id).value(QLatin1String("pipeline")).toObject();
    QVERIFY(p.value(QLatin1String("manifest"))
                .toString()
                .endsWith(QLatin1String("spillway-dirty.jsonl")));
}

// Ctrl+C: the commands' process groups are stopped, the run is recorded as cancelled and
// spillway-cli ends with SIGINT's status.
void TestPipeline::ctrlCStopsAndRecordsCancelled()
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPILLWAY_RUNS_DIR"), m_runs);
    process.setProcessEnvironment(env);
    process.start(kCli, {QStringLiteral("pipeline"), m_schema, QStringLiteral("--db"),
                         m_pg.connectionString(), QStringLiteral("--run"),
                         QStringLiteral("echo started; sleep 100"), QStringLiteral("--no-verify")});
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("] started"), 60000);
    QVERIFY(::kill(pid_t(process.processId()), SIGINT) == 0);
    QVERIFY(process.waitForFinished(30000));
    err += process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::CrashExit || process.exitCode() == 130,
             err.constData());
    static const QRegularExpression recorded(QStringLiteral("Run recorded as (\\S+)"));
    const QString id = recorded.match(QString::fromUtf8(err)).captured(1);
    QVERIFY2(!id.isEmpty(), err.constData());
    const QJsonObject rec = record(id);
    QCOMPARE(rec.value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
    const QJsonObject c = rec.value(QLatin1String("pipeline"))
                              .toObject()
                              .value(QLatin1String("commands"))
                              .toArray()[0]
                              .toObject();
    QVERIFY2(c.value(QLatin1String("stopped")).toBool(), QJsonDocument(c).toJson().constData());
}

QTEST_GUILESS_MAIN(TestPipeline)
#include "test_pipeline.moc"
