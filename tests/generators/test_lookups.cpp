// Reading other rows (issue 11 item 2): parent.x and ref.x in expressions, templates and
// `after`, and references into child tables and computed columns. Values are checked against
// the referenced tables generated on their own; every problem is reported at its JSON path.

#include "generators/textrender.h"
#include "run/plan.h"
#include "schema/compiledschema.h"
#include "schema/ddl.h"
#include "schema/schemaio.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace spillway;

namespace {

const QString kLookups = QStringLiteral(SPILLWAY_LOOKUPS_SCHEMA);

QJsonObject lookupsDocument()
{
    QFile file(kLookups);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The document with column `column` of table `table` replaced by `generator` (added when the
// table has no such column).
QByteArray withColumn(const QString &table, const QString &column, const QJsonObject &generator,
                      const QString &type = QStringLiteral("bigint"))
{
    QJsonObject root = lookupsDocument();
    QJsonArray tables = root.value(QStringLiteral("tables")).toArray();
    for (int i = 0; i < tables.size(); ++i) {
        QJsonObject t = tables[i].toObject();
        if (t.value(QStringLiteral("name")).toString() != table)
            continue;
        QJsonArray columns = t.value(QStringLiteral("columns")).toArray();
        const QJsonObject c{{QStringLiteral("name"), column},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("generator"), generator}};
        int at = int(columns.size());
        for (int k = 0; k < columns.size(); ++k) {
            if (columns[k].toObject().value(QStringLiteral("name")).toString() == column)
                at = k;
        }
        if (at == columns.size())
            columns.append(c);
        else
            columns[at] = c;
        t.insert(QStringLiteral("columns"), columns);
        tables[i] = t;
    }
    root.insert(QStringLiteral("tables"), tables);
    return QJsonDocument(root).toJson();
}

// The document with a table "audit" of one date column made by `generator`.
QByteArray withTable(const QJsonObject &generator)
{
    QJsonObject root = lookupsDocument();
    QJsonArray tables = root.value(QStringLiteral("tables")).toArray();
    const QJsonObject column{{QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("type"), QStringLiteral("date")},
                             {QStringLiteral("generator"), generator}};
    tables.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("audit")},
                              {QStringLiteral("rows"), 5},
                              {QStringLiteral("columns"), QJsonArray{column}}});
    root.insert(QStringLiteral("tables"), tables);
    return QJsonDocument(root).toJson();
}

QJsonObject expression(const char *text)
{
    return {{QStringLiteral("kind"), QStringLiteral("expression")},
            {QStringLiteral("expression"), QString::fromUtf8(text)}};
}

// All rows of every table, rendered as text, as the engine makes them.
using Rows = QList<QHash<QString, QString>>;

Rows allRows(const CompiledSchema &schema, const QString &name)
{
    const TableRuntime &table = *schema.table(name);
    RowBatch batch(int(table.columns.size()));
    Rows rows;
    auto flush = [&] {
        table.generate(batch);
        for (uint32_t i = 0; i < batch.count; ++i) {
            QHash<QString, QString> row;
            for (size_t c = 0; c < table.columns.size(); ++c) {
                std::string s;
                const Value &v = batch.column(int(c))[i];
                if (v.isNull())
                    s = "NULL";
                else
                    renderText(v, s);
                row.insert(table.columns[c].name, QString::fromStdString(s));
            }
            rows.append(row);
        }
        batch.firstRow += batch.count;
        batch.count = 0;
        batch.arena.reset();
    };
    if (!table.isChild()) {
        for (uint64_t r = 0; r < table.rowCount; ++r) {
            if (++batch.count == RowBatch::kCapacity)
                flush();
        }
        flush();
        return rows;
    }
    const TableRuntime &parent = *schema.tables()[size_t(table.parent)];
    Arena arena;
    for (uint64_t p = 0; p < parent.rowCount; ++p) {
        const uint64_t k = table.fanOutOf(p, arena);
        for (uint64_t o = 0; o < k; ++o) {
            batch.parentRows[batch.count] = p;
            batch.ordinals[batch.count] = uint32_t(o);
            if (++batch.count == RowBatch::kCapacity)
                flush();
        }
    }
    flush();
    return rows;
}

std::shared_ptr<CompiledSchema> planned(const QByteArray &json, Diagnostics &d)
{
    const auto schema = SchemaIO::parse(json, d);
    std::shared_ptr<CompiledSchema> compiled;
    if (schema)
        compiled = CompiledSchema::compile(*schema, d);
    if (compiled && !Plan::build(compiled, PlanOptions(), nullptr, d))
        compiled.reset();
    return compiled;
}

