// spillway-cli verify: compare what PostgreSQL tables hold with what the generator makes.

#include "clicommon.h"
#include "commands.h"
#include "embeddedserver.h"
#include "pg/conninfo.h"
#include "pg/verifier.h"
#include "runrecording.h"
#include "schema/ddl.h"
#include "schema/schemaio.h"

#include <QJsonDocument>
#include <QThreadPool>

namespace spillway::cli {
namespace {

const QString kCheck = QStringLiteral("\u2713");
const QString kCross = QStringLiteral("\u2717");

void addVerifyOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("db"),
         QStringLiteral("libpq connection string or URI (PG* variables and .pgpass apply). "
                        "Default: the embedded local server."),
         QStringLiteral("CONNINFO")},
        {QStringLiteral("server-dir"), QStringLiteral("Folder of the embedded server."),
         QStringLiteral("DIR")},
        {QStringLiteral("keep-server"),
         QStringLiteral("Leave the embedded server running when verify started it.")},
        {QStringLiteral("db-schema"),
         QStringLiteral("PostgreSQL schema of the tables (default: the search_path)."),
         QStringLiteral("NAME")},
        {QStringLiteral("workers"),
         QStringLiteral("Threads generating the expected data (default: one per core)."),
         QStringLiteral("N")},
        {QStringLiteral("max-differences"),
         QStringLiteral("Differing rows and values listed per table (default 10)."),
         QStringLiteral("N"), QStringLiteral("10")},
        {QStringLiteral("map"),
         QStringLiteral("Map of where the schema's tables and columns landed (JSON: target "
                        "tables, renamed and dropped columns, casts): see the README."),
         QStringLiteral("FILE")},
        {QStringLiteral("manifest"),
         QStringLiteral("Dirty-row manifest (spillway-dirty.jsonl) of the files the pipeline "
                        "loaded: expect every clean row once and no dirty row."),
         QStringLiteral("FILE")},
        {QStringLiteral("rejects"),
         QStringLiteral("The pipeline's reject file (JSON Lines with \"file\" and \"line\", or "
                        "FILE:LINE lines): dirty rows it must list. Needs --manifest."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("Print the report as one JSON object.")},
        {QStringLiteral("attach"),
         QStringLiteral("Run record to attach the result to (default: the latest ingest or load "
                        "of this schema; 'none' to skip)."),
         QStringLiteral("RUN")},
    });
    addPlanOptions(p);
    addRunRecordingOptions(p);
}

// The latest ingest or load record of the same schema (hash), or the one --attach names.
QString attachTarget(const QCommandLineParser &p, const RunStore &store, const QString &hash)
{
    const QString wanted = p.value(QStringLiteral("attach"));
    if (wanted == QLatin1String("none"))
        return {};
    if (!wanted.isEmpty())
        return wanted;
    const QList<RunRecord> records = store.list();
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        if ((it->kind == QLatin1String("ingest") || it->kind == QLatin1String("load")) &&
            it->settings.value(QStringLiteral("schema_hash")).toString() == hash)
            return it->id;
    }
    return {};
}

// Records the verify run, and attaches its result to the run it checked.
int recordVerify(CliRunRecording &recording, const QCommandLineParser &p,
                 const VerifyReport &report, const QString &error, int exitCode,
                 const QString &schemaHash)
{
    RunResult result;
    result.ok = error.isEmpty();
    result.error = !error.isEmpty() ? error
                   : report.ok()    ? QString()
                                    : QStringLiteral("verify found differences");
    result.last.finished = true;
    result.last.elapsedSeconds = report.seconds;
    result.last.rowsDone = report.rowsCompared();
    result.last.rowsTotal = report.rowsCompared();
    result.last.meanRowsPerSecond =
        report.seconds > 0 ? double(report.rowsCompared()) / report.seconds : 0;
    result.last.rowsPerSecond = result.last.meanRowsPerSecond;
    recording.addSnapshot(result.last);
    recording.setServerVersion(report.serverVersion);
    recording.recorder().record().verify = report.toJson();
    const int code = recording.finish(result, exitCode);
    const RunStore store(p.value(QStringLiteral("runs-dir")));
    if (const QString target = attachTarget(p, store, schemaHash); !target.isEmpty() && result.ok) {
        if (const QString e = store.attachVerify(target, report.toJson()); !e.isEmpty())
            printErr(QStringLiteral("warning: could not attach the result to run %1: %2\n")
                         .arg(target, e));
    }
    return code;
}

