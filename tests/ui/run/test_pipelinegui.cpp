// The "Your pipeline" target offscreen (issue 13): the map editor's model round-trips a map
// file and edits it, the command list adds, moves and removes, the run panel builds the
// PipelineOptions and the spillway-cli command from its widgets, keeps them across a restart and
// refuses to run without a command, and the dashboard draws PipelineSamples and keeps its log
// bounded under 100k output lines. Every new model runs under QAbstractItemModelTester.

#include "monitortestsupport.h"
#include "run/commandlistmodel.h"
#include "run/mapeditor.h"
#include "run/mapmodel.h"
#include "run/pipelinemodels.h"
#include "run/pipelinepage.h"
#include "run/pipelineview.h"
#include "run/runlogmodel.h"
#include "run/runpanel.h"
#include "shell/settings.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

using namespace spillway;

namespace {

const char *const kMap = R"json({"tables": {
  "customers": {"target": "staging.customer"},
  "orders": {"target": "staging.orders_clean",
             "columns": {"id": "order_id", "status": {"expr": "upper(status)"},
                         "total": {"target": "total_eur", "cast": "numeric(14,1)"},
                         "note": null}},
  "retired": {"target": "old.retired", "columns": {"gone": "still_gone"}}
}})json";

// Fits the ecommerce example (kMap names a table it lacks).
const char *const kFittingMap = R"json({"tables": {
  "orders": {"target": "staging.orders_clean", "columns": {"id": "order_id", "note": null}}}})json";

VerifyMap parsed(const char *json)
{
    QString error;
    const auto map = VerifyMap::fromJson(QByteArray(json), QStringLiteral("test.json"), &error);
    if (!map)
        qFatal("map: %s", qPrintable(error));
    return *map;
}

QModelIndex tableIndex(const MapModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data().toString() == name)
            return model.index(row, 0);
    }
    return {};
}

QModelIndex columnIndex(const MapModel &model, const QString &table, const QString &column,
                        int modelColumn)
{
    const QModelIndex parent = tableIndex(model, table);
    for (int row = 0; row < model.rowCount(parent); ++row) {
        if (model.index(row, 0, parent).data().toString() == column)
            return model.index(row, modelColumn, parent);
    }
    return {};
}

PipelineSample sample(double t, int commands, const QStringList &tables)
{
    PipelineSample s;
    s.elapsedSeconds = t;
    for (int i = 0; i < commands; ++i) {
        CommandSample c;
        c.command = i;
        c.running = true;
        c.process.cpuPercent = 50.0 * (i + 1);
        c.process.rssBytes = qint64(100 + i) * 1000000;
        c.process.processes = 2;
        s.commands << c;
    }
    s.hasDatabase = true;
    s.database.elapsedSeconds = t;
    s.database.walBytesPerSecond = 4e6;
    s.database.checkpoints = 2;
    s.database.tempFiles = 1;
    s.database.tempBytes = 8 << 20;
    for (const QString &table : tables) {
        TableActivity a;
        a.table = table;
        a.insertsPerSecond = 1000 * t;
        a.inserted = qint64(1000 * t * t);
        s.database.tables << a;
    }
    for (int i = 0; i <= commands; ++i) { // one per command, then the others
        SessionSummary sessions;
        sessions.total = 3;
        sessions.active = 2;
        sessions.waiting = 1;
        sessions.idleInTransaction = i;
        sessions.waitEvents = {QStringLiteral("Lock:relation ×1")};
        s.database.sessions << sessions;
    }
    return s;
}

} // namespace

class TestPipelineGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mapModelRoundTrips();
    void mapModelEdits();
    void mapEditorSavesAndLoads();
    void commandListEdits();
    void panelBuildsPipelineOptions();
    void panelRefusesWithoutCommand();
    void panelSettingsSurviveRestart();
    void dashboardDrawsSamples();
    void logStaysBounded();

private:
    QTemporaryDir m_dir;
};

void TestPipelineGui::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
}

