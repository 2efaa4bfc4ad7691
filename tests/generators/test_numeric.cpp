// Numeric, temporal and reference generators: ranges, distributions (checked statistically
// with tolerances of several standard errors), uniqueness and determinism.

#include "../testsupport.h"
#include "base/random.h"
#include "base/valueformat.h"

#include <QSet>

#include <cmath>
#include <map>

using namespace spillway;
using namespace spillway::test;

namespace {

constexpr uint64_t kN = 200000;

struct Moments
{
    double mean = 0, variance = 0, min = 1e300, max = -1e300;
};

Moments moments(const std::vector<Value> &values)
{
    Moments m;
    double sum = 0, sq = 0;
    for (const Value &v : values) {
        const double x = v.kind == ValueKind::Float     ? v.f
                         : v.kind == ValueKind::Decimal ? double(v.i) / std::pow(10.0, v.scale)
                                                        : double(v.i);
        sum += x;
        sq += x * x;
        m.min = std::min(m.min, x);
        m.max = std::max(m.max, x);
    }
    m.mean = sum / double(values.size());
    m.variance = sq / double(values.size()) - m.mean * m.mean;
    return m;
}

std::vector<Value> column(const QByteArray &generator, const QByteArray &type = "bigint",
                          uint64_t n = kN)
{
    const auto schema = compile(oneColumn(generator, type));
    if (!schema)
        return {};
    return values(*schema, 0, 0, 0, n);
}

} // namespace

class TestNumeric : public QObject
{
    Q_OBJECT

private slots:
    void uniformRangeAndMean()
    {
        const auto v = column(R"({"kind": "uniform", "min": -5, "max": 14})");
        QCOMPARE(v.size(), size_t(kN));
        std::map<int64_t, int> counts;
        for (const Value &x : v)
            ++counts[x.i];
        QCOMPARE(counts.size(), size_t(20));
        QCOMPARE(counts.begin()->first, int64_t(-5));
        QCOMPARE(counts.rbegin()->first, int64_t(14));
        // Each bucket: binomial(n, 1/20); 5 sigma bounds.
        const double expected = double(kN) / 20, sigma = std::sqrt(expected * (1 - 1.0 / 20));
        for (const auto &[value, count] : counts)
            QVERIFY2(std::abs(count - expected) < 5 * sigma, qPrintable(QString::number(value)));
    }

    void normalMoments()
    {
        const auto m = moments(column(R"({"kind": "normal", "mean": 100, "stddev": 15})"));
        QVERIFY(std::abs(m.mean - 100) < 5 * 15 / std::sqrt(double(kN)));
        QVERIFY(std::abs(std::sqrt(m.variance) - 15) < 0.2);
    }

    void normalClamped()
    {
        const auto m =
            moments(column(R"({"kind": "normal", "mean": 0, "stddev": 10, "min": -3, "max": 3})"));
        QVERIFY(m.min >= -3 && m.max <= 3);
    }

    void exponentialMean()
    {
        const auto m = moments(column(R"({"kind": "exponential", "mean": 50})"));
        // Rounded to integers: the mean of round(X) for exponential X is close to 50.
        QVERIFY2(std::abs(m.mean - 50) < 1.0, qPrintable(QString::number(m.mean)));
        QVERIFY(m.min >= 0);
    }

    void poissonMean()
    {
        const auto m = moments(column(R"({"kind": "poisson", "lambda": 4})"));
        QVERIFY(std::abs(m.mean - 4) < 5 * 2 / std::sqrt(double(kN)));
        QVERIFY(std::abs(m.variance - 4) < 0.15);
    }

    void zipfFrequencies()
    {
        // P(k) = k^-s / H(n, s): compare the first ranks' frequencies.
        const auto v = column(R"({"kind": "zipf", "min": 1, "max": 1000, "s": 1.2})");
        double h = 0;
        for (int k = 1; k <= 1000; ++k)
            h += std::pow(k, -1.2);
        std::map<int64_t, int> counts;
        for (const Value &x : v) {
            QVERIFY(x.i >= 1 && x.i <= 1000);
            ++counts[x.i];
        }
        for (int k = 1; k <= 5; ++k) {
            const double p = std::pow(k, -1.2) / h;
            const double expected = p * double(kN), sigma = std::sqrt(double(kN) * p * (1 - p));
            QVERIFY2(std::abs(counts[k] - expected) < 5 * sigma,
                     qPrintable(
                         QStringLiteral("rank %1: %2 vs %3").arg(k).arg(counts[k]).arg(expected)));
        }
    }

    void sequence()
    {
        const auto v = column(R"({"kind": "sequence", "start": 10, "step": 3})", "bigint", 1000);
        for (size_t i = 0; i < v.size(); ++i)
            QCOMPARE(v[i].i, int64_t(10 + 3 * i));
    }

