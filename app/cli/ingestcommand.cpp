// spillway-cli ingest: generate a schema's data straight into PostgreSQL.

#include "clicommon.h"
#include "commands.h"
#include "embeddedserver.h"
#include "pg/conninfo.h"
#include "pg/ingestjob.h"
#include "pg/localserver.h"
#include "progressprinter.h"
#include "runrecording.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>

namespace spillway::cli {
namespace {

void addIngestOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("db"),
         QStringLiteral("libpq connection string or URI (PG* variables and .pgpass apply; '' "
                        "uses them alone). Default: the embedded local server."),
         QStringLiteral("CONNINFO")},
        {QStringLiteral("server-dir"), QStringLiteral("Folder of the embedded server."),
         QStringLiteral("DIR")},
        {QStringLiteral("keep-server"),
         QStringLiteral("Leave the embedded server running and print how to connect.")},
        {QStringLiteral("workers"), QStringLiteral("Worker threads, one connection each."),
         QStringLiteral("N")},
        {QStringLiteral("mode"),
         QStringLiteral("create (default; fails if a table exists), truncate, append or recreate."),
         QStringLiteral("MODE"), QStringLiteral("create")},
        {QStringLiteral("copy-format"), QStringLiteral("binary (default), text or csv."),
         QStringLiteral("F"), QStringLiteral("binary")},
        {QStringLiteral("run-id"), QStringLiteral("Name of this run (default: a new id)."),
         QStringLiteral("ID")},
        {QStringLiteral("resume"),
         QStringLiteral("Continue an interrupted run (--run-id, or the latest unfinished one of "
                        "this schema), skipping committed chunks.")},
        {QStringLiteral("constraints-first"),
         QStringLiteral("Create foreign keys and unique constraints before loading.")},
        {QStringLiteral("unlogged"), QStringLiteral("Create the tables UNLOGGED.")},
        {QStringLiteral("no-analyze"), QStringLiteral("Skip ANALYZE after the load.")},
        {QStringLiteral("db-schema"), QStringLiteral("PostgreSQL schema for the tables."),
         QStringLiteral("NAME")},
        {QStringLiteral("retries"),
         QStringLiteral("Attempts per chunk after a lost connection (default 8)."),
         QStringLiteral("N"), QStringLiteral("8")},
        {QStringLiteral("retry-delay"),
         QStringLiteral("First retry delay in ms, doubled each attempt (default 250)."),
         QStringLiteral("MS"), QStringLiteral("250")},
        {QStringLiteral("json"), QStringLiteral("Progress and summary as JSON lines.")},
        {QStringLiteral("quiet"), QStringLiteral("No progress output.")},
    });
    addPlanOptions(p);
    addRunRecordingOptions(p);
}

bool readIngestOptions(const QCommandLineParser &p, IngestOptions &o, EngineOptions &e)
{
    bool ok = true;
    auto bad = [&ok](const QString &m) {
        printErr(QStringLiteral("error: %1\n").arg(m));
        ok = false;
    };
    if (!IngestOptions::parseMode(p.value(QStringLiteral("mode")), o.mode))
        bad(QStringLiteral("--mode must be create, truncate, append or recreate"));
    if (!IngestOptions::parseFormat(p.value(QStringLiteral("copy-format")), o.format))
        bad(QStringLiteral("--copy-format must be binary, text or csv"));
    o.runId = p.value(QStringLiteral("run-id"));
    o.resume = p.isSet(QStringLiteral("resume"));
    o.constraintsFirst = p.isSet(QStringLiteral("constraints-first"));
    o.unlogged = p.isSet(QStringLiteral("unlogged"));
    o.analyze = !p.isSet(QStringLiteral("no-analyze"));
    o.dbSchema = p.value(QStringLiteral("db-schema"));
    o.retries = p.value(QStringLiteral("retries")).toInt(&ok);
    if (!ok || o.retries < 0 || o.retries > 1000)
        bad(QStringLiteral("--retries must be between 0 and 1000"));
    bool delayOk = false;
    o.retryDelayMs = p.value(QStringLiteral("retry-delay")).toInt(&delayOk);
    if (!delayOk || o.retryDelayMs < 0)
        bad(QStringLiteral("--retry-delay must be a number of milliseconds"));
    if (p.isSet(QStringLiteral("workers"))) {
        bool n = false;
        e.workers = p.value(QStringLiteral("workers")).toInt(&n);
        if (!n || e.workers < 1 || e.workers > 256)
            bad(QStringLiteral("--workers must be between 1 and 256"));
    }
    return ok;
}

QJsonObject summaryJson(const RunResult &r, const IngestJob &job)
{
    QJsonObject o = ProgressPrinter::toJson(r.last);
    o.insert(QStringLiteral("event"), QStringLiteral("finished"));
    o.insert(QStringLiteral("ok"), r.ok);
    o.insert(QStringLiteral("run_id"), job.runId());
    o.insert(QStringLiteral("server_version"), job.serverVersion());
    if (!r.error.isEmpty())
        o.insert(QStringLiteral("error"), r.error);
    o.insert(QStringLiteral("tables_loaded"), QJsonArray::fromStringList(r.outputs));
    return o;
}

} // namespace

