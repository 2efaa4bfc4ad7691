// Dates, timestamps and times of day: in a range with a distribution, or after another column of
// the same row, of its parent row or of a row its reference drew, by an interval with a
// distribution ("shipped after ordered", "l_shipdate after parent.o_orderdate").

#include "generators/distribution.h"
#include "generators/expressiongenerator.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include "generators/zones.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace spillway {
namespace {

constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

// One class for the three types: `unit` is how many microseconds one step of the output is
// (a day for dates, 10^(6 - precision) for timestamps), values are held in steps.
class Temporal final : public Generator
{
public:
    Temporal(RandomStream rng, ValueKind kind, int64_t unitMicros, Spread spread, int64_t lo,
             int64_t hi)
        : m_rng(rng)
        , m_kind(kind)
        , m_unit(unitMicros)
        , m_spread(spread)
        , m_lo(lo)
        , m_hi(hi)
    {}

    void setAfter(const QString &column, Spread interval, std::optional<RowExpression> other)
    {
        m_afterColumn = column;
        m_interval = interval;
        m_afterOther = std::move(other);
    }

    // A time series: the n-th row (or n-th child of its parent) at start + n * every, plus a
    // uniform jitter in [0, jitter).
    void setSeries(int64_t everySteps, int64_t jitterSteps)
    {
        m_every = everySteps;
        m_jitter = jitterSteps;
    }

    void generate(const BatchContext &ctx, Value *out) const override
    {
        if (m_every > 0) {
            for (uint32_t i = 0; i < ctx.count; ++i) {
                const int64_t n = ctx.ordinals ? int64_t(ctx.ordinals[i]) : int64_t(ctx.row(i));
                const int64_t jitter =
                    m_jitter > 0 ? int64_t(m_rng.below(ctx.row(i), uint64_t(m_jitter), 0)) : 0;
                out[i] = make((m_lo + n * m_every + jitter) * m_unit);
            }
            return;
        }
        if (m_afterColumn.isEmpty()) {
            for (uint32_t i = 0; i < ctx.count; ++i)
                out[i] = make(m_spread.sampleInt(m_rng, ctx.row(i), 0) * m_unit);
            return;
        }
        std::vector<Value> other;
        if (m_afterOther) { // a column of another row, read as a timestamp
            other.resize(ctx.count);
            m_afterOther->evaluate(ctx, {}, other.data());
        }
        const Value *base = m_afterOther ? other.data() : ctx.batch->column(m_afterIndex);
        if (m_kind == ValueKind::Date && m_unit == kMicrosPerDay) {
            afterDates(ctx, base, out);
            return;
        }
        for (uint32_t i = 0; i < ctx.count; ++i) {
            const Value &b = base[i];
            if (b.isNull()) {
                out[i] = Value::null();
                continue;
            }
            const int64_t baseMicros = b.kind == ValueKind::Date ? b.i * kMicrosPerDay : b.i;
            const int64_t delta = m_interval.sampleInt(m_rng, ctx.row(i), 0) * m_unit;
            out[i] = make(floorTo(baseMicros, m_unit) + delta);
        }
    }