void TestPipelineGui::mapModelRoundTrips()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    MapModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSchema(doc.schema());
    QCOMPARE(model.rowCount(), int(doc.schema().tables.size()));
    QVERIFY(model.map().isEmpty()); // nothing renamed: an empty map
    const VerifyMap map = parsed(kMap);
    model.setMap(map);
    QCOMPARE(QJsonDocument(model.map().toJson()).toJson(), QJsonDocument(map.toJson()).toJson());
    // The table the schema does not have is listed after the schema's, marked.
    const QModelIndex retired = tableIndex(model, QStringLiteral("retired"));
    QVERIFY(retired.isValid());
    QCOMPARE(retired.data(MapModel::InSchemaRole).toBool(), false);
    QCOMPARE(retired.row(), model.rowCount() - 1);
    // A schema edit keeps the map.
    model.setSchema(doc.schema());
    QCOMPARE(QJsonDocument(model.map().toJson()).toJson(), QJsonDocument(map.toJson()).toJson());
    const QModelIndex dropped = columnIndex(model, QStringLiteral("orders"), QStringLiteral("note"),
                                            MapModel::DroppedColumn);
    QVERIFY(dropped.isValid());
    QCOMPARE(dropped.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    model.clearMap();
    QVERIFY(model.map().isEmpty());
}

void TestPipelineGui::mapModelEdits()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    MapModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSchema(doc.schema());
    QSignalSpy edited(&model, &MapModel::mapEdited);
    const QModelIndex orders = tableIndex(model, QStringLiteral("orders"));
    QVERIFY(model.setData(orders.siblingAtColumn(MapModel::TargetColumn),
                          QStringLiteral(" staging.orders_clean ")));
    const QModelIndex id =
        columnIndex(model, QStringLiteral("orders"), QStringLiteral("id"), MapModel::TargetColumn);
    QVERIFY(model.setData(id, QStringLiteral("order_id")));
    QVERIFY(model.setData(id.siblingAtColumn(MapModel::CastColumn), QStringLiteral("bigint")));
    const QModelIndex status = columnIndex(model, QStringLiteral("orders"),
                                           QStringLiteral("status"), MapModel::DroppedColumn);
    QVERIFY(model.setData(status, int(Qt::Checked), Qt::CheckStateRole));
    QCOMPARE(status.siblingAtColumn(MapModel::TargetColumn).data().toString(),
             QStringLiteral("(dropped)"));
    QCOMPARE(edited.size(), 4);
    // Setting what is there already is no edit.
    QVERIFY(!model.setData(id, QStringLiteral("order_id")));
    const VerifyMap map = model.map();
    QCOMPARE(map.tables.size(), 1);
    QCOMPARE(map.targetColumn(QStringLiteral("orders"), QStringLiteral("id")),
             QStringLiteral("order_id"));
    QCOMPARE(map.targetColumn(QStringLiteral("orders"), QStringLiteral("status")), QString());
    QCOMPARE(map.tables.value(QStringLiteral("orders")).target,
             QStringLiteral("staging.orders_clean"));
    QVERIFY(map.validate(*doc.compiled()).isEmpty());
    // Names that are not the table's are left as the schema's: the map validates them.
    QVERIFY(!(model.flags(orders.siblingAtColumn(MapModel::CastColumn)) & Qt::ItemIsEditable));
}

void TestPipelineGui::mapEditorSavesAndLoads()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    MapEditor editor;
    editor.setSchema(doc.schema());
    const QString file = m_dir.filePath(QStringLiteral("map.json"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kMap);
    }
    QVERIFY(editor.load(file).isEmpty());
    QVERIFY(!editor.isUnsaved());
    QCOMPARE(editor.fileName(), QFileInfo(file).absoluteFilePath());
    editor.model()->setData(columnIndex(*editor.model(), QStringLiteral("orders"),
                                        QStringLiteral("id"), MapModel::TargetColumn),
                            QStringLiteral("oid"));
    QVERIFY(editor.isUnsaved());
    const QString copy = m_dir.filePath(QStringLiteral("map-copy.json"));
    QVERIFY(editor.save(copy).isEmpty());
    QVERIFY(!editor.isUnsaved());
    QString error;
    const auto reread = VerifyMap::load(copy, &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(reread->targetColumn(QStringLiteral("orders"), QStringLiteral("id")),
             QStringLiteral("oid"));
    QVERIFY(!editor.load(m_dir.filePath(QStringLiteral("missing.json"))).isEmpty());
}

