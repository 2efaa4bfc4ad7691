// The worked example of issue 13, end to end on a real server: `spillway-cli pipeline` runs
// examples/pipelines/shop_etl.py (Python's standard library and psql) against a private
// PostgreSQL, measures it and verifies its target tables through examples/pipelines/map.json.
//
//   - the correct ETL passes (exit 0), its output lines are in the run record and the record
//     holds database-side samples of its target tables;
//   - the broken ETL (a wrong restart) exits 3 naming the missing and the duplicated rows;
//   - with 1% dirty rows of every kind the correct ETL passes and its reject file lists exactly
//     the manifest's lines; the lax ETL exits 3 naming the kinds that got in;
//   - two concurrent commands are measured apart;
//   - a command that never ends is stopped by --timeout, with its whole process group.

#include "pg/database.h"
#include "pgfixture.h"
#include "pipelinetestsupport.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace spillway;
using namespace spillway::test;

namespace {

const QStringList kAllKinds{QStringLiteral("field_count"), QStringLiteral("quote"),
                            QStringLiteral("encoding"),    QStringLiteral("number"),
                            QStringLiteral("date"),        QStringLiteral("overflow"),
                            QStringLiteral("null"),        QStringLiteral("duplicate")};

// The example ETL as a command line, with `arguments`.
QString etl(const QStringList &arguments = {})
{
    return shellLine(QStringList{kPython, kExampleDir + QStringLiteral("/shop_etl.py")} +
                     arguments);
}

// The output lines the record's pipeline part keeps.
QStringList logTexts(const QJsonObject &pipeline)
{
    QStringList texts;
    for (const QJsonValue &entry : pipeline.value(QStringLiteral("log")).toArray())
        texts.append(entry.toObject().value(QStringLiteral("text")).toString());
    return texts;
}

// Whether process `pid` still runs (a zombie nobody reaped yet does not).
bool running(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const int end = text.lastIndexOf(')');
    return end > 0 && text.mid(end + 2, 1) != "Z";
}

} // namespace

class TestPipelineExample : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_pg.reset(); }
    void init();
    void correctEtlPasses();
    void brokenEtlNamesMissingAndDuplicatedRows();
    void dirtyRowsAreRejectedByTheCorrectEtl();
    void laxEtlLetsDirtyKindsIn();
    void concurrentCommandsAreMeasuredApart();
    void timeoutStopsTheProcessGroup();

private:
    struct PipelineRun
    {
        ProcessResult program;
        QJsonObject record; // the pipeline run record (empty when there is not exactly one)
        QString files;      // the input files' folder
        QJsonObject pipeline() const { return record.value(QStringLiteral("pipeline")).toObject(); }
    };
    PipelineRun pipeline(const QString &name, const QStringList &commands,
                         const QStringList &extra = {});
    qlonglong count(const QString &table);

    std::unique_ptr<PgFixture> m_pg;
    QString m_db;
    QTemporaryDir m_tmp;
};

void TestPipelineExample::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // As root the server runs as 'postgres', which must enter the folders on the way.
    QFile::setPermissions(m_tmp.path(), QFile::permissions(m_tmp.path()) | QFile::ExeOther);
    m_pg = std::make_unique<PgFixture>();
    QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    m_db = m_pg->connectionString();
}

void TestPipelineExample::init()
{
    // Each test starts without the ETL's tables; the ETL creates them (examples/.../target.sql).
    Database db;
    QCOMPARE(db.open(m_db), QString());
    QCOMPARE(db.execute(QStringLiteral("DROP SCHEMA IF EXISTS shop, shop_etl CASCADE")), QString());
}

TestPipelineExample::PipelineRun TestPipelineExample::pipeline(const QString &name,
                                                               const QStringList &commands,
                                                               const QStringList &extra)
{
    PipelineRun run;
    run.files = m_tmp.filePath(QStringLiteral("files-") + name);
    const QString runs = m_tmp.filePath(QStringLiteral("runs-") + name);
    QStringList arguments{QStringLiteral("pipeline"),   kExampleDir + QStringLiteral("/shop.json"),
                          QStringLiteral("--db"),       m_db,
                          QStringLiteral("--files"),    run.files,
                          QStringLiteral("--map"),      kExampleDir + QStringLiteral("/map.json"),
                          QStringLiteral("--runs-dir"), runs};
    for (const QString &command : commands)
        arguments << QStringLiteral("--run") << command;
    run.program = runProcess(kCli, arguments + extra, {}, {}, kProgramTimeoutMs);
    const QList<QJsonObject> found = records(runs, QStringLiteral("pipeline"));
    if (found.size() == 1)
        run.record = found.first();
    return run;
}

qlonglong TestPipelineExample::count(const QString &table)
{
    Database db;
    QString value;
    if (!db.open(m_db).isEmpty() ||
        !db.queryValue(QStringLiteral("SELECT count(*) FROM ") + table, &value).isEmpty())
        return -1;
    return value.toLongLong();
}

