#include "design/expressionnames.h"

#include "schema/expression.h"
#include "schema/schema.h"

#include <QCoreApplication>

namespace spillway {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExpressionNames", text);
}

QStringList prefixed(const TableSpec &table, const QString &prefix, int skip = -1)
{
    QStringList names;
    for (int c = 0; c < table.columns.size(); ++c)
        if (c != skip)
            names.append(prefix + table.columns[c].name);
    return names;
}

const TableSpec *drawnTable(const Schema &schema, const TableSpec &table, const ColumnSpec &column,
                            int depth)
{
    const QString kind = column.generator.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("parent"))
        return table.perParent ? schema.table(table.perParent->parent) : nullptr;
    if (kind != QLatin1String("reference") || depth > 4)
        return nullptr;
    const QString row = column.generator.value(QStringLiteral("row")).toString();
    if (row.isEmpty())
        return schema.table(column.generator.value(QStringLiteral("table")).toString());
    const qsizetype via = table.columnIndex(row);
    return via < 0 ? nullptr : drawnTable(schema, table, table.columns[via], depth + 1);
}

} // namespace

const TableSpec *lookedUpTable(const Schema &schema, const TableSpec &table,
                               const ColumnSpec &column)
{
    return drawnTable(schema, table, column, 0);
}

QList<ExpressionNameGroup> expressionNames(const Schema &schema, int table, int column)
{
    QList<ExpressionNameGroup> groups;
    if (table < 0 || table >= schema.tables.size())
        return groups;
    const TableSpec &own = schema.tables[table];
    groups.append({tr("This row"), QString(), prefixed(own, QString(), column)});
    if (own.perParent)
        if (const TableSpec *parent = schema.table(own.perParent->parent))
            groups.append({tr("Parent row (%1)").arg(parent->name), QStringLiteral("parent."),
                           prefixed(*parent, QStringLiteral("parent."))});
    for (int c = 0; c < own.columns.size(); ++c) {
        if (c == column)
            continue;
        const ColumnSpec &ref = own.columns[c];
        // A parent column's row is the parent row: parent.<column> names it already.
        if (ref.generator.value(QStringLiteral("kind")).toString() == QLatin1String("parent"))
            continue;
        if (const TableSpec *target = lookedUpTable(schema, own, ref)) {
            const QString prefix = ref.name + QLatin1Char('.');
            groups.append({tr("Through %1 (%2)").arg(ref.name, target->name), prefix,
                           prefixed(*target, prefix)});
        }
    }
    groups.removeIf([](const ExpressionNameGroup &g) { return g.names.isEmpty(); });
    return groups;
}

QStringList flatExpressionNames(const QList<ExpressionNameGroup> &groups)
{
    QStringList names;
    for (const ExpressionNameGroup &g : groups)
        names.append(g.names);
    return names;
}

QStringList expressionWords()
{
    QStringList words = expressionFunctionNames();
    words << QStringLiteral("case") << QStringLiteral("when") << QStringLiteral("then")
          << QStringLiteral("else") << QStringLiteral("end") << QStringLiteral("and")
          << QStringLiteral("or") << QStringLiteral("not") << QStringLiteral("is")
          << QStringLiteral("null") << QStringLiteral("true") << QStringLiteral("false")
          << QStringLiteral("extract") << QStringLiteral("date") << QStringLiteral("timestamp")
          << QStringLiteral("interval");
    return words;
}

} // namespace spillway
