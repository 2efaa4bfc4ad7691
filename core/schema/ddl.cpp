#include "schema/ddl.h"

#include "base/geometry.h"

#include <algorithm>

namespace spillway {

QString Ddl::quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString Ddl::quoteLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    if (quoted.contains(QLatin1Char('\\'))) {
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        return QStringLiteral("E'") + quoted + QLatin1Char('\'');
    }
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString Ddl::qualifiedName(const QString &schemaName, const QString &table)
{
    if (schemaName.isEmpty())
        return quoteIdentifier(table);
    return quoteIdentifier(schemaName) + QLatin1Char('.') + quoteIdentifier(table);
}

QString Ddl::constraintName(const QString &table, const QString &column, const QString &suffix)
{
    // PostgreSQL's own naming; identifiers are cut at 63 bytes, so cut here the same way.
    QByteArray name = (table + QLatin1Char('_') + column + QLatin1Char('_') + suffix).toUtf8();
    while (name.size() > 63) {
        name.chop(1);
        while (!name.isEmpty() && (uchar(name.back()) & 0xC0) == 0x80)
            name.chop(1);
    }
    return QString::fromUtf8(name);
}

static bool included(const QStringList &only, const QString &table)
{
    return only.isEmpty() || only.contains(table);
}

// The quoted names of `columns` (indexes of the table's columns).
static QStringList columnNames(const TableRuntime &table, const std::vector<int> &columns)
{
    QStringList names;
    for (int c : columns)
        names.append(Ddl::quoteIdentifier(table.columns[size_t(c)].name));
    return names;
}

// "table_a_b_key": PostgreSQL's name for a constraint over several columns.
static QString keyName(const TableRuntime &table, const std::vector<int> &columns,
                       const QString &suffix)
{
    QStringList names;
    for (int c : columns)
        names.append(table.columns[size_t(c)].name);
    return Ddl::quoteIdentifier(
        Ddl::constraintName(table.name, names.join(QLatin1Char('_')), suffix));
}

// UNIQUE (a, b) and FOREIGN KEY (a, b) REFERENCES t (x, y) of one table.
static void tableKeyConstraints(const TableRuntime &table, const QString &name,
                                const DdlOptions &options, const QStringList &onlyTables,
                                QStringList &statements)
{
    const QString comma = QStringLiteral(", ");
    for (const std::vector<int> &key : table.uniqueKeys)
        statements.append(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 UNIQUE (%3);")
                              .arg(name, keyName(table, key, QStringLiteral("key")),
                                   columnNames(table, key).join(comma)));
    for (const ForeignKeyRuntime &fk : table.foreignKeys) {
        if (!included(onlyTables, fk.table))
            continue;
        QStringList referenced;
        for (const QString &column : fk.referencedColumns)
            referenced.append(Ddl::quoteIdentifier(column));
        statements.append(
            QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 FOREIGN KEY (%3) REFERENCES %4 (%5);")
                .arg(name, keyName(table, fk.columns, QStringLiteral("fkey")),
                     columnNames(table, fk.columns).join(comma),
                     Ddl::qualifiedName(options.schemaName, fk.table), referenced.join(comma)));
    }
}

QStringList Ddl::createTables(const CompiledSchema &schema, const DdlOptions &options,
                              const QStringList &onlyTables)
{
    QStringList statements;
    const auto &tables = schema.tables();
    if (options.dropFirst) {
        for (size_t t = tables.size(); t-- > 0;) {
            if (included(onlyTables, tables[t]->name))
                statements.append(QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE;")
                                      .arg(qualifiedName(options.schemaName, tables[t]->name)));
        }
    }
    for (const auto &table : tables) {
        if (!included(onlyTables, table->name))
            continue;
        QStringList lines;
        QStringList keys = columnNames(*table, table->primaryKey);
        for (int c : table->outputColumns) {
            const ColumnRuntime &column = table->columns[size_t(c)];
            QString line =
                QStringLiteral("    %1 %2").arg(quoteIdentifier(column.name), column.sqlType);
            if (table->isNotNull(c))
                line += QStringLiteral(" NOT NULL");
            lines.append(line);
            if (column.primaryKey)
                keys.append(quoteIdentifier(column.name));
        }
        if (!keys.isEmpty())
            lines.append(
                QStringLiteral("    PRIMARY KEY (%1)").arg(keys.join(QStringLiteral(", "))));
        statements.append(
            QStringLiteral("CREATE %1TABLE %2%3 (\n%4\n);")
                .arg(options.unlogged ? QStringLiteral("UNLOGGED ") : QString(),
                     options.ifNotExists ? QStringLiteral("IF NOT EXISTS ") : QString(),
                     qualifiedName(options.schemaName, table->name),
                     lines.join(QStringLiteral(",\n"))));
    }
    return statements;
}

QStringList Ddl::constraints(const CompiledSchema &schema, const DdlOptions &options,
                             const QStringList &onlyTables)
{
    QStringList statements;
    for (const auto &table : schema.tables()) {
        if (!included(onlyTables, table->name))
            continue;
        const QString name = qualifiedName(options.schemaName, table->name);
        for (int c : table->outputColumns) {
            const ColumnRuntime &column = table->columns[size_t(c)];
            if (column.unique && !column.primaryKey)
                statements.append(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 UNIQUE (%3);")
                                      .arg(name,
                                           quoteIdentifier(constraintName(table->name, column.name,
                                                                          QStringLiteral("key"))),
                                           quoteIdentifier(column.name)));
        }
        for (int c : table->outputColumns) {
            const ColumnRuntime &column = table->columns[size_t(c)];
            if (column.referencedTable.isEmpty() || !included(onlyTables, column.referencedTable))
                continue;
            const QString constraint =
                quoteIdentifier(constraintName(table->name, column.name, QStringLiteral("fkey")));
            statements.append(
                QStringLiteral(
                    "ALTER TABLE %1 ADD CONSTRAINT %2 FOREIGN KEY (%3) REFERENCES %4 (%5);")
                    .arg(name, constraint, quoteIdentifier(column.name),
                         qualifiedName(options.schemaName, column.referencedTable),
                         quoteIdentifier(column.referencedColumn)));
        }
        tableKeyConstraints(*table, name, options, onlyTables, statements);
    }
    return statements;
}

QString Ddl::script(const CompiledSchema &schema, const DdlOptions &options)
{
    QStringList parts = createTables(schema, options);
    // Geometry and geography columns need PostGIS before their tables.
    bool geometry = false;
    for (const auto &table : schema.tables()) {
        for (const ColumnRuntime &c : table->columns)
            geometry = geometry || (!c.hidden && isGeometryTypeName(c.sqlType));
    }
    if (geometry)
        parts.prepend(QStringLiteral("CREATE EXTENSION IF NOT EXISTS postgis;"));
    const QStringList after = constraints(schema, options);
    if (!after.isEmpty()) {
        parts.append(QStringLiteral("-- Constraints: create them after loading the data."));
        parts += after;
    }
    return parts.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

} // namespace spillway