void TestPipelineExample::correctEtlPasses()
{
    // At most 2,000 rows/s: the 4,000 rows take two seconds, sampled once a second.
    const PipelineRun run = pipeline(QStringLiteral("correct"),
                                     {etl({QStringLiteral("--rate"), QStringLiteral("2000")})},
                                     {QStringLiteral("--name"), QStringLiteral("etl")});
    QVERIFY2(run.program.exitCode == 0, qPrintable(describe(run.program)));
    QCOMPARE(count(QStringLiteral("shop.customer")), 1000);
    QCOMPARE(count(QStringLiteral("shop.orders_clean")), 3000);
    // The ETL's own logging, live on the terminal and kept in the record.
    QVERIFY2(
        run.program.bothOutputs().contains(QStringLiteral("shop_etl: done: 8 batches committed")),
        qPrintable(describe(run.program)));
    QVERIFY(!run.record.isEmpty());
    const QStringList texts = logTexts(run.pipeline());
    QVERIFY2(texts.filter(QStringLiteral("shop_etl: done: 8 batches committed")).size() == 1,
             qPrintable(texts.join(QLatin1Char('\n'))));
    QVERIFY(texts.filter(QStringLiteral("orders.csv: batch 6/6")).size() == 1);
    // Database-side samples: the target tables' inserts, seen while the ETL ran.
    double inserted = 0;
    const QJsonArray tables = run.pipeline().value(QStringLiteral("table_series")).toArray();
    QCOMPARE(tables.size(), 2);
    for (const QJsonValue &series : tables) {
        const QJsonObject values = series.toObject().value(QStringLiteral("values")).toObject();
        for (const QJsonValue &v : values.value(QStringLiteral("inserts_per_s")).toArray())
            inserted += v.toDouble();
    }
    QVERIFY2(inserted > 0, "no sample saw an insert into the target tables");
}

void TestPipelineExample::brokenEtlNamesMissingAndDuplicatedRows()
{
    // Crashes after its first batch, restarts and skips a customers batch; crashes again after
    // three orders batches, restarts and loads the third orders batch a second time.
    const QString restarts =
        etl({QStringLiteral("--broken"), QStringLiteral("--crash-after"), QStringLiteral("1")}) +
        QStringLiteral("; ") +
        etl({QStringLiteral("--broken"), QStringLiteral("--crash-after"), QStringLiteral("3")}) +
        QStringLiteral("; ") + etl({QStringLiteral("--broken")});
    const PipelineRun run = pipeline(QStringLiteral("broken"), {restarts});
    QVERIFY2(run.program.exitCode == 3, qPrintable(describe(run.program)));
    QCOMPARE(count(QStringLiteral("shop.customer")), 500);
    QCOMPARE(count(QStringLiteral("shop.orders_clean")), 3500);
    const QString said = run.program.bothOutputs();
    QVERIFY2(said.contains(QStringLiteral("missing"), Qt::CaseInsensitive),
             qPrintable(describe(run.program)));
    QVERIFY2(said.contains(QStringLiteral("duplicate"), Qt::CaseInsensitive),
             qPrintable(describe(run.program)));
    QVERIFY(said.contains(QStringLiteral("shop.customer")));
    QVERIFY(said.contains(QStringLiteral("shop.orders_clean")));
}

void TestPipelineExample::dirtyRowsAreRejectedByTheCorrectEtl()
{
    const QString rejects = m_tmp.filePath(QStringLiteral("dirty-rejects.jsonl"));
    const PipelineRun run = pipeline(
        QStringLiteral("dirty"),
        {QStringLiteral("SHOP_REJECTS=") + shellQuote(rejects) + QLatin1Char(' ') + etl()},
        {QStringLiteral("--dirty"), QStringLiteral("0.01"), QStringLiteral("--rejects"), rejects});
    QVERIFY2(run.program.exitCode == 0, qPrintable(describe(run.program)));
    const QList<QJsonObject> manifest =
        jsonLines(QDir(run.files).filePath(QStringLiteral("spillway-dirty.jsonl")));
    QSet<QString> kinds;
    for (const QJsonObject &entry : manifest)
        kinds.insert(entry.value(QStringLiteral("kind")).toString());
    QCOMPARE(kinds, QSet<QString>(kAllKinds.begin(), kAllKinds.end()));
    // The ETL rejected exactly the dirty lines, by the input's own line numbers.
    QCOMPARE(fileLines(jsonLines(rejects)), fileLines(manifest));
    // And the manifest is what the files hold, says a reader that is not Spillway.
    const ProcessResult checked = runProcess(
        kPython, {kManifestChecker, kExampleDir + QStringLiteral("/shop.json"), run.files}, {}, {},
        kProgramTimeoutMs);
    QVERIFY2(checked.exitCode == 0, qPrintable(describe(checked)));
}

