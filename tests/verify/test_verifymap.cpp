// The verify map without a server: parsing errors name the file, the line and column of bad
// JSON and the JSON path of bad content; a map is checked against the compiled schema; casts and
// expressions compute the texts PostgreSQL would (the server agrees: test_verifymapped).

#include "schema/compiledschema.h"
#include "schema/schemaio.h"
#include "verify/columncomparison.h"
#include "verify/columntransform.h"
#include "verify/verifymap.h"

#include <QTest>

using namespace spillway;

namespace {

const QString kEcommerce = QStringLiteral(SPILLWAY_SOURCE_DIR "/resources/examples/ecommerce.json");

std::shared_ptr<CompiledSchema> ecommerce()
{
    Diagnostics d;
    const auto schema = SchemaIO::load(kEcommerce, d);
    return schema ? CompiledSchema::compile(*schema, d) : nullptr;
}

QString parseError(const QByteArray &json)
{
    QString error;
    const auto map = VerifyMap::fromJson(json, QStringLiteral("map.json"), &error);
    return map ? QString() : error;
}

QString transformed(const QString &type, const QString &expr, const QString &cast,
                    const std::string &input)
{
    QString error;
    const auto t = ColumnTransform::compile(QStringLiteral("x"), type, expr, cast, &error);
    if (!t)
        return QStringLiteral("error: ") + error;
    std::string text = input;
    t->apply(text);
    return QString::fromStdString(text);
}

} // namespace

class TestVerifyMap : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheIssueExample();
    void parseErrors_data();
    void parseErrors();
    void targets();
    void roundTripsThroughJson();
    void validatesAgainstSchema_data();
    void validatesAgainstSchema();
    void transforms_data();
    void transforms();
    void refusedTransforms_data();
    void refusedTransforms();
    void comparisonConvertsOtherTypes();
};

void TestVerifyMap::parsesTheIssueExample()
{
    QString error;
    const auto map = VerifyMap::fromJson(
        R"j({"tables": {
             "customers": {"target": "staging.customer"},
             "orders": {"target": "staging.orders_clean", "columns": {"id": "order_id",
                        "note": null, "status": {"expr": "upper(status)"
}
, "total":
{
    "target" : "total_eur", "cast" : "numeric(12,1)"
}
}
}
}
})j",
        QStringLiteral("map.json"), &error);
    QVERIFY2(map, qPrintable(error));
    QCOMPARE(map->tables.size(), 2);
    QCOMPARE(map->targetTable(QStringLiteral("customers"), QString()),
             QStringLiteral("\"staging\".\"customer\""));
    QCOMPARE(map->targetColumn(QStringLiteral("orders"), QStringLiteral("id")),
             QStringLiteral("order_id"));
    QCOMPARE(map->targetColumn(QStringLiteral("orders"), QStringLiteral("note")), QString());
    QCOMPARE(map->targetColumn(QStringLiteral("orders"), QStringLiteral("status")),
             QStringLiteral("status"));
    QCOMPARE(map->targetColumn(QStringLiteral("orders"), QStringLiteral("total")),
             QStringLiteral("total_eur"));
    QCOMPARE(map->column(QStringLiteral("orders"), QStringLiteral("total"))->cast,
             QStringLiteral("numeric(12,1)"));
    QCOMPARE(map->targetColumn(QStringLiteral("products"), QStringLiteral("sku")),
             QStringLiteral("sku"));
    QCOMPARE(map->validate(*ecommerce()), QString());
}

