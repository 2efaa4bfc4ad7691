#pragma once

// PostgreSQL's binary COPY format, for COPY ... FROM STDIN (FORMAT binary). Each value goes in
// its type's own binary form (int8 as eight bytes, numeric as base-10000 digits, dates as days
// since 2000...), which spares the server its text parsing: numeric- and date-heavy tables
// load about 1.6 times faster than from CSV.
//
// A COPY stream is writeHeader() once, then the tuples of any number of encode() calls, then
// trailer() once; the sink owns that framing (a file split in parts needs all three per part).
// The encoder sends each column in the binary form of its SQL type, resolved once per table.
// Tables with a column type that has no binary support here (money, arrays, macaddr8...)
// are refused by checkTable(): the sink loads those with text COPY instead.
//
// Values whose kind differs from the column type are converted the way the text path would
// have the server read their text (an Int into numeric, a Date into timestamp, a uuid written
// as text). One that cannot be converted (text that is not a number, an Int out of smallint's
// range) is recorded in error() and sent as a field the server refuses ("invalid field size"),
// so the COPY fails as the text COPY would; the sink should then report error(), which names
// the table, column, row and value.

#include "encode/encoder.h"

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace spillway {

// The binary form a column is sent in.
enum class BinaryType : uint8_t {
    Unsupported,
    Int2,
    Int4,
    Int8,
    Float4,
    Float8,
    Numeric,
    Bool,
    Date,
    Time,
    TimeTz,
    Timestamp,
    TimestampTz,
    Uuid,
    Text, // text, varchar(n), char(n), bpchar, citext, xml: UTF-8 bytes, as textrecv reads
    Json,
    Jsonb, // version byte 1, then the JSON text
    Bytea,
    Inet,
    Cidr,
    MacAddr,
    Interval,
    Point,
    Geometry, // geometry and geography: EWKB, read from the value's EWKT (base/geometry.h)
};

class BinaryCopyEncoder final : public Encoder
{
public:
    BinaryCopyEncoder();
    ~BinaryCopyEncoder() override;

    // The 19-byte PGCOPY signature, flags and (empty) header extension.
    void writeHeader(const TableRuntime &table, ByteBuffer &out) const override;
    // Appends one tuple per row: a 16-bit field count, then each field's 32-bit length
    // (-1 for null) and bytes, all big-endian.
    void encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                std::vector<uint32_t> *rowEnds) const override;
    // The file trailer (16-bit -1) that ends a COPY stream.
    static void trailer(ByteBuffer &out);
    void writeTrailer(ByteBuffer &out) const override { trailer(out); }

    // The binary form of an SQL type as written in a schema ("numeric(15,2)", "varchar(25)",
    // "timestamp with time zone"); Unsupported for types without one here.
    static BinaryType typeOf(const QString &sqlType);
    // Empty when every output column of the table can be sent in binary; otherwise a message
    // naming the table and each column that cannot, for the sink's log when it falls back to
    // text COPY for that table.
    static QString checkTable(const TableRuntime &table);

    // The first value that could not be converted, with its table, column and row; empty when
    // every value was sent. Safe to call from any thread.
    QString error() const;
    bool hasError() const { return m_failed.load(std::memory_order_relaxed); }

private:
    struct Layout;
    const Layout &layoutFor(const TableRuntime &table) const;
    char *reject(char *p, const Layout &layout, size_t column, uint64_t row, const Value &v,
                 const char *why) const;

    // Layouts by table, built on first use; entries are never removed, so references stay
    // valid while other workers add theirs.
    mutable std::mutex m_mutex;
    mutable std::vector<std::unique_ptr<Layout>> m_layouts;
    mutable std::atomic<bool> m_failed{false};
    mutable QString m_error;
};

} // namespace spillway
