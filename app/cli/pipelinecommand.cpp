// spillway-cli pipeline: the user's own ETL commands on generated files, measured while they
// run, then verified.

#include "base/params.h"
#include "clicommon.h"
#include "commands.h"
#include "embeddedserver.h"
#include "fileoptions.h"
#include "history/runsummary.h"
#include "pg/conninfo.h"
#include "pg/pipelinejob.h"
#include "pipelineprinter.h"
#include "runrecording.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>

namespace spillway::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spillway::cli::PipelineCommand", text);
}

void addPipelineOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("run"),
         tr("A command line of the pipeline, run with /bin/sh -c in its own process group; "
            "repeat --run for commands that run at the same time."),
         QStringLiteral("CMD")},
        {QStringLiteral("name"),
         tr("Name of the --run of the same position, shown before its output lines (default: "
            "1, 2, ...)."),
         QStringLiteral("NAME")},
        {QStringLiteral("db"),
         tr("The target database: libpq connection string or URI (PG* variables and .pgpass "
            "apply). Default: the embedded local server."),
         QStringLiteral("CONNINFO")},
        {QStringLiteral("server-dir"), tr("Folder of the embedded server."), QStringLiteral("DIR")},
        {QStringLiteral("keep-server"),
         tr("Leave the embedded server running and print how to connect.")},
        {QStringLiteral("db-schema"),
         tr("PostgreSQL schema of the target tables the map does not place."),
         QStringLiteral("NAME")},
        {QStringLiteral("files"),
         tr("Folder of the input files (default: one beside the run records, named after the "
            "settings). Files written earlier with the same settings are reused."),
         QStringLiteral("DIR")},
        {QStringLiteral("workdir"),
         tr("Working folder of the commands (default: the current one)."), QStringLiteral("DIR")},
        {QStringLiteral("map"),
         tr("Where the pipeline puts the schema's tables and columns (JSON), for verify."),
         QStringLiteral("FILE")},
        {QStringLiteral("rejects"),
         tr("The pipeline's reject file (relative to --workdir): verify checks that it lists "
            "every dirty row."),
         QStringLiteral("FILE")},
        {QStringLiteral("timeout"),
         tr("Stop every command's process group after this long, e.g. 90s, 15min, 2h (per "
            "iteration)."),
         QStringLiteral("DURATION")},
        {QStringLiteral("repeat"),
         tr("Run the pipeline N times (each with --before, the commands and verify) and report "
            "the median and spread."),
         QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("before"),
         tr("A command run before each iteration, e.g. to empty the target tables."),
         QStringLiteral("CMD")},
        {QStringLiteral("no-verify"), tr("Do not verify the target tables afterwards.")},
        {QStringLiteral("workers"), tr("Worker threads for generating and verifying."),
         QStringLiteral("N")},
        {QStringLiteral("json"), tr("Progress, output lines and summary as JSON lines.")},
        {QStringLiteral("quiet"), tr("No progress output (the commands' output is still shown).")},
    });
    addFileFormatOptions(p);
    addPlanOptions(p);
    addRunRecordingOptions(p);
}

bool readCommands(const QCommandLineParser &p, PipelineOptions &o)
{
    const QStringList runs = p.values(QStringLiteral("run"));
    const QStringList names = p.values(QStringLiteral("name"));
    if (runs.isEmpty()) {
        printErr(tr("error: give the pipeline's command line with --run 'COMMAND'\n"));
        return false;
    }
    if (names.size() > runs.size()) {
        printErr(tr("error: %1 --name for %2 --run: give at most one name per command\n")
                     .arg(names.size())
                     .arg(runs.size()));
        return false;
    }
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QString name = names.value(i, QString::number(i + 1));
        for (const PipelineCommand &c : std::as_const(o.commands)) {
            if (c.name == name) {
                printErr(
                    tr("error: two commands are named '%1': give each its own --name\n").arg(name));
                return false;
            }
        }
        o.commands.append({name, runs[i]});
    }
    return true;
}

bool readPipelineOptions(const QCommandLineParser &p, PipelineOptions &o)
{
    bool ok = readCommands(p, o);
    auto bad = [&ok](const QString &m) {
        printErr(tr("error: %1\n").arg(m));
        ok = false;
    };
    o.dbSchema = p.value(QStringLiteral("db-schema"));
    o.filesDirectory = p.value(QStringLiteral("files"));
    o.workingDirectory = p.value(QStringLiteral("workdir"));
    if (!o.workingDirectory.isEmpty() && !QDir(o.workingDirectory).exists())
        bad(tr("--workdir %1 is not a folder").arg(o.workingDirectory));
    o.rejectsPath = p.value(QStringLiteral("rejects"));
    o.beforeCommand = p.value(QStringLiteral("before"));
    o.verify = !p.isSet(QStringLiteral("no-verify"));
    if (p.isSet(QStringLiteral("map"))) {
        QString error;
        if (auto map = VerifyMap::load(p.value(QStringLiteral("map")), &error))
            o.map = *map;
        else
            bad(error);
    }
    if (p.isSet(QStringLiteral("timeout"))) {
        const auto micros =
            ParamReader::parseDuration(QJsonValue(p.value(QStringLiteral("timeout"))));
        if (!micros || *micros <= 0)
            bad(tr("--timeout must be a duration such as 90s, 15min or 2h"));
        else
            o.timeoutSeconds = double(*micros) / 1e6;
    }
    bool number = false;
    o.repeat = p.value(QStringLiteral("repeat")).toInt(&number);
    if (!number || o.repeat < 1 || o.repeat > 1000)
        bad(tr("--repeat must be between 1 and 1000"));
    if (p.isSet(QStringLiteral("workers"))) {
        o.engine.workers = p.value(QStringLiteral("workers")).toInt(&number);
        if (!number || o.engine.workers < 1 || o.engine.workers > 256)
            bad(tr("--workers must be between 1 and 256"));
    }
    if (!readFileFormatOptions(p, o.files) || !readPlanOptions(p, o.plan))
        ok = false;
    if (o.plan.shardCount != 1)
        bad(tr("a pipeline loads whole tables: leave out --shard"));
    return ok;
}

