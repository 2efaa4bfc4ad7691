#pragma once

// Turns a Schema into a CompiledSchema, checking everything a run relies on and reporting every
// problem with its JSON path. Internal to CompiledSchema::compile().

#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

namespace spillway {

// True for the PostgreSQL types a column may declare (bigint, numeric(12,2), text[], ...).
bool isKnownSqlType(const QString &type);

class SchemaCompiler : public CompileContext
{
public:
    SchemaCompiler(const Schema &schema, Diagnostics &diagnostics);

    std::shared_ptr<CompiledSchema> run();

    const TableRuntime *table(const QString &name) const override;
    const TableRuntime *parentTable() const override { return m_currentParent; }

    // The table whose columns are being compiled: expressions read its columns' names and types.
    const TableSpec *currentTableSpec() const { return m_currentSpec; }

    // Closest known name, for "did you mean" hints; empty when nothing is close.
    static QString closest(const QString &name, const QStringList &candidates);

private:
    void checkNames();
    QList<int> loadOrder();
    QStringList tableDependencies(int tableIndex) const;
    std::unique_ptr<TableRuntime> compileTable(int schemaIndex);
    bool compileColumn(const TableSpec &spec, int t, int c, TableRuntime &table);
    void compileFanOut(const TableSpec &spec, int t, TableRuntime &table);
    void resolveDependencies(const TableSpec &spec, int t, TableRuntime &table);
    void checkUnique(const TableSpec &spec, int t, int c, ColumnRuntime &column);
    void checkSqlType(const QString &path, const QString &type);

    const Schema &m_schema;
    Diagnostics &m_diagnostics;
    std::shared_ptr<CompiledSchema> m_result;
    const TableRuntime *m_currentParent = nullptr;
    const TableSpec *m_currentSpec = nullptr;
};

QString tablePath(int t);
QString columnPath(int t, int c);

} // namespace spillway