    std::optional<uint64_t> cardinality() const override
    {
        if (!m_afterColumn.isEmpty() || !m_spread.isUniform() || m_every > 0)
            return std::nullopt;
        return uint64_t(m_hi - m_lo) + 1;
    }
    bool canEnumerate() const override
    {
        return m_afterColumn.isEmpty() && m_spread.isUniform() && m_every == 0;
    }
    Value valueAt(uint64_t index, Arena &) const override
    {
        return make((m_lo + int64_t(index)) * m_unit);
    }
    QStringList dependencies() const override
    {
        if (m_afterColumn.isEmpty() || m_afterColumn.contains(QLatin1Char('.')))
            return {}; // another row's column is read by m_afterOther
        return {m_afterColumn};
    }
    bool needsParent() const override { return m_afterOther && m_afterOther->needsParent(); }
    std::vector<RowRead> otherRowReads() const override
    {
        std::vector<RowRead> reads;
        if (m_afterOther)
            m_afterOther->addReads(reads);
        return reads;
    }
    void bindTable(const TableRuntime &table) override
    {
        if (m_afterOther)
            m_afterOther->bindTable(table);
    }
    QString dependencyKey(int) const override { return QStringLiteral("after.column"); }
    void bindDependencies(const QList<int> &indexes) override
    {
        if (!indexes.isEmpty())
            m_afterIndex = indexes.front();
    }

private:
    // A date after a date or a timestamp: whole days, without dividing microseconds.
    void afterDates(const BatchContext &ctx, const Value *base, Value *out) const
    {
        for (uint32_t i = 0; i < ctx.count; ++i) {
            const Value &b = base[i];
            if (b.isNull()) {
                putValue(out + i, Value::null());
                continue;
            }
            const int64_t days =
                b.kind == ValueKind::Date ? b.i : floorTo(b.i, kMicrosPerDay) / kMicrosPerDay;
            putValue(out + i, Value::date(days + m_interval.sampleInt(m_rng, ctx.row(i), 0)));
        }
    }
    static int64_t floorTo(int64_t v, int64_t unit)
    {
        const int64_t q = v / unit - (v % unit < 0 ? 1 : 0);
        return q * unit;
    }
    Value make(int64_t micros) const
    {
        switch (m_kind) {
        case ValueKind::Date:
            return Value::date(floorTo(micros, kMicrosPerDay) / kMicrosPerDay);
        case ValueKind::Time:
            return Value::time(((micros % kMicrosPerDay) + kMicrosPerDay) % kMicrosPerDay);
        default:
            return Value::timestamp(micros);
        }
    }

    RandomStream m_rng;
    ValueKind m_kind;
    int64_t m_unit;
    Spread m_spread;
    int64_t m_lo, m_hi; // range in steps
    QString m_afterColumn;
    int m_afterIndex = -1;
    std::optional<RowExpression> m_afterOther; // after parent.x or ref.x
    Spread m_interval;
    int64_t m_every = 0, m_jitter = 0;
};

int64_t microsOfTimeOfDay(ParamReader &p, const QString &key, int64_t fallback)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?$"));
    const auto v = p.optional(key);
    if (!v)
        return fallback;
    const auto m = re.match(v->toString());
    if (!m.hasMatch() || m.captured(1).toInt() > 23 || m.captured(2).toInt() > 59 ||
        m.captured(3).toInt() > 59) {
        p.error(key, QStringLiteral("'%1' must be a time of day written HH:MM[:SS], such as "
                                    "\"08:30:00\"")
                         .arg(key));
        return fallback;
    }
    return ((m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) * 60 +
            m.captured(3).toLongLong()) *
               1000000 +
           m.captured(4).leftJustified(6, QLatin1Char('0')).toLongLong();
}

// Reads {"after": {"column": X, "min": ..., "max": ..., "distribution": ...}} in steps.
void readAfter(GeneratorArgs &a, Temporal &g, int64_t unit)
{
    const auto after = a.params.optional(QStringLiteral("after"));
    if (!after)
        return;
    if (!after->isObject()) {
        a.params.error(QStringLiteral("after"),
                       QStringLiteral("'after' must be an object such as {\"column\": "
                                      "\"ordered_at\", \"min\": \"1 day\", \"max\": \"30 days\"}"));
        return;
    }
    ParamReader reader = a.params.nested(QStringLiteral("after"), after->toObject());
    const QString column =
        reader.name(QStringLiteral("column"), QStringLiteral("column of this table"));
    const int64_t lo = reader.duration(QStringLiteral("min"), 0) / unit;
    const int64_t hi = reader.duration(QStringLiteral("max")) / unit;
    reader.requireOrdered(QStringLiteral("min"), double(lo), QStringLiteral("max"), double(hi));
    const Spread spread = Spread::read(reader, double(lo), double(std::max(lo, hi)), unit);
    reader.rejectUnknown();
    std::optional<RowExpression> other;
    if (column.contains(QLatin1Char('.'))) {
        QList<ExprProblem> problems;
        // Read as the column's own kind of value: a date column adds whole days to a date.
        const QString as =
            unit == kMicrosPerDay ? QStringLiteral("date") : QStringLiteral("timestamp");
        other = RowExpression::compile(a, column, as, &problems);
        for (const ExprProblem &problem : std::as_const(problems))
            reader.error(QStringLiteral("column"), problem.message);
    }
    g.setAfter(column, spread, std::move(other));
}

