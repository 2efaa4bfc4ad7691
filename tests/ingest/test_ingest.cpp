// spillway-cli ingest into a real PostgreSQL: exact row counts, references holding under
// foreign keys created after the load, every column type in every COPY format, and faults —
// terminated backends, a server restart, kill -9 then --resume, cancel then --resume — that
// end with exactly the expected rows: none lost, none duplicated. Retries are reported (stderr,
// --json, run record); Ctrl+C and SIGTERM end an ingest "cancelled" with $? 130 or 143.

#include "ingesttestsupport.h"
#include "pgfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <csignal>

using namespace spillway;
using namespace spillway::test;

namespace {

// A lineitem run long enough to interrupt: many small chunks.
QStringList lineitemArgs(const QString &conninfo, const QString &runId)
{
    return {QStringLiteral("ingest"),        QStringLiteral("example:lineitem"),
            QStringLiteral("--db"),          conninfo,
            QStringLiteral("--rows"),        QStringLiteral("400000"),
            QStringLiteral("--chunk-rows"),  QStringLiteral("4000"),
            QStringLiteral("--workers"),     QStringLiteral("2"),
            QStringLiteral("--run-id"),      runId,
            QStringLiteral("--mode"),        QStringLiteral("recreate"),
            QStringLiteral("--retry-delay"), QStringLiteral("100"),
            QStringLiteral("--json")};
}

QString ledgerChunks(const QString &runId)
{
    return QStringLiteral("SELECT count(*) FROM spillway.ledger WHERE run_id = '%1'").arg(runId);
}

const QString kEveryType = QStringLiteral(
    "{\"seed\": 5, \"tables\": [{\"name\": \"every_type\", \"rows\": 3000, \"columns\": ["
    "{\"name\": \"id\", \"type\": \"bigint\", \"primaryKey\": true, \"generator\": {\"kind\": "
    "\"sequence\"}},"
    "{\"name\": \"i2\", \"type\": \"smallint\", \"generator\": {\"kind\": \"uniform\", \"min\": "
    "-32768, \"max\": 32767}},"
    "{\"name\": \"i4\", \"type\": \"integer\", \"nullFraction\": 0.1, \"generator\": {\"kind\": "
    "\"normal\", \"mean\": 0, \"stddev\": 1000000}},"
    "{\"name\": \"n\", \"type\": \"numeric(12,3)\", \"generator\": {\"kind\": \"decimal\", "
    "\"min\": -99999, \"max\": 99999}},"
    "{\"name\": \"nfree\", \"type\": \"numeric\", \"generator\": {\"kind\": \"decimal\", \"min\": "
    "0, \"max\": 1, \"scale\": 6}},"
    "{\"name\": \"f8\", \"type\": \"double precision\", \"generator\": {\"kind\": \"float\", "
    "\"min\": -1e6, \"max\": 1e6}},"
    "{\"name\": \"f4\", \"type\": \"real\", \"generator\": {\"kind\": \"float\", \"min\": 0, "
    "\"max\": 1, \"digits\": 3}},"
    "{\"name\": \"b\", \"type\": \"boolean\", \"generator\": {\"kind\": \"boolean\"}},"
    "{\"name\": \"d\", \"type\": \"date\", \"generator\": {\"kind\": \"date\", \"min\": "
    "\"1901-01-01\", \"max\": \"2199-12-31\"}},"
    "{\"name\": \"t\", \"type\": \"time\", \"generator\": {\"kind\": \"time\"}},"
    "{\"name\": \"ts\", \"type\": \"timestamp\", \"generator\": {\"kind\": \"timestamp\", "
    "\"precision\": 6}},"
    "{\"name\": \"u\", \"type\": \"uuid\", \"generator\": {\"kind\": \"uuid\"}},"
    "{\"name\": \"c\", \"type\": \"char(1)\", \"generator\": {\"kind\": \"choice\", \"values\": "
    "[\"A\", \"B\"]}},"
    "{\"name\": \"v\", \"type\": \"varchar(40)\", \"generator\": {\"kind\": \"words\", "
    "\"minLength\": 1, \"maxLength\": 40}},"
    "{\"name\": \"tricky\", \"type\": \"text\", \"nullFraction\": 0.2, \"generator\": {\"kind\": "
    "\"choice\", "
    "\"values\": [\"a,b\", \"say \\\"hi\\\"\", \"line1\\nline2\", \"tab\\there\", "
    "\"back\\\\slash\", \"\\\\N\", \"\", \"日本語 é 🙂\"]}},"
    "{\"name\": \"p\", \"type\": \"text\", \"generator\": {\"kind\": \"pattern\", \"pattern\": "
    "\"[A-Z]{2}-\\\\d{4}\"}}"
    "]}]}");

// The JSON objects among the lines of `text` (spillway-cli --json writes one per line).
QList<QJsonObject> jsonLines(const QString &text)
{
    QList<QJsonObject> objects;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
        if (doc.isObject())
            objects.append(doc.object());
    }
    return objects;
}

