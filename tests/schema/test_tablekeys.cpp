// Table-level keys: composite primary keys, unique constraints and foreign keys. What cannot be
// guaranteed by construction is refused at its JSON path with the reason; what is accepted
// survives a save and a load and becomes PRIMARY KEY (a, b), UNIQUE (a, b) and FOREIGN KEY
// (a, b) REFERENCES t (x, y) in the DDL; a run whose row counts break a distinct draw is refused
// before anything is generated.

#include "run/plan.h"
#include "schema/compiledschema.h"
#include "schema/ddl.h"
#include "schema/problemplace.h"
#include "schema/schemaio.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace spillway;

namespace {

const QString kKeys = QStringLiteral(SPILLWAY_KEYS_SCHEMA);

QJsonObject keysDocument()
{
    QFile file(kKeys);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The keys document with `edit` applied to table `table` (its JSON object).
QByteArray edited(const QString &table, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = keysDocument();
    QJsonArray tables = root.value(QStringLiteral("tables")).toArray();
    for (int i = 0; i < tables.size(); ++i) {
        QJsonObject t = tables[i].toObject();
        if (t.value(QStringLiteral("name")).toString() == table) {
            edit(t);
            tables[i] = t;
        }
    }
    root.insert(QStringLiteral("tables"), tables);
    return QJsonDocument(root).toJson();
}

// Sets generator parameter `key` of column `column` (a null value removes it).
void setParam(QJsonObject &table, const QString &column, const QString &key,
              const QJsonValue &value)
{
    QJsonArray columns = table.value(QStringLiteral("columns")).toArray();
    for (int i = 0; i < columns.size(); ++i) {
        QJsonObject c = columns[i].toObject();
        if (c.value(QStringLiteral("name")).toString() != column)
            continue;
        QJsonObject g = c.value(QStringLiteral("generator")).toObject();
        if (value.isNull())
            g.remove(key);
        else
            g.insert(key, value);
        c.insert(QStringLiteral("generator"), g);
        columns[i] = c;
    }
    table.insert(QStringLiteral("columns"), columns);
}

QStringList list(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *name : names)
        out.append(QString::fromLatin1(name));
    return out;
}

QJsonArray names(std::initializer_list<const char *> columns)
{
    return QJsonArray::fromStringList(list(columns));
}

// A list of one key: [["a", "b"]].
QJsonArray oneKey(std::initializer_list<const char *> columns)
{
    QJsonArray keys;
    keys.append(names(columns));
    return keys;
}

std::shared_ptr<CompiledSchema> compile(const QByteArray &json, Diagnostics &d)
{
    const auto schema = SchemaIO::parse(json, d);
    return schema ? CompiledSchema::compile(*schema, d) : nullptr;
}

bool hasProblem(const Diagnostics &d, const QString &path, const QString &fragment)
{
    for (const Diagnostic &p : d.items()) {
        if (p.path == path && p.message.contains(fragment))
            return true;
    }
    return false;
}

} // namespace

class TestTableKeys : public QObject
{
    Q_OBJECT

private slots:
    void acceptedAndRoundTrips();
    void refusals_data();
    void refusals();
    void placeInUserWords();
    void ddlDeclaresKeys();
    void distinctDrawsAreCheckedByThePlan_data();
    void distinctDrawsAreCheckedByThePlan();
    void pairsAreCheckedByThePlan_data();
    void pairsAreCheckedByThePlan();
};

void TestTableKeys::acceptedAndRoundTrips()
{
    QFile file(kKeys);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Diagnostics d;
    const auto schema = SchemaIO::parse(file.readAll(), d);
    QVERIFY2(schema, qPrintable(d.toString()));
    QVERIFY2(CompiledSchema::compile(*schema, d), qPrintable(d.toString()));
    const TableSpec *filmActor = schema->table(QStringLiteral("film_actor"));
    QCOMPARE(filmActor->primaryKey, list({"film_id", "actor_id"}));
    QCOMPARE(filmActor->unique.size(), 1);
    const TableSpec *picks = schema->table(QStringLiteral("picks"));
    QCOMPARE(picks->foreignKeys.size(), 1);
    QCOMPARE(picks->foreignKeys.front().table, QStringLiteral("stock"));
    QCOMPARE(picks->foreignKeys.front().referencedColumns, list({"warehouse", "item"}));
    // Saved and read back, the keys are the same and the document's hash too.
    const auto again = SchemaIO::parse(SchemaIO::toBytes(*schema), d);
    QVERIFY(again);
    QCOMPARE(SchemaIO::toJson(*again), SchemaIO::toJson(*schema));
    QCOMPARE(again->table(QStringLiteral("stock"))->unique,
             QList<QStringList>{list({"item", "bin"})});
    QCOMPARE(SchemaIO::hash(*again), SchemaIO::hash(*schema));
}