void TestPipelineGui::commandListEdits()
{
    CommandListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCommands({{QStringLiteral("load"), QStringLiteral("python3 etl.py")}});
    QCOMPARE(model.addCommand(), 1);
    QVERIFY(model.setData(model.index(1, CommandListModel::CommandColumn),
                          QStringLiteral("sh -c 'echo hi'")));
    QCOMPARE(model.index(1, CommandListModel::NameColumn).data().toString(), QStringLiteral("2"));
    QVERIFY(model.setData(model.index(1, CommandListModel::NameColumn), QStringLiteral("hi")));
    QVERIFY(model.moveCommand(1, -1));
    QCOMPARE(model.commands().first().commandLine, QStringLiteral("sh -c 'echo hi'"));
    QVERIFY(!model.moveCommand(0, -1));
    QVERIFY(model.moveCommand(0, 1));
    QCOMPARE(model.commands().first().name, QStringLiteral("load"));
    model.removeCommand(0);
    QCOMPARE(model.rowCount(), 1);
}

void TestPipelineGui::panelBuildsPipelineOptions()
{
    Settings::runSettings.reset();
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    RunPanel panel(&controller);
    RunSettings s = panel.settings();
    s.target = RunTarget::Pipeline;
    s.rows = 1000;
    s.workers = 2;
    panel.setSettings(s);
    PipelinePage *page = panel.pipelinePage();
    QVERIFY(page->isVisibleTo(&panel) || !panel.isVisible());
    CommandListModel *commands = page->commandModel();
    commands->setData(commands->index(0, CommandListModel::NameColumn), QStringLiteral("load"));
    commands->setData(commands->index(0, CommandListModel::CommandColumn),
                      QStringLiteral("python3 etl.py --fast"));
    const int second = commands->addCommand();
    commands->setData(commands->index(second, CommandListModel::CommandColumn),
                      QStringLiteral("sh -c 'echo hello'"));
    page->dirtyBox()->setValue(1.5);
    page->dirtyKindBox(DirtyKind::Number)->setChecked(true);
    page->dirtyKindBox(DirtyKind::Duplicate)->setChecked(true);
    page->mapEditor()->model()->setMap(parsed(kFittingMap));
    const RunSettings built = panel.settings();
    QCOMPARE(built.kind(), QStringLiteral("pipeline"));
    QVERIFY(built.usesLocalServer());
    const PipelineOptions o = built.pipelineOptions(QStringLiteral("host=/tmp port=5432"));
    QCOMPARE(o.commands.size(), 2);
    QCOMPARE(o.commands.at(0).name, QStringLiteral("load"));
    QCOMPARE(o.commands.at(0).commandLine, QStringLiteral("python3 etl.py --fast"));
    QCOMPARE(o.commands.at(1).name, QStringLiteral("2"));
    QCOMPARE(o.conninfo, QStringLiteral("host=/tmp port=5432"));
    QCOMPARE(o.plan.dirty.fraction, 0.015);
    QCOMPARE(o.plan.dirty.kinds, (QList<DirtyKind>{DirtyKind::Number, DirtyKind::Duplicate}));
    QCOMPARE(o.map.targetColumn(QStringLiteral("orders"), QStringLiteral("id")),
             QStringLiteral("order_id"));
    QCOMPARE(o.plan.rows, std::optional<uint64_t>(1000));
    QCOMPARE(o.engine.workers, 2);
    QCOMPARE(o.repeat, 1);
    // The equivalent command names every command and the dirty rows.
    const QStringList args = built.arguments(QStringLiteral("example:ecommerce"));
    QCOMPARE(args.mid(0, 3),
             (QStringList{QStringLiteral("spillway-cli"), QStringLiteral("pipeline"),
                          QStringLiteral("example:ecommerce")}));
    QVERIFY(args.contains(QStringLiteral("python3 etl.py --fast")));
    QCOMPARE(args.count(QStringLiteral("--run")), 2);
    QCOMPARE(args.at(args.indexOf(QStringLiteral("--dirty")) + 1), QStringLiteral("0.015"));
    QCOMPARE(args.at(args.indexOf(QStringLiteral("--dirty-kinds")) + 1),
             QStringLiteral("number,duplicate"));
    QVERIFY(controller.commandLine().startsWith(QStringLiteral("spillway-cli pipeline ")));
    QVERIFY2(panel.runProblems().isEmpty(), qPrintable(panel.runProblems().join(u'\n')));
}

