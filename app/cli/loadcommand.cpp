// spillway-cli load: parallel, exactly-once COPY of existing files into a table.

#include "clicommon.h"
#include "commands.h"
#include "embeddedserver.h"
#include "pg/conninfo.h"
#include "pg/loadjob.h"
#include "progressprinter.h"
#include "runrecording.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>

namespace spillway::cli {
namespace {

// --on-error, --max-rejects, --reject-file.
bool readErrorOptions(const QCommandLineParser &p, LoadOptions &o)
{
    auto bad = [](const QString &m) {
        printErr(QStringLiteral("error: %1\n").arg(m));
        return false;
    };
    const QString onError = p.value(QStringLiteral("on-error"));
    if (onError != QLatin1String("stop") && onError != QLatin1String("skip"))
        return bad(QStringLiteral("--on-error must be stop or skip"));
    o.skipErrors = onError == QLatin1String("skip");
    if (p.isSet(QStringLiteral("max-rejects"))) {
        bool n = false;
        o.maxRejects = p.value(QStringLiteral("max-rejects")).toLongLong(&n);
        if (!n || o.maxRejects < 0)
            return bad(QStringLiteral("--max-rejects must be a number, 0 or more"));
        if (!o.skipErrors)
            return bad(QStringLiteral("--max-rejects applies to --on-error skip"));
    }
    o.rejectFile = p.value(QStringLiteral("reject-file"));
    return true;
}

bool readLoadOptions(const QCommandLineParser &p, LoadOptions &o)
{
    bool ok = true;
    auto bad = [&ok](const QString &m) {
        printErr(QStringLiteral("error: %1\n").arg(m));
        ok = false;
    };
    o.files = p.positionalArguments();
    o.table = p.value(QStringLiteral("table"));
    if (o.table.isEmpty())
        bad(QStringLiteral("--table is required: the table to load into"));
    o.format = p.value(QStringLiteral("format")); // empty: binary or csv, by the files
    if (o.format == QLatin1String("copy") || o.format == QLatin1String("text"))
        o.format = QStringLiteral("pgcopy");
    if (o.format == QLatin1String("pgbinary"))
        o.format = QStringLiteral("binary");
    if (!o.format.isEmpty() && o.format != QLatin1String("csv") &&
        o.format != QLatin1String("tsv") && o.format != QLatin1String("pgcopy") &&
        o.format != QLatin1String("binary"))
        bad(QStringLiteral("--format must be csv, tsv, pgcopy or binary"));
    o.header = p.isSet(QStringLiteral("header"));
    if (o.header && (o.format == QLatin1String("pgcopy") || o.format == QLatin1String("binary")))
        bad(QStringLiteral("--header does not apply to %1 files (they have none)").arg(o.format));
    auto oneChar = [&](const QString &name, char &target) {
        if (!p.isSet(name))
            return;
        const QString v = p.value(name);
        if (v.size() != 1 || v[0].unicode() > 127)
            bad(QStringLiteral("--%1 must be one ASCII character").arg(name));
        else
            target = char(v[0].unicode());
    };
    oneChar(QStringLiteral("delimiter"), o.delimiter);
    oneChar(QStringLiteral("quote"), o.quote);
    if (p.isSet(QStringLiteral("null")) && o.format == QLatin1String("binary"))
        bad(QStringLiteral("--null does not apply to binary COPY files (NULL is a field length)"));
    if (p.isSet(QStringLiteral("null"))) {
        o.nullString = p.value(QStringLiteral("null"));
        o.nullStringSet = true;
    }
    o.workers = p.value(QStringLiteral("workers")).toInt();
    if (o.workers < 1 || o.workers > 256)
        bad(QStringLiteral("--workers must be between 1 and 256"));
    const auto chunk = parseByteSize(p.value(QStringLiteral("chunk-bytes")));
    if (!chunk || *chunk < 1024)
        bad(QStringLiteral("--chunk-bytes must be a size of at least 1k, such as 8MiB"));
    else
        o.chunkBytes = qint64(*chunk);
    o.runId = p.value(QStringLiteral("run-id"));
    o.resume = p.isSet(QStringLiteral("resume"));
    o.dbSchema = p.value(QStringLiteral("db-schema"));
    bool retriesOk = false;
    o.retry.retries = p.value(QStringLiteral("retries")).toInt(&retriesOk);
    if (!retriesOk || o.retry.retries < 0)
        bad(QStringLiteral("--retries must be a number, 0 or more"));
    return readErrorOptions(p, o) && ok;
}

void addLoadOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("db"),
         QStringLiteral("libpq connection string or URI (default: the "
                        "embedded local server)."),
         QStringLiteral("CONNINFO")},
        {QStringLiteral("server-dir"), QStringLiteral("Folder of the embedded server."),
         QStringLiteral("DIR")},
        {QStringLiteral("keep-server"), QStringLiteral("Leave the embedded server running.")},
        {QStringLiteral("table"), QStringLiteral("Table to load into (it must exist)."),
         QStringLiteral("T")},
        {QStringLiteral("db-schema"), QStringLiteral("PostgreSQL schema of the table."),
         QStringLiteral("NAME")},
        {QStringLiteral("format"),
         QStringLiteral("csv, tsv, pgcopy (COPY text) or binary (COPY binary, also pgbinary); "
                        "default: binary when the files start with PGCOPY's signature, else "
                        "csv. Files may be gzip- or zstd-compressed (told by their first bytes)."),
         QStringLiteral("F")},
        {QStringLiteral("header"), QStringLiteral("Files start with a header naming the columns.")},
        {QStringLiteral("delimiter"), QStringLiteral("CSV delimiter (default ',')."),
         QStringLiteral("C")},
        {QStringLiteral("quote"), QStringLiteral("CSV quote (default '\"')."), QStringLiteral("C")},
        {QStringLiteral("null"), QStringLiteral("Text that stands for NULL."),
         QStringLiteral("TEXT")},
        {QStringLiteral("workers"), QStringLiteral("Parallel COPY sessions (default 2)."),
         QStringLiteral("N"), QStringLiteral("2")},
        {QStringLiteral("chunk-bytes"),
         QStringLiteral("Bytes per COPY transaction (default 8MiB)."), QStringLiteral("SIZE"),
         QStringLiteral("8MiB")},
        {QStringLiteral("run-id"), QStringLiteral("Name of this load."), QStringLiteral("ID")},
        {QStringLiteral("resume"),
         QStringLiteral("Continue an interrupted load of the same files.")},
        {QStringLiteral("retries"), QStringLiteral("Attempts per chunk after a lost connection."),
         QStringLiteral("N"), QStringLiteral("8")},
        {QStringLiteral("on-error"),
         QStringLiteral("stop (default): a refused record stops the load; skip: refused records "
                        "go to the reject file, every other record loads."),
         QStringLiteral("stop|skip"), QStringLiteral("stop")},
        {QStringLiteral("max-rejects"),
         QStringLiteral("With --on-error skip: stop when more than N records are refused."),
         QStringLiteral("N")},
        {QStringLiteral("reject-file"),
         QStringLiteral("Where refused records go (default: RUN.rejects.csv beside the run "
                        "record)."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("Progress and summary as JSON lines.")},
        {QStringLiteral("quiet"), QStringLiteral("No progress output.")},
    });
}

