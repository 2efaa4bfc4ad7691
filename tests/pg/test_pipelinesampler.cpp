// PipelineSampler against a real private server (PgFixture): rows counted per target table
// (also one created after the start, and a COPY still in progress), sessions told apart by
// application_name with their waits and locks, server-wide figures, and that a bad connection
// is reported once while stop() returns at once. Statistics reach pg_stat_* only when a
// transaction ends and its backend flushes them, so every check polls with a deadline.

#include "pg/conninfo.h"
#include "pg/pipelinesampler.h"
#include "pg/serverprograms.h"
#include "pg/serversampler.h"
#include "pgfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <libpq-fe.h>

using namespace spillway;
using spillway::test::PgFixture;

namespace {

const QString kPrefix = QStringLiteral("spillway/test/");
constexpr int kDeadline = 10000;
// A backend that commits within a second of its previous statistics flush and then stays idle
// publishes its counters up to 10 s later (PostgreSQL 15's PGSTAT_IDLE_INTERVAL).
constexpr int kFlushDeadline = 20000;

// A libpq connection of its own, as a pipeline command would hold one.
class Client
{
public:
    Client(const QString &conninfo, const QString &applicationName)
    {
        const QString info =
            applicationName.isEmpty()
                ? conninfo
                : ConnInfo::withOption(conninfo, QStringLiteral("application_name"),
                                       applicationName);
        m_conn = PQconnectdb(info.toUtf8().constData());
    }
    ~Client() { PQfinish(m_conn); }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    bool isConnected() const { return PQstatus(m_conn) == CONNECTION_OK; }
    QString error() const { return QString::fromUtf8(PQerrorMessage(m_conn)); }
    // Runs sql and waits; empty when it succeeded, else the error.
    QString exec(const QString &sql, ExecStatusType expected = PGRES_COMMAND_OK)
    {
        PGresult *r = PQexec(m_conn, sql.toUtf8().constData());
        const bool ok = PQresultStatus(r) == expected ||
                        (expected == PGRES_COMMAND_OK && PQresultStatus(r) == PGRES_TUPLES_OK);
        const QString e = ok ? QString() : QString::fromUtf8(PQresultErrorMessage(r)) + sql;
        PQclear(r);
        return e;
    }
    bool send(const QString &sql) { return PQsendQuery(m_conn, sql.toUtf8().constData()) == 1; }
    // The results of send(), waiting for them; empty when all succeeded.
    QString finish()
    {
        QString e;
        while (PGresult *r = PQgetResult(m_conn)) {
            if (PQresultStatus(r) == PGRES_FATAL_ERROR)
                e += QString::fromUtf8(PQresultErrorMessage(r));
            PQclear(r);
        }
        return e;
    }
    bool putCopyData(const QByteArray &data)
    {
        return PQputCopyData(m_conn, data.constData(), int(data.size())) == 1 &&
               PQflush(m_conn) == 0;
    }
    QString endCopy()
    {
        if (PQputCopyEnd(m_conn, nullptr) != 1)
            return error();
        return finish();
    }

private:
    PGconn *m_conn = nullptr;
};

QByteArray copyRows(int first, int count)
{
    QByteArray data;
    for (int i = first; i < first + count; ++i)
        data += QByteArray::number(i) + "\tcopied\n";
    return data;
}

} // namespace

class TestPipelineSampler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void countsRowsPerTargetTable();
    void countsCopyInProgressOnce();
    void countsPartitionsOfATarget();
    void attributesSessionsToCommands();
    void reportsServerFigures();
    void stopIsPromptAndFinal();
    void goesOnAfterServerRestart();
    void badConnectionIsReportedOnce();
    void standbyHasNoWalRateAndSaysSo();
    void serverSamplerSharesTheThread();
    void serverSamplerStopsAtFirstFailure();

private:
    bool startSampler(const QStringList &targets = {});
    const TableActivity &table(int i) const { return m_last.tables.at(i); }

    std::unique_ptr<PgFixture> m_pg;
    std::unique_ptr<PipelineSampler> m_sampler;
    DatabaseSample m_last;
    int m_samples = 0;
    double m_maxInsertsPerSecond = 0;
    double m_maxWalPerSecond = 0;
};

void TestPipelineSampler::initTestCase()
{
    m_pg = std::make_unique<PgFixture>();
    QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    Client setup(m_pg->connectionString(), {});
    QVERIFY2(setup.isConnected(), qPrintable(setup.error()));
    QCOMPARE(setup.exec(QStringLiteral(
                 "CREATE SCHEMA staging; CREATE TABLE staging.orders "
                 "(id int PRIMARY KEY, note text); INSERT INTO "
                 "staging.orders SELECT g, 'before' FROM "
                 "generate_series(1, 10) g; CREATE TABLE staging.\"Upper\" (id int); "
                 "INSERT INTO staging.\"Upper\" VALUES (1), (2), (3)")),
             QString());
}

