#pragma once

// Reading other rows: the values of chosen columns of a table at arbitrary row indexes (a child's
// parent rows, the rows references drew), computed from those indexes alone, a batch at a time.
// No table is held in memory: every value is a pure function of (seed, table, column, row).
//
// A reader is built once (at compile time) and shared read-only by every worker; each read()
// fills a RowBatch the caller owns, e.g. one borrowed from the thread's pool (RowReader::Scratch),
// so workers never lock.

#include "schema/compiledschema.h"

#include <vector>

namespace spillway {

class RowReader
{
public:
    RowReader() = default;
    // Reads `columns` of `table` (column indexes), with every column they read, transitively.
    RowReader(const TableRuntime &table, std::vector<int> columns);

    const TableRuntime *table() const { return m_table; }
    // The columns computed by read(), in evaluation order (the chosen ones and what they read).
    const std::vector<int> &order() const { return m_order; }

    // True when rows of `table` can be read from their indexes alone: root tables, and child
    // tables whose every parent has the same number of rows k (child row r is ordinal r % k under
    // parent row r / k), when the parent can be read so too. Otherwise *why says what stops it.
    static bool readable(const TableRuntime &table, QString *why);
    // True when `column` of `table` can be read at any row: the columns it is computed from
    // need no parent row, or the table is readable(). Otherwise *why says what stops it.
    static bool canRead(const TableRuntime &table, int column, QString *why);

    // Fills out.column(c) for every c in order() with the values at rows[0 .. n), n at most
    // RowBatch::kCapacity; out must have the table's column count (at least). Child tables take
    // their parent rows and ordinals from parentRows / ordinals, or derive them from the
    // constant fan-out when those are null. Text values go to `arena` (out.arena when null).
    void read(const uint64_t *rows, uint32_t n, const uint64_t *parentRows,
              const uint32_t *ordinals, RowBatch &out, Arena *arena = nullptr) const;

    // A RowBatch borrowed from the calling thread's pool for the length of a scope: nested reads
    // (a looked-up column that looks up another) each borrow their own.
    class Scratch
    {
    public:
        explicit Scratch(int columns);
        ~Scratch();
        Scratch(const Scratch &) = delete;
        Scratch &operator=(const Scratch &) = delete;
        RowBatch &batch() const { return *m_batch; }

    private:
        RowBatch *m_batch;
    };

private:
    const TableRuntime *m_table = nullptr;
    std::vector<int> m_order;
};

} // namespace spillway
