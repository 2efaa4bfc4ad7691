// Run records: round trip, bounded series, masking, thresholds, and the CLI's recording,
// exit code 4 and runs list/show/compare.

#include "history/runassert.h"
#include "history/runrecord.h"
#include "history/runstore.h"
#include "history/secrets.h"

#include "../processsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace spillway;
using spillway::test::CliResult;
using spillway::test::runCli;

namespace {

RunSnapshot snapshotAt(double seconds, uint64_t rows)
{
    RunSnapshot s;
    s.elapsedSeconds = seconds;
    s.rowsDone = rows;
    s.rowsTotal = 1000000;
    s.bytesDone = rows * 100;
    s.rowsPerSecond = 50000 + 1000 * std::sin(seconds);
    s.bytesPerSecond = s.rowsPerSecond * 100;
    s.meanRowsPerSecond = seconds > 0 ? double(rows) / seconds : 0;
    s.meanBytesPerSecond = s.meanRowsPerSecond * 100;
    return s;
}

RunRecord sampleRecord()
{
    RunRecorder recorder(QStringLiteral("ingest"),
                         {QStringLiteral("spillway-cli"), QStringLiteral("ingest"),
                          QStringLiteral("example:lineitem")});
    recorder.record().settings.insert(QStringLiteral("seed"), QStringLiteral("42"));
    recorder.record().serverVersion = QStringLiteral("15.4");
    for (int i = 0; i <= 20; ++i) {
        RunSnapshot s = snapshotAt(i * 0.1, uint64_t(i) * 5000);
        s.commitLatency = {i, 10.0 + i, 20.0 + i, 30.0 + i, 40.0 + i};
        s.hasServerSample = i > 3;
        s.server.tuplesInsertedPerSecond = 48000;
        s.server.walBytesPerSecond = 6e6;
        recorder.addSnapshot(s);
    }
    RunResult result;
    result.ok = true;
    result.last = snapshotAt(2.0, 100000);
    result.last.commitLatency = {20, 30, 40, 50, 60};
    result.last.tables = {{QStringLiteral("orders"), 60000, 60000, 6000000},
                          {QStringLiteral("lines"), 40000, 40000, 4000000}};
    recorder.finish(result);
    Threshold t = *Threshold::parse(QStringLiteral("rows_per_s>=1000"), nullptr);
    recorder.record().thresholds.append(evaluate(t, recorder.record().summary));
    recorder.record().verify = QJsonObject{{QStringLiteral("ok"), true}};
    return recorder.record();
}

} // namespace

class TestRuns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recordRoundTrip();
    void eventTexts_data();
    void eventTexts();
    void eventsAreRecordedOnce();
    void storeFindsRuns();
    void seriesStaysBounded();
    void maskConnectionString_data();
    void maskConnectionString();
    void recordHoldsNoPassword();
    void parseThreshold_data();
    void parseThreshold();
    void evaluateThreshold_data();
    void evaluateThreshold();
    void cliExitsWith4OnViolation();
    void cliRejectsBadAssert();
    void cliListsShowsAndComparesRuns();

private:
    QTemporaryDir m_dir;
};

void TestRuns::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestRuns::recordRoundTrip()
{
    const RunRecord record = sampleRecord();
    QCOMPARE(record.status, RunStatus::Ok);
    QCOMPARE(record.tables.size(), 2);
    QCOMPARE(record.summary.value(QStringLiteral("rows")), 100000.0);
    QCOMPARE(record.summary.value(QStringLiteral("p95_commit_ms")), 40.0);
    QCOMPARE(record.summary.value(QStringLiteral("server_tuples_per_s")), 48000.0);
    QVERIFY(!record.summary.value(QStringLiteral("retries")));
    const QJsonObject json = record.toJson();
    QString error;
    const auto back = RunRecord::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), json);
    QCOMPARE(back->id, record.id);
    QCOMPARE(back->started, record.started);
    QCOMPARE(back->series.size(), record.series.size());
    QCOMPARE(back->thresholds.size(), 1);
    QVERIFY(back->thresholds.first().passed);
    QCOMPARE(back->verify.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(back->machine.cores, record.machine.cores);
    QVERIFY(!back->machine.hostname.isEmpty());
    // A file run measures no commit times: the column is left out, not filled with zeros.
    RunRecorder files(QStringLiteral("generate"), {});
    files.addSnapshot(snapshotAt(0.5, 10));
    QVERIFY(!seriesToJson(files.record().series).contains(QLatin1String("p95_commit_ms")));

    QVERIFY(!RunRecord::fromJson(QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}}, &error));
    QVERIFY(error.contains(QLatin1String("not a Spillway run record")));
}

