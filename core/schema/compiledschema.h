#pragma once

// A schema made ready to generate: every generator built and its parameters checked, columns in
// the order their dependencies need, tables in the order their references need (parents first).
// Compiling reports every problem of the document at once, each with its JSON path.

#include "base/diagnostics.h"
#include "schema/generator.h"
#include "schema/schema.h"

#include <memory>
#include <vector>

namespace spillway {

struct TableRuntime;

struct ColumnRuntime
{
    enum class UniqueMode { None, Inherent, Permuted };

    QString name;
    QString sqlType;
    bool hidden = false;
    bool primaryKey = false;
    bool unique = false;
    UniqueMode uniqueMode = UniqueMode::None;
    uint64_t nullThreshold = 0; // a row is null when its null draw is below this
    RandomStream nullStream;
    Permutation permutation;
    std::unique_ptr<Generator> generator;
    QList<int> dependencies; // column indexes read through the batch
    QString referencedTable; // for foreign keys in DDL
    QString referencedColumn;
    // A reference with "distinct": true draws rows of this table without replacement within
    // each parent: the parent's fan-out must not exceed its rows (checkDistinctDraws).
    const TableRuntime *distinctFrom = nullptr;
    // A reference with "stride": true (distinctFrom set too): ordinal i of parent row p draws row
    // (p + 1 + i * (S / k + p / S)) mod S, k rows per parent, S rows drawn from; checked distinct
    // per parent for the table's parent rows (checkDistinctDraws).
    bool strideDraw = false;
    // A reference with "pairs": the column index of its partner; the two draw a pair of rows from
    // a permutation of both tables' row pairs, so the table may not have more rows than pairs.
    int pairedWith = -1;

    void fill(const BatchContext &ctx, Value *out) const;
    // The value of one row, for references into this column (independent columns only).
    Value valueForRow(uint64_t row, Arena &arena) const;
};

// g.drawRows(ctx, rows), drawn once per fill of ctx.batch for generators with a drawKey():
// the next caller with the same key and rows gets a copy.
bool drawnRows(const Generator &g, const BatchContext &ctx, uint64_t *rows);

class RowBatch
{
public:
    static constexpr uint32_t kCapacity = 1024;

    explicit RowBatch(int columnCount);

    uint64_t firstRow = 0;
    uint32_t count = 0;
    const uint64_t *rows = nullptr; // scattered rows (RowReader): the row index of each
    Arena arena;
    std::vector<uint64_t> parentRows;
    std::vector<uint32_t> ordinals;

    // Rows drawn during one fill of the batch, by Generator::drawKey (see drawnRows()); cleared
    // when a fill starts (TableRuntime::generate, RowReader::read).
    struct Drawn
    {
        uint64_t key = 0;
        uint64_t firstRow = 0;
        const void *at = nullptr; // ctx.rows or ctx.parentRows
        uint32_t count = 0;
        std::vector<uint64_t> rows;
    };
    mutable std::vector<Drawn> drawn;
    mutable size_t drawnUsed = 0;
    // Columns of the parent rows read during one fill (LookupSet): the columns that read the
    // same parent column (two dates `after` parent.x) compute it once.
    struct Looked
    {
        const TableRuntime *table = nullptr;
        int column = -1;
        const void *at = nullptr; // ctx.parentRows
        uint32_t count = 0;
        std::vector<Value> values;
    };
    mutable std::vector<Looked> looked;
    mutable size_t lookedUsed = 0;
    void startFill() const
    {
        drawnUsed = 0;
        lookedUsed = 0;
    }

    Value *column(int c) { return m_values.data() + size_t(c) * kCapacity; }
    const Value *column(int c) const { return m_values.data() + size_t(c) * kCapacity; }
    int columnCount() const { return m_columns; }

private:
    int m_columns;
    std::vector<Value> m_values;
};

// The most rows a table can get, where that count comes from and what lowers it: the row count
// that 'unique' columns are checked against before any value is generated.
struct RowBound
{
    uint64_t rows = 0;
    QString why;   // e.g. "its 'rows'", "10 rows of parent 'p' × at most 3 per parent"
    QString lower; // e.g. "lower 'rows'"
};

// A checkpoint of a child table's row numbering: parent row `firstParent`'s first child is the
// table's row `firstRow` (the planner keeps one per counted range of parents).
struct ChildRange
{
    uint64_t firstParent = 0;
    uint64_t firstRow = 0;
};

// A table-level foreign key over several columns (column indexes of the referencing table).
struct ForeignKeyRuntime
{
    std::vector<int> columns;
    QString table;
    QStringList referencedColumns;
};

struct TableRuntime
{
    TableRuntime();