// RUN.json -> RUN.rejects.csv, in the runs folder.
QString rejectFileBeside(QString recordFile)
{
    if (recordFile.endsWith(QLatin1String(".json")))
        recordFile.chop(5);
    return recordFile + QStringLiteral(".rejects.csv");
}

void printJsonFinish(const RunResult &r, const LoadJob &job)
{
    QJsonObject o = ProgressPrinter::toJson(r.last);
    o.insert(QStringLiteral("event"), QStringLiteral("finished"));
    o.insert(QStringLiteral("ok"), r.ok);
    o.insert(QStringLiteral("run_id"), job.runId());
    if (!r.error.isEmpty())
        o.insert(QStringLiteral("error"), r.error);
    o.insert(QStringLiteral("rows_rejected"), double(job.rowsRejected()));
    if (job.rowsRejected() > 0)
        o.insert(QStringLiteral("reject_file"), job.rejectFile());
    printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) +
             QLatin1Char('\n'));
}

// The run record's settings of a load.
QJsonObject loadSettings(const LoadOptions &options, const QCommandLineParser &p,
                         const LoadJob &job)
{
    QJsonObject settings{{QStringLiteral("target"), options.conninfo},
                         {QStringLiteral("table"), options.table},
                         {QStringLiteral("files"), QJsonArray::fromStringList(options.files)},
                         {QStringLiteral("format"), job.format()},
                         {QStringLiteral("workers"), options.workers},
                         {QStringLiteral("on_error"), p.value(QStringLiteral("on-error"))},
                         {QStringLiteral("load_run_id"), job.runId()}};
    if (job.rowsRejected() > 0)
        settings.insert(QStringLiteral("reject_file"), job.rejectFile());
    return settings;
}

