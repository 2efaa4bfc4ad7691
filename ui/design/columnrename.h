#pragma once

// A column's new name carried into the texts that read it: expressions (of `expression` and
// `aggregate` columns), template placeholders and `after.column`, whether they name it on its
// own row (`qty`), through the parent (`parent.qty`) or through a looked-up row (`line.qty`).
// Texts that do not parse are left as they are: validation shows what is wrong with them.

#include <QStringList>

namespace spillway {

struct Schema;

// Every column name in `expression` whose leading parts are `from` gets `to` (as many parts)
// instead: {"qty"} → {"quantity"} turns `qty * 2` into `quantity * 2` and `qty.price` into
// `quantity.price`; string literals and functions stay.
QString renameInExpression(const QString &expression, const QStringList &from,
                           const QStringList &to);
// The same in a template's placeholders: {qty}, {parent.qty}, {format('%d', qty)}.
QString renameInTemplate(const QString &text, const QStringList &from, const QStringList &to);

// Renames column `old` of table `table` to `name` in every text of `schema` that reads it (the
// column itself already renamed or not); returns the indexes of the tables changed.
QList<int> renameColumnReaders(Schema &schema, const QString &table, const QString &old,
                               const QString &name);

} // namespace spillway