void TestTableKeys::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fragment");
    const QString fa = QStringLiteral("tables[2]"); // film_actor
    QTest::newRow("pair of independent columns")
        << edited(QStringLiteral("stock"),
                  [](QJsonObject &t) {
                      t.insert(QStringLiteral("unique"), oneKey({"warehouse", "bin"}));
                  })
        << QStringLiteral("tables[3].unique[0]")
        << QStringLiteral("stock (warehouse, bin) cannot be guaranteed unique: a key is unique "
                          "by construction when one of its columns is unique itself, or it "
                          "holds the 'parent' column with an 'ordinal' or with a reference that "
                          "has \"distinct\": true, or it holds two references drawn as "
                          "\"pairs\" (other pairs of columns are not supported); put a column "
                          "that is unique itself");
    QTest::newRow("parent + reference drawn with replacement")
        << edited(QStringLiteral("film_actor"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("actor_id"), QStringLiteral("distinct"),
                               QJsonValue::Null);
                  })
        << fa + QStringLiteral(".primaryKey")
        << QStringLiteral("give film_actor.actor_id \"distinct\": true");
    QTest::newRow("parent alone with a plain column")
        << edited(QStringLiteral("film_actor"),
                  [](QJsonObject &t) {
                      t.remove(QStringLiteral("unique"));
                      setParam(t, QStringLiteral("billing"), QStringLiteral("kind"),
                               QStringLiteral("uniform"));
                      setParam(t, QStringLiteral("billing"), QStringLiteral("min"), 1);
                      setParam(t, QStringLiteral("billing"), QStringLiteral("max"), 9);
                      t.insert(QStringLiteral("unique"), oneKey({"film_id", "billing"}));
                  })
        << fa + QStringLiteral(".unique[0]") << QStringLiteral("add an 'ordinal' column");
    QTest::newRow("more children than referenced rows")
        << edited(QStringLiteral("actors"),
                  [](QJsonObject &t) { t.insert(QStringLiteral("rows"), 10); })
        << fa + QStringLiteral(".columns[1].generator.distinct")
        << QStringLiteral("film_actor.actor_id: films can have up to 40 film_actor, but actors "
                          "has 10 rows: 40 distinct values cannot be drawn from 10; lower the "
                          "fan-out's 'max' or give 'actors' more rows");
    QTest::newRow("distinct in a root table")
        << edited(QStringLiteral("picks"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("item"), QStringLiteral("distribution"),
                               QJsonValue::Null);
                      setParam(t, QStringLiteral("item"), QStringLiteral("s"), QJsonValue::Null);
                      setParam(t, QStringLiteral("item"), QStringLiteral("distinct"), true);
                  })
        << QStringLiteral("tables[4].columns[1].generator.distinct")
        << QStringLiteral("give table 'picks' a 'rowsPerParent' fan-out");
    QTest::newRow("distinct inside a json object")
        << edited(QStringLiteral("film_actor"),
                  [](QJsonObject &t) {
                      QJsonArray columns = t.value(QStringLiteral("columns")).toArray();
                      const QJsonObject reference{
                          {QStringLiteral("kind"), QStringLiteral("reference")},
                          {QStringLiteral("table"), QStringLiteral("actors")},
                          {QStringLiteral("column"), QStringLiteral("actor_id")},
                          {QStringLiteral("distinct"), true}};
                      columns.append(QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("meta")},
                          {QStringLiteral("type"), QStringLiteral("jsonb")},
                          {QStringLiteral("generator"),
                           QJsonObject{{QStringLiteral("kind"), QStringLiteral("json")},
                                       {QStringLiteral("fields"),
                                        QJsonObject{{QStringLiteral("a"), reference}}}}}});
                      t.insert(QStringLiteral("columns"), columns);
                  })
        << fa + QStringLiteral(".columns[3].generator.fields.a.distinct")
        << QStringLiteral("move this reference out of the json object");
    QTest::newRow("unknown key column")
        << edited(QStringLiteral("film_actor"),
                  [](QJsonObject &t) {
                      t.insert(QStringLiteral("primaryKey"), names({"film_id", "actorid"}));
                  })
        << fa + QStringLiteral(".primaryKey[1]")
        << QStringLiteral("table 'film_actor' has no column 'actorid'; did you mean 'actor_id'?");
    QTest::newRow("one column")
        << edited(
               QStringLiteral("film_actor"),
               [](QJsonObject &t) { t.insert(QStringLiteral("primaryKey"), names({"film_id"})); })
        << fa + QStringLiteral(".primaryKey")
        << QStringLiteral("for one column, set \"primaryKey\" or \"unique\" on the column");
    QTest::newRow("two primary keys")
        << edited(QStringLiteral("stock"),
                  [](QJsonObject &t) {
                      QJsonArray columns = t.value(QStringLiteral("columns")).toArray();
                      QJsonObject item = columns[1].toObject();
                      item.insert(QStringLiteral("primaryKey"), true);
                      columns[1] = item;
                      t.insert(QStringLiteral("columns"), columns);
                  })
        << QStringLiteral("tables[3].primaryKey")
        << QStringLiteral("stock.item is marked \"primaryKey\" and the table names a "
                          "'primaryKey' too; a table has one primary key: keep one");
    QTest::newRow("repeated key")
        << edited(QStringLiteral("stock"),
                  [](QJsonObject &t) {
                      t.insert(QStringLiteral("unique"), oneKey({"item", "warehouse"}));
                  })
        << QStringLiteral("tables[3].unique[0]")
        << QStringLiteral("stock (item, warehouse) is already a key of the table");
    QTest::newRow("nullable primary key column")
        << edited(QStringLiteral("stock"),
                  [](QJsonObject &t) {
                      QJsonArray columns = t.value(QStringLiteral("columns")).toArray();
                      QJsonObject w = columns[0].toObject();
                      w.insert(QStringLiteral("nullFraction"), 0.1);
                      columns[0] = w;
                      t.insert(QStringLiteral("columns"), columns);
                  })
        << QStringLiteral("tables[3].primaryKey[0]")
        << QStringLiteral("stock.warehouse is part of the primary key, so it cannot be null");
    const QString fk = QStringLiteral("tables[4].foreignKeys[0]");
    QTest::newRow("foreign key: rows picked independently")
        << edited(QStringLiteral("picks"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("warehouse"), QStringLiteral("row"),
                               QJsonValue::Null);
                  })
        << fk
        << QStringLiteral("picks (warehouse, item) pick their rows independently, so the "
                          "combination need not exist: let one column pick the row of 'stock' "
                          "and give the others \"row\": \"item\"");
    QTest::newRow("foreign key: not a key of the target")
        << edited(QStringLiteral("picks"),
                  [](QJsonObject &t) {
                      t.insert(QStringLiteral("foreignKeys"),
                               QJsonArray{QJsonObject{
                                   {QStringLiteral("columns"), names({"warehouse", "item"})},
                                   {QStringLiteral("references"),
                                    QJsonObject{{QStringLiteral("table"), QStringLiteral("stock")},
                                                {QStringLiteral("columns"),
                                                 names({"warehouse", "bin"})}}}}});
                  })
        << fk + QStringLiteral(".references.columns")
        << QStringLiteral("stock (warehouse, bin) is neither its 'primaryKey' nor one of its "
                          "'unique' keys");
    QTest::newRow("foreign key: column is no reference to its counterpart")
        << edited(QStringLiteral("picks"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("warehouse"), QStringLiteral("column"),
                               QStringLiteral("bin"));
                  })
        << fk + QStringLiteral(".columns[0]")
        << QStringLiteral("picks.warehouse must be a reference to stock.warehouse");
    QTest::newRow("foreign key: unknown table")
        << edited(QStringLiteral("picks"),
                  [](QJsonObject &t) {
                      QJsonArray fks = t.value(QStringLiteral("foreignKeys")).toArray();
                      QJsonObject f = fks[0].toObject();
                      f.insert(
                          QStringLiteral("references"),
                          QJsonObject{{QStringLiteral("table"), QStringLiteral("stocks")},
                                      {QStringLiteral("columns"), names({"warehouse", "item"})}});
                      fks[0] = f;
                      t.insert(QStringLiteral("foreignKeys"), fks);
                  })
        << fk + QStringLiteral(".references.table")
        << QStringLiteral("table 'stocks' does not exist; did you mean 'stock'?");
    QTest::newRow("row of a column that is no reference")
        << edited(QStringLiteral("picks"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("warehouse"), QStringLiteral("row"),
                               QStringLiteral("id"));
                  })
        << QStringLiteral("tables[4].columns[2].generator.row")
        << QStringLiteral("'id' is not a reference, so it picks no row");
    QTest::newRow("shared row with its own distribution")
        << edited(QStringLiteral("picks"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("warehouse"), QStringLiteral("distribution"),
                               QStringLiteral("uniform"));
                  })
        << QStringLiteral("tables[4].columns[2].generator.distribution")
        << QStringLiteral("the row comes from 'item', which says how it is drawn");
    const QString reviews = QStringLiteral("tables[5].columns[%1].generator.pairs");
    QTest::newRow("pairs: more rows than pairs")
        << edited(QStringLiteral("reviews"),
                  [](QJsonObject &t) { t.insert(QStringLiteral("rows"), 200001); })
        << reviews.arg(0)
        << QStringLiteral("reviews.film_id: (film_id, critic_id) draws 200001 rows without "
                          "repeating a pair, but 5000 × 40 rows of 'films' and 'actors' make "
                          "only 200000 pairs");
    QTest::newRow("pairs: partner does not name it back")
        << edited(QStringLiteral("reviews"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("critic_id"), QStringLiteral("pairs"),
                               QJsonValue::Null);
                  })
        << reviews.arg(0)
        << QStringLiteral("'critic_id' must name this column back: give it \"pairs\": "
                          "\"film_id\"");
    QTest::newRow("pairs: with a distribution")
        << edited(QStringLiteral("reviews"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("film_id"), QStringLiteral("distribution"),
                               QStringLiteral("zipf"));
                  })
        << QStringLiteral("tables[5].columns[0].generator.distribution")
        << QStringLiteral("a pair is drawn from a permutation of all row pairs: drop "
                          "'distribution' here");
    QTest::newRow("pairs: in a child table")
        << edited(QStringLiteral("film_actor"),
                  [](QJsonObject &t) {
                      setParam(t, QStringLiteral("actor_id"), QStringLiteral("distinct"),
                               QJsonValue::Null);
                      setParam(t, QStringLiteral("actor_id"), QStringLiteral("pairs"),
                               QStringLiteral("billing"));
                  })
        << fa + QStringLiteral(".columns[1].generator.pairs")
        << QStringLiteral("'billing' is not a reference");
    QTest::newRow("malformed primaryKey")
        << edited(QStringLiteral("stock"),
                  [](QJsonObject &t) { t.insert(QStringLiteral("primaryKey"), 3); })
        << QStringLiteral("tables[3].primaryKey")
        << QStringLiteral("'primaryKey' must be an array of column names");
}