void TestRuns::eventTexts_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QString>("text");
    QTest::newRow("lost while committing")
        << int(RunEvent::Kind::ConnectionLost) << QStringLiteral("committing")
        << QStringLiteral("worker 2 lost its connection while committing (table 'lineitem', "
                          "chunk 17): server closed the connection unexpectedly");
    QTest::newRow("could not connect")
        << int(RunEvent::Kind::ConnectionLost) << QStringLiteral("connecting")
        << QStringLiteral("worker 2 could not connect (table 'lineitem', chunk 17): server "
                          "closed the connection unexpectedly");
    QTest::newRow("retry") << int(RunEvent::Kind::Retry) << QString()
                           << QStringLiteral("worker 2 retries table 'lineitem', chunk 17: "
                                             "attempt 3 of 9 in 500 ms");
    QTest::newRow("committed") << int(RunEvent::Kind::LedgerCommitted) << QString()
                               << QStringLiteral("Table 'lineitem', chunk 17 was committed "
                                                 "before the connection was lost: not sent again");
    QTest::newRow("not committed") << int(RunEvent::Kind::LedgerNotCommitted) << QString()
                                   << QStringLiteral("Table 'lineitem', chunk 17 was not "
                                                     "committed: sending again");
    QTest::newRow("paused") << int(RunEvent::Kind::Paused) << QString()
                            << QStringLiteral("the run paused after 134,336 rows (42 s into the "
                                              "run)");
    QTest::newRow("resumed") << int(RunEvent::Kind::Resumed) << QString()
                             << QStringLiteral("the run resumed after a pause of 8.0 s");
}

static RunEvent sampleEvent(RunEvent::Kind kind, const QString &phase = {})
{
    RunEvent e;
    e.kind = kind;
    e.time = QDateTime(QDate(2026, 12, 3), QTime(14, 0, 1, 250), Qt::UTC);
    e.worker = 2;
    e.table = QStringLiteral("lineitem");
    e.chunk = 17;
    e.attempt = 3;
    e.attempts = 9;
    e.delayMs = 500;
    e.phase = phase;
    e.error = QStringLiteral("server closed the connection unexpectedly");
    e.rows = 134336;
    e.elapsedSeconds = 42;
    e.pausedSeconds = 8;
    return e;
}

void TestRuns::eventTexts()
{
    QFETCH(int, kind);
    QFETCH(QString, phase);
    QFETCH(QString, text);
    const RunEvent e = sampleEvent(RunEvent::Kind(kind), phase);
    QCOMPARE(e.text(), text);
    const QJsonObject json = e.toJson();
    QCOMPARE(json.value(QLatin1String("message")).toString(), text);
    QCOMPARE(json.value(QLatin1String("time")).toString(),
             QStringLiteral("2026-12-03T14:00:01.250Z"));
    const RunEvent back = RunEvent::fromJson(json);
    QCOMPARE(back.toJson(), json);
    QCOMPARE(back.time, e.time);
}

