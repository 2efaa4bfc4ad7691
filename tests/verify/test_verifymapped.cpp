// `spillway-cli verify --map` on a real PostgreSQL: tables a "pipeline" (psql \copy of
// Spillway's CSV, then SQL) put under other names and types verify clean; a missing row, a
// duplicated row and a changed value are each named; casts and upper() on the expected side
// compute what the server computes; a target value that does not convert is named clearly.

#include "../processsupport.h"
#include "pgfixture.h"
#include "schema/compiledschema.h"
#include "schema/ddl.h"
#include "schema/schemaio.h"
#include "verify/columntransform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <pqxx/pqxx>

using namespace spillway;
using namespace spillway::test;

namespace {

const QString kEcommerce = QStringLiteral(SPILLWAY_SOURCE_DIR "/resources/examples/ecommerce.json");

QJsonObject tableOf(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &t : report.value(QStringLiteral("tables")).toArray()) {
        if (t.toObject().value(QStringLiteral("name")).toString() == name)
            return t.toObject();
    }
    return {};
}

QJsonObject columnOf(const QJsonObject &table, const QString &name)
{
    for (const QJsonValue &c : table.value(QStringLiteral("columns")).toArray()) {
        if (c.toObject().value(QStringLiteral("name")).toString() == name)
            return c.toObject();
    }
    return {};
}

QList<QJsonObject> differencesOf(const QJsonObject &table)
{
    QList<QJsonObject> list;
    for (const QJsonValue &d : table.value(QStringLiteral("differences")).toArray())
        list.append(d.toObject());
    return list;
}

// The orders table as a pipeline might land it: renamed key, note dropped, a column of its
// own, total as double precision and ordered_at as timestamptz (loaded as UTC).
const char *kOrdersClean =
    "CREATE SCHEMA staging; "
    "CREATE TABLE staging.orders_clean AS SELECT id AS order_id, customer_id, "
    "ordered_at AT TIME ZONE 'UTC' AS ordered_at, status, shipped_at, "
    "total::double precision AS total, now() AS loaded_at FROM orders; "
    "CREATE TABLE staging.products_t AS SELECT id, upper(sku) AS sku_upper, name, category, "
    "price::integer AS price_int, in_stock FROM products; "
    "CREATE TABLE staging.orders_text AS SELECT id, customer_id, ordered_at, status, "
    "shipped_at, total::text AS total, note FROM orders; "
    "UPDATE staging.orders_text SET total = 'n/a' WHERE id = 77; "
    "CREATE TABLE staging.products_nokey AS SELECT sku, name, category, price, in_stock FROM "
    "products";

const char *kMap = R"j({"tables": {
    "orders": {"target": "staging.orders_clean", "columns": {"id": "order_id", "note": null}},
    "products": {"target": "staging.products_t", "columns": {
        "sku": {"target": "sku_upper", "expr": "upper(sku)"},
        "price": {"target": "price_int", "cast": "integer"}}}}})j";

} // namespace

class TestVerifyMapped : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mappedTablesMatch();
    void textOutputNamesTargets();
    void missingRowIsNamed();
    void duplicatedRowIsCountedApart();
    void changedValueIsNamed();
    void duplicatesWithoutKey();
    void duplicatesKeyedByParent();
    void failedConversionIsNamed();
    void badMapIsAUsageError();
    void transformsMatchServer_data();
    void transformsMatchServer();

private:
    CliResult cli(const QStringList &arguments);
    CliResult verify(const QStringList &extra);
    QString sql(const QString &statement);
    void copyTable(const QString &table);

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;
    QString m_map;
};

CliResult TestVerifyMapped::cli(const QStringList &arguments)
{
    return runCli(arguments, {},
                  environmentWith({{QStringLiteral("SPILLWAY_RUNS_DIR"),
                                    m_dir.filePath(QStringLiteral("runs"))}}));
}