void TestTableKeys::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, fragment);
    Diagnostics d;
    QVERIFY(!compile(json, d));
    QVERIFY2(hasProblem(d, path, fragment), qPrintable(d.toString()));
}

void TestTableKeys::placeInUserWords()
{
    const QByteArray json = edited(QStringLiteral("actors"),
                                   [](QJsonObject &t) { t.insert(QStringLiteral("rows"), 10); });
    Diagnostics d;
    const auto schema = SchemaIO::parse(json, d);
    QVERIFY(schema);
    QVERIFY(!CompiledSchema::compile(*schema, d));
    QVERIFY(!d.items().isEmpty());
    QVERIFY2(ProblemPlace::describe(*schema, d.items().front())
                 .startsWith(QStringLiteral("film_actor.actor_id: generator.distinct: "
                                            "film_actor.actor_id: films can have up to 40")),
             qPrintable(ProblemPlace::describe(*schema, d.items().front())));
}

void TestTableKeys::ddlDeclaresKeys()
{
    QFile file(kKeys);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Diagnostics d;
    const auto compiled = compile(file.readAll(), d);
    QVERIFY2(compiled, qPrintable(d.toString()));
    const QString ddl = Ddl::script(*compiled, DdlOptions());
    QVERIFY2(ddl.contains(QStringLiteral("CREATE TABLE \"film_actor\" (\n"
                                         "    \"film_id\" bigint NOT NULL,\n"
                                         "    \"actor_id\" bigint NOT NULL,\n"
                                         "    \"billing\" integer,\n"
                                         "    PRIMARY KEY (\"film_id\", \"actor_id\")\n);")),
             qPrintable(ddl));
    QVERIFY2(ddl.contains(QStringLiteral("ALTER TABLE \"film_actor\" ADD CONSTRAINT "
                                         "\"film_actor_film_id_billing_key\" UNIQUE "
                                         "(\"film_id\", \"billing\");")),
             qPrintable(ddl));
    QVERIFY2(ddl.contains(QStringLiteral("ALTER TABLE \"picks\" ADD CONSTRAINT "
                                         "\"picks_warehouse_item_fkey\" FOREIGN KEY "
                                         "(\"warehouse\", \"item\") REFERENCES \"stock\" "
                                         "(\"warehouse\", \"item\");")),
             qPrintable(ddl));
    // The column read from the shared row has no foreign key of its own (stock.warehouse is
    // not unique); the row's picker keeps its own to the unique stock.item.
    QVERIFY(!ddl.contains(QStringLiteral("\"picks_warehouse_fkey\"")));
    QVERIFY(ddl.contains(QStringLiteral("\"picks_item_fkey\" FOREIGN KEY (\"item\")")));
    QVERIFY(ddl.contains(QStringLiteral("\"film_actor_film_id_fkey\" FOREIGN KEY (\"film_id\")")));
    // Constraints created after the load come after the keys they reference.
    QVERIFY(ddl.indexOf(QStringLiteral("\"stock_item_bin_key\"")) <
            ddl.indexOf(QStringLiteral("\"picks_warehouse_item_fkey\"")));
}