void TestRuns::eventsAreRecordedOnce()
{
    // Each snapshot carries the events since the previous one; the record keeps them in order
    // (kept snapshots or not), and an ingest's summary counts its retries.
    RunRecorder recorder(QStringLiteral("ingest"), {});
    for (int i = 0; i < 10; ++i) {
        RunSnapshot s = snapshotAt(i * 0.1, uint64_t(i) * 100);
        s.workers = {WorkerState::Copying};
        if (i == 3)
            s.events = {sampleEvent(RunEvent::Kind::ConnectionLost, QStringLiteral("copying")),
                        sampleEvent(RunEvent::Kind::Retry)};
        if (i == 4)
            s.events = {sampleEvent(RunEvent::Kind::LedgerNotCommitted)};
        recorder.addSnapshot(s);
    }
    RunResult result;
    result.ok = true;
    result.last = snapshotAt(1.0, 1000);
    result.last.workers = {WorkerState::Done};
    recorder.finish(result);
    const RunRecord &record = recorder.record();
    QCOMPARE(record.events.size(), 3);
    QCOMPARE(record.events.at(2).kind, RunEvent::Kind::LedgerNotCommitted);
    QCOMPARE(record.summary.value(QStringLiteral("retries")), 1.0);
    QString error;
    const auto back = RunRecord::fromJson(record.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->events.size(), 3);
    QCOMPARE(back->toJson().value(QLatin1String("events")),
             record.toJson().value(QLatin1String("events")));
}

void TestRuns::storeFindsRuns()
{
    const RunStore store(m_dir.filePath(QStringLiteral("store")));
    RunRecord a = sampleRecord(), b = sampleRecord();
    a.id = QStringLiteral("20260101-000000-generate-aaaa");
    b.id = QStringLiteral("20260102-000000-ingest-bbbb");
    b.started = a.started.addDays(1);
    QCOMPARE(store.save(b), QString());
    QCOMPARE(store.save(a), QString());
    const QList<RunRecord> all = store.list();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.first().id, a.id);
    QString error;
    QCOMPARE(store.find(QStringLiteral("latest"), &error)->id, b.id);
    QCOMPARE(store.find(QStringLiteral("latest~1"), &error)->id, a.id);
    QCOMPARE(store.find(QStringLiteral("20260102"), &error)->id, b.id);
    QVERIFY(!store.find(QStringLiteral("2026"), &error));
    QVERIFY(error.contains(QLatin1String("matches 2 runs")));
    QVERIFY(!store.find(QStringLiteral("latest~5"), &error));
    QCOMPARE(store.find(store.fileName(a.id), &error)->id, a.id); // a baseline file
    QCOMPARE(store.attachVerify(QStringLiteral("20260101"),
                                QJsonObject{{QStringLiteral("mismatches"), 0}}),
             QString());
    QCOMPARE(store.find(a.id, &error)->verify.value(QLatin1String("mismatches")).toInt(), 0);
}

void TestRuns::seriesStaysBounded()
{
    // Ten hours at ten snapshots a second.
    RunRecorder recorder(QStringLiteral("generate"), {});
    const int snapshots = 10 * 3600 * 10;
    for (int i = 0; i < snapshots; ++i)
        recorder.addSnapshot(snapshotAt(i * 0.1, uint64_t(i) * 1000));
    const QList<RunSample> &series = recorder.record().series;
    QVERIFY2(series.size() <= RunRecorder::kMaxSamples, qPrintable(QString::number(series.size())));
    QVERIFY(series.size() >= RunRecorder::kMaxSamples / 2);
    const double step = series[1].elapsedSeconds - series[0].elapsedSeconds;
    for (qsizetype i = 1; i < series.size(); ++i)
        QCOMPARE(qRound((series[i].elapsedSeconds - series[i - 1].elapsedSeconds) * 10),
                 qRound(step * 10));
    RunResult result;
    result.ok = true;
    result.last = snapshotAt(36000, uint64_t(snapshots) * 1000);
    recorder.finish(result);
    QCOMPARE(recorder.record().series.last().elapsedSeconds, 36000.0);
    QVERIFY(recorder.record().series.size() <= RunRecorder::kMaxSamples);
}