QList<QJsonObject> retryEvents(const QList<QJsonObject> &objects)
{
    static const QStringList kinds{QStringLiteral("connection_lost"), QStringLiteral("retry"),
                                   QStringLiteral("ledger_committed"),
                                   QStringLiteral("ledger_not_committed")};
    QList<QJsonObject> events;
    for (const QJsonObject &o : objects) {
        if (kinds.contains(o.value(QStringLiteral("event")).toString()))
            events.append(o);
    }
    return events;
}

// What is wrong with the events of a run whose backends were terminated; empty when nothing:
// a lost connection, a retry (attempt n of `attempts`) and a ledger answer at least, each
// timed, and each ledger answer preceded by a retry of its chunk by its worker.
QString retryEventsProblem(const QList<QJsonObject> &events, int attempts)
{
    QSet<QString> kinds;
    QSet<QString> retried; // worker/table/chunk
    for (const QJsonObject &e : events) {
        const QString kind = e.value(QStringLiteral("event")).toString();
        const QString chunk = QStringLiteral("%1/%2/%3")
                                  .arg(e.value(QStringLiteral("worker")).toInt())
                                  .arg(e.value(QStringLiteral("table")).toString())
                                  .arg(e.value(QStringLiteral("chunk")).toDouble());
        const QString json = QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact));
        kinds.insert(kind.startsWith(QStringLiteral("ledger")) ? QStringLiteral("ledger") : kind);
        if (!QDateTime::fromString(e.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                 .isValid() ||
            e.value(QStringLiteral("worker")).toInt() < 1 ||
            e.value(QStringLiteral("message")).toString().isEmpty())
            return QStringLiteral("untimed or incomplete event: ") + json;
        if (kind == QLatin1String("connection_lost") &&
            e.value(QStringLiteral("error")).toString().isEmpty())
            return QStringLiteral("a lost connection without its error: ") + json;
        if (kind == QLatin1String("retry")) {
            const int n = e.value(QStringLiteral("attempt")).toInt();
            if (n < 2 || n > attempts || e.value(QStringLiteral("attempts")).toInt() != attempts)
                return QStringLiteral("a retry that is not attempt 2..%1 of %1: ").arg(attempts) +
                       json;
            retried.insert(chunk);
        }
        if (kind.startsWith(QStringLiteral("ledger")) && !retried.contains(chunk))
            return QStringLiteral("a ledger answer before any retry of its chunk: ") + json;
    }
    for (const QString &kind :
         {QStringLiteral("connection_lost"), QStringLiteral("retry"), QStringLiteral("ledger")}) {
        if (!kinds.contains(kind))
            return QStringLiteral("no %1 event among %2").arg(kind).arg(events.size());
    }
    return {};
}

// The run record a --json run reported writing (its "recorded" line).
QJsonObject recordOf(const QList<QJsonObject> &lines)
{
    for (const QJsonObject &o : lines) {
        if (o.value(QStringLiteral("event")).toString() == QLatin1String("recorded")) {
            QFile f(o.value(QStringLiteral("file")).toString());
            if (f.open(QIODevice::ReadOnly))
                return QJsonDocument::fromJson(f.readAll()).object();
        }
    }
    return {};
}

void terminateWorkers(const QString &conninfo)
{
    for (int i = 0; i < 3; ++i) {
        queryValue(conninfo, QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                            "pg_stat_activity WHERE application_name = "
                                            "'spillway-worker'"));
        QThread::msleep(150);
    }
}

} // namespace

