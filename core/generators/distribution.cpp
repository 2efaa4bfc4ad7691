#include "generators/distribution.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace spillway {

Spread Spread::read(ParamReader &params, double lo, double hi, int64_t durationUnit,
                    double numberScale)
{
    auto amount = [&](const QString &key, double fallback) {
        if (durationUnit <= 0)
            return params.number(key, fallback / numberScale) * numberScale;
        return double(params.duration(key, int64_t(fallback * double(durationUnit)))) /
               double(durationUnit);
    };
    Spread s;
    s.m_lo = lo;
    s.m_hi = hi;
    // Converted only within int64/uint64's range: a bound past it (refused later by the column
    // type's checks) must not make the conversion undefined first.
    s.m_loInt = uint64_t(int64_t(std::ceil(std::clamp(lo, -9.2e18, 9.2e18))));
    const double span = std::floor(hi) - std::ceil(lo) + 1;
    s.m_spanInt = !(span >= 1) ? 1 : span >= 1.8e19 ? UINT64_MAX : uint64_t(span);
    const QString kind = params.string(QStringLiteral("distribution"), QStringLiteral("uniform"));
    const double width = hi - lo;
    if (kind == QLatin1String("uniform")) {
        s.m_shape = Shape::Uniform;
    } else if (kind == QLatin1String("normal")) {
        s.m_shape = Shape::Normal;
        s.m_mean =
            durationUnit > 0 ? lo + width / 2 : amount(QStringLiteral("mean"), lo + width / 2);
        if (durationUnit > 0 && params.has(QStringLiteral("mean")))
            params.error(QStringLiteral("mean"),
                         QStringLiteral("a normal spread of dates or times is centred in its "
                                        "range: set min and max instead of 'mean'"));
        s.m_stddev = amount(QStringLiteral("stddev"), width > 0 ? width / 6 : 1);
        if (s.m_stddev <= 0)
            params.error(QStringLiteral("stddev"), QStringLiteral("'stddev' must be above 0"));
    } else if (kind == QLatin1String("exponential")) {
        s.m_shape = Shape::Exponential;
        s.m_mean = amount(QStringLiteral("mean"), width > 0 ? width / 5 : 1);
        const QString from = params.string(QStringLiteral("from"), QStringLiteral("min"));
        if (from != QLatin1String("min") && from != QLatin1String("max"))
            params.error(QStringLiteral("from"),
                         QStringLiteral("'from' must be \"min\" or \"max\" (the end most values "
                                        "cluster at)"));
        s.m_fromHigh = from == QLatin1String("max");
        if (s.m_mean <= 0)
            params.error(QStringLiteral("mean"), QStringLiteral("'mean' must be above 0"));
        else
            s.m_truncation = -std::expm1(-width / s.m_mean);
    } else {
        params.error(QStringLiteral("distribution"),
                     QStringLiteral("unknown distribution '%1': use uniform, normal or exponential")
                         .arg(kind));
    }
    return s;
}

} // namespace spillway
