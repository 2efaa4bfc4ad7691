// Integer, decimal, float, boolean and UUID generators.

#include "generators/distribution.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace spillway {
namespace {

constexpr double kMaxExactInt = 9.007199254740992e15; // 2^53: JSON numbers stay exact below

class UniformInt final : public RowGenerator<UniformInt>
{
public:
    bool neverNull() const override { return true; }
    UniformInt(RandomStream rng, int64_t lo, int64_t hi)
        : m_rng(rng)
        , m_lo(lo)
        , m_span(uint64_t(hi) - uint64_t(lo) + 1)
    {}
    Value at(uint64_t row, Arena &) const
    {
        return Value::integer(int64_t(uint64_t(m_lo) + m_rng.below(row, m_span)));
    }
    std::optional<uint64_t> cardinality() const override { return m_span; }
    bool canEnumerate() const override { return true; }
    Value valueAt(uint64_t index, Arena &) const override
    {
        return Value::integer(int64_t(uint64_t(m_lo) + index));
    }
    std::optional<int64_t> upperBound() const override
    {
        return int64_t(uint64_t(m_lo) + m_span - 1);
    }
    std::optional<double> mean() const override { return double(m_lo) + double(m_span - 1) / 2; }

private:
    RandomStream m_rng;
    int64_t m_lo;
    uint64_t m_span;
};

// Normal and exponential integers: a real sample rounded to the nearest integer, clamped.
class ShapedInt final : public RowGenerator<ShapedInt>
{
public:
    bool neverNull() const override { return true; }
    enum class Shape { Normal, Exponential, Poisson };
    ShapedInt(RandomStream rng, Shape shape, double a, double b, double lo, double hi)
        : m_rng(rng)
        , m_shape(shape)
        , m_a(a)
        , m_b(b)
        , m_lo(lo)
        , m_hi(hi)
    {}
    Value at(uint64_t row, Arena &) const
    {
        double x = 0;
        switch (m_shape) {
        case Shape::Normal:
            x = m_a + m_b * standardNormal(m_rng, row, 0);
            break;
        case Shape::Exponential:
            x = m_lo - m_a * std::log(m_rng.unitOpen(row, 0));
            break;
        case Shape::Poisson:
            x = poisson(row);
            break;
        }
        x = std::clamp(std::floor(x + 0.5), m_lo, m_hi);
        return Value::integer(int64_t(x));
    }

    // Bounded only by an explicit 'max' (the default is 2^53).
    std::optional<int64_t> upperBound() const override
    {
        return m_hi < kMaxExactInt ? std::optional<int64_t>(int64_t(m_hi)) : std::nullopt;
    }
    std::optional<double> mean() const override
    {
        // Normal: the mean; Poisson: lambda; exponential: the mean distance above min.
        return std::clamp(m_shape == Shape::Exponential ? m_lo + m_a : m_a, m_lo, m_hi);
    }

private:
    double poisson(uint64_t row) const
    {
        if (m_a > 64) // normal approximation with continuity correction
            return std::max(0.0, m_a + std::sqrt(m_a) * standardNormal(m_rng, row, 0) - 0.5);
        // Inversion by sequential search: exact, about lambda steps.
        double u = m_rng.unit(row, 0);
        double p = std::exp(-m_a);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 1000) {
            ++k;
            p *= m_a / k;
            cdf += p;
        }
        return k;
    }

    RandomStream m_rng;
    Shape m_shape;
    double m_a, m_b, m_lo, m_hi;
};

class ZipfInt final : public RowGenerator<ZipfInt>
{
public:
    bool neverNull() const override { return true; }
    ZipfInt(RandomStream rng, int64_t lo, uint64_t n, double s)
        : m_rng(rng)
        , m_lo(lo)
        , m_zipf(n, s)
    {}
    Value at(uint64_t row, Arena &) const
    {
        return Value::integer(m_lo + int64_t(m_zipf.sample(m_rng, row, 0)) - 1);
    }
    std::optional<int64_t> upperBound() const override { return m_lo + int64_t(m_zipf.size()) - 1; }

private:
    RandomStream m_rng;
    int64_t m_lo;
    ZipfSampler m_zipf;
};

