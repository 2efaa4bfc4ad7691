// Re-importing a database into an edited document: new tables and columns arrive, dropped
// columns go, types and keys follow the source, and the user's generators, null fractions, row
// counts and hidden helper columns stay. Unreviewed guesses are refreshed. Every difference is
// reported.

#include "schema/importmerge.h"
#include "schema/schemaio.h"

#include <QTest>

using namespace spillway;

namespace {

ColumnSpec column(const QString &name, const QString &type, const QString &kind)
{
    ColumnSpec c;
    c.name = name;
    c.sqlType = type;
    c.generator = QJsonObject{{QStringLiteral("kind"), kind}};
    return c;
}

// What the import of the database gives today.
Schema imported()
{
    Schema s;
    TableSpec orders;
    orders.name = QStringLiteral("orders");
    orders.rows = 500;
    orders.columns = {
        column(QStringLiteral("id"), QStringLiteral("bigint"), QStringLiteral("sequence")),
        column(QStringLiteral("email"), QStringLiteral("text"), QStringLiteral("email")),
        column(QStringLiteral("total"), QStringLiteral("numeric(12,2)"), QStringLiteral("decimal")),
        column(QStringLiteral("placed_at"), QStringLiteral("timestamptz"),
               QStringLiteral("timestamp"))};
    orders.columns[0].primaryKey = true;
    orders.columns[1].guessed = QStringLiteral("name 'email'");
    orders.primaryKey = {};
    TableSpec tags;
    tags.name = QStringLiteral("tags");
    tags.rows = 10;
    tags.columns = {column(QStringLiteral("tag"), QStringLiteral("text"), QStringLiteral("word"))};
    s.tables = {orders, tags};
    return s;
}

// The user's document: imported earlier, then edited.
Schema edited()
{
    Schema s;
    s.name = QStringLiteral("mine");
    s.seed = 7;
    TableSpec orders;
    orders.name = QStringLiteral("orders");
    orders.rows = 1000000;
    orders.columns = {
        column(QStringLiteral("id"), QStringLiteral("bigint"), QStringLiteral("sequence")),
        column(QStringLiteral("email"), QStringLiteral("text"), QStringLiteral("template")),
        column(QStringLiteral("total"), QStringLiteral("numeric(10,2)"),
               QStringLiteral("expression")),
        column(QStringLiteral("helper"), QStringLiteral("integer"), QStringLiteral("uniform")),
        column(QStringLiteral("legacy"), QStringLiteral("text"), QStringLiteral("word"))};
    orders.columns[0].primaryKey = true;
    orders.columns[1].guessed = QStringLiteral("name 'email'");
    orders.columns[2].nullFraction = 0.1;
    orders.columns[3].hidden = true;
    TableSpec notes;
    notes.name = QStringLiteral("notes");
    notes.rows = 5;
    notes.columns = {
        column(QStringLiteral("body"), QStringLiteral("text"), QStringLiteral("sentence"))};
    s.tables = {orders, notes};
    return s;
}

bool hasChange(const QList<ImportChange> &changes, ImportChange::Kind kind, const QString &table,
               const QString &column = {})
{
    for (const ImportChange &c : changes) {
        if (c.kind == kind && c.table == table && c.column == column)
            return true;
    }
    return false;
}

} // namespace

class TestImportMerge : public QObject
{
    Q_OBJECT

private slots:
    void keepsEditsAndFollowsTheSource()
    {
        const ImportMerge m = ImportMerge::merge(edited(), imported());
        const Schema &s = m.merged;
        QCOMPARE(s.name, QStringLiteral("mine"));
        QCOMPARE(s.seed, uint64_t(7));
        QCOMPARE(s.tables.size(), 3);
        const TableSpec &orders = s.tables[0];
        QCOMPARE(orders.rows.value_or(0), int64_t(1000000)); // the user's row count stays
        QStringList names;
        for (const ColumnSpec &c : orders.columns)
            names.append(c.name);
        QCOMPARE(names, (QStringList{QStringLiteral("id"), QStringLiteral("email"),
                                     QStringLiteral("total"), QStringLiteral("helper"),
                                     QStringLiteral("placed_at")}));
        // The user's generator stays, the type follows the source.
        QCOMPARE(orders.columns[2].generator.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("expression"));
        QCOMPARE(orders.columns[2].sqlType, QStringLiteral("numeric(12,2)"));
        QCOMPARE(orders.columns[2].nullFraction, 0.0);
        // An unreviewed guess is replaced by the fresh one.
        QCOMPARE(orders.columns[1].generator.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("email"));
        QVERIFY(orders.columns[3].hidden);
        QCOMPARE(s.tables[1].name, QStringLiteral("tags"));
        QCOMPARE(s.tables[2].name, QStringLiteral("notes"));

        const QList<ImportChange> &c = m.changes;
        QVERIFY(hasChange(c, ImportChange::Kind::ColumnAdded, QStringLiteral("orders"),
                          QStringLiteral("placed_at")));
        QVERIFY(hasChange(c, ImportChange::Kind::ColumnRemoved, QStringLiteral("orders"),
                          QStringLiteral("legacy")));
        QVERIFY(hasChange(c, ImportChange::Kind::TypeChanged, QStringLiteral("orders"),
                          QStringLiteral("total")));
        QVERIFY(hasChange(c, ImportChange::Kind::NullsChanged, QStringLiteral("orders"),
                          QStringLiteral("total")));
        QVERIFY(hasChange(c, ImportChange::Kind::GuessRefreshed, QStringLiteral("orders"),
                          QStringLiteral("email")));
        QVERIFY(hasChange(c, ImportChange::Kind::TableAdded, QStringLiteral("tags")));
        QVERIFY(hasChange(c, ImportChange::Kind::TableKept, QStringLiteral("notes")));
        QVERIFY(!hasChange(c, ImportChange::Kind::KeysChanged, QStringLiteral("orders")));
        for (const ImportChange &change : c)
            QVERIFY(change.describe().startsWith(change.table));
    }

    void reviewedColumnsAreNotReplaced()
    {
        Schema mine = edited();
        mine.tables[0].columns[1].guessed.clear(); // the user reviewed it
        const ImportMerge m = ImportMerge::merge(mine, imported());
        QCOMPARE(m.merged.tables[0].columns[1].generator.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("template"));
        QVERIFY(!hasChange(m.changes, ImportChange::Kind::GuessRefreshed, QStringLiteral("orders"),
                           QStringLiteral("email")));
    }

    void keysFollowTheSource()
    {
        Schema fresh = imported();
        fresh.tables[0].unique = {{QStringLiteral("email"), QStringLiteral("placed_at")}};
        const ImportMerge m = ImportMerge::merge(edited(), fresh);
        QCOMPARE(m.merged.tables[0].unique, fresh.tables[0].unique);
        QVERIFY(hasChange(m.changes, ImportChange::Kind::KeysChanged, QStringLiteral("orders")));
    }

    void sameDocumentMergesToItself()
    {
        const Schema s = imported();
        const ImportMerge m = ImportMerge::merge(s, s);
        QVERIFY(m.changes.isEmpty());
        QCOMPARE(SchemaIO::toBytes(m.merged), SchemaIO::toBytes(s));
    }
};

QTEST_GUILESS_MAIN(TestImportMerge)
#include "test_importmerge.moc"