QHash<QString, QHash<QString, QString>> byKey(const Rows &rows, const QString &key)
{
    QHash<QString, QHash<QString, QString>> out;
    for (const auto &row : rows)
        out.insert(row.value(key), row);
    return out;
}

int64_t daysOf(const QString &date)
{
    return QDate::fromString(date, Qt::ISODate).toJulianDay();
}

} // namespace

class TestLookups : public QObject
{
    Q_OBJECT

private slots:
    void valuesOfOtherRows();
    void compositeForeignKeyIntoChild();
    void zonedTimestampAfterOtherRows();
    void problems_data();
    void problems();
};

void TestLookups::valuesOfOtherRows()
{
    QFile file(kLookups);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Diagnostics d;
    const auto schema = planned(file.readAll(), d);
    QVERIFY2(schema, qPrintable(d.toString()));
    const auto parts = byKey(allRows(*schema, QStringLiteral("part")), QStringLiteral("p_partkey"));
    const auto suppliers =
        byKey(allRows(*schema, QStringLiteral("supplier")), QStringLiteral("s_suppkey"));
    const auto orders =
        byKey(allRows(*schema, QStringLiteral("orders")), QStringLiteral("o_orderkey"));
    const Rows lines = allRows(*schema, QStringLiteral("lineitem"));
    QVERIFY(lines.size() > 600);
    QSet<QString> supplierNames;
    for (const auto &l : lines) {
        const auto &order = orders.value(l.value(QStringLiteral("l_orderkey")));
        const auto &part = parts.value(l.value(QStringLiteral("l_partkey")));
        // parent.x in `after`: 1 to 121 days after the order.
        const int64_t ship = daysOf(l.value(QStringLiteral("l_shipdate")));
        const int64_t ordered = daysOf(order.value(QStringLiteral("o_orderdate")));
        QVERIFY2(ship - ordered >= 1 && ship - ordered <= 121,
                 qPrintable(l.value(QStringLiteral("l_shipdate"))));
        // parent.x in an expression.
        const int64_t receipt = daysOf(l.value(QStringLiteral("l_receiptdate")));
        QCOMPARE(l.value(QStringLiteral("l_late")),
                 receipt > ordered + 100 ? QStringLiteral("true") : QStringLiteral("false"));
        // A looked-up computed column of a child table (partsupp's parent.p_retailprice).
        const double price = part.value(QStringLiteral("p_retailprice")).toDouble();
        const double extended = l.value(QStringLiteral("l_extendedprice")).toDouble();
        QCOMPARE(qRound64(extended * 100),
                 qRound64(price * 100) * l.value(QStringLiteral("l_quantity")).toLongLong());
        // A looked-up text column, and lookups in a template.
        const QString name =
            suppliers.value(l.value(QStringLiteral("l_supplier"))).value(QStringLiteral("s_name"));
        QCOMPARE(l.value(QStringLiteral("l_supplier_name")), name);
        supplierNames.insert(name);
        QCOMPARE(l.value(QStringLiteral("l_comment")),
                 QStringLiteral("order %1 part %2/%3 by %4")
                     .arg(l.value(QStringLiteral("l_orderkey")),
                          l.value(QStringLiteral("l_partkey")),
                          l.value(QStringLiteral("l_suppkey")), name));
    }
    QVERIFY(supplierNames.size() > 5);
}

// A timestamptz `after` reads through its time-zone wrapper: the parent row's and a reference's.
void TestLookups::zonedTimestampAfterOtherRows()
{
    const QByteArray json = R"js({"tables": [
      {"name": "orders", "rows": 50, "columns": [
        {"name": "id", "type": "integer", "primaryKey": true, "generator": {"kind": "sequence"}},
        {"name": "at", "type": "timestamptz", "generator": {"kind": "timestamptz"}}]},
      {"name": "lines", "rowsPerParent": {"parent": "orders", "count": {"kind": "constant", "value": 2}},
       "columns": [
        {"name": "order_id", "type": "integer", "generator": {"kind": "parent", "column": "id"}},
        {"name": "shipped", "type": "timestamptz", "generator": {"kind": "timestamptz",
          "after": {"column": "parent.at", "min": "1 day", "max": "2 days"}}},
        {"name": "o", "type": "integer", "generator": {"kind": "reference", "table": "orders", "column": "id"}},
        {"name": "seen", "type": "timestamptz", "generator": {"kind": "timestamptz",
          "after": {"column": "o.at", "min": "1 hour", "max": "2 hours"}}}]}]})js";
    Diagnostics d;
    const auto schema = planned(json, d);
    QVERIFY2(schema, qPrintable(d.toString()));
    const auto orders = byKey(allRows(*schema, QStringLiteral("orders")), QStringLiteral("id"));
    const auto instant = [](const QString &text) {
        return QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
            .toSecsSinceEpoch();
    };
    const Rows lines = allRows(*schema, QStringLiteral("lines"));
    QCOMPARE(lines.size(), 100);
    for (const auto &l : lines) {
        const auto parent = orders.value(l.value(QStringLiteral("order_id")));
        const auto drawn = orders.value(l.value(QStringLiteral("o")));
        const qint64 shipped = instant(l.value(QStringLiteral("shipped"))) -
                               instant(parent.value(QStringLiteral("at")));
        QVERIFY2(shipped >= 86400 && shipped <= 2 * 86400,
                 qPrintable(l.value(QStringLiteral("shipped"))));
        const qint64 seen =
            instant(l.value(QStringLiteral("seen"))) - instant(drawn.value(QStringLiteral("at")));
        QVERIFY2(seen >= 3600 && seen <= 7200, qPrintable(l.value(QStringLiteral("seen"))));
    }
}