class Sequence final : public RowGenerator<Sequence>
{
public:
    bool neverNull() const override { return true; }
    // With run > 0, the sequence takes `run` values and leaves out the next `skip`: TPC-H's
    // sparse order keys are run 8, skip 24 (the first 8 of every 32 keys).
    Sequence(int64_t start, int64_t step, int64_t run, int64_t skip)
        : m_start(start)
        , m_step(step)
        , m_run(uint64_t(run))
        , m_skip(uint64_t(skip))
    {}
    Value at(uint64_t row, Arena &) const
    {
        const uint64_t n = m_run ? row / m_run * (m_run + m_skip) + row % m_run : row;
        return Value::integer(m_start + int64_t(n) * m_step);
    }
    bool isInherentlyUnique() const override { return m_step != 0; }

private:
    int64_t m_start, m_step;
    uint64_t m_run, m_skip;
};

class DecimalGen final : public RowGenerator<DecimalGen>
{
public:
    bool neverNull() const override { return true; }
    DecimalGen(RandomStream rng, Spread spread, int scale, double unit)
        : m_rng(rng)
        , m_spread(spread)
        , m_scale(uint8_t(scale))
        , m_unit(unit)
    {}
    Value at(uint64_t row, Arena &) const
    {
        // Uniform draws are exact over the unscaled integers; others round a real sample.
        return Value::decimal(m_spread.sampleInt(m_rng, row, 0), m_scale);
    }
    std::optional<uint64_t> cardinality() const override
    {
        if (!m_spread.isUniform())
            return std::nullopt;
        return m_count;
    }
    bool canEnumerate() const override { return m_spread.isUniform(); }
    Value valueAt(uint64_t index, Arena &) const override
    {
        return Value::decimal(m_first + int64_t(index), m_scale);
    }
    void setDomain(int64_t first, uint64_t count) { m_first = first, m_count = count; }

private:
    RandomStream m_rng;
    Spread m_spread;
    uint8_t m_scale;
    double m_unit;
    int64_t m_first = 0;
    uint64_t m_count = 0;
};

class FloatGen final : public RowGenerator<FloatGen>
{
public:
    bool neverNull() const override { return true; }
    FloatGen(RandomStream rng, Spread spread, int digits)
        : m_rng(rng)
        , m_spread(spread)
        , m_digits(digits)
        , m_factor(std::pow(10.0, digits))
    {}
    Value at(uint64_t row, Arena &) const
    {
        const double v = m_spread.sample(m_rng, row, 0);
        if (m_digits < 0)
            return Value::real(v);
        return Value::real(std::round(v * m_factor) / m_factor, uint8_t(m_digits));
    }

private:
    RandomStream m_rng;
    Spread m_spread;
    int m_digits;
    double m_factor;
};

class BooleanGen final : public RowGenerator<BooleanGen>
{
public:
    bool neverNull() const override { return true; }
    BooleanGen(RandomStream rng, double p)
        : m_rng(rng)
        , m_threshold(p >= 1 ? ~uint64_t(0) : uint64_t(p * 18446744073709551616.0))
        , m_always(p >= 1)
    {}
    Value at(uint64_t row, Arena &) const
    {
        return Value::boolean(m_always || m_rng.draw(row) < m_threshold);
    }
    std::optional<uint64_t> cardinality() const override { return 2; }
    bool canEnumerate() const override { return true; }
    Value valueAt(uint64_t index, Arena &) const override { return Value::boolean(index == 1); }

private:
    RandomStream m_rng;
    uint64_t m_threshold;
    bool m_always;
};

// Version 4 UUIDs whose 122 free bits carry a bijection of the row index (mix64 is invertible),
// so they are unique by construction and still look random.
class UuidV4 final : public RowGenerator<UuidV4>
{
public:
    bool neverNull() const override { return true; }
    explicit UuidV4(RandomStream rng)
        : m_rng(rng)
    {}
    Value at(uint64_t row, Arena &) const
    {
        const uint64_t b = mix64(m_rng.key() ^ row);
        const uint64_t x = b >> 4; // 60 bits into the high half around the version nibble
        const uint64_t hi = ((x >> 12) << 16) | 0x4000 | (x & 0xFFF);
        const uint64_t lo =
            0x8000000000000000ULL | (m_rng.draw(row, 1) & 0x3FFFFFFFFFFFFFF0ULL) | (b & 0xF);
        return Value::uuid(hi, lo);
    }
    bool isInherentlyUnique() const override { return true; }

private:
    RandomStream m_rng;
};

