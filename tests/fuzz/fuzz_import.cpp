// Fuzz target: the parsers of the schema import (issue 12) on hostile text.
//  1. The whole input is a DDL file for splitDdl() (core/pg/ddlimport.h): statements lie within
//     the file, in order, and each is text of the file.
//  2. Every line is a CHECK definition for parseCheck() and a regular expression for
//     regexToPattern() (core/schema/importchecks.cpp): a translated pattern must parse as the
//     `pattern` generator's pattern.
//  3. The lines also describe a small catalog (see readCatalog below); importCatalog() of it
//     must give a document that parses and compiles without diagnostics, and whose every table
//     previews a few rows: the importer promises a valid document for any catalog.

#include "generators/pattern.h"
#include "pg/ddlimport.h"
#include "run/preview.h"
#include "schema/compiledschema.h"
#include "schema/importer.h"
#include "schema/importinternal.h"
#include "schema/schemaio.h"

#include <QHashFunctions>
#include <QJsonDocument>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace spillway;

namespace {

constexpr size_t kMaxInput = 16 * 1024;
constexpr int kPreviewRows = 3;
constexpr int kMaxTables = 4;
constexpr int kMaxColumns = 12;

void check(bool condition, const char *what, const QString &detail = QString())
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_import: check failed: %s\n%s\n", what,
                     detail.toUtf8().constData());
        std::abort();
    }
}

void checkSplit(const QString &text)
{
    const DdlSplit split = splitDdl(text);
    const int lines = int(text.count(QLatin1Char('\n'))) + 1;
    int previous = 1;
    for (const DdlStatement &s : split.statements) {
        check(s.line >= previous && s.line <= lines, "statements' lines are in the file, in order",
              QString::number(s.line));
        check(text.contains(s.sql), "a statement is text of the file", s.sql);
        check(!s.skip || !s.skipReason.isEmpty(), "a skipped statement says why");
        previous = s.line;
    }
    if (!split.error.isEmpty())
        check(split.errorLine >= 1 && split.errorLine <= lines, "an error names a line of the file",
              QString::number(split.errorLine));
}

void checkPattern(const QString &regex)
{
    QString why;
    const QString pattern = import::regexToPattern(regex, &why);
    if (pattern.isEmpty())
        return;
    const PatternParseResult parsed = Pattern::parse(pattern);
    check(parsed.pattern.has_value(), "a translated regular expression parses as a pattern",
          regex + QLatin1String(" -> ") + pattern + QLatin1String(": ") + parsed.error);
}

void checkChecks(const QStringList &lines)
{
    for (const QString &line : lines) {
        QHash<QString, import::ColumnRules> rules;
        import::parseCheck(line, QStringLiteral("v"), rules);
        for (const import::ColumnRules &r : std::as_const(rules)) {
            if (!r.regex.isEmpty())
                checkPattern(r.regex);
        }
        checkPattern(line);
    }
}

const QStringList kTypes = {
    QStringLiteral("integer"),
    QStringLiteral("bigint"),
    QStringLiteral("smallint"),
    QStringLiteral("numeric(12,2)"),
    QStringLiteral("numeric"),
    QStringLiteral("real"),
    QStringLiteral("double precision"),
    QStringLiteral("money"),
    QStringLiteral("boolean"),
    QStringLiteral("date"),
    QStringLiteral("time without time zone"),
    QStringLiteral("timestamp without time zone"),
    QStringLiteral("timestamp with time zone"),
    QStringLiteral("interval"),
    QStringLiteral("uuid"),
    QStringLiteral("text"),
    QStringLiteral("character varying(40)"),
    QStringLiteral("character(3)"),
    QStringLiteral("jsonb"),
    QStringLiteral("bytea"),
    QStringLiteral("inet"),
    QStringLiteral("cidr"),
    QStringLiteral("macaddr"),
    QStringLiteral("point"),
    QStringLiteral("integer[]"),
    QStringLiteral("text[]"),
    QStringLiteral("geometry(Point,4326)"),
    QStringLiteral("geometry"),
};

