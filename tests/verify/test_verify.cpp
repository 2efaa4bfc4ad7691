// `spillway-cli verify` on a real PostgreSQL: the text forms it predicts match the server's own,
// tables loaded with psql \copy of Spillway's CSV verify clean, and a deleted row, a changed
// value, an extra row and a NULLed value are each caught and named.

#include "../processsupport.h"
#include "base/valueformat.h"
#include "pg/verifier.h"
#include "pgfixture.h"
#include "run/preview.h"
#include "schema/ddl.h"
#include "schema/schemaio.h"
#include "verify/md5.h"
#include "verify/pgtextform.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <charconv>
#include <cmath>

using namespace spillway;
using namespace spillway::test;

Q_DECLARE_METATYPE(spillway::Value)

namespace {

const QString kEcommerce = QStringLiteral(SPILLWAY_SOURCE_DIR "/resources/examples/ecommerce.json");
const QString kAllTypes = QStringLiteral(SPILLWAY_SOURCE_DIR "/tests/verify/data/alltypes.json");

std::shared_ptr<CompiledSchema> compileFile(const QString &path)
{
    Diagnostics d;
    const auto schema = SchemaIO::load(path, d);
    auto compiled = schema ? CompiledSchema::compile(*schema, d) : nullptr;
    if (!compiled)
        qWarning("%s", qPrintable(d.toString()));
    return compiled;
}

QJsonObject tableOf(const QJsonObject &report, const QString &name)
{
    const QJsonArray tables = report.value(QStringLiteral("tables")).toArray();
    for (const QJsonValue &t : tables) {
        if (t.toObject().value(QStringLiteral("name")).toString() == name)
            return t.toObject();
    }
    return {};
}

// The first difference of a table's report with this kind (and column), or an empty object.
QJsonObject differenceOf(const QJsonObject &table, const QString &kind,
                         const QString &column = QString())
{
    const QJsonArray differences = table.value(QStringLiteral("differences")).toArray();
    for (const QJsonValue &d : differences) {
        const QJsonObject o = d.toObject();
        if (o.value(QStringLiteral("kind")).toString() == kind &&
            (column.isEmpty() || o.value(QStringLiteral("column")).toString() == column))
            return o;
    }
    return {};
}

} // namespace

class TestVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void md5MatchesQt();
    void textForms_data();
    void textForms();
    void shortestFloatsMatchServer();
    void numericsMatchServer();
    void ecommerceMatches();
    void embeddedServerWithoutDb();
    void deletedRowIsNamed();
    void changedValueIsNamed();
    void extraRowIsNamed();
    void nulledValueIsNamed();
    void childTableKeyedByParent();
    void tableWithoutKeyCountsOnly();
    void valuesMovedBetweenRows();
    void smallRangesNarrowTheColumnPass();
    void allTypesMatch();
    void allTypesChangedValues();
    void missingTableDiffers();
    void noConnectionFails();

private:
    CliResult cli(const QStringList &arguments);
    CliResult verify(const QString &schema, const QStringList &extra = {});
    QString sql(const QString &statement);
    QStringList serverTexts(const QStringList &inputs, const QString &type);
    void load(const QString &schemaPath, const QStringList &generateArgs,
              const QStringList &afterDdl = {});
    void copyTable(const QString &schemaPath, const QString &table);
    void reloadTable(const QString &schemaPath, const QString &table);

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;
};

CliResult TestVerify::cli(const QStringList &arguments)
{
    return runCli(arguments, {},
                  environmentWith({{QStringLiteral("SPILLWAY_RUNS_DIR"),
                                    m_dir.filePath(QStringLiteral("runs"))}}));
}

CliResult TestVerify::verify(const QString &schema, const QStringList &extra)
{
    return cli(QStringList{QStringLiteral("verify"), schema, QStringLiteral("--db"),
                           m_pg->connectionString()} +
               extra);
}

QString TestVerify::sql(const QString &statement)
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

