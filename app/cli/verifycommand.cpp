// spillway-cli verify: compare what PostgreSQL tables hold with what the generator makes.

#include "clicommon.h"
#include "commands.h"
#include "embeddedserver.h"
#include "pg/conninfo.h"
#include "pg/verifier.h"
#include "runrecording.h"
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
    return QStringLiteral("    %1 %2  %3  %4\n")
        .arg(c.match() ? kCheck : kCross, c.name.leftJustified(nameWidth),
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

QString tableText(const VerifyTableReport &t)
{
    QString out = QStringLiteral("%1 %2  ").arg(t.match() ? kCheck : kCross, t.name);
    if (!t.exists)
        out += QStringLiteral("missing: expected %1 rows\n").arg(t.expectedRows);
    else if (t.expectedRows == t.foundRows)
        out += QStringLiteral("%1 rows\n").arg(t.foundRows);
    else
        out += QStringLiteral("rows: expected %1, found %2\n").arg(t.expectedRows).arg(t.foundRows);
    int nameWidth = 0, typeWidth = 0;
    for (const VerifyColumnReport &c : t.columns) {
        nameWidth = std::max(nameWidth, int(c.name.size()));
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
    if (differing.isEmpty())
        return QStringLiteral("%1 All %2 table(s) match: %3\n")
            .arg(kCheck)
            .arg(r.tables.size())
            .arg(speed);
    return QStringLiteral("%1 %2 of %3 table(s) differ (%4): %5\n")
        .arg(kCross)
        .arg(differing.size())
        .arg(r.tables.size())
        .arg(differing.join(QStringLiteral(", ")), speed);
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
        printOut(summaryText(report));
    return report.ok() ? ExitOk : ExitMismatch;
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
    QThreadPool pool;
    pool.setMaxThreadCount(workers);
    Diagnostics diagnostics;
    std::shared_ptr<const Plan> plan = Plan::build(schema, planOptions, &pool, diagnostics);
    for (const Diagnostic &d : diagnostics.items())
        printErr(QStringLiteral("error: %1\n").arg(d.toString()));
    if (!plan)
        return ExitUsage;
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
