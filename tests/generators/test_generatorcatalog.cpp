// The generator catalogue read from the JSON Schema: it knows every kind the registry can build
// (and no other), the parameter defaults and required parameters it reports are the schema's,
// and a newly picked generator starts with the parameters the designer has always given it.

#include "generators/generatorcatalog.h"
#include "schema/generatorregistry.h"
#include "schema/schema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace spillway;

namespace {

QJsonValue json(const char *text)
{
    // Wrapped in an array so that scalars parse too.
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

const ParameterInfo *findParameter(const QList<ParameterInfo> &parameters, const QString &name)
{
    for (const ParameterInfo &p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

ColumnSpec column(const QString &name, bool primaryKey = false)
{
    ColumnSpec c;
    c.name = name;
    c.sqlType = QStringLiteral("bigint");
    c.primaryKey = primaryKey;
    return c;
}

// customers(id pk, name), orders(order_no, customer_id), order_lines per order (line_id pk).
Schema shop()
{
    Schema s;
    TableSpec customers;
    customers.name = QStringLiteral("customers");
    customers.columns = {column(QStringLiteral("id"), true), column(QStringLiteral("name"))};
    TableSpec orders;
    orders.name = QStringLiteral("orders");
    orders.columns = {column(QStringLiteral("order_no"), true),
                      column(QStringLiteral("customer_id"))};
    TableSpec lines;
    lines.name = QStringLiteral("order_lines");
    lines.perParent = FanOutSpec{};
    lines.perParent->parent = QStringLiteral("orders");
    lines.columns = {column(QStringLiteral("line_id"), true)};
    s.tables = {customers, orders, lines};
    return s;
}

} // namespace

class TestGeneratorCatalog : public QObject
{
    Q_OBJECT

private slots:
    void everyRegisteredKindIsListed();
    void everyKindHasADescription();
    void parameterDefaults_data();
    void parameterDefaults();
    void requiredParameters_data();
    void requiredParameters();
    void startingParameters_data();
    void startingParameters();
    void countDistributions();
};

void TestGeneratorCatalog::everyRegisteredKindIsListed()
{
    const QStringList listed = GeneratorCatalog::kinds();
    const QStringList registered = GeneratorRegistry::instance().kinds();
    QVERIFY(!registered.isEmpty());
    for (const QString &kind : registered)
        QVERIFY2(listed.contains(kind), qPrintable(kind));
    for (const QString &kind : listed)
        QVERIFY2(registered.contains(kind), qPrintable(kind));
    QCOMPARE(listed.size(), registered.size());
}

void TestGeneratorCatalog::everyKindHasADescription()
{
    const QStringList kinds = GeneratorCatalog::kinds();
    for (const QString &kind : kinds) {
        QVERIFY2(!GeneratorCatalog::description(kind).isEmpty(), qPrintable(kind));
        QVERIFY(!GeneratorCatalog::kindSchema(kind).isEmpty());
    }
    QVERIFY(GeneratorCatalog::kindSchema(QStringLiteral("no_such_kind")).isEmpty());
    QVERIFY(GeneratorCatalog::parameters(QStringLiteral("no_such_kind")).isEmpty());
}

void TestGeneratorCatalog::parameterDefaults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QByteArray>("expected"); // JSON; empty: no default
    QTest::addColumn<QString>("type");
    const auto row = [](const char *kind, const char *parameter, const char *expected,
                        const char *type) {
        QTest::addRow("%s.%s", kind, parameter)
            << QString::fromLatin1(kind) << QString::fromLatin1(parameter) << QByteArray(expected)
            << QString::fromLatin1(type);
    };
    row("boolean", "probability", "0.5", "number");
    row("sequence", "start", "1", "integer");
    row("words", "min", "1", "integer");
    row("pattern", "maxRepeat", "8", "integer");
    row("decimal", "distribution", "\"uniform\"", "one of uniform|normal|exponential");
    row("uuid", "version", "4", "integer");
    row("uuid", "step", "\"1ms\"", "duration");
    row("date", "min", "\"2020-01-01\"", "date");
    row("sex", "labels", "[\"F\",\"M\"]", "list of strings");
    row("uniform", "min", "", "integer");
}

void TestGeneratorCatalog::parameterDefaults()
{
    QFETCH(QString, kind);
    QFETCH(QString, parameter);
    QFETCH(QByteArray, expected);
    QFETCH(QString, type);
    const QList<ParameterInfo> parameters = GeneratorCatalog::parameters(kind);
    const ParameterInfo *p = findParameter(parameters, parameter);
    QVERIFY(p);
    if (expected.isEmpty())
        QVERIFY(p->defaultValue.isUndefined());
    else
        QCOMPARE(p->defaultValue, json(expected.constData()));
    QCOMPARE(GeneratorCatalog::typeName(*p), type);
    QVERIFY(!findParameter(parameters, QStringLiteral("kind")));
}

void TestGeneratorCatalog::requiredParameters_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("required");
    QTest::newRow("uniform") << QStringLiteral("uniform")
                             << QStringList{QStringLiteral("min"), QStringLiteral("max")};
    QTest::newRow("reference") << QStringLiteral("reference")
                               << QStringList{QStringLiteral("table"), QStringLiteral("column")};
    QTest::newRow("choice") << QStringLiteral("choice") << QStringList{QStringLiteral("values")};
    QTest::newRow("email") << QStringLiteral("email") << QStringList();
}

void TestGeneratorCatalog::requiredParameters()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, required);
    QStringList found;
    const QList<ParameterInfo> parameters = GeneratorCatalog::parameters(kind);
    for (const ParameterInfo &p : parameters)
        if (p.required)
            found.append(p.name);
    QCOMPARE(found, required); // in the README's order: table before column, min before max
}