void TestRuns::maskConnectionString_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("uri") << QStringLiteral("postgresql://u:secret@h/db")
                         << QStringLiteral("postgresql://u:****@h/db");
    QTest::newRow("uri with port and query")
        << QStringLiteral("postgres://u:secret@h:5432/db?sslmode=require")
        << QStringLiteral("postgres://u:****@h:5432/db?sslmode=require");
    QTest::newRow("uri password with @") << QStringLiteral("postgresql://u:se@cret@h/db")
                                         << QStringLiteral("postgresql://u:****@h/db");
    QTest::newRow("uri without password")
        << QStringLiteral("postgresql://u@h/db") << QStringLiteral("postgresql://u@h/db");
    QTest::newRow("uri query password")
        << QStringLiteral("postgresql://h/db?user=u&password=secret&sslmode=disable")
        << QStringLiteral("postgresql://h/db?user=u&password=****&sslmode=disable");
    QTest::newRow("key=value") << QStringLiteral("host=h password=secret dbname=d")
                               << QStringLiteral("host=h password=**** dbname=d");
    QTest::newRow("spaces and quotes") << QStringLiteral("host=h password = 'sec \\' ret' user=u")
                                       << QStringLiteral("host=h password = **** user=u");
    QTest::newRow("sslpassword") << QStringLiteral("sslpassword=secret host=h")
                                 << QStringLiteral("sslpassword=**** host=h");
    QTest::newRow("option=value") << QStringLiteral("--db=password=secret")
                                  << QStringLiteral("--db=password=****");
    QTest::newRow("no connection")
        << QStringLiteral("example:lineitem") << QStringLiteral("example:lineitem");
}

void TestRuns::maskConnectionString()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(spillway::maskConnectionString(input), expected);
}

void TestRuns::recordHoldsNoPassword()
{
    const QStringList commandLine{QStringLiteral("spillway-cli"),
                                  QStringLiteral("ingest"),
                                  QStringLiteral("--db"),
                                  QStringLiteral("postgresql://u:secret@h/db"),
                                  QStringLiteral("--db"),
                                  QStringLiteral("host=h password=secret"),
                                  QStringLiteral("--db=postgresql://u:secret@h/db")};
    RunRecorder recorder(QStringLiteral("ingest"), commandLine);
    recorder.record().settings.insert(QStringLiteral("target"),
                                      QStringLiteral("host=h password=secret"));
    recorder.record().settings.insert(
        QStringLiteral("targets"),
        QJsonArray{QJsonObject{{QStringLiteral("db"), QStringLiteral("postgresql://u:secret@h")}}});
    RunResult result;
    result.error = QStringLiteral("could not connect to postgresql://u:secret@h/db");
    recorder.finish(result);
    recorder.record().commandLine = commandLine; // even if a caller bypasses the recorder
    recorder.record().verify =
        QJsonObject{{QStringLiteral("db"), QStringLiteral("password=secret")}};
    const RunStore store(m_dir.filePath(QStringLiteral("masked")));
    QCOMPARE(store.save(recorder.record()), QString());
    QFile file(store.fileName(recorder.record().id));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("u:****@h"));
    QVERIFY2(!bytes.contains("secret"), bytes.constData());
}

void TestRuns::parseThreshold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("op");
    QTest::addColumn<double>("value");
    QTest::newRow(">=") << "rows_per_s>=500000" << true << "rows_per_s"
                        << ">=" << 500000.0;
    QTest::newRow("<= spaced") << " p95_commit_ms <= 2000 " << true << "p95_commit_ms"
                               << "<=" << 2000.0;
    QTest::newRow("exponent") << "rows_per_s>=1e15" << true << "rows_per_s"
                              << ">=" << 1e15;
    QTest::newRow("suffix") << "rows_per_s>2.5M" << true << "rows_per_s"
                            << ">" << 2.5e6;
    QTest::newRow("separators") << "rows==10,000" << true << "rows"
                                << "==" << 10000.0;
    QTest::newRow("<") << "elapsed_s<60" << true << "elapsed_s"
                       << "<" << 60.0;
    QTest::newRow("unknown metric") << "speed>=1" << false << ""
                                    << "" << 0.0;
    QTest::newRow("single =") << "rows=1" << false << ""
                              << "" << 0.0;
    QTest::newRow("no operator") << "rows_per_s 5" << false << ""
                                 << "" << 0.0;
    QTest::newRow("not a number") << "rows_per_s>=fast" << false << ""
                                  << "" << 0.0;
    QTest::newRow("empty") << "" << false << ""
                           << "" << 0.0;
}