QJsonObject pipelineSettings(const PipelineOptions &o, const QString &filesDirectory)
{
    QJsonArray commands;
    for (const PipelineCommand &c : o.commands)
        commands.append(QJsonObject{{QStringLiteral("name"), c.name},
                                    {QStringLiteral("command"), c.commandLine}});
    QJsonObject s{{QStringLiteral("target"), o.conninfo},
                  {QStringLiteral("commands"), commands},
                  {QStringLiteral("files"), filesDirectory},
                  {QStringLiteral("repeat"), o.repeat},
                  {QStringLiteral("verify"), o.verify}};
    if (!o.workingDirectory.isEmpty())
        s.insert(QStringLiteral("workdir"), QDir(o.workingDirectory).absolutePath());
    if (!o.beforeCommand.isEmpty())
        s.insert(QStringLiteral("before"), o.beforeCommand);
    if (o.timeoutSeconds > 0)
        s.insert(QStringLiteral("timeout_s"), o.timeoutSeconds);
    if (!o.map.isEmpty())
        s.insert(QStringLiteral("map"), o.map.toJson());
    if (!o.rejectsPath.isEmpty())
        s.insert(QStringLiteral("rejects"), o.rejectsPath);
    if (!o.dbSchema.isEmpty())
        s.insert(QStringLiteral("db_schema"), o.dbSchema);
    if (o.plan.dirty.any()) {
        s.insert(QStringLiteral("dirty"), o.plan.dirty.fraction);
        s.insert(QStringLiteral("dirty_kinds"),
                 QJsonArray::fromStringList(o.plan.dirty.kindNames()));
    }
    return s;
}

// The verify report of the last iteration that verified, if any.
const PipelineIteration *lastVerified(const PipelineResult &r)
{
    for (qsizetype i = r.iterations.size() - 1; i >= 0; --i) {
        if (r.iterations[i].verified)
            return &r.iterations[i];
    }
    return nullptr;
}

int exitCodeOf(const PipelineResult &r)
{
    if (r.ok)
        return ExitOk;
    if (r.cancelled || r.commandFailed || !r.error.isEmpty())
        return ExitFailure;
    return r.verifyDifferences ? ExitMismatch : ExitFailure;
}

QJsonObject summaryJson(const PipelineResult &r, const QString &runId)
{
    QJsonObject o{{QStringLiteral("event"), QStringLiteral("finished")},
                  {QStringLiteral("ok"), r.ok},
                  {QStringLiteral("cancelled"), r.cancelled},
                  {QStringLiteral("run_id"), runId},
                  {QStringLiteral("files"), r.filesDirectory},
                  {QStringLiteral("reused_files"), r.reusedFiles},
                  {QStringLiteral("log_file"), r.logFile},
                  {QStringLiteral("command_failed"), r.commandFailed},
                  {QStringLiteral("verify_differences"), r.verifyDifferences}};
    QJsonArray commands, iterations;
    for (const PipelineCommandRecord &c : r.record.commands)
        commands.append(c.toJson());
    for (const PipelineIterationRecord &i : r.record.iterations)
        iterations.append(i.toJson());
    o.insert(QStringLiteral("commands"), commands);
    o.insert(QStringLiteral("iterations"), iterations);
    o.insert(QStringLiteral("duration_s"), r.record.durationSeconds.toJson());
    o.insert(QStringLiteral("rows_per_s"), r.record.rowsPerSecond.toJson());
    if (const PipelineIteration *v = lastVerified(r))
        o.insert(QStringLiteral("verify"), v->verify.toJson());
    if (!r.error.isEmpty())
        o.insert(QStringLiteral("error"), ConnInfo::masked(r.error));
    return o;
}

void reportResult(const PipelineResult &r, bool json, const QString &runId)
{
    if (json) {
        printOut(
            QString::fromUtf8(QJsonDocument(summaryJson(r, runId)).toJson(QJsonDocument::Compact)) +
            QLatin1Char('\n'));
    } else if (const PipelineIteration *v = lastVerified(r)) {
        printOut(QLatin1Char('\n') + verifyReportText(v->verify));
    }
    if (!r.error.isEmpty())
        printErr(tr("error: %1\n").arg(r.error));
    else if (r.commandFailed && !r.cancelled)
        printErr(tr("error: a command of the pipeline failed\n"));
}