bool readVerifyOptions(const QCommandLineParser &p, const PlanOptions &plan, VerifyOptions &options,
                       int &workers)
{
    bool ok = true;
    auto bad = [&ok](const QString &message) {
        printErr(QStringLiteral("error: %1\n").arg(message));
        ok = false;
    };
    if (plan.shardCount != 1)
        bad(QStringLiteral("verify compares whole tables: leave out --shard (tables loaded in "
                           "shards are verified once, after every shard is in)"));
    options.dbSchema = p.value(QStringLiteral("db-schema"));
    bool number = false;
    options.maxDifferences = p.value(QStringLiteral("max-differences")).toInt(&number);
    if (!number || options.maxDifferences < 0 || options.maxDifferences > 100000)
        bad(QStringLiteral("--max-differences must be between 0 and 100000"));
    options.manifestPath = p.value(QStringLiteral("manifest"));
    options.rejectsPath = p.value(QStringLiteral("rejects"));
    if (!options.rejectsPath.isEmpty() && options.manifestPath.isEmpty())
        bad(QStringLiteral("--rejects needs --manifest: the manifest says which rows are dirty"));
    if (p.isSet(QStringLiteral("map"))) {
        QString error;
        if (auto map = VerifyMap::load(p.value(QStringLiteral("map")), &error))
            options.map = *map;
        else
            bad(error);
    }
    if (p.isSet(QStringLiteral("workers"))) {
        workers = p.value(QStringLiteral("workers")).toInt(&number);
        if (!number || workers < 1 || workers > 256)
            bad(QStringLiteral("--workers must be between 1 and 256"));
    }
    return ok;
}

QString columnLine(const VerifyColumnReport &c, int nameWidth, int typeWidth)
{
    QString detail;
    if (!c.present) {
        detail = c.note;
    } else {
        detail = c.expectedNonNull == c.foundNonNull
                     ? QStringLiteral("non-null %1").arg(c.foundNonNull)
                     : QStringLiteral("non-null: expected %1, found %2")
                           .arg(c.expectedNonNull)
                           .arg(c.foundNonNull);
        if (c.checksumCompared)
            detail += QStringLiteral(", checksum %1").arg(c.checksumMatch ? kCheck : kCross);
        if (!c.note.isEmpty())
            detail += QStringLiteral(" (%1)").arg(c.note);
    }
    const QString name =
        c.target.isEmpty() ? c.name : QStringLiteral("%1 \u2192 %2").arg(c.name, c.target);
    return QStringLiteral("    %1 %2  %3  %4\n")
        .arg(c.match() ? kCheck : kCross, name.leftJustified(nameWidth),
             c.type.leftJustified(typeWidth), detail);
}

QString quoteValue(const QString &text)
{
    if (text.isNull())
        return QStringLiteral("NULL");
    QString t = text;
    t.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\n'), QStringLiteral("\\n"))
        .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    if (t.size() > 80)
        t = t.left(79) + QChar(0x2026);
    return QLatin1Char('\'') + t + QLatin1Char('\'');
}