void TestGeneratorCatalog::startingParameters_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("table"); // in shop(); -1: no document
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char *name, const char *kind, int table, const char *expected) {
        QTest::newRow(name) << QString::fromLatin1(kind) << table << QByteArray(expected);
    };
    row("uniform", "uniform", 0, R"({"kind":"uniform","min":1,"max":100})");
    row("date", "date", 0, R"({"kind":"date","min":"2024-01-01","max":"2024-12-31"})");
    row("timestamp", "timestamp", 0,
        R"({"kind":"timestamp","min":"2024-01-01 00:00:00","max":"2024-12-31 23:59:59"})");
    row("time", "time", 0, R"({"kind":"time","min":"08:00:00","max":"18:00:00"})");
    row("poisson", "poisson", 0, R"({"kind":"poisson","lambda":3})");
    row("email", "email", 0, R"({"kind":"email"})");
    row("choice", "choice", 0, R"({"kind":"choice","values":["a","b","c"]})");
    row("pattern", "pattern", 0, R"({"kind":"pattern","pattern":"[A-Z]{3}-\\d{4}"})");
    row("json", "json", 0,
        R"({"kind":"json","fields":{"value":{"kind":"uniform","min":1,"max":100}}})");
    row("reference from customers", "reference", 0,
        R"({"kind":"reference","table":"orders","column":"order_no"})");
    row("reference from orders", "reference", 1,
        R"({"kind":"reference","table":"customers","column":"id"})");
    row("parent", "parent", 2, R"({"kind":"parent","column":"order_no"})");
    row("template", "template", 1, R"({"kind":"template","template":"{order_no}"})");
    // An aggregate starts as a count of the table's first child table's rows.
    row("aggregate", "aggregate", 1,
        R"({"kind":"aggregate","table":"order_lines","function":"count"})");
    row("template without a table", "template", -1, R"({"kind":"template","template":"x"})");
    row("reference without a table", "reference", -1,
        R"({"kind":"reference","table":"customers","column":"id"})");
}

void TestGeneratorCatalog::startingParameters()
{
    QFETCH(QString, kind);
    QFETCH(int, table);
    QFETCH(QByteArray, expected);
    const Schema schema = shop();
    QCOMPARE(GeneratorCatalog::startingParameters(kind, &schema, table),
             QJsonDocument::fromJson(expected).object());
    // Without a document, references are left for the user to fill in.
    if (kind == QLatin1String("reference"))
        QCOMPARE(
            GeneratorCatalog::startingParameters(kind, nullptr, -1),
            QJsonDocument::fromJson(R"({"kind":"reference","table":"","column":""})").object());
}

void TestGeneratorCatalog::countDistributions()
{
    const QString count = QStringLiteral("countDistribution");
    QCOMPARE(GeneratorCatalog::kinds(count),
             (QStringList{QStringLiteral("uniform"), QStringLiteral("normal"),
                          QStringLiteral("exponential"), QStringLiteral("poisson"),
                          QStringLiteral("zipf"), QStringLiteral("constant")}));
    QCOMPARE(GeneratorCatalog::startingParameters(QStringLiteral("normal"), nullptr, -1, count),
             QJsonDocument::fromJson(R"({"kind":"normal","mean":3,"stddev":3})").object());
}

QTEST_GUILESS_MAIN(TestGeneratorCatalog)
#include "test_generatorcatalog.moc"
