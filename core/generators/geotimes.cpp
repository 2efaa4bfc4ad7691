// track_times: a timestamptz[] with one time per vertex of a track column of the same row,
// from a start time (another column of the row, or drawn between "from" and "to") in steps of
// "interval". Reads the track's vertex count from its value, so the two always agree.

#include "base/geometry.h"
#include "base/valueformat.h"
#include "generators/nested.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

namespace spillway {

namespace {

class TrackTimes final : public Generator
{
public:
    struct Spec
    {
        QString track;        // the LineString column
        QString start;        // a timestamp column of the row, or empty: drawn from [from, to]
        int64_t from = 0;     // micros since 1970, UTC
        int64_t to = 0;       // inclusive
        int64_t interval = 0; // micros between vertices
    };
    TrackTimes(Spec spec, RandomStream rng)
        : m_spec(std::move(spec))
        , m_rng(rng)
    {}

    void generate(const BatchContext &ctx, Value *out) const override
    {
        thread_local Geometry g;
        const Value *tracks = ctx.batch->column(m_trackIndex);
        const Value *starts = m_startIndex >= 0 ? ctx.batch->column(m_startIndex) : nullptr;
        for (uint32_t i = 0; i < ctx.count; ++i) {
            const Value &track = tracks[i];
            std::optional<Value> start = startOf(ctx.row(i), starts ? &starts[i] : nullptr);
            if (!start || track.kind != ValueKind::Text || !readGeometryText(track.view(), g)) {
                out[i] = Value::null();
                continue;
            }
            out[i] = write(*start, g.pointCount(), *ctx.arena);
        }
    }

    QStringList dependencies() const override
    {
        return m_spec.start.isEmpty() ? QStringList{m_spec.track}
                                      : QStringList{m_spec.track, m_spec.start};
    }
    QString dependencyKey(int i) const override
    {
        return i == 0 ? QStringLiteral("track") : QStringLiteral("start");
    }
    void bindDependencies(const QList<int> &indexes) override
    {
        m_trackIndex = indexes.value(0, -1);
        m_startIndex = indexes.value(1, -1);
    }
    uint64_t valuesPerRow() const override { return uint64_t(kMaxArrayLength); }

private:
    // The row's first time as a TimestampTz, or nullopt (a null or non-time start).
    std::optional<Value> startOf(uint64_t row, const Value *start) const
    {
        if (!start) {
            const uint64_t span = uint64_t(m_spec.to - m_spec.from) + 1;
            return Value::timestampTz(m_spec.from + int64_t(m_rng.below(row, span, 0)), 0);
        }
        switch (start->kind) {
        case ValueKind::TimestampTz:
            return *start;
        case ValueKind::Timestamp:
            return Value::timestampTz(start->i, 0);
        case ValueKind::Date:
            return Value::timestampTz(start->i * 86400LL * 1000000, 0);
        default:
            return std::nullopt;
        }
    }
    Value write(const Value &start, uint32_t n, Arena &arena) const
    {
        const std::string_view text = arena.write(2 + size_t(n) * 40, [&](char *begin) {
            char *p = begin;
            *p++ = '{';
            for (uint32_t k = 0; k < n; ++k) {
                if (k)
                    *p++ = ',';
                p = writeArrayElement(p, Value::timestampTz(start.i + int64_t(k) * m_spec.interval,
                                                            start.zoneOffset()));
            }
            *p++ = '}';
            return size_t(p - begin);
        });
        return Value::string(text);
    }

    Spec m_spec;
    RandomStream m_rng;
    int m_trackIndex = -1;
    int m_startIndex = -1;
};

} // namespace

std::unique_ptr<Generator> createTrackTimes(GeneratorArgs &a)
{
    TrackTimes::Spec spec;
    spec.track = a.params.name(QStringLiteral("track"), QStringLiteral("column"));
    spec.start = a.params.name(QStringLiteral("start"), QStringLiteral("column"), QString());
    spec.interval = a.params.duration(QStringLiteral("interval"), 30LL * 1000000);
    a.params.requireRange(QStringLiteral("interval"), double(spec.interval), 1,
                          86400.0 * 1000000 * 365);
    if (spec.start.isEmpty()) {
        spec.from = a.params.timestamp(QStringLiteral("from"),
                                       *ParamReader::parseTimestamp(QStringLiteral("2024-01-01")));
        spec.to = a.params.timestamp(QStringLiteral("to"),
                                     *ParamReader::parseTimestamp(QStringLiteral("2024-12-31")));
        a.params.requireOrdered(QStringLiteral("from"), double(spec.from), QStringLiteral("to"),
                                double(spec.to));
    }
    if (!a.sqlType.endsWith(QLatin1String("[]"))) {
        a.params.error(QString(), QStringLiteral("track_times writes an array of times, but the "
                                                 "column is %1: declare it as timestamptz[]")
                                      .arg(a.sqlType));
        return nullptr;
    }
    if (spec.track.isEmpty() || spec.interval < 1 || spec.from > spec.to)
        return nullptr;
    return std::make_unique<TrackTimes>(std::move(spec), a.rng);
}

} // namespace spillway