void TestPipelineGui::panelRefusesWithoutCommand()
{
    Settings::runSettings.reset();
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    RunPanel panel(&controller);
    RunSettings s = panel.settings();
    s.target = RunTarget::Pipeline;
    s.pipeline.commands = {{QStringLiteral("etl"), QStringLiteral("   ")}};
    panel.setSettings(s);
    const QStringList problems = panel.runProblems();
    QVERIFY2(!problems.isEmpty() && problems.first().contains(QLatin1String("command")),
             qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(!panel.runAction()->isEnabled());
    // A map that names a column the schema lacks is a problem too.
    s.pipeline.commands = {{QStringLiteral("etl"), QStringLiteral("true")}};
    s.pipeline.map = parsed(R"json({"tables": {"orders": {"columns": {"nope": "x"}}}})json");
    panel.setSettings(s);
    QVERIFY(!panel.runProblems().isEmpty());
    QVERIFY(panel.runProblems().first().startsWith(QLatin1String("Map: ")));
    s.pipeline.map = {};
    panel.setSettings(s);
    QVERIFY2(panel.runProblems().isEmpty(), qPrintable(panel.runProblems().join(u'\n')));
    QVERIFY(panel.runAction()->isEnabled());
}

void TestPipelineGui::panelSettingsSurviveRestart()
{
    Settings::runSettings.reset();
    RunSettings s;
    s.target = RunTarget::Pipeline;
    s.pipeline.commands = {{QStringLiteral("load"), QStringLiteral("./load.sh")},
                           {QStringLiteral("check"), QStringLiteral("./check.sh")}};
    s.pipeline.workingDirectory = QStringLiteral("/srv/etl");
    s.pipeline.filesDirectory = QStringLiteral("/srv/in");
    s.pipeline.map = parsed(kMap);
    s.pipeline.rejectsFile = QStringLiteral("/srv/etl/rejects.csv");
    s.pipeline.dirtyPercent = 2;
    s.pipeline.dirtyKinds = {QStringLiteral("quote"), QStringLiteral("null")};
    s.pipeline.timeoutSeconds = 600;
    s.pipeline.repeat = 3;
    s.pipeline.beforeCommand = QStringLiteral("psql -c 'truncate t'");
    s.pipeline.profileName = QStringLiteral("staging");
    {
        RunController controller;
        RunPanel panel(&controller);
        panel.setSettings(s);
    }
    RunController controller;
    RunPanel panel(&controller);
    const PipelineSettings back = panel.settings().pipeline;
    QCOMPARE(panel.settings().target, RunTarget::Pipeline);
    QCOMPARE(back.commands.size(), 2);
    QCOMPARE(back.commands.at(1).commandLine, QStringLiteral("./check.sh"));
    QCOMPARE(back.workingDirectory, s.pipeline.workingDirectory);
    QCOMPARE(back.filesDirectory, s.pipeline.filesDirectory);
    QVERIFY(back.map == s.pipeline.map);
    QCOMPARE(back.rejectsFile, s.pipeline.rejectsFile);
    QCOMPARE(back.dirtyPercent, 2.0);
    QCOMPARE(back.dirtyKinds, s.pipeline.dirtyKinds);
    QCOMPARE(back.timeoutSeconds, 600.0);
    QCOMPARE(back.repeat, 3);
    QCOMPARE(back.beforeCommand, s.pipeline.beforeCommand);
    QCOMPARE(back.profileName, QStringLiteral("staging"));
    // No such profile is saved: the panel says so rather than running elsewhere.
    QVERIFY(panel.settings().problems().join(u'\n').contains(QLatin1String("staging")));
    QVERIFY(!Settings::runSettings.value().contains("password"));
}

void TestPipelineGui::dashboardDrawsSamples()
{
    Dashboard dashboard;
    dashboard.resize(1280, 800);
    const QStringList tables{QStringLiteral("staging.customer"),
                             QStringLiteral("staging.orders_clean")};
    dashboard.startPipeline({QStringLiteral("load"), QStringLiteral("check")},
                            QStringLiteral("/tmp/run.log"));
    QVERIFY(dashboard.isPipelineShown());
    PipelineView *view = dashboard.pipelineView();
    QAbstractItemModelTester commandTester(view->commandModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tableTester(view->tableModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int t = 1; t <= 5; ++t)
        dashboard.addPipelineSample(sample(t, 2, tables));
    QCOMPARE(view->tablesChart()->seriesCount(), 2);
    QCOMPARE(view->tablesChart()->pointCount(1), 5);
    QCOMPARE(view->commandsChart()->seriesCount(), 4); // CPU and memory per command
    QCOMPARE(view->commandsChart()->pointCount(2), 5);
    QCOMPARE(view->databaseChart()->pointCount(0), 5);
    QCOMPARE(view->tableModel()->rowCount(), 2);
    QCOMPARE(view->commandModel()->index(1, CommandActivityModel::CpuColumn).data().toString(),
             QStringLiteral("100%"));
    QVERIFY(view->commandModel()
                ->index(0, CommandActivityModel::SessionsColumn)
                .data()
                .toString()
                .contains(QLatin1String("2 active")));
    QVERIFY(view->databaseText().contains(QLatin1String("checkpoints: 2")));
    QVERIFY(view->databaseText().contains(QLatin1String("Lock:relation")));
    // A table that appears later gets its own series.
    dashboard.addPipelineSample(sample(6, 2, tables + QStringList{QStringLiteral("staging.x")}));
    QCOMPARE(view->tablesChart()->seriesCount(), 3);
    CommandOutcome failed;
    failed.exitCode = 3;
    failed.seconds = 6;
    dashboard.showCommandFinished(1, failed);
    QCOMPARE(view->commandModel()->index(1, CommandActivityModel::StateColumn).data().toString(),
             PipelineView::outcomeText(failed));
    QVERIFY(view->commandModel()
                ->index(1, CommandActivityModel::StateColumn)
                .data(CommandActivityModel::FailedRole)
                .toBool());
    dashboard.show();
    test::saveScreenshot(&dashboard, QStringLiteral("dashboard-pipeline-samples"));
    dashboard.clear();
    QVERIFY(!dashboard.isPipelineShown());
    QCOMPARE(view->tablesChart()->seriesCount(), 0);
}

void TestPipelineGui::logStaysBounded()
{
    Dashboard dashboard;
    dashboard.startPipeline({QStringLiteral("etl")}, QStringLiteral("/runs/x.log"));
    RunLogModel *log = dashboard.logModel();
    QAbstractItemModelTester tester(log, QAbstractItemModelTester::FailureReportingMode::Warning);
    constexpr int kLines = 100000;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kLines; ++i) {
        PipelineLogLine line;
        line.command = 0;
        line.elapsedSeconds = i / 1000.0;
        line.fromStderr = i % 10 == 0;
        line.text = QStringLiteral("row batch %1 loaded").arg(i);
        dashboard.addPipelineOutput(line);
        if (i % 5000 == 4999)
            dashboard.flushOutput(); // as the 100 ms timer does while lines pour in
    }
    dashboard.flushOutput();
    qInfo("100k lines into the log in %lld ms", clock.elapsed());
    QCOMPARE(log->rowCount(), log->capacity());
    QCOMPARE(log->olderCount(), qint64(kLines - log->capacity()));
    const RunLogModel::Entry &last = log->entry(log->rowCount() - 1);
    QCOMPARE(last.text, QStringLiteral("row batch %1 loaded").arg(kLines - 1));
    QCOMPARE(last.source, QStringLiteral("etl"));
    QCOMPARE(log->index(log->rowCount() - 1, RunLogModel::MessageColumn).data().toString(),
             QStringLiteral("[etl] row batch %1 loaded").arg(kLines - 1));
    QVERIFY(log->count(LogLevel::Warning) > 0); // stderr lines
    QVERIFY(dashboard.olderLinesText().contains(QLatin1String("/runs/x.log")));
    QVERIFY(dashboard.olderLinesText().contains(formatNumber(double(log->olderCount()))));
    // A batch larger than the log: only its newest lines stay.
    QList<RunLogModel::Entry> many(log->capacity() * 2);
    for (qsizetype i = 0; i < many.size(); ++i)
        many[i].text = QString::number(i);
    log->addEntries(many);
    QCOMPARE(log->rowCount(), log->capacity());
    QCOMPARE(log->entry(0).text, QString::number(log->capacity()));
    log->clear();
    QCOMPARE(log->olderCount(), 0);
}

QTEST_MAIN(TestPipelineGui)
#include "test_pipelinegui.moc"
