// One gate for what is acceptable: whatever compiling (validate) accepts, a plan and a preview can
// run. Empty and unknown names are refused at their JSON path; 'unique' columns of child tables
// are checked against the most rows their fan-out can give; nesting, array lengths and values
// per row are bounded; a run's row override that makes a unique column impossible is refused
// before anything is generated; and unique values never walk a cycle forever.

#include "run/plan.h"
#include "run/preview.h"
#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace spillway;

namespace {

const QString kReproducers = QStringLiteral(SPILLWAY_REPRODUCERS);

// A root table "p" (10 rows, key "id", a timestamp "at") and a second table "c" whose columns
// are `columns` (JSON, without brackets), sized by `size` ("rows" or "rowsPerParent").
QByteArray twoTables(const QString &columns, const QString &size = QStringLiteral("\"rows\": 10"))
{
    return QStringLiteral(
               "{\"seed\": 3, \"tables\": [{\"name\": \"p\", \"rows\": 10, \"columns\": [\n"
               "  {\"name\": \"id\", \"type\": \"bigint\", \"primaryKey\": true, "
               "\"generator\": {\"kind\": \"sequence\"}},\n"
               "  {\"name\": \"at\", \"type\": \"timestamp\", \"generator\": "
               "{\"kind\": \"timestamp\"}}]},\n"
               " {\"name\": \"c\", %2, \"columns\": [%1]}]}")
        .arg(columns, size)
        .toUtf8();
}

QString childOf(const QString &parent, const QString &count)
{
    return QStringLiteral("\"rowsPerParent\": {\"parent\": \"%1\", \"count\": %2}")
        .arg(parent, count);
}

QString column(const QString &name, const QString &generator,
               const QString &type = QStringLiteral("bigint"), const QString &extra = {})
{
    return QStringLiteral("{\"name\": \"%1\", \"type\": \"%2\", \"generator\": %3%4}")
        .arg(name, type, generator, extra);
}

// Arrays of arrays `depth` levels deep, each of `length` elements, around uniform 0..9.
QJsonObject nestedArrays(int depth, int length)
{
    QJsonObject g{{QStringLiteral("kind"), QStringLiteral("uniform")},
                  {QStringLiteral("min"), 0},
                  {QStringLiteral("max"), 9}};
    for (int i = 0; i < depth; ++i)
        g = QJsonObject{{QStringLiteral("kind"), QStringLiteral("array")},
                        {QStringLiteral("minLength"), length},
                        {QStringLiteral("maxLength"), length},
                        {QStringLiteral("element"), g}};
    return g;
}

QByteArray jsonbColumn(const QJsonObject &generator, int rows = 10)
{
    const QJsonObject column{{QStringLiteral("name"), QStringLiteral("deep")},
                             {QStringLiteral("type"), QStringLiteral("jsonb")},
                             {QStringLiteral("generator"), generator}};
    const QJsonObject table{{QStringLiteral("name"), QStringLiteral("t")},
                            {QStringLiteral("rows"), rows},
                            {QStringLiteral("columns"), QJsonArray{column}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("tables"), QJsonArray{table}}}).toJson();
}

QString elementPath(int levels)
{
    QString path = QStringLiteral("tables[0].columns[0].generator");
    for (int i = 0; i < levels; ++i)
        path += QStringLiteral(".element");
    return path;
}