CliResult TestVerifyMapped::verify(const QStringList &extra)
{
    return cli(QStringList{QStringLiteral("verify"), kEcommerce, QStringLiteral("--db"),
                           m_pg->connectionString(), QStringLiteral("--scale"),
                           QStringLiteral("0.01"), QStringLiteral("--attach"),
                           QStringLiteral("none")} +
               extra);
}

QString TestVerifyMapped::sql(const QString &statement)
{
    try {
        pqxx::connection connection(m_pg->connectionString().toStdString());
        pqxx::nontransaction tx(connection);
        const pqxx::result r = tx.exec(statement.toStdString());
        return r.empty() || r.columns() == 0 || r[0][0].is_null()
                   ? QString()
                   : QString::fromUtf8(r[0][0].c_str());
    } catch (const std::exception &e) {
        return QStringLiteral("error: ") + QString::fromUtf8(e.what());
    }
}

void TestVerifyMapped::copyTable(const QString &table)
{
    const QString csv = m_dir.filePath(QStringLiteral("ecommerce/%1.csv").arg(table));
    const QString error =
        psqlCopyCsv(m_pg->connectionString(), Ddl::quoteIdentifier(table), csv, 60000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestVerifyMapped::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pg = std::make_unique<PgFixture>();
    QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    const CliResult generated =
        cli({QStringLiteral("generate"), kEcommerce, QStringLiteral("--out"),
             m_dir.filePath(QStringLiteral("ecommerce")), QStringLiteral("--scale"),
             QStringLiteral("0.01"), QStringLiteral("--quiet")});
    QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
    Diagnostics d;
    const auto schema = SchemaIO::load(kEcommerce, d);
    QVERIFY(schema);
    const auto compiled = CompiledSchema::compile(*schema, d);
    QVERIFY(compiled);
    QCOMPARE(sql(Ddl::createTables(*compiled, DdlOptions{}).join(QLatin1Char('\n'))), QString());
    for (const auto &table : compiled->tables())
        copyTable(table->name);
    // The server's own zone is not UTC here, to show the comparison does not depend on it.
    QCOMPARE(sql(QStringLiteral("ALTER DATABASE spillway SET TimeZone = 'America/New_York'")),
             QString());
    QCOMPARE(sql(QString::fromLatin1(kOrdersClean)), QString());
    m_map = m_dir.filePath(QStringLiteral("map.json"));
    QFile file(m_map);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kMap);
}

void TestVerifyMapped::mappedTablesMatch()
{
    const CliResult r =
        verify({QStringLiteral("--map"), m_map, QStringLiteral("--json"), QStringLiteral("--table"),
                QStringLiteral("orders"), QStringLiteral("--table"), QStringLiteral("products")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.err));
    const QJsonObject orders = tableOf(r.json(), QStringLiteral("orders"));
    QCOMPARE(orders.value(QStringLiteral("relation")).toString(),
             QStringLiteral("\"staging\".\"orders_clean\""));
    QCOMPARE(orders.value(QStringLiteral("found_rows")).toInteger(), 10000);
    const QJsonObject id = columnOf(orders, QStringLiteral("id"));
    QCOMPARE(id.value(QStringLiteral("target")).toString(), QStringLiteral("order_id"));
    QVERIFY(columnOf(orders, QStringLiteral("note")).isEmpty());
    const QJsonObject total = columnOf(orders, QStringLiteral("total"));
    QCOMPARE(total.value(QStringLiteral("type")).toString(), QStringLiteral("double precision"));
    QVERIFY(total.value(QStringLiteral("checksum_compared")).toBool());
    QVERIFY(total.value(QStringLiteral("note")).toString().contains(QStringLiteral("converted")));
    QVERIFY(columnOf(orders, QStringLiteral("ordered_at"))
                .value(QStringLiteral("checksum_compared"))
                .toBool());
    const QString notes =
        QString::fromUtf8(QJsonDocument(orders.value(QStringLiteral("notes")).toArray()).toJson());
    QVERIFY2(notes.contains(QStringLiteral("column \\\"note\\\" is dropped by the map")),
             qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("\\\"loaded_at\\\" (timestamp with time zone) is not "
                                           "in the schema nor in the map: not compared")),
             qPrintable(notes));
    const QJsonObject products = tableOf(r.json(), QStringLiteral("products"));
    QVERIFY(products.value(QStringLiteral("match")).toBool());
    QVERIFY(columnOf(products, QStringLiteral("sku"))
                .value(QStringLiteral("note"))
                .toString()
                .contains(QStringLiteral("upper(sku)")));
}

