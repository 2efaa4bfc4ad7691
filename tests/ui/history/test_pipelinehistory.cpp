// Pipeline runs on the history page (issue 13): a record with the pipeline part (built by
// PipelineRecorder from samples and output lines, as the job builds it) is listed with kind
// "pipeline", kept through the run store, shown with its commands and exit statuses, the
// per-table, per-command and database charts and its output (the record's lines and the full
// log file), and two of them compare on the pipeline's own figures.

#include "history/compareview.h"
#include "history/historyview.h"
#include "history/runcharts.h"
#include "history/runcomparemodel.h"
#include "history/runlistmodel.h"
#include "history/runpropertiesmodel.h"
#include "history/runstore.h"
#include "history/runview.h"
#include "runfixtures.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway;
using namespace spillway::test;

namespace {

const QStringList kTables{QStringLiteral("staging.customer"), QStringLiteral("staging.orders")};

PipelineSample sampleAt(double t, double rate)
{
    PipelineSample s;
    s.elapsedSeconds = t;
    for (int i = 0; i < 2; ++i) {
        CommandSample c;
        c.command = i;
        c.running = true;
        c.process.cpuPercent = 40.0 + 10 * i;
        c.process.rssBytes = qint64(200 + 50 * i) * 1000000;
        s.commands << c;
    }
    s.hasDatabase = true;
    s.database.elapsedSeconds = t;
    s.database.walBytesPerSecond = 2e6;
    for (const QString &table : kTables) {
        TableActivity a;
        a.table = table;
        a.insertsPerSecond = rate;
        a.inserted = qint64(rate * t);
        s.database.tables << a;
    }
    for (int i = 0; i < 3; ++i) {
        SessionSummary sessions;
        sessions.total = 2;
        sessions.active = 1;
        sessions.waiting = i == 1 ? 1 : 0;
        sessions.waitEvents = {QStringLiteral("IO:DataFileRead")};
        s.database.sessions << sessions;
    }
    return s;
}

RunRecord pipelineRun(const QString &id, int day, double rate, int lines,
                      const QString &logFile = {})
{
    RunShape shape;
    shape.id = id;
    shape.kind = QStringLiteral("pipeline");
    shape.started = QDateTime(QDate(2026, 2, day), QTime(9, 0), Qt::UTC);
    shape.commits = false;
    RunRecord r = makeRun(shape);
    PipelineRecorder recorder;
    recorder.start({QStringLiteral("load"), QStringLiteral("check")},
                   {QStringLiteral("python3 etl.py"), QStringLiteral("./check.sh")}, QString(),
                   kTables);
    recorder.setIteration(0, 0);
    for (int t = 1; t <= 20; ++t)
        recorder.addSample(sampleAt(t, rate));
    for (int i = 0; i < lines; ++i) {
        PipelineLogLine line;
        line.command = i % 2;
        line.elapsedSeconds = i * 0.01;
        line.fromStderr = i % 7 == 0;
        line.text = QStringLiteral("line %1").arg(i);
        recorder.addLine(line);
    }
    PipelineIterationRecord iteration;
    iteration.seconds = 20;
    iteration.rows = rate * 20 * kTables.size();
    iteration.rowsPerSecond = rate * kTables.size();
    PipelineCommandRecord load;
    load.name = QStringLiteral("load");
    load.exitCode = 0;
    load.seconds = 20;
    PipelineCommandRecord check;
    check.name = QStringLiteral("check");
    check.exitCode = 3;
    check.seconds = 12;
    iteration.commands = {load, check};
    iteration.verified = true;
    iteration.verifyOk = true;
    recorder.addIteration(iteration);
    recorder.finish();
    PipelineRecord p = recorder.record();
    p.logFile = logFile;
    r.pipeline = p;
    p.addSummary(r.summary);
    return r;
}

} // namespace

class TestPipelineHistory : public QObject
{
    Q_OBJECT

private slots:
    void listedAndKept();
    void runViewShowsCommandsChartsAndLog();
    void fullLogFromTheFile();
    void comparesPipelineRuns();
};

void TestPipelineHistory::listedAndKept()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RunStore store(dir.path());
    const RunRecord run = pipelineRun(QStringLiteral("20260201-090000-pipeline-aaaa"), 1, 5000, 10);
    QVERIFY(store.save(run).isEmpty());
    QString error;
    const auto back = store.find(run.id, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(back->pipeline);
    QCOMPARE(back->pipeline->commands.size(), 2);
    RunListModel list;
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setRecords({*back});
    QCOMPARE(list.index(0, RunListModel::Kind).data().toString(), QStringLiteral("pipeline"));
    QVERIFY(list.index(0, RunListModel::RowsPerSecond).data().toString() != QStringLiteral("-"));
}