bool hasProblem(const Diagnostics &d, const QString &path, const QString &fragment)
{
    for (const Diagnostic &item : d.items()) {
        if (item.path == path && item.message.contains(fragment, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

std::shared_ptr<CompiledSchema> compile(const QByteArray &json, Diagnostics &d)
{
    const auto schema = SchemaIO::parse(json, d);
    return schema ? CompiledSchema::compile(*schema, d) : nullptr;
}

} // namespace

class TestGate : public QObject
{
    Q_OBJECT

private slots:
    void reproducersAreRefused_data();
    void reproducersAreRefused();
    void namesAreChecked_data();
    void namesAreChecked();
    void childUniqueIsBounded_data();
    void childUniqueIsBounded();
    void workPerRowIsBounded_data();
    void workPerRowIsBounded();
    void rowOverrideIsRefusedBeforeGenerating_data();
    void rowOverrideIsRefusedBeforeGenerating();
    void acceptedSchemasPreview_data();
    void acceptedSchemasPreview();
    void permutationNeverSpins_data();
    void permutationNeverSpins();
};

void TestGate::reproducersAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fragment");
    const auto file = [](const char *name) {
        QFile f(kReproducers + QLatin1Char('/') + QLatin1String(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QTest::newRow("empty reference table")
        << file("repro-empty-reference.json")
        << QStringLiteral("tables[1].columns[0].generator.table") << QStringLiteral("is empty");
    QTest::newRow("child unique, value space too small")
        << file("repro-child-unique.json") << QStringLiteral("tables[1].columns[0].unique")
        << QStringLiteral("needs up to 30 distinct values (10 rows of parent 'p' × at most 3");
    QTest::newRow("arrays 40 deep (file)")
        << file("repro-deep-array.json") << elementPath(8) << QStringLiteral("more than 8 levels");
    QTest::newRow("arrays 40 deep (built)") << jsonbColumn(nestedArrays(40, 2)) << elementPath(8)
                                            << QStringLiteral("more than 8 levels");
}

void TestGate::reproducersAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, fragment);
    QVERIFY(!json.isEmpty());
    const Diagnostics d = SchemaIO::validate(json);
    QVERIFY2(hasProblem(d, path, fragment), qPrintable(d.toString()));
}

void TestGate::namesAreChecked_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fragment");
    const QString c0 = QStringLiteral("tables[1].columns[0].generator");
    const QString c1 = QStringLiteral("tables[1].columns[1].generator");
    const QString child = childOf(QStringLiteral("p"), QStringLiteral("{\"kind\": \"constant\", "
                                                                      "\"value\": 2}"));
    const QString ts = column(QStringLiteral("t0"), QStringLiteral("{\"kind\": \"timestamp\"}"),
                              QStringLiteral("timestamp"));
    const auto ref = [](const QString &params) {
        return column(QStringLiteral("r"),
                      QStringLiteral("{\"kind\": \"reference\", %1}").arg(params));
    };
    const auto second = [&](const QString &generator, const QString &type) {
        return twoTables(ts + QStringLiteral(", ") + column(QStringLiteral("x"), generator, type));
    };
    QTest::newRow("reference: empty table")
        << twoTables(ref(QStringLiteral("\"table\": \"\", \"column\": \"id\"")))
        << c0 + QStringLiteral(".table") << QStringLiteral("'table' is empty");
    QTest::newRow("reference: blank table")
        << twoTables(ref(QStringLiteral("\"table\": \"  \", \"column\": \"id\"")))
        << c0 + QStringLiteral(".table") << QStringLiteral("'table' is empty");
    QTest::newRow("reference: unknown table")
        << twoTables(ref(QStringLiteral("\"table\": \"nope\", \"column\": \"id\"")))
        << c0 + QStringLiteral(".table") << QStringLiteral("does not exist");
    QTest::newRow("reference: missing table")
        << twoTables(ref(QStringLiteral("\"column\": \"id\""))) << c0 + QStringLiteral(".table")
        << QStringLiteral("missing parameter 'table'");
    QTest::newRow("reference: empty column")
        << twoTables(ref(QStringLiteral("\"table\": \"p\", \"column\": \"\"")))
        << c0 + QStringLiteral(".column") << QStringLiteral("'column' is empty");
    QTest::newRow("reference: unknown column")
        << twoTables(ref(QStringLiteral("\"table\": \"p\", \"column\": \"nope\"")))
        << c0 + QStringLiteral(".column") << QStringLiteral("has no column 'nope'");
    QTest::newRow("reference: column not a string")
        << twoTables(ref(QStringLiteral("\"table\": \"p\", \"column\": 3")))
        << c0 + QStringLiteral(".column") << QStringLiteral("must be a string");
    QTest::newRow("parent: empty column")
        << twoTables(column(QStringLiteral("pk"), QStringLiteral("{\"kind\": \"parent\", "
                                                                 "\"column\": \"\"}")),
                     child)
        << c0 + QStringLiteral(".column") << QStringLiteral("'column' is empty");
    QTest::newRow("parent: unknown column")
        << twoTables(column(QStringLiteral("pk"), QStringLiteral("{\"kind\": \"parent\", "
                                                                 "\"column\": \"nope\"}")),
                     child)
        << c0 + QStringLiteral(".column") << QStringLiteral("has no column 'nope'");
    QTest::newRow("rowsPerParent: empty parent")
        << twoTables(ts, childOf(QString(), QStringLiteral("{\"kind\": \"constant\", "
                                                           "\"value\": 2}")))
        << QStringLiteral("tables[1].rowsPerParent.parent") << QStringLiteral("'parent' is empty");
    QTest::newRow("rowsPerParent: unknown parent")
        << twoTables(ts, childOf(QStringLiteral("nope"), QStringLiteral("{\"kind\": "
                                                                        "\"constant\", "
                                                                        "\"value\": 2}")))
        << QStringLiteral("tables[1].rowsPerParent.parent") << QStringLiteral("does not exist");
    QTest::newRow("after: empty column")
        << second(QStringLiteral("{\"kind\": \"timestamp\", \"after\": {\"column\": \"\", "
                                 "\"max\": \"1 day\"}}"),
                  QStringLiteral("timestamp"))
        << c1 + QStringLiteral(".after.column") << QStringLiteral("'column' is empty");
    QTest::newRow("after: unknown column")
        << second(QStringLiteral("{\"kind\": \"timestamp\", \"after\": {\"column\": \"nope\", "
                                 "\"max\": \"1 day\"}}"),
                  QStringLiteral("timestamp"))
        << c1 + QStringLiteral(".after.column")
        << QStringLiteral("column 'nope' is not in table 'c'");
    QTest::newRow("uuid v7: empty column")
        << second(QStringLiteral("{\"kind\": \"uuid\", \"version\": 7, \"column\": \"\"}"),
                  QStringLiteral("uuid"))
        << c1 + QStringLiteral(".column") << QStringLiteral("'column' is empty");
    QTest::newRow("uuid v7: unknown column")
        << second(QStringLiteral("{\"kind\": \"uuid\", \"version\": 7, \"column\": \"nope\"}"),
                  QStringLiteral("uuid"))
        << c1 + QStringLiteral(".column") << QStringLiteral("column 'nope' is not in table 'c'");
    QTest::newRow("group: empty") << second(QStringLiteral(
                                                "{\"kind\": \"first_name\", \"group\": \"\"}"),
                                            QStringLiteral("text"))
                                  << c1 + QStringLiteral(".group")
                                  << QStringLiteral("'group' is empty");
    QTest::newRow("companyGroup: empty")
        << second(QStringLiteral("{\"kind\": \"email\", \"domains\": \"company\", "
                                 "\"companyGroup\": \"\"}"),
                  QStringLiteral("text"))
        << c1 + QStringLiteral(".companyGroup") << QStringLiteral("'companyGroup' is empty");
    QTest::newRow("email from: empty name")
        << second(QStringLiteral("{\"kind\": \"email\", \"from\": [\"\"]}"), QStringLiteral("text"))
        << c1 + QStringLiteral(".from") << QStringLiteral("one or two column names");
    QTest::newRow("email from: unknown column")
        << second(QStringLiteral("{\"kind\": \"email\", \"from\": [\"nope\"]}"),
                  QStringLiteral("text"))
        << c1 + QStringLiteral(".from[0]") << QStringLiteral("column 'nope' is not in table 'c'");
    QTest::newRow("template: empty placeholder")
        << second(QStringLiteral("{\"kind\": \"template\", \"template\": \"a{}b\"}"),
                  QStringLiteral("text"))
        << c1 + QStringLiteral(".template") << QStringLiteral("empty placeholder");
    QTest::newRow("template: unknown column")
        << second(QStringLiteral("{\"kind\": \"template\", \"template\": \"{nope}\"}"),
                  QStringLiteral("text"))
        << c1 + QStringLiteral(".template") << QStringLiteral("column 'nope' is not in table 'c'");
    QTest::newRow("json field: template of an unknown column")
        << twoTables(column(QStringLiteral("j"),
                            QStringLiteral("{\"kind\": \"json\", \"fields\": {\"f\": {\"kind\": "
                                           "\"template\", \"template\": \"{nope}\"}}}"),
                            QStringLiteral("jsonb")))
        << c0 + QStringLiteral(".fields.f.template")
        << QStringLiteral("column 'nope' is not in table 'c'");
    QTest::newRow("json field: empty reference table")
        << twoTables(column(QStringLiteral("j"),
                            QStringLiteral("{\"kind\": \"json\", \"fields\": {\"f\": {\"kind\": "
                                           "\"reference\", \"table\": \"\", \"column\": "
                                           "\"id\"}}}"),
                            QStringLiteral("jsonb")))
        << c0 + QStringLiteral(".fields.f.table") << QStringLiteral("'table' is empty");
}

void TestGate::namesAreChecked()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, fragment);
    const Diagnostics d = SchemaIO::validate(json);
    QVERIFY2(hasProblem(d, path, fragment), qPrintable(d.toString()));
}

