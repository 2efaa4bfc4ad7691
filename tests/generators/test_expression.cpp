// Values of the `expression` generator: exact decimals rounded like PostgreSQL, dates and
// intervals, case, format() padding, text functions, and nulls propagating as in SQL; the same
// values whatever the batch size.

#include "cataloguesupport.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace spillway;
using namespace spillway::test;

class TestExpression : public QObject
{
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void batchSizeDoesNotMatter();
    void readsColumnsInAnyOrder();
    void insideTemplates();
    void templateProblems();
};

// Inputs of every case: row 0 of these columns.
static QList<QByteArray> inputs()
{
    return {col("a", "bigint", "{'kind': 'sequence'}"),
            col("p", "numeric(12,2)", "{'kind': 'constant', 'value': 19.99}"),
            col("q", "integer", "{'kind': 'constant', 'value': 3}"),
            col("d", "date", "{'kind': 'constant', 'value': '1995-06-17'}"),
            col("ts", "timestamp", "{'kind': 'constant', 'value': '2024-03-05 14:22:01'}"),
            col("s", "text", "{'kind': 'constant', 'value': 'Ab'}"),
            col("f", "double precision", "{'kind': 'constant', 'value': 2.5}"),
            "{\"name\": \"n\", \"type\": \"bigint\", \"nullFraction\": 1, "
            "\"generator\": {\"kind\": \"constant\", \"value\": 1}}",
            col("Mixed Case", "integer", "{'kind': 'constant', 'value': 40}")};
}

void TestExpression::values_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("expected");
    auto add = [](const char *e, const char *t, const char *v) {
        QTest::addRow("%s :: %s", e, t)
            << QString::fromUtf8(e) << QString::fromUtf8(t) << QString::fromUtf8(v);
    };
    // Exact decimals: numeric(p,s) rounds half away from zero, as PostgreSQL does.
    add("p * q", "numeric(12,2)", "59.97");
    add("p / 3", "numeric(12,2)", "6.66");
    add("p * 1.005", "numeric(12,2)", "20.09");
    add("0.125", "numeric(10,2)", "0.13");
    add("-0.125", "numeric(10,2)", "-0.13");
    add("2.5", "integer", "3");
    add("-2.5", "integer", "-3");
    add("round(p / 8, 3)", "numeric", "2.499");
    add("10.0 / 4", "numeric(10,2)", "2.50");
    add("p + 0.001", "numeric", "19.991");
    add("abs(-p)", "numeric(12,2)", "19.99");
    add("floor(p)", "integer", "19");
    add("ceil(p)", "integer", "20");
    add("floor(-p)", "integer", "-20");
    add("ceil(-p)", "integer", "-19");
    add("ceil(-p)", "numeric", "-19");
    add("round(f * 1.07, 2)", "numeric(8,2)", "2.68");
    add("123456.789", "numeric(5,2)", "<null>"); // beyond numeric(5,2): PostgreSQL refuses
    add("f * 2", "double precision", "5");
    add("a + 10", "integer", "11");
    add("10 / 4", "integer", "2");
    add("10 / 0", "integer", "<null>");
    add("-7 % 3", "integer", "-1");
    add("least(3, 1, 2)", "integer", "1");
    add("greatest(p, 25)", "numeric(12,2)", "25.00");
    add("\"Mixed Case\" + 2", "integer", "42");
    add("40000", "smallint", "<null>");
    // Dates, timestamps, intervals.
    add("d + 7", "date", "1995-06-24");
    add("d - date '1995-01-01'", "integer", "167");
    add("ts + interval '1 day 2 hours'", "timestamp", "2024-03-06 16:22:01");
    add("d + interval '1 month'", "timestamp", "1995-07-17 00:00:00");
    add("date '2024-01-31' + interval '1 month'", "date", "2024-02-29");
    add("ts - interval '90 minutes'", "timestamp", "2024-03-05 12:52:01");
    add("extract(year from d)", "integer", "1995");
    add("extract(dow from d)", "integer", "6");
    add("extract(doy from d)", "integer", "168");
    add("extract(hour from ts)", "integer", "14");
    add("extract(epoch from ts - timestamp '2024-03-05 00:00:00')", "numeric", "51721.000000");
    add("extract(epoch from d)", "bigint", "803347200");
    add("d < ts", "boolean", "true");
    // Conditions.
    add("case when d <= date '1995-06-17' then 'R' else 'N' end", "char(1)", "R");
    add("case when ts > timestamp '2025-01-01 00:00:00' then 'O' else 'F' end", "char(1)", "F");
    add("case when q = 1 then 'one' when q = 3 then 'three' end", "text", "three");
    add("case when q = 2 then 1 end", "integer", "<null>");
    add("not (q > 2) or s = 'Ab'", "boolean", "true");
    // Text.
    add("format('Customer#%09d', a)", "text", "Customer#000000001");
    add("format('%.2f|%5s|%-4d|%%|%05d', p, s, q, -q)", "text", "19.99|   Ab|3   |%|-0003");
    add("format('%s-%s', d, n)", "text", "1995-06-17-");
    add("upper(s) || lower(s) || q", "text", "ABab3");
    add("length('héllo')", "integer", "5");
    add("substr('hello', 2, 3)", "text", "ell");
    add("substr('hello', 0, 2)", "text", "h");
    add("substr('héllo', 2)", "text", "éllo");
    add("p", "text", "19.99");
    // Nulls propagate; coalesce and is null see them.
    add("n + 1", "bigint", "<null>");
    add("coalesce(n, 5)", "bigint", "5");
    add("n is null", "boolean", "true");
    add("n = 1 or true", "boolean", "true");
    add("n = 1 and false", "boolean", "false");
    add("n = 1 and true", "boolean", "<null>");
    add("greatest(n, 4)", "integer", "4");
    add("s || n", "text", "<null>");
}

