// The `aggregate` generator (issue 11, item 4): a parent's column folds an expression over its
// child rows. Values are checked against the children a run writes, folded here independently
// (exact decimal sums, counts equal to the fan-out, empty parents); the child numbering
// (firstChildRow) against the plan's chunks; writing the parent alone (--table, shards) and the
// preview against the full run; and every validation problem with its JSON path.

#include "run/plan.h"
#include "run/preview.h"
#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QTest>

using namespace spillway;

namespace {

using i128 = __int128;

// Orders with 0-5 lines: every aggregate function over the lines. `total` may be replaced.
QByteArray shopDocument(const QByteArray &fanOut = R"({"kind": "uniform", "min": 0, "max": 5})",
                        const QByteArray &total = {}, const QByteArray &lineColumn = {})
{
    QByteArray text = R"js({"format": "spillway-schema", "version": 1, "seed": 7, "tables": [
  {"name": "orders", "rows": 3000, "columns": [
    {"name": "id", "type": "bigint", "primaryKey": true, "generator": {"kind": "sequence", "start": 1}},
    TOTAL,
    {"name": "lines", "type": "integer", "generator": {"kind": "aggregate", "table": "lines", "function": "count"}},
    {"name": "priced", "type": "integer", "generator": {"kind": "aggregate", "table": "lines", "function": "count", "expression": "price"}},
    {"name": "cheapest", "type": "numeric(10,2)", "generator": {"kind": "aggregate", "table": "lines", "function": "min", "expression": "price"}},
    {"name": "last_name", "type": "text", "generator": {"kind": "aggregate", "table": "lines", "function": "max", "expression": "name"}},
    {"name": "mean_qty", "type": "numeric(10,3)", "generator": {"kind": "aggregate", "table": "lines", "function": "avg", "expression": "quantity"}},
    {"name": "all_paid", "type": "boolean", "generator": {"kind": "aggregate", "table": "lines", "function": "bool_and", "expression": "paid"}},
    {"name": "any_paid", "type": "boolean", "generator": {"kind": "aggregate", "table": "lines", "function": "bool_or", "expression": "paid"}},
    {"name": "real_sum", "type": "double precision", "generator": {"kind": "aggregate", "table": "lines", "function": "sum", "expression": "weight"}}
  ]
},
  {"name": "lines", "rowsPerParent": {"parent": "orders", "count": FANOUT}, "columns": [
    {"name": "order_id", "type": "bigint", "generator": {"kind": "parent", "column": "id"}},
    {"name": "quantity", "type": "integer", "generator": {"kind": "uniform", "min": 1, "max": 9}},
    {"name": "price", "type": "numeric(10,2)", "nullFraction": 0.1, "generator": {"kind": "decimal", "min": 0.5, "max": 99.99}},
    {"name": "discount", "type": "numeric(4,2)", "generator": {"kind": "choice", "values": [0, 0.05, 0.25]}},
    {"name": "name", "type": "text", "generator": {"kind": "choice", "values": ["ant", "bee", "cat"]}},
    {"name": "paid", "type": "boolean", "generator": {"kind": "boolean", "probability": 0.8}},
    {"name": "weight", "type": "double precision", "generator": {"kind": "float", "min": 1, "max": 4}}
    LINECOLUMN
  ]}]})js";
    text.replace("FANOUT", fanOut);
    text.replace("LINECOLUMN", lineColumn.isEmpty() ? QByteArray() : ", " + lineColumn);
    text.replace(
        "TOTAL",
        total.isEmpty()
            ? QByteArray(
                  R"js({"name": "total", "type": "numeric(12,2)", "generator": {"kind": "aggregate", "table": "lines", "function": "sum", "expression": "quantity * price * (1 - discount)"}})js")
            : total);
    return text;
}

std::shared_ptr<CompiledSchema> compile(const QByteArray &document, Diagnostics &d)
{
    const auto schema = SchemaIO::parse(document, d);
    return schema ? CompiledSchema::compile(*schema, d) : nullptr;
}

// Every row of one table as this plan writes it, as CSV-like text per column (by name).
using Rows = QList<QHash<QString, QString>>;
Rows planRows(const Plan &plan, const QString &name)
{
    Rows rows;
    const int t = plan.schema()->tableIndex(name);
    const TablePlan *tp = plan.tablePlan(t);
    if (!tp)
        return rows;
    const TableRuntime &table = *plan.schema()->tables()[size_t(t)];
    RowBatch batch(int(table.columns.size()));
    for (uint64_t c = tp->firstChunk; c < tp->firstChunk + tp->chunkCount; ++c) {
        plan.generateChunk(plan.chunks()[c], batch, [&](const RowBatch &b) {
            for (uint32_t r = 0; r < b.count; ++r) {
                QHash<QString, QString> row;
                for (size_t col = 0; col < table.columns.size(); ++col)
                    row.insert(table.columns[col].name, Preview::text(b.column(int(col))[r]));
                rows.append(row);
            }
        });
    }
    return rows;
}