bool validName(const QString &name)
{
    const qsizetype bytes = name.toUtf8().size();
    // Blank names (CREATE TABLE " " ...) are legal in PostgreSQL but refused by Spillway's
    // documents, and the importer does not rename: not fuzzed.
    return bytes >= 1 && bytes <= 63 && !name.contains(QChar(0)) && !name.trimmed().isEmpty();
}

QStringList fields(const QString &text)
{
    return text.split(QLatin1Char('|'));
}

// The catalog the lines describe, one item a line, the first character saying what:
//   T name            a table            R n              its reltuples
//   C name type       a column (type: a number picks from kTypes, else the raw text)
//   E a|b|c           the column's enum labels      D def   a CHECK of the column's domain
//   N                 the column is NOT NULL        I       an identity column
//   K def             a CHECK of the table on the last column
//   P / U             primary key / unique on the last column
//   F table col       a foreign key from the last column
//   S nf nd width     pg_stats of the last column   M a|b   most_common_vals
//   H a|b|c           histogram_bounds              X       PostGIS   O n: --rows-from n
struct Reader
{
    Catalog catalog;
    ImportOptions options;

    CatalogColumn *column()
    {
        if (catalog.tables.isEmpty() || catalog.tables.back().columns.isEmpty())
            return nullptr;
        return &catalog.tables.back().columns.back();
    }
    CatalogStats *stats()
    {
        CatalogColumn *c = column();
        if (!c)
            return nullptr;
        QList<CatalogStats> &all = catalog.tables.back().stats;
        if (all.isEmpty() || all.back().column != c->name) {
            CatalogStats fresh;
            fresh.column = c->name;
            all.append(fresh);
        }
        options.profile = true;
        return &all.back();
    }
    void constraint(char type, const QString &definition)
    {
        if (CatalogColumn *c = column()) {
            CatalogTable &t = catalog.tables.back();
            CatalogConstraint k;
            k.name = QStringLiteral("k%1").arg(t.constraints.size());
            k.type = type;
            k.columns = {c->name};
            k.definition = definition;
            t.constraints.append(k);
        }
    }
    // Names as PostgreSQL has them: 1 to 63 bytes, distinct among their siblings.
    void table(const QString &name)
    {
        if (catalog.tables.size() >= kMaxTables || !validName(name))
            return;
        for (const CatalogTable &t : std::as_const(catalog.tables)) {
            if (t.name == name)
                return;
        }
        CatalogTable t;
        t.schema = QStringLiteral("public");
        t.name = name;
        catalog.tables.append(t);
    }
    void addColumn(const QString &rest)
    {
        if (catalog.tables.isEmpty() || catalog.tables.back().columns.size() >= kMaxColumns)
            return;
        const qsizetype space = rest.indexOf(QLatin1Char(' '));
        CatalogColumn c;
        c.name = rest.left(space);
        if (!validName(c.name))
            return;
        for (const CatalogColumn &other : std::as_const(catalog.tables.back().columns)) {
            if (other.name == c.name)
                return;
        }
        c.sqlType = space < 0 ? QStringLiteral("text") : rest.mid(space + 1);
        bool number = false;
        const uint pick = c.sqlType.toUInt(&number);
        if (number)
            c.sqlType = kTypes[int(pick % uint(kTypes.size()))];
        c.typeKind = QStringLiteral("b");
        c.ordinal = int(catalog.tables.back().columns.size()) + 1;
        catalog.tables.back().columns.append(c);
    }
    void foreignKey(const QString &rest)
    {
        const QStringList ref = rest.split(QLatin1Char(' '));
        if (column() && ref.size() == 2) {
            constraint('f', QString());
            CatalogConstraint &k = catalog.tables.back().constraints.back();
            k.refSchema = QStringLiteral("public");
            k.refTable = ref[0];
            k.refColumns = {ref[1]};
        }
    }
    void statsNumbers(const QString &rest)
    {
        const QStringList n = rest.split(QLatin1Char(' '));
        if (CatalogStats *s = stats()) {
            s->nullFrac = n.value(0).toDouble();
            s->nDistinct = n.value(1).toDouble();
            s->avgWidth = n.value(2).toInt();
            if (n.size() > 3)
                s->correlation = n[3].toDouble();
        }
    }
    void mostCommon(const QString &rest)
    {
        if (CatalogStats *s = stats()) {
            s->mostCommonVals = fields(rest);
            s->mostCommonFreqs.clear();
            for (qsizetype i = 0; i < s->mostCommonVals.size(); ++i)
                s->mostCommonFreqs.append(1.0 / double(s->mostCommonVals.size() + i + 1));
        }
    }
    void line(const QString &l)
    {
        const QChar what = l.isEmpty() ? QChar() : l[0];
        const QString rest = l.mid(2);
        CatalogColumn *c = column();
        switch (what.unicode()) {
        case 'T':
            table(rest);
            break;
        case 'R':
            if (!catalog.tables.isEmpty())
                catalog.tables.back().reltuples = rest.toDouble();
            break;
        case 'C':
            addColumn(rest);
            break;
        case 'E':
            if (c) {
                c->typeKind = QStringLiteral("e");
                c->enumLabels = fields(rest);
                c->enumLabels.removeIf([](const QString &l) { return !validName(l); });
                c->enumLabels.removeDuplicates();
            }
            break;
        case 'D':
            if (c)
                c->domainChecks.append(rest);
            break;
        case 'N':
            if (c)
                c->notNull = true;
            break;
        case 'I':
            if (c)
                c->identity = QStringLiteral("d");
            break;
        case 'K':
            constraint('c', rest);
            break;
        case 'P':
            constraint('p', QString());
            break;
        case 'U':
            constraint('u', QString());
            break;
        case 'F':
            foreignKey(rest);
            break;
        case 'S':
            statsNumbers(rest);
            break;
        case 'M':
            mostCommon(rest);
            break;
        case 'H':
            if (CatalogStats *s = stats())
                s->histogramBounds = fields(rest);
            break;
        case 'X':
            catalog.postgis = true;
            break;
        case 'O':
            options.rows = rest.toLongLong() % 100000;
            break;
        default:
            break;
        }
    }
};