void TestGate::childUniqueIsBounded_data()
{
    QTest::addColumn<QString>("count");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("fragment"); // empty: valid
    // 10 parents; "[a-c][0-9]" has 30 values, "[a-c][0-8]" 27.
    const QString c3 = QStringLiteral("{\"kind\": \"constant\", \"value\": 3}");
    QTest::newRow("constant 3, 30 values") << c3 << QStringLiteral("[a-c][0-9]") << QString();
    QTest::newRow("constant 3, 27 values")
        << c3 << QStringLiteral("[a-c][0-8]")
        << QStringLiteral("needs up to 30 distinct values (10 rows of parent 'p' × at most 3 "
                          "per parent) but the generator can make only 27");
    QTest::newRow("uniform 1..3, 27 values")
        << QStringLiteral("{\"kind\": \"uniform\", \"min\": 1, \"max\": 3}")
        << QStringLiteral("[a-c][0-8]") << QStringLiteral("at most 3 per parent");
    QTest::newRow("normal with max 2, 27 values")
        << QStringLiteral("{\"kind\": \"normal\", \"mean\": 2, \"stddev\": 1, \"max\": 2}")
        << QStringLiteral("[a-c][0-8]") << QString();
    QTest::newRow("poisson 3 unbounded, 27 values")
        << QStringLiteral("{\"kind\": \"poisson\", \"lambda\": 3}") << QStringLiteral("[a-c][0-8]")
        << QStringLiteral("3 per parent on average");
    QTest::newRow("zipf up to 2, 27 values")
        << QStringLiteral("{\"kind\": \"zipf\", \"min\": 1, \"max\": 2}")
        << QStringLiteral("[a-c][0-8]") << QString();
}