void TestPipelineSampler::cleanup()
{
    m_sampler.reset();
    m_last = {};
    m_samples = 0;
    m_maxInsertsPerSecond = m_maxWalPerSecond = 0;
}

// Two commands; targets by default: staging.orders (there from the start), staging.later (not
// yet) and staging."Upper" written as a user would.
bool TestPipelineSampler::startSampler(const QStringList &targets)
{
    PipelineSamplerOptions o;
    o.conninfo = m_pg->connectionString();
    o.targetTables = targets;
    if (targets.isEmpty())
        o.targetTables = {QStringLiteral("staging.orders"), QStringLiteral("staging.later"),
                          QStringLiteral("staging.Upper")};
    o.applicationPrefix = kPrefix;
    o.commands = 2;
    o.intervalMs = 200;
    m_sampler = std::make_unique<PipelineSampler>(o);
    connect(m_sampler.get(), &PipelineSampler::sampled, this, [this](const DatabaseSample &s) {
        m_last = s;
        ++m_samples;
        if (!s.tables.isEmpty())
            m_maxInsertsPerSecond = std::max(m_maxInsertsPerSecond, s.tables[0].insertsPerSecond);
        m_maxWalPerSecond = std::max(m_maxWalPerSecond, s.walBytesPerSecond);
    });
    m_sampler->start();
    return QTest::qWaitFor([this] { return m_samples > 0; }, kDeadline);
}

void TestPipelineSampler::countsRowsPerTargetTable()
{
    // The rows there before the start are flushed to the statistics and not counted.
    QTRY_VERIFY_WITH_TIMEOUT(
        Client(m_pg->connectionString(), {})
            .exec(QStringLiteral("DO $$BEGIN IF (SELECT n_tup_ins FROM pg_stat_user_tables WHERE "
                                 "relname = 'orders') < 10 THEN RAISE 'not yet'; END IF; END$$"))
            .isEmpty(),
        kDeadline);
    QVERIFY(startSampler());
    QCOMPARE(m_last.tables.size(), 3);
    QCOMPARE(table(0).table, QStringLiteral("staging.orders"));
    QCOMPARE(table(2).table, QStringLiteral("staging.Upper"));
    QTRY_COMPARE_WITH_TIMEOUT(table(2).liveRows, 3, kDeadline);
    QCOMPARE(table(2).inserted, 0);
    QCOMPARE(table(0).inserted, 0);
    QCOMPARE(table(1).inserted, 0);
    QCOMPARE(table(1).liveRows, 0);

    Client second(m_pg->connectionString(), kPrefix + QStringLiteral("1"));
    {
        // A command that loads and disconnects: its backend flushes the counters as it exits.
        Client first(m_pg->connectionString(), kPrefix + QStringLiteral("0"));
        QCOMPARE(first.exec(QStringLiteral("INSERT INTO staging.orders SELECT g, 'x' FROM "
                                           "generate_series(100, 20099) g")),
                 QString());
    }
    QCOMPARE(second.exec(QStringLiteral("CREATE TABLE staging.later (id int); INSERT INTO "
                                        "staging.later SELECT generate_series(1, 30); UPDATE "
                                        "staging.later SET id = -id WHERE id <= 5; DELETE FROM "
                                        "staging.later WHERE id < 0 AND id >= -2")),
             QString());
    QTRY_COMPARE_WITH_TIMEOUT(table(0).inserted, 20000, kDeadline);
    // One that stays connected: its counters come with the next flush.
    QTRY_COMPARE_WITH_TIMEOUT(table(1).inserted, 30, kFlushDeadline);
    QTRY_COMPARE_WITH_TIMEOUT(table(1).updated, 5, kDeadline);
    QTRY_COMPARE_WITH_TIMEOUT(table(1).deleted, 2, kDeadline);
    QTRY_COMPARE_WITH_TIMEOUT(table(1).liveRows, 28, kDeadline);
    // Dropped and created again (as pipelines do): the new table counts on from there.
    QCOMPARE(second.exec(QStringLiteral("DROP TABLE staging.later; CREATE TABLE staging.later "
                                        "(id int); INSERT INTO staging.later VALUES (1), (2)")),
             QString());
    QTRY_COMPARE_WITH_TIMEOUT(table(1).liveRows, 2, kFlushDeadline);
    QCOMPARE(table(1).inserted, 32);
    QCOMPARE(table(1).deleted, 2);
    QVERIFY(m_maxInsertsPerSecond > 0);
    QVERIFY(m_last.samplerCpuSeconds > 0);
    QVERIFY(m_last.queryMilliseconds > 0);
    QVERIFY(m_sampler->cpuSeconds() > 0);
}

