#pragma once

// Encoders turn batches of generated rows into the bytes of an output format. They are
// stateless and shared by all workers.

#include "base/bytebuffer.h"
#include "schema/compiledschema.h"

#include <QString>

#include <memory>
#include <vector>

namespace spillway {

class DirtyRows;
// The dirty rows of a run's tables, by index in CompiledSchema::tables(); null for clean ones.
using DirtyTables = std::vector<std::shared_ptr<const DirtyRows>>;

enum class OutputFormat { Csv, Tsv, PgCopy, PgBinary, JsonLines };

struct FormatOptions
{
    OutputFormat format = OutputFormat::Csv;
    char delimiter = ','; // CSV only; TSV and COPY text use a tab
    char quote = '"';     // CSV only
    bool header = true;   // CSV and TSV
    QString nullString;   // CSV: empty (unquoted); TSV: empty; COPY text: \N
    bool nullStringSet = false;

    // Reads a format name: csv, tsv, pgcopy (also "copy", "text"), pgbinary ("binary") or
    // jsonl ("jsonlines", "ndjson").
    static bool parseFormat(const QString &name, OutputFormat &format);
    static QString formatName(OutputFormat format);
    static QString extension(OutputFormat format);
    QString effectiveNull() const;
    // Problems with the options (a delimiter that is also the quote, a digit, a newline...).
    QString check() const;
};

class Encoder
{
public:
    virtual ~Encoder() = default;
    // Bytes at the start of each output file (CSV/TSV header line).
    virtual void writeHeader(const TableRuntime &table, ByteBuffer &out) const = 0;
    // Bytes at the end of each output file (the binary COPY trailer).
    virtual void writeTrailer(ByteBuffer &out) const { Q_UNUSED(out) }
    // Appends batch.count rows; when rowEnds is given, the end offset of each row is appended.
    virtual void encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                        std::vector<uint32_t> *rowEnds) const = 0;

    static std::unique_ptr<Encoder> create(const FormatOptions &options);

    // Rows to write dirty (encode/dirtyrows.h); null or all-null: every row clean, at no cost.
    // Set before the first encode(); the binary format has no dirty rows.
    void setDirtyTables(std::shared_ptr<const DirtyTables> tables);
    // The table's dirty rows, or null when it has none.
    const DirtyRows *dirtyRowsOf(const TableRuntime &table) const;

private:
    std::shared_ptr<const DirtyTables> m_dirty;
};

} // namespace spillway
