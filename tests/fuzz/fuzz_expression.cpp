// Fuzz target: the expression language (schema/expression*, generators/expression*). The first
// byte picks the column's SQL type, the rest is the expression (UTF-8) over a table of columns
// of every readable type, a third of their values null. A refused expression must say where
// (a position inside the text); one that validates must evaluate without crashing or hanging,
// give values of its column's kind or null, and give the same values in batches of 1 and of 64.

#include "schema/compiledschema.h"
#include "schema/expression.h"

#include <QHashFunctions>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

using namespace spillway;

namespace {

constexpr size_t kMaxInput = 4096;
constexpr uint32_t kRows = 64;

void check(bool condition, const char *what, const QString &expression,
           const QString &detail = QString())
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_expression: check failed: %s\nexpression: %s\n%s\n", what,
                     expression.toUtf8().constData(), detail.toUtf8().constData());
        std::abort();
    }
}

ColumnSpec column(const char *name, const char *type, const QJsonObject &generator)
{
    ColumnSpec c;
    c.name = QLatin1String(name);
    c.sqlType = QLatin1String(type);
    c.generator = generator;
    c.nullFraction = 0.3;
    return c;
}

QJsonObject gen(const char *kind, std::initializer_list<std::pair<QString, QJsonValue>> params)
{
    QJsonObject o{{QStringLiteral("kind"), QLatin1String(kind)}};
    for (const auto &[key, value] : params)
        o.insert(key, value);
    return o;
}

Schema schemaFor(const QString &expression, const char *type)
{
    TableSpec t;
    t.name = QStringLiteral("t");
    t.rows = kRows;
    const QString lo = QStringLiteral("min"), hi = QStringLiteral("max");
    t.columns = {
        column("i", "bigint", gen("uniform", {{lo, -1000000}, {hi, 1000000}})),
        column(
            "big", "bigint",
            gen("uniform", {{lo, qint64(-4000000000000000LL)}, {hi, qint64(4000000000000000LL)}})),
        column("n", "numeric(18,4)", gen("decimal", {{lo, -1e9}, {hi, 1e9}})),
        column("f", "double precision", gen("float", {{lo, -1e6}, {hi, 1e6}})),
        column("s", "text", gen("words", {})),
        column("b", "boolean", gen("boolean", {})),
        column("d", "date", gen("date", {})),
        column("ts", "timestamp", gen("timestamp", {{QStringLiteral("precision"), 6}})),
        column("tz", "timestamptz", gen("timestamptz", {})),
    };
    ColumnSpec e =
        column("e", type, gen("expression", {{QStringLiteral("expression"), expression}}));
    e.nullFraction = 0;
    t.columns.append(e);
    Schema schema;
    schema.seed = 5;
    schema.tables = {t};
    return schema;
}

std::vector<std::string> generated(const TableRuntime &t, uint32_t batchRows)
{
    std::vector<std::string> out;
    RowBatch batch(int(t.columns.size()));
    const int e = t.columnIndex(QStringLiteral("e"));
    for (uint32_t done = 0; done < kRows; done += batchRows) {
        batch.arena.reset();
        batch.firstRow = done;
        batch.count = std::min(batchRows, kRows - done);
        t.generate(batch);
        for (uint32_t i = 0; i < batch.count; ++i) {
            const Value &v = batch.column(e)[i];
            std::string s(1, char(v.kind));
            s.append(reinterpret_cast<const char *>(&v.i), sizeof v.i);
            if (v.kind == ValueKind::Text)
                s.append(v.text, v.len);
            out.push_back(std::move(s));
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QHashSeed::setDeterministicGlobalSeed();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > kMaxInput)
        return 0;
    static const char *const types[] = {
        "bigint", "integer", "smallint", "numeric(12,2)", "numeric",   "double precision",
        "real",   "text",    "boolean",  "date",          "timestamp", "timestamptz"};
    const char *type = types[data[0] % (sizeof types / sizeof *types)];
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    Diagnostics diagnostics;
    const auto schema = CompiledSchema::compile(schemaFor(text, type), diagnostics);
    if (!schema) {
        check(!diagnostics.isEmpty(), "a refused expression says why", text);
        for (const Diagnostic &d : diagnostics.items()) {
            const qsizetype at = d.message.indexOf(QLatin1String("at column "));
            check(at == 0 || d.message.contains(QLatin1String("depends on itself")),
                  "every problem names its column in the expression", text, d.toString());
            const int column = d.message.mid(10).section(QLatin1Char(' '), 0, 0).toInt();
            check(column >= 1 && column <= text.size() + 1, "the column is inside the text", text);
        }
        return 0;
    }
    const TableRuntime &t = *schema->tables().front();
    const auto whole = generated(t, kRows);
    check(generated(t, 1) == whole, "batches of 1 and 64 give the same values", text);
    return 0;
}