// What the server prints for each input text cast to `type`.
QStringList TestVerify::serverTexts(const QStringList &inputs, const QString &type)
{
    QStringList literals;
    for (const QString &input : inputs)
        literals.append(Ddl::quoteLiteral(input));
    QStringList texts;
    try {
        pqxx::connection connection(m_pg->connectionString().toStdString());
        pqxx::nontransaction tx(connection);
        tx.exec("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET extra_float_digits = 1");
        const pqxx::result r = tx.exec(
            QStringLiteral("SELECT x::%1::text FROM unnest(ARRAY[%2]::text[]) WITH ORDINALITY "
                           "AS u(x, n) ORDER BY n")
                .arg(type, literals.join(QStringLiteral(", ")))
                .toStdString());
        for (const auto &row : r)
            texts.append(QString::fromUtf8(row[0].c_str()));
    } catch (const std::exception &e) {
        qWarning("%s", e.what());
    }
    return texts;
}

void TestVerify::load(const QString &schemaPath, const QStringList &generateArgs,
                      const QStringList &afterDdl)
{
    const QString out = m_dir.filePath(QFileInfo(schemaPath).completeBaseName());
    const CliResult generated =
        cli(QStringList{QStringLiteral("generate"), schemaPath, QStringLiteral("--out"), out,
                        QStringLiteral("--quiet")} +
            generateArgs);
    QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
    const auto schema = compileFile(schemaPath);
    QVERIFY(schema);
    const QString ddl = Ddl::createTables(*schema, DdlOptions{}).join(QLatin1Char('\n'));
    QCOMPARE(sql(ddl), QString());
    for (const QString &statement : afterDdl)
        QCOMPARE(sql(statement), QString());
    for (const auto &table : schema->tables())
        copyTable(schemaPath, table->name);
}

// Loads a table's CSV (made by load()) with psql \copy, as a user's script would.
void TestVerify::copyTable(const QString &schemaPath, const QString &table)
{
    const QString csv = QDir(m_dir.filePath(QFileInfo(schemaPath).completeBaseName()))
                            .filePath(table + QStringLiteral(".csv"));
    const QString error =
        psqlCopyCsv(m_pg->connectionString(), Ddl::quoteIdentifier(table), csv, 60000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestVerify::reloadTable(const QString &schemaPath, const QString &table)
{
    QCOMPARE(sql(QStringLiteral("TRUNCATE %1").arg(Ddl::quoteIdentifier(table))), QString());
    copyTable(schemaPath, table);
}

void TestVerify::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pg = std::make_unique<PgFixture>();
    QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    load(kEcommerce, {QStringLiteral("--scale"), QStringLiteral("0.01")});
    // The user's ETL may choose other types than the schema's: verify predicts the text of
    // the type the column has in the database (here milliseconds, rounded on input).
    load(kAllTypes, {}, {QStringLiteral("ALTER TABLE types ALTER at_ms TYPE timestamp(3)")});
}

void TestVerify::md5MatchesQt()
{
    QByteArray data;
    for (int n = 0; n <= 300; ++n) {
        const QByteArray digest = QCryptographicHash::hash(data, QCryptographicHash::Md5);
        const auto mine = md5(std::string_view(data.constData(), size_t(data.size())));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(mine.data()), 16), digest);
        QCOMPARE(md5Prefix32(std::string_view(data.constData(), size_t(data.size()))),
                 uint32_t(digest.left(4).toHex().toUInt(nullptr, 16)));
        data.append(char('a' + n % 26 + (n % 7 == 0 ? 128 : 0)));
    }
}