void TestPipelineHistory::runViewShowsCommandsChartsAndLog()
{
    const RunRecord run = pipelineRun(QStringLiteral("20260201-090000-pipeline-bbbb"), 1, 5000, 30);
    RunView view;
    view.resize(1200, 900);
    view.setRun(run);
    QStringList names;
    for (QChartView *chart : view.chartViews())
        names << chart->objectName();
    QVERIFY2(names.contains(QStringLiteral("pipelineTablesChart")), qPrintable(names.join(u',')));
    QVERIFY(names.contains(QStringLiteral("pipelineCommandsChart")));
    QVERIFY(names.contains(QStringLiteral("pipelineDatabaseChart")));
    for (QChartView *chart : view.chartViews()) {
        if (chart->objectName() != QLatin1String("pipelineTablesChart"))
            continue;
        QCOMPARE(chart->chart()->series().size(), kTables.size()); // one series per table
        auto *line = qobject_cast<QLineSeries *>(chart->chart()->series().first());
        QVERIFY(line && line->count() == 20);
    }
    // Commands with their exit statuses, first in the settings and result.
    RunPropertiesModel properties;
    QAbstractItemModelTester tester(&properties,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    properties.setRun(run);
    bool loadOk = false, checkFailed = false;
    for (const RunPropertiesModel::Entry &e : properties.entries()) {
        loadOk |= e.name == QLatin1String("load") && e.value.startsWith(QLatin1String("exit 0"));
        checkFailed |=
            e.name == QLatin1String("check") && e.value.startsWith(QLatin1String("exit 3"));
    }
    QVERIFY(loadOk);
    QVERIFY(checkFailed);
    // The output: every line the record kept, named by its command, stderr marked.
    const QString log = view.logView()->toPlainText();
    QCOMPARE(log.count(QLatin1Char('\n')) + 1, 30);
    QVERIFY(log.contains(QStringLiteral("[check] line 1")));
    QVERIFY(log.contains(QStringLiteral("! [load] line 0")));
    // A run of another kind has no output tab and no pipeline charts.
    RunShape shape;
    shape.id = QStringLiteral("20260201-100000-ingest-cccc");
    view.setRun(makeRun(shape));
    for (QChartView *chart : view.chartViews())
        QVERIFY(!chart->objectName().startsWith(QLatin1String("pipeline")));
}

void TestPipelineHistory::fullLogFromTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString logFile = dir.filePath(QStringLiteral("run.log"));
    {
        QFile f(logFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 10000; ++i)
            f.write(QStringLiteral("0.0 load line %1\n").arg(i).toUtf8());
    }
    // More lines than the record keeps: it holds the first and the last ones.
    const int lines = PipelineRecord::kMaxLogLines + 500;
    const RunRecord run =
        pipelineRun(QStringLiteral("20260201-090000-pipeline-dddd"), 1, 5000, lines, logFile);
    QVERIFY(!run.pipeline->logComplete());
    RunView view;
    view.setRun(run);
    const QString kept = view.logView()->toPlainText();
    QVERIFY(kept.contains(QLatin1String("left out")));
    QVERIFY(kept.contains(QStringLiteral("line %1").arg(lines - 1)));
    QVERIFY(view.showFullLog().isEmpty());
    QVERIFY(view.logView()->toPlainText().contains(QLatin1String("load line 9999")));
}

void TestPipelineHistory::comparesPipelineRuns()
{
    const RunRecord a = pipelineRun(QStringLiteral("20260201-090000-pipeline-aaaa"), 1, 5000, 5);
    const RunRecord b = pipelineRun(QStringLiteral("20260202-090000-pipeline-bbbb"), 2, 4000, 5);
    RunCompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(a, b);
    QStringList metrics;
    for (int row = 0; row < model.rowCount(); ++row)
        metrics << model.index(row, RunCompareModel::Metric).data().toString();
    QVERIFY2(metrics.contains(QStringLiteral("rows_per_s")), qPrintable(metrics.join(u',')));
    QVERIFY(metrics.contains(QStringLiteral("max_rss_mb")));
    QChart *chart = createCompareChart(a, b, QPalette());
    QCOMPARE(chart->series().size(), 2);
    auto *la = qobject_cast<QLineSeries *>(chart->series().at(0));
    QVERIFY(la && la->count() == 20);
    QCOMPARE(la->at(0).y(), 5000.0 * kTables.size()); // every target table together
    delete chart;
}

QTEST_MAIN(TestPipelineHistory)
#include "test_pipelinehistory.moc"
