// The distribution beside the preview is measured on a sample spread evenly over the whole
// table: a sequence's histogram is flat, a child table's parents all take part, a geographic
// column's scatter stays small enough to draw at once.

#include "../../testsupport.h"
#include "design/distribution.h"

#include <QTest>

#include <algorithm>

using namespace spillway;

namespace {

// Largest over smallest bin.
double binRatio(const ColumnDistribution &d)
{
    const auto [lo, hi] = std::minmax_element(d.bins.begin(), d.bins.end());
    return *lo > 0 ? double(*hi) / double(*lo) : 1e9;
}

// Pearson's chi-square of the bins against a flat histogram.
double chiSquare(const ColumnDistribution &d)
{
    const double expected = double(d.sampled - d.nulls) / double(d.bins.size());
    double chi = 0;
    for (int b : d.bins)
        chi += (b - expected) * (b - expected) / expected;
    return chi;
}

} // namespace

class TestSampling : public QObject
{
    Q_OBJECT

private slots:
    void sequenceIsFlat_data()
    {
        QTest::addColumn<quint64>("rows");
        QTest::newRow("1M rows") << quint64(1000000);
        QTest::newRow("1.5 samples per step") << quint64(30001);
        QTest::newRow("10G rows") << quint64(10000000000);
    }
    void sequenceIsFlat()
    {
        QFETCH(quint64, rows);
        auto schema = test::compile(test::oneColumn(R"({"kind": "sequence"})", "bigint", "", rows));
        QVERIFY(schema);
        const ColumnDistribution d = DistributionSampler::sample(*schema, 0, 0);
        QCOMPARE(d.kind, ColumnDistribution::Kind::Histogram);
        QCOMPARE(d.sampled, DistributionSampler::kDefaultSamples);
        // The sample reaches both ends of the table.
        QVERIFY2(d.minimum < 1 + double(rows) / 1000, qPrintable(QString::number(d.minimum)));
        QVERIFY2(d.maximum > double(rows) * 0.999, qPrintable(QString::number(d.maximum)));
        // 20000 values in 30 bins: an even spread leaves at most a value or two between bins
        // (blocks of consecutive rows left bins empty).
        QVERIFY2(binRatio(d) < 1.02, qPrintable(QString::number(binRatio(d))));
        // Far below the 5% critical value for 29 degrees of freedom (42.6): flatter than chance.
        QVERIFY2(chiSquare(d) < 5, qPrintable(QString::number(chiSquare(d))));
    }

    void smallTableIsSampledWhole()
    {
        auto schema = test::compile(test::oneColumn(R"({"kind": "sequence"})", "bigint", "", 5000));
        QVERIFY(schema);
        const ColumnDistribution d = DistributionSampler::sample(*schema, 0, 0);
        QCOMPARE(d.sampled, 5000);
        QCOMPARE(d.minimum, 1.0);
        QCOMPARE(d.maximum, 5000.0);
    }

    void seedMovesTheSample()
    {
        // Rows are a function of the seed: the same seed, the same histogram; the shift is
        // below one step, so both are flat.
        const QByteArray one = test::oneColumn(R"({"kind": "uniform", "min": 0, "max": 1000000})");
        QByteArray other = one;
        other.replace("\"seed\": 11", "\"seed\": 12");
        auto a = test::compile(one), b = test::compile(one), c = test::compile(other);
        QVERIFY(a && b && c);
        const ColumnDistribution da = DistributionSampler::sample(*a, 0, 0);
        QCOMPARE(DistributionSampler::sample(*b, 0, 0).bins, da.bins);
        QVERIFY(DistributionSampler::sample(*c, 0, 0).bins != da.bins);
    }

    void childTableSpreadsOverParents()
    {
        // 100000 parents with 4 rows each: every parent is as likely, so the children's parent
        // ids are flat over the whole parent table and every ordinal is as frequent.
        const QByteArray json = R"({"seed": 3, "tables": [
            {"name": "p", "rows": 100000, "columns": [
                {"name": "id", "type": "bigint", "primaryKey": true, "generator": {"kind": "sequence"}}]},
            {"name": "c", "rowsPerParent": {"parent": "p", "count": {"kind": "constant", "value": 4}},
             "columns": [
                {"name": "p_id", "type": "bigint", "generator": {"kind": "parent", "column": "id"}},
                {"name": "n", "type": "integer", "generator": {"kind": "ordinal", "start": 1}}]}]})";
        auto schema = test::compile(json);
        QVERIFY(schema);
        const int child = schema->tableIndex(QStringLiteral("c"));
        const ColumnDistribution parents = DistributionSampler::sample(*schema, child, 0);
        QCOMPARE(parents.sampled, DistributionSampler::kDefaultSamples);
        QVERIFY2(parents.minimum < 100 && parents.maximum > 99900,
                 qPrintable(QStringLiteral("%1..%2").arg(parents.minimum).arg(parents.maximum)));
        QVERIFY2(binRatio(parents) < 1.05, qPrintable(QString::number(binRatio(parents))));
        const ColumnDistribution ordinals = DistributionSampler::sample(*schema, child, 1);
        QCOMPARE(ordinals.bins.size(), 4);
        QVERIFY2(binRatio(ordinals) < 1.05, qPrintable(QString::number(binRatio(ordinals))));
    }

    void geoScatterIsBounded()
    {
        Diagnostics d;
        const auto schema = SchemaIO::load(QStringLiteral(":/spillway/examples/iot.json"), d);
        QVERIFY2(schema, qPrintable(d.toString()));
        auto compiled = CompiledSchema::compile(*schema, d);
        QVERIFY2(compiled && Preview::prepare(*compiled, &d), qPrintable(d.toString()));
        const int devices = compiled->tableIndex(QStringLiteral("devices"));
        const TableRuntime &table = *compiled->tables()[size_t(devices)];
        const ColumnDistribution geo = DistributionSampler::sample(
            *compiled, devices, table.columnIndex(QStringLiteral("location")));
        QCOMPARE(geo.kind, ColumnDistribution::Kind::Scatter);
        QVERIFY(geo.points.size() > DistributionSampler::kScatterSamples / 2);
        QVERIFY(geo.points.size() <= DistributionSampler::kScatterSamples);
    }
};

QTEST_GUILESS_MAIN(TestSampling)
#include "test_sampling.moc"