void TestVerifyMap::parseErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("bad json") << QByteArray("{\"tables\": {\n  \"orders\": {,}}}")
                              << QStringLiteral("map.json:2:");
    QTest::newRow("not an object")
        << QByteArray("[1]") << QStringLiteral("map.json: the map must be a JSON object");
    QTest::newRow("no tables") << QByteArray("{}")
                               << QStringLiteral("map.json: tables: missing: a map is");
    QTest::newRow("unknown top key")
        << QByteArray(R"j({"tables": {}, "tabels": 1})j")
        << QStringLiteral("map.json: tabels: unknown key; did you mean \"tables\"?");
    QTest::newRow("bad column")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"id": 5}}}})j")
        << QStringLiteral("map.json: tables.orders.columns.id: expected a column name or null");
    QTest::newRow("unknown table key")
        << QByteArray(R"j({"tables": {"orders": {"taget": "x"}}})j")
        << QStringLiteral("map.json: tables.orders.taget: unknown key; did you mean \"target\"?");
    QTest::newRow("unknown column key")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"id": {"kast": "int"}}}}})j")
        << QStringLiteral("map.json: tables.orders.columns.id.kast: unknown key; did you mean "
                          "\"cast\"?");
    QTest::newRow("bad target")
        << QByteArray(R"j({"tables": {"orders": {"target": "a.b.c"}}})j")
        << QStringLiteral("map.json: tables.orders.target: \"a.b.c\" is not a table name");
    QTest::newRow("columns not an object")
        << QByteArray(R"j({"tables": {"orders": {"columns": ["id"]}}})j")
        << QStringLiteral("map.json: tables.orders.columns: expected an object");
    QTest::newRow("dropped with cast")
        << QByteArray(
               R"j({"tables": {"orders": {"columns": {"id": {"target": null, "cast": "text"}}}}})j")
        << QStringLiteral("map.json: tables.orders.columns.id: a dropped column");
}

void TestVerifyMap::parseErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const QString actual = parseError(json);
    QVERIFY2(actual.startsWith(error), qPrintable(actual));
}

void TestVerifyMap::targets()
{
    QString schema, table;
    QVERIFY(VerifyMap::splitTarget(QStringLiteral("\"My.Schema\".\"Orders\""), &schema, &table));
    QCOMPARE(schema, QStringLiteral("My.Schema"));
    QCOMPARE(table, QStringLiteral("Orders"));
    QVERIFY(VerifyMap::splitTarget(QStringLiteral("orders"), &schema, &table));
    QCOMPARE(schema, QString());
    QVERIFY(!VerifyMap::splitTarget(QStringLiteral("a..b"), nullptr, nullptr));
    QVERIFY(!VerifyMap::splitTarget(QStringLiteral("\"open"), nullptr, nullptr));
    VerifyMap map;
    map.tables.insert(QStringLiteral("orders"), TableMapping{QStringLiteral("orders_clean"), {}});
    // An unqualified target goes into the default schema, as unmapped tables do.
    QCOMPARE(map.targetTable(QStringLiteral("orders"), QStringLiteral("etl")),
             QStringLiteral("\"etl\".\"orders_clean\""));
    QCOMPARE(map.targetTable(QStringLiteral("customers"), QString()),
             QStringLiteral("\"customers\""));
}

void TestVerifyMap::roundTripsThroughJson()
{
    QString error;
    const auto map = VerifyMap::fromJson(
        R"j({"tables": {"orders": {"target": "s.o", "columns": {"id": "order_id", "note": null,
            "total": {"cast": "integer"}}}}})j",
        QString(), &error);
    QVERIFY2(map, qPrintable(error));
    const auto again = VerifyMap::fromJsonObject(map->toJson(), QString(), &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(*again == *map);
}