void TestLookups::compositeForeignKeyIntoChild()
{
    QFile file(kLookups);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Diagnostics d;
    const auto schema = planned(file.readAll(), d);
    QVERIFY2(schema, qPrintable(d.toString()));
    QSet<QPair<QString, QString>> partsupp;
    const Rows ps = allRows(*schema, QStringLiteral("partsupp"));
    for (const auto &row : ps)
        partsupp.insert(
            {row.value(QStringLiteral("ps_partkey")), row.value(QStringLiteral("ps_suppkey"))});
    QCOMPARE(partsupp.size(), ps.size()); // its composite primary key holds
    // "stride" draws TPC-H's suppliers: (ps_partkey + i * (S/4 + (ps_partkey - 1) / S)) mod S + 1.
    const int64_t suppliers = 20;
    for (const auto &row : ps) {
        const int64_t part = row.value(QStringLiteral("ps_partkey")).toLongLong();
        const int64_t i = row.value(QStringLiteral("ps_i")).toLongLong();
        QCOMPARE(row.value(QStringLiteral("ps_suppkey")).toLongLong(),
                 (part + i * (suppliers / 4 + (part - 1) / suppliers)) % suppliers + 1);
    }
    QSet<QString> partsUsed;
    for (const auto &l : allRows(*schema, QStringLiteral("lineitem"))) {
        const QPair<QString, QString> key{l.value(QStringLiteral("l_partkey")),
                                          l.value(QStringLiteral("l_suppkey"))};
        QVERIFY2(partsupp.contains(key), qPrintable(key.first + QLatin1Char('/') + key.second));
        partsUsed.insert(key.first);
    }
    QVERIFY(partsUsed.size() > 50);
    // The DDL declares the composite foreign key, and no single-column one into ps_partkey
    // (not unique on its own).
    const QString ddl = Ddl::script(*schema, DdlOptions());
    QVERIFY2(ddl.contains(QStringLiteral("FOREIGN KEY (\"l_partkey\", \"l_suppkey\") REFERENCES "
                                         "\"partsupp\" (\"ps_partkey\", \"ps_suppkey\")")),
             qPrintable(ddl));
    QVERIFY2(!ddl.contains(QStringLiteral("REFERENCES \"partsupp\" (\"ps_partkey\")")),
             qPrintable(ddl));
}

