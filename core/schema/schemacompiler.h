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
    QJsonObject columnGenerator(const QString &column) const override;

    // The table whose columns are being compiled: expressions read its columns' names and types.
    const TableSpec *currentTableSpec() const { return m_currentSpec; }
    // The document compiled, and the schema it is compiled into: aggregates read their child
    // table's columns from the document and find its runtime, compiled later, in prepare().
    const Schema &document() const { return m_schema; }
    const CompiledSchema *compiled() const { return m_result.get(); }

    // The rows every parent row gets from a fan-out `count` that is constant (a constant, or a
    // uniform with min = max); 0 when it varies.
    static uint64_t constantCount(const QJsonObject &count);

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
    // Table-level keys (tablekeys.cpp): columns named, each key unique by construction.
    void compileTableKeys(const TableSpec &spec, int t, TableRuntime &table);
    bool keyColumns(const TableSpec &spec, const QStringList &names, const QString &path,
                    std::vector<int> &out);
    void checkKeyGuarantee(const TableSpec &spec, const TableRuntime &table,
                           const std::vector<int> &key, const QString &path);
    void compileForeignKey(const TableSpec &spec, int t, int f, TableRuntime &table);
    bool checkForeignKeyRows(const TableSpec &spec, const ForeignKeySpec &fk,
                             const std::vector<int> &columns, const QString &path);

    const Schema &m_schema;
    Diagnostics &m_diagnostics;
    std::shared_ptr<CompiledSchema> m_result;
    const TableRuntime *m_currentParent = nullptr;
    const TableSpec *m_currentSpec = nullptr;
};

QString tablePath(int t);
QString columnPath(int t, int c);

} // namespace spillway