int runPipelineJob(std::shared_ptr<CompiledSchema> schema, PipelineOptions &options,
                   ProgressPrinter::Mode mode, CliRunRecording &recording)
{
    QThreadPool pool;
    pool.setMaxThreadCount(options.engine.workers > 0 ? options.engine.workers
                                                      : QThread::idealThreadCount());
    PipelineJob job(&pool);
    QStringList names;
    for (const PipelineCommand &c : std::as_const(options.commands))
        names.append(c.name);
    PipelinePrinter printer(mode, names);
    QObject::connect(&job, &PipelineJob::outputLine, &job,
                     [&printer](const PipelineLogLine &l) { printer.line(l); });
    QObject::connect(&job, &PipelineJob::pipelineSampled, &job,
                     [&printer](const PipelineSample &s) { printer.sample(s); });
    QObject::connect(&job, &PipelineJob::notice, &job,
                     [&printer](const QString &t) { printer.notice(t); });
    QObject::connect(&job, &PipelineJob::phaseChanged, &job,
                     [&printer](PipelineJob::Phase phase) { printer.phase(phase); });
    QObject::connect(&job, &PipelineJob::generationProgress, &job,
                     [&printer](const RunSnapshot &s) { printer.generation(s); });
    recording.attach(&job);
    QEventLoop loop;
    int exitCode = ExitOk;
    QObject::connect(&job, &PipelineJob::finished, &loop, [&](const PipelineResult &r) {
        printer.finish(r);
        reportResult(r, mode == ProgressPrinter::Mode::Json, recording.id());
        RunRecord &record = recording.recorder().record();
        record.pipeline = r.record;
        if (const PipelineIteration *v = lastVerified(r)) {
            record.verify = v->verify.toJson();
            recording.setServerVersion(v->verify.serverVersion);
        }
        RunSummary figures;
        r.record.addSummary(figures);
        for (const QString &name : RunSummary::metricNames()) {
            if (const auto value = figures.value(name))
                recording.addSummaryValue(name, *value);
        }
        FileSinkOptions files = options.files;
        files.directory = r.filesDirectory;
        recording.addSettings(CliRunRecording::fileSettings(files, pool.maxThreadCount()));
        exitCode = recording.finish(r.runResult(), exitCodeOf(r),
                                    pipelineSettings(options, r.filesDirectory));
        loop.quit();
    });
    if (const QString e = job.start(schema, options); !e.isEmpty()) {
        printErr(tr("error: %1\n").arg(e));
        return ExitFailure;
    }
    execCancellable(loop, &job, [&job] { job.cancel(); });
    return exitCode;
}

} // namespace

int runPipeline(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("SCHEMA"), tr("Schema file or example:NAME."));
    addPipelineOptions(p);
    if (auto exit = parseCommandLine(
            p, arguments, QStringLiteral("pipeline"),
            tr("Generates SCHEMA's files (or reuses them), runs your pipeline's commands on them "
               "with SPILLWAY_FILES, SPILLWAY_MANIFEST, SPILLWAY_RUN_ID and PGHOST, PGPORT, "
               "PGDATABASE, PGUSER, PGPASSWORD, PGAPPNAME set, measures them and the database "
               "once a second, then verifies the target tables. Exit codes: 0 all good, 1 a "
               "command failed or a runtime error, 3 verify found differences, 4 an --assert "
               "threshold violated."),
            1, 1))
        return *exit;
    PipelineOptions options;
    if (!readPipelineOptions(p, options))
        return ExitUsage;
    options.schemaArgument = p.positionalArguments().first();
    auto schema = loadSchema(options.schemaArgument, options.plan.seed);
    if (!schema)
        return ExitUsage;
    Diagnostics diagnostics;
    if (!Plan::check(schema, options.plan, diagnostics)) {
        for (const Diagnostic &d : diagnostics.items())
            printErr(tr("error: %1\n").arg(d.toString()));
        return ExitUsage;
    }
    if (!options.map.isEmpty()) {
        if (const QString e = options.map.validate(*schema); !e.isEmpty()) {
            printErr(tr("error: %1\n").arg(e));
            return ExitUsage;
        }
    }
    CliRunRecording recording(QStringLiteral("pipeline"), arguments, p);
    if (!recording.isReady())
        return ExitUsage;
    recording.addSettings(
        CliRunRecording::planSettings(options.schemaArgument, *schema, options.plan));
    options.runId = recording.id();
    options.runStoreDirectory = QFileInfo(recording.fileName()).absolutePath();
    EmbeddedServerGuard server(p);
    if (const auto exit = server.resolve(p, options.conninfo))
        return *exit;
    const auto mode = ProgressPrinter::chooseMode(p.isSet(QStringLiteral("json")),
                                                  p.isSet(QStringLiteral("quiet")));
    return runPipelineJob(schema, options, mode, recording);
}

} // namespace spillway::cli
