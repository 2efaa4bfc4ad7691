// Import with pg_stats (--profile) and the histogram generator it writes: null fractions, the
// most common values' exact shares, equal-frequency buckets for numbers, decimals, dates,
// timestamps and text, n_distinct, avg_width and correlation.

#include "../testsupport.h"
#include "base/params.h"
#include "importsupport.h"

#include <QJsonDocument>
#include <QTest>

#include <map>

using namespace spillway;
using namespace spillway::test;
using namespace Qt::StringLiterals;

namespace {

CatalogStats stats(const QString &column, double nullFrac, double nDistinct,
                   const QStringList &mcv = {}, const QList<double> &freqs = {},
                   const QStringList &bounds = {})
{
    CatalogStats s;
    s.column = column;
    s.nullFrac = nullFrac;
    s.nDistinct = nDistinct;
    s.mostCommonVals = mcv;
    s.mostCommonFreqs = freqs;
    s.histogramBounds = bounds;
    return s;
}

// n values of a one-column table whose generator is `generator` (JSON), typed `type`.
std::vector<Value> sample(const QByteArray &generator, const QByteArray &type, uint64_t n,
                          Arena *keep = nullptr)
{
    const auto schema = compile(oneColumn(generator, type, "", n));
    if (!schema)
        return {};
    return values(*schema, 0, 0, 0, n, keep);
}

// Diagnostics of a one-column document (empty when it compiles).
QString refusal(const QByteArray &generator, const QByteArray &type)
{
    return SchemaIO::validate(oneColumn(generator, type, "", 100)).toString();
}

} // namespace

class TestImporterProfile : public QObject
{
    Q_OBJECT

private slots:
    void histogramBucketShares();
    void histogramCommonValues();
    void histogramDecimalsDatesTimestamps();
    void histogramText();
    void histogramRefusals();
    void profileShapesColumns();
    void profileSharesHold();
    void profileWithoutStatistics();
};

void TestImporterProfile::histogramBucketShares()
{
    const auto v = sample(R"({"kind": "histogram", "bounds": [0, 10, 20, 100]})", "integer", 90000);
    QCOMPARE(v.size(), size_t(90000));
    int buckets[3] = {0, 0, 0};
    for (const Value &x : v) {
        QVERIFY(x.i >= 0 && x.i <= 100);
        ++buckets[x.i < 10 ? 0 : x.i < 20 ? 1 : 2];
    }
    // Equal-frequency buckets: a third each (bounds themselves land in either neighbour).
    for (int b : buckets)
        QVERIFY2(qAbs(b / 90000.0 - 1.0 / 3) < 0.02, qPrintable(QString::number(b)));
}

void TestImporterProfile::histogramCommonValues()
{
    const auto v = sample(R"({"kind": "histogram", "values": [500, 700], "frequencies": [0.3, 0.2],
                              "bounds": [0, 10, 20]})",
                          "integer", 100000);
    std::map<int64_t, int> counts;
    int inBuckets = 0;
    for (const Value &x : v) {
        ++counts[x.i];
        inBuckets += x.i <= 20;
    }
    QVERIFY(qAbs(counts[500] / 100000.0 - 0.3) < 0.01);
    QVERIFY(qAbs(counts[700] / 100000.0 - 0.2) < 0.01);
    QVERIFY(qAbs(inBuckets / 100000.0 - 0.5) < 0.01);
    // Without bounds the values are all there is: shares relative to each other.
    const auto only = sample(
        R"({"kind": "histogram", "values": ["a", "b"], "frequencies": [0.3, 0.1]})", "text", 40000);
    int a = 0;
    for (const Value &x : only)
        a += x.view() == "a";
    QVERIFY(qAbs(a / 40000.0 - 0.75) < 0.01);
}