void checkImport(const QStringList &lines)
{
    Reader reader;
    for (const QString &l : lines)
        reader.line(l);
    // Nothing to import (callers refuse it before): no table, or only tables without columns.
    const QList<CatalogTable> &tables = reader.catalog.tables;
    if (std::all_of(tables.cbegin(), tables.cend(),
                    [](const CatalogTable &t) { return t.columns.isEmpty(); }))
        return;
    reader.options.name = QStringLiteral("fuzz");
    const ImportResult imported = importCatalog(reader.catalog, reader.options);
    const QByteArray json = QJsonDocument(imported.document).toJson(QJsonDocument::Compact);
    Diagnostics diagnostics;
    const auto schema = SchemaIO::parse(json, diagnostics);
    check(schema.has_value() && diagnostics.isEmpty(), "an imported document parses",
          diagnostics.toString() + QLatin1Char('\n') + QString::fromUtf8(json));
    const auto compiled = CompiledSchema::compile(*schema, diagnostics);
    check(bool(compiled) && diagnostics.isEmpty(), "an imported document compiles",
          diagnostics.toString() + QLatin1Char('\n') + QString::fromUtf8(json));
    Preview::prepare(*compiled);
    for (size_t t = 0; t < compiled->tables().size(); ++t) {
        const PreviewRows rows = Preview::rows(*compiled, int(t), kPreviewRows);
        for (const QStringList &row : rows.rows)
            check(row.size() == rows.headers.size(), "every preview row has every column");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QHashSeed::setDeterministicGlobalSeed();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > kMaxInput)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    checkSplit(text);
    const QStringList lines = text.split(QLatin1Char('\n'));
    checkChecks(lines);
    checkImport(lines);
    return 0;
}