void TestVerifyMap::validatesAgainstSchema_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown table")
        << QByteArray(R"j({"tables": {"ordrs": {}}})j")
        << QStringLiteral("map.json: tables.ordrs: the schema has no table \"ordrs\"; did you "
                          "mean \"orders\"? (tables: ");
    QTest::newRow("unknown column")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"totl": "t"}}}})j")
        << QStringLiteral("map.json: tables.orders.columns.totl: the schema has no column "
                          "\"totl\"; did you mean \"total\"? (columns: \"id\", \"customer_id\"");
    QTest::newRow("two columns land in one")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"note": "status"}}}})j")
        << QStringLiteral("map.json: tables.orders.columns: columns \"");
    QTest::newRow("two tables land in one")
        << QByteArray(R"j({"tables": {"orders": {"target": "x"}, "products": {"target": "x"}}})j")
        << QStringLiteral("map.json: tables.");
    QTest::newRow("unsupported function")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"status": {"expr": "md5(status)"
}
}
}
}
})j")
        << QStringLiteral("map.json: tables.orders.columns.status.expr: md5() is not supported: "
                          "verify computes upper(x), lower(x), trim(x), round(x), round(x, n), "
                          "CAST(x AS type) and x::type; other functions wait for the expression "
                          "language (issue 11)");
    QTest::newRow("other column")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"status": {"expr": "upper(note)"
    }
    }
    }
    }
    })j")
        << QStringLiteral("map.json: tables.orders.columns.status.expr: \"note\" is not this "
                          "column");
    QTest::newRow("upper of a number")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"total": {"expr": "upper(total)"
    }
    }
    }
    }
    })j")
        << QStringLiteral("upper() takes text, and the value is numeric(12,2) here: write "
                          "upper(x::text)");
    QTest::newRow("unsupported cast")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"status": {"cast": "date"}}}}})j")
        << QStringLiteral("map.json: tables.orders.columns.status.cast: casting text to date is "
                          "not supported");
    QTest::newRow("cast to an unknown type")
        << QByteArray(R"j({"tables": {"orders": {"columns": {"status": {"cast": "jsonb"}}}}})j")
        << QStringLiteral("jsonb is not a type verify can cast to");
}

void TestVerifyMap::validatesAgainstSchema()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString parse;
    const auto map = VerifyMap::fromJson(json, QStringLiteral("map.json"), &parse);
    QVERIFY2(map, qPrintable(parse));
    const QString actual = map->validate(*ecommerce());
    QVERIFY2(actual.contains(error), qPrintable(actual));
}

void TestVerifyMap::transforms_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("cast");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    auto row = [](const char *name, const char *type, const char *expr, const char *cast,
                  const char *input, const char *output) {
        QTest::newRow(name) << QString::fromUtf8(type) << QString::fromUtf8(expr)
                            << QString::fromUtf8(cast) << QString::fromUtf8(input)
                            << QString::fromUtf8(output);
    };
    row("upper", "text", "upper(x)", "", "Straße é", "STRAßE É");
    row("lower trim", "text", "lower(trim(x))", "", "  MiXed  ", "mixed");
    row("varchar cut", "text", "", "varchar(3)", "abcdef", "abc");
    row("varchar cut utf-8", "text", "x::varchar(2)", "", "äöü", "äö");
    row("char cut drops spaces", "text", "CAST(x AS char(3))", "", "ab  cd", "ab");
    row("int from numeric half up", "numeric(12,2)", "", "integer", "2.50", "3");
    row("int from numeric half down", "numeric(12,2)", "", "integer", "-2.50", "-3");
    row("int from numeric below half", "numeric(12,2)", "", "bigint", "2.49", "2");
    row("int from double half even", "double precision", "", "integer", "2.5", "2");
    row("int from double 3.5", "double precision", "", "integer", "3.5", "4");
    row("smallint overflow", "integer", "", "smallint", "40000",
        "(40000 is out of range for smallint)");
    row("int from text", "text", "", "int", " 42 ", "42");
    row("int from bad text", "text", "", "int", "4x", "(4x cannot be cast to int)");
    row("numeric rounds", "numeric(12,2)", "", "numeric(10,1)", "12.35", "12.4");
    row("numeric overflow", "numeric(12,2)", "", "numeric(3,1)", "123.40",
        "(123.40 overflows numeric(3,1))");
    row("numeric from double", "double precision", "", "numeric(12,2)", "0.30000000000000004",
        "0.30");
    row("numeric from int", "bigint", "", "numeric(6,2)", "17", "17.00");
    row("double from numeric", "numeric(12,2)", "", "double precision", "12.10", "12.1");
    row("double from numeric big", "numeric", "", "float8", "1e20", "1e+20");
    row("real from double", "double precision", "", "real", "0.1", "0.1");
    row("double from real", "real", "", "double precision", "0.1", "0.10000000149011612");
    row("date from timestamp", "timestamp", "", "date", "2021-06-01 12:34:56.5", "2021-06-01");
    row("date from timestamptz", "timestamptz", "", "date", "2021-06-01 23:59:59+00", "2021-06-01");
    row("date BC", "timestamp", "", "date", "0044-03-15 12:00:00 BC", "0044-03-15 BC");
    row("timestamp from date", "date", "", "timestamp", "2021-06-01", "2021-06-01 00:00:00");
    row("timestamptz from timestamp", "timestamp", "", "timestamptz", "2021-06-01 12:00:00",
        "2021-06-01 12:00:00+00");
    row("timestamp from timestamptz", "timestamptz", "x::timestamp", "",
        "2021-06-01 12:00:00.25+00", "2021-06-01 12:00:00.25");
    row("round numeric", "numeric(12,2)", "round(x, 1)", "", "2.45", "2.5");
    row("round numeric negative", "numeric(12,2)", "round(x, -2)", "", "1250.00", "1300");
    row("round integer pads", "integer", "round(x, 2)", "", "5", "5.00");
    row("round numeric to whole", "numeric(12,2)", "round(x)", "", "-2.50", "-3");
    row("round double half even", "double precision", "round(x)", "", "2.5", "2");
    row("text of boolean", "boolean", "x::text", "", "true", "true");
    row("expr then cast", "text", "upper(x)", "varchar(2)", "abc", "AB");
}

