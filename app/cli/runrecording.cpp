#include "runrecording.h"

#include "clicommon.h"
#include "files/filesink.h"
#include "run/plan.h"
#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace spillway::cli {
namespace {

QString runsDirectory(const QCommandLineParser &parser)
{
    return parser.value(QStringLiteral("runs-dir"));
}

// main() removed the command from the arguments; a record shows the command line as typed.
QStringList typedCommandLine(const QString &kind, const QStringList &arguments)
{
    QStringList line{QStringLiteral("spillway-cli"), kind};
    line += arguments.mid(1);
    return line;
}

QString freshId(const RunStore &store, const QString &kind)
{
    QString id;
    do
        id = RunRecord::newId(kind, QDateTime::currentDateTimeUtc());
    while (store.contains(id));
    return id;
}

void printJsonLine(const QJsonObject &object)
{
    printErr(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) +
             QLatin1Char('\n'));
}

} // namespace

void addRunRecordingOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("runs-dir"),
         QStringLiteral("Folder of run records (default: $SPILLWAY_RUNS_DIR, else "
                        "~/.local/share/spillway/runs)."),
         QStringLiteral("DIR")},
        {QStringLiteral("assert"),
         QStringLiteral("Threshold on the run's summary, e.g. 'rows_per_s>=500000' or "
                        "'p95_commit_ms<=2000'; repeatable. A violation exits with 4."),
         QStringLiteral("EXPR")},
        {QStringLiteral("no-record"), QStringLiteral("Do not keep a record of this run.")},
    });
}

CliRunRecording::CliRunRecording(const QString &kind, const QStringList &arguments,
                                 const QCommandLineParser &parser)
    : m_store(runsDirectory(parser))
    , m_recorder(kind, typedCommandLine(kind, arguments), freshId(m_store, kind))
    , m_record(!parser.isSet(QStringLiteral("no-record")))
    , m_json(parser.optionNames().contains(QStringLiteral("json")))
    , m_quiet(parser.optionNames().contains(QStringLiteral("quiet")))
{
    for (const QString &text : parser.values(QStringLiteral("assert"))) {
        QString error;
        if (auto threshold = Threshold::parse(text, &error)) {
            m_thresholds.append(*threshold);
        } else {
            printErr(QStringLiteral("error: %1\n").arg(error));
            m_ready = false;
        }
    }
}

void CliRunRecording::addSettings(const QJsonObject &settings)
{
    QJsonObject &target = m_recorder.record().settings;
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
        target.insert(it.key(), it.value());
}

void CliRunRecording::setServerVersion(const QString &version)
{
    m_recorder.record().serverVersion = version;
}

int CliRunRecording::finish(const RunResult &result, int exitCode, const QJsonObject &settings)
{
    addSettings(settings);
    m_recorder.finish(result);
    RunRecord &record = m_recorder.record();
    for (const auto &[name, value] : m_extraSummary)
        record.summary.set(name, value);
    // A failed run's figures say nothing about its speed: its own failure is the exit code.
    if (result.ok) {
        for (const Threshold &threshold : m_thresholds)
            record.thresholds.append(evaluate(threshold, record.summary));
    }
    const QString saveError = m_record ? m_store.save(record) : QString();
    report(record, saveError);
    if (exitCode == ExitOk && !record.thresholdsPassed())
        return ExitThreshold;
    return exitCode;
}