void TestVerify::textForms_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<Value>("value");
    auto row = [](const char *name, const char *type, Value v) {
        QTest::newRow(name) << QString::fromLatin1(type) << v;
    };
    row("int into numeric(10,2)", "numeric(10,2)", Value::integer(-42));
    row("decimal padded", "numeric(10,4)", Value::decimal(12345, 1));
    row("decimal rounded half away", "numeric(10,2)", Value::decimal(-1005, 3));
    row("decimal own scale", "numeric", Value::decimal(1500, 3));
    row("numeric(5) rounds", "numeric(5)", Value::decimal(25, 1));
    row("float into numeric", "numeric(12,2)", Value::real(2.675, 3));
    row("text exponent into numeric", "numeric", Value::string("1.5e-7"));
    row("double tiny", "double precision", Value::real(1e-5));
    row("double huge", "double precision", Value::real(1e20));
    row("double 1e5", "double precision", Value::real(1e5));
    row("double 1e15", "float8", Value::real(1e15));
    row("double fixed digits", "double precision", Value::real(3.14159, 2));
    row("double from int", "double precision", Value::integer(9007199254740993));
    row("double from decimal", "double precision", Value::decimal(1, 1));
    row("double negative zero", "double precision", Value::real(-0.0));
    row("real", "real", Value::real(0.1));
    row("real big", "real", Value::real(1234567.0));
    row("float(10) is real", "float(10)", Value::real(1.0 / 3));
    row("bool true", "boolean", Value::boolean(true));
    row("bool text yes", "boolean", Value::string("yes"));
    row("date", "date", Value::date(-3650));
    row("date from timestamp text", "date", Value::string("2020-02-29 23:59:59"));
    row("timestamp fraction", "timestamp", Value::timestamp(1700000000123400));
    row("timestamp before 1970", "timestamp", Value::timestamp(-123456789));
    row("timestamp(3) rounds", "timestamp(3)", Value::timestamp(946684799999500));
    row("timestamp(0) before 2000", "timestamp(0)", Value::timestamp(946684799500000));
    row("timestamp from date", "timestamp", Value::date(19000));
    row("timestamp ignores zone", "timestamp", Value::string("2021-06-01 12:00:00+02"));
    row("timestamptz", "timestamptz", Value::timestamp(1700000000000001));
    row("timestamptz with zone", "timestamp with time zone",
        Value::string("2021-06-01 12:00:00+02:30"));
    row("time", "time", Value::time(45296789000));
    row("time(2)", "time(2)", Value::time(45296785000));
    row("uuid", "uuid", Value::uuid(0x0123456789ABCDEFULL, 0xFEDCBA9876543210ULL));
    row("uuid text upper", "uuid", Value::string("{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}"));
    row("char(4) pads", "char(4)", Value::string("ab"));
    row("bpchar spaces", "character(3)", Value::string(" a "));
    row("varchar cut", "varchar(3)", Value::string("abc   "));
    row("text unicode", "text", Value::string("Zo\xc3\xab \xe2\x9c\x93"));
    row("bytea", "bytea", Value::string("\\x00FF10"));
    row("int text", "bigint", Value::string(" 42"));
    row("json verbatim", "json", Value::string("{\"b\":1,  \"a\":2}"));
}

void TestVerify::textForms()
{
    QFETCH(QString, type);
    QFETCH(Value, value);
    const PgTextForm form = PgTextForm::forType(type);
    QVERIFY(form.isPredictable());
    std::string mine;
    form.render(value, mine);
    const QStringList server = serverTexts({Preview::text(value)}, type);
    QCOMPARE(server.size(), 1);
    QCOMPARE(QString::fromStdString(mine), server.front());
}

