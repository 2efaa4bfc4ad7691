#include "run/plan.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QThreadPool>

#include <cmath>
#include <new>
#include <numeric>

namespace spillway {
namespace {

constexpr double kTargetChunkBytes = 4.0 * 1024 * 1024;

// Average text width of a row, from one generated batch: sizes chunks at about 4 MiB.
double estimateBytesPerRow(const TableRuntime &table)
{
    if (table.isChild() || table.rowCount == 0)
        return 64;
    RowBatch batch(int(table.columns.size()));
    batch.firstRow = 0;
    batch.count = uint32_t(std::min<uint64_t>(256, table.rowCount));
    try {
        table.generate(batch);
    } catch (const std::bad_alloc &) {
        return 64; // the run's workers meet the same rows and report it (Engine)
    }
    double bytes = 0;
    for (int c : table.outputColumns) {
        const Value *v = batch.column(c);
        for (uint32_t i = 0; i < batch.count; ++i)
            bytes += (v[i].kind == ValueKind::Text ? v[i].len : 10) + 1;
    }
    return std::max(1.0, bytes / batch.count);
}

uint64_t chunkRowsFor(double bytesPerRow, uint64_t requested)
{
    if (requested)
        return requested;
    const uint64_t rows = uint64_t(kTargetChunkBytes / bytesPerRow);
    return std::clamp<uint64_t>(rows / 1024 * 1024, 1024, uint64_t(1) << 20);
}

// [begin, end) of `total` owned by shard k of n: contiguous, so shards concatenate in order.
std::pair<uint64_t, uint64_t> shardRange(uint64_t total, int k, int n)
{
    const auto part = [&](int i) {
        return uint64_t((static_cast<unsigned __int128>(total) * unsigned(i)) / unsigned(n));
    };
    return {part(k), part(k + 1)};
}

} // namespace

const TablePlan *Plan::tablePlan(int table) const
{
    for (const TablePlan &t : m_tables) {
        if (t.table == table)
            return &t;
    }
    return nullptr;
}

std::vector<bool> Plan::neededTables(Diagnostics &diagnostics) const
{
    const auto &tables = m_schema->tables();
    std::vector<bool> needed(tables.size(), m_options.tables.isEmpty());
    for (const QString &name : m_options.tables) {
        const int t = m_schema->tableIndex(name);
        if (t < 0) {
            QStringList names;
            for (const auto &table : tables)
                names.append(table->name);
            diagnostics.add(QStringLiteral("--table"),
                            QStringLiteral("there is no table '%1' in the schema; its tables: %2")
                                .arg(name, names.join(QStringLiteral(", "))));
            continue;
        }
        needed[size_t(t)] = true;
    }
    // Tables are in load order, so walking backwards pulls in everything referenced; a table's
    // aggregates need their child table's rows counted too, which come later, so walk again
    // until nothing is added.
    for (bool added = true; added;) {
        added = false;
        for (size_t t = tables.size(); t-- > 0;) {
            if (!needed[t])
                continue;
            for (int r : tables[t]->references)
                needed[size_t(r)] = true;
            for (const QString &child : tables[t]->aggregatedChildren) {
                const int c = m_schema->tableIndex(child);
                if (c >= 0 && !needed[size_t(c)])
                    needed[size_t(c)] = added = true;
            }
        }
    }
    return needed;
}

std::shared_ptr<Plan> Plan::build(std::shared_ptr<CompiledSchema> schema,
                                  const PlanOptions &options, QThreadPool *pool,
                                  Diagnostics &diagnostics)
{
    auto plan = std::shared_ptr<Plan>(new Plan);
    plan->m_schema = std::move(schema);
    plan->m_options = options;
    if (!plan->checkOptions(diagnostics) || !plan->sizeTables(diagnostics, pool))
        return nullptr;
    plan->m_dirty = plan->buildDirtyTables(OutputFormat::Csv);
    return plan;
}

bool Plan::check(std::shared_ptr<CompiledSchema> schema, const PlanOptions &options,
                 Diagnostics &diagnostics)
{
    Plan plan;
    plan.m_schema = std::move(schema);
    plan.m_options = options;
    return plan.checkOptions(diagnostics);
}

bool Plan::checkOptions(Diagnostics &diagnostics) const
{
    if (m_options.shardCount < 1 || m_options.shardIndex < 0 ||
        m_options.shardIndex >= m_options.shardCount) {
        diagnostics.add(QStringLiteral("--shard"),
                        QStringLiteral("shard %1/%2 does not exist: use K/N with 0 <= K < N")
                            .arg(m_options.shardIndex)
                            .arg(m_options.shardCount));
        return false;
    }
    if (!(m_options.scale > 0) || !std::isfinite(m_options.scale)) {
        diagnostics.add(QStringLiteral("--scale"),
                        QStringLiteral("the scale factor must be a number above 0"));
        return false;
    }
    if (const QString problem = m_options.dirty.check(); !problem.isEmpty())
        diagnostics.add(QStringLiteral("--dirty"), problem);
    const std::vector<bool> needed = neededTables(diagnostics);
    for (auto it = m_options.tableRows.cbegin(); it != m_options.tableRows.cend(); ++it) {
        const TableRuntime *t = m_schema->table(it.key());
        if (!t || t->isChild())
            diagnostics.add(
                QStringLiteral("--rows"),
                t ? QStringLiteral("table '%1' is a child table: its rows follow "
                                   "its fan-out; set its parent's rows instead")
                        .arg(it.key())
                  : QStringLiteral("there is no table '%1' in the schema").arg(it.key()));
    }
    // Every 'unique' column is checked against the most rows this run can give its table before
    // anything is counted or generated, with the message validate gives for the same counts.
    return !diagnostics.hasErrors() && checkBounds(needed, diagnostics);
}

bool Plan::sizeTables(Diagnostics &diagnostics, QThreadPool *pool)
{
    auto &tables = m_schema->tables();
    const std::vector<bool> needed = neededTables(diagnostics);
    std::vector<std::vector<ChunkSpec>> chunks(tables.size());
    std::vector<TablePlan> selected;
    for (size_t t = 0; t < tables.size(); ++t) {
        TableRuntime &table = *tables[t];
        TablePlan tp;
        tp.table = int(t);
        tp.selected = m_options.tables.isEmpty() || m_options.tables.contains(table.name);
        if (!table.isChild())
            table.rowCount = rootRows(table);
        if (needed[t] && table.isChild())
            cutChildTable(table, tp, pool, tp.selected, chunks[t]);
        // Unbounded fan-outs were checked against their mean: now against the rows counted.
        if (needed[t] &&
            !table.checkUniqueCapacity({table.rowCount,
                                        QStringLiteral("the rows its fan-out "
                                                       "gives this run"),
                                        QStringLiteral("lower the parent's rows or give the "
                                                       "fan-out a lower 'max'")},
                                       diagnostics))
            return false;
        if (needed[t] && !table.checkDistinctDraws(
                             table.isChild() ? tables[size_t(table.parent)]->name : QString(), true,
                             diagnostics))
            return false;
        for (ColumnRuntime &column : table.columns) {
            if (column.generator)
                column.generator->prepare();
        }
        if (table.fanOut)
            table.fanOut->prepare();
        if (tp.selected)
            selected.push_back(tp);
    }
    // Root tables are cut once every generator is prepared: sizing their chunks generates a
    // sample of rows, and an aggregate recomputes the rows of a child table sized later.
    for (TablePlan &tp : selected) {
        const TableRuntime &table = *tables[size_t(tp.table)];
        if (!table.isChild())
            cutRootTable(table, tp, chunks[size_t(tp.table)]);
        tp.firstChunk = m_chunks.size();
        tp.chunkCount = chunks[size_t(tp.table)].size();
        m_chunks.insert(m_chunks.end(), chunks[size_t(tp.table)].begin(),
                        chunks[size_t(tp.table)].end());
        tp.totalRows = table.rowCount;
        m_totalRows += tp.rows;
        m_tables.push_back(tp);
    }
    return !diagnostics.hasErrors();
}

uint64_t Plan::rootRows(const CompiledSchema &schema, const TableRuntime &table,
                        const PlanOptions &options)
{
    if (options.tableRows.contains(table.name))
        return options.tableRows.value(table.name);
    const uint64_t declared = uint64_t(std::max<int64_t>(table.declaredRows, 0));
    const QList<TableSpec> &specs = schema.schema().tables;
    if (table.schemaIndex >= 0 && table.schemaIndex < specs.size() &&
        specs[table.schemaIndex].fixedRows) // e.g. TPC-H's nations: no --rows N, no --scale
        return declared;
    return uint64_t(std::llround(double(options.rows.value_or(declared)) * options.scale));
}

bool Plan::checkBounds(const std::vector<bool> &needed, Diagnostics &diagnostics) const
{
    const auto &tables = m_schema->tables();
    std::vector<RowBound> bounds(tables.size());
    bool ok = true;
    for (size_t t = 0; t < tables.size(); ++t) {
        const TableRuntime &table = *tables[t];
        if (table.isChild()) {
            const TableRuntime &parent = *tables[size_t(table.parent)];
            bounds[t] = table.childBound(bounds[size_t(table.parent)].rows, parent.name);
        } else if (rootRows(table) == uint64_t(std::max<int64_t>(table.declaredRows, 0))) {
            bounds[t] = table.declaredBound;
        } else {
            bounds[t] = {rootRows(table), QStringLiteral("this run's row count"),
                         QStringLiteral("make fewer rows (--rows, --scale)")};
        }
        if (needed[t])
            ok = table.checkUniqueCapacity(bounds[t], diagnostics) && ok;
    }
    return ok;
}

void Plan::cutRootTable(const TableRuntime &table, TablePlan &plan,
                        std::vector<ChunkSpec> &chunks) const
{
    plan.bytesPerRow = estimateBytesPerRow(table);
    plan.chunkRows = chunkRowsFor(plan.bytesPerRow, m_options.chunkRows);
    const auto [begin, end] =
        shardRange(table.rowCount, m_options.shardIndex, m_options.shardCount);
    plan.rows = end - begin;
    for (uint64_t row = begin; row < end; row += plan.chunkRows) {
        ChunkSpec c;
        c.table = plan.table;
        c.indexInTable = uint32_t(chunks.size());
        c.firstRow = row;
        c.rowCount = std::min(plan.chunkRows, end - row);
        chunks.push_back(c);
    }
}

void Plan::cutChildTable(TableRuntime &table, TablePlan &plan, QThreadPool *pool, bool cut,
                         std::vector<ChunkSpec> &chunks) const
{
    const TableRuntime &parent = *m_schema->tables()[size_t(table.parent)];
    // Mean fan-out from a sample of parents, to size parent ranges at about chunkRows rows.
    Arena scratch(256);
    const uint64_t sample = std::min<uint64_t>(parent.rowCount, 1024);
    double sum = 0;
    for (uint64_t p = 0; p < sample; ++p)
        sum += double(table.fanOutOf(p, scratch));
    const double mean = sample ? std::max(sum / double(sample), 1e-3) : 1;
    plan.bytesPerRow = 64;
    plan.chunkRows = chunkRowsFor(plan.bytesPerRow, m_options.chunkRows);
    const uint64_t parentsPerChunk = std::max<uint64_t>(1, uint64_t(double(plan.chunkRows) / mean));

    const auto [pBegin, pEnd] =
        shardRange(parent.rowCount, m_options.shardIndex, m_options.shardCount);
    std::vector<ChunkSpec> ranges;
    for (uint64_t p = 0; p < parent.rowCount;) {
        ChunkSpec c;
        c.table = plan.table;
        c.firstParent = p;
        uint64_t end = std::min(p + parentsPerChunk, parent.rowCount);
        // Shard edges cut a range so no chunk straddles two shards.
        if (p < pBegin && end > pBegin)
            end = pBegin;
        else if (p < pEnd && end > pEnd)
            end = pEnd;
        c.parentCount = end - p;
        ranges.push_back(c);
        p = end;
    }
    // Count every range's rows on the pool: one fan-out draw per parent row.
    QtConcurrent::blockingMap(
        pool ? pool : QThreadPool::globalInstance(), ranges, [&table](ChunkSpec &c) {
            Arena arena(256);
            uint64_t n = 0;
            for (uint64_t p = c.firstParent; p < c.firstParent + c.parentCount; ++p)
                n += table.fanOutOf(p, arena);
            c.rowCount = n;
        });
    uint64_t row = 0;
    table.childRanges.clear();
    table.childRanges.reserve(ranges.size());
    for (ChunkSpec &c : ranges) {
        c.firstRow = row;
        table.childRanges.push_back({c.firstParent, c.firstRow});
        row += c.rowCount;
        const bool inShard = c.firstParent >= pBegin && c.firstParent < pEnd;
        if (cut && inShard && c.rowCount > 0) {
            c.indexInTable = uint32_t(chunks.size());
            plan.rows += c.rowCount;
            chunks.push_back(c);
        }
    }
    table.rowCount = row;
}

bool Plan::wantsDirtyRows(const CompiledSchema &schema, const PlanOptions &options)
{
    if (options.dirty.isSet || options.dirty.any())
        return options.dirty.any();
    for (const TableSpec &t : schema.schema().tables) {
        const bool selected = options.tables.isEmpty() || options.tables.contains(t.name);
        if (selected && t.dirty && t.dirty->any())
            return true;
    }
    return false;
}

DirtyOptions Plan::dirtyOptions(int table) const
{
    if (m_options.dirty.isSet || m_options.dirty.any())
        return m_options.dirty;
    const int index = m_schema->tables()[size_t(table)]->schemaIndex;
    const QList<TableSpec> &specs = m_schema->schema().tables;
    if (index < 0 || index >= specs.size() || !specs[index].dirty)
        return {};
    return *specs[index].dirty;
}

std::shared_ptr<const DirtyTables> Plan::buildDirtyTables(OutputFormat format) const
{
    auto tables = std::make_shared<DirtyTables>(m_schema->tables().size());
    for (const TablePlan &tp : m_tables) {
        const DirtyOptions options = dirtyOptions(tp.table);
        if (!options.any())
            continue;
        auto rows = std::make_shared<DirtyRows>(*m_schema->tables()[size_t(tp.table)], options,
                                                m_schema->seed(), format);
        if (tp.chunkCount)
            rows->setFirstRow(m_chunks[tp.firstChunk].firstRow);
        if (!rows->isEmpty())
            (*tables)[size_t(tp.table)] = std::move(rows);
    }
    return tables;
}

bool Plan::hasDirtyRows() const
{
    if (!m_dirty)
        return false;
    for (const auto &rows : *m_dirty) {
        if (rows)
            return true;
    }
    return false;
}

std::shared_ptr<const DirtyRows> Plan::dirtyRows(int table) const
{
    if (!m_dirty || table < 0 || size_t(table) >= m_dirty->size())
        return nullptr;
    return (*m_dirty)[size_t(table)];
}

std::shared_ptr<const DirtyTables> Plan::dirtyTables(OutputFormat format) const
{
    return format == OutputFormat::Csv ? m_dirty : buildDirtyTables(format);
}

QStringList Plan::dirtyWarnings(OutputFormat format) const
{
    QStringList warnings;
    for (const TablePlan &tp : m_tables) {
        const DirtyOptions options = dirtyOptions(tp.table);
        if (!options.any())
            continue;
        const TableRuntime &table = *m_schema->tables()[size_t(tp.table)];
        const DirtyRows rows(table, options, m_schema->seed(), format);
        // Only kinds named on purpose: "every kind" includes some most tables cannot take.
        // Quote never applies to TSV and COPY text (no quotes); the other kinds take its share.
        QStringList names;
        for (DirtyKind kind : rows.inapplicableKinds()) {
            if (!options.kinds.isEmpty() && kind != DirtyKind::Quote)
                names.append(dirtyKindName(kind));
        }
        if (rows.applicableKinds().isEmpty() && names.isEmpty())
            names = options.kindNames();
        if (names.isEmpty())
            continue;
        warnings.append(rows.applicableKinds().isEmpty()
                            ? QStringLiteral("table '%1' gets no dirty rows: no column takes "
                                             "the kinds %2")
                                  .arg(table.name, names.join(QStringLiteral(", ")))
                            : QStringLiteral("table '%1' has no column for the dirty kinds %2: "
                                             "its dirty rows get the other kinds")
                                  .arg(table.name, names.join(QStringLiteral(", "))));
    }
    return warnings;
}

} // namespace spillway
