// RunController against a real, private PostgreSQL (PgFixture): an ingest that completes with
// points in every chart, a pause in the embedded local server that resumes through the ledger
// to exactly the expected rows and is recorded as one run,
// backends terminated mid-run whose lost connections, retries and ledger answers reach the
// dashboard's log and the run record, and a server stopped mid-run whose error reaches the log
// and the banner.

#include "history/runstore.h"
#include "monitortestsupport.h"
#include "pg/database.h"
#include "pgfixture.h"
#include "run/runlogmodel.h"

#include <QDir>
#include <QTemporaryDir>

using namespace spillway;

class TestMonitorPg : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void ingestFeedsDashboard();
    void pauseResumesExactlyOnce();
    void retriesReachTheLog();
    void serverStoppedMidRunShowsError();

private:
    RunSettings settingsFor(test::PgFixture &pg, uint64_t rows) const;
    QTemporaryDir m_dir;
};

void TestMonitorPg::initTestCase()
{
    qRegisterMetaType<RunResult>();
    qRegisterMetaType<RunSnapshot>();
    QVERIFY(m_dir.isValid());
}

RunSettings TestMonitorPg::settingsFor(test::PgFixture &pg, uint64_t rows) const
{
    // The fixture's keyword/value string, taken apart into a profile (host = socket folder).
    RunSettings s;
    s.target = RunTarget::Postgres;
    s.profile.host = pg.server().socketDir();
    s.profile.port = pg.server().port();
    s.profile.database = LocalServer::databaseName();
    s.profile.user = pg.server().user();
    s.profile.sslmode = QStringLiteral("disable");
    s.mode = LoadMode::Recreate;
    s.rows = rows;
    s.workers = 2;
    s.retries = 1;
    return s;
}

static QString countRows(const QString &conninfo, const QString &table)
{
    Database db;
    if (const QString e = db.open(conninfo); !e.isEmpty())
        return e;
    QString value;
    if (const QString e =
            db.queryValue(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table), &value);
        !e.isEmpty())
        return e;
    return value;
}

void TestMonitorPg::ingestFeedsDashboard()
{
    test::PgFixture pg;
    QVERIFY2(pg.isReady(), qPrintable(pg.error()));
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("lineitem")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    controller.setRunsDirectory(m_dir.filePath(QStringLiteral("runs")));
    controller.setSettings(settingsFor(pg, 1500000));
    Dashboard dashboard;
    dashboard.resize(1280, 800);
    dashboard.setController(&controller);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QSignalSpy snapshots(&controller, &RunController::snapshotTaken);
    QVERIFY(controller.start());
    QTRY_VERIFY_WITH_TIMEOUT(snapshots.size() >= 25 || !finished.isEmpty(), 120000);
    dashboard.show();
    test::saveScreenshot(&dashboard, QStringLiteral("dashboard-ingest-running"));
    const RunResult result = test::waitForResult(finished, 240000);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(dashboard.throughputChart()->pointCount(0) > 0);
    QVERIFY(dashboard.latencyChart()->pointCount(1) > 0);
    QVERIFY(dashboard.latencyChart()->drawnCount(1) > 0);
    qInfo("server chart points: %d", dashboard.serverChart()->pointCount(0));
    QCOMPARE(countRows(pg.connectionString(), QStringLiteral("lineitem")),
             QStringLiteral("1500000"));
    QString error;
    const auto record = RunStore(controller.runsDirectory()).find(controller.recordId(), &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->kind, QStringLiteral("ingest"));
    QVERIFY(!record->serverVersion.isEmpty());
    test::saveScreenshot(&dashboard, QStringLiteral("dashboard-ingest-finished"));
}