    // TPC-H's sparse order keys: the first 8 of every 32 (run 8, skip 24).
    void sparseSequence()
    {
        const auto v = column(R"({"kind": "sequence", "run": 8, "skip": 24})", "bigint", 1000);
        QCOMPARE(v.size(), size_t(1000));
        for (size_t i = 0; i < v.size(); ++i)
            QCOMPARE(v[i].i, int64_t(i / 8 * 32 + i % 8 + 1));
        const auto stepped = column(
            R"({"kind": "sequence", "start": 0, "step": 10, "run": 2, "skip": 1})", "bigint", 6);
        QCOMPARE(stepped.size(), size_t(6));
        const int64_t expected[] = {0, 10, 30, 40, 60, 70};
        for (size_t i = 0; i < stepped.size(); ++i)
            QCOMPARE(stepped[i].i, expected[i]);
    }

    void decimalScaleAndRange()
    {
        const auto v = column(R"({"kind": "decimal", "min": 0.5, "max": 99.99})", "numeric(6,2)");
        const auto m = moments(v);
        QVERIFY(m.min >= 0.5 && m.max <= 99.99);
        QVERIFY(std::abs(m.mean - 50.245) < 0.5);
        for (const Value &x : v)
            QCOMPARE(int(x.scale), 2);
        char buffer[64];
        QCOMPARE(QByteArray(buffer, formatDecimal(buffer, -1234, 2) - buffer),
                 QByteArray("-12.34"));
        QCOMPARE(QByteArray(buffer, formatDecimal(buffer, 5, 3) - buffer), QByteArray("0.005"));
    }

    void decimalTooWideForType()
    {
        Diagnostics d = SchemaIO::validate(
            oneColumn(R"({"kind": "decimal", "min": 0, "max": 1000})", "numeric(4,2)"));
        QVERIFY(d.toString().contains(QStringLiteral("do not fit")));
    }

    void floatRange()
    {
        const auto m =
            moments(column(R"({"kind": "float", "min": -1, "max": 1})", "double precision"));
        QVERIFY(m.min >= -1 && m.max <= 1);
        QVERIFY(std::abs(m.mean) < 5 * std::sqrt(1.0 / 3 / double(kN)));
    }

    void booleanProbability()
    {
        const auto v = column(R"({"kind": "boolean", "probability": 0.3})", "boolean");
        double trues = 0;
        for (const Value &x : v)
            trues += double(x.i);
        QVERIFY(std::abs(trues / double(kN) - 0.3) < 5 * std::sqrt(0.21 / double(kN)));
    }

    void uuidsAreV4AndUnique()
    {
        const auto v = column(R"({"kind": "uuid"})", "uuid");
        QSet<QByteArray> seen;
        char buffer[64];
        for (const Value &x : v) {
            const QByteArray text(buffer, formatUuid(buffer, uint64_t(x.i), x.u) - buffer);
            QCOMPARE(text.size(), 36);
            QCOMPARE(text[14], '4');
            QVERIFY(QByteArray("89ab").contains(text[19]));
            seen.insert(text);
        }
        QCOMPARE(seen.size(), qsizetype(kN));
    }

    void uniqueIntegersAtScale()
    {
        // A range only just wider than the row count: every value distinct, none remembered.
        const auto schema = compile(oneColumn(R"({"kind": "uniform", "min": 1, "max": 1000000})",
                                              "bigint", R"(, "unique": true)", 1000000));
        QVERIFY(schema);
        const auto v = values(*schema, 0, 0, 0, 1000000);
        std::vector<bool> seen(1000001);
        for (const Value &x : v) {
            QVERIFY(x.i >= 1 && x.i <= 1000000);
            QVERIFY(!seen[size_t(x.i)]);
            seen[size_t(x.i)] = true;
        }
    }

    void permutationIsBijective_data()
    {
        QTest::addColumn<qulonglong>("n");
        QTest::newRow("1") << 1ULL;
        QTest::newRow("7") << 7ULL;
        QTest::newRow("1000") << 1000ULL;
        QTest::newRow("65537") << 65537ULL;
    }
    void permutationIsBijective()
    {
        QFETCH(qulonglong, n);
        const Permutation p(n, 1234);
        std::vector<bool> seen(n);
        for (uint64_t i = 0; i < n; ++i) {
            const uint64_t y = p.map(i);
            QVERIFY(y < n && !seen[y]);
            seen[y] = true;
            QCOMPARE(p.unmap(y), i);
        }
    }