// "id = 17", or "order_id = 3, line_no = 2" for a key of two columns.
QString keyText(const VerifyTableReport &t, const VerifyDifference &d)
{
    if (d.key.isNull())
        return QStringLiteral("%1 = NULL").arg(t.keyColumn);
    const QStringList names = t.keyColumn.split(QStringLiteral(", "));
    const QStringList values = d.key.split(QStringLiteral(", "));
    if (names.size() != values.size())
        return QStringLiteral("%1 = %2").arg(t.keyColumn, d.key);
    QStringList parts;
    for (qsizetype i = 0; i < names.size(); ++i)
        parts.append(QStringLiteral("%1 = %2").arg(names[i], values[i]));
    return parts.join(QStringLiteral(", "));
}

QString differenceLine(const VerifyTableReport &t, const VerifyDifference &d)
{
    const QString key = keyText(t, d);
    QString line;
    switch (d.kind) {
    case VerifyDifference::Kind::MissingRow:
        line = QStringLiteral("missing row  %1").arg(key);
        break;
    case VerifyDifference::Kind::ExtraRow:
        line = QStringLiteral("extra row    %1").arg(key);
        break;
    case VerifyDifference::Kind::ChangedValue:
        line = QStringLiteral("changed      %1: %2 expected %3, found %4")
                   .arg(key, d.column, quoteValue(d.expected), quoteValue(d.found));
        break;
    }
    if (!d.note.isEmpty())
        line += QStringLiteral(" (%1)").arg(d.note);
    return QStringLiteral("    ") + line + QLatin1Char('\n');
}

// One line per kind: "    number 2: 17 (orders.csv:18), 40 (orders.csv:41)".
QString dirtyCounts(const QList<VerifyDirtyCount> &counts)
{
    QString out;
    for (const VerifyDirtyCount &c : counts)
        out += QStringLiteral("    %1 %2: %3%4\n")
                   .arg(c.kind)
                   .arg(c.count)
                   .arg(c.examples.join(QStringLiteral(", ")), uint64_t(c.examples.size()) < c.count
                                                                   ? QStringLiteral(", \u2026")
                                                                   : QString());
    return out;
}

uint64_t dirtyTotal(const QList<VerifyDirtyCount> &counts)
{
    uint64_t n = 0;
    for (const VerifyDirtyCount &c : counts)
        n += c.count;
    return n;
}

QString rejectsText(const VerifyReport &r)
{
    if (r.rejects.isEmpty())
        return {};
    QString out = QStringLiteral("%1 rejects %2: %3 line(s), %4 of %5 dirty row(s) reported\n")
                      .arg(r.notRejected.isEmpty() ? kCheck : kCross, r.rejects)
                      .arg(r.rejectLines)
                      .arg(r.rejectsMatched)
                      .arg(r.dirtyRows);
    if (!r.notRejected.isEmpty())
        out += QStringLiteral("  not reported, by kind:\n") + dirtyCounts(r.notRejected);
    if (r.rejectLinesUnknown)
        out += QStringLiteral("  note: %1 line(s) are neither JSON with \"file\" and \"line\" "
                              "nor FILE:LINE, e.g. %2\n")
                   .arg(r.rejectLinesUnknown)
                   .arg(r.unknownRejectLines.value(0));
    return out + QLatin1Char('\n');
}