void TestRuns::parseThreshold()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    const auto t = Threshold::parse(text, &error);
    QCOMPARE(bool(t), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QFETCH(QString, metric);
    QFETCH(QString, op);
    QFETCH(double, value);
    QCOMPARE(t->metric, metric);
    QCOMPARE(Threshold::opText(t->op), op);
    QCOMPARE(t->value, value);
}

void TestRuns::evaluateThreshold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("actual"); // NaN: not measured
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("message");
    QTest::newRow("below") << "rows_per_s>=500000" << 412345.0 << false
                           << "rows_per_s = 412,345 is below the threshold 500,000 by 87,655 "
                              "(17.5%)";
    QTest::newRow("holds") << "rows_per_s>=500000" << 500000.0 << true << "";
    QTest::newRow("above") << "p95_commit_ms<=2000" << 2500.0 << false
                           << "p95_commit_ms = 2,500 is above the threshold 2,000 by 500 (25.0%)";
    QTest::newRow("strict equal") << "rows_per_s>100" << 100.0 << false
                                  << "rows_per_s = 100 is not above the threshold 100";
    QTest::newRow("equal") << "rows==10000" << 9999.0 << false
                           << "rows = 9,999 is not equal to the threshold 10,000, off by 1 (0.0%)";
    QTest::newRow("not measured") << "p95_commit_ms<=2000" << qQNaN() << false
                                  << "p95_commit_ms was not measured by this run, so "
                                     "'p95_commit_ms<=2000' cannot hold";
}

void TestRuns::evaluateThreshold()
{
    QFETCH(QString, text);
    QFETCH(double, actual);
    QFETCH(bool, passed);
    QFETCH(QString, message);
    const auto t = Threshold::parse(text, nullptr);
    QVERIFY(t);
    RunSummary summary;
    summary.set(t->metric, actual);
    const ThresholdResult r = evaluate(*t, summary);
    QCOMPARE(r.passed, passed);
    QCOMPARE(r.message, message);
}

void TestRuns::cliExitsWith4OnViolation()
{
    const QString out = m_dir.filePath(QStringLiteral("out1"));
    const QString runs = m_dir.filePath(QStringLiteral("cli-runs"));
    const CliResult r = runCli({QStringLiteral("generate"), QStringLiteral("example:lineitem"),
                                QStringLiteral("--rows"), QStringLiteral("10000"),
                                QStringLiteral("--out"), out, QStringLiteral("--runs-dir"), runs,
                                QStringLiteral("--assert"), QStringLiteral("rows_per_s>=1e15"),
                                QStringLiteral("--assert"), QStringLiteral("rows==10000")});
    QVERIFY2(r.exitCode == 4, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("threshold violated: rows_per_s = ")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("is below the threshold 1,000,000,000,000,000")));
    QVERIFY(!r.err.contains(QLatin1String("threshold violated: rows =")));
    const RunStore store(runs);
    QString error;
    const auto record = store.find(QStringLiteral("latest"), &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->kind, QStringLiteral("generate"));
    QCOMPARE(record->statusText(), QStringLiteral("violated"));
    QCOMPARE(record->thresholds.size(), 2);
    QVERIFY(!record->thresholds[0].passed);
    QVERIFY(record->thresholds[1].passed);
    QCOMPARE(record->summary.value(QStringLiteral("rows")), 10000.0);
    QCOMPARE(record->settings.value(QLatin1String("schema_file")).toString(),
             QStringLiteral("example:lineitem"));
    QCOMPARE(record->settings.value(QLatin1String("format")).toString(), QStringLiteral("csv"));
    QVERIFY(!record->settings.value(QLatin1String("schema_hash")).toString().isEmpty());
    QCOMPARE(record->commandLine.mid(0, 3),
             QStringList({QStringLiteral("spillway-cli"), QStringLiteral("generate"),
                          QStringLiteral("example:lineitem")}));
    QVERIFY(!record->series.isEmpty());
    QCOMPARE(record->tables.size(), 1);

    // Thresholds that hold leave the exit code alone; --no-record writes nothing.
    const CliResult ok = runCli({QStringLiteral("generate"), QStringLiteral("example:lineitem"),
                                 QStringLiteral("--rows"), QStringLiteral("1000"),
                                 QStringLiteral("--out"), out + QStringLiteral("b"),
                                 QStringLiteral("--runs-dir"), runs, QStringLiteral("--no-record"),
                                 QStringLiteral("--assert"), QStringLiteral("rows>=1000")});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QCOMPARE(store.ids().size(), 1);
}

