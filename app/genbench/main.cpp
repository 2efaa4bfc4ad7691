// spillway-genbench: how fast each column's generator is. Generates rows of every table of a
// schema on one thread, in batches as the engine does, timing each column's generator (nulls
// included) separately, and prints nanoseconds and values per second for each column. Used by
// scripts/benchmark.py for the per-generator table in BENCHMARKS.md.

#include "clicommon.h"
#include "run/preview.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace spillway;
using spillway::parseCount;
using spillway::cli::loadSchema;

namespace {

struct ColumnTiming
{
    QString table, column, kind, type;
    std::vector<double> nsPerValue; // one per repetition
};

// Fills parent rows and ordinals of a child batch from where the last batch stopped.
struct ChildCursor
{
    uint64_t parent = 0;
    uint64_t ordinal = 0;
    uint64_t size = 0;
    bool started = false;

    uint32_t fill(const TableRuntime &table, uint64_t parents, RowBatch &batch, uint32_t want,
                  Arena &scratch)
    {
        uint32_t n = 0;
        while (n < want) {
            if (!started || ordinal >= size) {
                if (started)
                    ++parent;
                if (parent >= parents)
                    parent = 0; // wrap around: more rows than the table has
                size = table.fanOutOf(parent, scratch);
                ordinal = 0;
                started = true;
                continue;
            }
            batch.parentRows[n] = parent;
            batch.ordinals[n] = uint32_t(ordinal++);
            ++n;
        }
        return n;
    }
};

// The columns that column c needs first (its dependency closure), in evaluation order.
std::vector<int> closure(const TableRuntime &table, int c)
{
    std::vector<bool> needed(table.columns.size(), false);
    std::vector<int> stack{c};
    while (!stack.empty()) {
        const int k = stack.back();
        stack.pop_back();
        for (int d : table.columns[size_t(k)].dependencies) {
            if (!needed[size_t(d)]) {
                needed[size_t(d)] = true;
                stack.push_back(d);
            }
        }
    }
    std::vector<int> order;
    for (int k : table.evalOrder) {
        if (needed[size_t(k)])
            order.push_back(k);
    }
    return order;
}

// Times column c over `rows` rows: its dependencies are generated untimed in each batch, so
// every column is measured on its own (as in a narrow table) rather than after sixty others
// have pushed its dictionaries out of the cache.
double timeColumn(const CompiledSchema &schema, const TableRuntime &table, int c, uint64_t rows)
{
    using Clock = std::chrono::steady_clock;
    RowBatch batch(int(table.columns.size()));
    const std::vector<int> before = closure(table, c);
    double ns = 0;
    ChildCursor cursor;
    Arena scratch(256);
    const uint64_t parents =
        table.isChild() ? std::max<uint64_t>(schema.tables()[size_t(table.parent)]->rowCount, 1)
                        : 0;
    for (uint64_t done = 0; done < rows;) {
        batch.arena.reset();
        batch.firstRow = done;
        batch.count = uint32_t(std::min<uint64_t>(RowBatch::kCapacity, rows - done));
        if (table.isChild())
            cursor.fill(table, parents, batch, batch.count, scratch);
        BatchContext ctx;
        ctx.firstRow = batch.firstRow;
        ctx.count = batch.count;
        ctx.batch = &batch;
        ctx.arena = &batch.arena;
        if (table.isChild()) {
            ctx.parentRows = batch.parentRows.data();
            ctx.ordinals = batch.ordinals.data();
        }
        for (int k : before)
            table.columns[size_t(k)].fill(ctx, batch.column(k));
        const auto start = Clock::now();
        table.columns[size_t(c)].fill(ctx, batch.column(c));
        ns += std::chrono::duration<double, std::nano>(Clock::now() - start).count();
        done += batch.count;
    }
    return ns / double(rows);
}

void timeTable(const CompiledSchema &schema, const TableRuntime &table, uint64_t rows,
               std::vector<ColumnTiming> &timings, size_t first)
{
    for (int c : table.evalOrder)
        timings[first + size_t(c)].nsPerValue.push_back(timeColumn(schema, table, c, rows));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times each column's generator on one thread (median of --repeat runs)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("schema"),
                                 QStringLiteral("Schema file or example:NAME (default "
                                                "example:wide)."));
    parser.addOption({QStringLiteral("rows"), QStringLiteral("Rows per table (default 1M)."),
                      QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Repetitions (default 5)."),
                      QStringLiteral("n"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per column.")});
    parser.process(app);
    const QString argument = parser.positionalArguments().value(0, QStringLiteral("example:wide"));
    auto schema = loadSchema(argument);
    if (!schema)
        return 1;
    Preview::prepare(*schema);
    const uint64_t rows = parseCount(parser.value(QStringLiteral("rows"))).value_or(1000000);
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    std::vector<ColumnTiming> timings;
    std::vector<size_t> firsts;
    for (const auto &table : schema->tables()) {
        firsts.push_back(timings.size());
        const TableSpec &spec = schema->schema().tables[table->schemaIndex];
        for (const ColumnRuntime &c : table->columns) {
            const qsizetype at = spec.columnIndex(c.name);
            const QString kind =
                at < 0 ? QString()
                       : spec.columns[at].generator.value(QStringLiteral("kind")).toString();
            timings.push_back(ColumnTiming{table->name, c.name, kind, c.sqlType, {}});
        }
    }
    for (int r = 0; r < repeat; ++r) {
        for (size_t t = 0; t < schema->tables().size(); ++t)
            timeTable(*schema, *schema->tables()[t], rows, timings, firsts[t]);
    }
    for (const ColumnTiming &t : timings) {
        const double ns = median(t.nsPerValue);
        const double perSecond = ns > 0 ? 1e9 / ns : 0;
        if (parser.isSet(QStringLiteral("json"))) {
            const QJsonObject o{
                {QStringLiteral("table"), t.table},   {QStringLiteral("column"), t.column},
                {QStringLiteral("kind"), t.kind},     {QStringLiteral("type"), t.type},
                {QStringLiteral("ns_per_value"), ns}, {QStringLiteral("values_per_s"), perSecond}};
            std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        } else {
            std::printf("%-12s %-20s %-16s %9.1f ns %9.1fM/s\n", qPrintable(t.table),
                        qPrintable(t.column), qPrintable(t.kind), ns, perSecond / 1e6);
        }
    }
    return 0;
}