// Version 7 UUIDs (RFC 9562): a 48-bit Unix time in milliseconds, then 74 bits that carry a
// bijection of the row index as in UuidV4, so they are unique by construction and sort by time.
// The time is `start` plus `step` per row, or the instant of another column of the row.
class UuidV7 final : public Generator
{
public:
    UuidV7(RandomStream rng, int64_t startMicros, int64_t stepMicros, QString column)
        : m_rng(rng)
        , m_start(startMicros)
        , m_step(stepMicros)
        , m_column(std::move(column))
    {}

    void generate(const BatchContext &ctx, Value *out) const override
    {
        const Value *base = m_index >= 0 ? ctx.batch->column(m_index) : nullptr;
        for (uint32_t i = 0; i < ctx.count; ++i) {
            const uint64_t row = ctx.row(i);
            int64_t micros = m_start + int64_t(row) * m_step;
            if (base) {
                const Value &b = base[i];
                micros = b.kind == ValueKind::Date ? b.i * 86400000000LL : b.i;
                if (b.isNull()) {
                    out[i] = Value::null();
                    continue;
                }
            }
            const uint64_t ms = uint64_t(std::max<int64_t>(0, micros / 1000)) & 0xFFFFFFFFFFFFULL;
            const uint64_t b = mix64(m_rng.key() ^ row);
            const uint64_t hi = (ms << 16) | 0x7000 | (b >> 52);
            const uint64_t lo = 0x8000000000000000ULL | ((b & 0xFFFFFFFFFFFFFULL) << 10) |
                                (m_rng.draw(row, 1) & 0x3FF);
            out[i] = Value::uuid(hi, lo);
        }
    }
    bool isInherentlyUnique() const override { return true; }
    QStringList dependencies() const override
    {
        return m_column.isEmpty() ? QStringList() : QStringList{m_column};
    }
    QString dependencyKey(int) const override { return QStringLiteral("column"); }
    void bindDependencies(const QList<int> &indexes) override
    {
        m_index = indexes.isEmpty() ? -1 : indexes.front();
    }

private:
    RandomStream m_rng;
    int64_t m_start, m_step;
    QString m_column;
    int m_index = -1;
};

int64_t readIntBound(ParamReader &p, const QString &key, int64_t fallback, bool required)
{
    return required ? p.integer(key) : p.integer(key, fallback);
}

std::unique_ptr<Generator> makeUniform(GeneratorArgs &a)
{
    const int64_t lo = readIntBound(a.params, QStringLiteral("min"), 0, true);
    const int64_t hi = readIntBound(a.params, QStringLiteral("max"), 0, true);
    a.params.requireOrdered(QStringLiteral("min"), double(lo), QStringLiteral("max"), double(hi));
    return std::make_unique<UniformInt>(a.rng, lo, std::max(lo, hi));
}

std::unique_ptr<Generator> makeNormal(GeneratorArgs &a)
{
    const double mean = a.params.number(QStringLiteral("mean"));
    const double sd = a.params.number(QStringLiteral("stddev"));
    if (sd <= 0)
        a.params.error(QStringLiteral("stddev"), QStringLiteral("'stddev' must be above 0"));
    const double lo = double(a.params.integer(QStringLiteral("min"), int64_t(-kMaxExactInt)));
    const double hi = double(a.params.integer(QStringLiteral("max"), int64_t(kMaxExactInt)));
    a.params.requireOrdered(QStringLiteral("min"), lo, QStringLiteral("max"), hi);
    return std::make_unique<ShapedInt>(a.rng, ShapedInt::Shape::Normal, mean, sd, lo, hi);
}

std::unique_ptr<Generator> makeExponential(GeneratorArgs &a)
{
    const double mean = a.params.number(QStringLiteral("mean"));
    if (mean <= 0)
        a.params.error(QStringLiteral("mean"), QStringLiteral("'mean' must be above 0"));
    const double lo = double(a.params.integer(QStringLiteral("min"), 0));
    const double hi = double(a.params.integer(QStringLiteral("max"), int64_t(kMaxExactInt)));
    a.params.requireOrdered(QStringLiteral("min"), lo, QStringLiteral("max"), hi);
    return std::make_unique<ShapedInt>(a.rng, ShapedInt::Shape::Exponential, mean, 0, lo, hi);
}

