// Composite keys hold by construction over the generated rows, counted in sets of tuples: a
// parent key with an ordinal (example:ecommerce's order_lines), a parent key with a reference
// drawn without replacement per parent (film_actor), and a foreign key whose columns read one
// row of the target (picks -> stock). Values are recomputed row by row, as a run makes them.

#include "run/plan.h"
#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QTest>

using namespace spillway;

namespace {

using Tuple = QPair<qint64, qint64>;

std::shared_ptr<CompiledSchema> planned(const QString &file, const PlanOptions &options)
{
    Diagnostics d;
    const auto schema = SchemaIO::load(file, d);
    std::shared_ptr<CompiledSchema> compiled;
    if (schema)
        compiled = CompiledSchema::compile(*schema, d);
    if (compiled && !Plan::build(compiled, options, nullptr, d))
        compiled.reset();
    if (!compiled)
        qWarning("%s", qPrintable(d.toString()));
    return compiled;
}

// Calls `row(batch, i)` for every row of table `name`; child tables are walked parent by
// parent, each with its fan-out, as the engine does.
void eachRow(const CompiledSchema &schema, const QString &name,
             const std::function<void(const RowBatch &, uint32_t)> &row)
{
    const TableRuntime &table = *schema.table(name);
    RowBatch batch(int(table.columns.size()));
    auto flush = [&] {
        if (batch.count == 0)
            return;
        table.generate(batch);
        for (uint32_t i = 0; i < batch.count; ++i)
            row(batch, i);
        batch.firstRow += batch.count;
        batch.count = 0;
        batch.arena.reset();
    };
    if (!table.isChild()) {
        for (uint64_t r = 0; r < table.rowCount; r += batch.count) {
            batch.arena.reset();
            batch.firstRow = r;
            batch.count = uint32_t(std::min<uint64_t>(RowBatch::kCapacity, table.rowCount - r));
            table.generate(batch);
            for (uint32_t i = 0; i < batch.count; ++i)
                row(batch, i);
        }
        return;
    }
    const TableRuntime &parent = *schema.tables()[size_t(table.parent)];
    Arena arena;
    for (uint64_t p = 0; p < parent.rowCount; ++p) {
        const uint64_t children = table.fanOutOf(p, arena);
        for (uint64_t k = 0; k < children; ++k) {
            if (batch.count == RowBatch::kCapacity)
                flush();
            batch.parentRows[batch.count] = p;
            batch.ordinals[batch.count] = uint32_t(k);
            ++batch.count;
        }
    }
    flush();
}

} // namespace

class TestKeys : public QObject
{
    Q_OBJECT

private slots:
    void parentAndOrdinal();
    void parentAndDistinctReference();
    void foreignKeyReadsOneRow();
    void pairsNeverRepeat();
};

void TestKeys::parentAndOrdinal()
{
    PlanOptions options;
    options.tableRows.insert(QStringLiteral("orders"), 50000); // about 200,000 order lines
    options.tables = {QStringLiteral("orders"), QStringLiteral("order_lines")};
    const auto schema = planned(QStringLiteral(":/spillway/examples/ecommerce.json"), options);
    QVERIFY(schema);
    const TableRuntime &lines = *schema->table(QStringLiteral("order_lines"));
    QCOMPARE(lines.primaryKey.size(), size_t(2));
    const int order = lines.columnIndex(QStringLiteral("order_id"));
    const int lineNo = lines.columnIndex(QStringLiteral("line_no"));
    QSet<Tuple> keys;
    uint64_t rows = 0;
    eachRow(*schema, QStringLiteral("order_lines"), [&](const RowBatch &b, uint32_t i) {
        keys.insert({b.column(order)[i].i, b.column(lineNo)[i].i});
        ++rows;
    });
    QVERIFY2(rows >= 190000, qPrintable(QString::number(rows)));
    QCOMPARE(uint64_t(keys.size()), rows);
}