QString tableText(const VerifyTableReport &t)
{
    const QString relation =
        t.relation.contains(QLatin1Char('.')) || t.relation != Ddl::quoteIdentifier(t.name)
            ? QStringLiteral(" (%1)").arg(t.relation)
            : QString();
    QString out = QStringLiteral("%1 %2%3  ").arg(t.match() ? kCheck : kCross, t.name, relation);
    if (!t.exists)
        out += QStringLiteral("missing: expected %1 rows\n").arg(t.expectedRows);
    else if (t.expectedRows == t.foundRows)
        out += QStringLiteral("%1 rows\n").arg(t.foundRows);
    else
        out += QStringLiteral("rows: expected %1, found %2\n").arg(t.expectedRows).arg(t.foundRows);
    int nameWidth = 0, typeWidth = 0;
    for (const VerifyColumnReport &c : t.columns) {
        nameWidth = std::max(nameWidth,
                             int(c.name.size() + (c.target.isEmpty() ? 0 : c.target.size() + 3)));
        typeWidth = std::max(typeWidth, int(c.type.size()));
    }
    for (const VerifyColumnReport &c : t.columns)
        out += columnLine(c, nameWidth, typeWidth);
    if (!t.differences.isEmpty()) {
        out += QStringLiteral("  first differences, by %1 (%2 of %3 key ranges differ):\n")
                   .arg(t.keyColumn)
                   .arg(t.rangesDiffering)
                   .arg(t.rangeCount);
        for (const VerifyDifference &d : t.differences)
            out += differenceLine(t, d);
    }
    if (t.duplicates)
        out += QStringLiteral("  duplicates: %1 row(s) repeat another row whole%2\n")
                   .arg(t.duplicates)
                   .arg(t.duplicateKeys.isEmpty()
                            ? QString()
                            : QStringLiteral(" (%1 %2%3)")
                                  .arg(t.keyColumn, t.duplicateKeys.join(QStringLiteral("; ")),
                                       uint64_t(t.duplicateKeys.size()) < t.duplicates
                                           ? QStringLiteral(", \u2026")
                                           : QString()));
    if (t.dirtyRows || !t.dirtyLoaded.isEmpty())
        out +=
            t.dirtyLoaded.isEmpty()
                ? QStringLiteral("  dirty rows: %1 in the manifest, none got in\n").arg(t.dirtyRows)
                : QStringLiteral("  dirty rows: %1 in the manifest, %2 got in, by kind (key, "
                                 "where it was written):\n%3")
                      .arg(t.dirtyRows)
                      .arg(dirtyTotal(t.dirtyLoaded))
                      .arg(dirtyCounts(t.dirtyLoaded));
    for (const QString &note : t.notes)
        out += QStringLiteral("  note: %1\n").arg(note);
    return out + QLatin1Char('\n');
}

QString summaryText(const VerifyReport &r)
{
    QStringList differing;
    for (const VerifyTableReport &t : r.tables) {
        if (!t.match())
            differing.append(t.name);
    }
    const double rate = r.seconds > 0 ? double(r.rowsCompared()) / r.seconds : 0;
    const QString speed = QStringLiteral("%1 rows in %2 (%3 rows/s), PostgreSQL %4")
                              .arg(formatCount(double(r.rowsCompared())), formatDuration(r.seconds),
                                   formatCount(rate), r.serverVersion);
    QStringList problems;
    if (!differing.isEmpty())
        problems.append(QStringLiteral("%1 of %2 table(s) differ (%3)")
                            .arg(differing.size())
                            .arg(r.tables.size())
                            .arg(differing.join(QStringLiteral(", "))));
    if (!r.notRejected.isEmpty())
        problems.append(QStringLiteral("%1 dirty row(s) not in the reject file")
                            .arg(dirtyTotal(r.notRejected)));
    if (problems.isEmpty())
        return QStringLiteral("%1 All %2 table(s) match: %3\n")
            .arg(kCheck)
            .arg(r.tables.size())
            .arg(speed);
    return QStringLiteral("%1 %2: %3\n").arg(kCross, problems.join(QStringLiteral("; ")), speed);
}

void printJson(const QJsonObject &object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) +
             QLatin1Char('\n'));
}

