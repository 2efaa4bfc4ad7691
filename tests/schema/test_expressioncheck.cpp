// Problems of the `expression` generator that `validate` reports: syntax, unknown columns and
// functions, type mismatches, argument counts, results a column cannot hold, self-reference and
// cycles; each at its JSON path and, inside the expression, at its column.

#include "schema/compiledschema.h"
#include "schema/expression.h"
#include "schema/schemaio.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace spillway;

namespace {

// Table t: id bigint, price numeric(12,2), name text, born date, tags text[], then column e
// (`type`) computed by `expression`.
QByteArray schemaWith(const QString &expression, const QString &type)
{
    const QJsonObject gen{{QStringLiteral("kind"), QStringLiteral("expression")},
                          {QStringLiteral("expression"), expression}};
    return "{\"seed\": 7, \"tables\": [{\"name\": \"t\", \"rows\": 10, \"columns\": ["
           "{\"name\": \"id\", \"type\": \"bigint\", \"generator\": {\"kind\": \"sequence\"}},"
           "{\"name\": \"price\", \"type\": \"numeric(12,2)\", \"generator\": {\"kind\": "
           "\"decimal\", \"min\": 1, \"max\": 9}},"
           "{\"name\": \"name\", \"type\": \"text\", \"generator\": {\"kind\": \"first_name\"}},"
           "{\"name\": \"born\", \"type\": \"date\", \"generator\": {\"kind\": \"date\"}},"
           "{\"name\": \"tags\", \"type\": \"text[]\", \"generator\": {\"kind\": \"array\", "
           "\"element\": {\"kind\": \"words\"}}},"
           "{\"name\": \"e\", \"type\": \"" +
           type.toUtf8() +
           "\", \"generator\": " + QJsonDocument(gen).toJson(QJsonDocument::Compact) + "}]}]}";
}

} // namespace

class TestExpressionCheck : public QObject
{
    Q_OBJECT

private slots:
    void problems_data();
    void problems();
    void valid_data();
    void valid();
    void cycleBetweenExpressions();
};