void TestVerify::shortestFloatsMatchServer()
{
    // Doubles of every magnitude, and the reals they round to, as the server prints them.
    QRandomGenerator random(20240601);
    QStringList inputs;
    std::vector<double> values;
    for (int i = 0; i < 4000; ++i) {
        const double mantissa = random.generateDouble() * (random.bounded(2) ? 1 : -1);
        const int exponent = random.bounded(-30, 30);
        double v = mantissa * std::pow(10.0, exponent);
        if (i % 4 == 0)
            v = std::round(v * 1000) / 1000; // short decimals: 0.001, 100000
        if (i % 16 == 1)
            v = std::pow(10.0, exponent);
        values.push_back(v);
        char text[64];
        inputs.append(QString::fromLatin1(text, std::to_chars(text, text + 64, v).ptr - text));
    }
    const QStringList doubles = serverTexts(inputs, QStringLiteral("float8"));
    const QStringList reals = serverTexts(inputs, QStringLiteral("real"));
    QCOMPARE(doubles.size(), inputs.size());
    QCOMPARE(reals.size(), inputs.size());
    const PgTextForm real = PgTextForm::forType(QStringLiteral("real"));
    std::string mine;
    for (size_t i = 0; i < values.size(); ++i) {
        char text[64];
        const QString d =
            QString::fromLatin1(text, PgTextForm::formatDouble(text, values[i]) - text);
        QCOMPARE(d, doubles[int(i)]);
        if (std::fabs(values[i]) > 1e-37 && std::fabs(values[i]) < 1e37) {
            real.render(Value::real(values[i]), mine);
            QCOMPARE(QString::fromStdString(mine), reals[int(i)]);
        }
    }
}

void TestVerify::numericsMatchServer()
{
    QRandomGenerator random(77);
    for (const char *type : {"numeric(14,2)", "numeric(12,4)", "numeric", "numeric(8,-2)"}) {
        const PgTextForm form = PgTextForm::forType(QString::fromLatin1(type));
        QStringList inputs;
        std::vector<Value> values;
        for (int i = 0; i < 500; ++i) {
            const int scale = random.bounded(0, 7);
            const int64_t unscaled = int64_t(random.bounded(-2000000, 2000000)) * (i % 3 + 1);
            values.push_back(i % 5 == 0 ? Value::real(double(unscaled) / 997.0, uint8_t(scale))
                                        : Value::decimal(unscaled, uint8_t(scale)));
            inputs.append(Preview::text(values.back()));
        }
        const QStringList server = serverTexts(inputs, QString::fromLatin1(type));
        QCOMPARE(server.size(), inputs.size());
        std::string mine;
        for (size_t i = 0; i < values.size(); ++i) {
            form.render(values[i], mine);
            QCOMPARE(QString::fromStdString(mine), server[int(i)]);
        }
    }
}

void TestVerify::ecommerceMatches()
{
    const CliResult r =
        verify(QStringLiteral("example:ecommerce"),
               {QStringLiteral("--scale"), QStringLiteral("0.01"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.err));
    QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), true);
    const QJsonObject orders = tableOf(r.json(), QStringLiteral("orders"));
    QCOMPARE(orders.value(QStringLiteral("expected_rows")).toInteger(), 10000);
    QCOMPARE(orders.value(QStringLiteral("found_rows")).toInteger(), 10000);
    const QJsonArray columns = orders.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), 7);
    for (const QJsonValue &c : columns) {
        QVERIFY(c.toObject().value(QStringLiteral("checksum_compared")).toBool());
        QVERIFY(c.toObject().value(QStringLiteral("match")).toBool());
    }
    QVERIFY(
        tableOf(r.json(), QStringLiteral("order_lines")).value(QStringLiteral("match")).toBool());
}

void TestVerify::embeddedServerWithoutDb()
{
    // No --db: the local server in --server-dir (already running here, so it is left running).
    const CliResult r =
        cli({QStringLiteral("verify"), kEcommerce, QStringLiteral("--scale"),
             QStringLiteral("0.01"), QStringLiteral("--server-dir"), m_pg->serverDir(),
             QStringLiteral("--table"), QStringLiteral("products")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.err));
    QVERIFY(r.outText().contains(QStringLiteral("\u2713 products  100 rows")));
    QVERIFY(r.outText().contains(QStringLiteral("All 1 table(s) match")));
    QVERIFY(m_pg->server().status().running);
}