std::unique_ptr<Generator> makePoisson(GeneratorArgs &a)
{
    const double lambda = a.params.number(QStringLiteral("lambda"));
    if (lambda <= 0 || lambda > 1e9)
        a.params.error(QStringLiteral("lambda"),
                       QStringLiteral("'lambda' (the mean) must be above 0 and at most 1e9"));
    const double hi = double(a.params.integer(QStringLiteral("max"), int64_t(kMaxExactInt)));
    return std::make_unique<ShapedInt>(a.rng, ShapedInt::Shape::Poisson, lambda, 0, 0.0, hi);
}

std::unique_ptr<Generator> makeZipf(GeneratorArgs &a)
{
    const int64_t lo = a.params.integer(QStringLiteral("min"), 1);
    const int64_t hi = a.params.integer(QStringLiteral("max"));
    const double s = a.params.number(QStringLiteral("s"), 1.0);
    a.params.requireOrdered(QStringLiteral("min"), double(lo), QStringLiteral("max"), double(hi));
    if (s <= 0 || s > 20)
        a.params.error(QStringLiteral("s"), QStringLiteral("'s' (the exponent) must be above 0 and "
                                                           "at most 20; 1 is classic Zipf"));
    return std::make_unique<ZipfInt>(a.rng, lo, uint64_t(std::max<int64_t>(hi - lo + 1, 1)),
                                     s > 0 ? s : 1.0);
}

std::unique_ptr<Generator> makeSequence(GeneratorArgs &a)
{
    const int64_t start = a.params.integer(QStringLiteral("start"), 1);
    const int64_t step = a.params.integer(QStringLiteral("step"), 1);
    const int64_t run = a.params.integer(QStringLiteral("run"), 0);
    const int64_t skip = a.params.integer(QStringLiteral("skip"), 0);
    if (run < 0)
        a.params.error(QStringLiteral("run"),
                       QStringLiteral("'run' (%1) is negative: give the number of values "
                                      "taken before each gap, 1 or more")
                           .arg(run));
    if (skip < 0)
        a.params.error(QStringLiteral("skip"),
                       QStringLiteral("'skip' (%1) is negative: give the number of values "
                                      "left out after each run, 0 or more")
                           .arg(skip));
    else if (skip > 0 && run <= 0)
        a.params.error(QStringLiteral("skip"),
                       QStringLiteral("'skip' needs 'run': the number of values taken before "
                                      "each gap of %1")
                           .arg(skip));
    return std::make_unique<Sequence>(start, step, std::max<int64_t>(run, 0),
                                      std::max<int64_t>(skip, 0));
}

// Scale from "scale", else from the column type numeric(p,s), else 2.
int decimalScale(GeneratorArgs &a, int &precision)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:numeric|decimal)\\((\\d+)(?:,\\s*(\\d+))?\\)"));
    const auto m = re.match(a.sqlType);
    precision = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int typeScale = m.hasMatch() ? m.captured(2).toInt() : 2;
    const int scale = int(a.params.integer(QStringLiteral("scale"), typeScale));
    if (scale < 0 || scale > 15)
        a.params.error(QStringLiteral("scale"), QStringLiteral("'scale' must be between 0 and 15"));
    return std::clamp(scale, 0, 15);
}

std::unique_ptr<Generator> makeDecimal(GeneratorArgs &a)
{
    int precision = 0;
    const int scale = decimalScale(a, precision);
    const double factor = std::pow(10.0, scale);
    double lo = a.params.number(QStringLiteral("min"));
    double hi = a.params.number(QStringLiteral("max"));
    a.params.requireOrdered(QStringLiteral("min"), lo, QStringLiteral("max"), hi);
    const double limit = std::max(std::abs(lo), std::abs(hi)) * factor;
    if (!(limit <= kMaxExactInt))
        a.params.error(QStringLiteral("max"), QStringLiteral("the range times 10^scale exceeds "
                                                             "2^53: lower 'scale' or the range"));
    if (precision > 0 && std::max(std::abs(lo), std::abs(hi)) >= std::pow(10.0, precision - scale))
        a.params.error(QStringLiteral("max"), QStringLiteral("values up to %1 do not fit the "
                                                             "column type %2: widen the type or "
                                                             "narrow the range")
                                                  .arg(std::max(std::abs(lo), std::abs(hi)))
                                                  .arg(a.sqlType));
    if (!(limit <= kMaxExactInt)) {
        // Refused above; clamped so that reading the other parameters converts nothing undefined.
        lo = std::clamp(lo, -kMaxExactInt / factor, kMaxExactInt / factor);
        hi = std::clamp(hi, lo, kMaxExactInt / factor);
    }
    const double loU = std::ceil(lo * factor - 1e-9), hiU = std::floor(hi * factor + 1e-9);
    ParamReader &p = a.params;
    const Spread spread = Spread::read(p, loU, std::max(loU, hiU), 0, factor);
    auto g = std::make_unique<DecimalGen>(a.rng, spread, scale, 1.0 / factor);
    g->setDomain(int64_t(loU), uint64_t(std::max(0.0, hiU - loU) + 1));
    return g;
}