void TestVerifyMapped::textOutputNamesTargets()
{
    const CliResult r = verify(
        {QStringLiteral("--map"), m_map, QStringLiteral("--table"), QStringLiteral("orders")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.err));
    QVERIFY2(
        r.outText().contains(QStringLiteral("\u2713 orders (\"staging\".\"orders_clean\")  10000 "
                                            "rows")),
        qPrintable(r.outText()));
    QVERIFY2(r.outText().contains(QStringLiteral("id \u2192 order_id")), qPrintable(r.outText()));
}

void TestVerifyMapped::missingRowIsNamed()
{
    QCOMPARE(sql(QStringLiteral("CREATE TABLE saved AS SELECT * FROM staging.orders_clean WHERE "
                                "order_id = 17; DELETE FROM staging.orders_clean WHERE order_id "
                                "= 17")),
             QString());
    const CliResult r = verify({QStringLiteral("--map"), m_map, QStringLiteral("--json"),
                                QStringLiteral("--table"), QStringLiteral("orders")});
    QCOMPARE(sql(QStringLiteral("INSERT INTO staging.orders_clean SELECT * FROM saved; DROP "
                                "TABLE saved")),
             QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject orders = tableOf(r.json(), QStringLiteral("orders"));
    const QList<QJsonObject> differences = differencesOf(orders);
    QCOMPARE(differences.size(), 1);
    QCOMPARE(differences.front().value(QStringLiteral("kind")).toString(),
             QStringLiteral("missing_row"));
    QCOMPARE(differences.front().value(QStringLiteral("key")).toString(), QStringLiteral("17"));
    QCOMPARE(orders.value(QStringLiteral("duplicates"))
                 .toObject()
                 .value(QStringLiteral("count"))
                 .toInteger(),
             0);
}

void TestVerifyMapped::duplicatedRowIsCountedApart()
{
    // A restart without dedup loaded rows 42 and 43 twice.
    QCOMPARE(sql(QStringLiteral("INSERT INTO staging.orders_clean SELECT * FROM "
                                "staging.orders_clean WHERE order_id IN (42, 43)")),
             QString());
    const CliResult r = verify({QStringLiteral("--map"), m_map, QStringLiteral("--json"),
                                QStringLiteral("--table"), QStringLiteral("orders")});
    const CliResult text = verify(
        {QStringLiteral("--map"), m_map, QStringLiteral("--table"), QStringLiteral("orders")});
    QCOMPARE(sql(QStringLiteral("DELETE FROM staging.orders_clean WHERE ctid IN (SELECT max(ctid) "
                                "FROM staging.orders_clean WHERE order_id IN (42, 43) GROUP BY "
                                "order_id)")),
             QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject orders = tableOf(r.json(), QStringLiteral("orders"));
    QCOMPARE(orders.value(QStringLiteral("found_rows")).toInteger(), 10002);
    const QJsonObject duplicates = orders.value(QStringLiteral("duplicates")).toObject();
    QCOMPARE(duplicates.value(QStringLiteral("count")).toInteger(), 2);
    QCOMPARE(duplicates.value(QStringLiteral("keys")).toArray(),
             QJsonArray({QStringLiteral("42"), QStringLiteral("43")}));
    QVERIFY2(differencesOf(orders).isEmpty(),
             QJsonDocument(orders).toJson().constData()); // not listed again as extra rows
    QVERIFY2(text.outText().contains(QStringLiteral("duplicates: 2 row(s) repeat another row whole "
                                                    "(id 42; 43)")),
             qPrintable(text.outText()));
}

void TestVerifyMapped::changedValueIsNamed()
{
    QCOMPARE(sql(QStringLiteral("UPDATE staging.orders_clean SET total = total + 0.01 WHERE "
                                "order_id = 42")),
             QString());
    const CliResult r = verify({QStringLiteral("--map"), m_map, QStringLiteral("--json"),
                                QStringLiteral("--table"), QStringLiteral("orders")});
    QCOMPARE(sql(QStringLiteral("UPDATE staging.orders_clean SET total = total - 0.01 WHERE "
                                "order_id = 42")),
             QString());
    QCOMPARE(r.exitCode, 3);
    const QList<QJsonObject> differences =
        differencesOf(tableOf(r.json(), QStringLiteral("orders")));
    QCOMPARE(differences.size(), 1);
    const QJsonObject d = differences.front();
    QCOMPARE(d.value(QStringLiteral("column")).toString(), QStringLiteral("total"));
    QCOMPARE(d.value(QStringLiteral("key")).toString(), QStringLiteral("42"));
    const double expected = d.value(QStringLiteral("expected")).toString().toDouble();
    QCOMPARE(d.value(QStringLiteral("found")).toString(), QString::number(expected + 0.01, 'f', 2));
}

void TestVerifyMapped::duplicatesWithoutKey()
{
    // Dropping the key column leaves nothing to name rows by: counted, more slowly, unnamed.
    QTemporaryFile map;
    QVERIFY(map.open());
    map.write(R"j({"tables": {"products": {"target": "staging.products_nokey",
                                          "columns": {"id": null}}}})j");
    map.flush();
    QCOMPARE(sql(QStringLiteral("INSERT INTO staging.products_nokey SELECT * FROM "
                                "staging.products_nokey WHERE sku = (SELECT min(sku) FROM "
                                "staging.products_nokey)")),
             QString());
    const CliResult r = verify({QStringLiteral("--map"), map.fileName(), QStringLiteral("--json"),
                                QStringLiteral("--table"), QStringLiteral("products")});
    QCOMPARE(sql(QStringLiteral("DELETE FROM staging.products_nokey WHERE ctid = (SELECT max(ctid) "
                                "FROM staging.products_nokey WHERE sku = (SELECT min(sku) FROM "
                                "staging.products_nokey))")),
             QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject products = tableOf(r.json(), QStringLiteral("products"));
    const QJsonObject duplicates = products.value(QStringLiteral("duplicates")).toObject();
    QCOMPARE(duplicates.value(QStringLiteral("count")).toInteger(), 1);
    QVERIFY(duplicates.value(QStringLiteral("keys")).toArray().isEmpty());
    QVERIFY(products.value(QStringLiteral("key_column")).isNull());
}