void TestPipelineSampler::countsCopyInProgressOnce()
{
    QVERIFY(startSampler());
    const qint64 before = table(0).inserted;
    Client loader(m_pg->connectionString(), kPrefix + QStringLiteral("0"));
    QCOMPARE(loader.exec(QStringLiteral("COPY staging.orders FROM STDIN"), PGRES_COPY_IN),
             QString());
    QVERIFY(loader.putCopyData(copyRows(100000, 1000)));
    // Held open: the rows are not in pg_stat_user_tables yet, only in pg_stat_progress_copy.
    QTRY_COMPARE_WITH_TIMEOUT(m_last.activeCopies, 1, kDeadline);
    QTRY_COMPARE_WITH_TIMEOUT(table(0).inserted, before + 1000, kDeadline);
    QVERIFY(table(0).copyBytesProcessed > 0);
    QCOMPARE(m_last.sessions.at(0).active, 1);

    QVERIFY(loader.putCopyData(copyRows(101000, 500)));
    QCOMPARE(loader.endCopy(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_last.activeCopies, 0, kDeadline);
    QTRY_COMPARE_WITH_TIMEOUT(table(0).inserted, before + 1500, kFlushDeadline);
    // Once committed and flushed the rows are counted from n_tup_ins instead, not twice.
    const int samples = m_samples;
    QTRY_VERIFY_WITH_TIMEOUT(m_samples >= samples + 10, kDeadline);
    QCOMPARE(table(0).inserted, before + 1500);
    QCOMPARE(table(0).copyBytesProcessed, 0);
}

// A COPY into a partitioned table: in flight it is the parent's, committed its partitions'.
void TestPipelineSampler::countsPartitionsOfATarget()
{
    Client loader(m_pg->connectionString(), kPrefix + QStringLiteral("0"));
    QCOMPARE(loader.exec(QStringLiteral(
                 "CREATE TABLE staging.parted (id int, note text) PARTITION BY RANGE (id); "
                 "CREATE TABLE staging.parted_low PARTITION OF staging.parted FOR VALUES FROM "
                 "(MINVALUE) TO (1000); CREATE TABLE staging.parted_high PARTITION OF "
                 "staging.parted FOR VALUES FROM (1000) TO (MAXVALUE)")),
             QString());
    QVERIFY(startSampler({QStringLiteral("staging.parted")}));
    QCOMPARE(loader.exec(QStringLiteral("COPY staging.parted FROM STDIN"), PGRES_COPY_IN),
             QString());
    QVERIFY(loader.putCopyData(copyRows(500, 1000)));
    QTRY_COMPARE_WITH_TIMEOUT(table(0).inserted, 1000, kDeadline);
    QCOMPARE(m_last.activeCopies, 1);
    QCOMPARE(loader.endCopy(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(table(0).liveRows, 1000, kFlushDeadline);
    QCOMPARE(table(0).inserted, 1000);
    QCOMPARE(loader.exec(QStringLiteral("DELETE FROM staging.parted WHERE id < 600")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(table(0).deleted, 100, kFlushDeadline);
    QCOMPARE(table(0).inserted, 1000);
    QCOMPARE(table(0).liveRows, 900);
}

void TestPipelineSampler::attributesSessionsToCommands()
{
    QVERIFY(startSampler());
    Client holder(m_pg->connectionString(), kPrefix + QStringLiteral("0"));
    Client waiter(m_pg->connectionString(), kPrefix + QStringLiteral("1"));
    Client secondWaiter(m_pg->connectionString(), kPrefix + QStringLiteral("1"));
    Client other(m_pg->connectionString(), QStringLiteral("someone else"));
    QCOMPARE(holder.exec(QStringLiteral("BEGIN; LOCK TABLE staging.orders IN ACCESS EXCLUSIVE "
                                        "MODE")),
             QString());
    QVERIFY(waiter.send(QStringLiteral("SELECT count(*) FROM staging.orders")));
    QVERIFY(secondWaiter.send(QStringLiteral("SELECT count(*) FROM staging.orders")));
    QVERIFY(other.isConnected());

    QTRY_VERIFY_WITH_TIMEOUT(m_last.sessions.size() == 3 && m_last.sessions[1].blocked == 2,
                             kDeadline);
    const SessionSummary &held = m_last.sessions[0];
    QCOMPARE(held.total, 1);
    QCOMPARE(held.idleInTransaction, 1);
    QCOMPARE(held.blocked, 0);
    const SessionSummary &waiting = m_last.sessions[1];
    QCOMPARE(waiting.total, 2);
    QCOMPARE(waiting.active, 2);
    QCOMPARE(waiting.waiting, 2);
    QCOMPARE(waiting.waitEvents, QStringList{QStringLiteral("Lock:relation ×2")});
    // Everything else, the sampler's own connection excluded.
    QCOMPARE(m_last.sessions[2].total, 1);
    QCOMPARE(m_last.sessions[2].idle, 1);

    QCOMPARE(holder.exec(QStringLiteral("ROLLBACK")), QString());
    QCOMPARE(waiter.finish(), QString());
    QCOMPARE(secondWaiter.finish(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(m_last.sessions[1].blocked == 0 && m_last.sessions[1].idle == 2,
                             kDeadline);
}

void TestPipelineSampler::reportsServerFigures()
{
    QVERIFY(startSampler());
    Client c(m_pg->connectionString(), kPrefix + QStringLiteral("1"));
    QCOMPARE(c.exec(QStringLiteral("CHECKPOINT")), QString());
    QCOMPARE(c.exec(QStringLiteral("SET work_mem = '64kB'; SELECT count(*) FROM (SELECT g FROM "
                                   "generate_series(1, 200000) g ORDER BY g DESC) s"),
                    PGRES_TUPLES_OK),
             QString());
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE staging.wal AS SELECT g, repeat('w', 100) "
                                   "FROM generate_series(1, 20000) g")),
             QString());
    QTRY_VERIFY_WITH_TIMEOUT(m_last.checkpoints >= 1, kDeadline);
    QTRY_VERIFY_WITH_TIMEOUT(m_last.tempFiles >= 1 && m_last.tempBytes > 0, kDeadline);
    QTRY_VERIFY_WITH_TIMEOUT(m_maxWalPerSecond > 0, kDeadline);
    QCOMPARE(c.exec(QStringLiteral("DROP TABLE staging.wal")), QString());
}

void TestPipelineSampler::stopIsPromptAndFinal()
{
    QVERIFY(startSampler());
    QElapsedTimer clock;
    clock.start();
    m_sampler->stop();
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    const int samples = m_samples;
    QTest::qWait(800); // four intervals
    QCOMPARE(m_samples, samples);
    clock.restart();
    m_sampler.reset();
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

// The server going away is reported and sampling resumes when it is back.
void TestPipelineSampler::goesOnAfterServerRestart()
{
    QVERIFY(startSampler());
    QSignalSpy failed(m_sampler.get(), &PipelineSampler::samplingFailed);
    const QString conninfo = m_pg->connectionString();
    QCOMPARE(m_pg->server().stop(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, kDeadline);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("connect")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(m_pg->server().start(), QString());
    QCOMPARE(m_pg->connectionString(), conninfo);
    const int samples = m_samples;
    QTRY_VERIFY_WITH_TIMEOUT(m_samples > samples, kFlushDeadline);
    QCOMPARE(m_last.tables.size(), 3);
    QCOMPARE(m_last.sessions.size(), 3);
}

void TestPipelineSampler::badConnectionIsReportedOnce()
{
    PipelineSamplerOptions o;
    o.conninfo = QStringLiteral("host=/nonexistent-spillway-socket-dir port=1 dbname=none");
    o.commands = 2;
    o.intervalMs = 100;
    PipelineSampler sampler(o);
    QSignalSpy failed(&sampler, &PipelineSampler::samplingFailed);
    QSignalSpy sampled(&sampler, &PipelineSampler::sampled);
    sampler.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kDeadline);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("nonexistent")),
             qPrintable(failed.first().first().toString()));
    QTest::qWait(600); // it keeps trying; the same message is not repeated
    QCOMPARE(failed.count(), 1);
    QCOMPARE(sampled.count(), 0);
    QElapsedTimer clock;
    clock.start();
    sampler.stop();
    QVERIFY(clock.elapsed() < 1000);
}

// A standby (pg_basebackup of the fixture's server, in the same private socket folder) has no
// pg_current_wal_lsn(): everything else is sampled, and a note says so once.
void TestPipelineSampler::standbyHasNoWalRateAndSaysSo()
{
    serverprograms::Account account;
    QCOMPARE(serverprograms::resolveAccount(account), QString());
    QString binDir;
    QCOMPARE(serverprograms::findBinDir({}, 15, binDir), QString());
    LocalServer &primary = m_pg->server();
    {
        // The private server runs with wal_level = minimal; a standby needs replica.
        Client c(m_pg->connectionString(), {});
        QCOMPARE(c.exec(QStringLiteral("ALTER SYSTEM SET wal_level = replica")), QString());
        QCOMPARE(c.exec(QStringLiteral("ALTER SYSTEM SET max_wal_senders = 2")), QString());
    }
    QCOMPARE(primary.stop(), QString());
    QCOMPARE(primary.start(), QString());
    const QString standby = m_pg->serverDir() + QStringLiteral("/standby");
    const QString port = QString::number(primary.port() + 1);
    auto tool = [&](const char *program, const QStringList &arguments) {
        return serverprograms::run(account, QDir(binDir).filePath(QLatin1String(program)),
                                   arguments, m_pg->serverDir(), 120);
    };
    const auto backup =
        tool("pg_basebackup", {QStringLiteral("-h"), primary.socketDir(), QStringLiteral("-p"),
                               QString::number(primary.port()), QStringLiteral("-U"),
                               primary.user(), QStringLiteral("-D"), standby, QStringLiteral("-R"),
                               QStringLiteral("-c"), QStringLiteral("fast")});
    QVERIFY2(backup.ok, qPrintable(backup.failure + QLatin1Char('\n') + backup.output));
    const auto started =
        tool("pg_ctl",
             {QStringLiteral("start"), QStringLiteral("-D"), standby, QStringLiteral("-l"),
              standby + QStringLiteral("/log"), QStringLiteral("-w"), QStringLiteral("-o"),
              QStringLiteral("-p %1 -k %2 -c listen_addresses=''").arg(port, primary.socketDir())});
    QVERIFY2(started.ok, qPrintable(started.failure + QLatin1Char('\n') + started.output));
    const auto stopStandby = qScopeGuard([&] {
        tool("pg_ctl", {QStringLiteral("stop"), QStringLiteral("-D"), standby, QStringLiteral("-m"),
                        QStringLiteral("immediate"), QStringLiteral("-w")});
    });

    PipelineSamplerOptions o;
    o.conninfo = LocalServer::connectionString(primary.socketDir(), port.toInt(),
                                               LocalServer::databaseName(), primary.user());
    o.targetTables = {QStringLiteral("staging.orders")};
    o.applicationPrefix = kPrefix;
    o.intervalMs = 200;
    PipelineSampler sampler(o);
    QSignalSpy sampled(&sampler, &PipelineSampler::sampled);
    QSignalSpy noted(&sampler, &PipelineSampler::noted);
    QSignalSpy failed(&sampler, &PipelineSampler::samplingFailed);
    sampler.start();
    QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 3, kDeadline);
    QVERIFY2(failed.isEmpty(),
             qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
    QCOMPARE(noted.count(), 1);
    QVERIFY(noted.first().first().toString().contains(QStringLiteral("standby")));
    const auto last = sampled.last().first().value<DatabaseSample>();
    QCOMPARE(last.walBytesPerSecond, 0.0);
    QCOMPARE(last.tables.size(), 1);
    QCOMPARE(last.sessions.size(), 2);
    sampler.stop();
}

// ServerSampler (the ingest dashboard's) runs on the same SamplingThread.
void TestPipelineSampler::serverSamplerSharesTheThread()
{
    ServerSampler sampler(m_pg->connectionString());
    double maxWal = 0, maxInserts = 0;
    int samples = 0;
    connect(&sampler, &ServerSampler::sampled, this, [&](const ServerSample &s) {
        ++samples;
        maxWal = std::max(maxWal, s.walBytesPerSecond);
        maxInserts = std::max(maxInserts, s.tuplesInsertedPerSecond);
    });
    sampler.start(200);
    QTRY_VERIFY_WITH_TIMEOUT(samples > 0, kDeadline);
    {
        Client c(m_pg->connectionString(), {});
        QCOMPARE(c.exec(QStringLiteral("INSERT INTO staging.orders SELECT g, 'server' FROM "
                                       "generate_series(500000, 509999) g")),
                 QString());
    }
    QTRY_VERIFY_WITH_TIMEOUT(maxWal > 0 && maxInserts > 0, kDeadline);
    sampler.stop();
}

void TestPipelineSampler::serverSamplerStopsAtFirstFailure()
{
    ServerSampler sampler(QStringLiteral("host=/nonexistent-spillway-socket-dir port=1"));
    QSignalSpy failed(&sampler, &ServerSampler::samplingFailed);
    sampler.start(100);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kDeadline);
    QTest::qWait(500);
    QCOMPARE(failed.count(), 1);
}

QTEST_GUILESS_MAIN(TestPipelineSampler)
#include "test_pipelinesampler.moc"