void TestGate::childUniqueIsBounded()
{
    QFETCH(QString, count);
    QFETCH(QString, pattern);
    QFETCH(QString, fragment);
    const QByteArray json = twoTables(
        column(QStringLiteral("u"),
               QStringLiteral("{\"kind\": \"pattern\", \"pattern\": \"%1\"}").arg(pattern),
               QStringLiteral("text"), QStringLiteral(", \"unique\": true")),
        childOf(QStringLiteral("p"), count));
    Diagnostics d;
    const auto compiled = compile(json, d);
    if (!fragment.isEmpty()) {
        QVERIFY(!compiled);
        QVERIFY2(hasProblem(d, QStringLiteral("tables[1].columns[0].unique"), fragment),
                 qPrintable(d.toString()));
        return;
    }
    QVERIFY2(compiled, qPrintable(d.toString()));
    // Accepted: the preview and a plan run it, with distinct values.
    QVERIFY(Preview::prepare(*compiled, &d));
    const PreviewRows rows =
        Preview::rows(*compiled, compiled->tableIndex(QStringLiteral("c")), 50);
    QVERIFY(rows.problem.isEmpty());
    QSet<QString> seen;
    for (const QStringList &row : rows.rows) {
        QVERIFY2(!seen.contains(row.front()), qPrintable(row.front()));
        seen.insert(row.front());
    }
    QVERIFY2(Plan::build(compiled, PlanOptions(), nullptr, d), qPrintable(d.toString()));
}