int runIngest(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("SCHEMA"),
                            QStringLiteral("Schema file or example:NAME."));
    addIngestOptions(p);
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("ingest"),
                                     QStringLiteral("Generates SCHEMA's tables straight into "
                                                    "PostgreSQL: one COPY transaction per chunk, "
                                                    "recorded in spillway.ledger so an "
                                                    "interrupted run resumes exactly once."),
                                     1, 1))
        return *exit;
    PlanOptions planOptions;
    IngestOptions options;
    EngineOptions engineOptions;
    if (!readPlanOptions(p, planOptions) || !readIngestOptions(p, options, engineOptions))
        return ExitUsage;
    auto schema = loadSchema(p.positionalArguments().first(), planOptions.seed);
    if (!schema)
        return ExitUsage;
    // Refused like generate refuses it, before any server is started or connected to.
    Diagnostics diagnostics;
    if (!Plan::check(schema, planOptions, diagnostics)) {
        for (const Diagnostic &d : diagnostics.items())
            printErr(QStringLiteral("error: %1\n").arg(d.toString()));
        return ExitUsage;
    }
    if (Plan::wantsDirtyRows(*schema, planOptions)) {
        printErr(QStringLiteral("error: dirty rows are for files: generate or pipeline (pass "
                                "--dirty 0 to load this schema's tables clean)\n"));
        return ExitUsage;
    }
    CliRunRecording recording(QStringLiteral("ingest"), arguments, p);
    if (!recording.isReady())
        return ExitUsage;
    recording.addSettings(
        CliRunRecording::planSettings(p.positionalArguments().first(), *schema, planOptions));
    EmbeddedServerGuard server(p);
    if (const auto exit = server.resolve(p, options.conninfo))
        return *exit;
    const auto mode = ProgressPrinter::chooseMode(p.isSet(QStringLiteral("json")),
                                                  p.isSet(QStringLiteral("quiet")));
    return runIngestJob(schema, planOptions, engineOptions, options, mode, &recording);
}

int runIngestJob(std::shared_ptr<CompiledSchema> schema, const PlanOptions &planOptions,
                 const EngineOptions &engineOptions, const IngestOptions &options,
                 ProgressPrinter::Mode mode, CliRunRecording *recording)
{
    QThreadPool pool;
    pool.setMaxThreadCount(engineOptions.workers > 0 ? engineOptions.workers
                                                     : QThread::idealThreadCount());
    IngestJob job(&pool);
    ProgressPrinter printer(mode, QStringLiteral("Loaded"));
    QEventLoop loop;
    int exitCode = ExitOk;
    QObject::connect(&job, &IngestJob::snapshotTaken, &printer, &ProgressPrinter::show);
    if (recording)
        recording->attach(&job);
    QObject::connect(&job, &IngestJob::phaseChanged, &printer, &ProgressPrinter::phase);
    QObject::connect(&job, &IngestJob::runFinished, &loop, [&](const RunResult &r) {
        printer.finish(r);
        if (mode == ProgressPrinter::Mode::Json)
            printOut(QString::fromUtf8(
                         QJsonDocument(summaryJson(r, job)).toJson(QJsonDocument::Compact)) +
                     QLatin1Char('\n'));
        if (!r.ok)
            printErr(QStringLiteral("error: %1\n").arg(r.error));
        else if (mode != ProgressPrinter::Mode::Json && mode != ProgressPrinter::Mode::Quiet)
            printErr(QStringLiteral("Run %1 into %2 (PostgreSQL %3)%4\n")
                         .arg(job.runId(), ConnInfo::masked(options.conninfo), job.serverVersion(),
                              r.last.rowsSkipped ? QStringLiteral(", %1 rows already loaded by "
                                                                  "the interrupted run")
                                                       .arg(r.last.rowsSkipped)
                                                 : QString()));
        exitCode = r.ok ? ExitOk : ExitFailure;
        if (recording) {
            recording->setServerVersion(job.serverVersion());
            exitCode = recording->finish(
                r, exitCode,
                {{QStringLiteral("target"), options.conninfo},
                 {QStringLiteral("ingest_run_id"), job.runId()},
                 {QStringLiteral("mode"), IngestOptions::modeName(options.mode)},
                 {QStringLiteral("copy_format"), IngestOptions::formatName(options.format)},
                 {QStringLiteral("workers"),
                  engineOptions.workers > 0 ? engineOptions.workers : pool.maxThreadCount()},
                 {QStringLiteral("constraints_first"), options.constraintsFirst},
                 {QStringLiteral("resume"), options.resume}});
        }
        loop.quit();
    });
    if (const QString e = job.start(schema, planOptions, engineOptions, options); !e.isEmpty()) {
        printErr(QStringLiteral("error: %1\n").arg(e));
        return ExitFailure;
    }
    execCancellable(loop, &job, [&job] { job.cancel(); });
    return exitCode;
}

} // namespace spillway::cli
