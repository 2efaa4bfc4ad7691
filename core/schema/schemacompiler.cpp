#include "schema/schemacompiler.h"

#include "base/geometry.h"
#include "schema/aggregatecheck.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace spillway {

QString tablePath(int t)
{
    return QStringLiteral("tables[%1]").arg(t);
}

QString columnPath(int t, int c)
{
    return QStringLiteral("tables[%1].columns[%2]").arg(t).arg(c);
}

SchemaCompiler::SchemaCompiler(const Schema &schema, Diagnostics &diagnostics)
    : m_schema(schema)
    , m_diagnostics(diagnostics)
{}

static int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(size_t(b.size()) + 1), cur(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            cur[size_t(j)] =
                std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}

QString SchemaCompiler::closest(const QString &name, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::max<int>(2, int(name.size()) / 3) + 1;
    for (const QString &c : candidates) {
        const int d = editDistance(name, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

static QString didYouMean(const QString &name, const QStringList &candidates)
{
    const QString best = SchemaCompiler::closest(name, candidates);
    if (!best.isEmpty())
        return QStringLiteral("; did you mean '%1'?").arg(best);
    return QStringLiteral("; known: %1").arg(candidates.join(QStringLiteral(", ")));
}

const TableRuntime *SchemaCompiler::table(const QString &name) const
{
    return m_result ? m_result->table(name) : nullptr;
}

QJsonObject SchemaCompiler::columnGenerator(const QString &column) const
{
    const qsizetype c = m_currentSpec ? m_currentSpec->columnIndex(column) : -1;
    return c < 0 ? QJsonObject() : m_currentSpec->columns[c].generator;
}

void SchemaCompiler::checkNames()
{
    if (m_schema.tables.isEmpty())
        m_diagnostics.add(QStringLiteral("tables"),
                          QStringLiteral("the schema has no tables: add at least one table"));
    QSet<QString> tableNames;
    for (int t = 0; t < m_schema.tables.size(); ++t) {
        const TableSpec &spec = m_schema.tables[t];
        if (spec.name.trimmed().isEmpty())
            m_diagnostics.add(tablePath(t) + QStringLiteral(".name"),
                              QStringLiteral("the table has no name: give it one"));
        else if (tableNames.contains(spec.name))
            m_diagnostics.add(
                tablePath(t) + QStringLiteral(".name"),
                QStringLiteral("a table named '%1' already exists: rename one").arg(spec.name));
        tableNames.insert(spec.name);
        if (spec.columns.isEmpty())
            m_diagnostics.add(tablePath(t) + QStringLiteral(".columns"),
                              QStringLiteral("table '%1' has no columns: add one").arg(spec.name));
        QSet<QString> columnNames;
        for (int c = 0; c < spec.columns.size(); ++c) {
            const QString &name = spec.columns[c].name;
            if (name.trimmed().isEmpty())
                m_diagnostics.add(columnPath(t, c) + QStringLiteral(".name"),
                                  QStringLiteral("the column has no name: give it one"));
            else if (columnNames.contains(name))
                m_diagnostics.add(columnPath(t, c) + QStringLiteral(".name"),
                                  QStringLiteral("table '%1' already has a column named '%2': "
                                                 "rename one")
                                      .arg(spec.name, name));
            columnNames.insert(name);
        }
    }
}

QStringList SchemaCompiler::tableDependencies(int t) const
{
    const TableSpec &spec = m_schema.tables[t];
    QStringList deps;
    if (spec.perParent)
        deps.append(spec.perParent->parent);
    for (const ColumnSpec &column : spec.columns) {
        if (column.generator.value(QStringLiteral("kind")).toString() == QLatin1String("reference"))
            deps.append(column.generator.value(QStringLiteral("table")).toString());
    }
    for (const ForeignKeySpec &fk : spec.foreignKeys)
        deps.append(fk.table);
    deps.removeAll(QString());
    deps.removeDuplicates();
    return deps;
}

QList<int> SchemaCompiler::loadOrder()
{
    // Depth-first topological sort, stable in document order; reports missing tables and cycles.
    const int n = int(m_schema.tables.size());
    QStringList names;
    for (const TableSpec &spec : m_schema.tables)
        names.append(spec.name);
    std::vector<int> state(size_t(n), 0); // 0 new, 1 visiting, 2 done
    QList<int> order;
    QList<int> stack;
    std::function<bool(int)> visit = [&](int t) -> bool {
        if (state[size_t(t)] == 2)
            return true;
        if (state[size_t(t)] == 1) {
            QStringList cycle;
            for (qsizetype i = stack.indexOf(t); i < stack.size(); ++i)
                cycle.append(names[stack[i]]);
            cycle.append(names[t]);
            m_diagnostics.add(tablePath(t),
                              QStringLiteral("tables reference each other in a cycle (%1): break "
                                             "it by removing one reference or fan-out")
                                  .arg(cycle.join(QStringLiteral(" -> "))));
            return false;
        }
        state[size_t(t)] = 1;
        stack.append(t);
        bool ok = true;
        for (const QString &dep : tableDependencies(t)) {
            const int d = int(names.indexOf(dep));
            if (d < 0)
                continue; // reported where the reference is compiled
            if (d == t && !m_schema.tables[t].perParent)
                continue; // self-reference: rows point at other rows of the same table
            ok = visit(d) && ok;
        }
        stack.removeLast();
        state[size_t(t)] = 2;
        order.append(t);
        return ok;
    };
    bool ok = true;
    for (int t = 0; t < n; ++t)
        ok = visit(t) && ok;
    return ok ? order : QList<int>();
}

std::shared_ptr<CompiledSchema> SchemaCompiler::run()
{
    m_result = std::make_shared<CompiledSchema>();
    m_result->m_schema = m_schema;
    checkNames();
    const QList<int> order = loadOrder();
    if (m_diagnostics.hasErrors())
        return nullptr;
    for (int t : order) {
        auto table = compileTable(t);
        m_result->m_tables.push_back(std::move(table));
    }
    if (!m_diagnostics.hasErrors())
        checkAggregateCycles(*m_result, m_diagnostics);
    if (m_diagnostics.hasErrors())
        return nullptr;
    return std::move(m_result);
}

std::unique_ptr<TableRuntime> SchemaCompiler::compileTable(int t)
{
    const TableSpec &spec = m_schema.tables[t];
    auto table = std::make_unique<TableRuntime>();
    table->name = spec.name;
    table->schemaIndex = t;
    m_currentParent = nullptr;
    m_currentSpec = &spec;
    if (spec.rows && spec.perParent) {
        m_diagnostics.add(tablePath(t), QStringLiteral("table '%1' has both 'rows' and "
                                                       "'rowsPerParent': keep one")
                                            .arg(spec.name));
    } else if (!spec.rows && !spec.perParent) {
        m_diagnostics.add(tablePath(t), QStringLiteral("table '%1' needs 'rows' (a count) or "
                                                       "'rowsPerParent' (a fan-out under a parent)")
                                            .arg(spec.name));
    } else if (spec.rows && *spec.rows < 0) {
        m_diagnostics.add(tablePath(t) + QStringLiteral(".rows"),
                          QStringLiteral("'rows' is negative: use 0 or more"));
    }
    if (spec.fixedRows && spec.perParent)
        m_diagnostics.add(tablePath(t) + QStringLiteral(".fixedRows"),
                          QStringLiteral("'fixedRows' keeps a root table's 'rows' under --rows "
                                         "and --scale; a child table's rows follow its parent: "
                                         "remove it"));
    table->declaredRows = spec.rows.value_or(0);
    table->declaredBound = {uint64_t(std::max<int64_t>(table->declaredRows, 0)),
                            QStringLiteral("its 'rows'"), QStringLiteral("lower 'rows'")};
    if (spec.perParent)
        compileFanOut(spec, t, *table);
    if (table->parent >= 0) {
        const TableRuntime &parent = *m_result->tables()[size_t(table->parent)];
        table->declaredBound = table->childBound(parent.declaredBound.rows, parent.name);
    }
    for (int c = 0; c < spec.columns.size(); ++c)
        compileColumn(spec, t, c, *table);
    table->checkUniqueCapacity(table->declaredBound, m_diagnostics);
    table->checkDistinctDraws(m_currentParent ? m_currentParent->name : QString(), false,
                              m_diagnostics);
    resolveDependencies(spec, t, *table);
    compileTableKeys(spec, t, *table);
    for (const QString &dep : tableDependencies(t)) {
        const int index = m_result->tableIndex(dep);
        if (index >= 0)
            table->references.push_back(index);
    }
    return table;
}

void SchemaCompiler::compileFanOut(const TableSpec &spec, int t, TableRuntime &table)
{
    const QString path = tablePath(t) + QStringLiteral(".rowsPerParent");
    const QString &parentName = spec.perParent->parent;
    table.parent = m_result->tableIndex(parentName);
    if (parentName.trimmed().isEmpty()) {
        table.parent = -1;
        m_diagnostics.add(path + QStringLiteral(".parent"),
                          QStringLiteral("'parent' is empty: name the table whose rows this "
                                         "table's rows belong to"));
        return;
    }
    if (table.parent < 0) {
        QStringList names;
        for (const TableSpec &s : m_schema.tables)
            names.append(s.name);
        m_diagnostics.add(path + QStringLiteral(".parent"),
                          QStringLiteral("parent table '%1' does not exist%2")
                              .arg(parentName, didYouMean(parentName, names)));
        return;
    }
    m_currentParent = m_result->tables()[size_t(table.parent)].get();
    QJsonObject count = spec.perParent->count;
    if (count.value(QStringLiteral("kind")).toString() == QLatin1String("constant")) {
        // A fixed number of rows per parent is a uniform range of one value.
        const QJsonValue v = count.value(QStringLiteral("value"));
        count = {{QStringLiteral("kind"), QStringLiteral("uniform")},
                 {QStringLiteral("min"), v},
                 {QStringLiteral("max"), v}};
    }
    const QString kind = count.value(QStringLiteral("kind")).toString(QStringLiteral("uniform"));
    table.parentTable = m_currentParent;
    table.constantFanOut = constantCount(count);
    const GeneratorInfo *info = GeneratorRegistry::instance().find(kind);
    if (!info || info->category != QLatin1String("number") ||
        info->defaultSqlType != QLatin1String("integer")) {
        m_diagnostics.add(path + QStringLiteral(".count.kind"),
                          QStringLiteral("'%1' is not an integer distribution: use uniform, "
                                         "normal, exponential, poisson, zipf or constant")
                              .arg(kind));
        return;
    }
    ParamReader params(count, path + QStringLiteral(".count"), &m_diagnostics);
    GeneratorArgs args{params,
                       RandomStream(combineKey(CompiledSchema::tableKey(m_schema.seed, spec.name),
                                               hashName("\x01rows-per-parent"))),
                       QStringLiteral("integer"),
                       spec.name,
                       QString(),
                       *this};
    const qsizetype before = m_diagnostics.size();
    table.fanOut = info->create(args);
    params.rejectUnknown({QStringLiteral("kind")});
    if (!table.fanOut && m_diagnostics.size() == before)
        m_diagnostics.add(path + QStringLiteral(".count"),
                          QStringLiteral("the fan-out could not be built: check its parameters"));
}

uint64_t SchemaCompiler::constantCount(const QJsonObject &count)
{
    const QString kind = count.value(QStringLiteral("kind")).toString(QStringLiteral("uniform"));
    const QJsonValue lo = kind == QLatin1String("constant") ? count.value(QStringLiteral("value"))
                                                            : count.value(QStringLiteral("min"));
    const QJsonValue hi =
        kind == QLatin1String("constant") ? lo : count.value(QStringLiteral("max"));
    const bool known = kind == QLatin1String("constant") || kind == QLatin1String("uniform");
    if (!known || !lo.isDouble() || lo != hi || lo.toDouble() < 1 || lo.toDouble() >= 1e15 ||
        lo.toDouble() != std::floor(lo.toDouble()))
        return 0;
    return uint64_t(lo.toDouble());
}

bool isKnownSqlType(const QString &type)
{
    static const QRegularExpression known(
        QStringLiteral(
            "^(smallint|integer|int|int2|int4|int8|bigint|real|float4|float8|double precision|"
            "float|numeric|decimal|numeric\\(\\d+(,\\s*\\d+)?\\)|decimal\\(\\d+(,\\s*\\d+)?\\)|"
            "boolean|bool|date|time(\\(\\d\\))?|timetz(\\(\\d\\))?|"
            "time(\\(\\d\\))? with(out)? time zone|timestamp(\\(\\d\\))?|timestamptz(\\(\\d\\))?|"
            "timestamp(\\(\\d\\))? with(out)? time zone|interval(\\(\\d\\))?|uuid|text|"
            "varchar|varchar\\(\\d+\\)|character varying(\\(\\d+\\))?|char|char\\(\\d+\\)|"
            "character(\\(\\d+\\))?|bpchar|json|jsonb|bytea|inet|cidr|macaddr|macaddr8|point|money|"
            "citext|xml|tsvector)(\\[\\])*$"),
        QRegularExpression::CaseInsensitiveOption);
    return known.match(type.trimmed()).hasMatch() || parseGeometryType(type).has_value();
}

void SchemaCompiler::checkSqlType(const QString &path, const QString &type)
{
    QString geometryError;
    if (isGeometryTypeName(type) && !parseGeometryType(type, &geometryError))
        m_diagnostics.add(path, geometryError);
    else if (!isKnownSqlType(type))
        m_diagnostics.add(path, QStringLiteral("unknown SQL type '%1': use a PostgreSQL type such "
                                               "as bigint, numeric(12,2), text, date, timestamp, "
                                               "uuid, jsonb")
                                    .arg(type));
}

bool SchemaCompiler::compileColumn(const TableSpec &spec, int t, int c, TableRuntime &table)
{
    const ColumnSpec &cs = spec.columns[c];
    const QString path = columnPath(t, c);
    ColumnRuntime column;
    column.name = cs.name;
    column.hidden = cs.hidden;
    column.primaryKey = cs.primaryKey;
    column.unique = cs.unique || cs.primaryKey;
    const uint64_t key = CompiledSchema::columnKey(m_schema.seed, spec.name, cs.name);
    column.nullStream = RandomStream(key).derive(hashName("\x01null"));
    if (cs.nullFraction < 0 || cs.nullFraction > 1 || std::isnan(cs.nullFraction))
        m_diagnostics.add(
            path + QStringLiteral(".nullFraction"),
            QStringLiteral("'nullFraction' must be between 0 and 1 (got %1)").arg(cs.nullFraction));
    else if (cs.primaryKey && cs.nullFraction > 0)
        m_diagnostics.add(path + QStringLiteral(".nullFraction"),
                          QStringLiteral("primary key column '%1' cannot be null: set "
                                         "'nullFraction' to 0")
                              .arg(cs.name));
    column.nullThreshold = cs.nullFraction >= 1.0
                               ? ~uint64_t(0)
                               : static_cast<uint64_t>(cs.nullFraction * 18446744073709551616.0);

    const QString genPath = path + QStringLiteral(".generator");
    const QString kind = cs.generator.value(QStringLiteral("kind")).toString();
    const GeneratorInfo *info = GeneratorRegistry::instance().find(kind);
    if (kind.isEmpty()) {
        m_diagnostics.add(
            genPath + QStringLiteral(".kind"),
            QStringLiteral("the generator has no 'kind': choose one of %1")
                .arg(GeneratorRegistry::instance().kinds().join(QStringLiteral(", "))));
    } else if (!info) {
        m_diagnostics.add(genPath + QStringLiteral(".kind"),
                          QStringLiteral("unknown generator '%1'%2")
                              .arg(kind, didYouMean(kind, GeneratorRegistry::instance().kinds())));
    }
    column.sqlType =
        cs.sqlType.trimmed().isEmpty() && info ? info->defaultSqlType : cs.sqlType.trimmed();
    if (column.sqlType.isEmpty())
        m_diagnostics.add(path + QStringLiteral(".type"),
                          QStringLiteral("column '%1' has no SQL type: set 'type'").arg(cs.name));
    else if (!cs.hidden)
        checkSqlType(path + QStringLiteral(".type"), column.sqlType);
    if (info) {
        ParamReader params(cs.generator, genPath, &m_diagnostics);
        GeneratorArgs args{params,
                           RandomStream(key),
                           column.sqlType.toLower(),
                           spec.name,
                           cs.name,
                           *this,
                           CompiledSchema::tableKey(m_schema.seed, spec.name)};
        const qsizetype before = m_diagnostics.size();
        column.generator = info->create(args);
        params.rejectUnknown({QStringLiteral("kind")});
        // Every column that compiles has a generator: a factory that gave none without saying
        // why must not let the schema pass (a run would dereference it).
        if (!column.generator && m_diagnostics.size() == before)
            m_diagnostics.add(genPath, QStringLiteral("generator '%1' could not be built from "
                                                      "these parameters: check them")
                                           .arg(kind));
        if (kind == QLatin1String("aggregate") && column.generator)
            table.aggregatedChildren.append(cs.generator.value(QStringLiteral("table")).toString());
        if (kind == QLatin1String("reference") || kind == QLatin1String("parent")) {
            column.referencedTable = kind == QLatin1String("parent")
                                         ? spec.perParent ? spec.perParent->parent : QString()
                                         : cs.generator.value(QStringLiteral("table")).toString();
            column.referencedColumn = cs.generator.value(QStringLiteral("column")).toString();
            // A column of a row another reference picked is part of a composite foreign key, and
            // so is a reference to a column that is not unique on its own (its leader).
            const TableRuntime *target = SchemaCompiler::table(column.referencedTable);
            const int targetColumn = target ? target->columnIndex(column.referencedColumn) : -1;
            if (cs.generator.contains(QStringLiteral("row")) ||
                (targetColumn >= 0 && !target->columns[size_t(targetColumn)].unique))
                column.referencedTable.clear();
            else if (column.generator &&
                     (cs.generator.value(QStringLiteral("distinct")).toBool(false) ||
                      cs.generator.value(QStringLiteral("stride")).toBool(false) ||
                      cs.generator.contains(QStringLiteral("pairs"))))
                column.distinctFrom = SchemaCompiler::table(column.referencedTable);
            column.strideDraw = cs.generator.value(QStringLiteral("stride")).toBool(false);
            if (column.generator && cs.generator.contains(QStringLiteral("pairs")))
                column.pairedWith =
                    int(spec.columnIndex(cs.generator.value(QStringLiteral("pairs")).toString()));
        }
    }
    if (column.generator && column.unique)
        checkUnique(spec, t, c, column);
    table.columns.push_back(std::move(column));
    return true;
}

void SchemaCompiler::checkUnique(const TableSpec &spec, int t, int c, ColumnRuntime &column)
{
    const Generator &g = *column.generator;
    const QString path = columnPath(t, c) + QStringLiteral(".unique");
    const ColumnSpec &cs = spec.columns[c];
    if (g.isInherentlyUnique()) {
        column.uniqueMode = ColumnRuntime::UniqueMode::Inherent;
        return;
    }
    const auto card = g.cardinality();
    if (!g.canEnumerate() || !card) {
        m_diagnostics.add(path, QStringLiteral("generator '%1' cannot guarantee unique values: "
                                               "use sequence, uuid, a pattern or a bounded "
                                               "integer/date range, or drop 'unique'")
                                    .arg(cs.generator.value(QStringLiteral("kind")).toString()));
        return;
    }
    // Whether the value space holds the table's rows is checked per table (checkUniqueCapacity).
    column.uniqueMode = ColumnRuntime::UniqueMode::Permuted;
    column.permutation = Permutation(*card, column.nullStream.derive(hashName("\x01unique")).key());
}

void SchemaCompiler::resolveDependencies(const TableSpec &spec, int t, TableRuntime &table)
{
    // Resolve names, then order columns so each is generated after the columns it reads.
    const int n = int(table.columns.size());
    for (int c = 0; c < n; ++c) {
        ColumnRuntime &column = table.columns[size_t(c)];
        if (!column.generator)
            continue;
        QList<int> indexes;
        const QStringList dependencies = column.generator->dependencies();
        for (int i = 0; i < dependencies.size(); ++i) {
            const QString &dep = dependencies[i];
            const int d = table.columnIndex(dep);
            if (d < 0 || d == c) {
                QStringList names;
                for (const ColumnSpec &cs : spec.columns)
                    names.append(cs.name);
                const QString key = column.generator->dependencyKey(i);
                m_diagnostics.add(
                    columnPath(t, c) + QStringLiteral(".generator") +
                        (key.isEmpty() ? QString() : QStringLiteral(".") + key),
                    d == c ? QStringLiteral("column '%1' cannot refer to itself").arg(dep)
                           : QStringLiteral("column '%1' is not in table '%2'%3")
                                 .arg(dep, spec.name, didYouMean(dep, names)));
                continue;
            }
            indexes.append(d);
        }
        column.dependencies = indexes;
        column.generator->bindDependencies(indexes);
        if (column.generator->needsParent() && !table.isChild() && !spec.perParent)
            m_diagnostics.add(columnPath(t, c) + QStringLiteral(".generator"),
                              QStringLiteral("this generator needs a parent row: give table "
                                             "'%1' a 'rowsPerParent' fan-out")
                                  .arg(spec.name));
    }
    // Lookups through reference columns find those columns' generators.
    for (ColumnRuntime &column : table.columns) {
        if (column.generator)
            column.generator->bindTable(table);
    }
    std::vector<int> state(size_t(n), 0);
    std::function<void(int)> visit = [&](int c) {
        if (state[size_t(c)] == 2)
            return;
        if (state[size_t(c)] == 1) {
            m_diagnostics.add(columnPath(t, c) + QStringLiteral(".generator"),
                              QStringLiteral("column '%1' depends on itself through other "
                                             "columns: break the cycle")
                                  .arg(table.columns[size_t(c)].name));
            state[size_t(c)] = 2;
            return;
        }
        state[size_t(c)] = 1;
        for (int d : table.columns[size_t(c)].dependencies)
            visit(d);
        state[size_t(c)] = 2;
        table.evalOrder.push_back(c);
    };
    for (int c = 0; c < n; ++c)
        visit(c);
    for (int c = 0; c < n; ++c) {
        if (!table.columns[size_t(c)].hidden)
            table.outputColumns.push_back(c);
    }
    if (table.outputColumns.empty() && n > 0)
        m_diagnostics.add(
            tablePath(t) + QStringLiteral(".columns"),
            QStringLiteral("every column of '%1' is hidden: show at least one").arg(spec.name));
}

} // namespace spillway