void TestGate::workPerRowIsBounded_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path"); // empty: valid
    QTest::addColumn<QString>("fragment");
    QTest::newRow("8 levels") << jsonbColumn(nestedArrays(8, 2)) << QString() << QString();
    QTest::newRow("9 levels") << jsonbColumn(nestedArrays(9, 2)) << elementPath(8)
                              << QStringLiteral("nested more than 8 levels deep");
    QJsonObject json8{
        {QStringLiteral("kind"), QStringLiteral("json")},
        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("a"), nestedArrays(8, 2)}}}};
    QTest::newRow("json around 8 levels")
        << jsonbColumn(json8)
        << elementPath(0) + QStringLiteral(".fields.a") + QStringLiteral(".element").repeated(7)
        << QStringLiteral("nested more than 8 levels deep");
    QTest::newRow("maxLength 10001")
        << jsonbColumn(nestedArrays(1, 10001)) << elementPath(0) + QStringLiteral(".maxLength")
        << QStringLiteral("maxLength");
    QTest::newRow("100000 values") << jsonbColumn(nestedArrays(2, 316)) << QString() << QString();
    QTest::newRow("10000 x 11 values")
        << jsonbColumn(QJsonObject{{QStringLiteral("kind"), QStringLiteral("array")},
                                   {QStringLiteral("maxLength"), 10000},
                                   {QStringLiteral("element"), nestedArrays(1, 11)}})
        << elementPath(0) + QStringLiteral(".maxLength")
        << QStringLiteral("up to 110000 values here ('maxLength' 10000 × 11 per element)");
    QJsonObject fields;
    for (int i = 0; i < 11; ++i)
        fields.insert(QStringLiteral("f%1").arg(i), nestedArrays(1, 10000));
    QTest::newRow("11 fields of 10000")
        << jsonbColumn(QJsonObject{{QStringLiteral("kind"), QStringLiteral("json")},
                                   {QStringLiteral("fields"), fields}})
        << elementPath(0) + QStringLiteral(".fields") << QStringLiteral("use fewer fields");
}

void TestGate::workPerRowIsBounded()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, fragment);
    Diagnostics d;
    const auto compiled = compile(json, d);
    if (!path.isEmpty()) {
        QVERIFY(!compiled);
        QVERIFY2(hasProblem(d, path, fragment), qPrintable(d.toString()));
        return;
    }
    QVERIFY2(compiled, qPrintable(d.toString()));
    QVERIFY(Preview::prepare(*compiled, &d));
    const PreviewRows rows = Preview::rows(*compiled, 0, 2);
    QVERIFY(rows.problem.isEmpty());
    QCOMPARE(rows.rows.size(), 2);
}