std::unique_ptr<Generator> makeTemporal(GeneratorArgs &a, ValueKind kind)
{
    ParamReader &p = a.params;
    int64_t unit = kMicrosPerDay;
    int64_t lo = 0, hi = 0;
    if (kind == ValueKind::Date) {
        lo = p.date(QStringLiteral("min"), daysFromCivil(2020, 1, 1));
        hi = p.date(QStringLiteral("max"), daysFromCivil(2025, 12, 31));
    } else if (kind == ValueKind::Timestamp) {
        const int precision = int(p.integer(QStringLiteral("precision"), 0));
        if (precision < 0 || precision > 6)
            p.error(QStringLiteral("precision"),
                    QStringLiteral("'precision' (fractional second digits) must be 0 to 6"));
        unit = 1;
        for (int i = std::clamp(precision, 0, 6); i < 6; ++i)
            unit *= 10;
        lo = p.timestamp(QStringLiteral("min"), daysFromCivil(2020, 1, 1) * kMicrosPerDay) / unit;
        hi = p.timestamp(QStringLiteral("max"), daysFromCivil(2026, 1, 1) * kMicrosPerDay - 1) /
             unit;
    } else {
        unit = 1000000;
        lo = microsOfTimeOfDay(p, QStringLiteral("min"), 0) / unit;
        hi = microsOfTimeOfDay(p, QStringLiteral("max"), kMicrosPerDay - 1) / unit;
    }
    p.requireOrdered(QStringLiteral("min"), double(lo), QStringLiteral("max"), double(hi));
    const Spread spread = Spread::read(p, double(lo), double(std::max(lo, hi)), unit);
    auto g = std::make_unique<Temporal>(a.rng, kind, unit, spread, lo, std::max(lo, hi));
    readAfter(a, *g, kind == ValueKind::Date ? kMicrosPerDay : unit);
    if (p.has(QStringLiteral("every"))) {
        const int64_t every = p.duration(QStringLiteral("every")) / unit;
        const int64_t jitter = p.duration(QStringLiteral("jitter"), 0) / unit;
        if (every < 1)
            p.error(QStringLiteral("every"),
                    QStringLiteral("'every' must be at least one step of the column (a day for "
                                   "dates, one unit of the timestamp's precision)"));
        p.requireRange(QStringLiteral("jitter"), double(jitter), 0, 1e18);
        g->setSeries(std::max<int64_t>(every, 0), std::max<int64_t>(jitter, 0));
    }
    return g;
}

// Instants of an inner timestamp generator, each shown in a time zone picked per row: the
// value keeps the instant and the zone's offset at that instant (daylight saving included).
class ZonedTimestamp final : public Generator
{
public:
    ZonedTimestamp(std::unique_ptr<Generator> inner, ZoneSet zones)
        : m_inner(std::move(inner))
        , m_zones(std::move(zones))
    {}

    void generate(const BatchContext &ctx, Value *out) const override
    {
        m_inner->generate(ctx, out);
        for (uint32_t i = 0; i < ctx.count; ++i) {
            if (!out[i].isNull())
                out[i] = Value::timestampTz(out[i].i, m_zones.offsetAt(ctx.row(i), out[i].i));
        }
    }
    QStringList dependencies() const override { return m_inner->dependencies(); }
    QString dependencyKey(int i) const override { return m_inner->dependencyKey(i); }
    void bindDependencies(const QList<int> &indexes) override
    {
        m_inner->bindDependencies(indexes);
    }
    // An `after` that reads another row is the inner generator's: it binds and reads through it.
    bool needsParent() const override { return m_inner->needsParent(); }
    void bindTable(const TableRuntime &table) override { m_inner->bindTable(table); }
    void prepare() override { m_inner->prepare(); }
    std::vector<RowRead> otherRowReads() const override { return m_inner->otherRowReads(); }

private:
    std::unique_ptr<Generator> m_inner;
    ZoneSet m_zones;
};