void TestPipelineExample::laxEtlLetsDirtyKindsIn()
{
    const QString rejects = m_tmp.filePath(QStringLiteral("lax-rejects.jsonl"));
    const PipelineRun run = pipeline(
        QStringLiteral("lax"),
        {QStringLiteral("SHOP_REJECTS=") + shellQuote(rejects) + QLatin1Char(' ') +
         etl({QStringLiteral("--lax")})},
        {QStringLiteral("--dirty"), QStringLiteral("0.01"), QStringLiteral("--rejects"), rejects});
    QVERIFY2(run.program.exitCode == 3, qPrintable(describe(run.program)));
    // Bad numbers, dates and lengths were coerced and loaded; verify names each kind.
    const QString said = run.program.bothOutputs();
    for (const QString &kind :
         {QStringLiteral("number"), QStringLiteral("date"), QStringLiteral("overflow")})
        QVERIFY2(said.contains(kind), qPrintable(kind + QLatin1Char('\n') + describe(run.program)));
}

void TestPipelineExample::concurrentCommandsAreMeasuredApart()
{
    const PipelineRun run = pipeline(QStringLiteral("concurrent"),
                                     {etl({QStringLiteral("--only"), QStringLiteral("customers"),
                                           QStringLiteral("--rate"), QStringLiteral("500")}),
                                      etl({QStringLiteral("--only"), QStringLiteral("orders"),
                                           QStringLiteral("--rate"), QStringLiteral("1500")})},
                                     {QStringLiteral("--name"), QStringLiteral("customers"),
                                      QStringLiteral("--name"), QStringLiteral("orders")});
    QVERIFY2(run.program.exitCode == 0, qPrintable(describe(run.program)));
    QCOMPARE(count(QStringLiteral("shop.customer")), 1000);
    QCOMPARE(count(QStringLiteral("shop.orders_clean")), 3000);
    const QJsonObject p = run.pipeline();
    QCOMPARE(p.value(QStringLiteral("commands")).toArray().size(), 2);
    // Each command its own process-tree series.
    const QJsonArray series = p.value(QStringLiteral("command_series")).toArray();
    QCOMPARE(series.size(), 2);
    for (const QJsonValue &s : series) {
        const QJsonObject values = s.toObject().value(QStringLiteral("values")).toObject();
        QVERIFY(!values.value(QStringLiteral("elapsed_s")).toArray().isEmpty());
    }
    // Each command's database sessions, told apart by application_name (PGAPPNAME).
    QHash<QString, int> peakSessions;
    for (const QJsonValue &v : p.value(QStringLiteral("sessions")).toArray())
        peakSessions.insert(v.toObject().value(QStringLiteral("name")).toString(),
                            v.toObject().value(QStringLiteral("peak_sessions")).toInt());
    QVERIFY2(peakSessions.value(QStringLiteral("customers")) >= 1,
             QJsonDocument(p.value(QStringLiteral("sessions")).toArray()).toJson().constData());
    QVERIFY(peakSessions.value(QStringLiteral("orders")) >= 1);
    // Each command's lines are its own: customers in the first, orders in the second.
    QStringList first;
    QStringList second;
    for (const QJsonValue &entry : p.value(QStringLiteral("log")).toArray()) {
        const QJsonObject line = entry.toObject();
        (line.value(QStringLiteral("command")).toInt() == 0 ? first : second)
            .append(line.value(QStringLiteral("text")).toString());
    }
    QVERIFY(!first.filter(QStringLiteral("customers.csv")).isEmpty());
    QVERIFY(first.filter(QStringLiteral("orders.csv")).isEmpty());
    QVERIFY(!second.filter(QStringLiteral("orders.csv")).isEmpty());
    QVERIFY(second.filter(QStringLiteral("customers.csv")).isEmpty());
}

void TestPipelineExample::timeoutStopsTheProcessGroup()
{
    // A command that never ends, with a child in the background that would outlive its shell.
    QElapsedTimer clock;
    clock.start();
    const PipelineRun run = pipeline(QStringLiteral("timeout"),
                                     {QStringLiteral("sleep 600 & echo \"background $!\"; wait")},
                                     {QStringLiteral("--timeout"), QStringLiteral("3s")});
    QCOMPARE(run.program.exitCode, 1);
    QVERIFY2(clock.elapsed() < 60000, "the timeout did not stop the command");
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("background (\\d+)")).match(run.program.bothOutputs());
    QVERIFY2(m.hasMatch(), qPrintable(describe(run.program)));
    const qint64 child = m.captured(1).toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(!running(child), 10000);
    const QJsonArray commands = run.pipeline().value(QStringLiteral("commands")).toArray();
    QCOMPARE(commands.size(), 1);
    QVERIFY(commands.first().toObject().value(QStringLiteral("timed_out")).toBool());
}

QTEST_GUILESS_MAIN(TestPipelineExample)
#include "test_pipeline_example.moc"