void TestGate::rowOverrideIsRefusedBeforeGenerating_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("rows"); // --rows; 0: none
    QTest::addColumn<double>("scale");
    QTest::addColumn<QString>("fragment"); // empty: accepted
    // p: 10 rows; c: 3 per parent; both with a 40-value unique column.
    const QString unique = column(QStringLiteral("u"),
                                  QStringLiteral("{\"kind\": \"uniform\", \"min\": 1, \"max\": "
                                                 "40}"),
                                  QStringLiteral("bigint"), QStringLiteral(", \"unique\": true"));
    const QByteArray child =
        twoTables(unique, childOf(QStringLiteral("p"), QStringLiteral("{\"kind\": \"constant\", "
                                                                      "\"value\": 3}")));
    const QByteArray root = twoTables(unique);
    QTest::newRow("as declared") << child << 0 << 1.0 << QString();
    QTest::newRow("child, --rows 13 (39 of 40 values)") << child << 13 << 1.0 << QString();
    QTest::newRow("child, --rows 14")
        << child << 14 << 1.0
        << QStringLiteral("needs up to 42 distinct values (14 rows of parent 'p' × at most 3 "
                          "per parent) but the generator can make only 40");
    QTest::newRow("root, --rows 41")
        << root << 41 << 1.0
        << QStringLiteral("needs up to 41 distinct values (this run's row count) but the "
                          "generator can make only 40: widen the generator's range, or make "
                          "fewer rows (--rows, --scale)");
    QTest::newRow("root, --scale 5")
        << root << 0 << 5.0 << QStringLiteral("needs up to 50 distinct values");
}

void TestGate::rowOverrideIsRefusedBeforeGenerating()
{
    QFETCH(QByteArray, json);
    QFETCH(int, rows);
    QFETCH(double, scale);
    QFETCH(QString, fragment);
    Diagnostics d;
    const auto compiled = compile(json, d);
    QVERIFY2(compiled, qPrintable(d.toString()));
    PlanOptions options;
    if (rows)
        options.rows = uint64_t(rows);
    options.scale = scale;
    Diagnostics checked, built;
    const bool ok = Plan::check(compiled, options, checked);
    const auto plan = Plan::build(compiled, options, nullptr, built);
    QCOMPARE(ok, fragment.isEmpty());
    QCOMPARE(bool(plan), fragment.isEmpty());
    if (fragment.isEmpty())
        return;
    const QString path = QStringLiteral("tables[1].columns[0].unique");
    QVERIFY2(hasProblem(checked, path, fragment), qPrintable(checked.toString()));
    // The same message whether a command only checks (ingest) or builds the plan (generate).
    QCOMPARE(built.toString(), checked.toString());
}

void TestGate::acceptedSchemasPreview_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("ecommerce") << QStringLiteral(":/spillway/examples/ecommerce.json");
    QTest::newRow("lineitem") << QStringLiteral(":/spillway/examples/lineitem.json");
    QTest::newRow("tpch") << QStringLiteral(":/spillway/examples/tpch.json");
}

void TestGate::acceptedSchemasPreview()
{
    QFETCH(QString, file);
    Diagnostics d;
    const auto schema = SchemaIO::load(file, d);
    QVERIFY(schema);
    const auto compiled = CompiledSchema::compile(*schema, d);
    QVERIFY2(compiled, qPrintable(d.toString()));
    QVERIFY2(Preview::prepare(*compiled, &d), qPrintable(d.toString()));
    for (size_t t = 0; t < compiled->tables().size(); ++t)
        QVERIFY(Preview::rows(*compiled, int(t), 5).problem.isEmpty());
}

void TestGate::permutationNeverSpins_data()
{
    QTest::addColumn<quint64>("size");
    QTest::newRow("empty") << quint64(0);
    QTest::newRow("one") << quint64(1);
    QTest::newRow("three") << quint64(3);
    QTest::newRow("1000") << quint64(1000);
}

void TestGate::permutationNeverSpins()
{
    QFETCH(quint64, size);
    const Permutation permutation(size, 42);
    QSet<quint64> seen;
    for (uint64_t x = 0; x < size; ++x)
        seen.insert(permutation.map(x));
    QCOMPARE(quint64(seen.size()), size); // a bijection of [0, size)
    // Rows past the value space (which a checked plan never asks for) end in range, at once.
    for (uint64_t x = size; x < size + 5000; ++x) {
        const uint64_t y = permutation.map(x);
        QVERIFY(size == 0 ? y == 0 : y < size);
        QVERIFY(size == 0 ? permutation.unmap(x) == 0 : permutation.unmap(x) < size);
    }
}

QTEST_GUILESS_MAIN(TestGate)
#include "test_gate.moc"