void TestVerify::deletedRowIsNamed()
{
    QCOMPARE(sql(QStringLiteral("CREATE TABLE saved AS SELECT * FROM orders WHERE id = 17; "
                                "DELETE FROM orders WHERE id = 17")),
             QString());
    const CliResult r = verify(
        kEcommerce, {QStringLiteral("--scale"), QStringLiteral("0.01"), QStringLiteral("--json")});
    QCOMPARE(sql(QStringLiteral("INSERT INTO orders SELECT * FROM saved; DROP TABLE saved")),
             QString());
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), false);
    const QJsonObject orders = tableOf(r.json(), QStringLiteral("orders"));
    QCOMPARE(orders.value(QStringLiteral("found_rows")).toInteger(), 9999);
    QCOMPARE(orders.value(QStringLiteral("key_column")).toString(), QStringLiteral("id"));
    const QJsonObject missing = differenceOf(orders, QStringLiteral("missing_row"));
    QCOMPARE(missing.value(QStringLiteral("key")).toString(), QStringLiteral("17"));
    QCOMPARE(orders.value(QStringLiteral("differences")).toArray().size(), 1);
    QVERIFY(tableOf(r.json(), QStringLiteral("customers")).value(QStringLiteral("match")).toBool());
}

void TestVerify::changedValueIsNamed()
{
    QCOMPARE(sql(QStringLiteral("UPDATE orders SET total = total + 0.01 WHERE id = 42")),
             QString());
    const CliResult r = verify(kEcommerce, {QStringLiteral("--scale"), QStringLiteral("0.01")});
    const CliResult json = verify(
        kEcommerce, {QStringLiteral("--scale"), QStringLiteral("0.01"), QStringLiteral("--json")});
    QCOMPARE(sql(QStringLiteral("UPDATE orders SET total = total - 0.01 WHERE id = 42")),
             QString());
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.outText().contains(QStringLiteral("\u2717 orders")), qPrintable(r.outText()));
    QVERIFY2(r.outText().contains(QStringLiteral("changed      id = 42: total expected")),
             qPrintable(r.outText()));
    QVERIFY(r.outText().contains(QStringLiteral("1 of 4 table(s) differ (orders)")));
    const QJsonObject changed =
        differenceOf(tableOf(json.json(), QStringLiteral("orders")),
                     QStringLiteral("changed_value"), QStringLiteral("total"));
    QCOMPARE(changed.value(QStringLiteral("key")).toString(), QStringLiteral("42"));
    const double expected = changed.value(QStringLiteral("expected")).toString().toDouble();
    QCOMPARE(changed.value(QStringLiteral("found")).toString(),
             QString::number(expected + 0.01, 'f', 2));
}