void TestImporterProfile::histogramDecimalsDatesTimestamps()
{
    for (const Value &x :
         sample(R"({"kind": "histogram", "bounds": ["1.5", "2", "10.25"]})", "numeric", 5000)) {
        QCOMPARE(x.kind, ValueKind::Decimal);
        QCOMPARE(int(x.scale), 2);
        QVERIFY(x.i >= 150 && x.i <= 1025);
    }
    const auto days =
        sample(R"({"kind": "histogram", "bounds": ["2024-01-01", "2024-01-11", "2024-12-31"]})",
               "date", 20000);
    const int64_t jan1 = *ParamReader::parseDate(u"2024-01-01"_s), jan11 = jan1 + 10;
    int early = 0;
    for (const Value &x : days) {
        QCOMPARE(x.kind, ValueKind::Date);
        QVERIFY(x.i >= jan1 && x.i <= *ParamReader::parseDate(u"2024-12-31"_s));
        early += x.i < jan11;
    }
    QVERIFY2(qAbs(early / 20000.0 - 0.5) < 0.02, qPrintable(QString::number(early)));
    for (const Value &x : sample(
             R"({"kind": "histogram", "bounds": ["2024-01-01 00:00:00", "2024-01-02 00:00:00"]})",
             "timestamp", 2000)) {
        QCOMPARE(x.kind, ValueKind::Timestamp);
        QCOMPARE(x.i % 1000000, 0); // bounds in whole seconds: values too
    }
    for (const Value &x :
         sample(R"({"kind": "histogram", "bounds": [0.5, 1.5]})", "double precision", 2000))
        QVERIFY(x.kind == ValueKind::Float && x.f >= 0.5 && x.f <= 1.5);
}

void TestImporterProfile::histogramText()
{
    Arena keep;
    const QStringList bounds = {u"apple"_s, u"kiwi"_s, u"pear"_s};
    for (const Value &x : sample(R"({"kind": "histogram", "bounds": ["apple", "kiwi", "pear"]})",
                                 "text", 3000, &keep))
        QVERIFY(bounds.contains(QString::fromUtf8(x.view().data(), qsizetype(x.len))));
}

void TestImporterProfile::histogramRefusals()
{
    QVERIFY(
        refusal(R"({"kind": "histogram", "bounds": [5, 1]})", "integer").contains(u"bounds[1]"_s));
    QVERIFY(
        refusal(R"({"kind": "histogram", "bounds": [1]})", "integer").contains(u"at least 2"_s));
    QVERIFY(
        refusal(
            R"({"kind": "histogram", "values": [1, 2], "frequencies": [0.7, 0.6], "bounds": [1, 2]})",
            "integer")
            .contains(u"add up"_s));
    QVERIFY(refusal(R"({"kind": "histogram", "values": [1], "frequencies": [0.5, 0.5]})", "integer")
                .contains(u"frequencies"_s));
    QVERIFY(refusal(R"({"kind": "histogram"})", "integer").contains(u"bounds"_s));
    QVERIFY(refusal(R"({"kind": "histogram", "bounds": ["x", "y"]})", "integer")
                .contains(u"bounds[0]"_s));
    QCOMPARE(
        refusal(R"({"kind": "histogram", "bounds": [1, 2], "values": [7], "frequencies": [0.5]})",
                "integer"),
        QString());
}

CatalogTable profiled()
{
    CatalogTable t =
        table(u"events"_s, 10000,
              {col(u"id"_s, u"bigint"_s, true), col(u"status"_s, u"text"_s),
               col(u"amount"_s, u"numeric(10,2)"_s), col(u"code"_s, u"bigint"_s, true),
               col(u"at"_s, u"timestamp without time zone"_s, true),
               col(u"details"_s, u"character varying(80)"_s), col(u"email"_s, u"text"_s)},
              {key('p', {u"id"_s})});
    t.stats = {
        stats(u"status"_s, 0.2, 3, {u"new"_s, u"paid"_s, u"gone"_s}, {0.4, 0.3, 0.1}),
        stats(u"amount"_s, 0.0, 500, {u"9.99"_s}, {0.25},
              {u"1.00"_s, u"5.00"_s, u"20.00"_s, u"100.00"_s}),
        stats(u"code"_s, 0, -1),
        stats(u"at"_s, 0, -0.9, {}, {},
              {u"2024-01-01 00:00:00"_s, u"2024-06-01 00:00:00"_s, u"2024-12-31 00:00:00"_s}),
        stats(u"details"_s, 0.5, 9000)};
    t.stats[3].correlation = 0.99;
    t.stats[4].avgWidth = 21;
    return t;
}

