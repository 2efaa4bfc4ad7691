// spillway-cli import: a schema document from the user's own tables, read from a live
// database's catalog (and pg_stats with --profile) or from a DDL file applied to a scratch
// database on the embedded server.

#include "clicommon.h"
#include "commands.h"
#include "embeddedserver.h"
#include "pg/catalogreader.h"
#include "pg/conninfo.h"
#include "pg/ddlimport.h"
#include "schema/importer.h"
#include "schema/schemaio.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>

#include <limits>

namespace spillway::cli {
namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("spillway::cli::ImportCommand", text, nullptr, n);
}

void addImportOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("db"),
         tr("The database to read: libpq connection string or URI (PG* variables and .pgpass "
            "apply)."),
         QStringLiteral("CONNINFO")},
        {QStringLiteral("db-schema"),
         tr("A PostgreSQL schema to import (repeatable). Default: the search_path's (a DDL "
            "file: every schema it creates tables in)."),
         QStringLiteral("NAME")},
        {QStringLiteral("table"),
         tr("A table to import, NAME or SCHEMA.NAME (repeatable). Default: every table."),
         QStringLiteral("T")},
        {QStringLiteral("profile"),
         tr("Shape the data by pg_stats: null fractions, common values with their shares, "
            "histograms, distinct counts. Reads statistics only, never a table's rows.")},
        {QStringLiteral("rows-from"),
         tr("Row counts: 'stats' (pg_class.reltuples, the default) or a number for every root "
            "table."),
         QStringLiteral("stats|N"), QStringLiteral("stats")},
        {QStringLiteral("seed"), tr("The document's seed (default 42)."), QStringLiteral("N"),
         QStringLiteral("42")},
        {QStringLiteral("name"), tr("The document's name (default: the database's or file's)."),
         QStringLiteral("NAME")},
        {{QStringLiteral("o"), QStringLiteral("out")},
         tr("Write the document to FILE (default: standard output)."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"), tr("Write the report of guesses and warnings as JSON.")},
        {QStringLiteral("server-dir"), tr("Folder of the embedded server (DDL files)."),
         QStringLiteral("DIR")},
        {QStringLiteral("keep-server"),
         tr("Leave the embedded server running and print how to connect.")},
    });
}

struct Request
{
    QString file; // a DDL file, "-" for standard input; empty with --db
    QString conninfo;
    CatalogSelection selection;
    ImportOptions options;
};

std::optional<Request> readRequest(const QCommandLineParser &p)
{
    auto bad = [](const QString &m) {
        printErr(QStringLiteral("error: %1\nTry 'spillway-cli import --help'.\n").arg(m));
        return std::nullopt;
    };
    Request r;
    r.file = p.positionalArguments().value(0);
    r.conninfo = p.value(QStringLiteral("db"));
    if (r.file.isEmpty() == !p.isSet(QStringLiteral("db")))
        return bad(tr("give either --db CONNINFO (a live database) or a DDL file, not both"));
    r.selection.schemas = p.values(QStringLiteral("db-schema"));
    r.selection.tables = p.values(QStringLiteral("table"));
    r.selection.withStats = r.options.profile = p.isSet(QStringLiteral("profile"));
    if (r.options.profile && !r.file.isEmpty())
        return bad(tr("--profile reads a live database's pg_stats; a DDL file has no statistics "
                      "(import it, load data, ANALYZE, then import with --db)"));
    if (const QString rows = p.value(QStringLiteral("rows-from")); rows != QLatin1String("stats")) {
        const std::optional<uint64_t> n = parseCount(rows);
        if (!n || *n == 0 || *n > uint64_t(std::numeric_limits<int64_t>::max()))
            return bad(tr("--rows-from must be 'stats' or a positive row count (e.g. 10000 or "
                          "10k), not '%1'")
                           .arg(rows));
        r.options.rows = int64_t(*n);
    }
    bool seedOk = false;
    r.options.seed = p.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return bad(tr("--seed must be a non-negative integer"));
    r.options.name = p.value(QStringLiteral("name"));
    return r;
}

// The catalog: from the live database, or from the DDL file on a scratch database.
std::optional<CatalogRead> readSource(const Request &r, const QCommandLineParser &p, int *exit)
{
    if (r.file.isEmpty()) {
        CatalogRead read = readCatalog(r.conninfo, r.selection);
        if (!read.error.isEmpty()) {
            printErr(QStringLiteral("error: %1\n").arg(read.error));
            *exit = read.selectionError ? ExitUsage : ExitFailure;
            return std::nullopt;
        }
        return read;
    }
    QFile file(r.file);
    const bool opened = r.file == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                     : file.open(QIODevice::ReadOnly);
    if (!opened) {
        printErr(QStringLiteral("error: %1\n")
                     .arg(tr("cannot read '%1': %2").arg(r.file, file.errorString())));
        *exit = ExitUsage;
        return std::nullopt;
    }
    const QString text = QString::fromUtf8(file.readAll());
    EmbeddedServerGuard server(p);
    if (const QString e = server.start(); !e.isEmpty()) {
        printErr(QStringLiteral("error: %1\n").arg(e));
        *exit = ExitFailure;
        return std::nullopt;
    }
    const DdlImportResult result = importDdl(text, server.connectionString(), r.selection);
    if (!result.ok()) {
        printErr(QStringLiteral("error: %1\n").arg(result.errorText(r.file)));
        *exit = result.error.isEmpty() && !result.read.selectionError ? ExitFailure : ExitUsage;
        return std::nullopt;
    }
    return result.read;
}