void TestKeys::parentAndDistinctReference()
{
    PlanOptions options;
    options.tableRows.insert(QStringLiteral("films"), 10000); // about 205,000 film_actor rows
    options.tables = {QStringLiteral("films"), QStringLiteral("actors"),
                      QStringLiteral("film_actor")};
    const auto schema = planned(QStringLiteral(SPILLWAY_KEYS_SCHEMA), options);
    QVERIFY(schema);
    const TableRuntime &t = *schema->table(QStringLiteral("film_actor"));
    const int film = t.columnIndex(QStringLiteral("film_id"));
    const int actor = t.columnIndex(QStringLiteral("actor_id"));
    QSet<Tuple> keys;
    QHash<qint64, int> perActor;
    QHash<qint64, int> perFilm;
    uint64_t rows = 0;
    eachRow(*schema, QStringLiteral("film_actor"), [&](const RowBatch &b, uint32_t i) {
        const Value a = b.column(actor)[i];
        QCOMPARE(int(a.kind), int(ValueKind::Int));
        keys.insert({b.column(film)[i].i, a.i});
        ++perActor[a.i];
        ++perFilm[b.column(film)[i].i];
        ++rows;
    });
    QVERIFY2(rows >= 190000, qPrintable(QString::number(rows)));
    QCOMPARE(uint64_t(keys.size()), rows);
    // Every actor (ids 100..139) is drawn, about equally: a film with 40 rows holds all 40.
    QCOMPARE(perActor.size(), 40);
    for (auto it = perActor.cbegin(); it != perActor.cend(); ++it) {
        QVERIFY(it.key() >= 100 && it.key() < 140);
        QVERIFY2(std::abs(double(it.value()) / double(rows) * 40 - 1) < 0.05,
                 qPrintable(QStringLiteral("actor %1: %2 rows").arg(it.key()).arg(it.value())));
    }
    QCOMPARE(perFilm.size(), 10000);
    // The same rows again (a second pass, as another worker would make them): same tuples.
    QSet<Tuple> again;
    eachRow(*schema, QStringLiteral("film_actor"), [&](const RowBatch &b, uint32_t i) {
        again.insert({b.column(film)[i].i, b.column(actor)[i].i});
    });
    QCOMPARE(again, keys);
}

void TestKeys::foreignKeyReadsOneRow()
{
    const auto schema = planned(QStringLiteral(SPILLWAY_KEYS_SCHEMA), PlanOptions());
    QVERIFY(schema);
    const TableRuntime &stock = *schema->table(QStringLiteral("stock"));
    QSet<Tuple> stocked;
    eachRow(*schema, QStringLiteral("stock"), [&](const RowBatch &b, uint32_t i) {
        stocked.insert({b.column(stock.columnIndex(QStringLiteral("warehouse")))[i].i,
                        b.column(stock.columnIndex(QStringLiteral("item")))[i].i});
    });
    QCOMPARE(stocked.size(), 2000);
    const TableRuntime &picks = *schema->table(QStringLiteral("picks"));
    const int warehouse = picks.columnIndex(QStringLiteral("warehouse"));
    const int item = picks.columnIndex(QStringLiteral("item"));
    QSet<qint64> warehouses;
    int rows = 0;
    eachRow(*schema, QStringLiteral("picks"), [&](const RowBatch &b, uint32_t i) {
        const Tuple pick{b.column(warehouse)[i].i, b.column(item)[i].i};
        QVERIFY2(stocked.contains(pick),
                 qPrintable(QStringLiteral("(%1, %2)").arg(pick.first).arg(pick.second)));
        warehouses.insert(pick.first);
        ++rows;
    });
    QCOMPARE(rows, 20000);
    QCOMPARE(warehouses.size(), 5);
}

void TestKeys::pairsNeverRepeat()
{
    // 5000 films × 40 actors: 200000 pairs, all of them drawn.
    PlanOptions options;
    options.tableRows.insert(QStringLiteral("reviews"), 200000);
    options.tables = {QStringLiteral("reviews")};
    const auto schema = planned(QStringLiteral(SPILLWAY_KEYS_SCHEMA), options);
    QVERIFY(schema);
    const TableRuntime &t = *schema->table(QStringLiteral("reviews"));
    const int film = t.columnIndex(QStringLiteral("film_id"));
    const int critic = t.columnIndex(QStringLiteral("critic_id"));
    QSet<Tuple> pairs;
    QSet<qint64> films;
    eachRow(*schema, QStringLiteral("reviews"), [&](const RowBatch &b, uint32_t i) {
        const Tuple pair{b.column(film)[i].i, b.column(critic)[i].i};
        QVERIFY(pair.first >= 1 && pair.first <= 5000);
        QVERIFY(pair.second >= 100 && pair.second < 140);
        pairs.insert(pair);
        films.insert(pair.first);
    });
    QCOMPARE(pairs.size(), 200000);
    QCOMPARE(films.size(), 5000);
}

QTEST_GUILESS_MAIN(TestKeys)
#include "test_keys.moc"