// Runs the comparison and prints the report: tables as they finish, or one JSON object.
int verify(const QString &argument, std::shared_ptr<const Plan> plan, const VerifyOptions &options,
           bool json, QThreadPool *pool, VerifyReport &report, QString &error)
{
    Verifier verifier(pool);
    if (!json)
        verifier.setTableFinished([](const VerifyTableReport &t) { printOut(tableText(t)); });
    report.schema = argument;
    if (!json)
        printOut(QStringLiteral("Verifying %1 (seed %2) against %3\n\n")
                     .arg(argument)
                     .arg(plan->schema()->seed())
                     .arg(ConnInfo::masked(options.conninfo)));
    if (const QString e = verifier.run(plan, options, report); !e.isEmpty()) {
        error = e;
        if (json) {
            QJsonObject o = report.toJson();
            o.insert(QStringLiteral("ok"), false);
            o.insert(QStringLiteral("error"), e);
            printJson(o);
        }
        printErr(QStringLiteral("error: %1\n").arg(e));
        return ExitFailure;
    }
    if (json)
        printJson(report.toJson());
    else
        printOut(rejectsText(report) + summaryText(report));
    return report.ok() ? ExitOk : ExitMismatch;
}

// What verify read besides the schema, for the run record: the map, and the files' paths.
QJsonObject inputSettings(const QCommandLineParser &p, const VerifyOptions &options)
{
    QJsonObject inputs;
    if (!options.map.isEmpty())
        inputs.insert(QStringLiteral("map"), options.map.toJson());
    for (const char *key : {"map", "manifest", "rejects"}) {
        if (p.isSet(QLatin1String(key)))
            inputs.insert(QLatin1String(key) + QStringLiteral("_path"),
                          p.value(QLatin1String(key)));
    }
    return inputs;
}

} // namespace

int runVerify(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("SCHEMA"),
                            QStringLiteral("Schema file or example:NAME."));
    addVerifyOptions(p);
    if (auto exit = parseCommandLine(
            p, arguments, QStringLiteral("verify"),
            QStringLiteral("Recomputes what each table must hold (with the same --rows/--scale/"
                           "--seed as the load) and compares it with the database: row counts, "
                           "per-column non-null counts and checksums, and the first differing "
                           "rows of tables keyed by a sequence. Works on tables loaded by any "
                           "tool. Exit codes: 0 match, 3 differences, 1 failure, 2 usage."),
            1, 1))
        return *exit;
    PlanOptions planOptions;
    VerifyOptions options;
    int workers = QThread::idealThreadCount();
    if (!readPlanOptions(p, planOptions) || !readVerifyOptions(p, planOptions, options, workers))
        return ExitUsage;
    const QString argument = p.positionalArguments().first();
    auto schema = loadSchema(argument, planOptions.seed);
    if (!schema)
        return ExitUsage;
    CliRunRecording recording(QStringLiteral("verify"), arguments, p);
    if (!recording.isReady())
        return ExitUsage;
    recording.addSettings(CliRunRecording::planSettings(argument, *schema, planOptions));
    recording.addSettings(inputSettings(p, options));
    QThreadPool pool;
    pool.setMaxThreadCount(workers);
    Diagnostics diagnostics;
    std::shared_ptr<const Plan> plan = Plan::build(schema, planOptions, &pool, diagnostics);
    for (const Diagnostic &d : diagnostics.items())
        printErr(QStringLiteral("error: %1\n").arg(d.toString()));
    if (!plan)
        return ExitUsage;
    if (const QString problems = options.map.validate(*plan->schema()); !problems.isEmpty()) {
        for (const QString &line : problems.split(QLatin1Char('\n')))
            printErr(QStringLiteral("error: %1\n").arg(line));
        return ExitUsage;
    }
    EmbeddedServerGuard server(p);
    if (const auto exit = server.resolve(p, options.conninfo))
        return *exit;
    VerifyReport report;
    QString error;
    const int code =
        verify(argument, plan, options, p.isSet(QStringLiteral("json")), &pool, report, error);
    return recordVerify(recording, p, report, error, code, SchemaIO::hash(schema->schema()));
}

QString verifyReportText(const VerifyReport &report)
{
    QString text;
    for (const VerifyTableReport &t : report.tables)
        text += tableText(t);
    return text + summaryText(report);
}

} // namespace spillway::cli