void TestVerifyMap::transforms()
{
    QFETCH(QString, type);
    QFETCH(QString, expr);
    QFETCH(QString, cast);
    QFETCH(QString, input);
    QFETCH(QString, output);
    QCOMPARE(transformed(type, expr, cast, input.toStdString()), output);
}

void TestVerifyMap::refusedTransforms_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("cast");
    QTest::addColumn<QString>("error");
    auto row = [](const char *name, const char *type, const char *expr, const char *cast,
                  const char *error) {
        QTest::newRow(name) << QString::fromUtf8(type) << QString::fromUtf8(expr)
                            << QString::fromUtf8(cast) << QString::fromUtf8(error);
    };
    row("operator", "integer", "x + 1", "", "unexpected \"+\"");
    row("constant only", "integer", "42", "", "unexpected \"42\"");
    row("round of double with digits", "double precision", "round(x, 2)", "",
        "write round(x::numeric, n)");
    row("cast to a name", "text", "upper(x)::text", "x", "x is not a type verify can cast to");
    row("trailing text", "text", "upper(x) y", "", "unexpected text after");
    row("no column", "text", "upper()", "", "unexpected \")\"");
    row("date from text", "text", "", "date", "casting text to date");
}

void TestVerifyMap::refusedTransforms()
{
    QFETCH(QString, type);
    QFETCH(QString, expr);
    QFETCH(QString, cast);
    QFETCH(QString, error);
    const QString actual = transformed(type, expr, cast, "1");
    QVERIFY2(actual.startsWith(QStringLiteral("error: ")) && actual.contains(error),
             qPrintable(actual));
}

void TestVerifyMap::comparisonConvertsOtherTypes()
{
    const QString q = QStringLiteral("\"total\"");
    auto choose = [&q](const char *schema, const char *db) {
        return ColumnComparison::choose(QStringLiteral("total"), QString::fromLatin1(schema), q,
                                        QString::fromLatin1(db), {}, {}, true);
    };
    ColumnComparison c = choose("numeric(12,2)", "double precision");
    QCOMPARE(c.text, QStringLiteral("(\"total\")::numeric(12,2)::text"));
    QVERIFY(c.converts);
    c = choose("timestamp", "timestamp with time zone");
    QCOMPARE(c.text, QStringLiteral("((\"total\") AT TIME ZONE 'UTC')::timestamp::text"));
    c = choose("timestamp", "timestamp(3) without time zone"); // same kind: as the db prints it
    QCOMPARE(c.text, QStringLiteral("\"total\"::text"));
    QVERIFY(!c.converts);
    QVERIFY(c.form.sameTextAs(PgTextForm::forType(QStringLiteral("timestamp(3)"))));
    c = choose("bigint", "integer");
    QCOMPARE(c.text, QStringLiteral("\"total\"::text"));
    QVERIFY(c.note.isEmpty() || !c.converts);
}

QTEST_GUILESS_MAIN(TestVerifyMap)
#include "test_verifymap.moc"