// A GUI ingest into the embedded local server, paused (its segment cancelled, the server kept)
// and resumed through the ledger: the table ends with every row exactly once, and the run is
// ONE record with all rows of all segments, its active time (the pause excluded), a mean rate
// over that time and the pause as events.
void TestMonitorPg::pauseResumesExactlyOnce()
{
    // As PgFixture's: a folder of its own under /tmp, which the server's user can enter.
    QTemporaryDir serverFolder(QDir::tempPath() + QStringLiteral("/spillway-pgtest-XXXXXX"));
    QVERIFY(serverFolder.isValid());
    const QString serverDir = serverFolder.path();
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("lineitem")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    const QString runs = m_dir.filePath(QStringLiteral("runs-paused"));
    controller.setRunsDirectory(runs);
    RunSettings s;
    s.target = RunTarget::LocalServer;
    s.serverDir = serverDir;
    s.mode = LoadMode::Recreate;
    s.rows = 2000000;
    s.workers = 2;
    controller.setSettings(s);
    Dashboard dashboard;
    dashboard.setController(&controller);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QVERIFY(controller.start());
    QTRY_VERIFY_WITH_TIMEOUT((controller.canPause() && controller.lastSnapshot().rowsDone > 0) ||
                                 !finished.isEmpty(),
                             120000);
    if (!finished.isEmpty()) {
        const RunResult early = test::waitForResult(finished, 0);
        QVERIFY2(early.ok, qPrintable(early.error));
        QSKIP("the run finished before it could be paused");
    }
    controller.pause();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), RunController::State::Paused, 60000);
    const uint64_t pausedAt = controller.lastSnapshot().rowsDone;
    QVERIFY(dashboard.statsText().contains(QLatin1String("paused")));
    QTest::qWait(1500);
    controller.resume();
    const RunResult result = test::waitForResult(finished, 240000);
    QVERIFY2(result.ok, qPrintable(result.error));
    qInfo("paused at %llu rows", qulonglong(pausedAt));
    QCOMPARE(result.last.rowsDone, uint64_t(2000000));
    QVERIFY(dashboard.statsText().contains(QLatin1String("finished in")));
    QVERIFY(!dashboard.serverText().contains(QLatin1String("COPYs")));
    QCOMPARE(dashboard.latencyChart()->pauseCount(), 1);

    QCOMPARE(QDir(runs).entryList(QDir::Files).size(), 1);
    QString error;
    const auto record = RunStore(runs).find(controller.recordId(), &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->summary.value(QStringLiteral("rows")).value_or(0), 2000000.0);
    const double active = record->summary.value(QStringLiteral("elapsed_s")).value_or(0);
    const double wall = double(record->started.msecsTo(record->finished)) / 1000;
    const double rate = record->summary.value(QStringLiteral("rows_per_s")).value_or(0);
    qInfo("active %.2f s, wall %.2f s, %.0f rows/s", active, wall, rate);
    QVERIFY(active > 0);
    QVERIFY(active < wall - 1.0);
    QVERIFY(qAbs(rate - 2000000.0 / active) < 2000000.0 / active * 0.01);
    int pauses = 0, resumes = 0;
    for (const RunEvent &e : record->events) {
        pauses += e.kind == RunEvent::Kind::Paused ? 1 : 0;
        resumes += e.kind == RunEvent::Kind::Resumed ? 1 : 0;
    }
    QCOMPARE(pauses, 1);
    QCOMPARE(resumes, 1);

    // The controller started the server, so it stopped it; start it again to count.
    LocalServer server(serverDir);
    QVERIFY2(server.start().isEmpty(), "the local server did not start again");
    const QString count = countRows(server.connectionString(), QStringLiteral("lineitem"));
    QVERIFY(server.stop().isEmpty());
    QCOMPARE(count, QStringLiteral("2000000"));
}

// Log entries at `level` whose text contains `part`.
static int logEntries(const RunLogModel &log, LogLevel level, const QString &part)
{
    int n = 0;
    for (int row = 0; row < log.rowCount(); ++row)
        n += log.entry(row).level == level && log.entry(row).text.contains(part) ? 1 : 0;
    return n;
}

void TestMonitorPg::retriesReachTheLog()
{
    test::PgFixture pg;
    QVERIFY2(pg.isReady(), qPrintable(pg.error()));
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("lineitem")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    controller.setRunsDirectory(m_dir.filePath(QStringLiteral("runs")));
    RunSettings settings = settingsFor(pg, 2000000);
    settings.retries = 4;
    controller.setSettings(settings);
    Dashboard dashboard;
    dashboard.setController(&controller);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QVERIFY(controller.start());
    QTRY_VERIFY_WITH_TIMEOUT(controller.lastSnapshot().rowsDone > 0 || !finished.isEmpty(), 120000);
    QVERIFY(finished.isEmpty());
    Database db;
    QVERIFY(db.open(pg.connectionString()).isEmpty());
    QString terminated;
    QVERIFY(db.queryValue(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                         "pg_stat_activity WHERE application_name = "
                                         "'spillway-worker'"),
                          &terminated)
                .isEmpty());
    QVERIFY(terminated.toInt() > 0);
    const RunResult result = test::waitForResult(finished, 240000);
    QVERIFY2(result.ok, qPrintable(result.error));
    const RunLogModel &log = *dashboard.logModel();
    QVERIFY(logEntries(log, LogLevel::Warning, QStringLiteral("lost its connection")) >= 1);
    QVERIFY(logEntries(log, LogLevel::Info, QStringLiteral("attempt 2 of 5")) >= 1);
    QVERIFY(logEntries(log, LogLevel::Info, QStringLiteral("committed")) >= 1);
    QString error;
    const auto record = RunStore(controller.runsDirectory()).find(controller.recordId(), &error);
    QVERIFY2(record, qPrintable(error));
    QVERIFY(record->events.size() >= 3);
    QCOMPARE(record->summary.value(QStringLiteral("retries")).value_or(0) >= 1, true);
    QCOMPARE(countRows(pg.connectionString(), QStringLiteral("lineitem")),
             QStringLiteral("2000000"));
}

void TestMonitorPg::serverStoppedMidRunShowsError()
{
    test::PgFixture pg;
    QVERIFY2(pg.isReady(), qPrintable(pg.error()));
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("lineitem")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    controller.setRunsDirectory(m_dir.filePath(QStringLiteral("runs")));
    controller.setSettings(settingsFor(pg, 20000000));
    Dashboard dashboard;
    dashboard.resize(1280, 800);
    dashboard.setController(&controller);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QVERIFY(controller.start());
    QTRY_VERIFY_WITH_TIMEOUT(controller.lastSnapshot().rowsDone > 0 || !finished.isEmpty(), 120000);
    QVERIFY(finished.isEmpty());
    QVERIFY(pg.server().stop().isEmpty()); // the server goes away under the run
    const RunResult result = test::waitForResult(finished, 180000);
    QVERIFY(!result.ok);
    QVERIFY(!result.cancelled);
    QVERIFY(dashboard.isBannerVisible());
    QVERIFY(dashboard.logModel()->count(LogLevel::Error) >= 1);
    qInfo("error shown: %s", qPrintable(result.error.left(300)));
    dashboard.show();
    test::saveScreenshot(&dashboard, QStringLiteral("dashboard-server-gone"));
}

QTEST_MAIN(TestMonitorPg)
#include "test_monitor_pg.moc"