QString at(const QHash<QString, QString> &row, const char *column)
{
    return row.value(QString::fromLatin1(column));
}

// "12.34" as hundredths; empty (null) as nothing.
std::optional<i128> cents(const QString &text, int scale)
{
    if (text.isEmpty())
        return std::nullopt;
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    QString digits = dot < 0 ? text : text.left(dot) + text.mid(dot + 1);
    const int have = dot < 0 ? 0 : int(text.size() - dot - 1);
    i128 v = digits.toLongLong();
    for (int i = have; i < scale; ++i)
        v *= 10;
    return v;
}

// The parents' expected values, folded from the children.
struct Expected
{
    i128 total = 0; // quantity * price * (1 - discount): 4 digits after the point
    int lines = 0, priced = 0;
    std::optional<i128> cheapest;
    QString lastName;
    i128 quantities = 0;
    bool allPaid = true, anyPaid = false;
    double weights = 0;
};

QString decimalText(i128 v, int scale)
{
    const bool negative = v < 0;
    if (negative)
        v = -v;
    QString digits = QString::number(qulonglong(v));
    while (digits.size() <= scale)
        digits.prepend(QLatin1Char('0'));
    if (scale > 0)
        digits.insert(digits.size() - scale, QLatin1Char('.'));
    return (negative ? QStringLiteral("-") : QString()) + digits;
}

// v / 10^k rounded half away from zero.
i128 rounded(i128 v, int k)
{
    i128 p = 1;
    for (int i = 0; i < k; ++i)
        p *= 10;
    return (v >= 0 ? v + p / 2 : v - p / 2) / p;
}

} // namespace

class TestAggregate : public QObject
{
    Q_OBJECT

private slots:
    void valuesMatchTheChildren();
    void childNumberingMatchesThePlan();
    void parentAloneEqualsTheFullRun();
    void previewAgreesWithItsChildren();
    void ecommerceTotalsAreTheirLines();
    void validation_data();
    void validation();
    void circleThroughAThirdTable();
};

void TestAggregate::valuesMatchTheChildren()
{
    Diagnostics d;
    auto compiled = compile(shopDocument(), d);
    QVERIFY2(compiled, qPrintable(d.toString()));
    PlanOptions options;
    options.chunkRows = 1024; // several ranges of parents
    const auto plan = Plan::build(compiled, options, nullptr, d);
    QVERIFY2(plan, qPrintable(d.toString()));
    const Rows orders = planRows(*plan, QStringLiteral("orders"));
    const Rows lines = planRows(*plan, QStringLiteral("lines"));
    QCOMPARE(orders.size(), 3000);
    std::vector<Expected> expected(size_t(orders.size()));
    for (const auto &line : lines) {
        Expected &e = expected[size_t(at(line, "order_id").toLongLong() - 1)];
        ++e.lines;
        const auto price = cents(at(line, "price"), 2);
        if (price) {
            ++e.priced;
            e.total += i128(at(line, "quantity").toInt()) * *price *
                       (100 - *cents(at(line, "discount"), 2));
            e.cheapest = e.cheapest ? std::min(*e.cheapest, *price) : *price;
        }
        e.lastName = std::max(e.lastName, at(line, "name"));
        e.quantities += at(line, "quantity").toInt();
        e.allPaid = e.allPaid && at(line, "paid") == QStringLiteral("true");
        e.anyPaid = e.anyPaid || at(line, "paid") == QStringLiteral("true");
        e.weights += at(line, "weight").toDouble();
    }
    int empty = 0;
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const auto &o = orders[i];
        const Expected &e = expected[size_t(i)];
        QCOMPARE(at(o, "lines").toInt(), e.lines);
        QCOMPARE(at(o, "priced").toInt(), e.priced);
        if (e.lines == 0) {
            ++empty;
            for (const char *c : {"total", "cheapest", "last_name", "mean_qty", "all_paid"})
                QVERIFY2(at(o, c).isEmpty(), c);
            continue;
        }
        QCOMPARE(at(o, "total"),
                 e.priced ? decimalText(rounded(e.total, 2), 2) : QString()); // scale 4 -> 2
        QCOMPARE(at(o, "cheapest"), e.cheapest ? decimalText(*e.cheapest, 2) : QString());
        QCOMPARE(at(o, "last_name"), e.lastName);
        const i128 mean = (e.quantities * 2000 + e.lines) / (2 * e.lines); // half up, 3 digits
        QCOMPARE(at(o, "mean_qty"), decimalText(mean, 3));
        QCOMPARE(at(o, "all_paid"), e.allPaid ? QStringLiteral("true") : QStringLiteral("false"));
        QCOMPARE(at(o, "any_paid"), e.anyPaid ? QStringLiteral("true") : QStringLiteral("false"));
        QVERIFY(std::abs(at(o, "real_sum").toDouble() - e.weights) < 1e-9 * (1 + e.weights));
    }
    QVERIFY(empty > 100); // a sixth of the orders have no lines
}