// Notes grouped by table (the order the importer gave), each with its column and kind.
QString reportText(const QList<ImportNote> &notes, int tables)
{
    QMap<QString, int> kinds;
    for (const ImportNote &n : notes)
        ++kinds[n.kind];
    QString text = tr("Imported %n table(s)", tables) + QStringLiteral(": ");
    QStringList counts;
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        counts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    text += (counts.isEmpty() ? tr("nothing to report") : counts.join(QStringLiteral(", "))) +
            QLatin1Char('\n');
    QStringList order;
    QMap<QString, QList<const ImportNote *>> byTable;
    for (const ImportNote &n : notes) {
        if (!byTable.contains(n.table))
            order.append(n.table);
        byTable[n.table].append(&n);
    }
    for (const QString &table : std::as_const(order)) {
        text += (table.isEmpty() ? tr("(all tables)") : table) + QStringLiteral(":\n");
        for (const ImportNote *n : byTable.value(table))
            text += QStringLiteral("  %1%2: %3\n")
                        .arg(n->column.isEmpty() ? QString() : n->column + QLatin1Char(' '),
                             n->kind, n->message);
    }
    return text;
}

QByteArray reportJson(const QList<ImportNote> &notes, int tables, const Diagnostics &problems)
{
    QJsonArray list;
    for (const ImportNote &n : notes)
        list.append(QJsonObject{{QStringLiteral("table"), n.table},
                                {QStringLiteral("column"), n.column},
                                {QStringLiteral("kind"), n.kind},
                                {QStringLiteral("message"), n.message}});
    QJsonArray invalid;
    for (const Diagnostic &d : problems.items())
        invalid.append(
            QJsonObject{{QStringLiteral("path"), d.path}, {QStringLiteral("message"), d.message}});
    return QJsonDocument(QJsonObject{{QStringLiteral("tables"), tables},
                                     {QStringLiteral("valid"), problems.isEmpty()},
                                     {QStringLiteral("problems"), invalid},
                                     {QStringLiteral("notes"), list}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

// The document as the designer saves it (SchemaIO's key order), when it reads back.
QByteArray documentBytes(const QJsonObject &document)
{
    Diagnostics ignored;
    if (const std::optional<Schema> schema = SchemaIO::fromJson(document, ignored))
        return SchemaIO::toBytes(*schema);
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

bool writeDocument(const QByteArray &bytes, const QString &out)
{
    if (out.isEmpty()) {
        printOut(QString::fromUtf8(bytes));
        return true;
    }
    QSaveFile file(out);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    printErr(QStringLiteral("error: %1\n")
                 .arg(tr("cannot write '%1': %2").arg(out, file.errorString())));
    return false;
}

} // namespace

int runImport(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE.sql"),
                            tr("A DDL file (pg_dump --schema-only or CREATE statements), or - for "
                               "standard input; leave it out with --db."),
                            QStringLiteral("[FILE.sql]"));
    addImportOptions(p);
    if (auto exit = parseCommandLine(
            p, arguments, QStringLiteral("import"),
            tr("Writes a schema document for existing tables: their exact types, keys, foreign "
               "keys, CHECKs, comments and row counts, with generators guessed from names and "
               "types (each guess reported with its reason), from a live database (--db) or a "
               "DDL file applied to a scratch database on the embedded server. With --profile, "
               "pg_stats shapes the values; no table row is read."),
            0, 1))
        return *exit;
    std::optional<Request> request = readRequest(p);
    if (!request)
        return ExitUsage;
    int exit = ExitOk;
    const std::optional<CatalogRead> read = readSource(*request, p, &exit);
    if (!read)
        return exit;
    if (request->options.name.isEmpty() && request->file.isEmpty())
        request->options.name =
            ConnInfo::options(request->conninfo).value(QStringLiteral("dbname"));
    else if (request->options.name.isEmpty() && request->file != QLatin1String("-"))
        request->options.name = QFileInfo(request->file).completeBaseName();
    const ImportResult result = importCatalog(read->catalog, request->options);
    const QList<ImportNote> notes = read->notes + result.notes;
    const QByteArray bytes = documentBytes(result.document);
    const Diagnostics problems = SchemaIO::validate(bytes);
    if (!writeDocument(bytes, p.value(QStringLiteral("out"))))
        return ExitFailure;
    const int tables = int(read->catalog.tables.size());
    if (p.isSet(QStringLiteral("json")))
        printErr(QString::fromUtf8(reportJson(notes, tables, problems)));
    else
        printErr(reportText(notes, tables));
    if (problems.isEmpty())
        return ExitOk;
    if (!p.isSet(QStringLiteral("json"))) {
        for (const Diagnostic &d : problems.items())
            printErr(QStringLiteral("error: %1\n").arg(d.toString()));
        printErr(tr("The imported document does not validate; fix the problems above in it.\n"));
    }
    return ExitFailure;
}

} // namespace spillway::cli