void TestExpression::values()
{
    QFETCH(QString, expression);
    QFETCH(QString, type);
    QFETCH(QString, expected);
    QList<QByteArray> columns = inputs();
    QJsonObject gen{{QStringLiteral("kind"), QStringLiteral("expression")},
                    {QStringLiteral("expression"), expression}};
    columns.append("{\"name\": \"e\", \"type\": \"" + type.toUtf8() +
                   "\", \"generator\": " + QJsonDocument(gen).toJson(QJsonDocument::Compact) + "}");
    const auto schema = compile(schemaOf(columns, 3));
    QVERIFY(schema);
    const Rows r = rows(*schema, 0, 1);
    QCOMPARE(QString::fromStdString(r.at("e").front()), expected);
}

void TestExpression::batchSizeDoesNotMatter()
{
    const auto schema = compile(
        schemaOf({col("k", "bigint", "{'kind': 'uniform', 'min': 1, 'max': 25}"),
                  col("price", "numeric(12,2)", "{'kind': 'decimal', 'min': 1, 'max': 1000}"),
                  col("phone", "text",
                      "{'kind': 'expression', 'expression': "
                      "'format(\\u0027%02d-%03d\\u0027, k + 10, k * 7)'}"),
                  col("total", "numeric(12,2)",
                      "{'kind': 'expression', 'expression': 'price * (1 + k / 100.0)'}")},
                 5000));
    QVERIFY(schema);
    const Rows whole = rows(*schema, 0, 5000);
    QCOMPARE(rows(*schema, 0, 5000, 7), whole);
    QCOMPARE(rows(*schema, 0, 5000, 1), whole);
    // Each phone starts with its key + 10, zero-padded.
    for (size_t i = 0; i < 5000; ++i) {
        const int k = std::stoi(whole.at("k")[i]);
        const std::string phone = whole.at("phone")[i];
        QCOMPARE(std::stoi(phone.substr(0, 2)), k + 10);
    }
}

void TestExpression::readsColumnsInAnyOrder()
{
    // An expression reads a column declared after it, and another expression.
    const auto schema =
        compile(schemaOf({col("b", "integer", "{'kind': 'expression', 'expression': 'a * 2'}"),
                          col("c", "integer", "{'kind': 'expression', 'expression': 'b + x'}"),
                          col("a", "integer", "{'kind': 'sequence'}"),
                          col("x", "integer", "{'kind': 'constant', 'value': 100}")},
                         10));
    QVERIFY(schema);
    const Rows r = rows(*schema, 0, 10);
    for (size_t i = 0; i < 10; ++i)
        QCOMPARE(std::stoi(r.at("c")[i]), int(i + 1) * 2 + 100);
}

void TestExpression::insideTemplates()
{
    // A placeholder with parentheses is an expression; it may read columns no other placeholder
    // names, and plain placeholders keep working beside it.
    const auto schema = compile(
        schemaOf({col("id", "bigint", "{'kind': 'sequence'}"),
                  col("s", "text", "{'kind': 'constant', 'value': 'Ab'}"),
                  col("code", "text",
                      "{'kind': 'template', 'template': "
                      "'{s}#{format(\\u0027%05d\\u0027, id * 7)}/{ upper(s) || id }/{id}'}")},
                 3));
    QVERIFY(schema);
    const Rows r = rows(*schema, 0, 3);
    QCOMPARE(r.at("code")[0], std::string("Ab#00007/AB1/1"));
    QCOMPARE(r.at("code")[2], std::string("Ab#00021/AB3/3"));
}

void TestExpression::templateProblems()
{
    Diagnostics d;
    const auto parsed = SchemaIO::parse(
        schemaOf({col("id", "bigint", "{'kind': 'sequence'}"),
                  col("code", "text", "{'kind': 'template', 'template': 'x{lower(idd)}'}")}),
        d);
    QVERIFY(parsed);
    QVERIFY(!CompiledSchema::compile(*parsed, d));
    QVERIFY2(d.toString().contains(QStringLiteral(
                 "tables[0].columns[1].generator.template: at character 9 of the template: "
                 "column 'idd' is not in table 't'; did you mean 'id'?")),
             qPrintable(d.toString()));
}

QTEST_GUILESS_MAIN(TestExpression)
#include "test_expression.moc"
