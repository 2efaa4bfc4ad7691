// Fuzz target: schema text → parse → compile → three preview rows of every table, the path
// `spillway-cli preview` takes (app/cli/schemacommands.cpp), plus `validate` on the same text.
// A document that parses must also survive a round trip through its canonical JSON. Geometry
// values (generated, or the raw input read as geometry text) must read back as what they were.

#include "base/geometry.h"
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

// Text that reads as a geometry writes EWKT that reads back as the same geometry, and EWKB of
// exactly ewkbSize() bytes.
bool checkGeometryText(std::string_view text)
{
    Geometry g, again;
    if (!readGeometryText(text, g))
        return false;
    std::string ewkt(ewktBound(g), '\0');
    ewkt.resize(size_t(writeEwkt(ewkt.data(), g) - ewkt.data()));
    check(readGeometryText(ewkt, again), "a geometry's EWKT reads back");
    check(again.xy == g.xy && again.parts == g.parts && again.polygons == g.polygons &&
              again.srid == g.srid,
          "a geometry's EWKT reads back as the same geometry");
    std::string ewkb(ewkbSize(g) + 64, '\0');
    check(size_t(writeEwkb(ewkb.data(), g) - ewkb.data()) == ewkbSize(g), "EWKB size is exact");
    std::string json(geoJsonBound(g), '\0');
    check(size_t(writeGeoJson(json.data(), g) - json.data()) <= json.size(), "GeoJSON fits");
    return true;
}

void checkGeometries(const Schema &schema, const PreviewRows &rows)
{
    const TableSpec *table = schema.table(rows.table);
    for (const ColumnSpec &c : table->columns) {
        const qsizetype at = rows.headers.indexOf(c.name);
        if (at < 0 || !parseGeometryType(c.sqlType) ||
            c.generator.value(QStringLiteral("kind")).toString() == QLatin1String("constant"))
            continue;
        for (qsizetype r = 0; r < rows.rows.size(); ++r) {
            const QByteArray text = rows.rows[r][at].toUtf8();
            check(rows.nulls[r][at] || checkGeometryText({text.constData(), size_t(text.size())}),
                  "a generated geometry reads back");
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
        checkGeometries(schema, rows);
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
    checkGeometryText({json.constData(), size_t(json.size())});
    parseGeometryType(QString::fromUtf8(json));
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