void TestTableKeys::distinctDrawsAreCheckedByThePlan_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<QString>("fragment"); // empty: accepted
    QTest::newRow("as declared") << 1.0 << QString();
    QTest::newRow("--scale 2") << 2.0 << QString();
    QTest::newRow("--scale 0.5")
        << 0.5
        << QStringLiteral("films can have up to 40 film_actor, but actors has 20 rows: 40 "
                          "distinct values cannot be drawn from 20");
}

void TestTableKeys::distinctDrawsAreCheckedByThePlan()
{
    QFETCH(double, scale);
    QFETCH(QString, fragment);
    QFile file(kKeys);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Diagnostics d;
    const auto compiled = compile(file.readAll(), d);
    QVERIFY2(compiled, qPrintable(d.toString()));
    PlanOptions options;
    options.scale = scale;
    options.tables = {QStringLiteral("actors"), QStringLiteral("film_actor")};
    const auto plan = Plan::build(compiled, options, nullptr, d);
    QCOMPARE(bool(plan), fragment.isEmpty());
    if (!fragment.isEmpty())
        QVERIFY2(hasProblem(d, QStringLiteral("tables[2].columns[1].generator.distinct"), fragment),
                 qPrintable(d.toString()));
}

void TestTableKeys::pairsAreCheckedByThePlan_data()
{
    QTest::addColumn<int>("reviews"); // rows of reviews
    QTest::addColumn<double>("scale");
    QTest::addColumn<QString>("fragment"); // empty: accepted
    QTest::newRow("all 200000 pairs") << 200000 << 1.0 << QString();
    QTest::newRow("one row more")
        << 200001 << 1.0
        << QStringLiteral("(film_id, critic_id) draws 200001 rows without repeating a pair, but "
                          "5000 × 40 rows of 'films' and 'actors' make only 200000 pairs");
    QTest::newRow("--scale 0.1: 10000 of 500 × 4 pairs")
        << 10000 << 0.1 << QStringLiteral("draws 10000 rows without repeating a pair");
}

void TestTableKeys::pairsAreCheckedByThePlan()
{
    QFETCH(int, reviews);
    QFETCH(double, scale);
    QFETCH(QString, fragment);
    QFile file(kKeys);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Diagnostics d;
    const auto compiled = compile(file.readAll(), d);
    QVERIFY2(compiled, qPrintable(d.toString()));
    PlanOptions options;
    options.scale = scale;
    options.tableRows.insert(QStringLiteral("reviews"), uint64_t(reviews));
    options.tables = {QStringLiteral("reviews")};
    const auto plan = Plan::build(compiled, options, nullptr, d);
    QCOMPARE(bool(plan), fragment.isEmpty());
    if (!fragment.isEmpty())
        QVERIFY2(hasProblem(d, QStringLiteral("tables[5].columns[0].generator.pairs"), fragment),
                 qPrintable(d.toString()));
}

QTEST_GUILESS_MAIN(TestTableKeys)
#include "test_tablekeys.moc"