void TestAggregate::childNumberingMatchesThePlan()
{
    for (const bool constant : {false, true}) {
        Diagnostics d;
        auto compiled = compile(
            constant ? shopDocument(R"({"kind": "constant", "value": 3})") : shopDocument(), d);
        QVERIFY2(compiled, qPrintable(d.toString()));
        PlanOptions options;
        options.chunkRows = 1024;
        const auto plan = Plan::build(compiled, options, nullptr, d);
        QVERIFY2(plan, qPrintable(d.toString()));
        const TableRuntime &lines = *compiled->table(QStringLiteral("lines"));
        QVERIFY(plan->tablePlan(compiled->tableIndex(QStringLiteral("lines")))->chunkCount > 2);
        for (const ChunkSpec &c : plan->chunks()) {
            if (c.table == compiled->tableIndex(QStringLiteral("lines")))
                QCOMPARE(lines.firstChildRow(c.firstParent), c.firstRow);
        }
        // Any parent, in any order: the running count of the fan-outs before it.
        Arena arena;
        std::vector<uint64_t> first{0};
        for (uint64_t p = 0; p < 3000; ++p)
            first.push_back(first.back() + lines.fanOutOf(p, arena));
        for (uint64_t p : {2999, 0, 1500, 1501, 17, 2000, 1999, 3000})
            QCOMPARE(lines.firstChildRow(p), first[p]);
    }
}

void TestAggregate::parentAloneEqualsTheFullRun()
{
    Diagnostics d;
    auto full = compile(shopDocument(), d);
    QVERIFY2(full, qPrintable(d.toString()));
    PlanOptions options;
    options.chunkRows = 1024;
    const auto fullPlan = Plan::build(full, options, nullptr, d);
    QVERIFY2(fullPlan, qPrintable(d.toString()));
    const Rows expected = planRows(*fullPlan, QStringLiteral("orders"));

    auto alone = compile(shopDocument(), d);
    options.tables = {QStringLiteral("orders")};
    const auto alonePlan = Plan::build(alone, options, nullptr, d);
    QVERIFY2(alonePlan, qPrintable(d.toString()));
    QCOMPARE(alonePlan->tables().size(), size_t(1));
    QVERIFY(expected == planRows(*alonePlan, QStringLiteral("orders")));

    Rows sharded;
    for (int k = 0; k < 3; ++k) {
        auto shard = compile(shopDocument(), d);
        options.shardIndex = k;
        options.shardCount = 3;
        const auto plan = Plan::build(shard, options, nullptr, d);
        QVERIFY2(plan, qPrintable(d.toString()));
        sharded += planRows(*plan, QStringLiteral("orders"));
    }
    QVERIFY(expected == sharded);
}

void TestAggregate::previewAgreesWithItsChildren()
{
    Diagnostics d;
    auto compiled = compile(shopDocument(), d);
    QVERIFY2(compiled && Preview::prepare(*compiled, &d), qPrintable(d.toString()));
    const PreviewRows orders = Preview::rows(*compiled, 0, 20);
    const PreviewRows lines = Preview::rows(*compiled, 1, 200);
    QCOMPARE(orders.rows.size(), 20);
    const qsizetype id = lines.headers.indexOf(QStringLiteral("order_id"));
    const qsizetype count = orders.headers.indexOf(QStringLiteral("lines"));
    const qsizetype cheapest = orders.headers.indexOf(QStringLiteral("cheapest"));
    const qsizetype price = lines.headers.indexOf(QStringLiteral("price"));
    for (qsizetype o = 0; o < orders.rows.size(); ++o) {
        int n = 0;
        std::optional<i128> least;
        for (const QStringList &line : lines.rows) {
            if (line[id].toLongLong() != o + 1)
                continue;
            ++n;
            if (const auto p = cents(line[price], 2))
                least = least ? std::min(*least, *p) : *p;
        }
        QCOMPARE(orders.rows[o][count].toInt(), n);
        QCOMPARE(orders.rows[o][cheapest], least ? decimalText(*least, 2) : QString());
    }
}

