// The schema document: reading, writing, and every validation problem reported with its path.

#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace spillway;

namespace {

// A valid one-table schema whose first column's generator is `generator`.
QByteArray withColumn(const QString &generator, const QString &extra = QString())
{
    return QStringLiteral(
               "{\"seed\": 7, \"tables\": [{\"name\": \"t\", \"rows\": 100, \"columns\": [\n"
               "        {\"name\": \"id\", \"type\": \"bigint\", \"primaryKey\": true, "
               "\"generator\": {\"kind\": \"sequence\"}},\n"
               "        {\"name\": \"c\", \"type\": \"bigint\", \"generator\": %1 %2}]}]}")
        .arg(generator, extra)
        .toUtf8();
}

bool hasProblem(const Diagnostics &d, const QString &path, const QString &fragment)
{
    for (const Diagnostic &item : d.items()) {
        if (item.path == path && item.message.contains(fragment, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

class TestSchema : public QObject
{
    Q_OBJECT

private slots:
    void examplesAreValid_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("ecommerce") << QStringLiteral(":/spillway/examples/ecommerce.json");
        QTest::newRow("lineitem") << QStringLiteral(":/spillway/examples/lineitem.json");
        QTest::newRow("tpch") << QStringLiteral(":/spillway/examples/tpch.json");
    }
    void examplesAreValid()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Diagnostics d = SchemaIO::validate(f.readAll());
        QVERIFY2(d.isEmpty(), qPrintable(d.toString()));
    }

    void roundTripThroughJson()
    {
        QFile f(QStringLiteral(":/spillway/examples/ecommerce.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        Diagnostics d;
        const auto schema = SchemaIO::parse(f.readAll(), d);
        QVERIFY(schema);
        const auto again = SchemaIO::parse(SchemaIO::toBytes(*schema), d);
        QVERIFY(again);
        QCOMPARE(SchemaIO::toJson(*again), SchemaIO::toJson(*schema));
        QCOMPARE(SchemaIO::hash(*again), SchemaIO::hash(*schema));
        QCOMPARE(again->tables.size(), 4);
        QVERIFY(again->tables[3].perParent);
    }

    void badJsonHasLineAndColumn()
    {
        Diagnostics d = SchemaIO::validate("{\n  \"tables\": [\n    {\"name\": \"t\",, }\n]}");
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.items()[0].line, 3);
        QVERIFY(d.items()[0].column > 1);
        QVERIFY(d.items()[0].message.contains(QStringLiteral("not valid JSON")));
    }

    void problems_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unknown generator")
            << withColumn(QStringLiteral("{\"kind\": \"unifrom\", \"min\": 1, \"max\": 2}"))
            << QStringLiteral("tables[0].columns[1].generator.kind")
            << QStringLiteral("did you mean 'uniform'");
        QTest::newRow("missing parameter")
            << withColumn(QStringLiteral("{\"kind\": \"uniform\", \"min\": 1}"))
            << QStringLiteral("tables[0].columns[1].generator.max") << QStringLiteral("missing");
        QTest::newRow("mistyped parameter")
            << withColumn(QStringLiteral("{\"kind\": \"uniform\", \"min\": \"one\", \"max\": 2}"))
            << QStringLiteral("tables[0].columns[1].generator.min")
            << QStringLiteral("must be an integer");
        QTest::newRow("min above max")
            << withColumn(QStringLiteral("{\"kind\": \"uniform\", \"min\": 5, \"max\": 2}"))
            << QStringLiteral("tables[0].columns[1].generator.max") << QStringLiteral("below");
        QTest::newRow("unknown parameter")
            << withColumn(
                   QStringLiteral("{\"kind\": \"uniform\", \"min\": 1, \"max\": 2, \"maxx\": 3}"))
            << QStringLiteral("tables[0].columns[1].generator.maxx")
            << QStringLiteral("unknown parameter");
        QTest::newRow("unique too small")
            << withColumn(QStringLiteral("{\"kind\": \"uniform\", \"min\": 1, \"max\": 10}"),
                          QStringLiteral(", \"unique\": true"))
            << QStringLiteral("tables[0].columns[1].unique") << QStringLiteral("only 10");
        QTest::newRow("unique impossible")
            << withColumn(QStringLiteral("{\"kind\": \"normal\", \"mean\": 1, \"stddev\": 2}"),
                          QStringLiteral(", \"unique\": true"))
            << QStringLiteral("tables[0].columns[1].unique") << QStringLiteral("cannot guarantee");
        QTest::newRow("null fraction") << withColumn(QStringLiteral("{\"kind\": \"sequence\"}"),
                                                     QStringLiteral(", \"nullFraction\": 1.5"))
                                       << QStringLiteral("tables[0].columns[1].nullFraction")
                                       << QStringLiteral("between 0 and 1");
        QTest::newRow("bad sql type")
            << QByteArray("{\"tables\": [{\"name\": \"t\", \"rows\": 1, \"columns\": [\n"
                          "                {\"name\": \"a\", \"type\": \"bigitn\", \"generator\": "
                          "{\"kind\": \"sequence\"}}]}]}")
            << QStringLiteral("tables[0].columns[0].type") << QStringLiteral("unknown SQL type");
        QTest::newRow("bad date") << withColumn(QStringLiteral(
                                         "{\"kind\": \"date\", \"min\": \"2024-02-30\"}"))
                                  << QStringLiteral("tables[0].columns[1].generator.min")
                                  << QStringLiteral("YYYY-MM-DD");
        QTest::newRow("missing table")
            << QByteArray("{\"tables\": [{\"name\": \"t\", \"rows\": 1, \"columns\": [\n"
                          "                {\"name\": \"a\", \"type\": \"bigint\", \"generator\": "
                          "{\"kind\": \"reference\", \"table\": \"nope\", \"column\": \"id\"}}]}]}")
            << QStringLiteral("tables[0].columns[0].generator.table")
            << QStringLiteral("does not exist");
        QTest::newRow("missing column")
            << QByteArray(
                   "{\"tables\": [\n"
                   "                {\"name\": \"p\", \"rows\": 1, \"columns\": [{\"name\": "
                   "\"id\", \"primaryKey\": true, \"generator\": {\"kind\": \"sequence\"}}]},\n"
                   "                {\"name\": \"c\", \"rows\": 1, \"columns\": [\n"
                   "                {\"name\": \"a\", \"type\": \"bigint\", \"generator\": "
                   "{\"kind\": \"reference\", \"table\": \"p\", \"column\": \"idd\"}}]}]}")
            << QStringLiteral("tables[1].columns[0].generator.column")
            << QStringLiteral("no column 'idd'");
        QTest::newRow("reference not unique")
            << QByteArray("{\"tables\": [\n"
                          "                {\"name\": \"p\", \"rows\": 1, \"columns\": [{\"name\": "
                          "\"id\", \"type\": \"int\", \"generator\": {\"kind\": \"uniform\", "
                          "\"min\": 1, \"max\": 9}}]},\n"
                          "                {\"name\": \"c\", \"rows\": 1, \"columns\": [\n"
                          "                {\"name\": \"a\", \"type\": \"bigint\", \"generator\": "
                          "{\"kind\": \"reference\", \"table\": \"p\", \"column\": \"id\"}}]}]}")
            << QStringLiteral("tables[1].columns[0].generator.column")
            << QStringLiteral("not unique");
        QTest::newRow("reference cycle")
            << QByteArray(
                   "{\"tables\": [\n"
                   "                {\"name\": \"a\", \"rows\": 1, \"columns\": [{\"name\": "
                   "\"id\", \"primaryKey\": true, \"generator\": {\"kind\": \"sequence\"}},\n"
                   "                  {\"name\": \"b_id\", \"generator\": {\"kind\": "
                   "\"reference\", \"table\": \"b\", \"column\": \"id\"}}]},\n"
                   "                {\"name\": \"b\", \"rows\": 1, \"columns\": [{\"name\": "
                   "\"id\", \"primaryKey\": true, \"generator\": {\"kind\": \"sequence\"}},\n"
                   "                  {\"name\": \"a_id\", \"generator\": {\"kind\": "
                   "\"reference\", \"table\": \"a\", \"column\": \"id\"}}]}]}")
            << QStringLiteral("tables[0]") << QStringLiteral("cycle");
        QTest::newRow("missing parent")
            << QByteArray(
                   "{\"tables\": [{\"name\": \"c\", \"rowsPerParent\": {\"parent\": \"ordrs\", "
                   "\"count\": {\"kind\": \"uniform\", \"min\": 1, \"max\": 2}},\n"
                   "                \"columns\": [{\"name\": \"a\", \"generator\": {\"kind\": "
                   "\"ordinal\"}}]}]}")
            << QStringLiteral("tables[0].rowsPerParent.parent") << QStringLiteral("does not exist");
        QTest::newRow("template column missing")
            << withColumn(QStringLiteral("{\"kind\": \"template\", \"template\": \"{nme}\"}"))
            << QStringLiteral("tables[0].columns[1].generator.template")
            << QStringLiteral("'nme' is not in table");
        QTest::newRow("rows and fan-out missing")
            << QByteArray("{\"tables\": [{\"name\": \"t\", \"columns\": [{\"name\": \"a\", "
                          "\"generator\": {\"kind\": \"sequence\"}}]}]}")
            << QStringLiteral("tables[0]") << QStringLiteral("needs 'rows'");
        QTest::newRow("duplicate column")
            << QByteArray("{\"tables\": [{\"name\": \"t\", \"rows\": 1, \"columns\": [{\"name\": "
                          "\"a\", \"generator\": {\"kind\": \"sequence\"}}, {\"name\": \"a\", "
                          "\"generator\": {\"kind\": \"sequence\"}}]}]}")
            << QStringLiteral("tables[0].columns[1].name") << QStringLiteral("already has");
        QTest::newRow("unknown key")
            << QByteArray("{\"tables\": [{\"name\": \"t\", \"rows\": 1, \"colums\": []}]}")
            << QStringLiteral("tables[0].colums") << QStringLiteral("unknown key");
        QTest::newRow("sequence skip without run")
            << withColumn(QStringLiteral("{\"kind\": \"sequence\", \"skip\": 24}"))
            << QStringLiteral("tables[0].columns[1].generator.skip")
            << QStringLiteral("'skip' needs 'run'");
        QTest::newRow("sequence negative run")
            << withColumn(QStringLiteral("{\"kind\": \"sequence\", \"run\": -8}"))
            << QStringLiteral("tables[0].columns[1].generator.run") << QStringLiteral("negative");
        QTest::newRow("fixed rows on a child table")
            << QByteArray("{\"tables\": [{\"name\": \"p\", \"rows\": 5, \"columns\": [{\"name\": "
                          "\"id\", \"generator\": {\"kind\": \"sequence\"}}]}, {\"name\": \"c\", "
                          "\"fixedRows\": true, \"rowsPerParent\": {\"parent\": \"p\", \"count\": "
                          "{\"kind\": \"constant\", \"value\": 2}}, \"columns\": [{\"name\": "
                          "\"a\", \"generator\": {\"kind\": \"sequence\"}}]}]}")
            << QStringLiteral("tables[1].fixedRows") << QStringLiteral("child table");
        QTest::newRow("fixed rows not a boolean")
            << QByteArray("{\"tables\": [{\"name\": \"t\", \"rows\": 5, \"fixedRows\": 1, "
                          "\"columns\": [{\"name\": \"a\", \"generator\": {\"kind\": "
                          "\"sequence\"}}]}]}")
            << QStringLiteral("tables[0].fixedRows") << QString();
        QTest::newRow("pattern") << withColumn(QStringLiteral(
                                        "{\"kind\": \"pattern\", \"pattern\": \"[a-\"}"))
                                 << QStringLiteral("tables[0].columns[1].generator.pattern")
                                 << QString();
    }
    void problems()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        const Diagnostics d = SchemaIO::validate(json);
        QVERIFY2(hasProblem(d, path, fragment),
                 qPrintable(QStringLiteral("expected a problem at %1 containing '%2'; got:\n%3")
                                .arg(path, fragment, d.toString())));
    }

    void everyProblemAtOnce()
    {
        const QByteArray json =
            "{\"tables\": [{\"name\": \"t\", \"rows\": 10, \"columns\": [\n"
            "            {\"name\": \"a\", \"generator\": {\"kind\": \"uniform\", \"min\": 9, "
            "\"max\": 1}},\n"
            "            {\"name\": \"b\", \"generator\": {\"kind\": \"nosuch\"}},\n"
            "            {\"name\": \"c\", \"nullFraction\": -1, \"generator\": {\"kind\": "
            "\"sequence\"}}]}]}";
        const Diagnostics d = SchemaIO::validate(json);
        QVERIFY(hasProblem(d, QStringLiteral("tables[0].columns[0].generator.max"), QString()));
        QVERIFY(hasProblem(d, QStringLiteral("tables[0].columns[1].generator.kind"), QString()));
        QVERIFY(hasProblem(d, QStringLiteral("tables[0].columns[2].nullFraction"), QString()));
    }

    void jsonSchemaIsShipped()
    {
        QFile f(QStringLiteral(":/spillway/schema/spillway-schema.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("$schema")).toString(),
                 QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
    }

    void oneColumnWithWhatItReads()
    {
        // customers.email is a template over first_name, last_name and id: generating only it
        // and what it reads gives the same values as generating the whole row.
        Diagnostics d;
        const auto schema = SchemaIO::load(QStringLiteral(":/spillway/examples/ecommerce.json"), d);
        QVERIFY2(schema, qPrintable(d.toString()));
        const auto compiled = CompiledSchema::compile(*schema, d);
        QVERIFY2(compiled, qPrintable(d.toString()));
        const TableRuntime &t = *compiled->table(QStringLiteral("customers"));
        const int email = t.columnIndex(QStringLiteral("email"));
        const std::vector<int> order = t.evaluationOrderFor(email);
        QStringList names;
        for (int c : order)
            names.append(t.columns[size_t(c)].name);
        QCOMPARE(names.size(), 4);
        QCOMPARE(names.last(), QStringLiteral("email"));
        for (const char *input : {"id", "first_name", "last_name"})
            QVERIFY2(names.contains(QLatin1String(input)), qPrintable(names.join(u',')));

        RowBatch whole(int(t.columns.size())), only(int(t.columns.size()));
        for (RowBatch *b : {&whole, &only}) {
            b->firstRow = 4000;
            b->count = 100;
        }
        t.generate(whole);
        t.generate(only, order);
        for (uint32_t i = 0; i < whole.count; ++i)
            QCOMPARE(only.column(email)[i].view(), whole.column(email)[i].view());
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "test_schema.moc"