void TestVerifyMapped::duplicatesKeyedByParent()
{
    // The emitted DDL keys order_lines by (order_id, line_no); a pipeline's own target often has
    // no key, which is how a restart without dedup lands a row twice.
    QCOMPARE(sql(QStringLiteral("ALTER TABLE order_lines DROP CONSTRAINT order_lines_pkey; "
                                "INSERT INTO order_lines SELECT * FROM order_lines WHERE order_id "
                                "= 3 AND line_no = 1")),
             QString());
    const CliResult r = verify(
        {QStringLiteral("--json"), QStringLiteral("--table"), QStringLiteral("order_lines")});
    QCOMPARE(sql(QStringLiteral("DELETE FROM order_lines WHERE ctid = (SELECT max(ctid) FROM "
                                "order_lines WHERE order_id = 3 AND line_no = 1); ALTER TABLE "
                                "order_lines ADD PRIMARY KEY (order_id, line_no)")),
             QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject lines = tableOf(r.json(), QStringLiteral("order_lines"));
    QCOMPARE(lines.value(QStringLiteral("duplicates"))
                 .toObject()
                 .value(QStringLiteral("keys"))
                 .toArray(),
             QJsonArray({QStringLiteral("3, 1")}));
    QVERIFY2(differencesOf(lines).isEmpty(), QJsonDocument(lines).toJson().constData());
}

void TestVerifyMapped::failedConversionIsNamed()
{
    QTemporaryFile map;
    QVERIFY(map.open());
    map.write(R"j({"tables": {"orders": {"target": "staging.orders_text"}}})j");
    map.flush();
    const CliResult r = verify({QStringLiteral("--map"), map.fileName(), QStringLiteral("--table"),
                                QStringLiteral("orders")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("orders.total: values of the target's type text "
                                           "(column \"total\") cannot be converted to "
                                           "numeric(12,2) to compare them")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("n/a")), qPrintable(r.err));
}

void TestVerifyMapped::badMapIsAUsageError()
{
    QTemporaryFile map;
    QVERIFY(map.open());
    map.write(R"j({"tables": {"orders": {"columns": {"totl": null}}}})j");
    map.flush();
    const CliResult r = verify({QStringLiteral("--map"), map.fileName()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral(": tables.orders.columns.totl: the schema has no "
                                           "column \"totl\"; did you mean \"total\"?")),
             qPrintable(r.err));
}

void TestVerifyMapped::transformsMatchServer_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("input");
    auto row = [](const char *type, const char *expr, const char *input) {
        QTest::addRow("%s %s", type, expr)
            << QString::fromUtf8(type) << QString::fromUtf8(expr) << QString::fromUtf8(input);
    };
    row("numeric(12,2)", "x::integer", "-2.50");
    row("numeric(12,2)", "CAST(x AS bigint)", "123456.49");
    row("double precision", "x::integer", "-3.5");
    row("double precision", "x::numeric(12,2)", "0.30000000000000004");
    row("double precision", "x::real", "3.141592653589793");
    row("real", "x::double precision", "0.1");
    row("numeric(12,2)", "x::double precision", "1234567.89");
    row("numeric(12,2)", "round(x, 1)", "2.45");
    row("numeric(12,2)", "round(x, -1)", "-15.00");
    row("double precision", "round(x)", "2.5");
    row("text", "upper(x)",
        "stra\xc3\x9f"
        "e caf\xc3\xa9");
    row("text", "lower(trim(x))", "  MiXeD  ");
    row("text", "x::varchar(3)", "abcdef");
    row("text", "x::char(4)", "ab   cd");
    row("timestamp", "x::date", "2021-06-01 23:59:59.999999");
    row("timestamp", "x::timestamptz", "2021-06-01 12:00:00.5");
    row("timestamptz", "x::timestamp", "2021-06-01 12:00:00+00");
    row("date", "x::timestamp", "2021-06-01");
    row("boolean", "x::text", "true");
    row("integer", "round(x, 2)", "7");
}

void TestVerifyMapped::transformsMatchServer()
{
    QFETCH(QString, type);
    QFETCH(QString, expr);
    QFETCH(QString, input);
    QString error;
    const auto transform =
        ColumnTransform::compile(QStringLiteral("x"), type, expr, QString(), &error,
                                 sql(QStringLiteral("SHOW lc_ctype")) != QLatin1String("C"));
    QVERIFY2(transform, qPrintable(error));
    std::string mine = sql(QStringLiteral("SET TimeZone = 'UTC'; SET extra_float_digits = 1; "
                                          "SELECT %1::%2::text")
                               .arg(Ddl::quoteLiteral(input), type))
                           .toStdString();
    transform->apply(mine);
    const QString server =
        sql(QStringLiteral("SET TimeZone = 'UTC'; SET extra_float_digits = 1; SELECT (%1)::text "
                           "FROM (SELECT %2::%3 AS x) v")
                .arg(expr, Ddl::quoteLiteral(input), type));
    QCOMPARE(QString::fromStdString(mine), server);
}

QTEST_GUILESS_MAIN(TestVerifyMapped)
#include "test_verifymapped.moc"