// example:ecommerce (issue 11, item 7): a line's unit price is its product's price, an order's
// total the sum of quantity * unit_price * (1 - discount) over its lines, rounded to cents.
void TestAggregate::ecommerceTotalsAreTheirLines()
{
    Diagnostics d;
    const auto schema = SchemaIO::load(QStringLiteral(":/spillway/examples/ecommerce.json"), d);
    QVERIFY2(schema, qPrintable(d.toString()));
    auto compiled = CompiledSchema::compile(*schema, d);
    QVERIFY2(compiled, qPrintable(d.toString()));
    PlanOptions options;
    options.rows = 2000;
    const auto plan = Plan::build(compiled, options, nullptr, d);
    QVERIFY2(plan, qPrintable(d.toString()));
    QHash<QString, i128> prices;
    for (const auto &product : planRows(*plan, QStringLiteral("products")))
        prices.insert(at(product, "id"), *cents(at(product, "price"), 2));
    QHash<QString, i128> totals; // 6 digits after the point
    for (const auto &line : planRows(*plan, QStringLiteral("order_lines"))) {
        const i128 price = *cents(at(line, "unit_price"), 2);
        QCOMPARE(qint64(price), qint64(prices.value(at(line, "product_id"), -1)));
        totals[at(line, "order_id")] +=
            at(line, "quantity").toInt() * price * (100 - *cents(at(line, "discount"), 2));
    }
    const Rows orders = planRows(*plan, QStringLiteral("orders"));
    QCOMPARE(orders.size(), 2000);
    for (const auto &order : orders)
        QCOMPARE(at(order, "total"), decimalText(rounded(totals.value(at(order, "id")), 2), 2));
}

void TestAggregate::validation_data()
{
    QTest::addColumn<QByteArray>("column");
    QTest::addColumn<QByteArray>("lineColumn");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString at = QStringLiteral("tables[0].columns[1].generator.");
    // Column 1 of orders, of `type`, aggregating with this generator's parameters.
    const auto x = [](const char *type, const char *generator) {
        return QByteArray(R"({"name": "x", "type": ")") + type +
               R"(", "generator": {"kind": "aggregate", )" + generator + "}}";
    };
    QTest::newRow("unknown table")
        << x("bigint", R"("table": "line", "function": "count")") << QByteArray()
        << at + QStringLiteral("table")
        << QStringLiteral("there is no table 'line'; did you mean 'lines'?");
    QTest::newRow("not a child") << x("bigint", R"("table": "orders", "function": "count")")
                                 << QByteArray() << at + QStringLiteral("table")
                                 << QStringLiteral("'orders' is not a child of 'orders'");
    QTest::newRow("bad function")
        << x("numeric", R"("table": "lines", "function": "total", "expression": "price")")
        << QByteArray() << at + QStringLiteral("function")
        << QStringLiteral("'total' is not an aggregate function: use one of count, sum, avg, "
                          "min, max, bool_and, bool_or");
    QTest::newRow("no expression")
        << x("numeric", R"("table": "lines", "function": "sum")") << QByteArray()
        << at + QStringLiteral("expression") << QStringLiteral("expression");
    QTest::newRow("unknown column")
        << x("numeric", R"("table": "lines", "function": "sum", "expression": "quantity * prize")")
        << QByteArray() << at + QStringLiteral("expression")
        << QStringLiteral("at column 12 of the expression: column 'prize' is not in table "
                          "'lines'; did you mean 'price'?");
    QTest::newRow("parse error")
        << x("numeric", R"("table": "lines", "function": "sum", "expression": "quantity *")")
        << QByteArray() << at + QStringLiteral("expression") << QStringLiteral("at column");
    QTest::newRow("sum of text")
        << x("numeric", R"("table": "lines", "function": "sum", "expression": "name")")
        << QByteArray() << at + QStringLiteral("expression")
        << QStringLiteral("sum cannot take text values: give it a number");
    QTest::newRow("bool_and of a number")
        << x("boolean", R"("table": "lines", "function": "bool_and", "expression": "quantity")")
        << QByteArray() << at + QStringLiteral("expression")
        << QStringLiteral("bool_and cannot take integer values: give it a condition");
    QTest::newRow("min of booleans")
        << x("boolean", R"("table": "lines", "function": "min", "expression": "paid")")
        << QByteArray() << at + QStringLiteral("expression")
        << QStringLiteral("use bool_and or bool_or");
    QTest::newRow("column cannot hold it")
        << x("integer", R"("table": "lines", "function": "max", "expression": "name")")
        << QByteArray() << at + QStringLiteral("function")
        << QStringLiteral("max gives text, which a integer column cannot hold");
    QTest::newRow("other row")
        << x("numeric", R"("table": "lines", "function": "sum", "expression": "order_id.total")")
        << QByteArray() << at + QStringLiteral("expression")
        << QStringLiteral("reads only columns of its child table");
    const QByteArray sumOfCut = x(
        "numeric(12,2)", R"("table": "lines", "function": "sum", "expression": "quantity * cut")");
    QTest::newRow("circular through parent.x")
        << sumOfCut
        << QByteArray(
               R"js({"name": "cut", "type": "numeric(10,2)", "generator": {"kind": "expression", "expression": "parent.x / 10"}})js")
        << at + QStringLiteral("expression")
        << QStringLiteral("orders.x is circular: it reads lines.cut, which reads parent.x, the "
                          "aggregate itself");
    QTest::newRow("circular through the parent column")
        << sumOfCut
        << QByteArray(
               R"js({"name": "cut", "type": "numeric(10,2)", "generator": {"kind": "expression", "expression": "order_id.x + 1"}})js")
        << at + QStringLiteral("expression")
        << QStringLiteral("it reads lines.cut, which reads order_id.x, the aggregate itself");
}

