#pragma once

// Dirty rows: which rows of a table are written invalid, and how. Like every value, a pure
// function of (seed, table, row): a keyed hash says whether a row is dirty (with probability
// `fraction`), another picks its one kind among the requested kinds that apply to the table
// and the column it damages, and further draws of the same row fix the damaged text. Reruns,
// shards and any chunking therefore write the same dirty rows, and verify can skip them
// without reading any file.
//
// A kind applies to a table when it has a column to damage: number needs a numeric column,
// date a date or time column, overflow a bounded type (smallint, integer, bigint,
// numeric(p,s), varchar(n), char(n)), null a column the DDL declares NOT NULL (the primary
// key), duplicate a primary key; field_count and encoding always apply, quote to the formats
// that quote (CSV, JSON Lines). A duplicate repeats the key of the row just before it, so it
// needs that row clean and in the same file: the first row a run writes of a table is never a
// duplicate (it takes another kind), and a file sink that splits keeps the two together.

#include "base/dirtykind.h"
#include "base/random.h"
#include "encode/encoder.h"

#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spillway {

// Column type facts the dirty kinds need, read from the SQL type as a schema writes it.
struct DirtyColumnType
{
    enum class Family { Other, Integer, Numeric, Float, Date, Time, Timestamp, Text };
    Family family = Family::Other;
    int integerBytes = 0; // 2, 4, 8 for smallint, integer, bigint
    int precision = 0;    // numeric(p,s); 0 when unconstrained
    int scale = 0;
    int length = 0; // varchar(n), char(n); 0 when unbounded
    bool isBounded() const { return integerBytes || precision || length; }

    static DirtyColumnType of(const QString &sqlType);
};

// One field of a dirty record, for the encoder to write in its own format.
struct DirtyField
{
    enum class Form {
        Value,     // the value, written as every clean value is
        Text,      // damaged text, escaped or quoted as the format does for text
        Null,      // the format's null (empty, \N, JSON null)
        Raw,       // bytes written as they are (an out-of-range number)
        OpenQuote, // text after an opening quote that is never closed
    };
    Form form = Form::Value;
    Value value;
    std::string text;
    int column = -1; // index in TableRuntime::columns; -1 for an extra field
};

class DirtyRows
{
public:
    // JSON Lines: the key of the extra field a field_count row gains.
    static constexpr const char *kExtraKey = "_extra";

    struct Hit
    {
        DirtyKind kind = DirtyKind::FieldCount;
        // Index in TableRuntime::columns of the damaged field (for quote: the field whose quote
        // is left open); -1 when not one column (field_count).
        int column = -1;
    };

    DirtyRows(const TableRuntime &table, const DirtyOptions &options, uint64_t seed,
              OutputFormat format = OutputFormat::Csv);

    const TableRuntime &table() const { return *m_table; }
    const DirtyOptions &options() const { return m_options; }
    // No row can be dirty: a zero fraction, or no requested kind applies.
    bool isEmpty() const { return m_threshold == 0; }
    // Whether `row` is written dirty (one hash; what verify needs to skip rows).
    bool isDirty(uint64_t row) const { return m_threshold && m_rows.draw(row) < m_threshold; }
    // The row's kind and column, or nothing for a clean row.
    std::optional<Hit> at(uint64_t row) const;
    // The requested kinds that apply to this table, and those that do not (for a warning).
    QList<DirtyKind> applicableKinds() const { return m_applicable; }
    QList<DirtyKind> inapplicableKinds() const;
    // The k-th draw of a dirty row, for the encoders' choices of damaged text.
    uint64_t draw(uint64_t row, uint32_t k) const { return m_damage.draw(row, k); }
    // The first row this run writes of the table: it has no earlier row to duplicate.
    void setFirstRow(uint64_t row) { m_firstRow = row; }
    uint64_t firstRow() const { return m_firstRow; }
    // The nearest earlier clean row this run writes, whose key a duplicate of `row` repeats.
    std::optional<uint64_t> duplicateSource(uint64_t row) const;
    // The fields of dirty row `index` of `batch`, damaged as `hit` says. `scratch` holds the
    // row a duplicate copies its key from when that row is not in the batch; keep it alive
    // while the fields are written.
    std::vector<DirtyField> fields(const RowBatch &batch, uint32_t index, const Hit &hit,
                                   std::unique_ptr<RowBatch> &scratch) const;
    // The primary key's columns (indexes in TableRuntime::columns), which a duplicate copies.
    const std::vector<int> &keyColumns() const { return m_keyColumns; }

private:
    std::vector<int> columnsFor(DirtyKind kind) const;
    std::optional<Hit> pick(uint64_t row, bool allowDuplicate) const;
    DirtyField damaged(const Value &v, const Hit &hit, uint64_t row) const;
    std::string dateText(const Value &v, DirtyColumnType::Family family, uint64_t row) const;
    std::string overflowText(const Value &v, const DirtyColumnType &type, uint64_t row) const;
    void copyKey(const RowBatch &batch, uint32_t index, std::vector<DirtyField> &fields,
                 std::unique_ptr<RowBatch> &scratch) const;
    const RowBatch &sourceBatch(const RowBatch &batch, uint64_t source,
                                std::unique_ptr<RowBatch> &scratch) const;

    const TableRuntime *m_table;
    DirtyOptions m_options;
    OutputFormat m_format;
    uint64_t m_threshold = 0;
    uint64_t m_firstRow = 0;
    RandomStream m_rows;   // is the row dirty
    RandomStream m_kinds;  // which kind and column
    RandomStream m_damage; // the damaged text
    QList<DirtyKind> m_applicable;
    std::vector<std::vector<int>> m_columns; // per applicable kind, its candidate columns
    std::vector<int> m_keyColumns;
};

} // namespace spillway