    QString name;
    int schemaIndex = -1; // position in Schema::tables
    std::vector<ColumnRuntime> columns;
    std::vector<int> evalOrder;     // column indexes, dependencies first
    std::vector<int> outputColumns; // visible column indexes, in document order
    int parent = -1;                // index (in CompiledSchema::tables) of the fan-out parent
    const TableRuntime *parentTable = nullptr; // the same parent, for readers of other rows
    std::unique_ptr<Generator> fanOut; // rows per parent row, evaluated on parent row indexes
    // Child tables whose every parent row has exactly this many rows (a constant fan-out, or a
    // uniform one with min = max): child row r is ordinal r % k under parent row r / k. 0 when
    // the fan-out varies (or for root tables).
    uint64_t constantFanOut = 0;
    std::vector<int> references; // tables this one references (for load order)
    int64_t declaredRows = 0;    // root tables: rows from the document
    RowBound declaredBound;      // from the document's counts (child tables: fan-out's max)
    // Table-level keys, each unique by construction (checked by the compiler).
    std::vector<int> primaryKey;                // composite primary key, empty when none
    std::vector<std::vector<int>> uniqueKeys;   // composite unique constraints
    std::vector<ForeignKeyRuntime> foreignKeys; // composite foreign keys

    // Child tables whose rows this table's `aggregate` columns recompute (by name): a plan
    // counts their rows whenever it writes this table.
    QStringList aggregatedChildren;

    // Set by the planner before any generation; child tables' counts come from the fan-out.
    uint64_t rowCount = 0;
    // Child tables: checkpoints of the row numbering, ascending, set by the planner for every
    // parent row (also when only the parent table is written); empty: counted from parent 0.
    std::vector<ChildRange> childRanges;

    bool isChild() const { return parent >= 0; }
    // A column of the primary key (its own or the table's), or one without nulls whose generator
    // never writes one: the DDL declares it NOT NULL, and a dirty `null` row may target it.
    bool isNotNull(int column) const;
    int columnIndex(const QString &column) const;
    // Generates the values of batch.count rows starting at batch.firstRow; child tables must
    // have batch.parentRows and batch.ordinals filled.
    void generate(RowBatch &batch) const;
    // The same for only `columns` (indexes in evaluation order, each after the columns it
    // reads, as evaluationOrderFor() gives them); the batch's other columns are left alone.
    void generate(RowBatch &batch, const std::vector<int> &columns) const;
    // `column` and every column it reads, transitively, in evaluation order: what generating
    // one column's values needs (e.g. a distribution sampled from a wide table).
    std::vector<int> evaluationOrderFor(int column) const;
    // Rows under parent row p (child tables).
    uint64_t fanOutOf(uint64_t parentRow, Arena &arena) const;
    // Child tables: the row index of parent row p's first child, the same numbering a run,
    // preview and verify use. Constant fan-outs: p × k; otherwise the checkpoint before p plus
    // one fan-out draw per parent in between, continued from this thread's last call for the
    // table, so walking consecutive parents costs one draw each.
    uint64_t firstChildRow(uint64_t parentRow) const;
    // A child table's bound under `parentRows` rows of `parentName`: parent rows times the
    // fan-out's maximum, or its mean when the fan-out is unbounded (then a plan also checks the
    // counted rows).
    RowBound childBound(uint64_t parentRows, const QString &parentName) const;
    // Reports every 'unique' column whose value space is smaller than `bound.rows`, with its
    // JSON path. Validate, plans and previews share this check, so they agree.
    bool checkUniqueCapacity(const RowBound &bound, Diagnostics &diagnostics) const;
    // Reports every reference with "distinct": true whose table has fewer rows than a parent
    // can have children, and every "pairs" of references with fewer row pairs than this table
    // has rows: the declared rows, or (`planned`) the rows this run gives them.
    bool checkDistinctDraws(const QString &parentName, bool planned,
                            Diagnostics &diagnostics) const;
    bool checkPairDraws(int column, bool planned, Diagnostics &diagnostics) const;
    bool checkStrideDraws(int column, bool planned, Diagnostics &diagnostics) const;

private:
    uint64_t m_serial; // tells this table's per-thread cursor from a freed table's at its address
};

class CompiledSchema
{
public:
    // Returns null and fills diagnostics when the schema has any problem.
    static std::shared_ptr<CompiledSchema> compile(const Schema &schema, Diagnostics &diagnostics);

    const Schema &schema() const { return m_schema; }
    uint64_t seed() const { return m_schema.seed; }
    // Tables in load order: every table after the tables it references.
    std::vector<std::unique_ptr<TableRuntime>> &tables() { return m_tables; }
    const std::vector<std::unique_ptr<TableRuntime>> &tables() const { return m_tables; }
    TableRuntime *table(const QString &name) const;
    int tableIndex(const QString &name) const;

    // Row keys: a pure function of (seed, table, column); see random.h.
    static uint64_t tableKey(uint64_t seed, const QString &table);
    static uint64_t columnKey(uint64_t seed, const QString &table, const QString &column);

private:
    Schema m_schema;
    std::vector<std::unique_ptr<TableRuntime>> m_tables;
    friend class SchemaCompiler;
};

} // namespace spillway
