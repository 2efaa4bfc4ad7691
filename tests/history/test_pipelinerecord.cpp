// The pipeline part of a run record: built from samples and lines within its bounds, kept in
// JSON and read back (records without it still read), its figures for --assert, the comparison
// per command and table, and the HTML report's pipeline sections.

#include "history/htmlreport.h"
#include "history/pipelinerecord.h"
#include "history/runassert.h"
#include "history/runcompare.h"
#include "history/runrecord.h"

#include <QJsonArray>
#include <QTest>

using namespace spillway;

namespace {

PipelineSample sampleAt(double t, double busyCpu, qint64 rss, double rate)
{
    PipelineSample s;
    s.elapsedSeconds = t;
    CommandSample busy;
    busy.command = 0;
    busy.running = true;
    busy.process.cpuPercent = busyCpu;
    busy.process.rssBytes = rss;
    busy.process.processes = 2;
    CommandSample idle;
    idle.command = 1;
    idle.running = true;
    idle.process.cpuPercent = 1;
    idle.process.rssBytes = 1000000;
    s.commands = {busy, idle};
    s.hasDatabase = true;
    TableActivity a;
    a.table = QStringLiteral("staging.orders");
    a.insertsPerSecond = rate;
    a.inserted = qint64(rate * t);
    s.database.tables = {a};
    SessionSummary etl, load, others;
    etl.total = 2;
    etl.active = 1;
    etl.waitEvents = {QStringLiteral("Lock:relation \u00d72")};
    s.database.sessions = {etl, load, others};
    return s;
}

PipelineRecord recordOf(double rate, qint64 rss)
{
    PipelineRecorder recorder;
    recorder.start({QStringLiteral("etl"), QStringLiteral("load")},
                   {QStringLiteral("python3 etl.py"), QStringLiteral("psql -f load.sql")}, {},
                   {QStringLiteral("staging.orders")});
    for (int i = 1; i <= 3; ++i)
        recorder.addSample(sampleAt(i, 90, rss * i, rate));
    PipelineIterationRecord it;
    it.seconds = 3;
    it.rows = 3 * rate;
    it.rowsPerSecond = rate;
    PipelineCommandRecord c;
    c.name = QStringLiteral("etl");
    c.exitCode = 0;
    c.seconds = 3;
    it.commands = {c, c};
    it.commands[1].name = QStringLiteral("load");
    recorder.addIteration(it);
    recorder.finish();
    return recorder.record();
}

} // namespace

class TestPipelineRecord : public QObject
{
    Q_OBJECT

private slots:
    void logKeepsFirstAndLastLines();
    void medianAndSpread();
    void seriesAndSessions();
    void jsonRoundTrip();
    void recordsWithoutPipelineStillRead();
    void summaryForAssert();
    void comparisonPerCommandAndTable();
    void htmlReportShowsPipeline();
};

void TestPipelineRecord::logKeepsFirstAndLastLines()
{
    PipelineRecorder recorder;
    recorder.start({QStringLiteral("etl")}, {QStringLiteral("true")}, {}, {});
    const int lines = PipelineRecord::kMaxLogLines + 1000;
    for (int i = 0; i < lines; ++i)
        recorder.addLine({0, double(i), i % 2 == 1, QString::number(i)});
    recorder.finish();
    const PipelineRecord &r = recorder.record();
    QCOMPARE(r.logLines, qint64(lines));
    QCOMPARE(r.log.size(), qsizetype(PipelineRecord::kMaxLogLines));
    QVERIFY(!r.logComplete());
    QCOMPARE(r.log.first().line.text, QStringLiteral("0"));
    QCOMPARE(r.log[PipelineRecord::kMaxLogLines / 2 - 1].line.text,
             QString::number(PipelineRecord::kMaxLogLines / 2 - 1));
    QCOMPARE(r.log.last().line.text, QString::number(lines - 1));
    QVERIFY(r.log.last().line.fromStderr);
}

void TestPipelineRecord::medianAndSpread()
{
    PipelineRecorder recorder;
    recorder.start({QStringLiteral("etl")}, {QStringLiteral("true")}, {}, {});
    for (double seconds : {4.0, 1.0, 3.0, 2.0}) {
        PipelineIterationRecord it;
        it.seconds = seconds;
        it.rowsPerSecond = 100 / seconds;
        recorder.addIteration(it);
    }
    const PipelineRecord &r = recorder.record();
    QCOMPARE(r.durationSeconds.median, 2.5);
    QCOMPARE(r.durationSeconds.min, 1.0);
    QCOMPARE(r.durationSeconds.max, 4.0);
    QCOMPARE(r.rowsPerSecond.max, 100.0);
    QCOMPARE(r.iterations.size(), 4);
}

void TestPipelineRecord::seriesAndSessions()
{
    const PipelineRecord r = recordOf(1000, 50000000);
    QCOMPARE(r.commandSeries.size(), 2);
    QCOMPARE(r.commandSeries[0].points.size(), 3);
    QCOMPARE(r.peakRssBytes(0), 150000000.0);
    QCOMPARE(r.meanCpuPercent(0), 90.0);
    QCOMPARE(r.meanCpuPercent(1), 1.0);
    QCOMPARE(r.tableSeries.size(), 1);
    QCOMPARE(r.tableSeries[0].column(QStringLiteral("inserts_per_s")),
             QList<double>({1000, 1000, 1000}));
    QCOMPARE(r.databaseSeries.points.size(), 3);
    QCOMPARE(r.sessions.size(), 3); // etl, load, others
    QCOMPARE(r.sessions[0].peakSessions, 2);
    QCOMPARE(r.sessions[0].waitEvents, QStringList{QStringLiteral("Lock:relation \u00d73")});
    QCOMPARE(r.sessions[2].name, QStringLiteral("others"));
}

