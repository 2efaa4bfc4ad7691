// spillway-cli ingest into a real PostgreSQL: exact row counts, references holding under
// foreign keys created after the load, every column type in every COPY format, and faults —
// terminated backends, a server restart, kill -9 then --resume, cancel then --resume — that
// end with exactly the expected rows: none lost, none duplicated.

#include "ingesttestsupport.h"
#include "pgfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

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
        const CliRun r =
            runCli({QStringLiteral("ingest"), QStringLiteral("example:ecommerce"),
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
        const CliRun again = runCli({QStringLiteral("ingest"), QStringLiteral("example:ecommerce"),
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
        const CliRun r =
            runCli({QStringLiteral("ingest"), file, QStringLiteral("--db"), m_db,
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

    void terminatedBackendsAreRetried()
    {
        const QString run = QStringLiteral("terminate");
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI), lineitemArgs(m_db, run));
        QVERIFY(waitForCount(m_db, ledgerChunks(run), 10));
        for (int i = 0; i < 3; ++i) {
            queryValue(m_db, QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                            "pg_stat_activity WHERE application_name = "
                                            "'spillway-worker'"));
            QThread::msleep(150);
        }
        QVERIFY(p.waitForFinished(240000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM lineitem")),
                 QStringLiteral("400000"));
        QCOMPARE(queryValue(m_db, ledgerChunks(run)), QStringLiteral("100"));
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
        const CliRun r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM lineitem")),
                 QStringLiteral("400000"));
        const QJsonObject summary =
            QJsonDocument::fromJson(r.out.trimmed().split(QLatin1Char('\n')).last().toUtf8())
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
        const CliRun r =
            runCli({QStringLiteral("ingest"), QStringLiteral("example:lineitem"),
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
        const CliRun r = runCli({QStringLiteral("ingest"), file, QStringLiteral("--db"), m_db,
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
        const CliRun r = runCli({QStringLiteral("ingest"), QStringLiteral("example:lineitem"),
                                 QStringLiteral("--db"), db, QStringLiteral("--rows"),
                                 QStringLiteral("100"), QStringLiteral("--mode"),
                                 QStringLiteral("recreate"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("sup3rsecret")));
        QVERIFY(!r.err.contains(QStringLiteral("sup3rsecret")));
        const CliRun bad = runCli(
            {QStringLiteral("ingest"), QStringLiteral("example:lineitem"), QStringLiteral("--db"),
             QStringLiteral("host=/nonexistent port=1 password=sup3rsecret"),
             QStringLiteral("--rows"), QStringLiteral("10"), QStringLiteral("--quiet")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("cannot connect")), qPrintable(bad.err));
        QVERIFY(!bad.err.contains(QStringLiteral("sup3rsecret")));
    }

private:
    std::unique_ptr<PgFixture> m_pg;
    QString m_db;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestIngest)
#include "test_ingest.moc"