std::unique_ptr<Generator> makeFloat(GeneratorArgs &a)
{
    const double lo = a.params.number(QStringLiteral("min"));
    const double hi = a.params.number(QStringLiteral("max"));
    a.params.requireOrdered(QStringLiteral("min"), lo, QStringLiteral("max"), hi);
    const int digits = int(a.params.integer(QStringLiteral("digits"), -1));
    if (digits < -1 || digits > 15)
        a.params.error(QStringLiteral("digits"),
                       QStringLiteral("'digits' (after the point) must be between 0 and 15"));
    const Spread spread = Spread::read(a.params, lo, std::max(lo, hi));
    return std::make_unique<FloatGen>(a.rng, spread, std::clamp(digits, -1, 15));
}

std::unique_ptr<Generator> makeBoolean(GeneratorArgs &a)
{
    const double p = a.params.number(QStringLiteral("probability"), 0.5);
    a.params.requireRange(QStringLiteral("probability"), p, 0, 1);
    return std::make_unique<BooleanGen>(a.rng, std::clamp(p, 0.0, 1.0));
}

std::unique_ptr<Generator> makeUuid(GeneratorArgs &a)
{
    const int64_t version = a.params.integer(QStringLiteral("version"), 4);
    if (version != 4 && version != 7) {
        a.params.error(QStringLiteral("version"),
                       QStringLiteral("'version' must be 4 (random) or 7 (time-ordered)"));
        return nullptr;
    }
    if (version == 4)
        return std::make_unique<UuidV4>(a.rng);
    const int64_t start =
        a.params.timestamp(QStringLiteral("start"), daysFromCivil(2024, 1, 1) * 86400000000LL);
    const int64_t step = a.params.duration(QStringLiteral("step"), 1000);
    a.params.requireRange(QStringLiteral("step"), double(step), 0, 86400e6);
    return std::make_unique<UuidV7>(a.rng, start, step,
                                    a.params.name(QStringLiteral("column"),
                                                  QStringLiteral("date or timestamp column of "
                                                                 "this table"),
                                                  QString()));
}

} // namespace

void registerNumericGenerators(GeneratorRegistry &r)
{
    const QString number = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "number"));
    const QString integer = QStringLiteral("integer");
    r.add({QStringLiteral("uniform"), number,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry", "Integers spread evenly over [min, max]")),
           integer, makeUniform});
    r.add({QStringLiteral("normal"), number,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry",
               "Integers in a bell curve around mean (stddev), optionally clamped")),
           integer, makeNormal});
    r.add({QStringLiteral("exponential"), number,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry",
                                 "Integers from min, mostly small, with the given mean above min")),
           integer, makeExponential});
    r.add({QStringLiteral("poisson"), number,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "Counts of events with mean lambda (0, 1, 2, ...)")),
           integer, makePoisson});
    r.add(
        {QStringLiteral("zipf"), number,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "GeneratorRegistry", "Power law over [min, max]: min is most frequent (exponent s)")),
         integer, makeZipf});
    r.add({QStringLiteral("sequence"), number,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "start, start + step, ...: unique row numbers")),
           QStringLiteral("bigint"), makeSequence});
    r.add({QStringLiteral("decimal"), number,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry",
               "Exact decimals in [min, max] with a fixed scale and a distribution")),
           QStringLiteral("numeric(12,2)"), makeDecimal});
    r.add({QStringLiteral("float"), number,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Floating-point numbers in [min, max] with a distribution")),
           QStringLiteral("double precision"), makeFloat});
    r.add(
        {QStringLiteral("boolean"),
         QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "choice")),
         QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "true with the given probability")),
         QStringLiteral("boolean"), makeBoolean});
    r.add({QStringLiteral("uuid"),
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "identifier")),
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry",
               "UUIDs, random (v4) or time-ordered (v7), unique by construction")),
           QStringLiteral("uuid"), makeUuid});
}

} // namespace spillway
