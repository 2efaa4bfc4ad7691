#pragma once

// A run's plan: how many rows each table gets and how its rows are cut into chunks. Root tables
// are cut by row range; child tables by parent range, each chunk knowing its first row, so any
// chunk can be generated alone. Chunks are numbered in one global sequence, tables in load
// order, which is the order file sinks write them in.

#include "base/diagnostics.h"
#include "encode/dirtyrows.h"
#include "schema/compiledschema.h"

#include <QHash>
#include <QStringList>

#include <optional>
#include <vector>

class QThreadPool;

namespace spillway {

struct PlanOptions
{
    std::optional<uint64_t> rows;       // root tables' row count (overrides the schema)
    QHash<QString, uint64_t> tableRows; // per-table row counts (root tables), over `rows`
    double scale = 1.0;                 // multiplies root tables' row counts
    std::optional<uint64_t> seed;       // overrides the schema's seed
    uint64_t chunkRows = 0;             // 0: chosen from the row width (about 4 MiB per chunk)
    QStringList tables;                 // only these tables (empty: all)
    int shardIndex = 0;                 // --shard K/N: this process makes the K-th of N row ranges
    int shardCount = 1;
    // --dirty/--dirty-kinds: rows written invalid; set (or non-zero) it replaces each table's
    // own "dirty" setting from the schema.
    DirtyOptions dirty;
};

struct ChunkSpec
{
    int table = 0; // index in CompiledSchema::tables()
    uint32_t indexInTable = 0;
    uint64_t firstRow = 0;
    uint64_t rowCount = 0;
    uint64_t firstParent = 0; // child tables: the parents whose rows this chunk holds
    uint64_t parentCount = 0;
};

struct TablePlan
{
    int table = 0;
    bool selected = true; // written by this run (unselected tables only size references)
    uint64_t rows = 0;    // rows this run writes of the table (its shard's share)
    uint64_t totalRows = 0;
    uint64_t firstChunk = 0; // position of the table's chunks in Plan::chunks
    uint64_t chunkCount = 0;
    uint64_t chunkRows = 0; // target rows per chunk
    double bytesPerRow = 0; // estimate from a sample (text form)
};

class Plan
{
public:
    // Sets every table's rowCount, prepares generators and cuts chunks. Child tables' row
    // counts are counted on the pool (one fan-out draw per parent row).
    static std::shared_ptr<Plan> build(std::shared_ptr<CompiledSchema> schema,
                                       const PlanOptions &options, QThreadPool *pool,
                                       Diagnostics &diagnostics);

    // The checks build() makes before counting or generating anything (options, row counts
    // against 'unique' value spaces), for commands that must refuse before connecting.
    static bool check(std::shared_ptr<CompiledSchema> schema, const PlanOptions &options,
                      Diagnostics &diagnostics);

    // Whether a plan of these options would write dirty rows (a command that cannot, such as
    // ingest, refuses before connecting).
    static bool wantsDirtyRows(const CompiledSchema &schema, const PlanOptions &options);
    // A root table's rows under these options: --rows TABLE=N, else the document's count (or
    // --rows N) times --scale; a table with "fixedRows" keeps its count but for --rows TABLE=N.
    static uint64_t rootRows(const CompiledSchema &schema, const TableRuntime &table,
                             const PlanOptions &options);

    const std::shared_ptr<CompiledSchema> &schema() const { return m_schema; }
    const std::vector<ChunkSpec> &chunks() const { return m_chunks; }
    const std::vector<TablePlan> &tables() const { return m_tables; } // selected, load order
    const TablePlan *tablePlan(int table) const;
    uint64_t totalRows() const { return m_totalRows; }
    const PlanOptions &options() const { return m_options; }

    // Dirty rows: the command line's setting over the table's own (table = index in
    // CompiledSchema::tables()).
    DirtyOptions dirtyOptions(int table) const;
    bool hasDirtyRows() const;
    // Which rows of a table are dirty (isDirty(row)), null for a clean table: verify skips
    // them. The kinds are those of CSV; encoders take dirtyTables() for their format.
    std::shared_ptr<const DirtyRows> dirtyRows(int table) const;
    std::shared_ptr<const DirtyTables> dirtyTables(OutputFormat format) const;
    // Requested kinds that apply to no column of a table, one line per table: warnings.
    QStringList dirtyWarnings(OutputFormat format) const;

    // Generates one chunk's rows batch by batch; `consume` receives each filled batch.
    template<class Consume>
    void generateChunk(const ChunkSpec &chunk, RowBatch &batch, Consume &&consume) const;

private:
    bool checkOptions(Diagnostics &diagnostics) const;
    bool sizeTables(Diagnostics &diagnostics, QThreadPool *pool);
    uint64_t rootRows(const TableRuntime &table) const
    {
        return rootRows(*m_schema, table, m_options);
    }
    bool checkBounds(const std::vector<bool> &needed, Diagnostics &diagnostics) const;
    // Both cut a table's chunks into `chunks` (indexInTable set); sizeTables() places them.
    void cutRootTable(const TableRuntime &table, TablePlan &plan,
                      std::vector<ChunkSpec> &chunks) const;
    // Counts every range of parents' rows and keeps the ranges as the table's childRanges (for
    // every parent, also when `cut` is false: the table is counted for a reference or aggregate).
    void cutChildTable(TableRuntime &table, TablePlan &plan, QThreadPool *pool, bool cut,
                       std::vector<ChunkSpec> &chunks) const;
    std::vector<bool> neededTables(Diagnostics &diagnostics) const;
    std::shared_ptr<const DirtyTables> buildDirtyTables(OutputFormat format) const;

    std::shared_ptr<CompiledSchema> m_schema;
    PlanOptions m_options;
    std::vector<ChunkSpec> m_chunks;
    std::vector<TablePlan> m_tables;
    uint64_t m_totalRows = 0;
    std::shared_ptr<const DirtyTables> m_dirty; // CSV kinds; null entries for clean tables
};

template<class Consume>
void Plan::generateChunk(const ChunkSpec &chunk, RowBatch &batch, Consume &&consume) const
{
    const TableRuntime &table = *m_schema->tables()[size_t(chunk.table)];
    if (!table.isChild()) {
        for (uint64_t done = 0; done < chunk.rowCount;) {
            batch.arena.reset();
            batch.firstRow = chunk.firstRow + done;
            batch.count = uint32_t(std::min<uint64_t>(RowBatch::kCapacity, chunk.rowCount - done));
            table.generate(batch);
            consume(batch);
            done += batch.count;
        }
        return;
    }
    // Child rows: walk the parents, each contributing fanOutOf(parent) rows.
    uint64_t row = chunk.firstRow;
    uint32_t filled = 0;
    Arena scratch(256);
    auto flush = [&] {
        batch.firstRow = row - filled;
        batch.count = filled;
        table.generate(batch);
        consume(batch);
        batch.arena.reset();
        filled = 0;
    };
    batch.arena.reset();
    for (uint64_t p = chunk.firstParent; p < chunk.firstParent + chunk.parentCount; ++p) {
        const uint64_t n = table.fanOutOf(p, scratch);
        for (uint64_t k = 0; k < n; ++k) {
            batch.parentRows[filled] = p;
            batch.ordinals[filled] = uint32_t(k);
            ++filled;
            ++row;
            if (filled == RowBatch::kCapacity)
                flush();
        }
    }
    if (filled)
        flush();
}

} // namespace spillway
