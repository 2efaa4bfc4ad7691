#pragma once

// Columns of other rows that an expression reads: `parent.x` (the row's fan-out parent) and
// `ref.x` (the row a reference column of the same row drew, or the parent row of a `parent`
// column). Each source row is computed from its index by a RowReader, a batch at a time; the
// rows a reference drew come from Generator::drawRows, so no value is remembered.

#include "schema/expression.h"
#include "schema/rowreader.h"

#include <memory>
#include <optional>
#include <vector>

namespace spillway {

struct GeneratorArgs;
struct TableSpec;

class LookupSet
{
public:
    // What `name` (with a dot) stands for when the expression is in column args.column of
    // `table`: its type and the input slot `slot`; nothing, with *problem, when it cannot be read.
    std::optional<ExprColumn> resolve(const GeneratorArgs &args, const TableSpec &table,
                                      const QString &name, int slot, QString *problem);
    // After resolving: builds one reader per source row.
    void finish();
    // Once the expression's table is compiled: finds the reference columns' generators.
    void bind(const TableRuntime &table);
    bool empty() const { return m_lookups.empty(); }
    // True when a value needs the row's parent (parent.x, or a `parent` column's row).
    bool needsParent() const;
    // The columns of other tables read (Generator::otherRowReads), appended to `out`.
    void addReads(std::vector<Generator::RowRead> &out) const;

    // Per batch slice: the looked-up values of rows [offset, offset + n) of ctx into
    // inputs[slot]; they live in batches borrowed from the thread's pool, held by `held` until
    // the slice is evaluated. Text goes to ctx.arena.
    void read(const BatchContext &ctx, uint32_t offset, uint32_t n, const Value **inputs,
              std::vector<std::unique_ptr<RowReader::Scratch>> &held) const;

private:
    struct Input
    {
        int slot;
        int column; // in the source table
    };
    struct Lookup
    {
        QString via;            // the reference or parent column; empty for parent.x
        bool parentRow = false; // the source row is ctx.parentRows
        const TableRuntime *table = nullptr;
        std::vector<Input> inputs;
        RowReader reader;
        const ColumnRuntime *viaColumn = nullptr; // bound: its drawRows and its nulls
    };
    void readOne(const Lookup &l, const BatchContext &ctx, uint32_t offset, uint32_t n,
                 const Value **inputs, RowBatch &batch) const;
    // The parent-row columns of `l` another lookup read in this fill (RowBatch::looked).
    bool readBefore(const Lookup &l, const BatchContext &sub, const Value **inputs) const;
    void remember(const Lookup &l, const BatchContext &sub, const Value **inputs) const;

    std::vector<Lookup> m_lookups;
};

} // namespace spillway
