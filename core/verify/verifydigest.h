#pragma once

// The expected side of `verify`: what a table must hold, recomputed from the deterministic
// generator. Per column, the number of non-null values and a checksum, the sum over non-null
// values of the first 32 bits of md5(text), text being PostgreSQL's `column::text` for the
// column's type (pgtextform.h). The database computes the same with one aggregate query
// (core/pg/verifier.h), so the two meet without moving rows.
//
// Rows the plan writes dirty (Plan::dirtyRows) are left out of every digest and row list:
// verify expects every clean row once and no dirty row.
//
// Tables are generated chunk by chunk on a thread pool, in constant memory. A table whose rows
// are keyed by a "sequence" column (row index = (key - start) / step) can also be digested per
// key range and have any range of rows rendered as text, which is how verify finds the first
// rows that differ.

#include "run/plan.h"
#include "verify/pgtextform.h"

#include <QFuture>
#include <QString>

#include <map>
#include <optional>
#include <vector>

class QThreadPool;

namespace spillway {

using Checksum = unsigned __int128; // a sum of 32-bit values over up to 2^96 rows
QString checksumText(Checksum checksum);

struct ColumnDigest
{
    uint64_t nonNull = 0;
    Checksum checksum = 0; // 0 when the column's text form is not predictable

    bool operator==(const ColumnDigest &o) const
    {
        return nonNull == o.nonNull && checksum == o.checksum;
    }
};

// What a digest sums besides counts. PostgreSQL's md5() costs about a microsecond a call, so
// a check that expects to match hashes whole rows (one call per row, as the text of
// ROW(c1::text, ...) prints); only a table that differs is hashed column by column to tell
// which columns differ.
enum class DigestKind {
    Rows,           // TableDigest::rowChecksum over the predictable columns
    Columns,        // ColumnDigest::checksum per predictable column
    RowsAndColumns, // both: what locating differences needs
};
inline bool hasRowChecksum(DigestKind kind)
{
    return kind != DigestKind::Columns;
}
inline bool hasColumnChecksums(DigestKind kind)
{
    return kind != DigestKind::Rows;
}

struct TableDigest
{
    uint64_t rows = 0;
    std::vector<ColumnDigest> columns; // in the order of the DigestColumn list
    Checksum rowChecksum = 0;          // when hasRowChecksum()

    TableDigest() = default;
    explicit TableDigest(size_t columnCount)
        : columns(columnCount)
    {}
    void merge(const TableDigest &other);
    bool operator==(const TableDigest &o) const
    {
        return rows == o.rows && columns == o.columns && rowChecksum == o.rowChecksum;
    }
    bool operator!=(const TableDigest &o) const { return !(*this == o); }
};

// One column to digest: its index in TableRuntime::columns and the text form of the type it
// has in the database (which may differ from the schema's, when another tool made the table).
struct DigestColumn
{
    int column = -1;
    PgTextForm form;
};

// How rows are named, to locate differences. Either a "sequence" column (never null, not
// permuted): key = start + index * step, index being the row's. Or, in a child table, the
// "parent" column holding its parent's sequence key (index: the parent row) together with the
// "ordinal" column (position under the parent, from ordinalStart).
struct RowKey
{
    int column = -1; // index in TableRuntime::columns
    int64_t start = 1;
    int64_t step = 1;
    int ordinalColumn = -1; // child tables keyed by parent: the ordinal column
    int64_t ordinalStart = 1;

    bool byParent() const { return ordinalColumn >= 0; }
    int64_t keyOf(uint64_t index) const { return start + int64_t(index) * step; }
};

// A generated row as PostgreSQL prints it: values[k] is column k of the DigestColumn list,
// null for SQL NULL. `index` is the row's (or, keyed by parent, its parent's); `ordinal` its
// position under the parent.
struct ExpectedRow
{
    uint64_t index = 0;
    uint64_t ordinal = 0;
    QStringList values;
};

using BucketDigests = std::map<uint64_t, TableDigest>; // bucket index -> digest

class VerifyDigest
{
public:
    // Digests every row of a selected table of the plan, in parallel on the pool. The future
    // is ready when the last chunk is summed; cancel it to stop early.
    static QFuture<TableDigest> table(std::shared_ptr<const Plan> plan, int table,
                                      const std::vector<DigestColumn> &columns, DigestKind kind,
                                      QThreadPool *pool);
    // Digests per bucket of `bucketSize` consecutive key indexes: row indexes, or parent row
    // indexes for a key by parent (bucket = index / bucketSize).
    static QFuture<BucketDigests> buckets(std::shared_ptr<const Plan> plan, int table,
                                          const std::vector<DigestColumn> &columns, bool byParent,
                                          uint64_t bucketSize, DigestKind kind, QThreadPool *pool);
    // One digest of the rows in the given buckets only.
    static QFuture<TableDigest> ranges(std::shared_ptr<const Plan> plan, int table,
                                       const std::vector<DigestColumn> &columns, bool byParent,
                                       uint64_t bucketSize, const std::vector<uint64_t> &buckets,
                                       DigestKind kind, QThreadPool *pool);
    // Appends a field to the text of a record as PostgreSQL's record_out writes it: quoted
    // when empty or holding a quote, backslash, parenthesis, comma or white space.
    static void appendRecordField(std::string &record, std::string_view text);
    // The rows whose key index is in [first, first + count), in key order.
    static std::vector<ExpectedRow> rows(const Plan &plan, int table,
                                         const std::vector<DigestColumn> &columns, bool byParent,
                                         uint64_t first, uint64_t count);

    // The table's key for locating rows: a sequence column (the primary key first), else a
    // parent key and ordinal. None when the table has neither.
    static std::optional<RowKey> rowKey(const CompiledSchema &schema, int table);
};

} // namespace spillway