std::unique_ptr<Generator> makeZoned(GeneratorArgs &a)
{
    QStringList names{QStringLiteral("UTC")};
    if (a.params.has(QStringLiteral("zones"))) {
        names.clear();
        for (const QJsonValue &v : a.params.array(QStringLiteral("zones")))
            names.append(v.toString());
    }
    std::vector<double> weights(size_t(names.size()), 1.0);
    if (a.params.has(QStringLiteral("zoneWeights"))) {
        const QJsonArray w = a.params.array(QStringLiteral("zoneWeights"));
        if (w.size() != names.size())
            a.params.error(
                QStringLiteral("zoneWeights"),
                QStringLiteral("'zoneWeights' needs one number per zone (%1)").arg(names.size()));
        double total = 0;
        for (qsizetype k = 0; k < std::min(w.size(), names.size()); ++k) {
            if (!w[k].isDouble() || w[k].toDouble() < 0)
                a.params.error(QStringLiteral("zoneWeights"),
                               QStringLiteral("'zoneWeights' must be numbers of 0 or more"));
            weights[size_t(k)] = std::max(0.0, w[k].toDouble());
            total += weights[size_t(k)];
        }
        if (total <= 0)
            a.params.error(QStringLiteral("zoneWeights"),
                           QStringLiteral("'zoneWeights' needs at least one weight above 0"));
    }
    QString problem;
    auto zones = ZoneSet::create(names, weights, a.rng.derive(hashName("zone")), &problem);
    if (!zones) {
        a.params.error(QStringLiteral("zones"), problem);
        return nullptr;
    }
    auto inner = makeTemporal(a, ValueKind::Timestamp);
    return std::make_unique<ZonedTimestamp>(std::move(inner), std::move(*zones));
}

// Durations in [min, max] as PostgreSQL prints intervals ("3 days 04:05:06") or in ISO 8601
// ("P3DT4H5M6S").
class IntervalGenerator final : public RowGenerator<IntervalGenerator>
{
public:
    IntervalGenerator(RandomStream rng, Spread spread, int64_t unit, bool iso)
        : m_rng(rng)
        , m_spread(spread)
        , m_unit(unit)
        , m_iso(iso)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        char buffer[96];
        const int64_t micros = m_spread.sampleInt(m_rng, row, 0) * m_unit;
        const size_t n = m_iso ? formatIsoInterval(micros, buffer) : formatInterval(micros, buffer);
        return Value::string(arena.copy({buffer, n}));
    }

private:
    RandomStream m_rng;
    Spread m_spread;
    int64_t m_unit;
    bool m_iso;
};

std::unique_ptr<Generator> makeInterval(GeneratorArgs &a)
{
    ParamReader &p = a.params;
    const int64_t unit = 1000000; // whole seconds
    const int64_t lo = p.duration(QStringLiteral("min"), 0) / unit;
    const int64_t hi = p.duration(QStringLiteral("max"), 30 * kMicrosPerDay) / unit;
    p.requireRange(QStringLiteral("min"), double(lo), 0, 1e12);
    p.requireOrdered(QStringLiteral("min"), double(lo), QStringLiteral("max"), double(hi));
    const Spread spread = Spread::read(p, double(lo), double(std::max(lo, hi)), unit);
    const int style =
        p.option(QStringLiteral("style"), {QStringLiteral("postgres"), QStringLiteral("iso")});
    return std::make_unique<IntervalGenerator>(a.rng, spread, unit, style == 1);
}

} // namespace

void registerTemporalGenerators(GeneratorRegistry &r)
{
    const QString time = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "time"));
    r.add({QStringLiteral("date"), time,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Dates in [min, max], or after another column by an interval")),
           QStringLiteral("date"),
           [](GeneratorArgs &a) { return makeTemporal(a, ValueKind::Date); }});
    r.add({QStringLiteral("timestamp"), time,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry",
               "Timestamps in [min, max], or after another column by an interval")),
           QStringLiteral("timestamp"),
           [](GeneratorArgs &a) { return makeTemporal(a, ValueKind::Timestamp); }});
    r.add({QStringLiteral("time"), time,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "Times of day in [min, max]")),
           QStringLiteral("time"),
           [](GeneratorArgs &a) { return makeTemporal(a, ValueKind::Time); }});
    r.add({QStringLiteral("timestamptz"), time,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Instants in [min, max] (UTC), shown in weighted time zones")),
           QStringLiteral("timestamptz"), makeZoned});
    r.add({QStringLiteral("interval"), time,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Durations in [min, max], PostgreSQL or ISO 8601 style")),
           QStringLiteral("interval"), makeInterval});
}

} // namespace spillway
