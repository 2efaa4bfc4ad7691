#pragma once

// Helpers shared by the tests: build a schema from JSON, generate a column's values.

#include "run/preview.h"
#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QTest>

#include <vector>

namespace spillway::test {

// Compiles a JSON schema, failing the test with its diagnostics when it is invalid.
inline std::shared_ptr<CompiledSchema> compile(const QByteArray &json)
{
    Diagnostics d;
    const auto schema = SchemaIO::parse(json, d);
    std::shared_ptr<CompiledSchema> compiled;
    if (schema)
        compiled = CompiledSchema::compile(*schema, d);
    if (!compiled)
        qWarning("%s", qPrintable(d.toString()));
    else
        Preview::prepare(*compiled);
    return compiled;
}

// A one-column table of `rows` rows whose column uses `generator` (JSON) and `type`.
inline QByteArray oneColumn(const QByteArray &generator, const QByteArray &type = "bigint",
                            const QByteArray &extra = "", uint64_t rows = 1000000)
{
    return "{\"seed\": 11, \"tables\": [{\"name\": \"t\", \"rows\": " + QByteArray::number(rows) +
           ", \"columns\": [{\"name\": \"v\", \"type\": \"" + type +
           "\", \"generator\": " + generator + extra + "}]}]}";
}

// Values of column `column` of table `table` for rows [first, first + n).
inline std::vector<Value> values(const CompiledSchema &schema, int table, int column,
                                 uint64_t first, uint64_t n, Arena *keep = nullptr)
{
    const TableRuntime &t = *schema.tables()[size_t(table)];
    std::vector<Value> out;
    out.reserve(n);
    RowBatch batch(int(t.columns.size()));
    for (uint64_t done = 0; done < n;) {
        batch.arena.reset();
        batch.firstRow = first + done;
        batch.count = uint32_t(std::min<uint64_t>(RowBatch::kCapacity, n - done));
        t.generate(batch);
        for (uint32_t i = 0; i < batch.count; ++i) {
            Value v = batch.column(column)[i];
            if (v.kind == ValueKind::Text && keep)
                v = Value::string(keep->copy(v.view()));
            out.push_back(v);
        }
        done += batch.count;
    }
    return out;
}

} // namespace spillway::test