void CliRunRecording::report(const RunRecord &record, const QString &saveError) const
{
    const bool saved = m_record && saveError.isEmpty();
    if (m_json) {
        QJsonArray thresholds;
        for (const ThresholdResult &t : record.thresholds)
            thresholds.append(t.toJson());
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("recorded")},
                      {QStringLiteral("run_id"), saved ? QJsonValue(record.id) : QJsonValue()},
                      {QStringLiteral("thresholds"), thresholds},
                      {QStringLiteral("thresholds_passed"), record.thresholdsPassed()}};
        if (saved)
            o.insert(QStringLiteral("file"), m_store.fileName(record.id));
        if (!saveError.isEmpty())
            o.insert(QStringLiteral("error"), saveError);
        printJsonLine(o);
        return;
    }
    for (const ThresholdResult &t : record.thresholds) {
        if (!t.passed)
            printErr(QStringLiteral("threshold violated: %1\n").arg(t.message));
    }
    if (!saveError.isEmpty())
        printErr(QStringLiteral("warning: the run was not recorded: %1\n").arg(saveError));
    if (m_quiet || isStdoutClosed()) // `| head` took what it needed: end without a word
        return;
    if (!record.thresholds.isEmpty() && record.thresholdsPassed())
        printErr(QStringLiteral("All %1 threshold(s) hold.\n").arg(record.thresholds.size()));
    if (saved)
        printErr(QStringLiteral("Run recorded as %1 (spillway-cli runs show %1%2)\n")
                     .arg(record.id, runsDirOption()));
}

QString CliRunRecording::runsDirOption() const
{
    if (m_store.directory() == RunStore::defaultDirectory())
        return {};
    return QStringLiteral(" --runs-dir '%1'").arg(m_store.directory());
}

QJsonObject CliRunRecording::planSettings(const QString &schemaArgument,
                                          const CompiledSchema &schema, const PlanOptions &options)
{
    QJsonObject o{{QStringLiteral("schema_file"), schemaArgument},
                  {QStringLiteral("schema_name"), schema.schema().name},
                  {QStringLiteral("schema_hash"), SchemaIO::hash(schema.schema())},
                  // A string: seeds use all 64 bits, more than a JSON number holds exactly.
                  {QStringLiteral("seed"), QString::number(options.seed.value_or(schema.seed()))},
                  {QStringLiteral("chunk_rows"), options.chunkRows
                                                     ? QJsonValue(double(options.chunkRows))
                                                     : QJsonValue(QStringLiteral("auto"))}};
    if (options.rows)
        o.insert(QStringLiteral("rows"), double(*options.rows));
    if (!options.tableRows.isEmpty()) {
        QJsonObject tableRows;
        for (auto it = options.tableRows.constBegin(); it != options.tableRows.constEnd(); ++it)
            tableRows.insert(it.key(), double(it.value()));
        o.insert(QStringLiteral("table_rows"), tableRows);
    }
    if (options.scale != 1.0)
        o.insert(QStringLiteral("scale"), options.scale);
    if (!options.tables.isEmpty())
        o.insert(QStringLiteral("tables"), QJsonArray::fromStringList(options.tables));
    if (options.shardCount > 1)
        o.insert(QStringLiteral("shard"),
                 QStringLiteral("%1/%2").arg(options.shardIndex).arg(options.shardCount));
    if (options.dirty.isSet || options.dirty.any()) {
        o.insert(QStringLiteral("dirty"), options.dirty.fraction);
        o.insert(QStringLiteral("dirty_kinds"),
                 QJsonArray::fromStringList(options.dirty.kindNames()));
    }
    return o;
}

QJsonObject CliRunRecording::fileSettings(const FileSinkOptions &options, int workers)
{
    QJsonObject o{{QStringLiteral("format"), FormatOptions::formatName(options.format.format)},
                  {QStringLiteral("output"), options.directory == QLatin1String("-")
                                                 ? options.directory
                                                 : QFileInfo(options.directory).absoluteFilePath()},
                  {QStringLiteral("workers"), workers}};
    if (options.splitRows)
        o.insert(QStringLiteral("split_rows"), double(options.splitRows));
    if (options.splitBytes)
        o.insert(QStringLiteral("split_bytes"), double(options.splitBytes));
    if (!options.format.header)
        o.insert(QStringLiteral("header"), false);
    if (options.compression != Compression::None) {
        o.insert(QStringLiteral("compression"), Compressor::name(options.compression));
        o.insert(QStringLiteral("compression_level"), options.compressionLevel);
    }
    return o;
}

} // namespace spillway::cli
