// The histogram generator: values shaped like PostgreSQL's pg_stats. The most common values
// keep their exact shares; the rest of the rows fall into equal-frequency buckets between
// ascending bounds, uniform inside each (integers, decimals, floats, dates, timestamps) or, for
// text, one of the bucket's two bounds.

#include "generators/textrender.h"
#include "schema/generatorregistry.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace spillway {

namespace {

// Both bounds of a bucket as numbers of one kind, so a value inside is one uniform draw.
struct Bucket
{
    Value lo, hi;
};

class HistogramGenerator final : public RowGenerator<HistogramGenerator>
{
public:
    // points: the bounds, decimals at one scale; text ones point into bounds.
    HistogramGenerator(ValueList common, std::vector<double> cumulative, ValueList bounds,
                       std::vector<Value> points, RandomStream rng)
        : m_common(std::move(common))
        , m_cumulative(std::move(cumulative))
        , m_bounds(std::move(bounds))
        , m_points(std::move(points))
        , m_rng(rng)
    {
        const auto &b = m_points;
        m_wholeSeconds =
            std::all_of(b.begin(), b.end(), [](const Value &v) { return v.i % 1000000 == 0; });
    }

    Value at(uint64_t row, Arena &) const
    {
        const double u = m_rng.unit(row, 0);
        const double commonShare = m_cumulative.empty() ? 0.0 : m_cumulative.back();
        if (u < commonShare || m_points.size() < 2) {
            const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
            const size_t i =
                std::min(size_t(it - m_cumulative.begin()), m_common.values().size() - 1);
            return m_common.values()[i];
        }
        const auto &b = m_points;
        const uint64_t bucket = m_rng.below(row, b.size() - 1, 1);
        return inside(b[bucket], b[bucket + 1], bucket + 2 == b.size(), row);
    }

    bool neverNull() const override { return true; }

private:
    // Buckets are [lo, hi), the last one [lo, hi], so a bound counts in one bucket only.
    Value inside(const Value &lo, const Value &hi, bool last, uint64_t row) const
    {
        const double t = m_rng.unit(row, 2);
        switch (lo.kind) {
        case ValueKind::Int:
        case ValueKind::Date:
        case ValueKind::Decimal: {
            Value v = lo;
            const uint64_t width = uint64_t(hi.i - lo.i) + (last || hi.i == lo.i ? 1 : 0);
            v.i = lo.i + int64_t(m_rng.below(row, width, 2));
            return v;
        }
        case ValueKind::Timestamp: {
            int64_t micros = lo.i + int64_t(t * double(hi.i - lo.i));
            if (m_wholeSeconds)
                micros -= ((micros % 1000000) + 1000000) % 1000000;
            return Value::timestamp(std::clamp(micros, lo.i, hi.i));
        }
        case ValueKind::Float:
            return Value::real(std::clamp(lo.f + t * (hi.f - lo.f), lo.f, hi.f));
        default:
            return t < 0.5 ? lo : hi;
        }
    }

    ValueList m_common;
    std::vector<double> m_cumulative; // running sums of the common values' shares
    ValueList m_bounds;               // owns the text of m_points
    std::vector<Value> m_points;
    RandomStream m_rng;
    bool m_wholeSeconds = false;
};

// numeric without a scale keeps each value's own: bring the bounds to the largest. Empty when
// a bound does not fit 64 bits at that scale ("120" and "0.000000000000000001").
std::vector<Value> normalisedBounds(const ValueList &bounds)
{
    std::vector<Value> points = bounds.values();
    uint8_t scale = 0;
    for (const Value &v : points) {
        if (v.kind == ValueKind::Decimal)
            scale = std::max(scale, v.scale);
    }
    for (Value &v : points) {
        if (v.kind == ValueKind::Decimal && v.scale < scale && scale < 19) {
            if (__builtin_mul_overflow(v.i, int64_t(kPowersOf10[scale - v.scale]), &v.i))
                return {};
            v.scale = scale;
        }
    }
    return points;
}

bool readValues(ParamReader &params, const QString &key, const QJsonArray &array, ValueList &out)
{
    bool ok = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString problem;
        if (array[i].isNull())
            problem = QStringLiteral("null is not a value here: use the column's nullFraction");
        else
            out.add(array[i], &problem);
        if (!problem.isEmpty())
            params.error(QStringLiteral("%1[%2]").arg(key).arg(i), problem);
        ok = ok && problem.isEmpty();
    }
    return ok;
}

