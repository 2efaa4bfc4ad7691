#pragma once

// VerifyMap: where a pipeline put the schema's tables and columns, so that `verify` can compare
// tables the user's ETL loaded under its own names. A JSON document:
//
//   {"tables": {
//     "customers": {"target": "staging.customer"},
//     "orders": {"target": "staging.orders_clean",
//                "columns": {"id": "order_id", "note": null,
//                            "total": {"target": "total_eur", "cast": "numeric(10,1)"},
//                            "status": {"expr": "upper(status)"}}}}}
//
// A table's target is "table" or "schema.table" (a part in double quotes may hold dots or
// capitals; names are taken as written, not folded to lower case). A column maps to its new name,
// to null (dropped: not compared), or to an object with "target", "cast" (a type) and "expr" (an
// expression over the column itself), which verify applies to the expected values before it
// compares them. Unlisted tables and columns keep the schema's names.
//
// Errors are values: parsing names the file, the line and column of bad JSON, and the JSON path
// of bad content ("tables.orders.columns.id: expected a column name or null").

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace spillway {

class CompiledSchema;

struct ColumnMapping
{
    QString target; // empty: the schema's name (or dropped)
    bool dropped = false;
    QString cast; // a type the expected values are cast to, e.g. "integer", "varchar(20)"
    QString expr; // an expression over the column, e.g. "upper(status)", "round(total, 1)"

    bool operator==(const ColumnMapping &o) const
    {
        return target == o.target && dropped == o.dropped && cast == o.cast && expr == o.expr;
    }
};

struct TableMapping
{
    QString target; // "table" or "schema.table"; empty: the schema's name
    QHash<QString, ColumnMapping> columns;

    bool operator==(const TableMapping &o) const
    {
        return target == o.target && columns == o.columns;
    }
};

class VerifyMap
{
public:
    // Parses a map document; `fileName` only names the document in error messages.
    static std::optional<VerifyMap> fromJson(const QByteArray &json, const QString &fileName,
                                             QString *error);
    static std::optional<VerifyMap> fromJsonObject(const QJsonObject &object,
                                                   const QString &fileName, QString *error);
    static std::optional<VerifyMap> load(const QString &path, QString *error);

    // Checks the map against a compiled schema: every table and column it names exists, no two
    // columns land in the same target column, and every cast and expression can be computed for
    // the column's type. Empty when the map fits; otherwise one problem per line, each with its
    // JSON path and what to do.
    QString validate(const CompiledSchema &schema) const;

    // The target of a schema table as a quoted, qualified relation ("staging"."orders_clean");
    // an unqualified target (or an unlisted table) goes into defaultSchema (empty: the
    // search_path).
    QString targetTable(const QString &schemaTable, const QString &defaultSchema) const;
    // The column's name in the target table; "" when the map drops it.
    QString targetColumn(const QString &schemaTable, const QString &column) const;
    // The column's mapping, or nullptr when the map does not list it.
    const ColumnMapping *column(const QString &schemaTable, const QString &column) const;

    // Splits a target into its schema ("" when unqualified) and table names; false when the
    // text is not one or two names separated by a dot.
    static bool splitTarget(const QString &target, QString *schema, QString *table);

    QJsonObject toJson() const;
    bool isEmpty() const { return tables.isEmpty(); }
    bool operator==(const VerifyMap &o) const { return tables == o.tables; }

    QString fileName; // where the map was read from, for messages ("" when built in memory)
    QHash<QString, TableMapping> tables;
};

} // namespace spillway
