#pragma once

// The names an expression, a template placeholder or `after.column` of one row may read, as
// the document declares them: the row's own columns, `parent.<column>` of a fan-out child's
// parent table, and `<ref>.<column>` of the row a reference column of the row draws (a lookup).
// Read from the schema alone, for completion and the "Insert column" pickers; whether a name
// is valid where it is used is for validation (SchemaCompiler) to say.

#include <QString>
#include <QStringList>

namespace spillway {

struct ColumnSpec;
struct Schema;
struct TableSpec;

struct ExpressionNameGroup
{
    QString title;     // "This row", "Parent row (orders)", "Through product_id (products)"
    QString prefix;    // "", "parent.", "product_id."
    QStringList names; // full names to insert: "qty", "parent.placed_at", "product_id.price"
};

// The groups for a row of table `table` (its column `column` left out of its own names; -1
// leaves none out). Empty groups are left out.
QList<ExpressionNameGroup> expressionNames(const Schema &schema, int table, int column);
// Every name of every group, in order.
QStringList flatExpressionNames(const QList<ExpressionNameGroup> &groups);
// The table whose row column `column` of `table` picks, which `<column>.<name>` reads: a
// reference's table (a composite reference's through the column its "row" names), a parent
// column's parent table; null for other columns.
const TableSpec *lookedUpTable(const Schema &schema, const TableSpec &table,
                               const ColumnSpec &column);
// The function names and keywords of the expression language, for completion.
QStringList expressionWords();

} // namespace spillway