void TestVerify::extraRowIsNamed()
{
    QCOMPARE(sql(QStringLiteral("INSERT INTO orders SELECT 100000 + id, customer_id, ordered_at, "
                                "status, shipped_at, total, note FROM orders WHERE id = 5")),
             QString());
    const CliResult r = verify(kEcommerce, {QStringLiteral("--scale"), QStringLiteral("0.01"),
                                            QStringLiteral("--json"), QStringLiteral("--table"),
                                            QStringLiteral("orders")});
    QCOMPARE(sql(QStringLiteral("DELETE FROM orders WHERE id = 100005")), QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject orders = tableOf(r.json(), QStringLiteral("orders"));
    QCOMPARE(orders.value(QStringLiteral("found_rows")).toInteger(), 10001);
    const QJsonObject extra = differenceOf(orders, QStringLiteral("extra_row"));
    QCOMPARE(extra.value(QStringLiteral("key")).toString(), QStringLiteral("100005"));
    QCOMPARE(extra.value(QStringLiteral("note")).toString(),
             QStringLiteral("beyond the expected rows"));
}

void TestVerify::nulledValueIsNamed()
{
    const QString tier = sql(QStringLiteral("SELECT tier FROM customers WHERE id = 7"));
    QVERIFY(!tier.isEmpty());
    QCOMPARE(sql(QStringLiteral("UPDATE customers SET tier = NULL WHERE id = 7")), QString());
    const CliResult r = verify(
        kEcommerce, {QStringLiteral("--scale"), QStringLiteral("0.01"), QStringLiteral("--json")});
    QCOMPARE(sql(QStringLiteral("UPDATE customers SET tier = %1 WHERE id = 7")
                     .arg(Ddl::quoteLiteral(tier))),
             QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject customers = tableOf(r.json(), QStringLiteral("customers"));
    const QJsonObject changed =
        differenceOf(customers, QStringLiteral("changed_value"), QStringLiteral("tier"));
    QCOMPARE(changed.value(QStringLiteral("key")).toString(), QStringLiteral("7"));
    QCOMPARE(changed.value(QStringLiteral("expected")).toString(), tier);
    QVERIFY(changed.value(QStringLiteral("found")).isNull());
    for (const QJsonValue &c : customers.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject column = c.toObject();
        const bool isTier =
            column.value(QStringLiteral("name")).toString() == QLatin1String("tier");
        QCOMPARE(column.value(QStringLiteral("match")).toBool(), !isTier);
    }
}

void TestVerify::childTableKeyedByParent()
{
    // order_lines has no key of its own: its rows are named by (order_id, line_no).
    QCOMPARE(sql(QStringLiteral("UPDATE order_lines SET quantity = quantity + 1 WHERE order_id = "
                                "3 AND line_no = 1")),
             QString());
    const CliResult r = verify(kEcommerce, {QStringLiteral("--scale"), QStringLiteral("0.01"),
                                            QStringLiteral("--json"), QStringLiteral("--table"),
                                            QStringLiteral("order_lines")});
    QCOMPARE(sql(QStringLiteral("UPDATE order_lines SET quantity = quantity - 1 WHERE order_id = "
                                "3 AND line_no = 1")),
             QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject lines = tableOf(r.json(), QStringLiteral("order_lines"));
    QCOMPARE(lines.value(QStringLiteral("key_column")).toString(),
             QStringLiteral("order_id, line_no"));
    const QJsonObject changed =
        differenceOf(lines, QStringLiteral("changed_value"), QStringLiteral("quantity"));
    QCOMPARE(changed.value(QStringLiteral("key")).toString(), QStringLiteral("3, 1"));
    QCOMPARE(changed.value(QStringLiteral("found")).toString().toInt(),
             changed.value(QStringLiteral("expected")).toString().toInt() + 1);
    QCOMPARE(lines.value(QStringLiteral("differences")).toArray().size(), 1);
}

void TestVerify::tableWithoutKeyCountsOnly()
{
    QCOMPARE(sql(QStringLiteral("UPDATE events SET amount = amount + 1 WHERE ctid = (SELECT "
                                "min(ctid) FROM events)")),
             QString());
    const CliResult r = verify(
        kAllTypes, {QStringLiteral("--json"), QStringLiteral("--table"), QStringLiteral("events")});
    reloadTable(kAllTypes, QStringLiteral("events"));
    QCOMPARE(r.exitCode, 3);
    const QJsonObject events = tableOf(r.json(), QStringLiteral("events"));
    QCOMPARE(events.value(QStringLiteral("expected_rows")),
             events.value(QStringLiteral("found_rows")));
    QVERIFY(events.value(QStringLiteral("key_column")).isNull());
    QVERIFY(events.value(QStringLiteral("notes"))
                .toArray()
                .first()
                .toString()
                .contains(QStringLiteral("cannot be pinpointed")));
    for (const QJsonValue &c : events.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject column = c.toObject();
        const bool isAmount =
            column.value(QStringLiteral("name")).toString() == QLatin1String("amount");
        QCOMPARE(column.value(QStringLiteral("match")).toBool(), !isAmount);
    }
}

void TestVerify::valuesMovedBetweenRows()
{
    // Two rows swap their kinds: every column still holds the same values, the rows do not.
    QCOMPARE(sql(QStringLiteral(
                 "WITH a AS (SELECT min(ctid) AS id FROM events WHERE kind = 'click'), b AS "
                 "(SELECT min(ctid) AS id FROM events WHERE kind = 'view') UPDATE events SET kind "
                 "= CASE WHEN ctid = (SELECT id FROM a) THEN 'view' ELSE 'click' END WHERE ctid "
                 "IN ((SELECT id FROM a), (SELECT id FROM b))")),
             QString());
    const CliResult r = verify(
        kAllTypes, {QStringLiteral("--table"), QStringLiteral("events"), QStringLiteral("--json")});
    reloadTable(kAllTypes, QStringLiteral("events"));
    QCOMPARE(r.exitCode, 3);
    const QJsonObject events = tableOf(r.json(), QStringLiteral("events"));
    QCOMPARE(events.value(QStringLiteral("row_checksum_match")).toBool(), false);
    for (const QJsonValue &c : events.value(QStringLiteral("columns")).toArray())
        QVERIFY(c.toObject().value(QStringLiteral("match")).toBool());
    QVERIFY(QJsonDocument(events.value(QStringLiteral("notes")).toArray())
                .toJson()
                .contains("moved between rows"));
    QCOMPARE(verify(kAllTypes).exitCode, 0); // reloaded
}

void TestVerify::smallRangesNarrowTheColumnPass()
{
    // Through the API the GUI uses, with key ranges small enough that only the differing
    // ranges are hashed column by column.
    const QString status = sql(QStringLiteral("SELECT status FROM orders WHERE id = 4321"));
    const QString discount = sql(
        QStringLiteral("SELECT discount FROM order_lines WHERE order_id = 4321 AND line_no = 1"));
    QCOMPARE(sql(QStringLiteral("UPDATE orders SET status = 'lost' WHERE id = 4321; UPDATE "
                                "order_lines SET discount = 0.99 WHERE order_id = 4321 AND "
                                "line_no = 1")),
             QString());
    PlanOptions planOptions;
    planOptions.scale = 0.01;
    planOptions.tables = QStringList{QStringLiteral("orders"), QStringLiteral("order_lines")};
    Diagnostics diagnostics;
    std::shared_ptr<const Plan> plan =
        Plan::build(compileFile(kEcommerce), planOptions, nullptr, diagnostics);
    QVERIFY(plan);
    VerifyOptions options;
    options.conninfo = m_pg->connectionString();
    options.rangeRows = 500;
    VerifyReport report;
    const QString error = Verifier().run(plan, options, report);
    QCOMPARE(sql(QStringLiteral("UPDATE orders SET status = %1 WHERE id = 4321; UPDATE "
                                "order_lines SET discount = %2 WHERE order_id = 4321 AND "
                                "line_no = 1")
                     .arg(Ddl::quoteLiteral(status), discount)),
             QString());
    QCOMPARE(error, QString());
    QCOMPARE(report.tables.size(), 2);
    for (const VerifyTableReport &t : report.tables) {
        const bool orders = t.name == QLatin1String("orders");
        QVERIFY(t.rangeCount >= 20); // order_lines: ranges of parents holding ~500 lines
        QCOMPARE(t.rangesDiffering, 1u);
        QCOMPARE(t.differences.size(), 1);
        QCOMPARE(t.differences.front().key,
                 orders ? QStringLiteral("4321") : QStringLiteral("4321, 1"));
        const QString changed = orders ? QStringLiteral("status") : QStringLiteral("discount");
        QCOMPARE(t.differences.front().column, changed);
        for (const VerifyColumnReport &c : t.columns)
            QCOMPARE(c.match(), c.name != changed);
    }
}

void TestVerify::allTypesMatch()
{
    const CliResult r = verify(kAllTypes, {QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.err));
    const QJsonObject types = tableOf(r.json(), QStringLiteral("types"));
    QCOMPARE(types.value(QStringLiteral("found_rows")).toInteger(), 3000);
    for (const QJsonValue &c : types.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject column = c.toObject();
        const bool isJsonb =
            column.value(QStringLiteral("type")).toString() == QLatin1String("jsonb");
        QCOMPARE(column.value(QStringLiteral("checksum_compared")).toBool(), !isJsonb);
        if (isJsonb)
            QVERIFY(column.value(QStringLiteral("note"))
                        .toString()
                        .startsWith(QStringLiteral("checksum not compared for jsonb")));
    }
}

void TestVerify::allTypesChangedValues()
{
    // Row 10 has key 100 + 3 * 10 = 130; find one whose jsonb is not null to NULL it.
    const QString id = sql(QStringLiteral("SELECT min(id) FROM types WHERE id >= 130 AND doc IS "
                                          "NOT NULL"));
    const QString code = sql(QStringLiteral("SELECT code::text FROM types WHERE id = %1").arg(id));
    const QString at = sql(QStringLiteral("SELECT at::text FROM types WHERE id = %1").arg(id));
    const QString doc = sql(QStringLiteral("SELECT doc::text FROM types WHERE id = %1").arg(id));
    QCOMPARE(sql(QStringLiteral("UPDATE types SET code = 'Z', at = at + interval '1 microsecond', "
                                "doc = NULL WHERE id = %1")
                     .arg(id)),
             QString());
    const CliResult r = verify(kAllTypes, {QStringLiteral("--json")});
    QCOMPARE(
        sql(QStringLiteral("UPDATE types SET code = %1, at = %2, doc = %3 WHERE id = %4")
                .arg(Ddl::quoteLiteral(code), Ddl::quoteLiteral(at), Ddl::quoteLiteral(doc), id)),
        QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject types = tableOf(r.json(), QStringLiteral("types"));
    const QJsonObject codeChange =
        differenceOf(types, QStringLiteral("changed_value"), QStringLiteral("code"));
    QCOMPARE(codeChange.value(QStringLiteral("key")).toString(), id);
    QCOMPARE(codeChange.value(QStringLiteral("expected")).toString(), code);
    QCOMPARE(codeChange.value(QStringLiteral("found")).toString(), QStringLiteral("Z"));
    const QJsonObject atChange =
        differenceOf(types, QStringLiteral("changed_value"), QStringLiteral("at"));
    QCOMPARE(atChange.value(QStringLiteral("expected")).toString(), at);
    QVERIFY(atChange.value(QStringLiteral("found")).toString() != at);
    const QJsonObject docChange =
        differenceOf(types, QStringLiteral("changed_value"), QStringLiteral("doc"));
    QCOMPARE(docChange.value(QStringLiteral("key")).toString(), id);
    QVERIFY(docChange.value(QStringLiteral("found")).isNull());
    QCOMPARE(verify(kAllTypes).exitCode, 0); // restored
}

void TestVerify::missingTableDiffers()
{
    const CliResult r = verify(kEcommerce, {QStringLiteral("--scale"), QStringLiteral("0.01"),
                                            QStringLiteral("--json"), QStringLiteral("--db-schema"),
                                            QStringLiteral("nowhere")});
    QCOMPARE(r.exitCode, 3);
    const QJsonObject customers = tableOf(r.json(), QStringLiteral("customers"));
    QCOMPARE(customers.value(QStringLiteral("exists")).toBool(), false);
    QCOMPARE(customers.value(QStringLiteral("relation")).toString(),
             QStringLiteral("\"nowhere\".\"customers\""));
}

void TestVerify::noConnectionFails()
{
    const CliResult r = cli({QStringLiteral("verify"), kEcommerce, QStringLiteral("--db"),
                             QStringLiteral("host=/nonexistent port=1 connect_timeout=2")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("cannot connect")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestVerify)
#include "test_verify.moc"
