// spillway-cli generate: a schema to files (or standard output).

#include "clicommon.h"
#include "commands.h"
#include "files/filesink.h"
#include "progressprinter.h"
#include "run/engine.h"
#include "runrecording.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>

namespace spillway::cli {
namespace {

bool readCompressionOptions(const QCommandLineParser &p, FileSinkOptions &out);

bool readFormatOptions(const QCommandLineParser &p, FileSinkOptions &out)
{
    bool ok = true;
    auto bad = [&ok](const QString &m) {
        printErr(QStringLiteral("error: %1\n").arg(m));
        ok = false;
    };
    if (!FormatOptions::parseFormat(p.value(QStringLiteral("format")), out.format.format))
        bad(QStringLiteral("--format %1 is unknown: use csv, tsv, pgcopy, pgbinary or jsonl")
                .arg(p.value(QStringLiteral("format"))));
    const auto oneChar = [&](const QString &name, char &target) {
        if (!p.isSet(name))
            return;
        QString v = p.value(name);
        if (v == QLatin1String("\\t") || v == QLatin1String("tab"))
            v = QStringLiteral("\t");
        if (v.size() != 1 || v[0].unicode() > 127)
            bad(QStringLiteral("--%1 must be one ASCII character").arg(name));
        else
            target = char(v[0].unicode());
    };
    oneChar(QStringLiteral("delimiter"), out.format.delimiter);
    oneChar(QStringLiteral("quote"), out.format.quote);
    out.format.header = !p.isSet(QStringLiteral("no-header"));
    if (p.isSet(QStringLiteral("null"))) {
        out.format.nullString = p.value(QStringLiteral("null"));
        out.format.nullStringSet = true;
    }
    if (const QString e = out.format.check(); !e.isEmpty())
        bad(e);
    if (p.isSet(QStringLiteral("split-rows"))) {
        const auto n = parseCount(p.value(QStringLiteral("split-rows")));
        if (!n || *n == 0)
            bad(QStringLiteral("--split-rows must be a row count above 0, such as 1M"));
        else
            out.splitRows = *n;
    }
    if (p.isSet(QStringLiteral("split-bytes"))) {
        const auto n = parseByteSize(p.value(QStringLiteral("split-bytes")));
        if (!n)
            bad(QStringLiteral("--split-bytes must be a size such as 100MiB, 1G or 500000"));
        else
            out.splitBytes = *n;
    }
    if (out.splitRows && out.splitBytes)
        bad(QStringLiteral("use --split-rows or --split-bytes, not both"));
    return readCompressionOptions(p, out) && ok;
}

bool readCompressionOptions(const QCommandLineParser &p, FileSinkOptions &out)
{
    if (p.isSet(QStringLiteral("compress")) &&
        !Compressor::parse(p.value(QStringLiteral("compress")), out.compression)) {
        printErr(QStringLiteral("error: --compress %1 is unknown: use gzip, zstd or none\n")
                     .arg(p.value(QStringLiteral("compress"))));
        return false;
    }
    out.compressionLevel = Compressor::defaultLevel(out.compression);
    if (!p.isSet(QStringLiteral("compress-level")))
        return true;
    if (out.compression == Compression::None) {
        printErr(QStringLiteral("error: --compress-level needs --compress gzip or zstd\n"));
        return false;
    }
    bool isNumber = false;
    out.compressionLevel = p.value(QStringLiteral("compress-level")).toInt(&isNumber);
    const QString problem =
        isNumber ? Compressor::checkLevel(out.compression, out.compressionLevel)
                 : QStringLiteral("--compress-level must be a number, such as 1 or 6");
    if (!problem.isEmpty()) {
        printErr(QStringLiteral("error: %1\n").arg(problem));
        return false;
    }
    return true;
}

QJsonObject summaryJson(const RunResult &r)
{
    QJsonObject o = ProgressPrinter::toJson(r.last);
    o.insert(QStringLiteral("event"), QStringLiteral("finished"));
    o.insert(QStringLiteral("ok"), r.ok);
    o.insert(QStringLiteral("cancelled"), r.cancelled);
    if (!r.error.isEmpty())
        o.insert(QStringLiteral("error"), r.error);
    o.insert(QStringLiteral("outputs"), QJsonArray::fromStringList(r.outputs));
    return o;
}

} // namespace

int runGenerate(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Generate a schema's data into files."));
    p.addPositionalArgument(QStringLiteral("SCHEMA"),
                            QStringLiteral("Schema file, or example:NAME for a bundled example."));
    p.addOptions({
        {QStringLiteral("out"),
         QStringLiteral("Output folder, or - for standard output (one table)."),
         QStringLiteral("DIR")},
        {QStringLiteral("format"),
         QStringLiteral("csv, tsv, pgcopy (PostgreSQL COPY text), pgbinary (COPY binary) or "
                        "jsonl (one JSON object per row)."),
         QStringLiteral("F"), QStringLiteral("csv")},
        {QStringLiteral("workers"), QStringLiteral("Worker threads (default: one per core)."),
         QStringLiteral("N")},
        {QStringLiteral("split-rows"), QStringLiteral("Start a new file every N rows."),
         QStringLiteral("N")},
        {QStringLiteral("split-bytes"),
         QStringLiteral("Start a new file before SIZE bytes (e.g. 100MiB), counted before "
                        "compression."),
         QStringLiteral("SIZE")},
        {QStringLiteral("compress"),
         QStringLiteral("Compress each file (and each split part) as its own stream: gzip "
                        "(.gz) or zstd (.zst). With --out -, compressed bytes go to standard "
                        "output."),
         QStringLiteral("ALG")},
        {QStringLiteral("compress-level"),
         QStringLiteral("Compression level: gzip 1-9, zstd 1-19 and above (default 1, the "
                        "fastest)."),
         QStringLiteral("N")},
        {QStringLiteral("delimiter"), QStringLiteral("CSV field delimiter (default ',')."),
         QStringLiteral("C")},
        {QStringLiteral("quote"), QStringLiteral("CSV quote character (default '\"')."),
         QStringLiteral("C")},
        {QStringLiteral("null"),
         QStringLiteral("Text written for NULL (CSV/TSV default: empty; "
                        "pgcopy: \\N)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("no-header"), QStringLiteral("Do not write a header line (CSV, TSV).")},
        {QStringLiteral("json"), QStringLiteral("Progress and summary as JSON lines.")},
        {QStringLiteral("quiet"), QStringLiteral("No progress output.")},
    });
    addPlanOptions(p);
    addRunRecordingOptions(p);
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("generate"),
                                     QStringLiteral("Generates every table of SCHEMA (or those "
                                                    "named by --table) into --out."),
                                     1, 1))
        return *exit;
    if (!p.isSet(QStringLiteral("out"))) {
        printErr(QStringLiteral("error: --out is required: a folder, or - for standard output\n"));
        return ExitUsage;
    }
    FileSinkOptions sinkOptions;
    sinkOptions.directory = p.value(QStringLiteral("out"));
    PlanOptions planOptions;
    EngineOptions engineOptions;
    bool ok = readFormatOptions(p, sinkOptions) && readPlanOptions(p, planOptions);
    if (p.isSet(QStringLiteral("workers"))) {
        engineOptions.workers = p.value(QStringLiteral("workers")).toInt(&ok);
        if (!ok || engineOptions.workers < 1 || engineOptions.workers > 256) {
            printErr(QStringLiteral("error: --workers must be between 1 and 256\n"));
            ok = false;
        }
    }
    CliRunRecording recording(QStringLiteral("generate"), arguments, p);
    if (!ok || !recording.isReady())
        return ExitUsage;
    auto schema = loadSchema(p.positionalArguments().first(), planOptions.seed);
    if (!schema)
        return ExitUsage;
    if (Plan::wantsDirtyRows(*schema, planOptions)) { // refused before anything is written
        if (const QString problem = FileSink::dirtyRowsProblem(sinkOptions); !problem.isEmpty()) {
            printErr(QStringLiteral("error: %1\n").arg(problem));
            return ExitUsage;
        }
    }
    recording.addSettings(
        CliRunRecording::planSettings(p.positionalArguments().first(), *schema, planOptions));
    return runToFiles(schema, planOptions, sinkOptions, engineOptions,
                      ProgressPrinter::chooseMode(p.isSet(QStringLiteral("json")),
                                                  p.isSet(QStringLiteral("quiet"))),
                      &recording);
}

int runToFiles(std::shared_ptr<CompiledSchema> schema, const PlanOptions &planOptions,
               const FileSinkOptions &sinkOptions, const EngineOptions &engineOptions,
               ProgressPrinter::Mode mode, CliRunRecording *recording)
{
    QThreadPool pool;
    pool.setMaxThreadCount(engineOptions.workers > 0 ? engineOptions.workers
                                                     : QThread::idealThreadCount());
    Diagnostics diagnostics;
    auto plan = Plan::build(schema, planOptions, &pool, diagnostics);
    if (!plan) {
        for (const Diagnostic &d : diagnostics.items())
            printErr(QStringLiteral("error: %1\n").arg(d.toString()));
        return ExitUsage;
    }
    if (sinkOptions.directory == QLatin1String("-") && plan->tables().size() != 1) {
        printErr(QStringLiteral("error: --out - streams exactly one table, but this run has %1: "
                                "choose one with --table\n")
                     .arg(plan->tables().size()));
        return ExitUsage;
    }
    for (const QString &warning : plan->dirtyWarnings(sinkOptions.format.format))
        printErr(QStringLiteral("warning: %1\n").arg(warning));
    Engine engine(&pool);
    if (recording) {
        recording->attach(&engine);
        recording->addSettings(CliRunRecording::fileSettings(sinkOptions, pool.maxThreadCount()));
    }
    ProgressPrinter printer(mode, QStringLiteral("Generated"));
    QEventLoop loop;
    int exitCode = ExitOk;
    QObject::connect(&engine, &Engine::snapshotTaken, &printer, &ProgressPrinter::show);
    auto sink = std::make_shared<FileSink>(sinkOptions);
    QObject::connect(&engine, &Engine::runFinished, &loop, [&](RunResult r) {
        if (sink->isReaderGone()) { // `| head` had enough: stop quietly, as cat or seq do
            r.ok = false;
            r.cancelled = true;
            noteStdoutClosed();
        }
        printer.finish(r);
        if (mode == ProgressPrinter::Mode::Json) {
            const QString json =
                QString::fromUtf8(QJsonDocument(summaryJson(r)).toJson(QJsonDocument::Compact)) +
                QLatin1Char('\n');
            sinkOptions.directory == QLatin1String("-") ? printErr(json) : printOut(json);
        }
        if (!r.ok && !sink->isReaderGone())
            printErr(QStringLiteral("error: %1\n").arg(r.error));
        if (r.ok && plan->hasDirtyRows() && mode != ProgressPrinter::Mode::Quiet)
            printErr(QStringLiteral("Dirty rows are listed in %1\n")
                         .arg(QDir(sinkOptions.directory).filePath(DirtyManifest::fileName())));
        exitCode = r.ok ? ExitOk : ExitFailure;
        if (recording)
            exitCode = recording->finish(r, exitCode);
        loop.quit();
    });
    FormatOptions format = sinkOptions.format;
    if (!engine.start(plan, sink, format, engineOptions)) {
        printErr(QStringLiteral("error: %1\n").arg(engine.error()));
        return ExitFailure;
    }
    execCancellable(loop, &engine, [&engine] { engine.cancel(); });
    return exitCode;
}

} // namespace spillway::cli