class TestIngest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        m_db = m_pg->connectionString();
        QVERIFY(m_dir.isValid());
    }
    void cleanupTestCase() { m_pg.reset(); }

    void ecommerceExactCountsAndForeignKeys()
    {
        const CliResult r =
            cli({QStringLiteral("ingest"), QStringLiteral("example:ecommerce"),
                 QStringLiteral("--db"), m_db, QStringLiteral("--scale"), QStringLiteral("0.02"),
                 QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        PlanOptions o;
        o.scale = 0.02;
        const auto expected = expectedRows(exampleJson(QStringLiteral("ecommerce")), o);
        QCOMPARE(expected.size(), 4);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM \"%1\"").arg(it.key())),
                     QString::number(it.value()));
        // Foreign keys were created after the load, so every reference holds.
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM pg_constraint WHERE "
                                                 "contype = 'f' AND conrelid::regclass::text IN "
                                                 "('orders', 'order_lines')")),
                 QStringLiteral("3"));
        // A second create refuses to touch existing tables.
        const CliResult again = cli({QStringLiteral("ingest"), QStringLiteral("example:ecommerce"),
                                     QStringLiteral("--db"), m_db, QStringLiteral("--scale"),
                                     QStringLiteral("0.01"), QStringLiteral("--quiet")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
    }

    void everyTypeInEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("binary") << QStringLiteral("binary");
        QTest::newRow("text") << QStringLiteral("text");
        QTest::newRow("csv") << QStringLiteral("csv");
    }
    void everyTypeInEveryFormat()
    {
        QFETCH(QString, format);
        const QString file = m_dir.filePath(QStringLiteral("every_type.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kEveryType.toUtf8());
        f.close();
        const CliResult r =
            cli({QStringLiteral("ingest"), file, QStringLiteral("--db"), m_db,
                 QStringLiteral("--db-schema"), format, QStringLiteral("--copy-format"), format,
                 QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(
            queryValue(m_db, QStringLiteral("SELECT count(*) FROM \"%1\".every_type").arg(format)),
            QStringLiteral("3000"));
        // The three formats must land the very same values.
        const QString digest = QStringLiteral(
            "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM \"%1\".every_type t");
        const QString mine = queryValue(m_db, digest.arg(format));
        QVERIFY(!mine.startsWith(QStringLiteral("ERROR")));
        if (format != QLatin1String("binary"))
            QCOMPARE(mine, queryValue(m_db, digest.arg(QStringLiteral("binary"))));
        QVERIFY(queryValue(m_db, QStringLiteral("SELECT count(*) FROM \"%1\".every_type WHERE "
                                                "tricky = '日本語 é 🙂'")
                                     .arg(format))
                    .toInt() > 0);
    }

    void retriesAreReported_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("ingest") << QStringLiteral("ingest");
        QTest::newRow("load") << QStringLiteral("load");
    }
    void retriesAreReported()
    {
        // Terminated backends: every lost connection, retry and ledger answer is on stderr (as
        // JSON with --json) and in the run record, and the rows are exactly there.
        QFETCH(QString, command);
        const QString run = QStringLiteral("reported-") + command;
        const QString runs = m_dir.filePath(QStringLiteral("runs-") + command);
        QStringList args =
            command == QLatin1String("ingest") ? lineitemArgs(m_db, run) : loadArgs(run);
        QVERIFY(!args.isEmpty());
        args << QStringLiteral("--runs-dir") << runs;
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI), args);
        QVERIFY(waitForCount(m_db, ledgerChunks(run), 10));
        terminateWorkers(m_db);
        QVERIFY(p.waitForFinished(240000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err.right(3000)));
        const QString table = command == QLatin1String("ingest")
                                  ? QStringLiteral("lineitem")
                                  : QStringLiteral("faults.lineitem");
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM %1").arg(table)),
                 QStringLiteral("400000"));
        if (command == QLatin1String("ingest"))
            QCOMPARE(queryValue(m_db, ledgerChunks(run)), QStringLiteral("100"));
        const QList<QJsonObject> lines = jsonLines(err);
        const QList<QJsonObject> printed = retryEvents(lines);
        const QString printedProblem = retryEventsProblem(printed, 9);
        QVERIFY2(printedProblem.isEmpty(), qPrintable(printedProblem));
        const QJsonObject record = recordOf(lines);
        QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QList<QJsonObject> recorded;
        for (const QJsonValue &v : record.value(QStringLiteral("events")).toArray())
            recorded.append(v.toObject());
        const QString recordedProblem = retryEventsProblem(recorded, 9);
        QVERIFY2(recordedProblem.isEmpty(), qPrintable(recordedProblem));
        QCOMPARE(recorded.size(), printed.size()); // each event printed once, recorded once
    }

    void interruptedIngestIsCancelled_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void interruptedIngestIsCancelled()
    {
        QFETCH(int, signal);
        const QString run = QStringLiteral("signal-%1").arg(signal);
        const QString runs = m_dir.filePath(QStringLiteral("runs-signal-%1").arg(signal));
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI), lineitemArgs(m_db, run)
                                                  << QStringLiteral("--runs-dir") << runs);
        QVERIFY(waitForCount(m_db, ledgerChunks(run), 5));
        QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
        QVERIFY(p.waitForFinished(60000));
        // Died of the signal after a clean cancel: $? is 130 or 143.
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QCOMPARE(p.exitCode(), signal);
        const QJsonObject record = recordOf(jsonLines(QString::fromUtf8(p.readAllStandardError())));
        QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT status FROM spillway.runs WHERE run_id "
                                                 "= '%1'")
                                      .arg(run)),
                 QStringLiteral("cancelled"));
    }

    void serverRestartIsSurvived()
    {
        const QString run = QStringLiteral("restart");
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI),
                lineitemArgs(m_db, run) << QStringLiteral("--retries") << QStringLiteral("12"));
        QVERIFY(waitForCount(m_db, ledgerChunks(run), 10));
        QVERIFY2(m_pg->server().stop().isEmpty(), "stop failed");
        QVERIFY2(m_pg->server().start().isEmpty(), "restart failed");
        QVERIFY(p.waitForFinished(240000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM lineitem")),
                 QStringLiteral("400000"));
        QCOMPARE(queryValue(m_db, ledgerChunks(run)), QStringLiteral("100"));
    }

    void killThenResume_data()
    {
        QTest::addColumn<bool>("hardKill");
        QTest::newRow("kill -9") << true;
        QTest::newRow("cancel (SIGTERM)") << false;
    }
    void killThenResume()
    {
        QFETCH(bool, hardKill);
        const QString run = hardKill ? QStringLiteral("killed") : QStringLiteral("cancelled");
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI), lineitemArgs(m_db, run));
        QVERIFY(waitForCount(m_db, ledgerChunks(run), 8));
        hardKill ? p.kill() : p.terminate();
        QVERIFY(p.waitForFinished(60000));
        const qlonglong partial =
            queryValue(m_db, QStringLiteral("SELECT count(*) FROM lineitem")).toLongLong();
        QVERIFY(partial > 0 && partial < 400000);
        // Every committed row is in the ledger, and only those.
        QCOMPARE(
            queryValue(m_db, QStringLiteral(
                                 "SELECT sum(row_count) FROM spillway.ledger WHERE run_id = '%1'")
                                 .arg(run)),
            QString::number(partial));
        QStringList args = lineitemArgs(m_db, run);
        args << QStringLiteral("--resume");
        const CliResult r = cli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM lineitem")),
                 QStringLiteral("400000"));
        const QJsonObject summary =
            QJsonDocument::fromJson(r.outText().trimmed().split(QLatin1Char('\n')).last().toUtf8())
                .object();
        QCOMPARE(qlonglong(summary.value(QStringLiteral("rows_skipped")).toDouble()), partial);
    }

    void constraintViolationStopsWithContext()
    {
        QVERIFY(execute(m_db, QStringLiteral(
                                  "DROP TABLE IF EXISTS lineitem; CREATE TABLE lineitem "
                                  "(l_orderkey bigint, l_partkey bigint, l_suppkey bigint, "
                                  "l_linenumber integer CHECK (l_linenumber < 7), "
                                  "l_quantity numeric(15,2), l_extendedprice numeric(15,2), "
                                  "l_discount numeric(15,2), l_tax numeric(15,2), "
                                  "l_returnflag char(1), l_linestatus char(1), l_shipdate date, "
                                  "l_commitdate date, l_receiptdate date, l_shipinstruct "
                                  "varchar(25), l_shipmode varchar(10), l_comment varchar(44))"))
                    .isEmpty());
        const CliResult r =
            cli({QStringLiteral("ingest"), QStringLiteral("example:lineitem"),
                 QStringLiteral("--db"), m_db, QStringLiteral("--rows"), QStringLiteral("1000"),
                 QStringLiteral("--mode"), QStringLiteral("append"), QStringLiteral("--quiet")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("lineitem")) &&
                     r.err.contains(QStringLiteral("chunk")) &&
                     r.err.contains(QStringLiteral("row ")) &&
                     r.err.contains(QStringLiteral("check constraint")),
                 qPrintable(r.err));
    }

    void hostileIdentifiersAreQuoted()
    {
        QVERIFY(execute(m_db, QStringLiteral("CREATE TABLE IF NOT EXISTS y (a int)")).isEmpty());
        const QString file = m_dir.filePath(QStringLiteral("hostile.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"tables\": [{\"name\": \"x\\\"; DROP TABLE y; --\", \"rows\": 10, \"columns\": ["
                "{\"name\": \"a\\\"b\", \"type\": \"int\", \"generator\": {\"kind\": "
                "\"sequence\"}}]}]}");
        f.close();
        const CliResult r = cli({QStringLiteral("ingest"), file, QStringLiteral("--db"), m_db,
                                 QStringLiteral("--quiet")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(
            queryValue(m_db, QStringLiteral("SELECT count(*) FROM \"x\"\"; DROP TABLE y; --\"")),
            QStringLiteral("10"));
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT to_regclass('y') IS NOT NULL")),
                 QStringLiteral("t"));
    }

    void passwordsNeverShown()
    {
        // Local trust authentication ignores the password, so the run succeeds with one given.
        const QString db = m_db + QStringLiteral(" password=sup3rsecret");
        const CliResult r =
            cli({QStringLiteral("ingest"), QStringLiteral("example:lineitem"),
                 QStringLiteral("--db"), db, QStringLiteral("--rows"), QStringLiteral("100"),
                 QStringLiteral("--mode"), QStringLiteral("recreate"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.outText().contains(QStringLiteral("sup3rsecret")));
        QVERIFY(!r.err.contains(QStringLiteral("sup3rsecret")));
        const CliResult bad = cli(
            {QStringLiteral("ingest"), QStringLiteral("example:lineitem"), QStringLiteral("--db"),
             QStringLiteral("host=/nonexistent port=1 password=sup3rsecret"),
             QStringLiteral("--rows"), QStringLiteral("10"), QStringLiteral("--quiet")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("cannot connect")), qPrintable(bad.err));
        QVERIFY(!bad.err.contains(QStringLiteral("sup3rsecret")));
    }

private:
    // `load` of 400,000 lineitem rows in small chunks into faults.lineitem (made here).
    QStringList loadArgs(const QString &runId)
    {
        const QString csv = m_dir.filePath(QStringLiteral("lineitem-csv"));
        const CliResult files =
            cli({QStringLiteral("generate"), QStringLiteral("example:lineitem"),
                 QStringLiteral("--rows"), QStringLiteral("400000"), QStringLiteral("--out"), csv,
                 QStringLiteral("--quiet"), QStringLiteral("--no-record")});
        const CliResult ddl = cli({QStringLiteral("ddl"), QStringLiteral("example:lineitem"),
                                   QStringLiteral("--db-schema"), QStringLiteral("faults"),
                                   QStringLiteral("--drop")});
        if (files.exitCode != 0 || ddl.exitCode != 0 ||
            !execute(m_db, QStringLiteral("CREATE SCHEMA IF NOT EXISTS faults; ") + ddl.outText())
                 .isEmpty())
            return {};
        return {QStringLiteral("load"),
                csv,
                QStringLiteral("--db"),
                m_db,
                QStringLiteral("--table"),
                QStringLiteral("faults.lineitem"),
                QStringLiteral("--header"),
                QStringLiteral("--chunk-bytes"),
                QStringLiteral("32k"),
                QStringLiteral("--workers"),
                QStringLiteral("2"),
                QStringLiteral("--run-id"),
                runId,
                QStringLiteral("--json")};
    }

    std::unique_ptr<PgFixture> m_pg;
    QString m_db;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestIngest)
#include "test_ingest.moc"
