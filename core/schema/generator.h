#pragma once

// The generator interface. A generator turns row indices into values of one column; it holds
// its parameters and its random stream and nothing else, so it is shared read-only by every
// worker. Adding a generator is local: implement this interface in core/generators/ and
// register a factory with its parameter names (generatorregistry.h).

#include "base/random.h"
#include "base/value.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace spillway {

class RowBatch;
struct TableRuntime;

// What a generator sees of the batch it fills: contiguous rows firstRow, firstRow + 1, ..., or
// scattered rows (a lookup reads the rows references drew). Generators read row indexes only
// through row(i), so both give each row the same value.
struct BatchContext
{
    uint64_t firstRow = 0;                // table row index of the batch's first row
    uint32_t count = 0;                   // rows in the batch
    const uint64_t *rows = nullptr;       // scattered rows: the row index of each (firstRow unused)
    const uint64_t *parentRows = nullptr; // child tables: parent row index of each row
    const uint32_t *ordinals = nullptr;   // child tables: 0-based position under its parent
    const RowBatch *batch = nullptr;      // values of the row's other columns (see dependencies())
    Arena *arena = nullptr;               // storage for text values

    uint64_t row(uint32_t i) const { return rows ? rows[i] : firstRow + i; }
    // Rows [offset, offset + n) of this batch; `batch` is not shifted (its columns still start
    // at row 0), so only generators that read no other column may be given a slice.
    BatchContext slice(uint32_t offset, uint32_t n) const
    {
        BatchContext s = *this;
        s.firstRow = rows ? 0 : firstRow + offset;
        s.rows = rows ? rows + offset : nullptr;
        s.count = n;
        s.parentRows = parentRows ? parentRows + offset : nullptr;
        s.ordinals = ordinals ? ordinals + offset : nullptr;
        return s;
    }
};

class Generator
{
public:
    virtual ~Generator() = default;

    // Fills out[0 .. ctx.count) with the values of rows ctx.row(0), ctx.row(1), ...
    virtual void generate(const BatchContext &ctx, Value *out) const = 0;
    // Fills only out[positions[0 .. n)], for columns that are mostly null: the values are the
    // same as generate() gives. Returns false when the generator cannot (it reads other rows'
    // batch positions), and the caller generates the whole batch instead.
    virtual bool generateAt(const BatchContext &ctx, const uint32_t *positions, uint32_t n,
                            Value *out) const
    {
        Q_UNUSED(ctx)
        Q_UNUSED(positions)
        Q_UNUSED(n)
        Q_UNUSED(out)
        return false;
    }

    // Number of distinct values this generator can make, when finite and known. Used to
    // refuse `unique` on a value space smaller than the row count.
    virtual std::optional<uint64_t> cardinality() const { return std::nullopt; }
    // True when every row already gets a distinct value (sequences, v4 UUIDs from a bijection).
    virtual bool isInherentlyUnique() const { return false; }
    // True when generate() never writes a null itself (the column's null fraction aside): the
    // DDL then declares a column without nulls NOT NULL (TableRuntime::isNotNull).
    virtual bool neverNull() const { return false; }
    // True when valueAt() enumerates the value space, so `unique` can be had from a permutation.
    virtual bool canEnumerate() const { return false; }
    // The index-th distinct value, index < cardinality(); only when canEnumerate().
    virtual Value valueAt(uint64_t index, Arena &arena) const;

    // Integer distributions used as a fan-out: the largest value they can give (when bounded)
    // and their mean. A child table's row count is bounded from them before any row is counted.
    virtual std::optional<int64_t> upperBound() const { return std::nullopt; }
    virtual std::optional<double> mean() const { return std::nullopt; }
    // The most values one row holds: arrays and json objects count their elements, nested ones
    // multiplied. Compiling refuses rows above kMaxValuesPerRow (nested.h).
    virtual uint64_t valuesPerRow() const { return 1; }

    // Columns of the same row whose values this generator reads through ctx.batch.
    virtual QStringList dependencies() const { return {}; }
    // The parameter that names dependency i, relative to the generator ("after.column",
    // "fields.f.template"), so an unknown name is reported at its own JSON path.
    virtual QString dependencyKey(int i) const
    {
        Q_UNUSED(i)
        return {};
    }
    // Resolved by the compiler after dependencies(): position of each dependency in the batch.
    virtual void bindDependencies(const QList<int> &columnIndexes) { Q_UNUSED(columnIndexes) }
    // True when the value depends on the row's parent (child tables only).
    virtual bool needsParent() const { return false; }
    // A column of another table whose values at other rows this generator computes.
    struct RowRead
    {
        const TableRuntime *table = nullptr;
        int column = -1;
    };
    // Every such column: a reference's target column, a lookup's columns, an aggregate's child
    // columns. The compiler refuses a circle through them (schema/aggregatecheck.h): computing
    // a value from itself through other rows would never end.
    virtual std::vector<RowRead> otherRowReads() const { return {}; }
    // Generators that draw a row of another table (reference, parent): the index of the row each
    // of ctx.count rows draws, into rows[0 .. ctx.count); the column's value is read from that
    // row. False (rows untouched) for generators that draw no row.
    // Non-zero when drawRows() gives the same rows as every other generator of the table with
    // the same key (a reference and the columns sharing its row through "row"): a batch then
    // draws once (drawnRows(), RowBatch's memo) for the column and the lookups through it.
    virtual uint64_t drawKey() const { return 0; }
    virtual bool drawRows(const BatchContext &ctx, uint64_t *rows) const
    {
        Q_UNUSED(ctx)
        Q_UNUSED(rows)
        return false;
    }
    // Called by the compiler once every column of `table` (this generator's own table) is built
    // and bound: generators that use other columns' generators (lookups through a reference
    // column) find them here.
    virtual void bindTable(const TableRuntime &table) { Q_UNUSED(table) }
    // Called once, single-threaded, after the planner has set every table's row count and
    // before any generate(): generators that depend on other tables' sizes set up here.
    virtual void prepare() {}
};

// Base for generators whose value depends on the row alone: the loop lives here, inlined.
template<class Derived> class RowGenerator : public Generator
{
public:
    void generate(const BatchContext &ctx, Value *out) const final
    {
        const auto &self = static_cast<const Derived &>(*this);
        for (uint32_t i = 0; i < ctx.count; ++i)
            out[i] = self.at(ctx.row(i), *ctx.arena);
    }
    bool generateAt(const BatchContext &ctx, const uint32_t *positions, uint32_t n,
                    Value *out) const final
    {
        const auto &self = static_cast<const Derived &>(*this);
        for (uint32_t k = 0; k < n; ++k)
            out[positions[k]] = self.at(ctx.row(positions[k]), *ctx.arena);
        return true;
    }
};

} // namespace spillway