void TestRuns::cliRejectsBadAssert()
{
    const CliResult r = runCli({QStringLiteral("generate"), QStringLiteral("example:lineitem"),
                                QStringLiteral("--rows"), QStringLiteral("10"),
                                QStringLiteral("--out"), m_dir.filePath(QStringLiteral("out2")),
                                QStringLiteral("--runs-dir"), m_dir.filePath(QStringLiteral("x")),
                                QStringLiteral("--assert"), QStringLiteral("speed>=1")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("there is no metric 'speed'")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("p95_commit_ms")));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("x"))));
}

void TestRuns::cliListsShowsAndComparesRuns()
{
    const QString runs = m_dir.filePath(QStringLiteral("cli-runs2"));
    for (const QString &rows : {QStringLiteral("5000"), QStringLiteral("20000")}) {
        const CliResult r = runCli(
            {QStringLiteral("generate"), QStringLiteral("example:lineitem"),
             QStringLiteral("--rows"), rows, QStringLiteral("--quiet"), QStringLiteral("--out"),
             m_dir.filePath(QStringLiteral("out-") + rows), QStringLiteral("--runs-dir"), runs});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTest::qWait(1100); // distinct start seconds keep the ids in start order
    }
    const QStringList ids = RunStore(runs).ids();
    QCOMPARE(ids.size(), 2);

    const CliResult list = runCli(
        {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--runs-dir"), runs});
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    QVERIFY(list.outText().contains(ids[0]) && list.outText().contains(ids[1]));
    QVERIFY(list.outText().contains(QLatin1String("ROWS/S")));
    QVERIFY(list.outText().contains(QLatin1String("20,000")));

    const CliResult listJson =
        runCli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--runs-dir"), runs,
                QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(listJson.out).array().size(), 2);

    const CliResult show = runCli({QStringLiteral("runs"), QStringLiteral("show"), ids[1].left(22),
                                   QStringLiteral("--runs-dir"), runs});
    QVERIFY2(show.exitCode == 0, qPrintable(show.err));
    for (const char *part : {"Settings", "Summary", "Tables", "rows_per_s", "lineitem", "Machine"})
        QVERIFY2(show.outText().contains(QLatin1String(part)), part);

    const CliResult compare =
        runCli({QStringLiteral("runs"), QStringLiteral("compare"), QStringLiteral("latest~1"),
                QStringLiteral("latest"), QStringLiteral("--runs-dir"), runs});
    QVERIFY2(compare.exitCode == 0, qPrintable(compare.err));
    QVERIFY2(compare.outText().contains(QLatin1String("+300.0%")), qPrintable(compare.outText()));
    QVERIFY(compare.outText().contains(QLatin1String("Settings that differ")));
    QVERIFY(compare.outText().contains(QLatin1String("5,000")));

    const CliResult compareJson =
        runCli({QStringLiteral("runs"), QStringLiteral("compare"), ids[0], ids[1],
                QStringLiteral("--runs-dir"), runs, QStringLiteral("--json")});
    const QJsonObject o = QJsonDocument::fromJson(compareJson.out).object();
    QCOMPARE(o.value(QLatin1String("a")).toString(), ids[0]);
    bool rowsDiffer = false;
    for (const QJsonValue &v : o.value(QLatin1String("settings_differ")).toArray())
        rowsDiffer |=
            v.toObject().value(QLatin1String("setting")).toString() == QLatin1String("rows");
    QVERIFY(rowsDiffer);

    const CliResult missing = runCli({QStringLiteral("runs"), QStringLiteral("show"),
                                      QStringLiteral("nope"), QStringLiteral("--runs-dir"), runs});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QLatin1String("no run 'nope'")));
}

QTEST_GUILESS_MAIN(TestRuns)
#include "test_runs.moc"
