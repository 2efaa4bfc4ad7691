#pragma once

// PostgreSQL DDL generated from a compiled schema. Identifiers are always quoted, so any table
// or column name is safe, whatever characters it holds.

#include "schema/compiledschema.h"

#include <QString>
#include <QStringList>

namespace spillway {

struct DdlOptions
{
    bool ifNotExists = false;
    bool unlogged = false;
    bool dropFirst = false;
    QString schemaName; // empty: the search_path's default
};

class Ddl
{
public:
    static QString quoteIdentifier(const QString &name);
    static QString quoteLiteral(const QString &text);
    static QString qualifiedName(const QString &schemaName, const QString &table);
    static QString constraintName(const QString &table, const QString &column,
                                  const QString &suffix);

    // CREATE TABLE with primary keys, in load order.
    static QStringList createTables(const CompiledSchema &schema, const DdlOptions &options,
                                    const QStringList &onlyTables = {});
    // Foreign keys and unique constraints, created after the load.
    static QStringList constraints(const CompiledSchema &schema, const DdlOptions &options,
                                   const QStringList &onlyTables = {});
    // Everything, as one script (what `spillway-cli ddl` prints).
    static QString script(const CompiledSchema &schema, const DdlOptions &options);
};

} // namespace spillway
