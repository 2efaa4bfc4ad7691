// A real short pipeline from the GUI's run controller against a private PostgreSQL
// (PgFixture's server, used as the embedded local server): the commands' output reaches the
// dashboard's log named by command (stderr as a warning), the database and the processes are
// sampled into the pipeline page, the exit statuses and the verify result are shown, and the
// run is recorded with kind "pipeline" and its pipeline part. One command loads the generated
// file with psql, so verify passes.

#include "history/runstore.h"
#include "monitortestsupport.h"
#include "pgfixture.h"
#include "run/pipelinemodels.h"
#include "run/pipelineview.h"
#include "run/runlogmodel.h"

#include <QFile>
#include <QTemporaryDir>

using namespace spillway;

namespace {

const char *const kSchema = R"({"format": "spillway-schema", "version": 1, "name": "tiny",
  "seed": 7, "tables": [{"name": "t", "rows": 3000, "columns": [
    {"name": "id", "type": "bigint", "primaryKey": true,
     "generator": {"kind": "sequence", "start": 1}},
    {"name": "v", "type": "integer", "generator": {"kind": "uniform", "min": 1, "max": 1000}}]}]})";

} // namespace

class TestPipelineGuiPg : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pipelineThroughController();

private:
    QTemporaryDir m_dir;
};

void TestPipelineGuiPg::initTestCase()
{
    qRegisterMetaType<RunResult>();
    qRegisterMetaType<RunSnapshot>();
    QVERIFY(m_dir.isValid());
}

void TestPipelineGuiPg::pipelineThroughController()
{
    test::PgFixture pg;
    QVERIFY2(pg.isReady(), qPrintable(pg.error()));
    const QString schemaFile = m_dir.filePath(QStringLiteral("tiny.json"));
    {
        QFile f(schemaFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kSchema);
    }
    SchemaDocument doc;
    QVERIFY(doc.load(schemaFile).isEmpty());
    QVERIFY(doc.compiled());
    RunController controller;
    controller.setDocument(&doc);
    controller.setRunsDirectory(m_dir.filePath(QStringLiteral("runs")));
    RunSettings s;
    s.target = RunTarget::Pipeline;
    s.serverDir = pg.serverDir(); // running already: the run leaves it running
    s.workers = 2;
    s.pipeline.commands = {
        {QStringLiteral("hello"), QStringLiteral("sh -c 'echo hello; echo careful >&2'")},
        {QStringLiteral("load"),
         QStringLiteral("psql -v ON_ERROR_STOP=1 -q -c 'create table t (id bigint, v "
                        "integer)' -c \"\\copy t from '$SPILLWAY_FILES/t.csv' csv header\" "
                        "&& echo loaded")}};
    QString error;
    QVERIFY2(s.problems().isEmpty(), qPrintable(s.problems().join(u'\n')));
    controller.setSettings(s);
    Dashboard dashboard;
    dashboard.resize(1280, 800);
    dashboard.setController(&controller);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QSignalSpy started(&controller, &RunController::pipelineStarted);
    QSignalSpy outcomes(&controller, &RunController::commandFinished);
    QVERIFY(controller.start());
    const RunResult result = test::waitForResult(finished, 180000);
    dashboard.flushOutput();
    QStringList lines; // what the run said, for a failure's message
    for (int row = 0; row < dashboard.logModel()->rowCount(); ++row)
        lines << RunLogModel::messageText(dashboard.logModel()->entry(row)) + QLatin1Char(' ') +
                     dashboard.logModel()->entry(row).details;
    QVERIFY2(result.ok, qPrintable(result.error + QLatin1Char('\n') + lines.join(u'\n')));
    QCOMPARE(started.size(), 1);
    QCOMPARE(outcomes.size(), 2);
    QVERIFY(dashboard.isPipelineShown());
    dashboard.flushOutput();
    const RunLogModel &log = *dashboard.logModel();
    bool hello = false, careful = false;
    for (int row = 0; row < log.rowCount(); ++row) {
        const RunLogModel::Entry &e = log.entry(row);
        hello |= e.source == QLatin1String("hello") && e.text == QLatin1String("hello") &&
                 e.level == LogLevel::Info;
        careful |= e.source == QLatin1String("hello") && e.text == QLatin1String("careful") &&
                   e.level == LogLevel::Warning;
    }
    QVERIFY(hello);
    QVERIFY(careful);
    PipelineView *view = dashboard.pipelineView();
    QCOMPARE(view->commandModel()->rowCount(), 2);
    QVERIFY(view->commandModel()
                ->index(1, CommandActivityModel::StateColumn)
                .data()
                .toString()
                .startsWith(QLatin1String("exit 0")));
    QVERIFY2(view->verifyText().contains(QLatin1String("Verify: all 1 table")),
             qPrintable(view->verifyText()));
    dashboard.show();
    test::saveScreenshot(&dashboard, QStringLiteral("dashboard-pipeline-done"));
    const auto record = RunStore(controller.runsDirectory()).find(controller.recordId(), &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->kind, QStringLiteral("pipeline"));
    QVERIFY(record->pipeline);
    QCOMPARE(record->pipeline->commands.size(), 2);
    QVERIFY(record->pipeline->commands.at(0).succeeded());
    QVERIFY(!record->verify.isEmpty());
    QVERIFY(record->commandLine.contains(QStringLiteral("pipeline")));
}

QTEST_MAIN(TestPipelineGuiPg)
#include "test_pipelinegui_pg.moc"
