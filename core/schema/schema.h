#pragma once

// The schema document: tables, typed columns, a generator per column, references between tables
// and the global seed. This is plain data, read from and written to JSON by schemaio.h; what a
// generator's parameters mean is checked when the schema is compiled (compiledschema.h).

#include "base/dirtykind.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace spillway {

constexpr int kSchemaFormatVersion = 1;
// Bumped whenever a generator's output for the same schema and seed changes on purpose.
// 2: zipf and zipf references over up to 2^20 ranks sample from an alias table.
constexpr int kGeneratorVersion = 2;

struct ColumnSpec
{
    QString name;
    QString sqlType;       // e.g. bigint, numeric(12,2), text, date, timestamp, uuid
    QJsonObject generator; // {"kind": "...", parameters...}
    double nullFraction = 0.0;
    bool unique = false;
    bool primaryKey = false;
    bool hidden = false; // generated (for templates) but neither written nor created
    QString comment;
    // Why an import guessed this column's generator ("guessed": "name looks like an email");
    // empty when the user wrote or reviewed it. Shown as a badge in the designer.
    QString guessed;
};

// How many rows a child table has for each row of its parent.
struct FanOutSpec
{
    QString parent;    // parent table name
    QJsonObject count; // an integer distribution, e.g. {"kind":"uniform","min":1,"max":7}
};

// A table-level foreign key over several columns: "foreignKeys": [{"columns": ["a", "b"],
// "references": {"table": "t", "columns": ["x", "y"]}}].
struct ForeignKeySpec
{
    QStringList columns;
    QString table;
    QStringList referencedColumns;
};

struct TableSpec
{
    QString name;
    std::optional<int64_t> rows; // root table: row count
    // "fixedRows": true: a root table whose count is part of its meaning (TPC-H's 25 nations):
    // --rows N and --scale leave it alone, only --rows TABLE=N changes it.
    bool fixedRows = false;
    std::optional<FanOutSpec> perParent; // child table: rows per parent row
    QList<ColumnSpec> columns;
    QString comment;
    std::optional<DirtyOptions> dirty; // "dirty": rows written invalid (files only)
    // Table-level keys over several columns (one column's keys stay on the column).
    QStringList primaryKey;            // "primaryKey": ["order_id", "line_no"]
    QList<QStringList> unique;         // "unique": [["sku", "tag"], ...]
    QList<ForeignKeySpec> foreignKeys; // "foreignKeys": [...]

    bool isChild() const { return perParent.has_value(); }
    qsizetype columnIndex(const QString &column) const;
};

struct Schema
{
    int formatVersion = kSchemaFormatVersion;
    int generatorVersion = kGeneratorVersion;
    QString name;
    QString description;
    uint64_t seed = 1;
    QList<TableSpec> tables;

    qsizetype tableIndex(const QString &table) const;
    const TableSpec *table(const QString &name) const;
};

} // namespace spillway