void reportRejects(const LoadJob &job, ProgressPrinter::Mode mode)
{
    if (job.rowsRejected() == 0 || mode == ProgressPrinter::Mode::Json)
        return;
    printErr(QStringLiteral("Rejected %1 record(s): see %2\n")
                 .arg(job.rowsRejected())
                 .arg(job.rejectFile()));
}

} // namespace

int runLoad(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILES"), QStringLiteral("Files or folders to load."),
                            QStringLiteral("FILES|DIR..."));
    addLoadOptions(p);
    addRunRecordingOptions(p);
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("load"),
                                     QStringLiteral("Loads existing files into a table with "
                                                    "parallel COPY, exactly once: the baseline "
                                                    "loader to compare an ETL with."),
                                     1, -1))
        return *exit;
    LoadOptions options;
    if (!readLoadOptions(p, options))
        return ExitUsage;
    CliRunRecording recording(QStringLiteral("load"), arguments, p);
    if (!recording.isReady())
        return ExitUsage;
    if (options.rejectFile.isEmpty())
        options.rejectFile = rejectFileBeside(recording.fileName());
    EmbeddedServerGuard server(p);
    if (const auto exit = server.resolve(p, options.conninfo))
        return *exit;
    const auto mode = ProgressPrinter::chooseMode(p.isSet(QStringLiteral("json")),
                                                  p.isSet(QStringLiteral("quiet")));
    QThreadPool pool;
    pool.setMaxThreadCount(options.workers);
    LoadJob job(&pool);
    ProgressPrinter printer(mode, QStringLiteral("Loaded"));
    QEventLoop loop;
    int exitCode = ExitOk;
    QObject::connect(&job, &LoadJob::snapshotTaken, &printer, &ProgressPrinter::show);
    recording.attach(&job);
    QObject::connect(&job, &LoadJob::phaseChanged, &printer, &ProgressPrinter::phase);
    QObject::connect(&job, &LoadJob::warning, &printer,
                     [](const QString &m) { printErr(QStringLiteral("warning: %1\n").arg(m)); });
    QObject::connect(&job, &LoadJob::runFinished, &loop, [&](const RunResult &r) {
        printer.finish(r);
        if (mode == ProgressPrinter::Mode::Json)
            printJsonFinish(r, job);
        if (!r.ok)
            printErr(QStringLiteral("error: %1\n").arg(r.error));
        reportRejects(job, mode);
        exitCode = r.ok ? ExitOk : ExitFailure;
        recording.setServerVersion(job.serverVersion());
        recording.addSummaryValue(QStringLiteral("rows_rejected"), double(job.rowsRejected()));
        exitCode = recording.finish(r, exitCode, loadSettings(options, p, job));
        loop.quit();
    });
    if (const QString e = job.start(options); !e.isEmpty()) {
        printErr(QStringLiteral("error: %1\n").arg(e));
        return ExitFailure;
    }
    execCancellable(loop, &job, [&job] { job.cancel(); });
    return exitCode;
}

} // namespace spillway::cli
