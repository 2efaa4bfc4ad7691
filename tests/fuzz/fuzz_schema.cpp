// Fuzz target: schema text → parse → compile → three preview rows of every table, the path
// `spillway-cli preview` takes (app/cli/schemacommands.cpp), plus `validate` on the same text.
// A document that parses must also survive a round trip through its canonical JSON.

#include "run/preview.h"
#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QHashFunctions>
#include <QSet>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace spillway;

namespace {

// Documents larger than this are refused by the harness (not by Spillway): parsing them only
// costs time, and libFuzzer's -max_len keeps inputs far below it anyway.
constexpr size_t kMaxInput = 256 * 1024;
constexpr int kPreviewRows = 3;

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_schema: check failed: %s\n", what);
        std::abort();
    }
}

// A unique column (or a table's only primary-key column) repeats no value, even in a preview.
void checkUnique(const Schema &schema, const PreviewRows &rows)
{
    const TableSpec *table = schema.table(rows.table);
    check(table != nullptr, "a previewed table is in the document");
    int keys = 0;
    for (const ColumnSpec &c : table->columns)
        keys += c.primaryKey ? 1 : 0;
    for (const ColumnSpec &c : table->columns) {
        const qsizetype at = rows.headers.indexOf(c.name);
        if (at < 0 || !(c.unique || (c.primaryKey && keys == 1)))
            continue;
        QSet<QString> seen;
        for (qsizetype r = 0; r < rows.rows.size(); ++r) {
            if (rows.nulls[r][at])
                continue;
            check(!seen.contains(rows.rows[r][at]), "a unique column repeats no value");
            seen.insert(rows.rows[r][at]);
        }
    }
}

void preview(const Schema &schema)
{
    Diagnostics diagnostics;
    const auto compiled = CompiledSchema::compile(schema, diagnostics);
    check(compiled || !diagnostics.isEmpty(), "a schema that does not compile says why");
    if (!compiled)
        return;
    Preview::prepare(*compiled);
    for (size_t t = 0; t < compiled->tables().size(); ++t) {
        const PreviewRows rows = Preview::rows(*compiled, int(t), kPreviewRows);
        check(rows.rows.size() <= kPreviewRows, "preview returns at most the rows asked for");
        for (const QStringList &row : rows.rows)
            check(row.size() == rows.headers.size(), "every preview row has every column");
        checkUnique(schema, rows);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QHashSeed::setDeterministicGlobalSeed(); // the same input takes the same path every time
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > kMaxInput)
        return 0;
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    Diagnostics diagnostics;
    const auto schema = SchemaIO::parse(json, diagnostics);
    if (!schema) {
        check(!diagnostics.isEmpty(), "a document that does not parse says why");
        return 0;
    }
    // Canonical JSON reads back as the same document.
    const QByteArray canonical = SchemaIO::toBytes(*schema);
    Diagnostics again;
    const auto reread = SchemaIO::parse(canonical, again);
    check(reread.has_value(), "a parsed schema's canonical JSON parses");
    check(SchemaIO::toBytes(*reread) == canonical, "canonical JSON is stable");
    SchemaIO::validate(json);
    preview(*schema);
    return 0;
}