bool ascending(const Value &a, const Value &b)
{
    switch (a.kind) {
    case ValueKind::Float:
        return a.f <= b.f;
    case ValueKind::Text:
        return true; // text sorts by the server's collation: taken as given
    default:
        return a.kind == b.kind && a.i <= b.i;
    }
}

std::optional<std::vector<double>> readFrequencies(ParamReader &params, qsizetype count,
                                                   bool hasBounds)
{
    const QString key = QStringLiteral("frequencies");
    const QJsonArray array = params.array(key);
    if (array.size() != count) {
        params.error(key, QStringLiteral("'frequencies' has %1 entries but 'values' has %2: give "
                                         "one share per value")
                              .arg(array.size())
                              .arg(count));
        return std::nullopt;
    }
    std::vector<double> cumulative;
    double sum = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const double f = array[i].toDouble(-1);
        if (!array[i].isDouble() || f < 0 || f > 1) {
            params.error(QStringLiteral("frequencies[%1]").arg(i),
                         QStringLiteral("a share is a number from 0 to 1"));
            return std::nullopt;
        }
        sum += f;
        cumulative.push_back(sum);
    }
    if (hasBounds && sum > 1.0 + 1e-9) {
        params.error(key, QStringLiteral("the shares add up to %1: at most 1, the rest of the "
                                         "rows come from the buckets")
                              .arg(sum));
        return std::nullopt;
    }
    if (!hasBounds && sum <= 0) {
        params.error(key, QStringLiteral("every share is 0: without 'bounds' give at least one "
                                         "value a positive share"));
        return std::nullopt;
    }
    if (!hasBounds) { // the values are all there is: their shares relative to each other
        for (double &c : cumulative)
            c /= sum;
    }
    return cumulative;
}

std::unique_ptr<Generator> createHistogram(GeneratorArgs &args)
{
    ParamReader &params = args.params;
    const bool hasBounds = params.has(QStringLiteral("bounds"));
    const bool hasValues = params.has(QStringLiteral("values"));
    if (!hasBounds && !hasValues) {
        params.error(QStringLiteral("bounds"),
                     QStringLiteral("missing parameter 'bounds': give the ascending bucket "
                                    "bounds (pg_stats histogram_bounds), or 'values' with "
                                    "'frequencies'"));
        return nullptr;
    }
    ValueList bounds(args.sqlType);
    std::vector<Value> points;
    if (hasBounds) {
        const QJsonArray array = params.array(QStringLiteral("bounds"));
        if (array.size() < 2) {
            params.error(QStringLiteral("bounds"),
                         QStringLiteral("'bounds' needs at least 2 entries (one bucket)"));
            return nullptr;
        }
        if (!readValues(params, QStringLiteral("bounds"), array, bounds))
            return nullptr;
        points = normalisedBounds(bounds);
        if (points.empty()) {
            params.error(QStringLiteral("bounds"),
                         QStringLiteral("the bounds' digits do not fit 64 bits at the scale of "
                                        "the one with the most decimals"));
            return nullptr;
        }
        const auto &b = points;
        for (size_t i = 1; i < b.size(); ++i) {
            if (!ascending(b[i - 1], b[i])) {
                params.error(QStringLiteral("bounds[%1]").arg(i),
                             QStringLiteral("bounds must be ascending: this one is below the "
                                            "one before"));
                return nullptr;
            }
        }
    }
    ValueList common(args.sqlType);
    std::vector<double> cumulative;
    if (hasValues || params.has(QStringLiteral("frequencies"))) {
        const QJsonArray array = params.array(QStringLiteral("values"));
        if (array.isEmpty()) {
            params.error(QStringLiteral("values"),
                         QStringLiteral("'values' is empty: list the most common values, or "
                                        "leave out 'values' and 'frequencies'"));
            return nullptr;
        }
        const auto shares = readFrequencies(params, array.size(), hasBounds);
        if (!shares || !readValues(params, QStringLiteral("values"), array, common))
            return nullptr;
        cumulative = *shares;
    }
    return std::make_unique<HistogramGenerator>(std::move(common), std::move(cumulative),
                                                std::move(bounds), std::move(points), args.rng);
}

} // namespace

void registerHistogramGenerators(GeneratorRegistry &registry)
{
    registry.add({QStringLiteral("histogram"),
                  QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "number")),
                  QStringLiteral(QT_TRANSLATE_NOOP(
                      "GeneratorRegistry",
                      "Values shaped like pg_stats: common values with their shares, the rest "
                      "from equal-frequency buckets")),
                  QStringLiteral("integer"), createHistogram});
}

} // namespace spillway