void TestPipelineRecord::jsonRoundTrip()
{
    PipelineRecord r = recordOf(1000, 50000000);
    r.logFile = QStringLiteral("/runs/x.log");
    r.samplingCpuSeconds = 0.03;
    r.wallSeconds = 3;
    const PipelineRecord back = PipelineRecord::fromJson(r.toJson());
    QCOMPARE(back.toJson(), r.toJson());
    QCOMPARE(back.commands[0].name, QStringLiteral("etl"));
    QCOMPARE(back.peakRssBytes(0), 150000000.0);
    QCOMPARE(back.samplingOverheadPercent(), 1.0);
}

void TestPipelineRecord::recordsWithoutPipelineStillRead()
{
    RunRecorder recorder(QStringLiteral("generate"), {QStringLiteral("spillway-cli")});
    RunResult result;
    result.ok = true;
    recorder.finish(result);
    const QJsonObject json = recorder.record().toJson();
    QVERIFY(!json.contains(QLatin1String("pipeline")));
    QString error;
    const auto back = RunRecord::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(!back->pipeline);

    RunRecord withPipeline = recorder.record();
    withPipeline.kind = QStringLiteral("pipeline");
    withPipeline.pipeline = recordOf(10, 1000);
    const auto read = RunRecord::fromJson(withPipeline.toJson(), &error);
    QVERIFY(read && read->pipeline);
    QCOMPARE(read->pipeline->commands.size(), 2);
}

void TestPipelineRecord::summaryForAssert()
{
    RunSummary summary;
    recordOf(1000, 50000000).addSummary(summary);
    QCOMPARE(summary.value(QStringLiteral("duration_s")).value_or(-1), 3.0);
    QCOMPARE(summary.value(QStringLiteral("rows_per_s")).value_or(-1), 1000.0);
    QCOMPARE(summary.value(QStringLiteral("max_rss_mb")).value_or(-1), 150.0);
    QCOMPARE(summary.value(QStringLiteral("cpu_percent")).value_or(-1), 91.0);
    QString error;
    const auto t = Threshold::parse(QStringLiteral("max_rss_mb<=100"), &error);
    QVERIFY2(t, qPrintable(error));
    QVERIFY(!evaluate(*t, summary).passed);
    QVERIFY(Threshold::parse(QStringLiteral("cpu_percent<=400"), &error));
    QVERIFY(Threshold::parse(QStringLiteral("duration_s<=60"), &error));
}

void TestPipelineRecord::comparisonPerCommandAndTable()
{
    RunRecord a, b;
    a.pipeline = recordOf(1000, 50000000);
    b.pipeline = recordOf(2000, 100000000);
    const QList<MetricChange> changes = comparePipelines(a, b);
    QStringList names;
    for (const MetricChange &c : changes)
        names.append(c.name);
    QVERIFY2(names.contains(QStringLiteral("etl: peak RSS MB")), qPrintable(names.join(", ")));
    QVERIFY(names.contains(QStringLiteral("load: mean CPU %")));
    for (const MetricChange &c : changes) {
        if (c.name == QLatin1String("staging.orders: mean rows/s")) {
            QCOMPARE(c.percent, 100.0);
            QCOMPARE(c.verdict, 1);
        }
        if (c.name == QLatin1String("etl: peak RSS MB"))
            QCOMPARE(c.verdict, -1);
    }
    QVERIFY(comparePipelines(a, RunRecord()).isEmpty());
}

void TestPipelineRecord::htmlReportShowsPipeline()
{
    RunRecorder recorder(QStringLiteral("pipeline"), {QStringLiteral("spillway-cli")});
    RunResult result;
    result.ok = true;
    recorder.finish(result);
    RunRecord r = recorder.record();
    PipelineRecorder p;
    p.start({QStringLiteral("etl")}, {QStringLiteral("python3 etl.py")}, {},
            {QStringLiteral("staging.orders")});
    p.addSample(sampleAt(1, 50, 1000, 10));
    p.addSample(sampleAt(2, 50, 1000, 10));
    p.addLine({0, 0.5, false, QStringLiteral("<script>alert(1)</script>")});
    p.finish();
    r.pipeline = p.record();
    r.pipeline->logFile = QStringLiteral("/runs/r.log");
    const QString html = HtmlReport::forRun(r);
    QVERIFY(html.contains(QStringLiteral("<h2>Pipeline</h2>")));
    QVERIFY(html.contains(QStringLiteral("CPU per command")));
    QVERIFY(html.contains(QStringLiteral("Rows inserted per second, per target table")));
    QVERIFY(html.contains(QStringLiteral("/runs/r.log")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    const QString both = HtmlReport::forComparison(r, r);
    QVERIFY(both.contains(QStringLiteral("Pipeline commands and tables")));
}

QTEST_GUILESS_MAIN(TestPipelineRecord)
#include "test_pipelinerecord.moc"