void TestAggregate::validation()
{
    QFETCH(QByteArray, column);
    QFETCH(QByteArray, lineColumn);
    QFETCH(QString, path);
    QFETCH(QString, message);
    Diagnostics d;
    QVERIFY(!compile(shopDocument(R"({"kind": "uniform", "min": 0, "max": 5})", column, lineColumn),
                     d));
    bool found = false;
    for (const Diagnostic &problem : d.items())
        found = found || (problem.path == path && problem.message.contains(message));
    QVERIFY2(found, qPrintable(d.toString()));
}

// a.total sums b.z, b.z looks up c.w, c.w looks up a.total: refused with the whole circle
// named; the same tables with c.w reading a.id compile and run.
void TestAggregate::circleThroughAThirdTable()
{
    const QString document = QStringLiteral(R"js({"tables": [
      {"name": "a", "rows": 10, "columns": [
        {"name": "id", "type": "integer", "primaryKey": true, "generator": {"kind": "sequence"}},
        {"name": "total", "type": "bigint", "generator": {"kind": "aggregate", "table": "b",
          "function": "sum", "expression": "z"}}]},
      {"name": "c", "rows": 10, "columns": [
        {"name": "id", "type": "integer", "primaryKey": true, "generator": {"kind": "sequence"}},
        {"name": "a_ref", "type": "integer", "generator": {"kind": "reference", "table": "a", "column": "id"}},
        {"name": "w", "type": "bigint", "generator": {"kind": "expression", "expression": "a_ref.%1"}}]},
      {"name": "b", "rowsPerParent": {"parent": "a", "count": {"kind": "constant", "value": 2}},
       "columns": [
        {"name": "a_id", "type": "integer", "generator": {"kind": "parent", "column": "id"}},
        {"name": "c_ref", "type": "integer", "generator": {"kind": "reference", "table": "c", "column": "id"}},
        {"name": "z", "type": "bigint", "generator": {"kind": "expression", "expression": "c_ref.w"}}]}]})js");
    Diagnostics d;
    QVERIFY(!compile(document.arg(QStringLiteral("total")).toUtf8(), d));
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.items().front().path, QStringLiteral("tables[0].columns[1].generator"));
    QVERIFY2(d.items().front().message.contains(
                 QStringLiteral("a.total is circular: it reads b.z, which reads c.w, which reads "
                                "a.total again")),
             qPrintable(d.toString()));

    Diagnostics fine;
    const auto schema = compile(document.arg(QStringLiteral("id")).toUtf8(), fine);
    QVERIFY2(schema, qPrintable(fine.toString()));
    QVERIFY(Plan::build(schema, PlanOptions(), nullptr, fine));
}

QTEST_GUILESS_MAIN(TestAggregate)
#include "test_aggregate.moc"