void TestExpressionCheck::problems_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("column"); // 1-based, inside the expression
    QTest::addColumn<QString>("fragment");
    auto add = [](const char *e, const char *t, int column, const char *fragment) {
        QTest::addRow("%s", e) << QString::fromUtf8(e) << QString::fromUtf8(t) << column
                               << QString::fromUtf8(fragment);
    };
    add("", "bigint", 1, "the expression is empty");
    add("id +", "bigint", 5, "expected a value, a column or '(' but found end of the expression");
    add("id + (price", "numeric", 12, "expected ')'");
    add("'open", "text", 1, "unterminated quote '");
    add("id # 2", "bigint", 4, "character '#'");
    add("id 2", "bigint", 4, "unexpected '2' after the end");
    add("case id end", "bigint", 6, "expected 'when' after 'case'");
    add("date '1995-13-45'", "date", 6, "is not a date");
    add("born + interval '3 fortnights'", "timestamp", 17, "is not an interval");
    add("prise * 2", "numeric", 1, "column 'prise' is not in table 't'; did you mean 'price'?");
    add("parent.o_orderdate + 1", "date", 1, "has no parent, so there is no parent row");
    add("e + 1", "bigint", 1, "column 'e' cannot refer to itself");
    add("tags || 'x'", "text", 1, "column 'tags' is of type text[], which expressions cannot read");
    add("name + 1", "bigint", 6, "cannot add text and integer (operator '+'): use || to join text");
    add("price * 'x'", "numeric", 7, "cannot multiply numeric and text");
    add("born + 1.5", "date", 6, "cannot add date and numeric");
    add("id = 'x'", "boolean", 4, "cannot compare integer with text");
    add("id || id", "text", 4, "'||' joins text");
    add("not id", "boolean", 1, "'not' needs a boolean, not integer");
    add("id > 1 and price", "boolean", 12, "'and' needs booleans, not numeric");
    add("case when id then 1 end", "bigint", 11, "a 'when' condition must be boolean");
    add("case when id > 1 then 'a' else 2 end", "text", 32, "this branch gives integer");
    add("coalesce(name, 1)", "text", 16, "coalesce() cannot mix integer with text");
    add("abs()", "bigint", 1, "abs() takes 1 argument(s), not 0");
    add("substr(name)", "text", 1, "substr() takes 2 to 3 argument(s), not 1");
    add("upper(id)", "text", 7, "argument 1 of upper() must be text, not integer");
    add("round(price, id)", "numeric", 1, "round(x, n) needs n as a whole number");
    add("lenght(name)", "bigint", 1, "unknown function 'lenght'; did you mean 'length'?");
    add("extract(week from born)", "bigint", 1, "cannot extract 'week' from date");
    add("extract(hour from born)", "bigint", 1, "cannot extract 'hour' from date");
    add("extract(year from name)", "bigint", 1, "extract() reads a date, timestamp or interval");
    add("format(name, id)", "text", 1, "format()'s first argument must be a text literal");
    add("format('%x', id)", "text", 8, "'%x' is none of them");
    add("format('%d %d', id)", "text", 1, "more conversions than the 1 value(s) given");
    add("format('%d', id, id)", "text", 18, "more values than its format has conversions");
    add("format('%d', name)", "text", 14, "%d cannot format text: %d takes integers");
    add("name", "bigint", 1, "the expression gives text, which a bigint column cannot hold");
    add("born - born", "date", 6, "the expression gives integer, which a date column cannot");
    add("born + 1", "uuid", 1, "expressions cannot produce a column of type uuid");
    add("born - timestamp '2020-01-01 00:00:00'", "text", 6,
        "the expression gives interval, which a text column cannot hold: use extract(epoch");
    add("99999999999999999999", "numeric", 1, "is not a number with at most 18 digits");
    add("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        "(((((((((((((((((((((((((((((((((((((((((((((1",
        "bigint", 201, "nests deeper than 200 levels");
}

void TestExpressionCheck::problems()
{
    QFETCH(QString, expression);
    QFETCH(QString, type);
    QFETCH(int, column);
    QFETCH(QString, fragment);
    const Diagnostics d = SchemaIO::validate(schemaWith(expression, type));
    const QString path = QStringLiteral("tables[0].columns[5].generator.expression");
    const QString at = QStringLiteral("at column %1 of the expression: ").arg(column);
    bool found = false;
    for (const Diagnostic &item : d.items())
        found = found || (item.path == path && item.message.startsWith(at) &&
                          item.message.contains(fragment));
    QVERIFY2(
        found,
        qPrintable(
            QStringLiteral("wanted %1: %2%3\ngot:\n%4").arg(path, at, fragment, d.toString())));
}

void TestExpressionCheck::valid_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("type");
    QTest::newRow("arithmetic") << "price * (1 + id / 100.0) - 0.5"
                                << "numeric(12,2)";
    QTest::newRow("case") << "case when born <= date '1995-06-17' then 'R' else 'N' end"
                          << "char(1)";
    QTest::newRow("format") << "format('Customer#%09d', id)"
                            << "varchar(25)";
    QTest::newRow("dates") << "born + interval '7 days' - interval '1 hour'"
                           << "timestamp";
    QTest::newRow("quoted") << "\"price\" + 1"
                            << "numeric";
    QTest::newRow("text of anything") << "born"
                                      << "text";
    QTest::newRow("upper case keywords") << "CASE WHEN id IS NOT NULL THEN TRUE END"
                                         << "boolean";
}

void TestExpressionCheck::valid()
{
    QFETCH(QString, expression);
    QFETCH(QString, type);
    const Diagnostics d = SchemaIO::validate(schemaWith(expression, type));
    QVERIFY2(d.isEmpty(), qPrintable(d.toString()));
}

void TestExpressionCheck::cycleBetweenExpressions()
{
    const QByteArray json =
        "{\"seed\": 7, \"tables\": [{\"name\": \"t\", \"rows\": 10, \"columns\": ["
        "{\"name\": \"a\", \"type\": \"bigint\", \"generator\": {\"kind\": \"expression\", "
        "\"expression\": \"b + 1\"}},"
        "{\"name\": \"b\", \"type\": \"bigint\", \"generator\": {\"kind\": \"expression\", "
        "\"expression\": \"a * 2\"}}]}]}";
    const Diagnostics d = SchemaIO::validate(json);
    bool found = false;
    for (const Diagnostic &item : d.items())
        found = found || item.message.contains(QStringLiteral("depends on itself"));
    QVERIFY2(found, qPrintable(d.toString()));
}

QTEST_GUILESS_MAIN(TestExpressionCheck)
#include "test_expressioncheck.moc"
