// The importer on hand-built catalogs: types, nulls and defaults, keys, child and link tables,
// foreign keys, CHECK constraints, guesses, comments and row counts. Every document it writes
// must compile without a single problem.

#include "../testsupport.h"
#include "importsupport.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace spillway;
using namespace spillway::test;
using namespace Qt::StringLiterals;

class TestImporter : public QObject
{
    Q_OBJECT

private slots:
    void typesFitTheColumn();
    void enumsDomainsAndOtherTypes();
    void nullsAndDefaults();
    void keys();
    void keysKeepChecks();
    void oneToOneAndUniqueEmails();
    void childAndLinkTables();
    void fanOutFromStatistics();
    void foreignKeys();
    void checkRanges();
    void checkChoicesAndPatterns();
    void checkBetweenColumns();
    void checkNotUnderstood();
    void checkValuesHold();
    void guesses();
    void guessesRespectLength();
    void commentsAndRows();
    void guessedRoundTrips();
    void twoHundredTables();
};

void TestImporter::typesFitTheColumn()
{
    const auto r = importTables(
        {table(QStringLiteral("t"), 100,
               {col(QStringLiteral("a"), QStringLiteral("numeric(6,2)")),
                col(QStringLiteral("b"), QStringLiteral("character varying(5)")),
                col(QStringLiteral("c"), QStringLiteral("character(2)")),
                col(QStringLiteral("d"), QStringLiteral("smallint")),
                col(QStringLiteral("e"), QStringLiteral("timestamp with time zone")),
                col(QStringLiteral("f"), QStringLiteral("jsonb")),
                col(QStringLiteral("g"), QStringLiteral("inet")),
                col(QStringLiteral("h"), QStringLiteral("uuid")),
                col(QStringLiteral("i"), QStringLiteral("bytea")),
                col(QStringLiteral("j"), QStringLiteral("interval")),
                col(QStringLiteral("k"), QStringLiteral("integer[]")),
                col(QStringLiteral("l"), QStringLiteral("timestamp(3) without time zone")),
                col(QStringLiteral("m"), QStringLiteral("boolean")),
                col(QStringLiteral("n"), QStringLiteral("date"))})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QCOMPARE(columnOf(doc, u"t"_s, u"a"_s).value(u"type"_s).toString(),
             QStringLiteral("numeric(6,2)"));
    QCOMPARE(kindOf(doc, u"t"_s, u"a"_s), QStringLiteral("decimal"));
    QVERIFY(generatorOf(doc, u"t"_s, u"a"_s).value(u"max"_s).toDouble() <= 9999.99);
    QCOMPARE(generatorOf(doc, u"t"_s, u"a"_s).value(u"scale"_s).toInt(), 2);
    QCOMPARE(columnOf(doc, u"t"_s, u"b"_s).value(u"type"_s).toString(),
             QStringLiteral("character varying(5)"));
    QVERIFY(generatorOf(doc, u"t"_s, u"b"_s).value(u"maxLength"_s).toInt() <= 5);
    QCOMPARE(generatorOf(doc, u"t"_s, u"c"_s).value(u"pattern"_s).toString(),
             QStringLiteral("[A-Z]{2}"));
    QVERIFY(generatorOf(doc, u"t"_s, u"d"_s).value(u"max"_s).toInt() <= 32767);
    QCOMPARE(kindOf(doc, u"t"_s, u"e"_s), QStringLiteral("timestamptz"));
    QCOMPARE(columnOf(doc, u"t"_s, u"e"_s).value(u"type"_s).toString(),
             QStringLiteral("timestamp with time zone"));
    QCOMPARE(kindOf(doc, u"t"_s, u"f"_s), QStringLiteral("json"));
    QCOMPARE(kindOf(doc, u"t"_s, u"g"_s), QStringLiteral("ipv4"));
    QCOMPARE(kindOf(doc, u"t"_s, u"h"_s), QStringLiteral("uuid"));
    QCOMPARE(kindOf(doc, u"t"_s, u"i"_s), QStringLiteral("bytes"));
    QCOMPARE(kindOf(doc, u"t"_s, u"j"_s), QStringLiteral("interval"));
    QCOMPARE(kindOf(doc, u"t"_s, u"k"_s), QStringLiteral("array"));
    QCOMPARE(
        generatorOf(doc, u"t"_s, u"k"_s).value(u"element"_s).toObject().value(u"kind"_s).toString(),
        QStringLiteral("uniform"));
    QCOMPARE(generatorOf(doc, u"t"_s, u"l"_s).value(u"precision"_s).toInt(), 3);
    QCOMPARE(kindOf(doc, u"t"_s, u"m"_s), QStringLiteral("boolean"));
    QCOMPARE(kindOf(doc, u"t"_s, u"n"_s), QStringLiteral("date"));
    QVERIFY(notesOf(r, u"t"_s, u"f"_s, u"fallback"_s).contains(u"jsonb"_s));
}

void TestImporter::enumsDomainsAndOtherTypes()
{
    CatalogColumn mood = col(QStringLiteral("mood"), QStringLiteral("mood"), true);
    mood.typeKind = QStringLiteral("e");
    mood.enumLabels =
        QStringList{QStringLiteral("sad"), QStringLiteral("ok"), QStringLiteral("happy")};
    CatalogColumn code = col(QStringLiteral("code"), QStringLiteral("product_code"), true);
    code.typeKind = QStringLiteral("d");
    code.baseType = QStringLiteral("text");
    code.domainChecks =
        QStringList{QStringLiteral("CHECK ((VALUE ~ '^[A-Z]{3}-[0-9]{5}$'::text))")};
    CatalogColumn positive = col(QStringLiteral("n"), QStringLiteral("positive_int"), true);
    positive.typeKind = QStringLiteral("d");
    positive.baseType = QStringLiteral("integer");
    positive.domainChecks = QStringList{QStringLiteral("CHECK ((VALUE > 0))")};
    const auto r = importTables(
        {table(QStringLiteral("t"), 100,
               {mood, code, positive, col(QStringLiteral("span"), QStringLiteral("tsrange")),
                col(QStringLiteral("shape"), QStringLiteral("geometry(Point,4326)"))})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QCOMPARE(kindOf(doc, u"t"_s, u"mood"_s), QStringLiteral("choice"));
    QCOMPARE(generatorOf(doc, u"t"_s, u"mood"_s).value(u"values"_s).toArray().size(), 3);
    QCOMPARE(columnOf(doc, u"t"_s, u"mood"_s).value(u"type"_s).toString(), QStringLiteral("text"));
    QVERIFY(notesOf(r, u"t"_s, u"mood"_s, u"fallback"_s).contains(u"enum mood"_s));
    QCOMPARE(columnOf(doc, u"t"_s, u"code"_s).value(u"type"_s).toString(), QStringLiteral("text"));
    QCOMPARE(generatorOf(doc, u"t"_s, u"code"_s).value(u"pattern"_s).toString(),
             QStringLiteral("[A-Z]{3}-[0-9]{5}"));
    QCOMPARE(columnOf(doc, u"t"_s, u"n"_s).value(u"type"_s).toString(), QStringLiteral("integer"));
    QCOMPARE(generatorOf(doc, u"t"_s, u"n"_s).value(u"min"_s).toInt(), 1);
    // A type without a generator: NULL in a nullable column, and said so.
    QCOMPARE(columnOf(doc, u"t"_s, u"span"_s).value(u"nullFraction"_s).toDouble(), 1.0);
    QVERIFY(notesOf(r, u"t"_s, u"span"_s, u"fallback"_s).contains(u"tsrange"_s));
    // With the geometry generators built in, a point column keeps its type and gets points.
    QCOMPARE(kindOf(doc, u"t"_s, u"shape"_s), QStringLiteral("point"));
    QCOMPARE(columnOf(doc, u"t"_s, u"shape"_s).value(u"type"_s).toString(),
             QStringLiteral("geometry(Point,4326)"));
}

void TestImporter::nullsAndDefaults()
{
    CatalogColumn identity = col(QStringLiteral("id"), QStringLiteral("bigint"), true);
    identity.identity = QStringLiteral("a");
    const auto r = importTables(
        {table(QStringLiteral("t"), 100,
               {identity,
                col(QStringLiteral("serial_no"), QStringLiteral("integer"), true,
                    QStringLiteral("nextval('t_serial_no_seq'::regclass)")),
                col(QStringLiteral("at"), QStringLiteral("timestamp without time zone"), true,
                    QStringLiteral("now()")),
                col(QStringLiteral("maybe"), QStringLiteral("integer")),
                col(QStringLiteral("surely"), QStringLiteral("integer"), true)})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QCOMPARE(kindOf(doc, u"t"_s, u"id"_s), QStringLiteral("sequence"));
    QCOMPARE(kindOf(doc, u"t"_s, u"serial_no"_s), QStringLiteral("sequence"));
    const QDateTime min = QDateTime::fromString(
        generatorOf(doc, u"t"_s, u"at"_s).value(u"min"_s).toString(), u"yyyy-MM-dd HH:mm:ss"_s);
    QVERIFY(min.isValid());
    QVERIFY(qAbs(min.daysTo(QDateTime::currentDateTime())) <= 31);
    QCOMPARE(columnOf(doc, u"t"_s, u"maybe"_s).value(u"nullFraction"_s).toDouble(), 0.05);
    QVERIFY(!columnOf(doc, u"t"_s, u"surely"_s).contains(u"nullFraction"_s));
}

void TestImporter::keys()
{
    const auto r = importTables(
        {table(QStringLiteral("t"), 5000,
               {col(QStringLiteral("id"), QStringLiteral("bigint"), true),
                col(QStringLiteral("sku"), QStringLiteral("character varying(20)"), true),
                col(QStringLiteral("a"), QStringLiteral("integer"), true),
                col(QStringLiteral("b"), QStringLiteral("integer"), true)},
               {key('p', {QStringLiteral("id")}), key('u', {QStringLiteral("sku")}),
                key('u', {QStringLiteral("a"), QStringLiteral("b")})})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QVERIFY(columnOf(doc, u"t"_s, u"id"_s).value(u"primaryKey"_s).toBool());
    QCOMPARE(kindOf(doc, u"t"_s, u"id"_s), QStringLiteral("sequence"));
    QVERIFY(columnOf(doc, u"t"_s, u"sku"_s).value(u"unique"_s).toBool());
    QCOMPARE(kindOf(doc, u"t"_s, u"sku"_s), QStringLiteral("pattern"));
    const QJsonArray unique = tableOf(doc, u"t"_s).value(u"unique"_s).toArray();
    QCOMPARE(unique.size(), 1);
    QCOMPARE(unique[0].toArray().size(), 2);
    QVERIFY(!notesOf(r, u"t"_s, u"a"_s, u"guess"_s).isEmpty()); // made distinct so (a, b) holds
}

// A unique column with a CHECK keeps the CHECK's values, distinct: the key must not break it.
void TestImporter::keysKeepChecks()
{
    CatalogColumn code = col(u"code"_s, u"sku"_s, true);
    code.typeKind = u"d"_s;
    code.baseType = u"text"_s;
    code.domainChecks = QStringList{u"CHECK ((VALUE ~ '^[A-Z]{3}-[0-9]{5}$'::text))"_s};
    const auto r = importTables({table(
        u"t"_s, 5000, {code, col(u"n"_s, u"integer"_s, true)},
        {key('u', {u"code"_s}), key('u', {u"n"_s}), check(u"n_big"_s, u"CHECK ((n >= 100))"_s)})});
    QCOMPARE(problems(r.document), QString());
    QCOMPARE(generatorOf(r.document, u"t"_s, u"code"_s).value(u"pattern"_s).toString(),
             u"[A-Z]{3}-[0-9]{5}"_s);
    QVERIFY(columnOf(r.document, u"t"_s, u"code"_s).value(u"unique"_s).toBool());
    QCOMPARE(kindOf(r.document, u"t"_s, u"n"_s), u"sequence"_s);
    QCOMPARE(generatorOf(r.document, u"t"_s, u"n"_s).value(u"start"_s).toInt(), 100);
}

void TestImporter::oneToOneAndUniqueEmails()
{
    const auto r = importTables(
        {table(u"profiles"_s, 900, {col(u"user_id"_s, u"bigint"_s, true), col(u"bio"_s, u"text"_s)},
               {key('p', {u"user_id"_s}), fk({u"user_id"_s}, u"users"_s, {u"id"_s})}),
         table(u"users"_s, 500,
               {col(u"id"_s, u"bigint"_s, true), col(u"email"_s, u"character varying(80)"_s, true)},
               {key('p', {u"id"_s}), key('u', {u"email"_s})})});
    QCOMPARE(problems(r.document), QString());
    QCOMPARE(kindOf(r.document, u"profiles"_s, u"user_id"_s), u"sequence"_s);
    QCOMPARE(tableOf(r.document, u"profiles"_s).value(u"rows"_s).toInt(),
             500); // at most one per user
    QVERIFY(columnOf(r.document, u"users"_s, u"email"_s).value(u"unique"_s).toBool());
    QVERIFY(generatorOf(r.document, u"users"_s, u"email"_s)
                .value(u"pattern"_s)
                .toString()
                .contains(u"@example"_s));
    QVERIFY(!columnOf(r.document, u"users"_s, u"email"_s).value(u"guessed"_s).toString().isEmpty());
}

QList<CatalogTable> shop()
{
    return {
        table(QStringLiteral("orders"), 1000,
              {col(QStringLiteral("id"), QStringLiteral("bigint"), true)},
              {key('p', {QStringLiteral("id")})}),
        table(QStringLiteral("order_items"), 3000,
              {col(QStringLiteral("order_id"), QStringLiteral("bigint"), true),
               col(QStringLiteral("line_no"), QStringLiteral("integer"), true),
               col(QStringLiteral("qty"), QStringLiteral("integer"), true)},
              {key('p', {QStringLiteral("order_id"), QStringLiteral("line_no")}),
               fk({QStringLiteral("order_id")}, QStringLiteral("orders"), {QStringLiteral("id")})}),
        table(QStringLiteral("films"), 200,
              {col(QStringLiteral("film_id"), QStringLiteral("integer"), true)},
              {key('p', {QStringLiteral("film_id")})}),
        table(QStringLiteral("actors"), 50,
              {col(QStringLiteral("actor_id"), QStringLiteral("integer"), true)},
              {key('p', {QStringLiteral("actor_id")})}),
        table(
            QStringLiteral("film_actor"), 1000,
            {col(QStringLiteral("film_id"), QStringLiteral("integer"), true),
             col(QStringLiteral("actor_id"), QStringLiteral("integer"), true)},
            {key('p', {QStringLiteral("film_id"), QStringLiteral("actor_id")}),
             fk({QStringLiteral("film_id")}, QStringLiteral("films"), {QStringLiteral("film_id")}),
             fk({QStringLiteral("actor_id")}, QStringLiteral("actors"),
                {QStringLiteral("actor_id")})})};
}

void TestImporter::childAndLinkTables()
{
    const auto r = importTables(shop());
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    const QJsonObject items = tableOf(doc, u"order_items"_s);
    QCOMPARE(items.value(u"rowsPerParent"_s).toObject().value(u"parent"_s).toString(),
             QStringLiteral("orders"));
    const QJsonObject count =
        items.value(u"rowsPerParent"_s).toObject().value(u"count"_s).toObject();
    QCOMPARE(count.value(u"kind"_s).toString(), QStringLiteral("uniform"));
    QCOMPARE((count.value(u"min"_s).toInt() + count.value(u"max"_s).toInt()) / 2.0,
             3.0); // 3000 / 1000
    QCOMPARE(kindOf(doc, u"order_items"_s, u"order_id"_s), QStringLiteral("parent"));
    QCOMPARE(kindOf(doc, u"order_items"_s, u"line_no"_s), QStringLiteral("ordinal"));
    QCOMPARE(items.value(u"primaryKey"_s).toArray().size(), 2);
    const QJsonObject link = tableOf(doc, u"film_actor"_s);
    QCOMPARE(link.value(u"rowsPerParent"_s).toObject().value(u"parent"_s).toString(),
             QStringLiteral("films"));
    QCOMPARE(kindOf(doc, u"film_actor"_s, u"actor_id"_s), QStringLiteral("reference"));
    QVERIFY(generatorOf(doc, u"film_actor"_s, u"actor_id"_s).value(u"distinct"_s).toBool());
    QVERIFY(link.value(u"rowsPerParent"_s)
                .toObject()
                .value(u"count"_s)
                .toObject()
                .value(u"max"_s)
                .toInt() <= 50);
    // Parents come before their children.
    QStringList order;
    for (const QJsonValue &t : doc.value(u"tables"_s).toArray())
        order.append(t.toObject().value(u"name"_s).toString());
    QVERIFY(order.indexOf(u"orders"_s) < order.indexOf(u"order_items"_s));
    QVERIFY(order.indexOf(u"actors"_s) < order.indexOf(u"film_actor"_s));
}

void TestImporter::fanOutFromStatistics()
{
    QList<CatalogTable> tables = shop();
    CatalogStats s;
    s.column = QStringLiteral("order_id");
    s.nDistinct = 400; // only 400 of 1000 orders have items
    tables[1].stats.append(s);
    ImportOptions options;
    options.profile = true;
    const auto r = importTables(tables, options);
    QCOMPARE(problems(r.document), QString());
    const QJsonObject count = tableOf(r.document, u"order_items"_s)
                                  .value(u"rowsPerParent"_s)
                                  .toObject()
                                  .value(u"count"_s)
                                  .toObject();
    QCOMPARE(count.value(u"kind"_s).toString(), QStringLiteral("poisson"));
    QCOMPARE(count.value(u"lambda"_s).toDouble(), 3.0);
}

void TestImporter::foreignKeys()
{
    const auto r = importTables(
        {table(QStringLiteral("customers"), 100,
               {col(QStringLiteral("id"), QStringLiteral("bigint"), true)},
               {key('p', {QStringLiteral("id")})}),
         table(QStringLiteral("stock"), 100,
               {col(QStringLiteral("warehouse"), QStringLiteral("integer"), true),
                col(QStringLiteral("item"), QStringLiteral("integer"), true)},
               {key('u', {QStringLiteral("warehouse"), QStringLiteral("item")})}),
         table(
             QStringLiteral("orders"), 500,
             {col(QStringLiteral("id"), QStringLiteral("bigint"), true),
              col(QStringLiteral("customer_id"), QStringLiteral("bigint"), true),
              col(QStringLiteral("parent_order"), QStringLiteral("bigint")),
              col(QStringLiteral("region_id"), QStringLiteral("integer")),
              col(QStringLiteral("warehouse"), QStringLiteral("integer"), true),
              col(QStringLiteral("item"), QStringLiteral("integer"), true)},
             {key('p', {QStringLiteral("id")}),
              fk({QStringLiteral("customer_id")}, QStringLiteral("customers"),
                 {QStringLiteral("id")}),
              fk({QStringLiteral("parent_order")}, QStringLiteral("orders"),
                 {QStringLiteral("id")}),
              fk({QStringLiteral("region_id")}, QStringLiteral("regions"), {QStringLiteral("id")}),
              fk({QStringLiteral("warehouse"), QStringLiteral("item")}, QStringLiteral("stock"),
                 {QStringLiteral("warehouse"), QStringLiteral("item")})})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QCOMPARE(generatorOf(doc, u"orders"_s, u"customer_id"_s).value(u"table"_s).toString(),
             QStringLiteral("customers"));
    QCOMPARE(columnOf(doc, u"orders"_s, u"parent_order"_s).value(u"nullFraction"_s).toDouble(),
             1.0);
    QVERIFY(notesOf(r, u"orders"_s, u"parent_order"_s, u"fallback"_s).contains(u"own table"_s));
    QCOMPARE(columnOf(doc, u"orders"_s, u"region_id"_s).value(u"nullFraction"_s).toDouble(), 1.0);
    QVERIFY(notesOf(r, u"orders"_s, u"region_id"_s, u"fallback"_s).contains(u"not imported"_s));
    QCOMPARE(tableOf(doc, u"orders"_s).value(u"foreignKeys"_s).toArray().size(), 1);
    QCOMPARE(generatorOf(doc, u"orders"_s, u"item"_s).value(u"row"_s).toString(),
             QStringLiteral("warehouse"));
}

void TestImporter::checkRanges()
{
    const auto r = importTables({table(
        QStringLiteral("t"), 100,
        {col(QStringLiteral("price"), QStringLiteral("numeric(10,2)"), true),
         col(QStringLiteral("qty"), QStringLiteral("integer"), true),
         col(QStringLiteral("rating"), QStringLiteral("smallint"), true),
         col(QStringLiteral("day"), QStringLiteral("date"), true),
         col(QStringLiteral("score"), QStringLiteral("double precision"), true)},
        {check(QStringLiteral("price_range"),
               QStringLiteral("CHECK (((price >= (0)::numeric) AND (price <= (1000)::numeric)))")),
         check(QStringLiteral("qty_positive"), QStringLiteral("CHECK ((qty > 0))")),
         check(QStringLiteral("rating_between"), QStringLiteral("CHECK (rating BETWEEN 1 AND 5)")),
         check(QStringLiteral("day_range"),
               QStringLiteral(
                   "CHECK (((day >= '2024-01-01'::date) AND (day < '2025-01-01'::date)))")),
         check(QStringLiteral("score_range"),
               QStringLiteral("CHECK (((score > ('-1'::integer)::double precision) AND (score < "
                              "(1)::double precision)))"))})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QCOMPARE(generatorOf(doc, u"t"_s, u"price"_s).value(u"min"_s).toDouble(), 0.0);
    QCOMPARE(generatorOf(doc, u"t"_s, u"price"_s).value(u"max"_s).toDouble(), 1000.0);
    QCOMPARE(generatorOf(doc, u"t"_s, u"qty"_s).value(u"min"_s).toInt(), 1);
    QCOMPARE(generatorOf(doc, u"t"_s, u"rating"_s).value(u"min"_s).toInt(), 1);
    QCOMPARE(generatorOf(doc, u"t"_s, u"rating"_s).value(u"max"_s).toInt(), 5);
    QCOMPARE(generatorOf(doc, u"t"_s, u"day"_s).value(u"max"_s).toString(),
             QStringLiteral("2024-12-31"));
    QVERIFY(generatorOf(doc, u"t"_s, u"score"_s).value(u"min"_s).toDouble() > -1);
    QVERIFY(generatorOf(doc, u"t"_s, u"score"_s).value(u"max"_s).toDouble() < 1);
    QVERIFY(notesOf(r, u"t"_s, u"qty"_s, u"check"_s).contains(u"CHECK"_s));
}

void TestImporter::checkChoicesAndPatterns()
{
    const auto r = importTables({table(
        QStringLiteral("t"), 100,
        {col(QStringLiteral("status"), QStringLiteral("text"), true),
         col(QStringLiteral("kind"), QStringLiteral("character varying(10)"), true),
         col(QStringLiteral("code"), QStringLiteral("character varying(12)"), true),
         col(QStringLiteral("tag"), QStringLiteral("text"), true)},
        {check(QStringLiteral("status_in"),
               QStringLiteral(
                   "CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text, 'it''s'::text])))")),
         check(QStringLiteral("kind_in"),
               QStringLiteral("CHECK (((kind)::text = ANY ((ARRAY['a'::character varying, "
                              "'b'::character varying])::text[])))")),
         check(QStringLiteral("code_re"),
               QStringLiteral("CHECK (((code)::text ~ '^[A-Z]{3}-[0-9]{5}$'::text))")),
         check(QStringLiteral("tag_re"), QStringLiteral("CHECK ((tag ~ '^(a)\\1$'::text))"))})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QCOMPARE(generatorOf(doc, u"t"_s, u"status"_s).value(u"values"_s).toArray(),
             QJsonArray({u"new"_s, u"paid"_s, u"it's"_s}));
    QCOMPARE(generatorOf(doc, u"t"_s, u"kind"_s).value(u"values"_s).toArray(),
             QJsonArray({u"a"_s, u"b"_s}));
    QCOMPARE(generatorOf(doc, u"t"_s, u"code"_s).value(u"pattern"_s).toString(),
             QStringLiteral("[A-Z]{3}-[0-9]{5}"));
    QVERIFY(notesOf(r, u"t"_s, u"tag"_s, u"warning"_s).contains(u"\\1"_s));
}

void TestImporter::checkBetweenColumns()
{
    const auto r = importTables({table(
        QStringLiteral("t"), 100,
        {col(QStringLiteral("ordered_at"), QStringLiteral("timestamp without time zone")),
         col(QStringLiteral("shipped_at"), QStringLiteral("timestamp without time zone"), true),
         col(QStringLiteral("low"), QStringLiteral("integer"), true),
         col(QStringLiteral("high"), QStringLiteral("integer"), true)},
        {check(QStringLiteral("shipped_after"),
               QStringLiteral("CHECK ((shipped_at >= ordered_at))")),
         check(QStringLiteral("low_below"), QStringLiteral("CHECK ((low < high))"))})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QCOMPARE(generatorOf(doc, u"t"_s, u"shipped_at"_s)
                 .value(u"after"_s)
                 .toObject()
                 .value(u"column"_s)
                 .toString(),
             QStringLiteral("ordered_at"));
    QVERIFY(
        !columnOf(doc, u"t"_s, u"ordered_at"_s).contains(u"nullFraction"_s)); // shipped_at needs it
    QCOMPARE(kindOf(doc, u"t"_s, u"high"_s), QStringLiteral("expression"));
    QCOMPARE(generatorOf(doc, u"t"_s, u"high"_s).value(u"expression"_s).toString(),
             QStringLiteral("low + 1"));
}

void TestImporter::checkNotUnderstood()
{
    const auto r = importTables(
        {table(QStringLiteral("t"), 100,
               {col(QStringLiteral("name"), QStringLiteral("text"), true),
                col(QStringLiteral("n"), QStringLiteral("integer"), true)},
               {check(QStringLiteral("name_long"),
                      QStringLiteral("CHECK ((char_length(name) > 2))"), {QStringLiteral("name")}),
                check(QStringLiteral("n_either"), QStringLiteral("CHECK (((n < 0) OR (n > 10)))"),
                      {QStringLiteral("n")})})});
    QCOMPARE(problems(r.document), QString());
    QVERIFY(notesOf(r, u"t"_s, u"name"_s, u"warning"_s).contains(u"name_long"_s));
    QVERIFY(notesOf(r, u"t"_s, u"n"_s, u"warning"_s).contains(u"n_either"_s));
}

// Generated rows satisfy what the CHECKs say.
void TestImporter::checkValuesHold()
{
    const auto r = importTables(
        {table(QStringLiteral("t"), 2000,
               {col(QStringLiteral("code"), QStringLiteral("text"), true),
                col(QStringLiteral("qty"), QStringLiteral("integer"), true)},
               {check(QStringLiteral("code_re"),
                      QStringLiteral("CHECK ((code ~ '^[A-Z]{2}[0-9]{3}(-x)?$'::text))")),
                check(QStringLiteral("qty_range"),
                      QStringLiteral("CHECK (((qty >= 10) AND (qty <= 20)))"))})});
    const auto schema = compile(QJsonDocument(r.document).toJson());
    QVERIFY(schema);
    Arena keep;
    const QRegularExpression re(QStringLiteral("^[A-Z]{2}[0-9]{3}(-x)?$"));
    for (const Value &v : values(*schema, 0, 0, 0, 2000, &keep))
        QVERIFY2(re.match(QString::fromUtf8(v.view().data(), qsizetype(v.len))).hasMatch(), v.text);
    for (const Value &v : values(*schema, 0, 1, 0, 2000))
        QVERIFY(v.i >= 10 && v.i <= 20);
}

void TestImporter::guesses()
{
    const auto r = importTables({table(
        QStringLiteral("customers"), 100,
        {col(QStringLiteral("email"), QStringLiteral("text")),
         col(QStringLiteral("first_name"), QStringLiteral("text")),
         col(QStringLiteral("last_name"), QStringLiteral("character varying(40)")),
         col(QStringLiteral("name"), QStringLiteral("text")),
         col(QStringLiteral("company"), QStringLiteral("text")),
         col(QStringLiteral("phone"), QStringLiteral("text")),
         col(QStringLiteral("country_code"), QStringLiteral("character(2)")),
         col(QStringLiteral("country"), QStringLiteral("text")),
         col(QStringLiteral("city"), QStringLiteral("text")),
         col(QStringLiteral("zip"), QStringLiteral("text")),
         col(QStringLiteral("street"), QStringLiteral("text")),
         col(QStringLiteral("ip"), QStringLiteral("inet")),
         col(QStringLiteral("website"), QStringLiteral("text")),
         col(QStringLiteral("user_agent"), QStringLiteral("text")),
         col(QStringLiteral("iban"), QStringLiteral("text")),
         col(QStringLiteral("price"), QStringLiteral("numeric(8,2)")),
         col(QStringLiteral("created_at"), QStringLiteral("timestamp with time zone"), true),
         col(QStringLiteral("updated_at"), QStringLiteral("timestamp with time zone"), true)})});
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    const QList<std::pair<QString, QString>> expected = {{u"email"_s, u"email"_s},
                                                         {u"first_name"_s, u"first_name"_s},
                                                         {u"last_name"_s, u"last_name"_s},
                                                         {u"name"_s, u"full_name"_s},
                                                         {u"company"_s, u"company"_s},
                                                         {u"phone"_s, u"phone"_s},
                                                         {u"country_code"_s, u"country"_s},
                                                         {u"country"_s, u"country"_s},
                                                         {u"city"_s, u"city"_s},
                                                         {u"zip"_s, u"postal_code"_s},
                                                         {u"street"_s, u"street_address"_s},
                                                         {u"ip"_s, u"ipv4"_s},
                                                         {u"website"_s, u"url"_s},
                                                         {u"user_agent"_s, u"user_agent"_s},
                                                         {u"iban"_s, u"iban"_s},
                                                         {u"price"_s, u"decimal"_s},
                                                         {u"created_at"_s, u"timestamptz"_s},
                                                         {u"updated_at"_s, u"timestamptz"_s}};
    for (const auto &[column, kind] : expected) {
        QCOMPARE(kindOf(doc, u"customers"_s, column), kind);
        QVERIFY2(!columnOf(doc, u"customers"_s, column).value(u"guessed"_s).toString().isEmpty(),
                 qPrintable(column));
        QVERIFY2(!notesOf(r, u"customers"_s, column, u"guess"_s).isEmpty(), qPrintable(column));
    }
    QCOMPARE(generatorOf(doc, u"customers"_s, u"country_code"_s).value(u"form"_s).toString(),
             QStringLiteral("alpha2"));
    QCOMPARE(generatorOf(doc, u"customers"_s, u"country"_s).value(u"form"_s).toString(),
             QStringLiteral("name"));
    QCOMPARE(generatorOf(doc, u"customers"_s, u"updated_at"_s)
                 .value(u"after"_s)
                 .toObject()
                 .value(u"column"_s)
                 .toString(),
             QStringLiteral("created_at"));
}

void TestImporter::guessesRespectLength()
{
    const auto r = importTables(
        {table(QStringLiteral("t"), 100,
               {col(QStringLiteral("email"), QStringLiteral("character varying(12)")),
                col(QStringLiteral("country"), QStringLiteral("character varying(3)"))})});
    QCOMPARE(problems(r.document), QString());
    QCOMPARE(kindOf(r.document, u"t"_s, u"email"_s), QStringLiteral("words"));
    QVERIFY(!columnOf(r.document, u"t"_s, u"email"_s).contains(u"guessed"_s));
    QCOMPARE(generatorOf(r.document, u"t"_s, u"country"_s).value(u"form"_s).toString(),
             QStringLiteral("alpha3"));
}

void TestImporter::commentsAndRows()
{
    CatalogTable t =
        table(QStringLiteral("t"), 1234.4, {col(QStringLiteral("a"), QStringLiteral("integer"))});
    t.comment = QStringLiteral("the table");
    t.columns[0].comment = QStringLiteral("the column");
    CatalogTable fresh =
        table(QStringLiteral("fresh"), -1, {col(QStringLiteral("a"), QStringLiteral("integer"))});
    auto r = importTables({t, fresh});
    QCOMPARE(problems(r.document), QString());
    QCOMPARE(tableOf(r.document, u"t"_s).value(u"rows"_s).toInt(), 1234);
    QCOMPARE(tableOf(r.document, u"t"_s).value(u"comment"_s).toString(),
             QStringLiteral("the table"));
    QCOMPARE(columnOf(r.document, u"t"_s, u"a"_s).value(u"comment"_s).toString(),
             QStringLiteral("the column"));
    QCOMPARE(tableOf(r.document, u"fresh"_s).value(u"rows"_s).toInt(), 1000);
    QVERIFY(notesOf(r, u"fresh"_s, {}, u"stats"_s).contains(u"1000"_s));
    ImportOptions options;
    options.rows = 77;
    options.name = QStringLiteral("mine");
    r = importTables({t, fresh}, options);
    QCOMPARE(tableOf(r.document, u"t"_s).value(u"rows"_s).toInt(), 77);
    QCOMPARE(r.document.value(u"name"_s).toString(), QStringLiteral("mine"));
}

void TestImporter::guessedRoundTrips()
{
    const auto r = importTables(
        {table(QStringLiteral("t"), 10, {col(QStringLiteral("email"), QStringLiteral("text"))})});
    Diagnostics d;
    const auto schema = SchemaIO::fromJson(r.document, d);
    QVERIFY(schema);
    QVERIFY(!schema->tables[0].columns[0].guessed.isEmpty());
    const QJsonObject back = SchemaIO::toJson(*schema);
    QCOMPARE(columnOf(back, u"t"_s, u"email"_s).value(u"guessed"_s).toString(),
             schema->tables[0].columns[0].guessed);
}

// The benchmark's shape (200 tables of 20 columns, each with a key, a foreign key to the table
// before it and a CHECK): the document validates, and the time is printed.
void TestImporter::twoHundredTables()
{
    QList<CatalogTable> tables;
    const QStringList types = {u"integer"_s,
                               u"text"_s,
                               u"numeric(10,2)"_s,
                               u"timestamp with time zone"_s,
                               u"character varying(40)"_s,
                               u"boolean"_s,
                               u"date"_s,
                               u"jsonb"_s};
    for (int t = 0; t < 200; ++t) {
        QList<CatalogColumn> columns = {col(u"id"_s, u"bigint"_s, true),
                                        col(u"parent_id"_s, u"bigint"_s)};
        for (int c = 2; c < 20; ++c)
            columns.append(col(u"c%1"_s.arg(c), types[c % types.size()], c % 3 == 0));
        QList<CatalogConstraint> constraints = {
            key('p', {u"id"_s}), check(u"c2_range_%1"_s.arg(t), u"CHECK ((c2 >= 0))"_s)};
        if (t > 0)
            constraints.append(fk({u"parent_id"_s}, u"t%1"_s.arg(t - 1), {u"id"_s}));
        tables.append(table(u"t%1"_s.arg(t), 1000, columns, constraints));
    }
    QElapsedTimer timer;
    timer.start();
    const auto r = importTables(tables);
    qInfo("200 tables of 20 columns imported in %lld ms", timer.elapsed());
    QCOMPARE(problems(r.document), QString());
    QCOMPARE(r.document.value(u"tables"_s).toArray().size(), 200);
}

QTEST_GUILESS_MAIN(TestImporter)
#include "test_importer.moc"
