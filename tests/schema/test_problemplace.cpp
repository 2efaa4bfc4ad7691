// Problems in the user's words: a JSON path read as `table.column: rest`, falling back to the
// path when the schema has no such table or column.

#include "schema/problemplace.h"

#include <QTest>

using namespace spillway;

namespace {

ColumnSpec column(const char *name)
{
    ColumnSpec c;
    c.name = QString::fromLatin1(name);
    c.sqlType = QStringLiteral("integer");
    return c;
}

Schema twoTables()
{
    Schema s;
    TableSpec users;
    users.name = QStringLiteral("users");
    users.columns.append(column("id"));
    TableSpec reviews;
    reviews.name = QStringLiteral("reviews");
    for (const char *name : {"id", "user_id", "", "rating"})
        reviews.columns.append(column(name));
    TableSpec unnamed;
    s.tables = {users, reviews, unnamed};
    return s;
}

} // namespace

class TestProblemPlace : public QObject
{
    Q_OBJECT

private slots:
    void names_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("table");
        QTest::addColumn<int>("column");
        auto row = [](const char *tag, const char *path, const char *expected, int t, int c) {
            QTest::newRow(tag) << QString::fromLatin1(path) << QString::fromUtf8(expected) << t
                               << c;
        };
        row("parameter", "tables[1].columns[3].generator.max", "reviews.rating: generator.max", 1,
            3);
        row("column itself", "tables[1].columns[3]", "reviews.rating", 1, 3);
        row("column field", "tables[0].columns[0].unique", "users.id: unique", 0, 0);
        row("table field", "tables[1].rows", "reviews: rows", 1, -1);
        row("fan-out", "tables[1].rowsPerParent.count.max", "reviews: rowsPerParent.count.max", 1,
            -1);
        row("table itself", "tables[0]", "users", 0, -1);
        row("table's column list", "tables[1].columns", "reviews: columns", 1, -1);
        row("element index kept", "tables[1].columns[3].generator.values[2]",
            "reviews.rating: generator.values[2]", 1, 3);
        row("unnamed column", "tables[1].columns[2].type", "reviews.columns[2]: type", 1, 2);
        row("unnamed table", "tables[2].name", "tables[2]: name", 2, -1);
        row("table out of range", "tables[7].columns[0].generator.max",
            "tables[7].columns[0].generator.max", -1, -1);
        row("column out of range", "tables[1].columns[9].generator",
            "tables[1].columns[9].generator", -1, -1);
        row("document field", "seed", "seed", -1, -1);
        row("document", "", "schema", -1, -1);
        row("not an index", "tables[x].rows", "tables[x].rows", -1, -1);
        row("huge index", "tables[99999999999999999999].rows", "tables[99999999999999999999].rows",
            -1, -1);
    }
    void names()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QFETCH(int, table);
        QFETCH(int, column);
        const Schema schema = twoTables();
        QCOMPARE(ProblemPlace::name(schema, path), expected);
        const ProblemPlace place = ProblemPlace::locate(schema, path);
        QCOMPARE(place.table, table);
        QCOMPARE(place.column, column);
    }

    void describeAddsPositionAndMessage()
    {
        const Schema schema = twoTables();
        QCOMPARE(
            ProblemPlace::describe(schema, {QStringLiteral("tables[1].columns[3].generator.max"),
                                            QStringLiteral("'max' (3) is below 'min' (9)")}),
            QStringLiteral("reviews.rating: generator.max: 'max' (3) is below 'min' (9)"));
        QCOMPARE(
            ProblemPlace::describe(schema, {QString(), QStringLiteral("unexpected '}'"), 4, 17}),
            QStringLiteral("schema (line 4, column 17): unexpected '}'"));
    }
};

QTEST_GUILESS_MAIN(TestProblemPlace)
#include "test_problemplace.moc"