void TestImporterProfile::profileShapesColumns()
{
    ImportOptions options;
    options.profile = true;
    const auto r = importTables({profiled()}, options);
    const QJsonObject &doc = r.document;
    QCOMPARE(problems(doc), QString());
    QCOMPARE(columnOf(doc, u"events"_s, u"status"_s).value(u"nullFraction"_s).toDouble(), 0.2);
    const QJsonObject status = generatorOf(doc, u"events"_s, u"status"_s);
    QCOMPARE(status.value(u"kind"_s).toString(), u"histogram"_s);
    // Shares among the non-null rows: 0.4 / 0.8.
    QCOMPARE(status.value(u"frequencies"_s).toArray()[0].toDouble(), 0.5);
    const QJsonObject amount = generatorOf(doc, u"events"_s, u"amount"_s);
    QCOMPARE(amount.value(u"bounds"_s).toArray().size(), 4);
    QCOMPARE(amount.value(u"values"_s).toArray()[0].toString(), u"9.99"_s);
    QVERIFY(columnOf(doc, u"events"_s, u"code"_s).value(u"unique"_s).toBool());
    QCOMPARE(kindOf(doc, u"events"_s, u"code"_s), u"sequence"_s);
    QCOMPARE(kindOf(doc, u"events"_s, u"at"_s), u"timestamp"_s); // ordered by row
    QVERIFY(generatorOf(doc, u"events"_s, u"at"_s).contains(u"every"_s));
    const QJsonObject note = generatorOf(doc, u"events"_s, u"details"_s);
    QCOMPARE(note.value(u"kind"_s).toString(), u"words"_s);
    QCOMPARE(note.value(u"maxLength"_s).toInt(), 30);
    QVERIFY(notesOf(r, u"events"_s, u"email"_s, u"stats"_s).contains(u"no statistics"_s));
    QCOMPARE(kindOf(doc, u"events"_s, u"email"_s), u"email"_s);
}

// The generated column's shares are pg_stats' within 0.05 (the issue's acceptance bound).
void TestImporterProfile::profileSharesHold()
{
    ImportOptions options;
    options.profile = true;
    options.rows = 50000;
    const auto r = importTables({profiled()}, options);
    const auto schema = compile(QJsonDocument(r.document).toJson());
    QVERIFY(schema);
    Arena keep;
    const auto v = values(*schema, 0, 1, 0, 50000, &keep);
    std::map<std::string, int> counts;
    int nulls = 0;
    for (const Value &x : v) {
        if (x.isNull())
            ++nulls;
        else
            ++counts[std::string(x.view())];
    }
    QVERIFY(qAbs(nulls / 50000.0 - 0.2) < 0.05);
    QVERIFY(qAbs(counts["new"] / 50000.0 - 0.4) < 0.05);
    QVERIFY(qAbs(counts["paid"] / 50000.0 - 0.3) < 0.05);
    QVERIFY(qAbs(counts["gone"] / 50000.0 - 0.1) < 0.05);
}

void TestImporterProfile::profileWithoutStatistics()
{
    ImportOptions options;
    options.profile = true;
    const auto r = importTables({table(u"t"_s, 10, {col(u"a"_s, u"integer"_s)})}, options);
    QCOMPARE(problems(r.document), QString());
    QVERIFY(!notesOf(r, u"t"_s, u"a"_s, u"stats"_s).isEmpty());
    QCOMPARE(kindOf(r.document, u"t"_s, u"a"_s), u"uniform"_s);
}

QTEST_GUILESS_MAIN(TestImporterProfile)
#include "test_importer_profile.moc"
