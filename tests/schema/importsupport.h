#pragma once

// Hand-built catalogs for the importer's tests, and looks into the documents it writes.

#include "schema/compiledschema.h"
#include "schema/importer.h"
#include "schema/schemaio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spillway::test {

inline CatalogColumn col(const QString &name, const QString &type, bool notNull = false,
                         const QString &defaultExpr = {})
{
    CatalogColumn c;
    c.name = name;
    c.sqlType = type;
    c.typeKind = QStringLiteral("b");
    c.notNull = notNull;
    c.defaultExpr = defaultExpr;
    return c;
}

inline CatalogConstraint key(char type, const QStringList &columns, const QString &name = {})
{
    CatalogConstraint k;
    k.type = type;
    k.columns = columns;
    k.name = name.isEmpty() ? columns.join(QLatin1Char('_')) +
                                  (type == 'p' ? QStringLiteral("_pkey") : QStringLiteral("_key"))
                            : name;
    return k;
}

inline CatalogConstraint fk(const QStringList &columns, const QString &table,
                            const QStringList &refColumns)
{
    CatalogConstraint k;
    k.type = 'f';
    k.name = columns.join(QLatin1Char('_')) + QStringLiteral("_fkey");
    k.columns = columns;
    k.refSchema = QStringLiteral("public");
    k.refTable = table;
    k.refColumns = refColumns;
    return k;
}

inline CatalogConstraint check(const QString &name, const QString &definition,
                               const QStringList &columns = {})
{
    CatalogConstraint k;
    k.type = 'c';
    k.name = name;
    k.definition = definition;
    k.columns = columns;
    return k;
}

inline CatalogTable table(const QString &name, double reltuples, QList<CatalogColumn> columns,
                          QList<CatalogConstraint> constraints = {})
{
    CatalogTable t;
    t.schema = QStringLiteral("public");
    t.name = name;
    t.reltuples = reltuples;
    for (int i = 0; i < columns.size(); ++i)
        columns[i].ordinal = i + 1;
    t.columns = columns;
    t.constraints = constraints;
    return t;
}

inline QJsonObject tableOf(const QJsonObject &doc, const QString &table)
{
    for (const QJsonValue &t : doc.value(QStringLiteral("tables")).toArray()) {
        if (t.toObject().value(QStringLiteral("name")).toString() == table)
            return t.toObject();
    }
    return {};
}

inline QJsonObject columnOf(const QJsonObject &doc, const QString &table, const QString &column)
{
    for (const QJsonValue &c : tableOf(doc, table).value(QStringLiteral("columns")).toArray()) {
        if (c.toObject().value(QStringLiteral("name")).toString() == column)
            return c.toObject();
    }
    return {};
}

inline QJsonObject generatorOf(const QJsonObject &doc, const QString &table, const QString &column)
{
    return columnOf(doc, table, column).value(QStringLiteral("generator")).toObject();
}

inline QString kindOf(const QJsonObject &doc, const QString &table, const QString &column)
{
    return generatorOf(doc, table, column).value(QStringLiteral("kind")).toString();
}

// The compiler's problems with the document, one a line; empty when it validates.
inline QString problems(const QJsonObject &doc)
{
    Diagnostics d;
    if (const auto schema = SchemaIO::fromJson(doc, d))
        CompiledSchema::compile(*schema, d);
    return d.toString();
}

// Notes of `kind` about table.column (column empty: table notes), their messages joined.
inline QString notesOf(const ImportResult &r, const QString &table, const QString &column,
                       const QString &kind)
{
    QStringList out;
    for (const ImportNote &n : r.notes) {
        if (n.table == table && n.column == column && n.kind == kind)
            out.append(n.message);
    }
    return out.join(QLatin1Char('\n'));
}

inline ImportResult importTables(const QList<CatalogTable> &tables, ImportOptions options = {})
{
    Catalog catalog;
    catalog.tables = tables;
    return importCatalog(catalog, options);
}

} // namespace spillway::test
