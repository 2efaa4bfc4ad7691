#pragma once

// What an import reads from a PostgreSQL catalog, as plain values: tables, their columns with
// exact SQL types, constraints as PostgreSQL prints them, and (with profiling) pg_stats. The
// pg layer fills a Catalog from a live database or a DDL file (core/pg/catalogreader.h); the
// importer turns it into a schema document (schema/importer.h). No database code here.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace spillway {

struct CatalogColumn
{
    QString name;
    // format_type(), e.g. "numeric(12,2)", "character varying(40)", "timestamp with time zone",
    // "integer[]", "geometry(Point,4326)"; a domain's or enum's own (possibly qualified) name.
    QString sqlType;
    QString baseType;         // domains: the base type's format_type
    QString typeKind;         // pg_type.typtype: 'b' base, 'e' enum, 'd' domain, 'c' composite ...
    QStringList enumLabels;   // enums (or domains over enums): labels in sort order
    QStringList domainChecks; // pg_get_constraintdef of the domain's CHECKs
    bool notNull = false;     // the column's or its domain's NOT NULL
    QString defaultExpr;      // pg_get_expr of the default, e.g. "nextval('t_id_seq'::regclass)"
    QString identity;         // 'a' (always), 'd' (by default) or empty
    QString comment;
    int ordinal = 0; // attnum
};

struct CatalogConstraint
{
    QString name;
    char type = 'c';     // 'p' primary key, 'u' unique, 'f' foreign key, 'c' check
    QStringList columns; // the constrained columns in key order
    QString definition;  // pg_get_constraintdef, e.g. "CHECK ((qty > 0))"
    QString refSchema, refTable;
    QStringList refColumns;
};

struct CatalogStats
{
    QString column;
    double nullFrac = 0;
    double nDistinct = 0; // pg_stats sign convention: > 0 a count, < 0 minus a fraction of rows
    QStringList mostCommonVals; // text forms of the elements
    QList<double> mostCommonFreqs;
    QStringList histogramBounds; // text forms of the elements
    int avgWidth = 0;
    std::optional<double> correlation;
};

struct CatalogTable
{
    QString schema, name;
    QString comment;
    double reltuples = -1; // pg_class.reltuples; -1 (or 0 with no stats) when never analysed
    QList<CatalogColumn> columns;
    QList<CatalogConstraint> constraints;
    QList<CatalogStats> stats;
};

struct Catalog
{
    QList<CatalogTable> tables;
    QString serverVersion;
    bool postgis = false;
};

struct ImportOptions
{
    bool profile = false;        // use CatalogTable::stats (pg_stats), never table rows
    std::optional<int64_t> rows; // every root table's row count (--rows-from N)
    uint64_t seed = 42;
    QString name; // the document's name
};

struct ImportNote
{
    QString table, column; // column empty for table-level notes
    QString kind;          // "guess", "check", "fallback", "warning", "stats"
    QString message;       // translated, one sentence
};

struct ImportResult
{
    QJsonObject document; // a spillway-schema document
    QList<ImportNote> notes;
};

} // namespace spillway