void TestLookups::problems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fragment");
    const QString line = QStringLiteral("lineitem");
    const QString lineExpr = QStringLiteral("tables[4].columns[12].generator.expression");
    QTest::newRow("no parent") << withColumn(QStringLiteral("orders"), QStringLiteral("x"),
                                             expression("parent.o_orderkey + 1"))
                               << QStringLiteral("tables[3].columns[2].generator.expression")
                               << QStringLiteral("at column 1 of the expression: "
                                                 "'parent.o_orderkey': table 'orders' has no "
                                                 "parent");
    QTest::newRow("unknown parent column")
        << withColumn(line, QStringLiteral("x"), expression("1 + parent.o_orderday")) << lineExpr
        << QStringLiteral("at column 5 of the expression: 'parent.o_orderday': table 'orders' "
                          "has no column 'o_orderday'; did you mean 'o_orderkey'?");
    QTest::newRow("not a reference")
        << withColumn(line, QStringLiteral("x"), expression("l_quantity.p_retailprice")) << lineExpr
        << QStringLiteral("'l_quantity' is a uniform column, not a reference");
    QTest::newRow("unknown prefix")
        << withColumn(line, QStringLiteral("x"), expression("l_partky.ps_price")) << lineExpr
        << QStringLiteral("'l_partky' is neither 'parent' nor a column of table 'lineitem'; did "
                          "you mean 'l_partkey'?");
    QTest::newRow("unknown target column")
        << withColumn(line, QStringLiteral("x"), expression("l_partkey.ps_cost")) << lineExpr
        << QStringLiteral("table 'partsupp' has no column 'ps_cost'");
    QTest::newRow("two steps") << withColumn(line, QStringLiteral("x"),
                                             expression("l_partkey.ps_partkey.p_retailprice"))
                               << lineExpr << QStringLiteral("a lookup reads one step away");
    // lineitem has a varying fan-out, and its l_shipdate is computed from its parent row.
    QTest::newRow("variable fan-out target")
        << withTable(QJsonObject{{QStringLiteral("kind"), QStringLiteral("reference")},
                                 {QStringLiteral("table"), line},
                                 {QStringLiteral("column"), QStringLiteral("l_shipdate")}})
        << QStringLiteral("tables[5].columns[0].generator.column")
        << QStringLiteral("'lineitem.l_shipdate' is computed from its parent row, so it cannot "
                          "be referenced: table 'lineitem' has a varying number of rows per "
                          "parent row");
    QTest::newRow("own table")
        << withColumn(QStringLiteral("orders"), QStringLiteral("prev"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("reference")},
                                  {QStringLiteral("table"), QStringLiteral("orders")},
                                  {QStringLiteral("column"), QStringLiteral("o_orderkey")}})
        << QStringLiteral("tables[3].columns[2].generator.table")
        << QStringLiteral("a table cannot reference its own rows yet");
    QTest::newRow("after unknown")
        << withColumn(line, QStringLiteral("l_shipdate"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("date")},
                                  {QStringLiteral("after"),
                                   QJsonObject{{QStringLiteral("column"),
                                                QStringLiteral("parent.o_shipdate")},
                                               {QStringLiteral("max"), QStringLiteral("9 days")}}}},
                      QStringLiteral("date"))
        << QStringLiteral("tables[4].columns[6].generator.after.column")
        << QStringLiteral("'parent.o_shipdate': table 'orders' has no column 'o_shipdate'");
    QTest::newRow("template unknown")
        << withColumn(line, QStringLiteral("l_comment"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("template")},
                                  {QStringLiteral("template"), QStringLiteral("#{parent.nope}")}},
                      QStringLiteral("text"))
        << QStringLiteral("tables[4].columns[11].generator.template")
        << QStringLiteral("at character 3 of the template: 'parent.nope': table 'orders' has no "
                          "column 'nope'");
    const QJsonObject stride{{QStringLiteral("kind"), QStringLiteral("reference")},
                             {QStringLiteral("table"), QStringLiteral("supplier")},
                             {QStringLiteral("column"), QStringLiteral("s_suppkey")},
                             {QStringLiteral("stride"), true}};
    QTest::newRow("stride without a constant fan-out")
        << withColumn(line, QStringLiteral("x"), stride)
        << QStringLiteral("tables[4].columns[12].generator.stride")
        << QStringLiteral("needs a child table with a constant fan-out");
    QJsonObject few = lookupsDocument();
    QJsonArray tables = few.value(QStringLiteral("tables")).toArray();
    QJsonObject supplier = tables[1].toObject();
    supplier.insert(QStringLiteral("rows"), 3);
    tables[1] = supplier;
    few.insert(QStringLiteral("tables"), tables);
    QTest::newRow("stride over too few rows")
        << QJsonDocument(few).toJson() << QStringLiteral("tables[2].columns[1].generator.stride")
        << QStringLiteral("'stride' draws 4 rows of 'supplier' per parent row, 0 apart");
    QTest::newRow("non-unique target without a composite key")
        << withColumn(QStringLiteral("orders"), QStringLiteral("x"),
                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("reference")},
                                  {QStringLiteral("table"), QStringLiteral("partsupp")},
                                  {QStringLiteral("column"), QStringLiteral("ps_partkey")}})
        << QStringLiteral("tables[3].columns[2].generator.column")
        << QStringLiteral("'partsupp.ps_partkey' is not unique");
}

void TestLookups::problems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, fragment);
    Diagnostics d;
    const auto schema = SchemaIO::parse(json, d);
    QVERIFY2(schema, qPrintable(d.toString()));
    QVERIFY(!CompiledSchema::compile(*schema, d));
    for (const Diagnostic &problem : d.items()) {
        if (problem.path == path && problem.message.contains(fragment))
            return;
    }
    QFAIL(qPrintable(QStringLiteral("no problem at %1 containing \"%2\"; got:\n%3")
                         .arg(path, fragment, d.toString())));
}

QTEST_GUILESS_MAIN(TestLookups)
#include "test_lookups.moc"