    void datesInRange()
    {
        const auto v =
            column(R"({"kind": "date", "min": "2024-02-01", "max": "2024-02-29"})", "date");
        char buffer[64];
        QSet<QByteArray> distinct;
        for (const Value &x : v) {
            const QByteArray text(buffer, formatDate(buffer, x.i) - buffer);
            QVERIFY2(text >= "2024-02-01" && text <= "2024-02-29", text.constData());
            distinct.insert(text);
        }
        QCOMPARE(distinct.size(), 29);
    }

    void timestampAfterColumn()
    {
        const auto schema = compile(R"({"tables": [{"name": "t", "rows": 100000, "columns": [
            {"name": "a", "type": "timestamp", "generator": {"kind": "timestamp", "min": "2024-01-01 00:00:00", "max": "2024-12-31 00:00:00"}},
            {"name": "b", "type": "timestamp", "generator": {"kind": "timestamp", "after": {"column": "a", "min": "1h", "max": "2 days"}}}]}]})");
        QVERIFY(schema);
        const auto a = values(*schema, 0, 0, 0, 100000), b = values(*schema, 0, 1, 0, 100000);
        for (size_t i = 0; i < a.size(); ++i) {
            const int64_t delta = b[i].i - a[i].i;
            QVERIFY(delta >= 3600LL * 1000000 && delta <= 2 * 86400LL * 1000000);
        }
    }

    void formatting()
    {
        char buffer[64];
        auto text = [&](char *end) { return QByteArray(buffer, end - buffer); };
        QCOMPARE(text(formatInt(buffer, INT64_MIN)), QByteArray("-9223372036854775808"));
        QCOMPARE(text(formatInt(buffer, 0)), QByteArray("0"));
        QCOMPARE(text(formatDate(buffer, 0)), QByteArray("1970-01-01"));
        QCOMPARE(text(formatDate(buffer, -1)), QByteArray("1969-12-31"));
        QCOMPARE(text(formatTimestamp(buffer, 1500)), QByteArray("1970-01-01 00:00:00.0015"));
        QCOMPARE(text(formatTimestamp(buffer, -1000000)), QByteArray("1969-12-31 23:59:59"));
        QCOMPARE(text(formatFloat(buffer, 0.1, kShortestFloat)), QByteArray("0.1"));
        QCOMPARE(text(formatUuid(buffer, 0x0123456789abcdefULL, 0xfedcba9876543210ULL)),
                 QByteArray("01234567-89ab-cdef-fedc-ba9876543210"));
    }

    void deterministicAndSeeded()
    {
        const QByteArray gen = R"({"kind": "uniform", "min": 0, "max": 1000000000})";
        const auto a = compile(oneColumn(gen)), b = compile(oneColumn(gen));
        const auto va = values(*a, 0, 0, 5000, 100), vb = values(*b, 0, 0, 5000, 100);
        // The same rows generated alone match the rows generated in a longer run.
        const auto whole = values(*a, 0, 0, 0, 5100);
        for (size_t i = 0; i < va.size(); ++i) {
            QCOMPARE(va[i].i, vb[i].i);
            QCOMPARE(va[i].i, whole[5000 + i].i);
        }
        QByteArray other = oneColumn(gen);
        other.replace("\"seed\": 11", "\"seed\": 12");
        const auto c = compile(other);
        const auto vc = values(*c, 0, 0, 5000, 100);
        int same = 0;
        for (size_t i = 0; i < va.size(); ++i)
            same += va[i].i == vc[i].i;
        QVERIFY(same < 3);
    }

    void referencesPointAtParents()
    {
        const auto schema = compile(R"({"tables": [
            {"name": "p", "rows": 500, "columns": [{"name": "id", "type": "bigint", "primaryKey": true, "generator": {"kind": "sequence", "start": 100, "step": 2}}]},
            {"name": "c", "rows": 50000, "columns": [
              {"name": "u", "type": "bigint", "generator": {"kind": "reference", "table": "p", "column": "id"}},
              {"name": "z", "type": "bigint", "generator": {"kind": "reference", "table": "p", "column": "id", "distribution": "zipf", "s": 1.5}}]}]})");
        QVERIFY(schema);
        const int c = schema->tableIndex(QStringLiteral("c"));
        std::map<int64_t, int> zipfCounts;
        for (int col = 0; col < 2; ++col) {
            for (const Value &x : values(*schema, c, col, 0, 50000)) {
                QVERIFY(x.i >= 100 && x.i < 1100 && x.i % 2 == 0);
                if (col == 1)
                    ++zipfCounts[x.i];
            }
        }
        // Zipf: the most popular parent gets far more than the uniform share (100 rows).
        int top = 0;
        for (const auto &[key, count] : zipfCounts)
            top = std::max(top, count);
        QVERIFY(top > 5000);
    }
};

QTEST_GUILESS_MAIN(TestNumeric)
#include "test_numeric.moc"
